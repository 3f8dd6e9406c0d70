"""What a rule is: a generator of findings plus the metadata users see.

A rule module defines functions decorated with :func:`rule`. The function's
docstring is the rule's documentation: its first line is the summary shown
by ``orgmodel rules``, the rest is printed by ``orgmodel rules CODE`` and the
rule reference in ``docs/rules.md``. The last paragraph starts with
``Source:`` and names where the rule comes from.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from ..findings import Finding, Severity
from ..org import Org

CheckFunction = Callable[..., Iterable[Finding]]


@dataclass(frozen=True)
class Option:
    name: str
    default: int
    help: str

    @property
    def keyword(self) -> str:
        return self.name.replace("-", "_")


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    severity: Severity
    check: CheckFunction = field(repr=False)
    options: tuple[Option, ...] = ()
    opt_in: bool = False

    @property
    def doc(self) -> str:
        return inspect.cleandoc(self.check.__doc__ or "")

    @property
    def summary(self) -> str:
        return self.doc.split("\n", 1)[0].strip()

    @property
    def explanation(self) -> str:
        """Everything after the summary line."""
        parts = self.doc.split("\n", 1)
        return parts[1].strip() if len(parts) > 1 else ""

    @property
    def source(self) -> str:
        for paragraph in reversed(self.doc.split("\n\n")):
            if paragraph.startswith("Source:"):
                return " ".join(paragraph[len("Source:"):].split())
        return ""

    def run(self, org: Org, options: dict[str, int]) -> Iterable[Finding]:
        kwargs = {opt.keyword: options.get(opt.name, opt.default) for opt in self.options}
        return self.check(org, **kwargs)


def names_a_rule(selector: str, codes: Iterable[str]) -> bool:
    """Whether ``selector`` is a rule code, or a prefix of one, among ``codes``."""
    return any(code.startswith(selector) for code in codes)


def rule(code: str, name: str, severity: Severity, *, options: Iterable[Option] = (), opt_in: bool = False):
    """Declare a rule: ``@rule("SHP001", "span-too-wide", Severity.WARNING, options=[...])``."""

    def wrap(check: CheckFunction) -> Rule:
        return Rule(code, name, severity, check, tuple(options), opt_in)

    return wrap


def who(person) -> str:
    """A person as messages name them, with their role: ``Head of Product Cara Smith (cara)``."""
    return f"{person.role.title} {person.label}"

