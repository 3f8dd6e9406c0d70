"""The orgmodel command, run for real through click's CliRunner."""

import json

import pytest
from click.testing import CliRunner

from orgmodel import RULES
from orgmodel.cli import main

from .conftest import EXAMPLES


def run(*args, **kwargs):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False, **kwargs)


def test_clean_org_exits_0_with_a_summary():
    result = run("check", EXAMPLES / "scaleup.yaml")
    assert result.exit_code == 0
    assert result.stdout == "No findings in 1 file, 37 people checked.\n"
    assert result.stderr == ""


def test_findings_at_error_exit_1_with_location_code_severity_and_suggestion():
    path = EXAMPLES / "startup.yaml"
    result = run("check", path)
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert lines[0] == (f"{path}:37:9: PRD001 [error] Head of Product Sofia Marchetti (sofia) has no present "
                        "product team member below them")
    assert lines[1].startswith("    suggestion: build the product team first")
    assert lines[-1] == "Found 1 finding (1 error, 0 warnings, 0 info) in 1 file, 9 people checked."


@pytest.mark.parametrize("fail_on, code", [("error", 0), ("warning", 1), ("info", 1), ("never", 0)])
def test_fail_on_sets_the_threshold(write_org, fail_on, code):
    # one warning (SHP004), nothing else
    path = write_org("org: T\npeople:\n  - {id: a, role: ceo}\n  - {id: b, role: cto, reports_to: a, status: open}\n"
                     "  - {id: c, role: software_engineer, reports_to: b}\n  - {id: d, role: cfo, reports_to: a}\n"
                     "  - {id: e, role: software_engineer, reports_to: b}\n")
    result = run("check", "--fail-on", fail_on, path)
    assert "SHP004 [warning]" in result.stdout
    assert result.exit_code == code


def test_input_error_goes_to_stderr_with_exit_2_and_no_traceback(write_org):
    path = write_org("org: T\npeople:\n  - {id: a, role: ceo, reports_too: b}\n")
    result = run("check", path)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == (f"{path}:3:24: unknown key 'reports_too' (did you mean 'reports_to'?)\n"
                             "orgmodel: 1 file could not be read (see above)\n")


def test_bad_file_among_good_ones_still_checks_the_rest_and_exits_2(write_org):
    bad = write_org("org: [\n", "bad.yaml")
    result = run("check", bad, EXAMPLES / "startup.yaml")
    assert result.exit_code == 2
    assert "PRD001" in result.stdout
    assert result.stderr.startswith(f"{bad}:2:1: YAML syntax error")


def test_json_output_has_every_field_of_rules_md():
    result = run("check", "--format", "json", EXAMPLES / "startup.yaml")
    assert result.exit_code == 1
    document = json.loads(result.stdout)
    assert document["summary"] == {"files": 1, "people": 9, "findings": 1, "error": 1, "warning": 0, "info": 0}
    [finding] = document["findings"]
    assert set(finding) == {"code", "name", "severity", "message", "person", "file", "line", "column",
                            "related", "suggestion"}
    assert (finding["code"], finding["name"], finding["severity"], finding["person"]) == \
           ("PRD001", "leader-without-team", "error", "sofia")
    assert (finding["line"], finding["column"]) == (37, 9)


def test_select_ignore_and_extend_select():
    path = EXAMPLES / "mistakes.yaml"

    def codes(*args):
        result = run("check", "--format", "json", "--fail-on", "never", *args, path)
        assert result.exit_code == 0, result.output
        return {f["code"] for f in json.loads(result.stdout)["findings"]}

    everything = codes()
    assert "PRD013" not in everything and {"PRD001", "SHP002"} <= everything
    assert codes("--select", "PRD00") == {c for c in everything if c.startswith("PRD00")}
    assert codes("--ignore", "SHP,PRD011") == {c for c in everything if not c.startswith("SHP") and c != "PRD011"}
    assert codes("--extend-select", "PRD013") == everything | {"PRD013"}
    assert codes("--select", "PRD", "--ignore", "PRD0", "--select", "PRD003") == {"PRD003"}
    assert "PRD013" not in codes("--select", "PRD01")  # a prefix never switches an opt-in rule on
    assert "PRD013" in codes("--select", "ALL")


