"""One JSON object: ``{"findings": [...], "summary": {...}}``."""

from __future__ import annotations

import json
from collections.abc import Sequence

from ..findings import Finding


def render(findings: Sequence[Finding], summary, context=None, *, color: bool = False) -> str:
    document = {"findings": [f.to_dict() for f in findings], "summary": summary.to_dict()}
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"
