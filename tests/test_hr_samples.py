"""Real sample HR data, end to end: read with no preset and no --map (tests/data/hr/README.md)."""

from __future__ import annotations

import datetime as dt
import json

from click.testing import CliRunner

from orgmodel import load
from orgmodel.cli import main

from .conftest import ROOT

SAMPLES = ROOT / "tests" / "data" / "hr" / "samples"


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


def test_the_oracle_hr_sample_imports_checks_and_draws(tmp_path):
    sample = SAMPLES / "oracle-hr-employees.csv"
    mapping = run("import", "--show-mapping", sample).stdout
    assert "title             <- column 8 'JOB_TITLE'" in mapping
    assert "department        <- column 13 'DEPARTMENT_NAME'" in mapping
    assert "not used: 'PHONE_NUMBER', 'JOB_ID', 'SALARY', 'COMMISSION_PCT', 'DEPARTMENT_ID'" in mapping

    out = tmp_path / "oracle.yaml"
    result = run("import", sample, "-o", out)
    assert result.exit_code == 0, result.stderr
    org = load(out)
    assert len(org) == 107 and org.tops == ["100"]
    king = org["100"]
    assert (king.name, king.title, king.role.id) == ("Steven King", "President", "ceo")
    assert len(list(org.reports_of("100"))) == 14
    assert org["101"].role.id == "operations_80"  # "Administration Vice President"
    assert org["205"].hired == dt.date(2012, 6, 7)  # 07-06-2012, day first
    assert org["178"].team is None and org["100"].team == "executive"
    assert len(org.teams) == 11

    report = json.loads(run("check", "--isolated", "--format", "json", sample).stdout)
    assert report["summary"]["people"] == 107
    assert {f["code"] for f in report["findings"]} <= {"SHP001", "SHP002"}
    assert all(f["file"].endswith("oracle-hr-employees.csv") and f["column"] == 1 for f in report["findings"])

    chart = tmp_path / "oracle.svg"
    assert run("render", sample, "-o", chart).exit_code == 0
    assert "Steven King" in chart.read_text(encoding="utf-8")


def test_titles_reads_an_hr_export():
    listed = run("titles", SAMPLES / "oracle-hr-employees.csv")
    assert listed.exit_code == 0, listed.stderr
    assert "14 titles, 65 people" in listed.stdout
    assert "     20  Stock Clerk  -> operations_30" in listed.stdout
