"""The line-by-line reader of simple org files agrees with the general (libyaml) reader."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from orgmodel import load_text
from orgmodel.sources.yamlparse import YamlError, YamlList, YamlMap, _parse_events, _parse_simple, parse


def shape(value):
    """A value with every position in it, to compare two readings."""
    if isinstance(value, YamlMap):
        return ("map", value.mark, [(k, value.key_marks[k], value.value_marks[k], shape(v)) for k, v in value.items()])
    if isinstance(value, YamlList):
        return ("list", value.mark, list(value.item_marks), [shape(v) for v in value])
    return value


KEYS = ["id", "name", "role", "reports_to", "team", "hired", "org", "people", "on", "<<", "a b", "x"]
PLAIN = ["p1", "Kira Zamora", "ceo", "2014-02-09", "null", "Null", "NULL", "yes", "007", "Zoë Ünal", "a  b",
         "x-", "x.", "_x", "٣", "ǅ"]
TRICKY = ["~", "", "1:30", "a: b", "a #b", "'q'", '"q"', "[a]", "{a: 1}", "&x", "*x", "!tag", "-1", "- a", "a ",
          " a", "a\tb", "|", ">", "?", "%", "@x", ".x", "a\u2028b", "a\x85b", "a\xa0b"]
values = st.sampled_from(PLAIN * 40 + TRICKY)
keys = st.sampled_from(KEYS[:-3] * 5 + KEYS[-3:])
ODD = ["# note", "", "---", "  - a", "id:x", "id:", "  id:", "  -  id: x", "\tid: x", "  - [a, b]", "   id: x",
       "- id: x", "  - id: x", "    id: x", "...", "people: # all", "  - id: x\n      more"]


@st.composite
def documents(draw) -> str:
    """Mostly files of the simple shape, some with one line made odd."""
    lines = []
    for key in draw(st.lists(keys, min_size=1, max_size=4, unique=True)):
        if draw(st.booleans()):
            lines.append(f"{key}: {draw(values)}")
            continue
        lines.append(f"{key}:")
        dash = draw(st.sampled_from(["", "  ", "    "]))
        for _ in range(draw(st.integers(0, 3))):
            first, *more = draw(st.lists(keys, min_size=1, max_size=4, unique=True))
            lines.append(f"{dash}- {first}: {draw(values)}")
            lines += [f"{dash}  {k}: {draw(values)}" for k in more]
    if draw(st.integers(0, 3)) == 0:
        lines[draw(st.integers(0, len(lines) - 1))] = draw(st.sampled_from(ODD))
    return "\n".join(lines) + draw(st.sampled_from(["\n", "\n", "", "\r\n"]))


def general(text: str):
    try:
        root, mark, problems = _parse_events(text, 1000, [])
    except YamlError:
        return "error"
    return (shape(root), mark) if not problems else "problems"


@settings(max_examples=3000, deadline=None)
@given(documents())
def test_the_simple_reader_reads_what_it_takes_as_libyaml_does(text):
    simple = _parse_simple(text)
    if simple is not None:
        root, mark = simple
        assert general(text) == (shape(root), (mark >> 32, mark & 0xFFFFFFFF))


def test_a_generated_org_file_takes_the_simple_reader():
    text = ("org: Acme\nas_of: 2026-11-01\npeople:\n  - id: p0\n    name: Kira Zamora\n    role: ceo\n"
            "  - id: p1\n    name: Finn Yilmaz\n    role: cto\n    reports_to: p0\n    hired: 2013-08-16\n")
    assert _parse_simple(text) is not None
    root, mark = parse(text)
    assert shape(root) == general(text)[0]
    org = load_text(text, "org.yaml")
    assert org["p1"].reports_to == "p0" and (org["p1"].line, org["p1"].column) == (7, 5)


def test_anything_else_goes_to_the_general_reader():
    for text in ["org: Acme\npeople:\n  - id: p0\n    role: ceo  # the founder\n",
                 "org: Acme\npeople:\n  - id: p0\n    id: p1\n",
                 "org: Acme\npeople:\n  - id: p0\n    dotted_to:\n      - p1\n",
                 "org: 'Acme'\n", "org: Acme\r\n", "org: Acme"]:
        assert _parse_simple(text) is None, text
