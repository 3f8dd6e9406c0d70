"""Configuration files: discovery, keys, errors with positions, overrides, --show-config."""

import json

import pytest
from click.testing import CliRunner

from orgmodel.cli import main
from orgmodel.config import find_config, load_config

from .conftest import EXAMPLES

ORG = "org: T\npeople:\n  - {id: a, role: ceo}\n  - {id: b, role: cto, reports_to: a}\n"


def run(*args, env=None):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False, env=env)


def codes(result):
    assert result.exit_code in (0, 1), result.output
    return [f["code"] for f in json.loads(result.stdout)["findings"]]


def test_nearest_config_wins_and_orgmodel_toml_beats_pyproject(tmp_path):
    (tmp_path / "pyproject.toml").write_text("[tool.orgmodel]\nmax-span = 4\n")
    team = tmp_path / "teams" / "a"
    team.mkdir(parents=True)
    (team / "org.yaml").write_text(ORG)
    assert find_config(team / "org.yaml") == tmp_path / "pyproject.toml"
    (tmp_path / "teams" / "pyproject.toml").write_text("[project]\nname = 'x'\n")  # no [tool.orgmodel]: skipped
    assert find_config(team / "org.yaml") == tmp_path / "pyproject.toml"
    (tmp_path / "teams" / "orgmodel.toml").write_text("max-span = 5\n")
    assert find_config(team / "org.yaml") == tmp_path / "teams" / "orgmodel.toml"
    (team / "pyproject.toml").write_text("[tool.orgmodel]\nmax-span = 6\n")
    (team / "orgmodel.toml").write_text("max-span = 7\n")
    assert find_config(team / "org.yaml") == team / "orgmodel.toml"


def test_config_file_settings_apply_and_the_command_line_wins(tmp_path):
    (tmp_path / "orgmodel.toml").write_text('select = ["SHP002"]\nfail-on = "info"\n')
    org = tmp_path / "org.yaml"
    org.write_text(ORG)
    result = run("check", "--format", "json", org)
    assert codes(result) == ["SHP002"] and result.exit_code == 1  # SHP002 is info; fail-on info
    assert run("check", "--fail-on", "never", org).exit_code == 0
    assert codes(run("check", "--format", "json", "--select", "ORG", org)) == []
    assert "SHP002" not in codes(run("check", "--format", "json", "--isolated", "--select", "ORG", org))
    other = tmp_path / "elsewhere.toml"
    other.write_text('ignore = ["SHP"]\n')
    assert codes(run("check", "--format", "json", "--config", other, org)) == []


def test_options_severity_and_per_file_ignores(tmp_path):
    (tmp_path / "pyproject.toml").write_text(
        "[tool.orgmodel]\nmax-span = 0\n\n[tool.orgmodel.severity]\nSHP001 = \"error\"\n\n"
        "[tool.orgmodel.per-file-ignores]\n\"legacy/*.yaml\" = [\"SHP002\"]\n")
    org = tmp_path / "org.yaml"
    org.write_text(ORG)
    result = run("check", "--format", "json", org)
    found = json.loads(result.stdout)["findings"]
    assert [(f["code"], f["severity"]) for f in found] == [("SHP001", "error"), ("SHP002", "info")]
    assert "1 direct report > max-span 0" in found[0]["message"]
    assert result.exit_code == 1
    (tmp_path / "legacy").mkdir()
    old = tmp_path / "legacy" / "old.yaml"
    old.write_text(ORG)
    assert codes(run("check", "--format", "json", old)) == ["SHP001"]


