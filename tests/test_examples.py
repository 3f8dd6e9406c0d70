"""Each bundled example tells a story; its findings are pinned here."""

import pytest

import orgmodel
from orgmodel import RULES

from .conftest import EXAMPLES

EXPECTED = {
    "startup.yaml": [("PRD001", "sofia")],
    "scaleup.yaml": [],
    "enterprise.yaml": [("SHP002", "open-payments-spm"), ("SHP004", "nia.quist"), ("SHP001", "hal.yilmaz")],
    "reorg-before.yaml": [("PRD011", "maya"), ("PRD002", "hugo"), ("PRD006", "hugo"), ("SHP002", "aisha"),
                          ("PRD002", "hana")],
    "reorg-after.yaml": [("PRD008", "noor"), ("PRD002", "hugo"), ("PRD002", "hana"), ("SHP002", "hana"),
                         ("PRD001", "kim"), ("PRD002", "kim"), ("SHP002", "kim")],
    "mistakes.yaml": [
        ("PRD011", "maya"), ("PRD005", "vera"), ("SHP002", "vera"), ("PRD012", "amy"), ("SHP002", "amy"),
        ("PRD001", "hugo"), ("PRD004", "hugo"), ("PRD006", "hugo"), ("PRD007", "sid"), ("PRD008", "jake"),
        ("PRD002", "hana"), ("PRD004", "hana"), ("PRD009", "hana"), ("SHP002", "pia"), ("PRD003", "sara"),
        ("PRD010", "olga"),
    ],
}


def test_every_example_is_pinned():
    assert sorted(p.name for p in EXAMPLES.glob("*.yaml")) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_example_findings(name):
    findings = orgmodel.check(orgmodel.load(EXAMPLES / name))
    assert [(f.code, f.person) for f in findings] == EXPECTED[name]


def test_mistakes_triggers_every_prd_rule_including_the_opt_in_one():
    findings = orgmodel.check(orgmodel.load(EXAMPLES / "mistakes.yaml"), select=["ALL"])
    prd = {code for code in RULES if code.startswith("PRD")}
    assert prd <= {f.code for f in findings}


def test_scaleup_is_clean_even_with_every_rule():
    assert orgmodel.check(orgmodel.load(EXAMPLES / "scaleup.yaml"), select=["ALL"]) == []


def test_enterprise_has_what_its_story_promises():
    org = orgmodel.load(EXAMPLES / "enterprise.yaml")
    roles = {p.role.id for p in org}
    assert len(org) >= 150
    assert {"cpo", "vp_product", "head_of_product", "product_director", "vp_engineering", "head_of_design",
            "data_scientist", "head_of_data"} <= roles
    assert org.headcount["open"] >= 3 and org.headcount["planned"] >= 2
    assert sum(1 for *_, kind in org.graph.edges(data="kind") if kind == "dotted") >= 10
    assert len({p.team for p in org if p.role.is_product_leader}) >= 4  # several product lines
