"""`orgmodel export --format csv` writes what `orgmodel import` reads back: the same org."""

from __future__ import annotations

from click.testing import CliRunner

from orgmodel import load
from orgmodel.cli import main

from .conftest import EXAMPLES

ORG = """\
org: Round Trip
as_of: 2026-01-01
teams:
  core: {name: "Core; the team"}
  growth: {name: Growth}
people:
  - {id: ceo, name: "Ann \\"The Boss\\" O'Neil", role: ceo, team: core, hired: 2015-03-01, experience_years: 20}
  - {id: vp.sales, name: "Garcia, Bob", title: "VP of Sales, EMEA", reports_to: ceo, hired: 2019-12-31}
  - {id: chloe_w, name: "Chloé 王", title: Senior Product Manager, reports_to: ceo, dotted_to: [vp.sales],
     team: growth, experience_years: 7.5}
  - {id: pm-open, title: Product Manager, reports_to: chloe_w, status: open, team: growth}
  - {id: eve, name: Eve Later, role: software_engineer, reports_to: chloe_w, hired: 2027-03-01,
     dotted_to: [vp.sales, ceo]}
  - {id: "0042", name: Digits Only, role: account_executive, reports_to: vp.sales}
"""

FIELDS = ("name", "title", "reports_to", "dotted_to", "team", "hired", "status", "experience_years")


def _people(org):
    return {p.id: (p.role.id, *(getattr(p, field) for field in FIELDS)) for p in org}


def _round_trip(tmp_path, source):
    runner = CliRunner()
    exported = runner.invoke(main, ["export", str(source), "-o", str(tmp_path / "org.csv")])
    assert exported.exit_code == 0, exported.output
    original = load(source)
    imported = runner.invoke(main, ["import", str(tmp_path / "org.csv"), "-o", str(tmp_path / "back.yaml"),
                                    "--as-of", str(original.as_of), "--org-name", original.name])
    assert imported.exit_code == 0, imported.output
    return original, load(tmp_path / "back.yaml")


def test_csv_export_imports_back_to_the_same_org(tmp_path):
    source = tmp_path / "org.yaml"
    source.write_text(ORG, encoding="utf-8")
    original, back = _round_trip(tmp_path, source)
    assert back.name == original.name and back.as_of == original.as_of
    assert _people(back) == _people(original)
    assert list(back.people) == list(original.people)
    assert back.people["eve"].dotted_to == ("vp.sales", "ceo")
    assert back.people["pm-open"].is_open and back.is_planned(back.people["eve"])


def _teams(org):
    return {team.id: (team.name, team.lead) for team in (org.teams or {}).values()}


def _custom_roles(org):
    return {role.id: (role.title, role.family, role.rank) for role in org.roles if not role.builtin}


def test_every_example_survives_the_csv_round_trip(tmp_path):
    examples = sorted(EXAMPLES.glob("*.yaml"))
    assert any("\nroles:" in e.read_text(encoding="utf-8") for e in examples)
    for example in examples:
        original, back = _round_trip(tmp_path, example)
        assert _people(back) == _people(original), example.name
        if original.teams is not None:
            assert _teams(back) == {t: v for t, v in _teams(original).items()
                                    if any(p.team == t for p in original)}, example.name
        used = {p.role.id for p in original}
        assert _custom_roles(back) == {r: v for r, v in _custom_roles(original).items() if r in used}, example.name


ROLES_AND_TEAMS = """\
org: Custom
as_of: 2026-01-01
roles:
  head_of_data: {title: Head of Data, family: data, rank: 70, aliases: ["Director of Data"]}
  ceo: {title: Founder}
  fellow: {family: research}
teams:
  "Data & AI": {name: "Data, AI; and more", lead: dana}
people:
  - {id: ann, role: ceo}
  - {id: dana, title: Director of Data, reports_to: ann, team: "Data & AI"}
  - {id: fay, role: fellow, reports_to: dana, team: "Data & AI"}
  - {id: gil, title: Data Engineer, reports_to: dana, team: "Ops / Infra"}
"""


def test_custom_roles_team_names_and_leads_come_back(tmp_path):
    source = tmp_path / "org.yaml"
    source.write_text(ROLES_AND_TEAMS, encoding="utf-8")
    original, back = _round_trip(tmp_path, source)
    assert _custom_roles(back) == {"head_of_data": ("Head of Data", "data", 70), "ceo": ("Founder", "executive", 100),
                                   "fellow": ("Fellow", "research", None)}
    # The alias that found Dana's role is not in the CSV, so her role is written out instead.
    assert back.people["dana"].role.id == "head_of_data"
    # A team missing from teams: keeps its id, and is named by it.
    assert _teams(back) == {"Data & AI": ("Data, AI; and more", "dana"), "Ops / Infra": ("Ops / Infra", None)}
    assert _people(back) == _people(original)
    written = (tmp_path / "back.yaml").read_text(encoding="utf-8")
    assert "\nroles:\n" in written and "aliases" not in written
    assert "\n  head_of_data:\n    title: Head of Data\n    family: data\n    rank: 70\n" in written
