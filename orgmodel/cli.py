"""The ``orgmodel`` command: parse options, call the API, pick a reporter, set the exit code."""

from __future__ import annotations

import os
import sys

import click

from .engine import SelectionError, check as run_checks, resolve_options, select_rules
from .findings import OrgInputError, Severity
from .loader import load
from .report import REPORTERS, Summary
from .roles import RoleCatalog
from .ruledoc import reference_markdown, rule_table, rule_text
from .rules import RULES
from .suggest import did_you_mean
from .wording import plural

EXIT_CLEAN, EXIT_FINDINGS, EXIT_INPUT = 0, 1, 2
FAIL_LEVELS = {"error": Severity.ERROR, "warning": Severity.WARNING, "info": Severity.INFO, "never": None}


def _split(values: tuple[str, ...]) -> list[str]:
    return [part.strip() for value in values for part in value.split(",") if part.strip()]


def _parse_options(pairs: tuple[str, ...]) -> dict[str, str]:
    options = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name.strip():
            raise click.BadParameter(f"expected NAME=VALUE, got {pair!r}", param_hint="--option")
        options[name.strip()] = value
    return options


def _use_colour() -> bool:
    return sys.stdout.isatty() and not os.environ.get("NO_COLOR")


def _print_problems(problems) -> None:
    for problem in problems:
        click.echo(str(problem), err=True)


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(package_name="orgmodel")
def main() -> None:
    """orgmodel: org design as code.

    Check an org file (YAML) against org-design rules and draw its chart.

    \b
    Examples:
      orgmodel check examples/scaleup.yaml
      orgmodel render examples/scaleup.yaml -o scaleup.png
    """


@main.command()
@click.argument("files", nargs=-1, required=True, metavar="FILE...")
@click.option("--format", "output_format", type=click.Choice(sorted(REPORTERS)), default="text",
              show_default=True, help="Output format.")
@click.option("--select", multiple=True, metavar="CODES",
              help="Run only these rules (codes or prefixes, comma-separated; ALL for every rule).")
@click.option("--extend-select", multiple=True, metavar="CODES",
              help="Run these rules too, on top of the selection (e.g. the opt-in PRD013).")
@click.option("--ignore", multiple=True, metavar="CODES", help="Skip these rules (codes or prefixes).")
@click.option("--fail-on", type=click.Choice(list(FAIL_LEVELS)), default="error", show_default=True,
              help="Exit 1 when a finding is at least this severe.")
@click.option("--as-of", type=click.DateTime(formats=["%Y-%m-%d"]), metavar="DATE",
              help="Evaluate the org on this date (overrides as_of in the file).")
@click.option("--option", "rule_options", multiple=True, metavar="NAME=VALUE",
              help="Set a rule option, e.g. --option max-span=12 (see `orgmodel rules CODE`).")
@click.option("--max-file-size", type=click.IntRange(min=1), default=200, show_default=True, metavar="MB",
              help="Refuse files larger than this many megabytes.")
def check(files, output_format, select, extend_select, ignore, fail_on, as_of, rule_options, max_file_size):
    """Check org files against the rules and report findings.

    Prints FILE:LINE:COL: CODE [severity] message for each finding, with a
    suggestion under it. Exit code 0: nothing at or above --fail-on; 1:
    findings at or above it; 2: a file could not be read, or bad options.
    Use - as FILE to read standard input.

    \b
    Examples:
      orgmodel check org.yaml
      orgmodel check --select PRD --fail-on warning org.yaml
      orgmodel check --option max-span=12 --format json org.yaml
    """
    try:
        select_list = _split(select) if select else None
        select_rules(select_list, _split(ignore), _split(extend_select))
        options = resolve_options(_parse_options(rule_options))
    except SelectionError as exc:
        raise click.UsageError(str(exc)) from None
    findings, people, unreadable = [], 0, 0
    for path in files:
        try:
            org = load(path, as_of=as_of.date() if as_of else None, max_bytes=max_file_size * 1024 * 1024)
        except OrgInputError as exc:
            _print_problems(exc.problems)
            unreadable += 1
            continue
        _print_problems(org.warnings)
        people += len(org)
        findings += run_checks(org, select=select_list, ignore=_split(ignore),
                              extend_select=_split(extend_select), options=options)
    if unreadable:
        click.echo(f"orgmodel: {plural(unreadable, 'file')} could not be read (see above)", err=True)
    if unreadable < len(files):
        summary = Summary.of(findings, files=len(files) - unreadable, people=people)
        colour = _use_colour()
        click.echo(REPORTERS[output_format](findings, summary, color=colour), nl=False, color=colour)
    threshold = FAIL_LEVELS[fail_on]
    if unreadable:
        sys.exit(EXIT_INPUT)
    if threshold is not None and any(f.severity >= threshold for f in findings):
        sys.exit(EXIT_FINDINGS)
    sys.exit(EXIT_CLEAN)


@main.command()
@click.argument("file", metavar="FILE")
@click.option("-o", "--output", required=True, metavar="OUT",
              help="Chart file to write; its extension picks the format: .png, .svg, .pdf or .json (the layout).")
