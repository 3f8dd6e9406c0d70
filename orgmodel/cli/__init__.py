"""The ``orgmodel`` command: parse options, call the API, pick a reporter, set the exit code.

This module holds the command group and what several commands share; each
command group lives in a module of its own beside it.
"""

from __future__ import annotations

import functools
import math
import os
import sys

import click

from ..config import Config, load_config, locate as locate_config
from ..engine import SelectionError, check as run_checks, select_rules, validate_ignore_codes, validate_options
from ..findings import OrgInputError
from ..gcpause import freeze_after_pauses
from ..inputfile import DEFAULT_MAX_BYTES, MAX_FILE_SIZE_MB
from ..printable import printable
from ..model import DateError, parse_iso_date
from ..sources import TableOptions, load
from ..sources.presets import preset_names

from .outputs import EXIT_CLEAN, EXIT_FINDINGS, EXIT_INPUT, exit_on_signals, fail, stdout_failed  # noqa: F401


def split_codes(values: tuple[str, ...]) -> list[str]:
    """Comma-separated codes, empty ones kept so that selection refuses them (``--select ,``)."""
    return [part.strip() for value in values for part in value.split(",")]


def parse_options(pairs: tuple[str, ...]) -> dict[str, str]:
    options = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name.strip():
            raise click.BadParameter(f"expected NAME=VALUE, got {pair!r}", param_hint="--option")
        options[name.strip()] = value
    return options


class FiniteFloatRange(click.FloatRange):
    """A float in a range; ``nan`` (which compares false with any bound) is refused too."""

    def convert(self, value, param, ctx):
        number = super().convert(value, param, ctx)
        if math.isnan(number):
            self.fail(f"{value!r} is not a number.", param, ctx)
        return number


def max_file_size_option(what: str):
    """``--max-file-size MB``, bounded so that a typo cannot ask for petabytes."""
    return click.option("--max-file-size", type=click.IntRange(min=1, max=MAX_FILE_SIZE_MB), default=200,
                        show_default=True, metavar="MB",
                        help=f"Refuse {what} larger than this many megabytes.")


def stdin_filename_option(command):
    """``--stdin-filename NAME``: what standard input (FILE ``-``) is called in messages, and by its
    extension how it is read (``export.csv`` as an HR export, ``org.yaml`` as an org file)."""
    return click.option(
        "--stdin-filename", metavar="NAME",
        help="With FILE -, the name standard input is reported as; its extension picks the reader "
             "(.csv, .tsv, .xlsx, .json: an HR export; otherwise an org file), e.g. "
             "`hr-export | orgmodel check --stdin-filename export.csv -`.")(command)


def stdin_name(files, stdin_filename: str | None) -> str | None:
    """``--stdin-filename`` checked against the files: it names standard input, so one of them must be -.
    Standard input can be read once: a second - would read nothing."""
    if list(files).count("-") > 1:
        raise click.UsageError("give - (standard input) at most once")
    if stdin_filename is None:
        return None
    if not stdin_filename.strip():
        raise click.BadParameter("give a file name", param_hint="--stdin-filename")
    if "-" not in files:
        raise click.UsageError("--stdin-filename names standard input: give - as the file")
    return stdin_filename


class IsoDate(click.ParamType):
    """A date option written exactly as dates are in org files (YYYY-MM-DD)."""

    name = "date"

    def convert(self, value, param, ctx):
        try:
            return parse_iso_date(value)
        except DateError as exc:
            self.fail(f"{exc.requirement}, not {value!r}" + (f": {exc.hint}" if exc.hint else ""), param, ctx)


def use_colour() -> bool:
    return sys.stdout is not None and sys.stdout.isatty() and not os.environ.get("NO_COLOR")


def print_problems(problems) -> None:
    for problem in problems:
        click.echo(str(problem), err=True)


class OrgmodelCommand(click.Group):
    """The command group, plus what every command shares: exit codes for signals and a failed stdout."""

    def main(self, *args, **kwargs):
        with exit_on_signals():
            return super().main(*args, **kwargs)

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except OSError as exc:
            # Commands handle their files' errors; what reaches here is printing failing (a full disk,
            # a closed pipe), which names no file. Either way: one line, exit 2, no traceback.
            if exc.filename is None:
                stdout_failed(exc)
            fail(f"{printable(str(exc.filename))}: {exc.strerror or exc}")


