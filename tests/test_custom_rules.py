"""Custom declarative rules: every check, errors pointing at their line, one engine with the built-ins."""

import json
import re
import tomllib

import pytest
from click.testing import CliRunner

import orgmodel
from orgmodel.cli import main
from orgmodel.config import Config, load_config

from .conftest import EXAMPLES, ROOT

ORG = """\
org: T
as_of: 2026-01-01
people:
  - {id: ceo, role: ceo}
  - {id: cto, role: cto, reports_to: ceo}
  - {id: des, role: product_designer, reports_to: cto, team: web}
  - {id: hd, role: head_of_design, reports_to: ceo, experience_years: 2}
  - {id: d2, role: product_designer, reports_to: hd, hired: 2026-06-01}
  - {id: h, role: head_of_product, reports_to: ceo, experience_years: 8}
  - {id: pm, role: product_manager, reports_to: h, title: PM, team: web}
  - {id: em, role: engineering_manager, reports_to: cto}
  - {id: e1, role: software_engineer, reports_to: em}
  - {id: e2, role: software_engineer, reports_to: em}
  - {id: e3, role: software_engineer, reports_to: em}
"""


def rules_config(tmp_path, rules: str):
    path = tmp_path / "orgmodel.toml"
    path.write_text(rules)
    return load_config(path)


def run_custom(tmp_path, given: str, then: str, message: str = "{id}") -> list[tuple[str, str]]:
    config = rules_config(tmp_path, f'[[rules]]\ncode = "ACME001"\nname = "x"\ndescription = "d"\n'
                                    f"given = {given}\nthen = {then}\nmessage = \"{message}\"\n")
    org = orgmodel.load_text(ORG, "org.yaml")
    findings = orgmodel.check(org, select=["ACME001"], registry=config.registry)
    return [(f.person, f.message) for f in findings]


@pytest.mark.parametrize("given, then, message, expected", [
    ('{role = ["product_designer"]}', '{manager-role-in = ["design_manager", "head_of_design"]}',
     "{name} reports to {manager}", [("des", "des reports to cto")]),
    ('{family = ["design"]}', '{has-ancestor-role = ["head_of_design"]}', "{id}", [("des", "des"), ("hd", "hd")]),
    ('{role = ["product_manager"]}', '{no-ancestor-role = ["head_of_product"]}', "{id} under {ancestor}",
     [("pm", "pm under h")]),
    ('{role = ["engineering_manager", "head_of_design"]}',
     '{subtree-has-at-least = {count = 3, roles = ["software_engineer", "product_designer"]}}',
     "{id}: {value} < {limit}", [("hd", "hd: 0 < 3")]),
    ('{}', '{direct-reports-at-most = 2}', "{id} has {value} > {limit}",
     [("ceo", "ceo has 3 > 2"), ("em", "em has 3 > 2")]),
    ('{rank = {min = 70}}', '{attribute-at-least = {attribute = "experience_years", value = 3}}',
     "{id} {value}<{limit}", [("hd", "hd 2<3")]),
    ('{family = ["product"]}', '{attribute-at-most = {attribute = "rank", value = 50}}', "{id} {value}",
     [("h", "h 70")]),
    ('{team = ["web"]}', '{required-attribute = "title"}', "{id} lacks {value}", [("des", "des lacks title")]),
    ('{status = "planned"}', '{required-attribute = "team"}', "{id}", [("d2", "d2")]),
    ('{status = "present", role = ["product_designer"]}', '{required-attribute = "team"}', "{id}", []),
    ('{role = ["head_of_design", "cto"]}', '{subtree-has-at-least = {count = 3, roles = ["product_designer"]}}',
     "{a_title} leads {value:person|people}, fewer than {limit}",
     [("cto", "a Chief Technology Officer leads 1 person, fewer than 3"),
      ("hd", "a Head of Design leads 0 people, fewer than 3")]),
    ('{role = ["engineering_manager", "head_of_design"]}',
     '{subtree-has-at-least = {count = 4, roles = ["software_engineer"]}}', "{a_title} has {value:engineer}",
     [("hd", "a Head of Design has 0 engineers"), ("em", "an Engineering Manager has 3 engineers")]),
    ('{rank = {min = 70}}', '{attribute-at-least = {attribute = "experience_years", value = 3}}',
     "{id}: {value:year}, not {limit:year}", [("hd", "hd: 2 years, not 3 years")]),
])
def test_each_check(tmp_path, given, then, message, expected):
    assert run_custom(tmp_path, given, then, message) == expected


