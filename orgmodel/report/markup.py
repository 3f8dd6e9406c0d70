"""Text from an org file made safe for a terminal line or a Markdown page.

Names and titles come from people's files and HR systems: a newline or an escape sequence in
one must not start a new line in a report or recolour a terminal, and a ``|`` or ``<`` must not
break a Markdown table or inject HTML into a pull-request comment.
"""

from __future__ import annotations

import re

_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
#: Markdown and HTML syntax characters, written so they show as themselves (a lone ">" opens no tag).
_MARKDOWN = {ch: f"&#{ord(ch)};" for ch in "<&|"} | {ch: "\\" + ch for ch in "\\`*_[]#~"}


def one_line(text: object) -> str:
    """``text`` with control characters shown as escapes (``\\n``, ``\\x1b``), never acted on."""
    return _CONTROL.sub(lambda m: _NAMED.get(m.group(), f"\\x{ord(m.group()):02x}" if ord(m.group()) < 256
                                             else f"\\u{ord(m.group()):04x}"), str(text))


def markdown(text: object) -> str:
    """``text`` for a Markdown paragraph or table cell: syntax characters escaped, one line."""
    return "".join(_MARKDOWN.get(ch, ch) for ch in one_line(text))
