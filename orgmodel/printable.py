"""Make text from an org file safe to print: control characters become visible escapes.

Names, titles, messages and file names reach terminals, CI logs, XML and
web pages. A raw newline there could start a fake finding or a GitHub
workflow command (``::error ...``), an ANSI escape could recolour or hide
lines, a bidi override could show text in another order than it is, and
characters XML 1.0 forbids would break a JUnit file. Every reporter and
every error line passes user text through :func:`printable` (one place, so
no format forgets a character).
"""

from __future__ import annotations

import re

_NAMED = {"\n": "\\n", "\t": "\\t", "\r": "\\r"}

#: C0 controls, DEL, C1 controls, line and paragraph separators, bidi embeddings, overrides and
#: isolates (and the implicit marks), lone surrogates (from undecodable file names) and the two
#: non-characters XML 1.0 forbids.
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069"
                          "\ud800-\udfff\ufffe\uffff]")


def _escape(match: re.Match) -> str:
    char = match.group(0)
    if char in _NAMED:
        return _NAMED[char]
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: str) -> str:
    """``text`` with every control character written as an escape (``\\n``, ``\\x1b``, ``\\u202e``)."""
    return _UNPRINTABLE.sub(_escape, text) if _UNPRINTABLE.search(text) else text
