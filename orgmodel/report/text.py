"""``FILE:LINE:COL: CODE [severity] message``, a suggestion line, a summary line."""

from __future__ import annotations

from collections.abc import Sequence

import click

from ..findings import Finding, Severity
from ..printable import printable
from ..wording import plural

_COLOURS = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}


def render(findings: Sequence[Finding], summary, context=None, *, color: bool = False) -> str:
    def style(text: str, **kwargs) -> str:
        return click.style(text, **kwargs) if color else text

    lines = []
    for f in findings:
        where = style(f"{printable(f.file)}:{f.line}:{f.column}:", bold=True)
        level = style(f"[{f.severity}]", fg=_COLOURS[f.severity])
        lines.append(f"{where} {style(printable(f.code), bold=True)} {level} {printable(f.message)}")
        if f.suggestion:
            lines.append(f"    suggestion: {printable(f.suggestion)}")
    scope = f"{plural(summary.files, 'file')}, {plural(summary.people, 'person', 'people')} checked"
    if summary.findings:
        counts = f"{plural(summary.errors, 'error')}, {plural(summary.warnings, 'warning')}, {summary.infos} info"
        lines.append(style(f"Found {plural(summary.findings, 'finding')} ({counts}) in {scope}.", bold=True))
    else:
        lines.append(style(f"No findings in {scope}.", fg="green", bold=True))
    return "\n".join(lines) + "\n"
