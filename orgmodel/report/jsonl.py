"""One JSON object per finding, one per line (no summary): easy to stream and grep."""

from __future__ import annotations

import json
from collections.abc import Sequence

from ..findings import Finding


def render(findings: Sequence[Finding], summary, context=None, *, color: bool = False) -> str:
    return "".join(json.dumps(f.to_dict(), ensure_ascii=False) + "\n" for f in findings)
