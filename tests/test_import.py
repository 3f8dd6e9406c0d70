"""`orgmodel import` and HR exports read by check/render: each preset's fixture imports as its
expected org, whatever traps the export holds (see tests/data/hr/README.md)."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from orgmodel import load, load_text
from orgmodel.cli import main
from orgmodel.orgfile import MODELINE
from orgmodel.sources.presets import preset_names

from .conftest import ROOT

HR = ROOT / "tests" / "data" / "hr"
AS_OF = "2025-06-30"

#: fixture -> (export file, options that read it)
FIXTURES = {
    "adp": ("adp.xlsx", ["--from", "adp"]),
    "bamboohr": ("bamboohr.csv", ["--from", "bamboohr"]),
    "deel": ("deel.json", ["--from", "deel"]),
    "entra": ("entra.json", ["--from", "entra"]),
    "google": ("google.json", ["--from", "google"]),
    "gusto": ("gusto.json", ["--from", "gusto"]),
    "hibob": ("hibob.json", ["--from", "hibob"]),
    "history": ("history.csv", ["--map", "id=Record ID", "--person-key", "Employee Number"]),
    "ldap": ("ldap.tsv", ["--from", "ldap"]),
    "okta": ("okta.json", ["--from", "okta"]),
    "personio": ("personio.csv", ["--from", "personio"]),
    "rippling": ("rippling.json", ["--from", "rippling"]),
    "workday": ("workday.csv", ["--from", "workday"]),
}


def people_of(org) -> list[tuple]:
    return [(p.id, p.name, p.title, p.reports_to, p.team, p.hired, p.status) for p in org]


def teams_of(org) -> dict:
    return {t.id: t.name for t in (org.teams or {}).values()}


def run(*args, **kwargs):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False, **kwargs)


def test_every_preset_has_a_fixture():
    assert set(preset_names()) <= set(FIXTURES)


@pytest.mark.parametrize("system", sorted(FIXTURES))
def test_each_export_imports_as_its_expected_org(system, tmp_path):
    export, options = FIXTURES[system]
    out = tmp_path / "org.yaml"
    result = run("import", HR / export, *options, "--as-of", AS_OF, "-o", out)
    assert result.exit_code == 0, result.output + result.stderr
    assert out.read_text(encoding="utf-8").startswith(MODELINE + "\n")
    written = load(out)
    wanted = load(HR / f"{system}.expected.yaml")
    assert people_of(written) == people_of(wanted)
    assert teams_of(written) == teams_of(wanted)
    assert written.as_of == dt.date(2025, 6, 30)


@pytest.mark.parametrize("system", sorted(FIXTURES))
def test_check_reads_each_export_directly_with_the_same_people(system):
    export, options = FIXTURES[system]
    result = run("check", HR / export, *options, "--as-of", AS_OF, "--format", "json", "--isolated")
    assert result.exit_code in (0, 1), result.stderr
    report = json.loads(result.stdout)
    wanted = load(HR / f"{system}.expected.yaml")
    assert report["summary"]["people"] == len(wanted)
    for finding in report["findings"]:
        assert finding["file"].endswith(export) and finding["line"] >= 2 and finding["column"] >= 1


def test_the_import_guide_has_each_presets_current_table():
    from orgmodel.sources.presets import COMMON, mapping_markdown, preset

    text = (ROOT / "docs" / "import.md").read_text(encoding="utf-8")
    assert mapping_markdown(COMMON) in text
    for key in preset_names():
        heading = f"### {preset(key).name} (`--from {key}`)"
        assert heading in text, heading
        section = text.split(heading, 1)[1].split("\n### ", 1)[0]
        assert mapping_markdown(key) in section, f"docs/import.md: the {key} table is stale"
        assert "Checked against:" in section


def test_a_real_sample_export_reads_with_no_preset(tmp_path):
    sample = HR / "samples" / "northwind-employees.csv"
    out = tmp_path / "northwind.yaml"
    result = run("import", sample, "-o", out)
    assert result.exit_code == 0, result.stderr
    assert "column 'HireDate' holds timestamps" in result.stderr
    org = load(out)
    assert len(org) == 9 and org.tops == ["2"]
    assert org["2"].name == "Andrew Fuller" and org["2"].title == "Vice President, Sales"
    assert sorted(p.id for p in org.reports_of("5")) == ["6", "7", "9"]
    assert org["9"].hired == dt.date(1994, 11, 15)
    assert run("check", sample, "--isolated").exit_code in (0, 1)


# enterprise.yaml defines custom roles (roles:), which a CSV of people cannot carry.
@pytest.mark.parametrize("example", ["mistakes", "scaleup", "startup"])
def test_an_exported_csv_imports_as_the_same_people(example, tmp_path):
    source = ROOT / "examples" / f"{example}.yaml"
    exported, imported = tmp_path / "org.csv", tmp_path / "org.yaml"
    assert run("export", source, "--format", "csv", "-o", exported).exit_code == 0
    result = run("import", exported, "-o", imported)
    assert result.exit_code == 0, result.stderr

    def people(org):
        return [(p.id, p.name, p.title, p.role.id, p.unknown_role, p.reports_to, p.dotted_to, p.team, p.hired,
                 p.status, p.experience_years) for p in org]

    assert people(load(imported)) == people(load(source))


_TEXT = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters=[
    *map(chr, range(0x20)), *map(chr, range(0x7f, 0xa0))]) | st.sampled_from(["\n", "\t"]), min_size=1)


@settings(max_examples=300, deadline=None)
@given(name=_TEXT, title=_TEXT)
def test_any_name_and_title_read_back_exactly_as_written(name, title):
    from orgmodel.orgfile import scalar

    org = load_text(f"org: T\npeople:\n  - id: a\n    name: {scalar(name)}\n    title: {scalar(title)}\n")
    assert (org["a"].name, org["a"].title) == (name, title)


def test_nested_output_refuses_chains_deeper_than_a_nested_file_may_be(tmp_path):
    from orgmodel.orgfile import MAX_NESTED_DEPTH

    rows = ["id,title,manager", "p0,CEO,"] + [f"p{i},Engineer,p{i - 1}" for i in range(1, MAX_NESTED_DEPTH + 2)]
    path = tmp_path / "deep.csv"
    path.write_text("\n".join(rows) + "\n")
    result = run("import", path, "--nested", "-o", tmp_path / "org.yaml")
    assert result.exit_code == 2
    assert result.stderr.startswith(f"orgmodel: the org is {MAX_NESTED_DEPTH + 2} levels deep")
    assert run("import", path, "-o", tmp_path / "org.yaml").exit_code == 0
    assert len(load(tmp_path / "org.yaml")) == MAX_NESTED_DEPTH + 2
    path.write_text("\n".join(rows[:-1]) + "\n")
    assert run("import", path, "--nested", "-o", tmp_path / "nested.yaml").exit_code == 0
    assert len(load(tmp_path / "nested.yaml")) == MAX_NESTED_DEPTH + 1
