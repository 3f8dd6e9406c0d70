"""Two orgs -> the list of typed changes between them, and what the change does to the checks.

People are matched by id. A person can have several changes at once (moved and retitled).
The findings delta is matched by rule code and person: a finding is *introduced* when NEW has
one more of that code on that person than OLD, *resolved* when it has one fewer.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from ..findings import Finding
from ..org import Org, Person
from .counts import GROUPINGS, STATES, layers, state_of, total_cost

#: Every kind of change, in the order reports list them.
CHANGE_KINDS = ("hire", "new_position", "leaver", "position_closed", "filled", "vacated", "moved",
                "title_changed", "role_changed", "team_changed", "dotted_changed")


@dataclass(frozen=True, slots=True)
class Change:
    kind: str
    person: str
    name: str
    before: object = None
    after: object = None

    def to_dict(self) -> dict:
        return {"kind": self.kind, "person": self.person, "name": self.name, "from": self.before, "to": self.after}


@dataclass(frozen=True, slots=True)
class SpanChange:
    manager: str
    name: str
    before: int
    after: int

    def to_dict(self) -> dict:
        return {"manager": self.manager, "name": self.name, "from": self.before, "to": self.after}


@dataclass
class OrgDiff:
    old: Org
    new: Org
    changes: list[Change]
    introduced: list[Finding]
    resolved: list[Finding]
    spans: list[SpanChange]
    layers: tuple[int, int]
    #: {"total": {state: (from, to)}, "family": {group: (from, to)}, "team": {...}}
    headcount: dict[str, dict[str, tuple[int, int]]] = field(default_factory=dict)
    #: {"total": (from, to), "family": {...}, "team": {...}}, or None when no one has a cost.
    cost: dict | None = None

    def count(self, kind: str) -> int:
        return sum(1 for change in self.changes if change.kind == kind)

    def to_dict(self) -> dict:
        def pairs(table: dict) -> dict:
            return {key: {"from": a, "to": b} for key, (a, b) in table.items()}

        data = {
            "changes": [c.to_dict() for c in self.changes],
            "findings": {"introduced": [f.to_dict() for f in self.introduced],
                         "resolved": [f.to_dict() for f in self.resolved]},
            "spans": [s.to_dict() for s in self.spans],
            "layers": {"from": self.layers[0], "to": self.layers[1]},
            "headcount": {key: pairs(table) for key, table in self.headcount.items()},
        }
        if self.cost is not None:
            data["cost"] = {"currency": self.new.currency or self.old.currency,
                            "total": {"from": self.cost["total"][0], "to": self.cost["total"][1]},
                            "family": pairs(self.cost["family"]), "team": pairs(self.cost["team"])}
        return data


def _person_changes(old: Person | None, new: Person | None) -> list[Change]:
    if old is None:
        kind = "new_position" if new.is_open else "hire"
        return [Change(kind, new.id, new.name, None, new.reports_to)]
    if new is None:
        kind = "position_closed" if old.is_open else "leaver"
        return [Change(kind, old.id, old.name, old.reports_to, None)]
    found = []
    if old.is_open and not new.is_open:
        found.append(Change("filled", new.id, new.name, "open", "filled"))
    elif new.is_open and not old.is_open:
        found.append(Change("vacated", new.id, new.name, "filled", "open"))
    if old.reports_to != new.reports_to:
        found.append(Change("moved", new.id, new.name, old.reports_to, new.reports_to))
    if old.title != new.title:
        found.append(Change("title_changed", new.id, new.name, old.title, new.title))
    if old.role.id != new.role.id:
        found.append(Change("role_changed", new.id, new.name, old.role.id, new.role.id))
    if old.team != new.team:
        found.append(Change("team_changed", new.id, new.name, old.team, new.team))
    if sorted(old.dotted_to) != sorted(new.dotted_to):
        found.append(Change("dotted_changed", new.id, new.name, list(old.dotted_to), list(new.dotted_to)))
    return found


def _unmatched(findings: Sequence[Finding], others: Sequence[Finding]) -> list[Finding]:
    """The findings of ``findings`` left over once each is paired with one of ``others`` of the same
    code and person."""
    available = Counter((f.code, f.person) for f in others)
    left = []
    for finding in findings:
        key = (finding.code, finding.person)
        if available[key] > 0:
            available[key] -= 1
        else:
            left.append(finding)
    return left


def findings_delta(old: Sequence[Finding], new: Sequence[Finding]) -> tuple[list[Finding], list[Finding]]:
    """(introduced, resolved): findings of ``new`` with no match in ``old``, and the reverse."""
    return _unmatched(new, old), _unmatched(old, new)


def _table(before: Counter, after: Counter) -> dict[str, tuple]:
    return {key: (before.get(key, 0), after.get(key, 0)) for key in sorted(before.keys() | after.keys())}


def diff_orgs(old: Org, new: Org, old_findings: Sequence[Finding] = (),
              new_findings: Sequence[Finding] = ()) -> OrgDiff:
    """What changed from ``old`` to ``new``, in time linear in the two orgs."""
    changes: list[Change] = []
    for pid, person in new.people.items():
        changes += _person_changes(old.people.get(pid), person)
    for pid, person in old.people.items():
        if pid not in new.people:
            changes += _person_changes(person, None)
    order = {kind: i for i, kind in enumerate(CHANGE_KINDS)}
    changes.sort(key=lambda c: order[c.kind])  # stable: file order within a kind

    spans = []
    for pid in dict.fromkeys([*old.direct_reports, *new.direct_reports]):
        before, after = len(old.direct_reports.get(pid, ())), len(new.direct_reports.get(pid, ()))
        if before != after:
            name = (new.people.get(pid) or old.people[pid]).name
            spans.append(SpanChange(pid, name, before, after))

    headcount = {"total": _table(Counter(state_of(old, p) for p in old), Counter(state_of(new, p) for p in new))}
    for state in STATES:
        headcount["total"].setdefault(state, (0, 0))
    headcount["total"] = {state: headcount["total"][state] for state in STATES}
    for grouping in ("family", "team"):
        key = GROUPINGS[grouping]
        headcount[grouping] = _table(Counter(key(old, p) for p in old), Counter(key(new, p) for p in new))

    cost = None
    if total_cost(old) is not None or total_cost(new) is not None:
        cost = {"total": (total_cost(old) or 0, total_cost(new) or 0)}
        for grouping in ("family", "team"):
            key = GROUPINGS[grouping]
            sums: list[Counter] = []
            for org in (old, new):
                sums.append(Counter())
                for person in org:
                    if person.cost is not None:
                        sums[-1][key(org, person)] += person.cost
            cost[grouping] = _table(*sums)

    introduced, resolved = findings_delta(old_findings, new_findings)
    return OrgDiff(old, new, changes, introduced, resolved, spans, (layers(old), layers(new)), headcount, cost)
