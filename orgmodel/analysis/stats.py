"""Org metrics: headcount, spans of control, layers and cost, each in one linear pass.

Span bands are those org-design tools report (1, 2-3, 4-7, 8-12, 13-16, 17+); McKinsey's
manager archetypes (player-coach 3-5, coach 6-7, supervisor 8-10, facilitator 11-15,
coordinator over 15) are an alternative banding. A span counts every solid-line direct report,
open positions and planned hires included, as SHP001 does: they will be reports too.
"""

from __future__ import annotations

import statistics
from collections import Counter
from dataclasses import dataclass

from ..org import Org
from .counts import GROUPINGS, LEVELS, NO_LEVEL, STATES, layers, state_of

#: (label, lowest span, highest span or None for no limit)
SPAN_BANDS = (("1", 1, 1), ("2-3", 2, 3), ("4-7", 4, 7), ("8-12", 8, 12), ("13-16", 13, 16), ("17+", 17, None))
ARCHETYPES = (("below player-coach", 1, 2), ("player-coach", 3, 5), ("coach", 6, 7), ("supervisor", 8, 10),
              ("facilitator", 11, 15), ("coordinator", 16, None))
BANDINGS = {"orgvue": SPAN_BANDS, "mckinsey": ARCHETYPES}


def band_of(span: int, bands=SPAN_BANDS) -> str:
    return next(label for label, low, high in bands if span >= low and (high is None or span <= high))


@dataclass(frozen=True, slots=True)
class ManagerStats:
    person: str
    name: str
    span: int
    below: int
    layer: int
    cost_below: float | None

    def to_dict(self) -> dict:
        data = {"manager": self.person, "name": self.name, "span": self.span, "below": self.below,
                "layer": self.layer}
        if self.cost_below is not None:
            data["cost_below"] = self.cost_below
        return data


@dataclass
class OrgStats:
    org: str
    as_of: str
    headcount: dict[str, int]
    #: grouping -> group -> state -> count
    by: dict[str, dict[str, dict[str, int]]]
    managers: list[ManagerStats]
    individual_contributors: int
    span_median: float | None
    span_mean: float | None
    #: band label -> (managers, share of managers)
    span_bands: dict[str, tuple[int, float]]
    banding: str
    people_per_layer: list[int]
    deepest_chain: list[str]
    currency: str | None
    #: None when no one has a cost; else {"total": x, "family": {...}, "team": {...}}
    cost: dict | None

    def to_dict(self, *, managers: bool = False) -> dict:
        data = {
            "org": self.org, "as_of": self.as_of,
            "headcount": dict(self.headcount),
            "by": self.by,
            "managers": len(self.managers),
            "individual_contributors": self.individual_contributors,
            "span": {"median": self.span_median, "mean": self.span_mean, "banding": self.banding,
                     "bands": {label: {"managers": n, "share": share}
                               for label, (n, share) in self.span_bands.items()}},
            "layers": {"count": len(self.people_per_layer), "people_per_layer": self.people_per_layer,
                       "deepest_chain": self.deepest_chain},
        }
        if self.cost is not None:
            data["cost"] = {"currency": self.currency, **self.cost}
        if managers:
            data["manager_list"] = [m.to_dict() for m in self.managers]
        return data


def org_stats(org: Org, *, banding: str = "orgvue") -> OrgStats:
    bands = BANDINGS[banding]
    headcount = {state: 0 for state in STATES}
    by: dict[str, dict[str, dict[str, int]]] = {grouping: {} for grouping in GROUPINGS}
    for person in org:
        state = state_of(org, person)
        headcount[state] += 1
        for grouping, key in GROUPINGS.items():
            group = by[grouping].setdefault(key(org, person), dict.fromkeys(STATES, 0))
            group[state] += 1
    headcount["total"] = len(org)
    for grouping in ("family", "team"):  # largest first; levels stay in rank order
        by[grouping] = dict(sorted(by[grouping].items(), key=lambda item: (-sum(item[1].values()), item[0])))
    seniority = [name for _, name in LEVELS] + [NO_LEVEL]
    by["level"] = {name: by["level"][name] for name in seniority if name in by["level"]}

    children = org.tree_children
    below = org.count_below(lambda person: True)
    has_cost = any(person.cost is not None for person in org)
    cost_below: dict[str, float] = {}
    if has_cost:
        cost_below = dict.fromkeys(org.people, 0.0)
        for pid in reversed(org.order):
            own = org.people[pid].cost or 0.0
            boss = org.manager[pid]
            if boss is not None:
                cost_below[boss] += cost_below[pid] + own
    managers = [ManagerStats(pid, org.people[pid].name, len(children[pid]), below[pid], org.depth[pid] + 1,
                             cost_below.get(pid) if has_cost else None)
                for pid in org.order if children[pid]]
    spans = [m.span for m in managers]
    counts = Counter(band_of(span, bands) for span in spans)
    span_bands = {label: (counts.get(label, 0), counts.get(label, 0) / len(spans) if spans else 0.0)
                  for label, _, _ in bands}

    per_layer = [0] * layers(org)
    for depth in org.depth.values():
        per_layer[depth] += 1
    deepest: list[str] = []
    if org.depth:
        bottom = max(org.order, key=lambda pid: org.depth[pid])  # first of the deepest, in walk order
        deepest = [bottom, *(p.id for p in org.chain(bottom))][::-1]

    cost = None
    if has_cost:
        cost = {"total": sum(p.cost for p in org if p.cost is not None)}
        for grouping in ("family", "team"):
            sums: Counter = Counter()
            for person in org:
                if person.cost is not None:
                    sums[GROUPINGS[grouping](org, person)] += person.cost
            cost[grouping] = dict(sorted(sums.items(), key=lambda item: (-item[1], item[0])))

    return OrgStats(
        org=org.name, as_of=org.as_of.isoformat(), headcount=headcount, by=by, managers=managers,
        individual_contributors=len(org) - len(managers),
        span_median=statistics.median(spans) if spans else None,
        span_mean=round(statistics.fmean(spans), 2) if spans else None,
        span_bands=span_bands, banding=banding, people_per_layer=per_layer, deepest_chain=deepest,
        currency=org.currency, cost=cost)
