"""Counts several analyses share: headcount by group, layers, cost."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from ..org import Org, Person

#: Where a person counts: present, an open position, or a planned hire (not yet started).
STATES = ("present", "open", "planned")

#: Rank bands of format.md, most senior first: a role's rank falls in the band at or below it.
LEVELS = ((100, "chief executive"), (90, "C-level"), (80, "vice president"), (70, "director / head"),
          (60, "senior manager / staff"), (50, "manager / senior / lead"), (40, "individual contributor"),
          (30, "junior / associate"), (20, "entry"))
NO_LEVEL = "no rank"


def state_of(org: Org, person: Person) -> str:
    return "open" if person.is_open else "present" if org.is_present(person) else "planned"


def level_of(person: Person) -> str:
    rank = person.role.rank
    if rank is None:
        return NO_LEVEL
    return next((name for floor, name in LEVELS if rank >= floor), LEVELS[-1][1])


def team_of(org: Org, person: Person) -> str:
    """The team's display name (its id when the file has no ``teams:``), or "(no team)"."""
    if person.team is None:
        return "(no team)"
    if org.teams and person.team in org.teams:
        return org.teams[person.team].name
    return person.team


GROUPINGS: dict[str, Callable[[Org, Person], str]] = {
    "family": lambda org, person: person.role.family,
    "team": team_of,
    "level": lambda org, person: level_of(person),
}


def positions_by(org: Org, grouping: str) -> Counter:
    """Everyone in the file (people and open positions) per group."""
    key = GROUPINGS[grouping]
    return Counter(key(org, person) for person in org)


def layers(org: Org) -> int:
    """How many levels the org has (1 for a single person, 0 for nobody)."""
    return max(org.depth.values(), default=-1) + 1


def total_cost(people) -> float | None:
    costs = [p.cost for p in people if p.cost is not None]
    return sum(costs) if costs else None
