"""Every output format, from one shared list of findings, against golden files."""

import json
import os
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from xml.dom import minidom

import jsonschema
import pytest
import yaml
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from orgmodel import RULES
from orgmodel.cli import main
from orgmodel.findings import Finding, Problem, Severity
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
    assert "\\n100%25 sure: a, b" in lines[2]  # a line break inside a message is shown, never obeyed


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


HOSTILE = "Ann\n::error file=x::pwned\r\t\x1b[31mred\x00\x7f\x85\u2028\u2029\u202eevil\u2066\ud800\ufffe"
#: Every character that must never reach a report raw.
RAW = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff\ufffe]")
HOSTILE_FINDINGS = [Finding("ann", f"{HOSTILE} manages nobody", suggestion=f"ask {HOSTILE}", code="SHP002",
                            name="single-report-manager", severity=Severity.ERROR, file=f"org{HOSTILE}.yaml",
                            line=3, column=5)]
HOSTILE_CONTEXT = ReportContext(rules=RULES, ran=("SHP002",), files=(f"org{HOSTILE}.yaml",), root=ROOT,
                                errors=(Problem(f"bad{HOSTILE}.yaml", 2, 7, f"unknown key {HOSTILE!s}"),))


@pytest.mark.parametrize("name", ["text", "github"])
def test_line_formats_cannot_be_forged(name):
    output = REPORTERS[name](HOSTILE_FINDINGS, Summary.of(HOSTILE_FINDINGS, files=1, people=1), HOSTILE_CONTEXT)
    assert not RAW.search(output)
    lines = output.splitlines()
    if name == "github":  # one workflow command per finding and per input error, nothing else
        command = re.compile(r"^::error file=(org|bad)[^:,]*,line=\d+,col=\d+,title=[^:,]*::")
        assert len(lines) == 2 and all(command.match(line) for line in lines)
    else:  # the finding, its suggestion, the summary
        assert len(lines) == 3 and lines[1].startswith("    suggestion: ask Ann\\n::error")
    assert "\\x1b[31mred\\x00\\x7f\\x85\\u2028\\u2029\\u202eevil" in output


def test_junit_is_well_formed_xml_whatever_the_input():
    output = REPORTERS["junit"](HOSTILE_FINDINGS, Summary.of(HOSTILE_FINDINGS, files=1, people=1),
                                HOSTILE_CONTEXT)
    document = minidom.parseString(output.encode("utf-8"))  # strict: any forbidden character raises
    failures = document.getElementsByTagName("failure")
    assert [f.getAttribute("type") for f in failures] == ["error", "input-error"]
    assert "\\x1b[31mred" in failures[0].firstChild.data


@pytest.mark.parametrize("name", ["json", "jsonl", "sarif"])
def test_json_formats_keep_hostile_text_exactly_and_stay_utf8(name):
    output = REPORTERS[name](HOSTILE_FINDINGS, Summary.of(HOSTILE_FINDINGS, files=1, people=1), HOSTILE_CONTEXT)
    output.encode("utf-8")  # writable: no lone surrogate left raw
    lines = output.splitlines()
    if name == "jsonl":
        assert len(lines) == 2  # the finding and the input error, whatever splits lines
        message = json.loads(lines[0])["message"]
    elif name == "json":
        message = json.loads(output)["findings"][0]["message"]
    else:
        message = json.loads(output)["runs"][0]["results"][0]["message"]["text"]
    assert message.startswith(f"{HOSTILE} manages nobody")


