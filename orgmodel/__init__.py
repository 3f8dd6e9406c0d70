"""orgmodel: org design as code.

The Python API::

    import orgmodel

    org = orgmodel.load("org.yaml")            # raises OrgInputError on bad input
    for finding in orgmodel.check(org, ignore=["SHP002"]):
        print(finding.code, finding.message)
"""

from .engine import SelectionError, check, select_rules
from .findings import Finding, OrgInputError, Problem, Severity
from .loader import load, load_text
from .org import Org, Person, Team
from .roles import Role, RoleCatalog
from .rules import RULES, Rule

__version__ = "0.1.0"

__all__ = [
    "RULES", "Finding", "Org", "OrgInputError", "Person", "Problem", "Role", "RoleCatalog", "Rule",
    "SelectionError", "Severity", "Team", "check", "load", "load_text", "select_rules",
]