def _docs_rules() -> str:
    text = (ROOT / "docs" / "custom-rules.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```toml\n(.*?)```", text, flags=re.S)
    return blocks[-1]


@pytest.mark.parametrize("example", sorted(p.name for p in EXAMPLES.glob("*.yaml")))
def test_builtin_rules_written_as_custom_rules_give_the_same_findings(tmp_path, example):
    (tmp_path / "pyproject.toml").write_text(_docs_rules().replace("[[tool.orgmodel.rules]]",
                                                                    "[[tool.orgmodel.rules]]"))
    config = load_config(tmp_path / "pyproject.toml")
    assert set(config.custom_rules) == {"MINE005", "MINE009", "MINE012"}
    org = orgmodel.load(EXAMPLES / example)
    for builtin, custom in (("PRD005", "MINE005"), ("PRD009", "MINE009"), ("PRD012", "MINE012")):
        expected = [(f.person, f.line) for f in orgmodel.check(org, select=[builtin])]
        got = [(f.person, f.line) for f in orgmodel.check(org, select=[custom], registry=config.registry)]
        assert got == expected, (builtin, example)


def test_the_equivalence_is_not_vacuous():
    org = orgmodel.load(EXAMPLES / "mistakes.yaml")
    assert {f.code for f in orgmodel.check(org, select=["PRD005", "PRD009", "PRD012"])} == \
           {"PRD005", "PRD009", "PRD012"}


RULE = '[[tool.orgmodel.rules]]\ncode = "ACME001"\nname = "designers-under-design"\ndescription = "d"\n' \
       'given = {role = ["product_designer"]}\nthen = {manager-role-in = ["head_of_design"]}\n' \
       'message = "{name} ({id}) is outside design"\n'


def test_custom_rules_go_through_the_whole_engine_and_every_format(tmp_path):
    (tmp_path / "pyproject.toml").write_text(RULE + '\n[tool.orgmodel.severity]\nACME001 = "error"\n')
    org = tmp_path / "org.yaml"
    org.write_text(ORG.replace("{id: des, role: product_designer", "{id: des, role: product_designer, "
                                                                    "ignore: [ACME]"))
    runner = CliRunner()
    result = runner.invoke(main, ["check", "--format", "json", "--select", "ACME", str(org)])
    found = json.loads(result.stdout)["findings"]
    assert found == []  # des ignores ACME; d2 reports to head_of_design
    org.write_text(ORG)
    result = runner.invoke(main, ["check", "--format", "json", "--select", "ACME", str(org)])
    [finding] = json.loads(result.stdout)["findings"]
    assert (finding["code"], finding["name"], finding["severity"], finding["line"]) == \
           ("ACME001", "designers-under-design", "error", 6)
    assert result.exit_code == 1
    assert runner.invoke(main, ["check", "--format", "json", "--ignore", "ACME001", str(org)]).stdout.count(
        "ACME001") == 0
    sarif = json.loads(runner.invoke(main, ["check", "--format", "sarif", str(org)]).stdout)
    driver = sarif["runs"][0]["tool"]["driver"]
    assert driver["rules"][-1]["id"] == "ACME001"
    assert any(r["ruleId"] == "ACME001" for r in sarif["runs"][0]["results"])
    for fmt in ("text", "jsonl", "github", "junit"):
        assert "ACME001" in runner.invoke(main, ["check", "--format", fmt, str(org)]).stdout, fmt
    listing = runner.invoke(main, ["check", "--show-config", str(org)]).stdout
    assert "rules.ACME001 = designers-under-design" in listing


