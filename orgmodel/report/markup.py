"""Text from an org file made safe for a Markdown page (a pull-request comment).

A ``|`` or ``<`` in a name must not break a Markdown table or inject HTML, and a newline must
not end the line: control characters are escaped as everywhere else (``printable``).
"""

from __future__ import annotations

from ..printable import printable

#: Markdown and HTML syntax characters, written so they show as themselves (a lone ">" opens no tag).
_MARKDOWN = {ch: f"&#{ord(ch)};" for ch in "<&|"} | {ch: "\\" + ch for ch in "\\`*_[]#~"}


def markdown(text: object) -> str:
    """``text`` for a Markdown paragraph or table cell: syntax characters escaped, one line."""
    return "".join(_MARKDOWN.get(ch, ch) for ch in printable(str(text)))
