"""Findings and input problems: the small, frozen values every stage passes on."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field

from .printable import printable


class Severity(enum.IntEnum):
    """How serious a finding is; ordered so that ``ERROR > WARNING > INFO``."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    def __str__(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, text: str) -> Severity:
        try:
            return cls[text.strip().upper()]
        except KeyError:
            choices = ", ".join(str(s) for s in cls)
            raise ValueError(f"unknown severity {text!r} (choose from {choices})") from None


@dataclass(frozen=True, slots=True)
class Finding:
    """A problem found in an org that could be read.

    Rules fill in ``person``, ``message``, ``related`` and ``suggestion``;
    the engine stamps ``code``, ``name``, ``severity`` and the location.
    """

    person: str
    message: str
    related: tuple[str, ...] = ()
    suggestion: str = ""
    code: str = ""
    name: str = ""
    severity: Severity = Severity.WARNING
    file: str = ""
    line: int = 0
    column: int = 0

    def sort_key(self) -> tuple:
        return (self.file, self.line, self.column, self.code, self.person, self.message)

    def to_dict(self) -> dict:
        return {
            "code": self.code,
            "name": self.name,
            "severity": str(self.severity),
            "message": self.message,
            "person": self.person,
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "related": list(self.related),
            "suggestion": self.suggestion,
        }


@dataclass(frozen=True, slots=True)
class Problem:
    """An input error (or loader warning): the file cannot be read as an org."""

    file: str
    line: int
    column: int
    message: str
    warning: bool = False

    def __str__(self) -> str:
        """``FILE:LINE:COL: message`` on one line, whatever the file name or message hold."""
        kind = "warning: " if self.warning else ""
        return f"{printable(self.file)}:{self.line}:{self.column}: {kind}{printable(self.message)}"

    def to_dict(self) -> dict:
        return {"file": self.file, "line": self.line, "column": self.column,
                "severity": "warning" if self.warning else "error", "message": self.message}


@dataclass
class OrgInputError(Exception):
    """Raised by the loader with every input problem it found in one file."""

    problems: list[Problem] = field(default_factory=list)

    def __str__(self) -> str:
        return "\n".join(str(p) for p in self.problems)
