"""Replay the hostile-input corpus (tests/hostile/*.yaml) through the real command."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from orgmodel.cli import main

CORPUS = Path(__file__).parent / "hostile"
SENTINEL = b"untouched by orgmodel\n"
#: stderr lines that need no location: notes, warnings about the run, and the closing summary.
UNLOCATED_OK = re.compile(r"^(orgmodel: |Usage: |Try |Error: |Wrote |\s)")
LOCATED = re.compile(r"^.+:\d+:\d+: \S")


def _cases():
    for path in sorted(CORPUS.glob("*.yaml")):
        for case in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
            yield pytest.param(case, id=case["id"])


def test_case_ids_are_unique():
    ids = [case.values[0]["id"] for case in _cases()]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("case", list(_cases()))
def test_hostile_input(case, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    for name, content in (case.get("files") or {}).items():
        target = tmp_path / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    for name in case.get("untouched", ()):
        (tmp_path / name).write_bytes(SENTINEL)

    result = CliRunner().invoke(main, [str(a) for a in case["args"]], catch_exceptions=True)

    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise AssertionError(f"traceback: {result.exception!r}") from result.exception
    assert "Traceback" not in result.stderr and "Traceback" not in result.stdout
    assert result.exit_code == case["exit"], result.stderr
    for pattern in case.get("stdout", ()):
        assert re.search(pattern, result.stdout, re.MULTILINE), (pattern, result.stdout)
    for pattern in case.get("stderr", ()):
        assert re.search(pattern, result.stderr, re.MULTILINE), (pattern, result.stderr)
    for pattern in case.get("not_stdout", ()):
        assert not re.search(pattern, result.stdout, re.MULTILINE), (pattern, result.stdout)
    for pattern in case.get("not_stderr", ()):
        assert not re.search(pattern, result.stderr, re.MULTILINE), (pattern, result.stderr)
    if case.get("located"):
        for line in result.stderr.splitlines():
            assert UNLOCATED_OK.match(line) or LOCATED.match(line), f"unlocated error line: {line!r}"
    for name in case.get("untouched", ()):
        assert (tmp_path / name).read_bytes() == SENTINEL, f"{name} was changed"
    for name in case.get("created", ()):
        assert (tmp_path / name).exists(), f"{name} was not written"
