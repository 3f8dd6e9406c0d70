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

#: C0 controls, DEL, C1 controls, the Arabic letter mark, the implicit direction marks, line and
#: paragraph separators, bidi embeddings and overrides, bidi isolates, lone surrogates (from
#: undecodable file names) and the two non-characters XML 1.0 forbids.
_RANGES = ((0x00, 0x1F), (0x7F, 0x9F), (0x61C, 0x61C), (0x200E, 0x200F), (0x2028, 0x202E), (0x2066, 0x2069),
           (0xD800, 0xDFFF), (0xFFFE, 0xFFFF))


def _escape(code: int) -> str:
    char = chr(code)
    if char in _NAMED:
        return _NAMED[char]
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


# A search finds the rare text that needs escaping; translate() then escapes it in one linear pass.
_UNPRINTABLE = re.compile("[" + "".join(f"\\u{first:04x}-\\u{last:04x}" for first, last in _RANGES) + "]")
_TABLE = {code: _escape(code) for first, last in _RANGES for code in range(first, last + 1)}


def printable(text: str) -> str:
    """``text`` with every control character written as an escape (``\\n``, ``\\x1b``, ``\\u202e``)."""
    return text.translate(_TABLE) if _UNPRINTABLE.search(text) else text
