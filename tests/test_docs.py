"""The docs are checked against the code so they cannot drift."""

import re
import shlex

import click
import pytest
from click.testing import CliRunner

from orgmodel.cli import main
from orgmodel.model import OrgHeader, PersonEntry, RoleDef, TeamDef
from orgmodel.ruledoc import reference_markdown
from orgmodel.rules import RULES

from .conftest import ROOT

DOCS = ROOT / "docs"
SEED_FILE = re.compile(r"\b\d{3}_[0-9a-f]{16}\.txt\b")


def test_rule_reference_is_generated_from_the_registry():
    assert (DOCS / "rules.md").read_text(encoding="utf-8") == reference_markdown(), \
        "docs/rules.md is stale: run `orgmodel rules --markdown > docs/rules.md`"


@pytest.mark.parametrize("code", sorted(RULES))
def test_every_rule_has_rationale_and_source(code):
    rule = RULES[code]
    assert rule.summary and len(rule.explanation.split()) >= 15
    assert rule.source
    if code.startswith("PRD"):
        assert SEED_FILE.search(rule.source), f"{code} must cite its seed document by file name"


def test_every_command_and_option_is_in_the_command_reference():
    text = (DOCS / "cli.md").read_text(encoding="utf-8")
    for name, command in main.commands.items():
        assert f"`orgmodel {name}" in text, name
        for param in command.params:
            if isinstance(param, click.Option):
                assert any(opt in text for opt in param.opts), f"{name} {param.opts}"


def test_every_format_key_is_in_the_format_reference():
    text = (DOCS / "format.md").read_text(encoding="utf-8")
    for model in (OrgHeader, PersonEntry, RoleDef, TeamDef):
        for key in model.model_fields:
            assert f"| `{key}` |" in text, f"{model.__name__}.{key}"
    assert "| `people` |" in text


def _shell_blocks(path):
    """Each `$ orgmodel ...` line of a Markdown file with the output shown under it."""
    blocks, current = [], None
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("```"):
            if current is None:
                current = []
            else:
                blocks.append(current)
                current = None
        elif current is not None:
            current.append(line)
    for lines in blocks:
        for i, line in enumerate(lines):
            if line.startswith("$ orgmodel "):
                output = []
                for following in lines[i + 1:]:
                    if following.startswith("$ "):
                        break
                    output.append(following)
                yield line[2:], output


@pytest.mark.parametrize("doc", ["docs/quickstart.md", "README.md"])
def test_commands_shown_in_the_docs_run_and_print_what_they_show(doc, monkeypatch):
    monkeypatch.chdir(ROOT)
    shown = list(_shell_blocks(ROOT / doc))
    assert shown
    for command, output in shown:
        result = CliRunner().invoke(main, shlex.split(command)[1:])
        assert result.exit_code in (0, 1), f"{command}: {result.output}"
        if output:
            assert result.stdout.splitlines() == output, command


def test_readme_starts_with_the_two_commands_and_ci_runs_the_second():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    first_block = re.search(r"```sh\n(.*?)```", readme, flags=re.S)
    assert first_block and readme.index(first_block.group(0)) < readme.index("**Org design as code.**")
    commands = first_block.group(1).strip().splitlines()
    assert len(commands) == 2
    assert commands[0].startswith("pip install . && orgmodel check examples/")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert commands[1] in ci.splitlines()
