"""GitHub Actions workflow commands: each finding becomes an annotation on the pull request.

    ::error file=org.yaml,line=12,col=5,title=PRD001 leader-without-team::Head of Product ...

Escaping follows GitHub's rules: in the message ``%``, CR and LF are
percent-encoded; in properties ``:`` and ``,`` are too.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..findings import Finding, Severity
from ..printable import printable

LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(level: str, file: str, line: int, column: int, message: str, title: str = "") -> str:
    """One workflow command on one line. User text is made printable first, so only the line breaks
    orgmodel itself puts in ``message`` survive (percent-encoded, as GitHub shows them)."""
    properties = [f"file={escape_property(printable(file))}", f"line={line}", f"col={column}"]
    if title:
        properties.append(f"title={escape_property(printable(title))}")
    return f"::{level} {','.join(properties)}::{escape_data(message)}\n"


def render(findings: Sequence[Finding], summary, context=None, *, color: bool = False) -> str:
    lines = []
    for f in findings:
        message = printable(f.message) + (f"\nsuggestion: {printable(f.suggestion)}" if f.suggestion else "")
        lines.append(command(LEVELS[f.severity], f.file, f.line, f.column, message, f"{f.code} {f.name}"))
    for problem in getattr(context, "errors", ()):
        lines.append(command("warning" if problem.warning else "error", problem.file, problem.line,
                             problem.column, printable(problem.message), "orgmodel input error"))
    return "".join(lines)
