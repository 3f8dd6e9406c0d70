"""GitHub Actions workflow commands: each finding becomes an annotation on the pull request.

    ::error file=org.yaml,line=12,col=5,title=PRD001 leader-without-team::Head of Product ...

Escaping follows GitHub's rules: in the message ``%``, CR and LF are
percent-encoded; in properties ``:`` and ``,`` are too.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..findings import Finding, Severity

LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render(findings: Sequence[Finding], summary, context=None, *, color: bool = False) -> str:
    lines = []
    for f in findings:
        message = f.message + (f"\nsuggestion: {f.suggestion}" if f.suggestion else "")
        properties = ",".join([
            f"file={escape_property(f.file)}", f"line={f.line}", f"col={f.column}",
            f"title={escape_property(f'{f.code} {f.name}')}",
        ])
        lines.append(f"::{LEVELS[f.severity]} {properties}::{escape_data(message)}\n")
    return "".join(lines)