def test_rule_options_change_the_threshold(write_org):
    path = write_org("org: T\npeople:\n  - {id: a, role: ceo}\n  - {id: b, role: cto, reports_to: a}\n"
                     "  - {id: c, role: cfo, reports_to: a}\n")
    assert "SHP001" not in run("check", path).stdout
    result = run("check", "--option", "max-span=1", path)
    assert "a has 2 direct reports > max-span 1" in result.stdout


@pytest.mark.parametrize("args, message", [
    (["--select", "PRD999"], "--select: unknown rule code or prefix 'PRD999'"),
    (["--ignore", "SHP01x"], "--ignore: unknown rule code or prefix 'SHP01x'"),
    (["--option", "max-spam=3"], "unknown rule option 'max-spam' (did you mean 'max-span'?)"),
    (["--option", "max-span=many"], "rule option 'max-span' takes a whole number, not 'many'"),
    (["--option", "max-span"], "expected NAME=VALUE"),
    (["--fail-on", "fatal"], "'fatal' is not one of"),
    (["--as-of", "tomorrow"], "must be a date written YYYY-MM-DD, like 2025-03-01, not 'tomorrow'"),
])
def test_usage_errors_exit_2(args, message):
    result = run("check", *args, EXAMPLES / "startup.yaml")
    assert result.exit_code == 2
    assert message in result.stderr
    assert result.stdout == ""


def test_as_of_makes_planned_hires_present(write_org):
    path = write_org("org: T\nas_of: 2026-01-01\npeople:\n  - {id: h, role: head_of_product}\n"
                     "  - {id: p, role: product_manager, reports_to: h, hired: 2026-06-01}\n")
    assert "PRD001" in run("check", path).stdout
    assert "PRD001" not in run("check", "--as-of", "2026-07-01", path).stdout


def test_person_ignore_suppresses_only_that_person(write_org):
    path = write_org("org: T\npeople:\n  - {id: h, role: head_of_product, ignore: [PRD001]}\n"
                     "  - {id: g, role: head_of_product, reports_to: h}\n")
    out = run("check", "--select", "PRD001", path).stdout
    assert "g) " not in out and ": PRD001 [error] Head of Product g has no present" in out
    assert "Head of Product h " not in out


def test_stdin_is_read_with_dash():
    text = (EXAMPLES / "startup.yaml").read_text()
    result = run("check", "-", input=text)
    assert result.exit_code == 1
    assert result.stdout.startswith("<stdin>:37:9: PRD001")


NORTHWIND = EXAMPLES.parent / "tests" / "data" / "hr" / "samples" / "northwind-employees.csv"


def test_stdin_filename_reads_an_hr_export_and_names_it(tmp_path):
    export = NORTHWIND.read_text(encoding="utf-8").replace("\n2,Fuller", "\n2,Fuller,Bad\x01Name", 1)
    result = run("check", "--isolated", "--stdin-filename", "nightly/export.csv", "-", input=export)
    assert result.exit_code == 2
    assert result.stderr.startswith("nightly/export.csv:3:")
    result = run("check", "--isolated", "--stdin-filename", "export.csv", "-", input=NORTHWIND.read_text())
    assert result.exit_code == 0 and "9 people checked" in result.stdout
    out = tmp_path / "org.yaml"
    result = run("import", "--stdin-filename", "export.csv", "-", "-o", out, input=NORTHWIND.read_text())
    assert result.exit_code == 0, result.stderr
    assert "org: export" in out.read_text(encoding="utf-8")