@click.option("--root", metavar="ID", help="Draw only this person and everyone below them.")
@click.option("--depth", type=click.IntRange(min=1), metavar="N",
              help="Draw N levels; people with hidden reports show +N, the headcount below them.")
@click.option("--color-by", type=click.Choice(["family", "team", "level"]), default="family", show_default=True,
              help="What box colours stand for.")
@click.option("--findings/--no-findings", "show_findings", default=True, show_default=True,
              help="Outline people with findings in the colour of the worst one, with a count badge.")
@click.option("--title", help="Chart title (default: the org's name).")
@click.option("--as-of", type=click.DateTime(formats=["%Y-%m-%d"]), metavar="DATE",
              help="Draw the org as of this date (overrides as_of in the file).")
@click.option("--dpi", type=click.FloatRange(min=10, max=1200), metavar="DPI",
              help="PNG resolution (default 150); lowered automatically for very large charts.")
@click.option("--max-file-size", type=click.IntRange(min=1), default=200, show_default=True, metavar="MB",
              help="Refuse org files larger than this many megabytes.")
def render(file, output, root, depth, color_by, show_findings, title, as_of, dpi, max_file_size):
    """Draw the org chart of FILE.

    The chart is written atomically: a failure never leaves a half-written
    file. For orgs of thousands, prefer .svg or .pdf: they stay sharp at any
    zoom. Exit code 2 for an unreadable file or bad options.

    \b
    Examples:
      orgmodel render examples/scaleup.yaml -o scaleup.png
      orgmodel render org.yaml -o product.svg --root cpo --depth 3
      orgmodel render org.yaml -o teams.pdf --color-by team --no-findings
    """
    from .render import RenderError, output_format, render as draw_chart

    try:
        output_format(output)
    except RenderError as exc:
        raise click.UsageError(str(exc)) from None
    try:
        org = load(file, as_of=as_of.date() if as_of else None, max_bytes=max_file_size * 1024 * 1024)
    except OrgInputError as exc:
        _print_problems(exc.problems)
        sys.exit(EXIT_INPUT)
    _print_problems(org.warnings)
    findings = run_checks(org) if show_findings else []
    try:
        result = draw_chart(org, output, findings=findings, root=root, depth=depth, color_by=color_by,
                            show_findings=show_findings, title=title, dpi=dpi)
    except RenderError as exc:
        raise click.UsageError(str(exc)) from None
    except OSError as exc:
        click.echo(f"orgmodel: cannot write {output}: {exc.strerror or exc}", err=True)
        sys.exit(EXIT_INPUT)
    for note in result.notes:
        click.echo(f"orgmodel: note: {note}", err=True)
    resolution = f", {result.dpi:.0f} dpi" if result.dpi else ""
    click.echo(f"Wrote {output} ({plural(result.people, 'person', 'people')}{resolution}).")


@main.command()
@click.argument("code", required=False)
@click.option("--markdown", is_flag=True, help="Print the whole rule reference as Markdown (docs/rules.md).")
def rules(code, markdown):
    """List every rule, or explain one.

    \b
    Examples:
      orgmodel rules
      orgmodel rules PRD001
    """
    if markdown:
        click.echo(reference_markdown(), nl=False)
        return
    if code is None:
        click.echo(rule_table(), nl=False)
        return
    rule = RULES.get(code.strip().upper())
    if rule is None:
        raise click.UsageError(f"unknown rule code {code!r}{did_you_mean(code.upper(), RULES)}")
    click.echo(rule_text(rule), nl=False)


@main.command()
@click.option("--title", help="Show which role a job title maps to, and why.")
@click.option("--file", "org_file", type=click.Path(dir_okay=False), help="Include the custom roles of this org file.")
def roles(title, org_file):
    """List the role catalog, or show what a job title maps to.

    \b
    Examples:
      orgmodel roles
      orgmodel roles --title "Sr. PM"
      orgmodel roles --file org.yaml --title "DevRel"
    """
    catalog = RoleCatalog.builtin()
    if org_file:
        try:
            catalog = load(org_file).roles
        except OrgInputError as exc:
            _print_problems(exc.problems)
            sys.exit(EXIT_INPUT)
    if title is not None:
        match = catalog.infer(title)
        if match.role is None:
            click.echo(match.explain())
            sys.exit(EXIT_FINDINGS)
        role = match.role
        rank = role.rank if role.rank is not None else "none"
        click.echo(f"{role.id}: {role.title} (family {role.family}, rank {rank})")
        click.echo(f"because {match.explain()}")
        return
    width = max(len(r.id) for r in catalog)
    click.echo(f"{'role':<{width}}  {'family':<11}  {'rank':>4}  title")
    for role in sorted(catalog, key=lambda r: (r.family, -(r.rank or 0), r.id)):
        rank = "-" if role.rank is None else str(role.rank)
        custom = "  (custom)" if not role.builtin else ""
        click.echo(f"{role.id:<{width}}  {role.family:<11}  {rank:>4}  {role.title}{custom}")
