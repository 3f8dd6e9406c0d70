"""Small helpers for messages a person reads."""

from __future__ import annotations


def plural(count: float, word: str, many: str | None = None) -> str:
    """``1 year``, ``2 years``, ``3 people``."""
    return f"{count:g} {word if count == 1 else many or word + 's'}"
