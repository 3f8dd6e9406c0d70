"""SHP rules: the shape of the org, its spans of control and its layers."""

from __future__ import annotations

from collections.abc import Iterable

from ..findings import Finding, Severity
from ..org import Org, Person
from ..wording import people, plural, with_article
from .base import Option, rule


@rule("SHP001", "span-too-wide", Severity.WARNING,
      options=[Option("max-span", 10, "most direct reports one manager should have")])
def span_too_wide(org: Org, max_span: int) -> Iterable[Finding]:
    """A manager has more direct reports than `max-span`.

    Past about ten direct reports a manager has little time for each of
    them. Open positions and planned hires count: they will be reports too.

    Source: general org-design practice (span of control).
    """
    for pid, reports in org.managers_with_reports(lambda count: count > max_span):
        person = org.people[pid]
        yield Finding(pid, f"{person.label} has {plural(len(reports), 'direct report')} > max-span {max_span}",
                      suggestion="group some of them under a lead, or raise max-span if this is deliberate")


@rule("SHP002", "single-report-manager", Severity.INFO)
def single_report_manager(org: Org) -> Iterable[Finding]:
    """A manager has exactly one direct report.

    A layer that manages one person adds a step to every decision without
    adding capacity. Sometimes it is a team that is about to grow; then an
    `ignore: [SHP002]` on the manager records that. People in a reporting
    cycle are left to ORG002: until the cycle is fixed there is no layer
    to judge.

    Source: general org-design practice (layers should add capacity).
    """
    in_cycles = {pid for cycle in org.cycles for pid in cycle}
    for pid, reports in org.managers_with_reports((1).__eq__):
        if pid not in in_cycles:
            person, only = org.people[pid], org.people[reports[0]]
            above = org.manager_of(pid)
            fix = f"have {only.label} report to {above.label} directly, or grow the team" if above else \
                "grow the team, or remove this layer"
            yield Finding(pid, f"{person.label} manages only one person, {only.label}", related=(only.id,),
                          suggestion=fix)


@rule("SHP003", "too-many-layers", Severity.WARNING,
      options=[Option("max-layers", 7, "most levels a person may sit below the top")])
def too_many_layers(org: Org, max_layers: int) -> Iterable[Finding]:
    """People sit more than `max-layers` levels below the top.

    Every layer slows information on its way up and down. The finding is on
    the manager at the limit (exactly `max-layers` levels down) who has
    people below them, and counts everyone under that manager: one finding
    per place where the org grows too deep, not one per person past it.

    Source: general org-design practice (delayering).
    """
    below = None
    tops: dict[str, Person] = {}
    for pid in org.at_depth(max_layers):
        if not org.direct_reports[pid]:
            continue
        if below is None:
            below = org.everyone_below
        manager = org.people[pid]
        top = _top_of(org, pid, tops)
        deeper = f"the {people(below[pid])} below them {'is' if below[pid] == 1 else 'are'}"
        where = f"{manager.label} is the top" if top.id == pid else \
            f"{manager.label} sits {plural(max_layers, 'level')} below the top, {top.label}"
        yield Finding(pid, f"{where}, so {deeper} past max-layers {max_layers}",
                      related=(top.id,) if top.id != pid else (),
                      suggestion="remove a management layer above them, or move their reports up")


def _top_of(org: Org, pid: str, known: dict[str, Person]) -> Person:
    """The top of the person's chain; ``known`` remembers it by manager (their reports share it)."""
    boss = org.manager[pid]
    if boss is None:
        return org.people[pid]
    top = known.get(boss)
    if top is None:
        above = boss
        while org.manager[above] is not None:
            above = org.manager[above]
        top = known[boss] = org.people[above]
    return top


@rule("SHP004", "reports-to-vacancy", Severity.WARNING)
def reports_to_vacancy(org: Org) -> Iterable[Finding]:
    """A present person reports to an open position.

    Nobody is in that seat yet, so in practice the person has no manager.
    Until the position is filled they should report to the position's own
    manager.

    Source: general org-design practice (every present person has a manager).
    """
    for boss in org.open_positions:
        above = org.manager_of(boss.id)
        interim = f"have them report to {above.label} until it is filled" if above else \
            "give them an interim manager until it is filled"
        seat = f"{with_article(boss.role.title)} position nobody fills yet" if boss.name != boss.id else "which nobody fills yet"
        for pid in org.tree_children[boss.id]:
            person = org.people[pid]
            if org.is_present(person):
                yield Finding(person.id, f"{person.label} reports to {boss.label}, {seat}", related=(boss.id,),
                              suggestion=interim)
