"""Small helpers for messages a person reads: counts with the right plural, nouns with the right article."""

from __future__ import annotations

import re

# Letters whose spoken name starts with a vowel sound: "an SRE", "an HR partner", "an MBA".
_VOWEL_SOUNDING_LETTERS = frozenset("AEFHILMNORSX")
# Vowel letters read with a consonant sound ("a unit", "a European", "a one-person team"),
# and silent h's ("an hour"). English has no rule for these; the list covers job-title words.
_CONSONANT_SOUNDING = ("uni", "use", "usu", "uti", "ura", "uro", "eu", "ewe", "one", "once")
_VOWEL_SOUNDING = ("hour", "honest", "honor", "honour", "heir")
_FIRST_WORD = re.compile(r"[^\W_]+")


def plural(count: float, word: str, many: str | None = None) -> str:
    """``1 year``, ``2 years``, ``0 people``, ``1.5 years``, ``1000000 people`` (never ``1e+06``)."""
    number = str(int(count)) if float(count).is_integer() else f"{count:g}"
    return f"{number} {word if count == 1 else many or word + 's'}"


def people(count: int) -> str:
    """``1 person``, ``2 people``, ``0 people``."""
    return plural(count, "person", "people")


def article(phrase: str) -> str:
    """``a`` or ``an``, as the phrase is spoken: ``an`` Engineering Manager, ``a`` UX Designer, ``an`` SRE."""
    found = _FIRST_WORD.search(phrase)
    if found is None:
        return "a"
    word = found.group()
    if word.isdigit():
        # "an 8-person team", "an 11-person team", "an 18..."; other numbers take "a".
        return "an" if word[0] == "8" or (len(word) in (2, 5) and word.startswith(("11", "18"))) else "a"
    if _is_initialism(word):
        return "an" if word[0].upper() in _VOWEL_SOUNDING_LETTERS else "a"
    lower = word.lower()
    if lower.startswith(_VOWEL_SOUNDING):
        return "an"
    if lower.startswith(_CONSONANT_SOUNDING) or lower == "u":
        return "a"
    return "an" if lower[0] in "aeiou" else "a"


def with_article(phrase: str) -> str:
    """``an Engineering Manager``, ``a Product Manager``."""
    return f"{article(phrase)} {phrase}"


def _is_initialism(word: str) -> bool:
    """Spelled letter by letter: ``SRE``, ``HR``, ``VP``; not ``Engineering`` or ``UNICEF``-like words."""
    letters = [c for c in word if c.isalpha()]
    if len(letters) < 2 or not all(c.isupper() for c in letters):
        return len(letters) == 1 and letters[0].isupper() and len(word) == 1
    # An all-capital word with vowels in it may be read as a word (NASA, UNICEF); the short
    # ones on job titles (SRE, HR, VP, EVP, SVP, CEO, UX, QA, HRBP, FP&A) are spelled out.
    return len(letters) <= 4 or not any(c in "AEIOU" for c in letters)
