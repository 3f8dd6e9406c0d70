"""Every output format, from one shared list of findings, against golden files."""

import json
import os
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest

from orgmodel import RULES
from orgmodel.findings import Finding, Severity
from orgmodel.report import REPORTERS, STATISTICS, ReportContext, Summary
from orgmodel.report.github import escape_data, escape_property

GOLDEN = Path(__file__).parent / "golden"
DATA = Path(__file__).parent / "data"
ROOT = Path("/repo")

FINDINGS = [
    Finding("sofia", "Head of Product Sofia Marchetti (sofia) has no present product team member below them",
            suggestion="build the product team first", code="PRD001", name="leader-without-team",
            severity=Severity.ERROR, file="/repo/people/org.yaml", line=37, column=9),
    Finding("vera", "VP of Product Vera Novak (vera) reports to Tom Becker (tom), not to the CEO or CPO",
            related=("tom",), suggestion="have Vera Novak (vera) report to the CEO or CPO", code="PRD005",
            name="vp-not-under-ceo", severity=Severity.WARNING, file="/repo/people/org.yaml", line=20, column=5),
    Finding("pia", "Pia Lund (pia) manages only one person, Sara Cole (sara)\n100% sure: a, b",
            related=("sara",), code="SHP002", name="single-report-manager", severity=Severity.INFO,
            file="/repo/teams/a,b:c.yaml", line=3, column=1),
]
SUMMARY = Summary.of(FINDINGS, files=2, people=33)
CONTEXT = ReportContext(rules=RULES, ran=("PRD001", "PRD005", "SHP001", "SHP002"),
                        files=("/repo/people/org.yaml", "/repo/teams/a,b:c.yaml"), root=ROOT, version="0.1.0")
SUFFIX = {"text": "txt", "json": "json", "jsonl": "jsonl", "sarif": "sarif", "github": "github", "junit": "xml"}


@pytest.mark.parametrize("name", sorted(REPORTERS))
def test_golden(name):
    output = REPORTERS[name](FINDINGS, SUMMARY, CONTEXT)
    golden = GOLDEN / f"findings.{SUFFIX[name]}"
    if os.environ.get("ORGMODEL_UPDATE_GOLDEN"):
        golden.write_text(output, encoding="utf-8")
    assert output == golden.read_text(encoding="utf-8"), "regenerate with ORGMODEL_UPDATE_GOLDEN=1 if intended"


def test_every_format_has_a_golden_file():
    assert set(SUFFIX) == set(REPORTERS)


def test_sarif_is_valid_against_the_official_2_1_0_schema():
    schema = json.loads((DATA / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    document = json.loads(REPORTERS["sarif"](FINDINGS, SUMMARY, CONTEXT))
    jsonschema.validate(document, schema)
    run = document["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == list(RULES)
    assert all(r["shortDescription"]["text"] and r["fullDescription"]["text"] and r["help"]["text"] for r in rules)
    levels = [r["level"] for r in run["results"]]
    assert levels == ["error", "warning", "note"]
    first = run["results"][0]
    assert first["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "people/org.yaml"
    assert first["locations"][0]["physicalLocation"]["region"] == {"startLine": 37, "startColumn": 9}
    assert rules[first["ruleIndex"]]["id"] == "PRD001"
    fingerprints = {r["partialFingerprints"]["orgmodelFinding/v1"] for r in run["results"]}
    assert len(fingerprints) == 3


def test_sarif_fingerprint_survives_moving_lines():
    from dataclasses import replace

    from orgmodel.report.sarif import fingerprint

    assert fingerprint(FINDINGS[0]) == fingerprint(replace(FINDINGS[0], line=99, column=3))
    assert fingerprint(FINDINGS[0]) != fingerprint(replace(FINDINGS[0], person="other"))


def test_github_escaping():
    assert escape_data("100%\r\nnext") == "100%25%0D%0Anext"
    assert escape_property("a,b:c%") == "a%2Cb%3Ac%25"
    lines = REPORTERS["github"](FINDINGS, SUMMARY, CONTEXT).splitlines()
    assert lines[0].startswith("::error file=/repo/people/org.yaml,line=37,col=9,title=PRD001 leader-without-team::")
    assert lines[2].startswith("::notice file=/repo/teams/a%2Cb%3Ac.yaml,line=3,col=1,title=SHP002 ")
    assert "%0A100%25 sure: a, b" in lines[2]


def test_junit_has_a_case_per_rule_that_ran_and_failures_for_findings():
    root = ET.fromstring(REPORTERS["junit"](FINDINGS, SUMMARY, CONTEXT))
    assert (root.get("tests"), root.get("failures")) == ("8", "3")
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == list(CONTEXT.files)
    cases = {c.get("name"): c for c in suites[0].findall("testcase")}
    assert set(cases) == {"PRD001 leader-without-team", "PRD005 vp-not-under-ceo", "SHP001 span-too-wide",
                          "SHP002 single-report-manager"}
    assert cases["PRD001 leader-without-team"].find("failure").get("type") == "error"
    assert cases["SHP001 span-too-wide"].find("failure") is None


def test_jsonl_is_one_finding_per_line():
    lines = REPORTERS["jsonl"](FINDINGS, SUMMARY, CONTEXT).splitlines()
    assert [json.loads(line)["code"] for line in lines] == ["PRD001", "PRD005", "SHP002"]


def test_statistics_count_each_code_at_its_most_severe_most_frequent_first():
    twice = FINDINGS + [Finding("pia", "m", code="SHP002", name="single-report-manager", severity=Severity.WARNING,
                                file="/repo/other.yaml", line=1, column=1)]
    summary = Summary.of(twice, files=3, people=40)
    text = STATISTICS["text"](twice, summary, CONTEXT)
    assert text.splitlines() == [
        "2  SHP002  single-report-manager  warning",
        "1  PRD001  leader-without-team    error",
        "1  PRD005  vp-not-under-ceo       warning",
        "Found 4 findings (1 error, 2 warnings, 1 info) in 3 files, 40 people checked; "
        "most frequent: SHP002 2, PRD001 1, PRD005 1.",
    ]
    assert json.loads(STATISTICS["json"](twice, summary, CONTEXT))[0] == \
        {"code": "SHP002", "name": "single-report-manager", "severity": "warning", "count": 2}
