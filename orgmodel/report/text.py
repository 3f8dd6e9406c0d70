"""``FILE:LINE:COL: CODE [severity] message``, a suggestion line, a summary line."""

from __future__ import annotations

from collections.abc import Sequence

import click

from ..findings import Finding, Severity
from ..wording import people, plural

_COLOURS = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}


def render(findings: Sequence[Finding], summary, context=None, *, color: bool = False) -> str:
    def style(text: str, **kwargs) -> str:
        return click.style(text, **kwargs) if color else text

    lines = []
    for f in findings:
        where = style(f"{f.file}:{f.line}:{f.column}:", bold=True)
        level = style(f"[{f.severity}]", fg=_COLOURS[f.severity])
        lines.append(f"{where} {style(f.code, bold=True)} {level} {f.message}")
        if f.suggestion:
            lines.append(f"    suggestion: {f.suggestion}")
    lines.append(summary_line(summary, style))
    return "\n".join(lines) + "\n"


#: How many of the most frequent rule codes the summary line names.
TOP_CODES = 3


def summary_line(summary, style=lambda text, **kwargs: text) -> str:
    """``Found 120 findings (...) in 1 file, 300 people checked; most frequent: ORG005 86, SHP001 20, SHP002 9.``"""
    scope = f"{plural(summary.files, 'file')}, {people(summary.people)} checked"
    if not summary.findings:
        return style(f"No findings in {scope}.", fg="green", bold=True)
    counts = f"{plural(summary.errors, 'error')}, {plural(summary.warnings, 'warning')}, {summary.infos} info"
    frequent = ""
    if summary.findings > 1:
        frequent = "; most frequent: " + ", ".join(f"{c.code} {c.count}" for c in summary.by_code[:TOP_CODES])
    return style(f"Found {plural(summary.findings, 'finding')} ({counts}) in {scope}{frequent}.", bold=True)
