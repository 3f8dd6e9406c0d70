"""The JSON Schema for editors, `orgmodel init`, and the pre-commit hook definition."""

import json
import re

import jsonschema
import pytest
import yaml
from click.testing import CliRunner

import orgmodel
from orgmodel.cli import main
from orgmodel.model import ID_PATTERN, schema_pattern
from orgmodel.schema import DRAFT_07, SCHEMA_FILE, org_schema, schema_text

from .conftest import EXAMPLES, ROOT

MODELINE = re.compile(r"^# yaml-language-server: \$schema=(\S+)$")


def as_json_values(path):
    """An org file as a YAML 1.2 editor sees it: dates become ISO strings."""
    return json.loads(json.dumps(yaml.safe_load(path.read_text(encoding="utf-8")), default=str))


def test_shipped_schema_matches_the_models():
    assert SCHEMA_FILE.read_text(encoding="utf-8") == schema_text(), \
        "orgmodel/orgmodel.schema.json is stale: run `orgmodel schema --output orgmodel/orgmodel.schema.json`"


def test_schema_command_prints_draft_07():
    result = CliRunner().invoke(main, ["schema"])
    assert result.exit_code == 0
    schema = json.loads(result.stdout)
    assert schema["$schema"] == DRAFT_07 and "definitions" in schema and "$defs" not in json.dumps(schema)
    jsonschema.Draft7Validator.check_schema(schema)
    person = schema["definitions"]["PersonEntry"]
    assert person["additionalProperties"] is False
    assert person["properties"]["reports"]["items"] == {"$ref": "#/definitions/PersonEntry"}
    assert person["properties"]["status"]["enum"] == ["filled", "open"]


@pytest.mark.parametrize("example", sorted(EXAMPLES.glob("*.yaml")), ids=lambda p: p.name)
def test_every_example_has_the_modeline_and_validates(example):
    first = example.read_text(encoding="utf-8").splitlines()[0]
    match = MODELINE.match(first)
    assert match, f"{example.name} must start with the yaml-language-server modeline"
    assert (example.parent / match.group(1)).resolve() == SCHEMA_FILE.resolve()
    jsonschema.validate(as_json_values(example), org_schema(), cls=jsonschema.Draft7Validator)


def test_schema_catches_what_the_loader_rejects():
    validator = jsonschema.Draft7Validator(org_schema())
    bad = {"org": "X", "people": [{"id": "a", "role": "ceo", "reports_too": "b"}, {"id": "b\tc", "status": "opne"},
                                  {"id": "bradyo'dowd", "title": "CTO"}]}
    messages = sorted(e.message for e in validator.iter_errors(bad))
    assert any("reports_too" in m for m in messages)
    assert any("'opne' is not one of" in m for m in messages)
    assert [m for m in messages if "does not match" in m] == [
        repr("b\tc") + " does not match " + repr(schema_pattern(ID_PATTERN))]


def test_init_writes_a_starter_that_checks_clean_and_refuses_to_overwrite(tmp_path, monkeypatch):
    target = tmp_path / "people"
    runner = CliRunner()
    result = runner.invoke(main, ["init", str(target)])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in target.iterdir()) == ["org.yaml", "orgmodel.schema.json", "orgmodel.toml"]
    org_file = target / "org.yaml"
    assert MODELINE.match(org_file.read_text().splitlines()[0]).group(1) == "orgmodel.schema.json"
    jsonschema.validate(as_json_values(org_file), json.loads((target / "orgmodel.schema.json").read_text()))
    check = runner.invoke(main, ["check", str(org_file)])
    assert check.exit_code == 0 and check.stdout.startswith("No findings"), check.output
    assert "orgmodel.toml" in runner.invoke(main, ["check", "--show-config", str(org_file)]).stdout
    assert orgmodel.check(orgmodel.load(org_file)) == []

    org_file.write_text("mine\n")
    again = runner.invoke(main, ["init", str(target)])
    assert again.exit_code == 2
    assert "org.yaml already exists; not overwriting it" in again.stderr
    assert org_file.read_text() == "mine\n"


def test_init_refuses_when_only_one_file_exists_and_writes_nothing(tmp_path):
    (tmp_path / "orgmodel.toml").write_text("# mine\n")
    result = CliRunner().invoke(main, ["init", str(tmp_path)])
    assert result.exit_code == 2
    assert sorted(p.name for p in tmp_path.iterdir()) == ["orgmodel.toml"]


def test_pre_commit_hook_runs_orgmodel_check_once_on_org_files():
    [hook] = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())
    assert hook["id"] == "orgmodel" and hook["entry"] == "orgmodel check" and hook["language"] == "python"
    assert hook["require_serial"] is True
    files = re.compile(hook["files"])
    for name in ("org.yaml", "people/org.yml", "acme.org.yaml", "team-org.yaml"):
        assert files.search(name), name
    for name in (".github/workflows/ci.yml", "docker-compose.yaml", "organisation.yaml"):
        assert not files.search(name), name
