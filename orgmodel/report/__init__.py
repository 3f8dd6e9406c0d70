"""Reporters: pure functions from findings and a summary to text.

Each output format lives in its own module as ``render(findings, summary,
*, color=False) -> str``; ``REPORTERS`` maps the ``--format`` names to them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ..findings import Finding, Severity
from . import json_report, text


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


Reporter = Callable[..., str]

REPORTERS: dict[str, Reporter] = {
    "text": text.render,
    "json": json_report.render,
}

__all__ = ["REPORTERS", "Reporter", "Summary"]
