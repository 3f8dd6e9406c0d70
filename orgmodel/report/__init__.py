"""Reporters: pure functions from findings to text, one module per format.

Each reporter is ``render(findings, summary, context, *, color=False) ->
str``. ``context`` carries what some formats need beyond the findings: the
rules that could appear (SARIF lists them, JUnit has a test case per rule
that ran) and the repository root SARIF paths are relative to.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..findings import Finding, Problem, Severity
from . import github, json_report, jsonl, junit, sarif, text


@dataclass(frozen=True)
class Summary:
    files: int
    people: int
    errors: int
    warnings: int
    infos: int

    @classmethod
    def of(cls, findings: Sequence[Finding], *, files: int, people: int) -> Summary:
        counts = {level: 0 for level in Severity}
        for finding in findings:
            counts[finding.severity] += 1
        return cls(files, people, counts[Severity.ERROR], counts[Severity.WARNING], counts[Severity.INFO])

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
    #: Input errors (files or configuration that could not be read): every format that scripts
    #: parse carries them too, so its output is a complete document even when the run failed.
    errors: tuple[Problem, ...] = ()


Reporter = Callable[..., str]

REPORTERS: dict[str, Reporter] = {
    "text": text.render,
    "json": json_report.render,
    "jsonl": jsonl.render,
    "sarif": sarif.render,
    "github": github.render,
    "junit": junit.render,
}

__all__ = ["REPORTERS", "ReportContext", "Reporter", "Summary"]
