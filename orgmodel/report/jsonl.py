"""One JSON object per finding, one per line (no summary): easy to stream and grep.

Input errors (files or configuration that could not be read) follow, one
object each, with ``"kind": "input-error"`` instead of a rule ``code``.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..findings import Finding
from .json_report import dumps


def render(findings: Sequence[Finding], summary, context=None, *, color: bool = False) -> str:
    errors = [{"kind": "input-error", **p.to_dict()} for p in getattr(context, "errors", ())]
    return "".join(dumps(item) + "\n" for item in [*(f.to_dict() for f in findings), *errors])
