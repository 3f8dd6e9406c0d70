"""Which person an id that names nobody means: only when it is clearly the same person."""

from hypothesis import given, settings
from hypothesis import strategies as st

from orgmodel.suggest import PersonFinder

IDS = st.lists(st.from_regex(r"[a-z][a-z0-9_.-]{0,11}", fullmatch=True), min_size=1, max_size=30, unique=True)
NAMES = st.text(st.characters(categories=("L", "Zs")), min_size=1, max_size=20)


@settings(max_examples=50)
@given(IDS, st.lists(NAMES, min_size=30, max_size=30), st.integers(0, 10**7))
def test_an_id_of_digits_alone_is_never_guessed(ids, names, number):
    finder = PersonFinder(zip(ids, names))
    for unknown in (str(number), f"{number:,}", f"{number}.0", f"#{number}"):
        assert finder.find(unknown) is None


@settings(max_examples=50)
@given(IDS)
def test_an_id_in_other_case_or_punctuation_means_that_person_unless_two_share_it(ids):
    finder = PersonFinder((pid, pid) for pid in ids)
    for pid in ids:
        same_spelling = [other for other in ids if other.replace("_", "").replace(".", "").replace("-", "")
                         == pid.replace("_", "").replace(".", "").replace("-", "")]
        expected = pid if len(same_spelling) == 1 and any(c.isalnum() for c in pid) else None
        assert finder.find(pid.upper().replace("_", "-")) == expected


def test_names_and_email_local_parts_in_any_order_case_and_accents():
    finder = PersonFinder([("jf", "Justin Farris"), ("jh", "Justin Ho"), ("jg", "José García"),
                           ("ana.lima@example.com", "Ana Lima")])
    assert finder.find("justinfarris") == "jf"
    assert finder.find("Farris.Justin@example.com") == "jf"
    assert finder.find("JOSE_GARCIA") == "jg"
    assert finder.find("ana.lima") == "ana.lima@example.com"
    assert finder.find("justin") is None  # a first name two people share is no one in particular


def test_typos_only_when_long_close_and_unambiguous():
    finder = PersonFinder([("alice", "Alice"), ("bob", "Bob"), ("rob", "Rob"), ("marta", "Marta"),
                           ("marty", "Marty"), ("emp-0079", "E")])
    assert finder.find("alcie") is None  # a swap keeps too little of a five-letter id
    assert finder.find("alce") == "alice"
    assert finder.find("aliice") == "alice"
    assert PersonFinder([("justinfarris", "J")]).find("justinfarirs") == "justinfarris"  # a swap in a long id
    assert finder.find("bbo") is None  # too short to call a typo
    assert finder.find("mart") is None  # one letter from marta and from marty
    assert finder.find("emp-0097") is None  # numbers with letters: only case and punctuation may differ
