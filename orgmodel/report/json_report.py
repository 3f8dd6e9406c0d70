"""One JSON object: ``{"findings": [...], "errors": [...], "summary": {...}}``.

``errors`` lists input errors (files or configuration that could not be
read), so a script gets a parseable document whatever happened.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence

from ..findings import Finding

#: Characters JSON may carry raw but that break readers: lone surrogates (from an undecodable file
#: name) are not UTF-8; NEL and the line and paragraph separators split lines for str.splitlines and
#: older JavaScript; the rest are invisible controls. Inside a JSON string ``\\uXXXX`` is lossless,
#: and json.dumps writes everything outside strings in ASCII.
_ESCAPED = re.compile("[\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def dumps(value, **kwargs) -> str:
    """``json.dumps`` that keeps names readable (UTF-8) yet is always writable and one line per line."""
    text = json.dumps(value, ensure_ascii=False, **kwargs)
    return _ESCAPED.sub(lambda m: f"\\u{ord(m.group(0)):04x}", text)


def render(findings: Sequence[Finding], summary, context=None, *, color: bool = False) -> str:
    document = {"findings": [f.to_dict() for f in findings],
                "errors": [p.to_dict() for p in getattr(context, "errors", ())],
                "summary": summary.to_dict()}
    return dumps(document, indent=2) + "\n"
