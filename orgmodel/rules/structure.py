"""ORG rules: is the org one well-formed tree whose references all resolve?"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from operator import attrgetter

from ..findings import Finding, Severity
from ..org import Org
from ..roles import UNKNOWN
from ..suggest import PersonFinder, closest
from ..wording import people, plural
from .base import rule


class _IdHints:
    """``did you mean Justin Farris (jfarris)?`` for an id that names nobody, when it clearly
    means one person; each org's people are indexed once, on the first id that needs it."""

    def __init__(self, org: Org):
        self.org = org
        self.finder: PersonFinder | None = None
        self.hints: dict[str, str] = {}

    def __call__(self, missing: str) -> str:
        if missing not in self.hints:
            if self.finder is None:
                self.finder = PersonFinder((p.id, p.name) for p in self.org)
            found = self.finder.find(missing)
            self.hints[missing] = f"did you mean {self.org.people[found].label}?" if found else ""
        return self.hints[missing]


@rule("ORG001", "unknown-manager", Severity.ERROR)
def unknown_manager(org: Org) -> Iterable[Finding]:
    """A `reports_to` names no person in the org.

    The person's solid-line manager cannot be found, so their place in the
    org is unknown: every chain rule treats them as a top until this is
    fixed. Usually a typo in an id, or a manager who left the file.

    The suggestion names the person the id most likely means only when that
    is clear: the id is their name or email written another way, or a
    one-letter typo of a non-numeric id. Numeric ids never get a guess, since
    employee 97 is not employee 7. When several people name the same missing
    manager, each finding says how many do: it is usually one manager who
    left the file.

    Source: general org-design practice (every reporting line must resolve).
    """
    hint = _IdHints(org)
    sharing = Counter(org.people[pid].reports_to for pid in org.unknown_managers)
    for pid in org.unknown_managers:
        person = org.people[pid]
        missing = person.reports_to
        shared = f"; {missing!r} is named as manager by {people(sharing[missing])}" if sharing[missing] > 1 else ""
        yield Finding(pid, f"{person.label} reports to {missing!r}, who is not in the org{shared}",
                      suggestion=hint(missing) or "add that person, or correct reports_to")


@rule("ORG002", "reporting-cycle", Severity.ERROR)
def reporting_cycle(org: Org) -> Iterable[Finding]:
    """Solid reporting lines form a cycle.

    Following managers upwards must end at the top of the org. In a cycle it
    never does, so nobody in it has a real chain of command. The finding is
    on the cycle's first member in file order and names every member; a
    person who reports to themselves is a cycle of one.

    Source: general org-design practice (a reporting structure is a tree).
    """
    for cycle in org.cycles:
        first = org.people[cycle[0]]
        if len(cycle) == 1:
            yield Finding(first.id, f"{first.label} reports to themselves",
                          suggestion="set reports_to to their real manager, or remove it if they are the top")
            continue
        path = " -> ".join(org.people[pid].label for pid in cycle + [cycle[0]])
        yield Finding(first.id, f"reporting cycle of {people(len(cycle))}: {path}", related=tuple(cycle[1:]),
                      suggestion=f"make one of them report to someone outside the cycle "
                                 f"(for example change {first.label}'s reports_to)")


@rule("ORG003", "unknown-dotted-manager", Severity.ERROR)
def unknown_dotted_manager(org: Org) -> Iterable[Finding]:
    """A `dotted_to` names no person in the org.

    A dotted (secondary) line that leads nowhere is dropped from the chart
    and from every query; it is almost always a typo or a stale id.

    Source: general org-design practice (every reporting line must resolve).
    """
    hint = _IdHints(org)
    for person in org.with_dotted_lines:
        for missing in person.dotted_to:
            if missing not in org.people:
                yield Finding(person.id, f"{person.label} has a dotted line to {missing!r}, who is not in the org",
                              suggestion=hint(missing) or "add that person, or remove the dotted line")


