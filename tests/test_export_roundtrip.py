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


def test_every_example_without_custom_roles_survives_the_csv_round_trip(tmp_path):
    # A CSV has no place for the roles: catalog, so custom role ids cannot come back.
    examples = [e for e in sorted(EXAMPLES.glob("*.yaml")) if "\nroles:" not in e.read_text(encoding="utf-8")]
    assert len(examples) >= 3
    for example in examples:
        original, back = _round_trip(tmp_path, example)
        assert _people(back) == _people(original), example.name
