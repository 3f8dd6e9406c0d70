"""orgmodel: org design as code.

The Python API::

    import orgmodel

    org = orgmodel.load("org.yaml")            # raises OrgInputError on bad input
    for finding in orgmodel.check(org, ignore=["SHP002"]):
        print(finding.code, finding.message)
    orgmodel.render(org, "org.svg", findings=orgmodel.check(org))

    change = orgmodel.diff(orgmodel.load("old.yaml"), org)   # typed changes and the findings delta
    print(orgmodel.stats(org).span_median)
    for step in orgmodel.plan(org):                          # the org on each planned start date
        print(step.date, [p.id for p in step.starting])
"""

from .engine import SelectionError, check, select_rules
from .findings import Finding, OrgInputError, Problem, Severity
from .sources import load, load_text
from .org import Org, Person, Team
from .roles import Role, RoleCatalog
from .rules import RULES, Rule

__version__ = "0.1.0"


# The chart package is imported here, before the function below takes its name: importing
# orgmodel.render later then finds it loaded and leaves orgmodel.render the function.
# (It imports matplotlib only when a chart is drawn, so checking stays fast.)
from . import render as _chart_package  # noqa: E402


def render(org, output, **options):
    """Draw ``org`` to ``output`` (.png, .svg, .pdf, .html or .json); see ``orgmodel.render.render``."""
    return _chart_package.render(org, output, **options)


def diff(old: Org, new: Org, **check_options):
    """What changed from ``old`` to ``new`` (an ``OrgDiff``); ``check_options`` go to ``check`` for both."""
    from .analysis import diff_orgs

    return diff_orgs(old, new, check(old, **check_options), check(new, **check_options))


def plan(org: Org, **check_options):
    """The org on its as-of date and on each later start date (``PlanStep`` list), checked on each."""
    from .analysis import plan_timeline

    return plan_timeline(org, lambda dated: check(dated, **check_options))


def stats(org: Org, *, banding: str = "orgvue"):
    """Headcount, spans, layers and cost of ``org`` (an ``OrgStats``)."""
    from .analysis import org_stats

    return org_stats(org, banding=banding)


__all__ = [
    "RULES", "Finding", "Org", "OrgInputError", "Person", "Problem", "Role", "RoleCatalog", "Rule",
    "SelectionError", "Severity", "Team", "check", "diff", "load", "load_text", "plan", "render", "select_rules",
    "stats",
]