def test_input_errors_in_each_structured_format():
    problem = Problem("org.yaml", 4, 9, "unknown key 'nmae'")
    context = ReportContext(rules=RULES, ran=(), files=(), root=ROOT, errors=(problem,))
    summary = Summary.of([], files=0, people=0)
    assert json.loads(REPORTERS["json"]([], summary, context))["errors"] == [
        {"file": "org.yaml", "line": 4, "column": 9, "severity": "error", "message": "unknown key 'nmae'"}]
    assert json.loads(REPORTERS["jsonl"]([], summary, context)) == {
        "kind": "input-error", "file": "org.yaml", "line": 4, "column": 9, "severity": "error",
        "message": "unknown key 'nmae'"}
    invocation = json.loads(REPORTERS["sarif"]([], summary, context))["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is False and invocation["exitCode"] == 2
    notification = invocation["toolExecutionNotifications"][0]
    assert notification["message"]["text"] == "unknown key 'nmae'"
    assert notification["locations"][0]["physicalLocation"]["region"] == {"startLine": 4, "startColumn": 9}
    suite = ET.fromstring(REPORTERS["junit"]([], summary, context)).find("testsuite")
    assert (suite.get("name"), suite.get("failures")) == ("org.yaml", "1")
    assert suite.find("testcase/failure").text == "org.yaml:4:9: unknown key 'nmae'"


def test_sarif_with_input_errors_is_valid_against_the_schema():
    schema = json.loads((DATA / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    document = json.loads(REPORTERS["sarif"](HOSTILE_FINDINGS, Summary.of(HOSTILE_FINDINGS, files=1, people=1),
                                             HOSTILE_CONTEXT))
    jsonschema.validate(document, schema)


@settings(max_examples=60, deadline=None)
@given(name=st.text(), message=st.text(), suggestion=st.text(), file=st.text(min_size=1))
def test_any_text_keeps_every_format_intact(name, message, suggestion, file):
    finding = Finding("p", f"{name}: {message}", suggestion=suggestion, code="SHP002", name="single-report-manager",
                      severity=Severity.WARNING, file=file, line=2, column=3)
    context = ReportContext(rules=RULES, ran=("SHP002",), files=(file,), root=ROOT,
                            errors=(Problem(file, 1, 1, message),))
    summary = Summary.of([finding], files=1, people=1)
    outputs = {format_name: REPORTERS[format_name]([finding], summary, context) for format_name in REPORTERS}
    for output in outputs.values():
        output.encode("utf-8")
    assert not RAW.search(outputs["text"]) and not RAW.search(outputs["github"])
    assert len(outputs["text"].splitlines()) == (3 if suggestion else 2)
    assert len(outputs["github"].splitlines()) == 2
    assert len(outputs["jsonl"].splitlines()) == 2
    assert json.loads(outputs["json"])["findings"][0]["message"] == f"{name}: {message}"
    assert json.loads(outputs["sarif"])["runs"][0]["invocations"][0]["executionSuccessful"] is False
    minidom.parseString(outputs["junit"].encode("utf-8"))
    assert str(context.errors[0]).count("\n") == 0


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


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=st.text(st.characters(blacklist_categories=("Cs",)), max_size=20),
       title=st.text(st.characters(blacklist_categories=("Cs",)), max_size=20))
def test_any_name_in_an_org_file_keeps_every_format_intact(tmp_path, name, title):
    """End to end: whatever a name or title holds, line formats stay unforged and the others parse."""
    org = tmp_path / "org.yaml"
    org.write_text(yaml.safe_dump({"org": name, "people": [
        {"id": "a", "name": name, "title": title}, {"id": "b", "name": f"{name}2", "role": "cto", "reports_to": "a"},
    ]}), encoding="utf-8")
    for format_name in sorted(REPORTERS):
        result = CliRunner().invoke(main, ["check", "--format", format_name, str(org)])
        assert result.exit_code in (0, 1), result.stderr
        assert not RAW.search(result.stderr)
        if format_name in ("text", "github"):
            assert not RAW.search(result.stdout)
        elif format_name == "junit":
            minidom.parseString(result.stdout.encode("utf-8"))
        elif format_name == "jsonl":
            assert all(json.loads(line) for line in result.stdout.splitlines())
        else:
            assert json.loads(result.stdout)
