"""Reporters: pure functions from findings to text, one module per format.

Each reporter is ``render(findings, summary, context, *, color=False) ->
str``. ``context`` carries what some formats need beyond the findings: the
rules that could appear (SARIF lists them, JUnit has a test case per rule
that ran) and the repository root SARIF paths are relative to.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..findings import Finding, Severity
from . import github, json_report, jsonl, junit, sarif, statistics, text


@dataclass(frozen=True)
class CodeCount:
    """How many findings one rule gave (at its most severe, should configurations differ)."""

    code: str
    name: str
    severity: Severity
    count: int


@dataclass(frozen=True)
class Summary:
    files: int
    people: int
    errors: int
    warnings: int
    infos: int
    #: Findings per rule code, most frequent first (ties by code).
    by_code: tuple[CodeCount, ...] = ()

    @classmethod
    def of(cls, findings: Sequence[Finding], *, files: int, people: int) -> Summary:
        counts = {level: 0 for level in Severity}
        per_code: Counter[str] = Counter()
        worst: dict[str, Finding] = {}
        for finding in findings:
            counts[finding.severity] += 1
            per_code[finding.code] += 1
            if finding.code not in worst or finding.severity > worst[finding.code].severity:
                worst[finding.code] = finding
        by_code = tuple(sorted((CodeCount(code, worst[code].name, worst[code].severity, count)
                                for code, count in per_code.items()), key=lambda c: (-c.count, c.code)))
        return cls(files, people, counts[Severity.ERROR], counts[Severity.WARNING], counts[Severity.INFO], by_code)

    @property
    def findings(self) -> int:
        return self.errors + self.warnings + self.infos

    def to_dict(self) -> dict:
        return {"files": self.files, "people": self.people, "findings": self.findings,
                "error": self.errors, "warning": self.warnings, "info": self.infos}


@dataclass(frozen=True)
class ReportContext:
    #: Every rule that could appear, by code (built-in and custom), in registry order.
    rules: Mapping = field(default_factory=dict)
    #: Codes of the rules that ran.
    ran: tuple[str, ...] = ()
    #: Files that were checked, in order.
    files: tuple[str, ...] = ()
    #: Repository root: SARIF URIs are relative to it.
    root: Path | None = None
    version: str = ""


Reporter = Callable[..., str]

REPORTERS: dict[str, Reporter] = {
    "text": text.render,
    "json": json_report.render,
    "jsonl": jsonl.render,
    "sarif": sarif.render,
    "github": github.render,
    "junit": junit.render,
}

#: ``check --statistics``: a count per rule code instead of the findings.
STATISTICS: dict[str, Reporter] = {
    "text": statistics.render_text,
    "json": statistics.render_json,
}

__all__ = ["REPORTERS", "STATISTICS", "CodeCount", "ReportContext", "Reporter", "Summary"]
