"""What every command shares about its outputs: exit codes, stdout, output files, signals.

Bad input, an unwritable output or a failed stdout is one line on stderr
and exit code 2, never a traceback; an interrupted run exits 130 (SIGINT)
or 143 (SIGTERM) after removing its temporary file.
"""

from __future__ import annotations

import contextlib
import io
import os
import signal
import sys
from typing import NoReturn

import click

from ..atomic import same_file, write_text_atomic
from ..printable import printable

EXIT_CLEAN, EXIT_FINDINGS, EXIT_INPUT = 0, 1, 2


def fail(message: str) -> NoReturn:
    """One line on stderr and exit code 2: an input, output or usage problem."""
    click.echo(f"orgmodel: {message}", err=True)
    sys.exit(EXIT_INPUT)


def emit(text: str, *, color: bool | None = None) -> None:
    """Print a command's result on stdout; a closed, full or broken stdout is an error, exit 2."""
    if sys.stdout is None:
        fail("cannot write to standard output: it is closed")
    try:
        click.echo(text, nl=False, color=color)
    except OSError as exc:
        stdout_failed(exc)


def stdout_failed(exc: OSError) -> NoReturn:
    # Point the descriptor at /dev/null: the text still buffered must not fail again (with a traceback)
    # when the interpreter flushes stdout on exit.
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError, io.UnsupportedOperation):
        pass
    fail(f"cannot write to standard output: {exc.strerror or exc}")


def write_output(path, text: str) -> None:
    """Write ``text`` to the file ``path`` (atomically, see orgmodel.atomic); a failure is one line, exit 2."""
    if not str(path):
        fail("the output path is empty")
    try:
        write_text_atomic(path, text)
    except OSError as exc:
        fail(f"cannot write {printable(str(path))}: {exc.strerror or exc}")


def refuse_overwriting_inputs(output, inputs) -> None:
    """Exit 2, before anything is read or written, when ``output`` is one of the input files."""
    clash = same_file(output, inputs) if output is not None else None
    if clash is not None:
        fail(f"refusing to write {printable(str(output))}: it is the input file {printable(clash)}")


class Interrupted(SystemExit):
    """SIGINT or SIGTERM: unwinds like an exception, so temporary files are removed on the way out."""


@contextlib.contextmanager
def exit_on_signals():
    """While a command runs, SIGINT exits with 130 and SIGTERM with 143 (128 + the signal), cleaning up."""
    def interrupt(signum, frame):
        raise Interrupted(128 + signum)

    try:
        previous = {signum: signal.signal(signum, interrupt) for signum in (signal.SIGINT, signal.SIGTERM)}
    except ValueError:  # not the main thread (an embedding application): leave its handlers alone
        yield
        return
    try:
        yield
    except Interrupted:
        click.echo("orgmodel: interrupted", err=True)
        raise
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
