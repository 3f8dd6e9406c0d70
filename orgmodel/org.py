"""The Org: people, their reporting lines as a networkx DiGraph, and the
derived facts rules need, each computed once in time linear in the org.

Solid lines are edges ``manager -> report`` with ``kind="solid"``; dotted
lines are edges ``dotted manager -> person`` with ``kind="dotted"`` and are
kept out of every chain and subtree query.

A reporting line that names nobody, or that closes a cycle, is reported by
the ORG rules; for everything else the org is read as a forest: a person
with an unknown manager is treated as a top, and each cycle is cut above its
first member in file order. That way every other rule still runs on the rest
of the org, and every chain is finite.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import cached_property
from itertools import chain, compress, repeat
from operator import attrgetter

import networkx as nx

from .findings import Problem
from .roles import Role, RoleCatalog


@dataclass(frozen=True, slots=True)
class Person:
    id: str
    name: str
    role: Role
    title: str | None = None
    reports_to: str | None = None
    dotted_to: tuple[str, ...] = ()
    team: str | None = None
    hired: dt.date | None = None
    experience_years: float | None = None
    status: str = "filled"
    cost: float | None = None
    ignore: tuple[str, ...] = ()
    #: Where each ``ignore`` code was written, (line, column) pairs in the same order;
    #: the engine names an unknown code there.
    ignore_positions: tuple[tuple[int, int], ...] = ()
    line: int = 0
    column: int = 0
    #: How the role was found: "role" (given), "title" (inferred), or "unknown".
    role_source: str = "role"
    #: The role id as written when it is in no catalog.
    unknown_role: str | None = None

    @property
    def is_open(self) -> bool:
        return self.status == "open"

    @property
    def label(self) -> str:
        """How messages name a person: ``Ana Lima (ana)``; an unnamed vacancy: ``spm-2 (open position)``."""
        if self.name != self.id:
            return f"{self.name} ({self.id})"
        return f"{self.id} (open position)" if self.is_open else self.id

    @property
    def display_title(self) -> str:
        return self.title or self.role.title


@dataclass(frozen=True, slots=True)
class Team:
    id: str
    name: str
    lead: str | None = None


class ByPosition(Mapping):
    """A value for each person, held in a list by position in ``Org.order`` and looked up by id.

    Chain passes fill such lists in one loop; a dict by id of a million people would cost as much
    again to build, for rules that look up a few of them.
    """

    __slots__ = ("_keys", "_positions", "_values")

    def __init__(self, values: list, positions: dict[str, int], keys: Iterable[str]):
        self._values, self._positions, self._keys = values, positions, keys

    def __getitem__(self, person_id: str):
        return self._values[self._positions[person_id]]

    def __iter__(self) -> Iterator[str]:
        return iter(self._keys)

    def __len__(self) -> int:
        return len(self._values)


class Org:
    """An org that could be read: people, roles, teams and the reporting graph."""

    def __init__(
        self,
        name: str,
        people: list[Person],
        *,
        roles: RoleCatalog | None = None,
        teams: dict[str, Team] | None = None,
        as_of: dt.date | None = None,
        file: str = "<org>",
        warnings: list[Problem] | None = None,
        currency: str | None = None,
    ):
        self.name = name
        self.file = file
        self.roles = roles if roles is not None else RoleCatalog.builtin()
        #: ``None`` when the file has no ``teams:`` (then team names are free text).
        self.teams = teams
        self.as_of = as_of or dt.date.today()
        #: ISO 4217 code of people's ``cost`` (None: not given).
        self.currency = currency
        self.warnings = list(warnings or ())
        self.people: dict[str, Person] = dict(zip(map(attrgetter("id"), people), people))
        if len(self.people) != len(people):
            raise ValueError("person ids must be unique")
        self._link()

    def on(self, date: dt.date) -> Org:
        """The same org evaluated on another date: who is present, planned or not yet started."""
        return Org(self.name, list(self.people.values()), roles=self.roles, teams=self.teams, as_of=date,
                   file=self.file, warnings=self.warnings, currency=self.currency)

    # -- structure -----------------------------------------------------------------

    def _link(self) -> None:
        people = self.people
        self.unknown_managers: list[str] = []
        self.tops: list[str] = []
        manager: dict[str, str | None] = dict(zip(people, map(attrgetter("reports_to"), people.values())))
        direct_reports: dict[str, list[str]] = dict(zip(people, map(list, repeat((), len(people)))))
        self.direct_reports = direct_reports
        for pid, boss in manager.items():
            if boss is None:
                self.tops.append(pid)
            else:
                reports = direct_reports.get(boss)
                if reports is None:
                    self.unknown_managers.append(pid)
                    manager[pid] = None
                else:
                    reports.append(pid)
        # A dotted line to oneself or to someone who is not in the org is a
        # finding, not a line; one that repeats the solid line adds nothing.
        #: Dotted lines as ``(dotted manager, person)``, each once, in file order.
        self.dotted_lines: list[tuple[str, str]] = []
        for p in self.with_dotted_lines:
            pid = p.id
            seen = {pid, manager[pid]}
            for d in p.dotted_to:
                if d in people and d not in seen:
                    seen.add(d)
                    self.dotted_lines.append((d, pid))
        roots = [pid for pid, m in manager.items() if m is None]
        order, depth, self._level_starts = _breadth_first(roots, direct_reports)
        # Everyone below a top was reached; whoever was not sits in, or under, a reporting cycle.
        self.cycles = _find_cycles(manager) if len(order) < len(manager) else []
        children = direct_reports
        if self.cycles:
            for cycle in self.cycles:
                manager[cycle[0]] = None
            children = {pid: [] for pid in people}
            for pid, m in manager.items():
                if m is not None:
                    children[m].append(pid)
            roots = [pid for pid, m in manager.items() if m is None]
            order, depth, self._level_starts = _breadth_first(roots, children)
        #: The solid-line manager used by chain queries (None at the tops and cut points).
        self.manager = manager
        #: Everyone, each manager before their reports (breadth-first from the tops).
        self.order = order
        #: Levels below the top of the person's tree (0 for a top).
        self.depth = depth
        #: Direct reports along the lines chain queries use (cycles cut), in file order; when there
        #: is no cycle, the same lists as ``direct_reports`` (a million-person org need not hold two copies).
        self.tree_children = children

    @cached_property
    def graph(self) -> nx.DiGraph:
        """The reporting lines as a networkx DiGraph: a node per person (``person`` holds the Person),
        edges ``manager -> report`` with ``kind`` "solid" or "dotted".

        Built on first use: the rules work on the plain indexes above, and a
        million-person graph would double the memory a check needs.
        """
        people = self.people
        graph = nx.DiGraph(name=self.name)
        graph.add_nodes_from((pid, {"person": p}) for pid, p in people.items())
        graph.add_edges_from((p.reports_to, pid, {"kind": "solid"})
                             for pid, p in people.items() if p.reports_to in people)
        graph.add_edges_from((d, pid, {"kind": "dotted"}) for d, pid in self.dotted_lines)
        return graph

    # -- queries -------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self.people)

    def __iter__(self) -> Iterator[Person]:
        return iter(self.people.values())

    def __getitem__(self, person_id: str) -> Person:
        return self.people[person_id]

    def is_present(self, person: Person) -> bool:
        """Filled and not hired after the as-of date (rules.md: present)."""
        return person.status == "filled" and (person.hired is None or person.hired <= self.as_of)

    def is_planned(self, person: Person) -> bool:
        return person.status == "filled" and person.hired is not None and person.hired > self.as_of

    def manager_of(self, person_id: str) -> Person | None:
        boss = self.manager.get(person_id)
        return self.people[boss] if boss is not None else None

    def reports_of(self, person_id: str) -> list[Person]:
        """Direct solid-line reports, in file order."""
        return [self.people[r] for r in self.direct_reports[person_id]]

    def chain(self, person_id: str) -> Iterator[Person]:
        """Solid-line managers from the direct manager up to the top."""
        boss = self.manager[person_id]
        while boss is not None:
            yield self.people[boss]
            boss = self.manager[boss]

    def subtree(self, person_id: str) -> Iterator[Person]:
        """Everyone whose chain contains the person (not the person)."""
        stack = list(reversed(self.tree_children[person_id]))
        while stack:
            pid = stack.pop()
            yield self.people[pid]
            stack.extend(reversed(self.tree_children[pid]))

    def dotted_managers(self, person_id: str) -> list[Person]:
        return [self.people[m] for m, _, kind in self.graph.in_edges(person_id, data="kind") if kind == "dotted"]

    # -- linear-time passes that rules build on ------------------------------------

    # Chain passes run over people by their position in ``order`` (lists indexed by int), each
    # manager's position looked up once: a million-person org takes a few C-level maps and one
    # tight loop per pass instead of a dict lookup per person and step.

    @cached_property
    def positions(self) -> dict[str, int]:
        """Each person's position in ``order``."""
        return dict(zip(self.order, range(len(self.order))))

    @cached_property
    def manager_positions(self) -> list[int | None]:
        """For each position in ``order``, the position of the person's manager (None at the tops)."""
        return list(map(self.positions.get, map(self.manager.__getitem__, self.order)))

    @cached_property
    def in_order(self) -> list[Person]:
        """Everyone, in ``order``."""
        return list(map(self.people.__getitem__, self.order))

    def _count_below(self, flags: list) -> list[int]:
        """For each position, how many people strictly below it have a true flag."""
        up = self.manager_positions
        total = [0] * len(up)
        for i in range(len(up) - 1, -1, -1):
            boss = up[i]
            if boss is not None:
                total[boss] += total[i] + flags[i]
        return total

    def _by_person(self, by_position: list) -> Mapping[str, int]:
        """A list by position in ``order`` as a mapping by person id, in file order."""
        return ByPosition(by_position, self.positions, self.people)

    def count_below(self, counts: Callable[[Person], bool]) -> Mapping[str, int]:
        """For each person, how many people strictly below them satisfy ``counts``."""
        return self._by_person(self._count_below(list(map(bool, map(counts, self.in_order)))))

    @cached_property
    def everyone_below(self) -> Mapping[str, int]:
        """For each person, how many people are below them (solid lines, cycles cut)."""
        return self._by_person(self._count_below([1] * len(self.order)))

    def at_depth(self, depth: int) -> list[str]:
        """The people ``depth`` levels below the top of their tree, in ``order``."""
        starts = self._level_starts
        return self.order[starts[depth]:starts[depth + 1]] if 0 <= depth < len(starts) - 1 else []

    def managers_with_reports(self, how_many: Callable[[int], bool]) -> list[tuple[str, list[str]]]:
        """``(manager, direct reports)`` for each person whose number of direct reports passes
        ``how_many``, in file order."""
        reports = self.direct_reports
        counts = map(len, reports.values())
        return list(compress(reports.items(), map(how_many, counts))) if reports else []

    @cached_property
    def with_dotted_lines(self) -> list[Person]:
        """The people with a ``dotted_to``, in file order."""
        people = self.people.values()
        return list(compress(people, map(attrgetter("dotted_to"), people)))

    @cached_property
    def open_positions(self) -> list[Person]:
        """The open positions, in file order."""
        people = self.people.values()
        return list(compress(people, map("open".__eq__, map(attrgetter("status"), people))))

    def count_below_roles(self, test: Callable[[Role], bool]) -> Mapping[str, int]:
        """For each person, how many people strictly below them have a role that passes ``test``."""
        return self._by_person(self._count_below(self.role_flags(test)))

    def nearest_above(self, matches: Callable[[Person], bool]) -> Mapping[str, str | None]:
        """For each person, the nearest manager in their chain that ``matches`` (or None)."""
        return self._nearest_above(list(map(matches, self.in_order)))

    def _nearest_above(self, flags: list) -> Mapping[str, str | None]:
        order, up = self.order, self.manager_positions
        nearest: list[str | None] = [None] * len(order)
        if any(flags):
            for i, boss in enumerate(up):
                if boss is not None:
                    nearest[i] = order[boss] if flags[boss] else nearest[boss]
        return ByPosition(nearest, self.positions, order)

    def role_flags(self, test: Callable[[Role], bool]) -> list[bool]:
        """``test`` of each person's role, by position in ``order``; run once per distinct role."""
        keys, distinct = self._roles_in_order
        verdict = {key: bool(test(role)) for key, role in distinct.items()}
        return list(map(verdict.__getitem__, keys))

    @cached_property
    def _roles_in_order(self) -> tuple[list[int], dict[int, Role]]:
        """Each person's role identity by position in ``order``, and each distinct role."""
        roles = list(map(attrgetter("role"), self.in_order))
        keys = list(map(id, roles))
        return keys, dict(zip(keys, roles))

    def with_role(self, test: Callable[[Role], bool]) -> list[Person]:
        """The people whose role passes ``test``, in file order; ``test`` runs once per distinct role."""
        groups = self._by_role
        wanted = [positions for role, positions in groups.values() if test(role)]
        if not wanted:
            return []
        everyone = self._in_file_order
        chosen = wanted[0] if len(wanted) == 1 else sorted(chain.from_iterable(wanted))
        return list(map(everyone.__getitem__, chosen))

    @cached_property
    def _in_file_order(self) -> list[Person]:
        return list(self.people.values())

    @cached_property
    def _by_role(self) -> dict[int, tuple[Role, list[int]]]:
        """Each distinct role object (by identity) with the file positions of its people."""
        groups: dict[int, tuple[Role, list[int]]] = {}
        for index, role in enumerate(map(attrgetter("role"), self._in_file_order)):
            group = groups.get(id(role))
            if group is None:
                groups[id(role)] = group = (role, [])
            group[1].append(index)
        return groups

    @cached_property
    def present_team_below(self) -> Mapping[str, int]:
        """Present product team members strictly below each person."""
        present = self.is_present
        team = self.role_flags(lambda role: role.is_product_team_member)
        flags = [flag and present(person) for flag, person in zip(team, self.in_order)]
        return self._by_person(self._count_below(flags))

    @cached_property
    def product_leader_above(self) -> Mapping[str, str | None]:
        return self._nearest_above(self.role_flags(lambda role: role.is_product_leader))

    @cached_property
    def vp_or_cpo_above(self) -> Mapping[str, str | None]:
        return self._nearest_above(self.role_flags(lambda role: role.id in ("vp_product", "cpo")))

    @cached_property
    def headcount(self) -> dict[str, int]:
        """People present, open positions and planned hires in the whole org."""
        return self.headcount_of(self.people.values())

    def headcount_of(self, people: Iterable[Person]) -> dict[str, int]:
        """How many of ``people`` are present, open positions, or planned hires."""
        counts = {"present": 0, "open": 0, "planned": 0}
        for person in people:
            counts["open" if person.is_open else "present" if self.is_present(person) else "planned"] += 1
        return counts


