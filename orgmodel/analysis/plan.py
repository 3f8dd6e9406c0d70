"""The timeline of a hiring plan: the org on its as-of date and on every later start date.

Each step runs the checks as of its date, so a head of product who starts before the product
managers they will lead shows PRD001 from their start until the first PM starts.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from ..findings import Finding
from ..org import Org, Person
from .diff import findings_delta


@dataclass
class PlanStep:
    date: dt.date
    #: People whose ``hired`` date is this date (empty on the first step, the as-of date).
    starting: list[Person]
    #: {"present": n, "open": n, "planned": n} on this date.
    headcount: dict[str, int]
    findings: list[Finding]
    appear: list[Finding] = field(default_factory=list)
    disappear: list[Finding] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {
            "date": self.date.isoformat(),
            "starting": [{"person": p.id, "name": p.name, "title": p.display_title, "reports_to": p.reports_to}
                         for p in self.starting],
            "headcount": dict(self.headcount),
            "findings": [f.to_dict() for f in self.findings],
            "appear": [f.to_dict() for f in self.appear],
            "disappear": [f.to_dict() for f in self.disappear],
        }


def plan_timeline(org: Org, check: Callable[[Org], Sequence[Finding]]) -> list[PlanStep]:
    """One step for the as-of date, then one for each later ``hired`` date, in order."""
    starts: dict[dt.date, list[Person]] = {}
    for person in org:
        if person.hired is not None and person.hired > org.as_of and not person.is_open:
            starts.setdefault(person.hired, []).append(person)
    steps: list[PlanStep] = []
    previous: Sequence[Finding] = ()
    for date in [org.as_of, *sorted(starts)]:
        on_date = org if date == org.as_of else org.on(date)
        findings = list(check(on_date))
        appear, disappear = findings_delta(previous, findings) if steps else ([], [])
        steps.append(PlanStep(date, starts.get(date, []), dict(on_date.headcount), findings, appear, disappear))
        previous = findings
    return steps