def test_stdin_filename_settles_the_reader_and_config(tmp_path):
    (tmp_path / "orgmodel.toml").write_text('ignore = ["ORG005"]\n', encoding="utf-8")
    text = "org: T\npeople:\n  - {id: a, title: Wrangler of Dreams}\n"
    found = run("check", "--stdin-filename", str(tmp_path / "org.yaml"), "-", input=text)
    assert found.exit_code == 0 and "ORG005" not in found.stdout
    assert "ORG005" in run("check", "--isolated", "-", input=text).stdout
    # Standard input without a table's name is an org file, and import says how to name it.
    refused = run("import", "-", "-o", tmp_path / "x.yaml", input=NORTHWIND.read_text())
    assert refused.exit_code == 2 and "--stdin-filename" in refused.stderr
    assert not (tmp_path / "x.yaml").exists()
    unused = run("check", "--stdin-filename", "x.csv", EXAMPLES / "startup.yaml")
    assert unused.exit_code == 2 and "give - as the file" in unused.stderr


def test_no_colour_when_not_a_terminal():
    assert "\x1b[" not in run("check", EXAMPLES / "mistakes.yaml").stdout


def test_colour_on_a_terminal_unless_no_color(monkeypatch):
    from orgmodel import cli

    monkeypatch.setattr(cli.check, "use_colour", lambda: True)
    assert "\x1b[31m[error]" in run("check", EXAMPLES / "startup.yaml").stdout
    monkeypatch.undo()
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setattr("sys.stdout.isatty", lambda: True, raising=False)
    assert cli.use_colour() is False


def test_rules_lists_every_rule_and_explains_one():
    listing = run("rules").stdout
    for code, rule in RULES.items():
        assert f"{code}  {rule.name}" in listing
    explained = run("rules", "prd009")
    assert explained.exit_code == 0
    assert explained.stdout.startswith("PRD009 head-under-experienced (warning)\n")
    assert "min-head-experience-years (default 3)" in explained.stdout
    assert "Source: seed 000_c4c5082fcb875f45.txt" in explained.stdout
    unknown = run("rules", "PRD99")
    assert unknown.exit_code == 2 and "unknown rule code 'PRD99'" in unknown.stderr


def test_roles_lists_the_catalog_and_explains_a_title():
    listing = run("roles").stdout
    assert "senior_product_manager" in listing and "executive_assistant" in listing
    result = run("roles", "--title", "Sr PM")
    assert result.exit_code == 0
    assert result.stdout.splitlines() == [
        "senior_product_manager: Senior Product Manager (family product, rank 50)",
        "because title 'Sr PM' reads as 'senior product manager', a title of role senior_product_manager "
        "(Senior Product Manager)",
    ]
    unknown = run("roles", "--title", "Vibes Wrangler")
    assert unknown.exit_code == 1 and "no word of the title names a job family" in unknown.stdout


def test_roles_with_a_file_includes_its_custom_roles():
    result = run("roles", "--file", EXAMPLES / "enterprise.yaml", "--title", "FP&A Analyst")
    assert result.stdout.startswith("financial_analyst: Financial Analyst (family operations, rank 40)")


@pytest.mark.parametrize("command", [[], ["check"], ["rules"], ["roles"]])
def test_every_command_has_help_with_an_example(command):
    result = run(*command, "--help")
    assert result.exit_code == 0
    assert "Example" in result.stdout and "orgmodel " in result.stdout


def test_python_dash_m_runs_the_cli():
    import subprocess
    import sys

    result = subprocess.run([sys.executable, "-m", "orgmodel", "rules", "ORG001"], capture_output=True, text=True)
    assert result.returncode == 0 and result.stdout.startswith("ORG001 unknown-manager (error)")


SHARED_MISSING_MANAGER = """\
org: T
people:
  - {id: a, role: ceo}
  - {id: b, role: cto, reports_to: a}
  - {id: c, role: software_engineer, reports_to: b}
  - {id: d, role: software_engineer, reports_to: "7"}
  - {id: e, role: software_engineer, reports_to: "7"}
  - {id: f, role: software_engineer, reports_to: "7"}
  - {id: g, role: cfo, reports_to: a, dotted_to: [nobody]}
  - {id: h, role: coo}
  - {id: i, role: cmo}
"""