@pytest.mark.parametrize("body, expected", [
    ('then = {manager-role-in = ["ceo"], direct-reports-at-most = 2}',
     "7:1: custom rule rules[0]: then: 'then' takes exactly one check"),
    ('then = {reports-at-most = 2}',
     "7:9: custom rule rules[0]: then.reports-at-most: unknown check 'reports-at-most' "
     "(did you mean 'direct-reports-at-most'?)"),
    ('then = {direct-reports-at-most = "many"}',
     "7:9: custom rule rules[0]: then.direct-reports-at-most: Input should be a valid integer"),
    ('then = {direct-reports-at-most = 2}\nmessage = "{who}"',
     "8:1: custom rule rules[0]: message: message placeholder {who} is not one of"),
    ('then = {direct-reports-at-most = 2}\nmessage = "{id:>9}"',
     "8:1: custom rule rules[0]: message: message placeholder {id:>9}: only {value} and {limit} take a noun"),
    ('then = {direct-reports-at-most = 2}\nmessage = "{value:.1f}"',
     "8:1: custom rule rules[0]: message: message placeholder {value:.1f}: only {value} and {limit} take a noun"),
    ('then = {required-attribute = "team"}\nmessage = "{value:person|people}"',
     "4:1: custom rule rules[0]: message: required-attribute does not count anything"),
    ('then = {direct-reports-at-most = 2}\nseverity = "fatal"',
     "8:1: custom rule rules[0]: severity: Input should be 'error', 'warning' or 'info'"),
    ('then = {direct-reports-at-most = 2}\nwhen = 1', "8:1: custom rule rules[0]: when: unknown key 'when'"),
])
def test_a_bad_custom_rule_is_an_input_error_at_its_line(tmp_path, body, expected):
    text = '[tool.orgmodel]\n\n[[tool.orgmodel.rules]]\ncode = "ACME001"\nname = "n"\ndescription = "d"\n' + body
    if "message" not in body:
        text += '\nmessage = "m"'
    (tmp_path / "pyproject.toml").write_text(text + "\n")
    org = tmp_path / "org.yaml"
    org.write_text(ORG)
    result = CliRunner().invoke(main, ["check", str(org)])
    assert result.exit_code == 2
    assert f"{tmp_path / 'pyproject.toml'}:{expected}" in result.stderr, result.stderr


def test_a_code_clashing_with_a_builtin_rule_is_refused(tmp_path):
    (tmp_path / "orgmodel.toml").write_text(RULE.replace("tool.orgmodel.rules", "rules").replace("ACME001", "PRD001"))
    result = CliRunner().invoke(main, ["check", "--config", str(tmp_path / "orgmodel.toml"),
                                       str(EXAMPLES / "scaleup.yaml")])
    assert result.exit_code == 2
    assert "orgmodel.toml:2:1: custom rule code 'PRD001' clashes with a built-in rule" in result.stderr


def test_rules_file_in_yaml_with_errors_at_their_position(tmp_path):
    (tmp_path / "orgmodel.toml").write_text('rules-file = "org-rules.yaml"\n')
    rules = tmp_path / "org-rules.yaml"
    rules.write_text("rules:\n  - code: ACME002\n    name: no-tiny-teams\n    description: d\n"
                     "    given: {role: [engineering_manager]}\n"
                     "    then: {subtree-has-at-least: {count: 4, roles: [software_engineer]}}\n"
                     "    message: '{id} has {value} engineers'\n")
    config = load_config(tmp_path / "orgmodel.toml")
    org = orgmodel.load_text(ORG)
    assert [f.message for f in orgmodel.check(org, select=["ACME002"], registry=config.registry)] == \
           ["em has 3 engineers"]
    rules.write_text("rules:\n  - code: ACME002\n    name: n\n    description: d\n"
                     "    then: {direct-reports-at-most: lots}\n    message: m\n")
    result = CliRunner().invoke(main, ["check", "--config", str(tmp_path / "orgmodel.toml"),
                                       str(EXAMPLES / "scaleup.yaml")])
    assert result.exit_code == 2
    assert f"{rules}:5:36: custom rule rules[0]: then.direct-reports-at-most:" in result.stderr


def test_custom_rule_docs_show_in_orgmodel_rules_style():
    config = Config()
    assert config.registry.keys() == orgmodel.RULES.keys()
    parsed = tomllib.loads(_docs_rules())
    assert len(parsed["tool"]["orgmodel"]["rules"]) == 3


def test_orgmodel_rules_lists_and_explains_custom_rules(tmp_path):
    (tmp_path / "orgmodel.toml").write_text(RULE.replace("tool.orgmodel.rules", "rules"))
    runner = CliRunner()
    listing = runner.invoke(main, ["rules", "--config", str(tmp_path / "orgmodel.toml")]).stdout
    assert listing.splitlines()[-1].startswith("ACME001  designers-under-design")
    explained = runner.invoke(main, ["rules", "--config", str(tmp_path / "orgmodel.toml"), "acme001"])
    assert explained.exit_code == 0
    assert explained.stdout.startswith("ACME001 designers-under-design (warning)\n\nd\n")
    assert "Source: custom rule in" in explained.stdout