@rule("ORG004", "multiple-tops", Severity.WARNING)
def multiple_tops(org: Org) -> Iterable[Finding]:
    """More than one person has no manager.

    An org has one top (usually the CEO). Extra tops are people whose
    `reports_to` was forgotten; they sit outside every chain, so rules about
    who leads whom cannot see them. The most senior top (highest rank, then
    largest organisation, then first in the file) is taken as the real one
    and every other top gets a finding.

    Source: general org-design practice (one chain of command).
    """
    if len(org.tops) < 2:
        return
    below = org.everyone_below
    order = {pid: i for i, pid in enumerate(org.people)}

    def seniority(pid: str):
        rank = org.people[pid].role.rank
        return (-(rank if rank is not None else -1), -below[pid], order[pid])

    real = org.people[min(org.tops, key=seniority)]
    for pid in org.tops:
        if pid == real.id:
            continue
        person = org.people[pid]
        yield Finding(pid, f"{person.label} has no manager, like {real.label}: the org has {plural(len(org.tops), 'top')}",
                      related=(real.id,), suggestion=f"set reports_to (perhaps to {real.id!r})")


@rule("ORG005", "unknown-role", Severity.WARNING)
def unknown_role(org: Org) -> Iterable[Finding]:
    """A `role` is in no catalog, or no role can be inferred from a `title`.

    Rules place people by role; a person with an unknown role is invisible
    to them. Use a role id that `orgmodel roles` lists, add the role under
    `roles:`, or add the title to a role's `aliases`.

    Source: general org-design practice (every position has a defined role).
    """
    for person in org.with_role(lambda role: role.id == UNKNOWN):
        if person.unknown_role is not None:
            close = closest(person.unknown_role, (r.id for r in org.roles))
            hint = f"did you mean role {close!r}?" if close else "define it under roles:"
            yield Finding(person.id, f"{person.label} has role {person.unknown_role!r}, which is in no catalog",
                          suggestion=hint)
        elif person.title is None:
            yield Finding(person.id, f"{person.label} has no role or title",
                          suggestion="set role: to a catalog id (see `orgmodel roles`) or give a title")
        else:
            yield Finding(person.id, f"no role can be inferred from {person.label}'s title {person.title!r}",
                          suggestion="set role: to a catalog id (see `orgmodel roles`), "
                                     "or add the title to a role's aliases under roles:")


@rule("ORG006", "unknown-team", Severity.WARNING)
def unknown_team(org: Org) -> Iterable[Finding]:
    """A person's `team` names no entry of `teams:` (when `teams:` is given).

    Once a file lists its teams, a team name outside that list is a typo or
    a team that was renamed; the person would silently fall out of it.

    Source: general org-design practice (teams are defined once).
    """
    if org.teams is None:
        return
    named = set(map(attrgetter("team"), org))
    if all(team is None or team in org.teams for team in named):
        return
    for person in org:
        if person.team is not None and person.team not in org.teams:
            close = closest(person.team, org.teams)
            yield Finding(person.id, f"{person.label} is in team {person.team!r}, which is not under teams:",
                          suggestion=f"did you mean {close!r}?" if close else "add it under teams:")


@rule("ORG007", "dotted-line-to-self", Severity.ERROR)
def dotted_line_to_self(org: Org) -> Iterable[Finding]:
    """A person's `dotted_to` names the person themself.

    A dotted line is a second manager; one to oneself means nothing, so it is
    dropped from the chart and from every query. It is an error, like a
    dotted line to someone who is not in the org (ORG003), because the
    secondary manager that was meant is missing from the org: usually an id
    pasted into the wrong entry.

    Source: general org-design practice (every reporting line must resolve).
    """
    for person in org.with_dotted_lines:
        if person.id in person.dotted_to:
            yield Finding(person.id, f"{person.label} has a dotted line to themselves",
                          suggestion="name their real dotted-line manager, or remove the dotted line")
