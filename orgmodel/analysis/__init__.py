"""Analyses on top of the Org and the engine: ``diff`` (two orgs -> typed changes and the
findings delta), ``plan`` (one org at each planned start date) and ``stats`` (span, layers,
headcount and cost metrics). Each returns plain data; reporters turn it into text."""

from .diff import CHANGE_KINDS, Change, OrgDiff, SpanChange, diff_orgs
from .plan import PlanStep, plan_timeline
from .stats import OrgStats, org_stats

__all__ = ["CHANGE_KINDS", "Change", "OrgDiff", "OrgStats", "PlanStep", "SpanChange", "diff_orgs", "org_stats",
           "plan_timeline"]
