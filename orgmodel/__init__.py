"""orgmodel: org design as code.

The Python API::

    import orgmodel

    org = orgmodel.load("org.yaml")            # raises OrgInputError on bad input
    for finding in orgmodel.check(org, ignore=["SHP002"]):
        print(finding.code, finding.message)
    orgmodel.render(org, "org.svg", findings=orgmodel.check(org))
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


__all__ = [
    "RULES", "Finding", "Org", "OrgInputError", "Person", "Problem", "Role", "RoleCatalog", "Rule",
    "SelectionError", "Severity", "Team", "check", "load", "load_text", "render", "select_rules",
]
