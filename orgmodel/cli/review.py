"""`orgmodel diff`, `plan` and `stats`: review an org change, a hiring plan, the org's shape."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

import click

from ..analysis import diff_orgs, org_stats, plan_timeline
from ..analysis.stats import BANDINGS
from ..config import FAIL_LEVELS
from ..findings import OrgInputError
from ..inputfile import read_stream_bounded
from ..printable import printable
from ..report.diff import DIFF_REPORTERS
from ..report.plan import PLAN_REPORTERS
from ..report.stats import STATS_REPORTERS
from ..sources import TableOptions, load
from . import (
    EXIT_CLEAN,
    EXIT_FINDINGS,
    EXIT_INPUT,
    Configs,
    IsoDate,
    config_options,
    findings_for,
    main,
    max_file_size_option,
    print_problems,
    selection_options,
    stdin_filename_option,
    stdin_name,
    table_options,
)
from .outputs import emit, fail, refuse_overwriting_inputs, write_output

_as_of_option = click.option("--as-of", type=IsoDate(), metavar="DATE",
                             help="Evaluate the org(s) on this date (overrides as_of in the files).")
_output_option = click.option("-o", "--output", metavar="FILE",
                              help="Write the report to FILE (atomically) instead of standard output.")


def _git_show(revision: str, path: str, max_bytes: int) -> bytes:
    """The bytes of PATH at REVISION, through `git show` (no shell), read no further than the size limit."""
    name = f"{revision}:{path}"
    try:
        process = subprocess.Popen(["git", "show", name], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    except OSError as exc:
        raise click.UsageError(f"cannot run git to read {name}: {exc.strerror or exc}") from None
    with process:
        try:
            data = read_stream_bounded(process.stdout, name, max_bytes)
        except OrgInputError:
            process.kill()
            raise
        errors = process.stderr.read()
    if process.returncode != 0:
        reason = errors.decode("utf-8", "replace").strip().splitlines()
        raise click.UsageError(f"git cannot read {name}: {reason[-1] if reason else 'unknown error'}")
    return data


def _split_revision(spec: str) -> tuple[str, str] | None:
    """``REV:PATH`` -> (REV, PATH) when ``spec`` is not a file on disk and names a revision."""
    if os.path.exists(spec) or ":" not in spec or spec == "-":
        return None
    revision, _, path = spec.partition(":")
    if not revision or not path:
        return None
    return revision, path


def load_spec(spec: str, *, as_of, max_bytes: int, revision: str | None = None, table: TableOptions | None = None,
              stdin_filename: str | None = None):
    """An org from a file (``-``: standard input, named by ``stdin_filename``), or from ``REV:PATH``
    in git; input errors print and exit 2."""
    split = (revision, spec) if revision else _split_revision(spec)
    try:
        if split is None:
            return load(spec, as_of=as_of, max_bytes=max_bytes, table=table,
                        display_name=stdin_filename if spec == "-" else None)
        data = _git_show(*split, max_bytes)
        # A temporary file with the same ending lets every reader (YAML, CSV, ...) read it.
        with tempfile.TemporaryDirectory(prefix="orgmodel-") as folder:
            copy = Path(folder) / Path(split[1]).name
            copy.write_bytes(data)
            return load(copy, as_of=as_of, max_bytes=max_bytes, display_name=f"{split[0]}:{split[1]}", table=table)
    except OrgInputError as exc:
        print_problems(exc.problems)
        sys.exit(EXIT_INPUT)


def _write(output: str | None, text: str, inputs) -> None:
    """The report on stdout, or in OUTPUT like every output file (never over one of the inputs)."""
    if output is None:
        emit(text)
        return
    refuse_overwriting_inputs(output, inputs)
    write_output(output, text)


@main.command()
@click.argument("files", nargs=-1, required=True, metavar="OLD NEW")
@click.option("--git", "git_ref", metavar="REF", help="Compare FILE at git revision REF with FILE as it is now "
                                                       "(then give one FILE).")
@click.option("--format", "output_format", type=click.Choice(sorted(DIFF_REPORTERS)), default="text",
              show_default=True, help="Report format; markdown is written to be posted on a pull request.")
@click.option("--fail-on-new", type=click.Choice(list(FAIL_LEVELS)), default="never", show_default=True,
              help="Exit 1 when the change introduces a finding at least this severe.")
@_as_of_option
@_output_option
@max_file_size_option("org files")
@selection_options
@config_options
@table_options
@stdin_filename_option
def diff(files, git_ref, output_format, fail_on_new, as_of, output, max_file_size, select, extend_select, ignore,
         config_path, isolated, table, stdin_filename):
    """Review an org change: who joins, leaves, moves; findings introduced and resolved.

    OLD and NEW are org files or HR exports, or git revisions of one as
    REV:PATH. People are matched by id. Exit code 1 with --fail-on-new when the change
    introduces findings at or above that level, whatever was there before:
    the gate that lets a team adopt orgmodel on an imperfect org.

    \b
    Examples:
      orgmodel diff examples/reorg-before.yaml examples/reorg-after.yaml
      orgmodel diff main:org/people.yaml org/people.yaml --format markdown
      orgmodel diff --git main org/people.yaml --fail-on-new warning
      orgmodel diff --from bamboohr last-month.csv employees.csv
    """
    if git_ref is not None:
        if len(files) != 1:
            raise click.UsageError("with --git, give one FILE: it is compared at REF and as it is now")
        old_spec, new_spec = files[0], files[0]
    elif len(files) != 2:
        raise click.UsageError("give two org files (or REV:PATH revisions): OLD and NEW")
    else:
        old_spec, new_spec = files
    stdin_filename = stdin_name(files, stdin_filename)
    date = as_of
    max_bytes = max_file_size * 1024 * 1024
    old = load_spec(old_spec, as_of=date, max_bytes=max_bytes, revision=git_ref, table=table,
                    stdin_filename=stdin_filename)
    new = load_spec(new_spec, as_of=date, max_bytes=max_bytes, table=table, stdin_filename=stdin_filename)
    configs = Configs(config_path, isolated, select=select, extend_select=extend_select, ignore=ignore)
    config = configs.for_file(new_spec if git_ref is None and _split_revision(new_spec) is None else None)
    change = diff_orgs(old, new, findings_for(old, config, old.file), findings_for(new, config, new.file))
    _write(output, DIFF_REPORTERS[output_format](change), files)
    threshold = FAIL_LEVELS[fail_on_new]
    failing = threshold is not None and any(f.severity >= threshold for f in change.introduced)
    sys.exit(EXIT_FINDINGS if failing else EXIT_CLEAN)


@main.command()
@click.argument("file", metavar="FILE")
@click.option("--format", "output_format", type=click.Choice(sorted(PLAN_REPORTERS)), default="text",
              show_default=True, help="Report format.")
@click.option("--fail-on", type=click.Choice(list(FAIL_LEVELS)), default="never", show_default=True,
              help="Exit 1 when any step of the plan has a finding at least this severe.")
@_as_of_option
@_output_option
@max_file_size_option("org files")
@selection_options
@config_options
@table_options
@stdin_filename_option
def plan(file, output_format, fail_on, as_of, output, max_file_size, select, extend_select, ignore, config_path,
         isolated, table, stdin_filename):
    """The timeline of the planned hires in FILE.

    From the as-of date through every later `hired` date, in order: who
    starts, the headcount then, and the findings that appear and disappear
    on that date (the checks run as of each date). A head of product who
    starts before the product managers they will lead is PRD001 until the
    first of them starts.

    \b
    Examples:
      orgmodel plan examples/reorg-after.yaml
      orgmodel plan org.yaml --format markdown --fail-on error
    """
    stdin_filename = stdin_name([file], stdin_filename)
    org = load_spec(file, as_of=as_of, max_bytes=max_file_size * 1024 * 1024, table=table,
                    stdin_filename=stdin_filename)
    config = Configs(config_path, isolated, select=select, extend_select=extend_select, ignore=ignore).for_file(file)
    steps = plan_timeline(org, lambda dated: findings_for(dated, config, file))
    _write(output, PLAN_REPORTERS[output_format](steps), [file])
    threshold = FAIL_LEVELS[fail_on]
    failing = threshold is not None and any(f.severity >= threshold for step in steps for f in step.findings)
    sys.exit(EXIT_FINDINGS if failing else EXIT_CLEAN)


@main.command()
@click.argument("file", metavar="FILE")
@click.option("--format", "output_format", type=click.Choice(sorted(STATS_REPORTERS)), default="text",
              show_default=True, help="Report format.")
@click.option("--managers", is_flag=True, help="List every manager with span, headcount below and layer.")
@click.option("--bands", type=click.Choice(sorted(BANDINGS)), default="orgvue", show_default=True,
              help="Span bands: orgvue (1, 2-3, 4-7, 8-12, 13-16, 17+) or McKinsey's archetypes "
                   "(player-coach 3-5, coach 6-7, supervisor 8-10, facilitator 11-15, coordinator 16+).")
@click.option("--plot", metavar="FILE", help="Also draw a one-page dashboard to FILE (.png, .svg or .pdf).")
@_as_of_option
@_output_option
@max_file_size_option("org files")
@table_options
@stdin_filename_option
def stats(file, output_format, managers, bands, plot, as_of, output, max_file_size, table, stdin_filename):
    """Headcount, span of control, layers and cost of the org in FILE.

    Headcount is split into present people, open positions and planned
    hires, overall and by family, team and level. A span counts every
    solid-line direct report. With `cost:` on people, cost rolls up per
    manager, team and family.

    \b
    Examples:
      orgmodel stats examples/enterprise.yaml
      orgmodel stats org.yaml --managers --format csv -o managers.csv
      orgmodel stats org.yaml --bands mckinsey --plot dashboard.png
      orgmodel stats --from workday workers.csv
    """
    if plot is not None:
        from ..render.dashboard import DASHBOARD_FORMATS

        if Path(plot).suffix.lower().lstrip(".") not in DASHBOARD_FORMATS:
            raise click.UsageError(f"--plot: end the file name in {', '.join('.' + f for f in DASHBOARD_FORMATS)}")
    stdin_filename = stdin_name([file], stdin_filename)
    org = load_spec(file, as_of=as_of, max_bytes=max_file_size * 1024 * 1024, table=table,
                    stdin_filename=stdin_filename)
    result = org_stats(org, banding=bands)
    _write(output, STATS_REPORTERS[output_format](result, managers=managers), [file])
    if plot is not None:
        from ..render.dashboard import draw_dashboard

        refuse_overwriting_inputs(plot, [file])
        try:
            draw_dashboard(result, plot)
        except OSError as exc:
            fail(f"cannot write {printable(plot)}: {exc.strerror or exc}")
        click.echo(f"Wrote {plot}.", err=True)
