"""``check --statistics``: how many findings each rule gave, most frequent first, like ``ruff --statistics``."""

from __future__ import annotations

import json

from .text import summary_line


def render_text(findings, summary, context=None, *, color: bool = False) -> str:
    """``  86  ORG005  unknown-role   warning`` per rule code, then the summary line."""
    rows = summary.by_code
    count_width = max((len(str(c.count)) for c in rows), default=1)
    code_width = max((len(c.code) for c in rows), default=0)
    name_width = max((len(c.name) for c in rows), default=0)
    lines = [f"{c.count:>{count_width}}  {c.code:<{code_width}}  {c.name:<{name_width}}  {c.severity}" for c in rows]
    lines.append(summary_line(summary))
    return "\n".join(lines) + "\n"


def render_json(findings, summary, context=None, *, color: bool = False) -> str:
    """A JSON list of ``{"code", "name", "severity", "count"}``, most frequent first."""
    rows = [{"code": c.code, "name": c.name, "severity": str(c.severity), "count": c.count} for c in summary.by_code]
    return json.dumps(rows, indent=2) + "\n"
