"""Every rule's pass and fail cases, from the data files in rule_cases/."""

from pathlib import Path

import pytest
import yaml

from orgmodel import RULES, check, load_text

CASE_DIR = Path(__file__).parent / "rule_cases"


def _cases():
    for path in sorted(CASE_DIR.glob("*.yaml")):
        for case in yaml.safe_load(path.read_text(encoding="utf-8"))["cases"]:
            yield pytest.param(case, id=f"{case['rule']}-{case['name']}")


CASES = list(_cases())


@pytest.mark.parametrize("case", CASES)
def test_rule_case(case):
    org = load_text(case["org"], "case.yaml")
    findings = check(org, select=[case["rule"]], options=case.get("options"))
    assert [f.person for f in findings] == [e["person"] for e in case["expect"]], \
        "\n".join(f"{f.code} {f.person}: {f.message}" for f in findings)
    for found, expected in zip(findings, case["expect"]):
        assert found.code == case["rule"]
        assert found.name == RULES[case["rule"]].name
        assert found.file == "case.yaml"
        if "line" in expected:
            assert found.line == expected["line"]
        if "message" in expected:
            assert expected["message"] in found.message
        if "suggestion" in expected:
            assert expected["suggestion"] in found.suggestion
        if "related" in expected:
            assert list(found.related) == expected["related"]


def test_every_rule_has_a_passing_and_a_failing_case():
    kinds = {}
    for param in CASES:
        case = param.values[0]
        kinds.setdefault(case["rule"], set()).add(bool(case["expect"]))
    for code in RULES:
        assert kinds.get(code) == {True, False}, f"{code} needs both a passing and a failing case"


def test_no_placement_rule_fires_on_a_product_owner():
    # Product owners under a junior PM, over a team of PMs, under the CTO, at the top, with a VP below.
    org = load_text("""\
org: T
people:
  - {id: ceo, role: ceo}
  - {id: cto, role: cto, reports_to: ceo}
  - {id: po1, role: product_owner, reports_to: cto}
  - {id: jr, role: junior_product_manager, reports_to: po1}
  - {id: po2, role: product_owner, reports_to: jr, experience_years: 0}
  - {id: po3, title: Product Owner, reports_to: ceo}
  - {id: p1, role: product_manager, reports_to: po3}
  - {id: p2, role: product_manager, reports_to: po3}
  - {id: p3, role: product_manager, reports_to: po3}
  - {id: vp, role: vp_product, reports_to: po3}
  - {id: po4, role: product_owner}
""")
    findings = check(org, select=["PRD", "PRD013"])
    assert findings, "the org has product problems, just none on product owners"
    assert not [f for f in findings if org.people[f.person].role.id == "product_owner"]
