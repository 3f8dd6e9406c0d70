"""The Org: graph, chains, subtrees, cycles and the linear passes rules use."""

import datetime as dt

from orgmodel import load_text

ORG = """\
org: T
as_of: 2026-01-01
people:
  - {id: ceo, role: ceo}
  - {id: vp, role: vp_product, reports_to: ceo}
  - {id: h, role: head_of_product, reports_to: vp, dotted_to: [cto]}
  - {id: pm, role: product_manager, reports_to: h}
  - {id: new, role: product_manager, reports_to: h, hired: 2026-05-01}
  - {id: gap, role: product_manager, reports_to: h, status: open}
  - {id: cto, role: cto, reports_to: ceo}
  - {id: x, role: cfo, reports_to: z}
  - {id: z, role: coo, reports_to: y}
  - {id: y, role: cmo, reports_to: z}
"""


def test_graph_has_solid_and_dotted_edges():
    org = load_text(ORG)
    assert org.graph.edges["vp", "h"]["kind"] == "solid"
    assert org.graph.edges["cto", "h"]["kind"] == "dotted"
    assert org.graph.nodes["pm"]["person"].role.id == "product_manager"
    assert [p.id for p in org.dotted_managers("h")] == ["cto"]


def test_chain_and_subtree_follow_solid_lines_only():
    org = load_text(ORG)
    assert [p.id for p in org.chain("pm")] == ["h", "vp", "ceo"]
    assert [p.id for p in org.subtree("vp")] == ["h", "pm", "new", "gap"]
    assert [p.id for p in org.subtree("cto")] == []  # the dotted report is not in the subtree


def test_cycles_are_found_and_cut_so_chains_end():
    org = load_text(ORG)
    assert org.cycles == [["z", "y"]]
    assert [p.id for p in org.chain("x")] == ["z"]  # cut above z, the cycle's first member in file order
    assert org.depth["x"] == 1 and org.depth["pm"] == 3


def test_present_planned_open_and_headcount():
    org = load_text(ORG)
    people = org.people
    assert org.is_present(people["pm"]) and not org.is_present(people["new"]) and not org.is_present(people["gap"])
    assert org.is_planned(people["new"]) and not org.is_planned(people["gap"])
    assert org.headcount == {"present": 8, "open": 1, "planned": 1}
    assert org.present_team_below["vp"] == 1 and org.present_team_below["ceo"] == 1


def test_nearest_above_and_count_below():
    org = load_text(ORG)
    assert org.product_leader_above["pm"] == "h"
    assert org.vp_or_cpo_above["pm"] == "vp" and org.vp_or_cpo_above["vp"] is None
    assert org.count_below(lambda p: True)["ceo"] == 6


def test_as_of_defaults_to_today():
    org = load_text("org: T\npeople:\n  - {id: a, role: ceo}\n")
    assert org.as_of == dt.date.today()


def test_the_new_chain_and_role_queries_agree_with_plain_walks():
    org = load_text(ORG)
    assert org.at_depth(1) == ["vp", "cto", "x", "y"] and org.at_depth(2) == ["h"] and org.at_depth(9) == []
    assert org.everyone_below["ceo"] == 6 and org.everyone_below["z"] == 2 and dict(org.everyone_below) == \
        {p.id: sum(1 for _ in org.subtree(p.id)) for p in org}
    assert [p.id for p in org.with_role(lambda role: role.family == "product")] == ["vp", "h", "pm", "new", "gap"]
    assert [p.id for p in org.open_positions] == ["gap"] and [p.id for p in org.with_dotted_lines] == ["h"]
    assert [(m, len(r)) for m, r in org.managers_with_reports(lambda count: count > 1)] == [("ceo", 2), ("h", 3), ("z", 2)]


def test_the_readers_build_people_in_field_order():
    # The YAML and table readers pass Person's fields by position (a million people are built at once).
    from dataclasses import fields

    from orgmodel.org import Person

    assert [f.name for f in fields(Person)] == [
        "id", "name", "role", "title", "reports_to", "dotted_to", "team", "hired", "experience_years", "status",
        "cost", "ignore", "ignore_positions", "line", "column", "role_source", "unknown_role"]
