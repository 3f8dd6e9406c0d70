"""The rule registry: every rule orgmodel knows, by code, in one table.

Codes never change meaning once released; a retired code is never reused.
"""

from __future__ import annotations

from . import product, shape, structure
from .base import Option, Rule, names_a_rule, rule

_ALL: tuple[Rule, ...] = (
    # ORG: structure
    structure.unknown_manager,                  # ORG001
    structure.reporting_cycle,                  # ORG002
    structure.unknown_dotted_manager,           # ORG003
    structure.multiple_tops,                    # ORG004
    structure.unknown_role,                     # ORG005
    structure.unknown_team,                     # ORG006
    structure.dotted_line_to_self,              # ORG007
    # SHP: shape
    shape.span_too_wide,                        # SHP001
    shape.single_report_manager,                # SHP002
    shape.too_many_layers,                      # SHP003
    shape.reports_to_vacancy,                   # SHP004
    # PRD: product leadership (seed documents)
    product.leader_without_team,                # PRD001
    product.leader_hired_before_team,           # PRD002
    product.rank_inversion,                     # PRD003
    product.head_outside_product_leadership,    # PRD004
    product.vp_not_under_ceo,                   # PRD005
    product.head_wrong_manager,                 # PRD006
    product.senior_pm_without_leader,           # PRD007
    product.junior_pm_outside_product,          # PRD008
    product.head_under_experienced,             # PRD009
    product.missing_head_of_product,            # PRD010
    product.missing_vp_of_product,              # PRD011
    product.entry_level_manager,                # PRD012
    product.senior_pm_without_junior,           # PRD013 (opt-in)
)

RULES: dict[str, Rule] = {r.code: r for r in _ALL}

#: Every rule option by name, with the rules that take it.
OPTIONS: dict[str, Option] = {opt.name: opt for r in _ALL for opt in r.options}

__all__ = ["OPTIONS", "RULES", "Option", "Rule", "names_a_rule", "rule"]
