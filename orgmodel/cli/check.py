"""`orgmodel check`: findings for org files, in any report format."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from .. import __version__
from ..config import FAIL_LEVELS
from ..engine import select_rules
from ..findings import OrgInputError, Problem
from ..printable import printable
from ..report import REPORTERS, STATISTICS, ReportContext, Summary
from ..sources import kind_of
from ..wording import plural
from . import (
    EXIT_CLEAN,
    EXIT_FINDINGS,
    EXIT_INPUT,
    Configs,
    IsoDate,
    config_options,
    findings_for,
    load_org,
    main,
    max_file_size_option,
    print_problems,
    selection_options,
    stdin_filename_option,
    stdin_name,
    table_options,
    use_colour,
)
from .outputs import emit, refuse_overwriting_inputs, write_output


@main.command()
@click.argument("files", nargs=-1, metavar="FILE...")
@click.option("--format", "output_format", type=click.Choice(sorted(REPORTERS)), default=None,
              help="Output format [default: text; github when GITHUB_ACTIONS=true].")
@click.option("-o", "--output", metavar="FILE",
              help="Write the report to FILE (atomically) instead of standard output (-); not written when "
                   "no file can be read.")
@click.option("--statistics", is_flag=True,
              help="Print how many findings each rule gave (count, code, name, severity; most frequent first) "
                   "instead of the findings. Text or json.")
@selection_options
@click.option("--fail-on", type=click.Choice(list(FAIL_LEVELS)), default=None,
              help="Exit 1 when a finding is at least this severe [default: error].")
@click.option("--as-of", type=IsoDate(), metavar="DATE",
              help="Evaluate the org on this date (overrides as_of in the file).")
@click.option("--option", "rule_options", multiple=True, metavar="NAME=VALUE",
              help="Set a rule option, e.g. --option max-span=12 (see `orgmodel rules CODE`).")
@max_file_size_option("org and configuration files")
@config_options
@table_options
@stdin_filename_option
@click.option("--show-config", is_flag=True, help="Print the resolved configuration and where each value "
                                                   "came from, then exit.")
def check(files, output_format, output, statistics, select, extend_select, ignore, fail_on, as_of, rule_options,
          max_file_size, config_path, isolated, table, stdin_filename, show_config):
    """Check org files or HR exports against the rules and report findings.

    Prints FILE:LINE:COL: CODE [severity] message for each finding, with a
    suggestion under it. Exit code 0: nothing at or above --fail-on; 1:
    findings at or above it; 2: a file could not be read, or bad options.
    Use - as FILE to read standard input. Settings come from the nearest
    orgmodel.toml or [tool.orgmodel] in pyproject.toml; options override them.
    HR exports (.csv, .tsv, .xlsx, .json) are read directly: findings point
    at FILE:ROW:COL (see `orgmodel import --help` for the export options).

    \b
    Examples:
      orgmodel check org.yaml
      orgmodel check --select PRD --fail-on warning org.yaml
      orgmodel check --option max-span=12 --format sarif --output org.sarif org.yaml
      orgmodel check --statistics people/*.yaml
      orgmodel check --show-config org.yaml
      orgmodel check --from bamboohr employees.csv
      hr-export | orgmodel check --stdin-filename export.csv -
    """
    configs = Configs(config_path, isolated, select=select, extend_select=extend_select, ignore=ignore,
                      fail_on=fail_on, rule_options=rule_options, max_bytes=max_file_size * 1024 * 1024)
    if show_config:
        emit(configs.for_file(files[0] if files else None).describe())
        return
    if not files or not all(files):
        raise click.UsageError("give at least one org file (or - for standard input); an empty name is none")
    stdin_filename = stdin_name(files, stdin_filename)
    if output == "-":
        output = None
    refuse_overwriting_inputs(output, [*files, *(configs.path_for(path) for path in files)])
    if output_format is None:
        output_format = "github" if os.environ.get("GITHUB_ACTIONS") == "true" and not statistics else "text"
    reporters = STATISTICS if statistics else REPORTERS
    if output_format not in reporters:
        raise click.UsageError(f"--statistics prints {' or '.join(sorted(STATISTICS))}, not {output_format}")
    findings, people, readable, failing = [], 0, [], False
    errors: list[Problem] = []
    unreadable = 0
    ran: dict[str, None] = {}
    for path in files:
        # Standard input named by --stdin-filename takes that file's configuration and per-file ignores.
        named = kind_of(path, stdin_filename)
        try:
            config = configs.load(named)
            org = load_org(path, config, as_of=as_of, max_file_size=max_file_size, table=table,
                           stdin_filename=stdin_filename)
        except OrgInputError as exc:
            print_problems(exc.problems)
            errors += exc.problems
            unreadable += 1
            continue
        print_problems(org.warnings)
        people += len(org)
        readable.append(org.file)
        found = findings_for(org, config, named)
        findings += found
        threshold = FAIL_LEVELS[config.fail_on]
        failing |= threshold is not None and any(f.severity >= threshold for f in found)
        ran.update(dict.fromkeys(r.code for r in select_rules(config.select, config.ignore, config.extend_select,
                                                              config.registry)))
    if unreadable:
        kept = f"; {printable(output)} was not written" if output is not None and not readable else ""
        click.echo(f"orgmodel: {plural(unreadable, 'file')} could not be read (see above){kept}", err=True)
    # Scripts parse the structured formats, so stdout gets a complete document (input errors included)
    # even when nothing could be read; a text report, or an --output file, then stays as it was.
    if readable or (output_format != "text" and output is None):
        summary = Summary.of(findings, files=len(readable), people=people)
        context = ReportContext(rules=configs.registry, ran=tuple(ran), files=tuple(readable),
                                root=_repository_root(), version=__version__, errors=tuple(errors))
        colour = output is None and use_colour()
        report = reporters[output_format](findings, summary, context, color=colour)
        if output is None:
            emit(report, color=colour)
        else:
            write_output(output, report)
    if unreadable:
        sys.exit(EXIT_INPUT)
    sys.exit(EXIT_FINDINGS if failing else EXIT_CLEAN)


def _repository_root() -> Path | None:
    """The enclosing git checkout (SARIF paths are relative to it), or None."""
    here = Path.cwd().resolve()
    for folder in (here, *here.parents):
        if (folder / ".git").exists():
            return folder
    return None
