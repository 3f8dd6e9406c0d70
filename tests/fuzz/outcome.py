"""What a run of the ``orgmodel`` command promises whatever the input, as one verdict.

Shared by the property tests (tests/test_properties.py) and the long mutation
fuzz (tests/fuzz/mutate.py): no traceback, an exit code of 0, 1 or 2, and
every input error printed as ``FILE:LINE:COL: message``.
"""

from __future__ import annotations

import re
import traceback
from dataclasses import dataclass

from click.testing import CliRunner, Result

from orgmodel.cli import main

#: stderr lines that need no location: notes, warnings about the run, and the closing summary.
UNLOCATED_OK = re.compile(r"^(orgmodel: |Usage: |Try |Error: |Wrote |\s)")
LOCATED = re.compile(r"^.+:\d+:\d+: \S")
EXIT_CODES = frozenset({0, 1, 2})


@dataclass(frozen=True)
class Outcome:
    exit_code: int
    #: The exception's traceback when the command raised one, else "".
    traceback: str
    exception: BaseException | None
    #: stderr lines that should have carried FILE:LINE:COL and did not.
    unlocated: tuple[str, ...]
    stderr: str

    @property
    def bad_exit(self) -> bool:
        return not self.traceback and self.exit_code not in EXIT_CODES

    @property
    def ok(self) -> bool:
        return not self.traceback and not self.bad_exit and not self.unlocated

    def describe(self) -> str:
        if self.traceback:
            return self.traceback
        if self.bad_exit:
            return f"exit code {self.exit_code}\n{self.stderr}"
        return "unlocated: " + "\n".join(self.unlocated)


def run(args: list[str], file: str) -> Outcome:
    """Run ``orgmodel ARGS`` in this process and judge it; ``file`` is the input file's name as passed."""
    result: Result = CliRunner().invoke(main, args, catch_exceptions=True)
    text, exception = "", None
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        text, exception = "".join(traceback.format_exception(result.exception)), result.exception
    elif "Traceback (most recent call last)" in result.stderr + result.stdout:
        text = result.stderr + result.stdout
    unlocated = [line for line in result.stderr.splitlines()
                 if not (UNLOCATED_OK.match(line) or LOCATED.match(line))]
    if result.exit_code == 2 and not text and not any(line.startswith(f"{file}:") and LOCATED.match(line)
                                                       for line in result.stderr.splitlines()):
        unlocated.append(f"(exit 2 without a located error about {file})")
    return Outcome(result.exit_code, text, exception, tuple(unlocated), result.stderr)