@pytest.mark.parametrize("text, expected", [
    ("[tool.orgmodel]\nmax_span = 3\n", "pyproject.toml:2:1: unknown configuration key 'max_span' "
                                        "(did you mean 'max-span'?)"),
    ("[tool.orgmodel]\nselect = [\"PRD999\"]\n", "pyproject.toml:2:12: unknown rule code or prefix 'PRD999' in "
                                                 "'select'"),
    ("[tool.orgmodel]\nignore = [\"SHP01X\"]\n", "pyproject.toml:2:12: unknown rule code or prefix 'SHP01X'"),
    ("[tool.orgmodel]\nmax-span = \"wide\"\n", "pyproject.toml:2:1: 'max-span' takes a whole number of 0 or more, "
                                               "not 'wide'"),
    ("[tool.orgmodel]\nfail-on = \"warn\"\n", "pyproject.toml:2:1: 'fail-on' must be one of error, warning, info, "
                                              "never, not 'warn' (did you mean 'warning'?)"),
    ("[tool.orgmodel]\n\n[tool.orgmodel.severity]\nPRD001 = \"fatal\"\n",
     "pyproject.toml:4:1: unknown severity 'fatal'"),
    ("[tool.orgmodel]\nseverity = {PRD01 = \"info\"}\n", "pyproject.toml:2:13: unknown rule code 'PRD01' in "
                                                         "'severity'"),
    ("[tool.orgmodel\n", "pyproject.toml:1:15: TOML syntax error"),
])
def test_config_errors_point_at_the_line_and_exit_2(tmp_path, text, expected):
    (tmp_path / "pyproject.toml").write_text(text)
    org = tmp_path / "org.yaml"
    org.write_text(ORG)
    result = run("check", org)
    assert result.exit_code == 2
    assert f"{tmp_path / expected}" in result.stderr, result.stderr
    assert result.stdout == ""


def test_show_config_names_the_source_of_each_value(tmp_path):
    (tmp_path / "orgmodel.toml").write_text('# comment\nfail-on = "warning"\nmax-span = 12\n')
    org = tmp_path / "org.yaml"
    org.write_text(ORG)
    result = run("check", "--show-config", "--option", "min-team=5", "--select", "PRD", org)
    assert result.exit_code == 0
    lines = {line.split(" = ")[0]: line for line in result.stdout.splitlines()}
    assert lines["fail-on"].endswith(f"# {tmp_path / 'orgmodel.toml'}:2")
    assert lines["max-span"].startswith("max-span = 12") and lines["max-span"].endswith("orgmodel.toml:3")
    assert lines["min-team"].startswith("min-team = 5") and lines["min-team"].endswith("# --option")
    assert lines["select"].startswith('select = ["PRD"]') and lines["select"].endswith("# --select")
    assert lines["max-layers"].endswith("# default")


def test_explicit_pyproject_without_the_table_is_an_error(tmp_path):
    path = tmp_path / "pyproject.toml"
    path.write_text("[project]\nname = 'x'\n")
    result = run("check", "--config", path, EXAMPLES / "scaleup.yaml")
    assert result.exit_code == 2 and "no [tool.orgmodel] table" in result.stderr


def test_load_config_reads_orgmodel_toml_at_top_level(tmp_path):
    path = tmp_path / "orgmodel.toml"
    path.write_text('extend-select = ["PRD013"]\nmin-heads = 3\n')
    config = load_config(path)
    assert config.extend_select == ["PRD013"] and config.options == {"min-heads": 3}


def test_github_actions_picks_the_github_format_and_output_writes_a_file(tmp_path):
    result = run("check", EXAMPLES / "startup.yaml", env={"GITHUB_ACTIONS": "true"})
    assert result.stdout.startswith("::error file=")
    out = tmp_path / "report.sarif"
    result = run("check", "--format", "sarif", "--output", out, EXAMPLES / "startup.yaml")
    assert result.exit_code == 1 and result.stdout == ""
    assert json.loads(out.read_text())["runs"][0]["results"][0]["ruleId"] == "PRD001"
    assert [p.name for p in tmp_path.iterdir()] == ["report.sarif"]


def test_each_file_gets_its_nearest_configuration_in_one_run(tmp_path):
    strict, relaxed = tmp_path / "strict", tmp_path / "relaxed"
    for folder, text in ((strict, 'fail-on = "info"\n'), (relaxed, 'ignore = ["SHP"]\n')):
        folder.mkdir()
        (folder / "orgmodel.toml").write_text(text)
        (folder / "org.yaml").write_text(ORG)
    result = run("check", "--format", "json", relaxed / "org.yaml", strict / "org.yaml")
    found = json.loads(result.stdout)["findings"]
    assert [(f["file"], f["code"]) for f in found] == [(str(strict / "org.yaml"), "SHP002")]
    assert result.exit_code == 1  # the strict folder fails on info
    assert run("check", relaxed / "org.yaml").exit_code == 0
