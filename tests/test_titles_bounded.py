"""Title inference does bounded work, whatever the length of a title or an alias."""

import time

import orgmodel.roles.catalog as catalog_module
from orgmodel import load_text
from orgmodel.roles import MAX_WORDS, RoleCatalog, read_title

HUGE = " ".join(["Senior Director of Product Marketing and Engineering"] * 286)  # 2,002 words
OTHER = " ".join(["Wrangler of Vibes"] * 667)  # 2,001 words, in no title


def org_with_a_shared_huge_title(people: int = 40) -> str:
    lines = ["org: X", "people:", "  - id: p0", f"    title: &t \"{HUGE}\""]
    lines += [f"  - {{id: p{i}, title: *t, reports_to: p0}}" for i in range(1, people)]
    return "\n".join(lines) + "\n"


def test_a_huge_title_shared_by_40_people_is_read_once(monkeypatch):
    calls = []

    def counting(title, vocabulary=None):
        calls.append(len(title))
        return read_title(title, vocabulary)

    monkeypatch.setattr(catalog_module, "read_title", counting)
    started = time.perf_counter()
    org = load_text(org_with_a_shared_huge_title(), "org.yaml")
    elapsed = time.perf_counter() - started
    assert len(org.people) == 40
    assert len({p.role.id for p in org}) == 1
    assert len(calls) == 1 and calls[0] <= 200, calls  # memoised, and cut before matching
    assert elapsed < 2, elapsed  # generous: the same file took 153 s when matching was cubic


def test_a_huge_custom_alias_is_cut_and_matching_stays_bounded():
    text = ("org: X\nroles:\n  vibes:\n    title: Vibes\n    family: other\n    rank: 40\n"
            f"    aliases: [\"{HUGE}\"]\npeople:\n  - {{id: a, title: \"{HUGE}\"}}\n")
    started = time.perf_counter()
    org = load_text(text, "org.yaml")
    assert time.perf_counter() - started < 2
    assert org.people["a"].role.id == "vibes"


def test_a_huge_alias_that_no_title_contains_costs_no_more_than_a_short_one():
    # Searching a 2,000-word title for a 2,000-word alias was cubic: seconds per title.
    text = ("org: X\nroles:\n  vibes:\n    title: Vibes\n    family: other\n    rank: 40\n"
            f"    aliases: [\"{OTHER}\"]\npeople:\n  - id: a\n    title: &t \"{HUGE}\"\n"
            + "".join(f"  - {{id: p{i}, title: *t, reports_to: a}}\n" for i in range(39)))
    started = time.perf_counter()
    org = load_text(text, "org.yaml")
    assert time.perf_counter() - started < 2
    assert len(org.people) == 40 and org.people["a"].role.id != "vibes"


def test_reading_is_linear_in_words_up_to_the_cap():
    reading = read_title(HUGE)
    assert len(reading.normalised.split()) <= MAX_WORDS
    catalog = RoleCatalog.builtin()
    assert catalog.infer(HUGE) is catalog.infer(HUGE + " and more")  # both cut to the same first 200 characters
