"""printable(): the one place where text from an org file is made safe to print."""

import pytest

from orgmodel.findings import Problem
from orgmodel.printable import printable


@pytest.mark.parametrize("raw, shown", [
    ("a\nb", "a\\nb"), ("a\tb", "a\\tb"), ("a\rb", "a\\rb"), ("\x1b[31m", "\\x1b[31m"), ("\x00", "\\x00"),
    ("\x7f", "\\x7f"), ("\x85", "\\x85"), ("\x9b", "\\x9b"), ("\u2028\u2029", "\\u2028\\u2029"),
    ("\u202a\u202b\u202c\u202d\u202e", "\\u202a\\u202b\\u202c\\u202d\\u202e"),
    ("\u2066\u2067\u2068\u2069", "\\u2066\\u2067\\u2068\\u2069"), ("\u200e\u200f\u061c", "\\u200e\\u200f\\u061c"),
    ("\udcff", "\\udcff"), ("\ufffe\uffff", "\\ufffe\\uffff"),
])
def test_control_characters_become_visible_escapes(raw, shown):
    assert printable(f"x{raw}y") == f"x{shown}y"


@pytest.mark.parametrize("text", ["Zoë Ångström", "Γιώργος", "Дмитрий", "محمد", "דוד", "王伟", "山田太郎", "김민준",
                                  "देवनागरी", "🚀 team", "a\\nb (a written backslash)", ""])
def test_printable_text_in_any_script_is_left_alone(text):
    assert printable(text) is text


def test_an_error_line_stays_one_line_whatever_the_file_name_and_message():
    problem = Problem("org\n::error::x.yaml", 3, 4, "unknown key 'a\x1b[2Jb'")
    assert str(problem) == "org\\n::error::x.yaml:3:4: unknown key 'a\\x1b[2Jb'"