def _breadth_first(roots: list[str], children: dict[str, list[str]]) -> tuple[list[str], dict[str, int], list[int]]:
    """Everyone reachable from ``roots``, each before their children; their depth below their root;
    and where each level starts in that order (then its length).

    Level by level, each level the children of the one above in its order: the order a queue
    would give, with the per-person work done by C-level maps.
    """
    order: list[str] = []
    depth: dict[str, int] = {}
    starts: list[int] = []
    level, below = roots, 0
    while level:
        starts.append(len(order))
        order += level
        depth.update(zip(level, repeat(below)))
        level = list(chain.from_iterable(map(children.__getitem__, level)))
        below += 1
    starts.append(len(order))
    return order, depth, starts


def _find_cycles(manager: dict[str, str | None]) -> list[list[str]]:
    """Every cycle of the reporting function, each listed from its first member in file order.

    Each person has at most one manager, so following managers from anyone
    either ends at a top or enters exactly one cycle; colouring the walks
    finds every cycle in one pass.
    """
    state: dict[str, int] = {}  # 1: on the current walk, 2: done
    position: dict[str, int] = {}  # file order, needed only once there is a cycle
    cycles = []
    for start in manager:
        if start in state:
            continue
        walk = []
        pid: str | None = start
        while pid is not None and pid not in state:
            state[pid] = 1
            walk.append(pid)
            pid = manager[pid]
        if pid is not None and state[pid] == 1:
            cycle = walk[walk.index(pid):]
            position = position or {who: i for i, who in enumerate(manager)}
            first = min(range(len(cycle)), key=lambda i: position[cycle[i]])
            cycles.append(cycle[first:] + cycle[:first])
        for seen in walk:
            state[seen] = 2
    return cycles
