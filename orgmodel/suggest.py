"""Closest-match hints for typos: ``did you mean 'reports_to'?``."""

from __future__ import annotations

import difflib
from collections.abc import Iterable


def closest(word: str, choices: Iterable[str]) -> str | None:
    """The choice most like ``word``, if any is close enough to be a typo of it."""
    # A ratio of 2*matches/(len(a)+len(b)) >= 0.6 needs the shorter string to be at
    # least 3/7 of the longer one; filtering on that first loses nothing and keeps
    # this fast when the choices are 100k person ids.
    size = len(word)
    near = [c for c in choices if 3 * max(len(c), size) <= 7 * min(len(c), size)]
    found = difflib.get_close_matches(word, near, n=1, cutoff=0.6)
    return found[0] if found else None


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """`` (did you mean 'x'?)`` for the closest choice, or an empty string."""
    found = closest(word, choices)
    return f" (did you mean {found!r}?)" if found else ""