def test_summary_line_ends_with_the_three_most_frequent_codes(write_org):
    result = run("check", "--fail-on", "never", write_org(SHARED_MISSING_MANAGER))
    assert result.exit_code == 0
    # 3 ORG001, 2 ORG004 (h, i), then ORG003 and SHP002 (b manages only c) once each: ties go by code.
    assert result.stdout.splitlines()[-1] == ("Found 7 findings (4 errors, 2 warnings, 1 info) in 1 file, 9 people "
                                              "checked; most frequent: ORG001 3, ORG004 2, ORG003 1.")
    assert "'7' is named as manager by 3 people" in result.stdout


def test_statistics_counts_each_code_over_every_file_instead_of_listing_findings(write_org):
    one = write_org(SHARED_MISSING_MANAGER, "one.yaml")
    two = write_org(SHARED_MISSING_MANAGER.replace('"7"', "a"), "two.yaml")
    result = run("check", "--statistics", one, two)
    assert result.exit_code == 1  # ORG001 and ORG003 are errors, as without --statistics
    assert result.stdout.splitlines() == [
        "4  ORG004  multiple-tops           warning",
        "3  ORG001  unknown-manager         error",
        "2  ORG003  unknown-dotted-manager  error",
        "2  SHP002  single-report-manager   info",
        "Found 11 findings (5 errors, 4 warnings, 2 info) in 2 files, 18 people checked; "
        "most frequent: ORG004 4, ORG001 3, ORG003 2.",
    ]
    assert run("check", "--statistics", "--fail-on", "never", one).exit_code == 0
    assert run("check", "--statistics", EXAMPLES / "scaleup.yaml").stdout == \
        "No findings in 1 file, 37 people checked.\n"


def test_statistics_as_json_and_refused_in_other_formats(write_org, monkeypatch):
    path = write_org(SHARED_MISSING_MANAGER)
    result = run("check", "--statistics", "--format", "json", path)
    assert json.loads(result.stdout)[:2] == [
        {"code": "ORG001", "name": "unknown-manager", "severity": "error", "count": 3},
        {"code": "ORG004", "name": "multiple-tops", "severity": "warning", "count": 2},
    ]
    refused = run("check", "--statistics", "--format", "sarif", path)
    assert refused.exit_code == 2 and "--statistics prints json or text, not sarif" in refused.stderr
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    assert run("check", "--statistics", path).stdout.startswith("3  ORG001")


def test_every_reading_command_takes_an_hr_export_on_standard_input():
    export = NORTHWIND.read_text(encoding="utf-8")
    stats = run("stats", "--stdin-filename", "export.csv", "-", "--format", "json", input=export)
    assert stats.exit_code == 0 and json.loads(stats.stdout)["headcount"]["present"] == 9
    assert "9 present" in run("plan", "--isolated", "--stdin-filename", "export.csv", "-", input=export).stdout
    assert run("titles", "--stdin-filename", "export.csv", "-", input=export).exit_code == 0
    changed = export.replace("\n3,Leverling,Janet,Sales Representative,Ms.,1992-04-01 00:00:00,2,",
                             "\n3,Leverling,Janet,Sales Representative,Ms.,1992-04-01 00:00:00,5,")
    assert changed != export
    diff = run("diff", "--isolated", "--stdin-filename", "export.csv", "-", str(NORTHWIND), input=changed)
    assert diff.exit_code == 0 and diff.stdout.startswith("export.csv -> ") and "1 move" in diff.stdout


def test_standard_input_is_read_once():
    twice = run("check", "-", "-", input="org: T\npeople: []\n")
    assert twice.exit_code == 2 and "at most once" in twice.stderr
