"""PRD rules: product leadership, from the seed documents in ``shared/seeds``.

The seeds describe one ladder, CPO > VP of Product > head of product /
product director > group PM, principal PM, product lead > senior PM > PM >
junior / associate PM, and when each level is needed. Words used here
(rules.md): *product ladder* roles are product-family roles with a rank;
*product leaders* are those of rank 70 and up; *product team members* those
of rank 60 and below. Product owners have no rank: the Scrum role has no
precise place in the hierarchy (seed 003), so no placement rule fires on one.

Each rule makes one pass over the org (or reads a pass the Org caches), so
checking stays linear in the number of people however deep the org is.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..findings import Finding, Severity
from ..org import Org, Person
from ..wording import plural
from .base import Option, rule, who

LEADERS = ("head_of_product", "product_director")
ENTRY_LEVEL = ("junior_product_manager", "associate_product_manager")


# Tests of a role, for Org.with_role and Org.role_flags (run once per distinct role, not per person).
def _is_leader(role) -> bool:
    return role.is_product_leader


def _is_team_member(role) -> bool:
    return role.is_product_team_member


def _on_ladder(role) -> bool:
    return role.on_product_ladder


def _is_head(role) -> bool:
    return role.id in LEADERS


def _is_chief(role) -> bool:
    return role.id in ("vp_product", "cpo")


def _is_senior_pm(role) -> bool:
    return role.id == "senior_product_manager"


def _is_entry_level(role) -> bool:
    return role.id in ENTRY_LEVEL


@rule("PRD001", "leader-without-team", Severity.ERROR)
def leader_without_team(org: Org) -> Iterable[Finding]:
    """A product leader has no present product team member below them.

    A head of product (or director, VP, CPO) manages a group of product
    managers. Hired before that group exists, they have nobody to lead and
    end up doing a PM's job at a leader's cost. Open positions and planned
    hires do not count as a team yet; a leader position that is itself open
    or planned is flagged too, since it is being planned too early.

    Source: seed 003_25191a4dbd4584d4.txt (hire a head of product once there is a product team for
    them to manage); seed 000_c4c5082fcb875f45.txt (the role is managing a group of product managers).
    """
    team_below = org.present_team_below
    coming = None
    for person in org.with_role(_is_leader):
        if team_below[person.id]:
            continue
        if coming is None:
            coming = org.count_below_roles(_is_team_member)
        later = f" ({coming[person.id]} open or planned)" if coming[person.id] else ""
        yield Finding(person.id, f"{who(person)} has no present product team member below them{later}",
                      suggestion="build the product team first (PMs reporting into this leader), "
                                 "or hold the leadership hire until it exists")


@rule("PRD002", "leader-hired-before-team", Severity.WARNING)
def leader_hired_before_team(org: Org) -> Iterable[Finding]:
    """A product leader was hired before every dated member of their product team.

    The same advice as PRD001, read from hire dates: the leader joined
    before any of the product managers they now lead, so for a while they
    led nobody. Only people with a `hired` date count; open positions do not.

    Source: seed 003_25191a4dbd4584d4.txt (hire a head of product once a product team exists), over time.
    """
    leaders = org.with_role(_is_leader)
    if not leaders:
        return
    # By position in org.order, bottom-up: the earliest-hired team member below each person.
    up, everyone = org.manager_positions, org.in_order
    team = org.role_flags(_is_team_member)
    earliest: list[Person | None] = [None] * len(up)
    for i in range(len(up) - 1, -1, -1):
        boss = up[i]
        if boss is None:
            continue
        candidate = earliest[i]
        if team[i]:
            person = everyone[i]
            if person.hired and not person.is_open and (candidate is None or person.hired < candidate.hired):
                candidate = person
        if candidate is not None:
            current = earliest[boss]
            if current is None or candidate.hired < current.hired:
                earliest[boss] = candidate
    positions = org.positions
    for person in leaders:
        first = earliest[positions[person.id]]
        if person.hired and first and person.hired < first.hired:
            yield Finding(person.id, f"{who(person)} was hired {person.hired}, before anyone in their product "
                                     f"team (the first, {first.label}, joined {first.hired})",
                          related=(first.id,),
                          suggestion="next time, hire the product team before its leader")


@rule("PRD003", "rank-inversion", Severity.ERROR)
def rank_inversion(org: Org) -> Iterable[Finding]:
    """A product-ladder person has a lower-ranked product-ladder person above them.

    The ladder runs CPO > VP of Product > head of product > senior PM > PM >
    junior / associate PM, and the VP is the more senior of the two. A VP
    under a head of product, or a head of product under a senior PM, turns
    it upside down. One finding per person, naming the nearest such manager.

    Source: seed 003_25191a4dbd4584d4.txt (the product management hierarchy; the VP is senior to
    the head of product).
    """
    # For each person (by position in org.order): the nearest manager of each product rank above
    # them and themselves, passed down to their reports. Ranks are few, so this stays linear.
    depth, order, up, everyone = org.depth, org.order, org.manager_positions, org.in_order
    ladder = org.role_flags(_on_ladder)
    if not any(ladder):
        return
    nothing: dict[int, str] = {}
    passed: list[dict[int, str]] = [nothing] * len(up)
    for i, boss in enumerate(up):
        above = nothing if boss is None else passed[boss]
        if not ladder[i]:
            passed[i] = above
            continue
        person = everyone[i]
        pid = order[i]
        passed[i] = {**above, person.role.rank: pid}
        if not above:
            continue
        lower = [m for rank, m in above.items() if rank < person.role.rank]
        if lower:
            culprit = org.people[max(lower, key=depth.__getitem__)]
            yield Finding(pid, f"{who(person)}, rank {person.role.rank}, sits below {who(culprit)}, "
                               f"rank {culprit.role.rank}",
                          related=(culprit.id,),
                          suggestion=f"move {person.label} above {culprit.label}, or correct one of their roles")


@rule("PRD004", "head-outside-product-leadership", Severity.WARNING)
def head_outside_product_leadership(org: Org) -> Iterable[Finding]:
    """The org has a VP of Product or CPO, but a head of product or product director is outside their organisation.

    Once there is a VP of Product (or CPO), they lead the whole product
    organisation, heads of product included. A head of product who reports
    elsewhere splits the product organisation in two.

    Source: seed 003_25191a4dbd4584d4.txt (the VP of Product oversees the product organisation,
    including one or more heads of product).
    """
    chiefs = org.with_role(_is_chief)
    if not chiefs:
        return
    chief = chiefs[0]
    above = org.vp_or_cpo_above
    for person in org.with_role(_is_head):
        if above[person.id] is None:
            yield Finding(person.id, f"{who(person)} is outside the product organisation led by {who(chief)}",
                          related=tuple(c.id for c in chiefs),
                          suggestion=f"have {person.label} report to {chief.label} or into their organisation")


@rule("PRD005", "vp-not-under-ceo", Severity.WARNING)
def vp_not_under_ceo(org: Org) -> Iterable[Finding]:
    """A VP of Product reports to someone who is neither the CEO nor a CPO.

    The VP of Product reports directly to the CEO (or, where there is one,
    to the chief product officer) and influences the other executives.

    Source: seed 003_25191a4dbd4584d4.txt (the VP of Product reports directly to the CEO).
    """
    yield from _manager_must_be(org, ("vp_product",), ("ceo", "cpo"), "the CEO or CPO")


@rule("PRD006", "head-wrong-manager", Severity.WARNING)
def head_wrong_manager(org: Org) -> Iterable[Finding]:
    """A head of product reports to someone other than the CEO, a CPO, a VP of Product or a product director.

    In a smaller company the head of product sits on the executive team; in
    a large one they report to a product director or VP of Product.
    Anywhere else (under the CTO, say) the product voice is lost.

    Source: seed 003_25191a4dbd4584d4.txt (sits on the executive team); seed 002_cfaadbc18d6280c4.txt (in large
    companies, reports to the product director or VP of Product).
    """
    yield from _manager_must_be(org, ("head_of_product",), ("ceo", "cpo", "vp_product", "product_director"),
                                "the CEO, a CPO, a VP of Product or a product director")


def _manager_must_be(org: Org, roles: tuple[str, ...], allowed: tuple[str, ...], allowed_text: str):
    for person in org.with_role(lambda role: role.id in roles):
        boss = org.manager_of(person.id)
        if boss is not None and boss.role.id not in allowed:
            yield Finding(person.id, f"{who(person)} reports to {who(boss)}, not to {allowed_text}",
                          related=(boss.id,), suggestion=f"have {person.label} report to {allowed_text}")


@rule("PRD007", "senior-pm-without-leader", Severity.WARNING)
def senior_pm_without_leader(org: Org) -> Iterable[Finding]:
    """A senior product manager has no product leader anywhere above them.

    Senior PMs sit below a head of product and report to them; without a
    product leader in their chain nobody sets the product strategy they
    execute.

    Source: seed 003_25191a4dbd4584d4.txt (a senior product manager sits below the head of
    product and reports to them).
    """
    leader_above = org.product_leader_above
    for person in org.with_role(_is_senior_pm):
        if leader_above[person.id] is None:
            yield Finding(person.id, f"{who(person)} has no product leader above them",
                          suggestion="have them report to a head of product (or hire one)")


@rule("PRD008", "junior-pm-outside-product", Severity.WARNING)
def junior_pm_outside_product(org: Org) -> Iterable[Finding]:
    """A junior or associate PM reports to someone who is not a more senior product-ladder person.

    Junior and associate PMs are the entry level of the ladder and learn the
    job from senior PMs or someone else in the product team. Under an
    engineering manager or a founder they have nobody to learn it from.

    Source: seed 003_25191a4dbd4584d4.txt (junior PMs work under senior product managers;
    associate PMs under senior PMs or someone else in the product team).
    """
    for person in org.with_role(_is_entry_level):
        boss = org.manager_of(person.id)
        if boss is None:
            continue
        if not (boss.role.on_product_ladder and boss.role.rank > person.role.rank):
            yield Finding(person.id, f"{who(person)} reports to {who(boss)}, who is not a more senior product "
                                     "manager", related=(boss.id,),
                          suggestion="have them report to a senior PM (or another more senior product manager)")


@rule("PRD009", "head-under-experienced", Severity.WARNING,
      options=[Option("min-head-experience-years", 3, "fewest years of experience for a head of product")])
def head_under_experienced(org: Org, min_head_experience_years: int) -> Iterable[Finding]:
    """A head of product or product director has less experience than `min-head-experience-years`.

    Leading a team of product managers is a different job from being one;
    without a few years in product the new head is quickly out of their
    depth. People without `experience_years` are not judged.

    Source: seed 000_c4c5082fcb875f45.txt (at least three to five years of experience before
    becoming a head of product).
    """
    for person in org.with_role(_is_head):
        years = person.experience_years
        if years is not None and years < min_head_experience_years:
            yield Finding(person.id, f"{who(person)} has {plural(years, 'year')} of experience "
                                     f"< min-head-experience-years {min_head_experience_years}",
                          suggestion="pair them with an experienced product leader, or hire a more "
                                     "experienced head")


@rule("PRD010", "missing-head-of-product", Severity.WARNING,
      options=[Option("min-team", 3, "present product team members that call for a head of product")])
def missing_head_of_product(org: Org, min_team: int) -> Iterable[Finding]:
    """A product team of `min-team` or more has no product leader.

    Fires on a manager who is not a product leader, has no product leader
    above them, and has at least `min-team` present product team members as
    direct reports. A product team that size needs leadership and
    coordination: time for a head of product. (A senior PM with juniors
    under a head of product already has one, so does not fire.)

    Source: seed 003_25191a4dbd4584d4.txt (hire a head of product once there is enough of a
    product team that needs leadership and coordination).
    """
    leader_above = org.product_leader_above
    # The team below a manager holds the team among their direct reports, so it is checked
    # first, cheaply; except where a reporting cycle was cut, whose links it does not count.
    team_below = org.present_team_below if not org.cycles else None
    for pid, reports in org.direct_reports.items():
        if len(reports) < min_team or (team_below is not None and team_below[pid] < min_team):
            continue
        manager = org.people[pid]
        if manager.role.is_product_leader or manager.role.id == "product_owner" or leader_above[pid]:
            continue
        team = [org.people[r] for r in reports]
        team = [p for p in team if p.role.is_product_team_member and org.is_present(p)]
        if len(team) >= min_team:
            yield Finding(pid, f"{who(manager)} directly manages {plural(len(team), 'product team member')} "
                               f">= min-team {min_team}, with no product leader",
                          related=tuple(p.id for p in team),
                          suggestion=f"add a head of product between {manager.label} and these product managers")


@rule("PRD011", "missing-vp-of-product", Severity.INFO,
      options=[Option("min-heads", 2, "heads of product without a VP that call for one")])
def missing_vp_of_product(org: Org, min_heads: int) -> Iterable[Finding]:
    """Several heads of product or product directors have no VP of Product or CPO above them.

    With `min-heads` or more product lines each led by its own head, someone
    has to oversee the product organisation as a whole. One finding, on the
    heads' nearest common manager.

    Source: seed 003_25191a4dbd4584d4.txt (a VP of Product oversees the whole product
    organisation, which can include multiple product lines).
    """
    above = org.vp_or_cpo_above
    heads = [p for p in org.with_role(_is_head) if above[p.id] is None]
    if len(heads) < min_heads:
        return
    head_ids = {p.id for p in heads}
    inside = org.count_below(lambda p: p.id in head_ids)
    common = [pid for pid in org.order if inside[pid] + (pid in head_ids) == len(heads)]
    names = ", ".join(p.label for p in heads)
    related = tuple(p.id for p in heads)
    counted = f"{len(heads)} heads of product"
    if len(heads) == 1:  # min-heads 1: the head is their own nearest common manager
        yield Finding(heads[0].id, f"{who(heads[0])} has no VP of Product above them",
                      suggestion=f"hire a VP of Product for {heads[0].label} to report to")
    elif common:
        where = org.people[max(common, key=org.depth.__getitem__)]
        yield Finding(where.id, f"{counted} report up through {where.label} with no VP of Product above them: "
                                f"{names}", related=related,
                      suggestion=f"hire a VP of Product under {where.label} to lead them")
    else:
        yield Finding(heads[0].id, f"{counted} have no VP of Product above them and no common "
                                   f"manager: {names}", related=related[1:],
                      suggestion="hire a VP of Product and have the heads report to them")


@rule("PRD012", "entry-level-manager", Severity.WARNING)
def entry_level_manager(org: Org) -> Iterable[Finding]:
    """A junior or associate PM has direct reports.

    Junior and associate PMs are the lowest rank of the product hierarchy;
    managing people is not their job yet.

    Source: seed 003_25191a4dbd4584d4.txt (junior PM is the lowest rank in the hierarchy).
    """
    for person in org.with_role(_is_entry_level):
        reports = org.direct_reports[person.id]
        if reports:
            yield Finding(person.id, f"{who(person)} manages {plural(len(reports), 'person', 'people')}",
                          related=tuple(reports),
                          suggestion="move their reports to a senior PM or a product leader")


@rule("PRD013", "senior-pm-without-junior", Severity.INFO, opt_in=True)
def senior_pm_without_junior(org: Org) -> Iterable[Finding]:
    """A senior product manager manages no junior or associate PM (opt-in).

    Senior PMs typically manage at least one junior PM; one who manages
    nobody may be a PM with a senior title. Many companies run senior PMs as
    individual contributors, so this rule only runs when selected.

    Source: seed 003_25191a4dbd4584d4.txt (a senior PM typically manages at least one junior PM).
    """
    for person in org.with_role(_is_senior_pm):
        if not any(org.people[r].role.id in ENTRY_LEVEL for r in org.direct_reports[person.id]):
            yield Finding(person.id, f"{who(person)} manages no junior or associate PM",
                          suggestion="give them a junior or associate PM to mentor, or stop selecting PRD013")