@click.group(cls=OrgmodelCommand, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(package_name="orgmodel")
def main() -> None:
    """orgmodel: org design as code.

    Check an org file (YAML) against org-design rules and draw its chart.

    \b
    Examples:
      orgmodel check examples/scaleup.yaml
      orgmodel render examples/scaleup.yaml -o scaleup.png
    """


class Configs:
    """Each file's configuration: the nearest one above it (or --config, or none with --isolated),
    with the command-line options on top (they win). Loaded once per configuration file."""

    def __init__(self, config_path, isolated, *, select=(), extend_select=(), ignore=(), fail_on=None,
                 rule_options=(), max_bytes=DEFAULT_MAX_BYTES):
        self.config_path, self.isolated, self.max_bytes = config_path, isolated, max_bytes
        self.lists = {key: split_codes(values) for key, values in
                      (("select", select), ("extend-select", extend_select), ("ignore", ignore)) if values}
        self.fail_on = fail_on
        try:
            self.rule_options = validate_options(parse_options(rule_options))
        except SelectionError as exc:
            raise click.UsageError(str(exc)) from None
        self.loaded: dict[object, Config] = {}
        self.unreadable: set[object] = set()

    def for_file(self, file: str | None) -> Config:
        """The configuration for ``file``; when it cannot be read, its problems on stderr and exit 2."""
        try:
            return self.load(file)
        except OrgInputError as exc:
            print_problems(exc.problems)
            sys.exit(EXIT_INPUT)

    def load(self, file: str | None) -> Config:
        """The configuration for ``file``; raises OrgInputError when it cannot be read."""
        path = self.path_for(file)
        if path in self.unreadable:
            raise OrgInputError([])  # its problems were reported with the first file it applies to
        if path not in self.loaded:
            try:
                config = load_config(path, explicit=self.config_path is not None,
                                     max_bytes=self.max_bytes) if path else Config()
            except OrgInputError:
                self.unreadable.add(path)
                raise
            self.loaded[path] = self._override(config)
        return self.loaded[path]

    def path_for(self, file: str | None):
        return locate_config(file, config_path=self.config_path, isolated=self.isolated)

    def _override(self, config: Config) -> Config:
        for key, codes in self.lists.items():
            setattr(config, key.replace("-", "_"), codes)
            config.sources[key] = f"--{key}"
        if self.fail_on is not None:
            config.fail_on = self.fail_on
            config.sources["fail-on"] = "--fail-on"
        config.options.update(self.rule_options)
        config.sources.update(dict.fromkeys(self.rule_options, "--option"))
        try:
            select_rules(config.select, config.ignore, config.extend_select, config.registry)
        except SelectionError as exc:
            raise click.UsageError(str(exc)) from None
        return config

    @property
    def registry(self) -> dict:
        """Every rule of every configuration loaded so far."""
        return {code: rule for config in self.loaded.values() for code, rule in config.registry.items()}


def load_org(path: str, config: Config, *, as_of, max_file_size: int, table: TableOptions | None = None,
             stdin_filename: str | None = None):
    """Read one org file or HR export as an org for ``config``'s rules; raises OrgInputError with every problem."""
    display_name = stdin_filename if path == "-" else None
    org = load(path, as_of=as_of, max_bytes=max_file_size * 1024 * 1024, table=table, display_name=display_name)
    validate_ignore_codes(org, config.registry)
    return org


def findings_for(org, config: Config, file: str) -> list:
    """The org's findings under ``config``; a person ignoring a rule that does not exist is an input
    error (exit 2), reported where the code is written."""
    try:
        return run_checks(org, select=config.select, ignore=config.ignore + config.ignores_for(file),
                          extend_select=config.extend_select, options=config.options, severity=config.severity,
                          registry=config.registry)
    except OrgInputError as exc:
        print_problems(exc.problems)
        sys.exit(EXIT_INPUT)


_config_options = [
    click.option("--config", "config_path", type=click.Path(dir_okay=False), metavar="PATH",
                 help="Use this configuration file (orgmodel.toml or pyproject.toml) instead of the nearest one."),
    click.option("--isolated", is_flag=True, help="Ignore every configuration file."),
]


def config_options(command):
    return _apply(_config_options, command)


_selection_options = [
    click.option("--select", multiple=True, metavar="CODES",
                 help="Run only these rules (codes or prefixes, comma-separated; ALL for every rule)."),
    click.option("--extend-select", multiple=True, metavar="CODES",
                 help="Run these rules too, on top of the selection (e.g. the opt-in PRD013)."),
    click.option("--ignore", multiple=True, metavar="CODES", help="Skip these rules (codes or prefixes)."),
]


def selection_options(command):
    """--select, --extend-select and --ignore: which rules run, for every command that runs them."""
    return _apply(_selection_options, command)


def _apply(options, command):
    for option in reversed(options):
        command = option(command)
    return command


_table_options = [
    click.option("--from", "hr_system", type=click.Choice(preset_names()), metavar="SYSTEM",
                 help="The HR system the export comes from, for its column names: "
                      + ", ".join(preset_names()) + " (see docs/import.md)."),
    click.option("--map", "column_map", multiple=True, metavar="FIELD=COLUMN",
                 help="Read FIELD from COLUMN (repeatable), e.g. --map manager='Reports To'; overrides the preset."),
    click.option("--person-key", metavar="COLUMN",
                 help="The column naming a person across the rows of a history export."),
    click.option("--date-format", metavar="FORMAT",
                 help="Date order for dates like 03/04/2025: dd/mm/yyyy, mm/dd/yyyy, or a strptime pattern."),
    click.option("--keep-leavers", is_flag=True,
                 help="Keep people whose termination date is on or before the as-of date."),
]


def _column_map(pairs: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    mapping = []
    for pair in pairs:
        field, sep, column = pair.partition("=")
        if not sep or not field.strip() or not column.strip():
            raise click.BadParameter(f"expected FIELD=COLUMN, got {pair!r}", param_hint="--map")
        mapping.append((field.strip(), column.strip()))
    return tuple(mapping)


def table_options(command):
    """Add the HR-export options to ``command``, which receives them as one ``table=TableOptions``."""

    @functools.wraps(command)
    def run(*args, hr_system, column_map, person_key, date_format, keep_leavers, **kwargs):
        table = TableOptions(preset=hr_system, mapping=_column_map(column_map), person_key=person_key,
                             date_format=date_format, keep_leavers=keep_leavers)
        return command(*args, table=table, **kwargs)

    return _apply(_table_options, run)


def run() -> None:
    """The ``orgmodel`` program: one command, then exit, so the collector may freeze what it made."""
    freeze_after_pauses()
    main(prog_name="orgmodel")


# The commands register themselves on `main` when their modules are imported.
from . import catalog, check, exporting, importing, render, review, setup, titles  # noqa: E402,F401
