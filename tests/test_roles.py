"""The role catalog and title inference."""

import pytest

from orgmodel.roles import BUILTIN_ROLES, RoleCatalog, normalise_title

CATALOG = RoleCatalog.builtin()


@pytest.mark.parametrize("title, role", [
    ("Sr. Product Manager", "senior_product_manager"),
    ("Senior PM", "senior_product_manager"),
    ("sr pm", "senior_product_manager"),
    ("VP, Product", "vp_product"),
    ("Vice President of Product Management", "vp_product"),
    ("SVP Product", "vp_product"),
    ("Director of Product", "product_director"),
    ("Senior Director of Product", "product_director"),
    ("Head of Product Management", "head_of_product"),
    ("Head of Product, Growth", "head_of_product"),
    ("Group PM", "group_product_manager"),
    ("GPM", "group_product_manager"),
    ("Principal PM", "principal_product_manager"),
    ("Product Lead", "product_lead"),
    ("APM", "associate_product_manager"),
    ("Jr. PM", "junior_product_manager"),
    ("Product Manager, Payments", "product_manager"),
    ("Technical Product Manager", "product_manager"),
    ("Product Owner", "product_owner"),
    ("Chief Product Officer", "cpo"),
    ("Founder & CEO", "ceo"),
    ("Co-founder and CTO", "cto"),
    ("Software Engineer II", "software_engineer"),
    ("Staff Software Engineer L6", "staff_engineer"),
    ("Sr. SWE", "senior_software_engineer"),
    ("Engineering Manager, Platform", "engineering_manager"),
    ("VP Engineering", "vp_engineering"),
    ("Product Marketing Manager", "marketing_manager"),
    ("Executive Assistant to the CEO", "executive_assistant"),
    ("Account Executive", "account_executive"),
])
def test_title_inference(title, role):
    match = CATALOG.infer(title)
    assert match.role is not None and match.role.id == role, match.explain()


def test_uninferable_title_says_so():
    match = CATALOG.infer("Chief Vibes Officer")
    assert match.role is None and "contains no known title" in match.explain()


def test_normal_form_drops_punctuation_filler_and_levels():
    assert normalise_title("Sr. Dir. of Product Mgmt, III") == "senior director product management"


def test_builtin_catalog_has_the_ladders_format_md_promises():
    ranks = {r.id: r.rank for r in BUILTIN_ROLES}
    assert {k: ranks[k] for k in ("ceo", "cpo", "vp_product", "head_of_product", "product_director",
                                  "group_product_manager", "principal_product_manager", "product_lead",
                                  "senior_product_manager", "product_manager", "junior_product_manager",
                                  "associate_product_manager", "product_owner")} == {
        "ceo": 100, "cpo": 90, "vp_product": 80, "head_of_product": 70, "product_director": 70,
        "group_product_manager": 60, "principal_product_manager": 60, "product_lead": 60,
        "senior_product_manager": 50, "product_manager": 40, "junior_product_manager": 30,
        "associate_product_manager": 30, "product_owner": None}
    for role_id in ("cto", "cfo", "coo", "cmo", "vp_engineering", "engineering_director", "engineering_manager",
                    "staff_engineer", "senior_software_engineer", "software_engineer", "head_of_design",
                    "design_manager", "product_designer", "data_scientist", "data_analyst", "marketing_manager",
                    "sales_manager", "account_executive", "operations_manager", "executive_assistant"):
        assert role_id in CATALOG


def test_every_alias_infers_its_own_role():
    # No alias may be shadowed by another role's alias.
    for role in BUILTIN_ROLES:
        for alias in (role.title, *role.aliases):
            assert CATALOG.infer(alias).role.id == role.id, alias
