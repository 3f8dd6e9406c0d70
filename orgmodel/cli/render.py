"""`orgmodel render`: draw the org chart."""

from __future__ import annotations

import sys

import click

from ..findings import OrgInputError
from ..wording import plural
from . import (EXIT_INPUT, Configs, config_options, findings_for, load_org, main, print_problems, selection_options,
               table_options)
from . import IsoDate


@main.command()
@click.argument("file", metavar="FILE")
@click.option("-o", "--output", required=True, metavar="OUT",
              help="Chart file to write; its extension picks the format: .png, .svg, .pdf, .html (interactive) "
                   "or .json (the layout).")
@click.option("--root", metavar="ID", help="Draw only this person and everyone below them.")
@click.option("--depth", type=click.IntRange(min=1), metavar="N",
              help="Draw N levels; people with hidden reports show +N, the headcount below them.")
@click.option("--color-by", type=click.Choice(["family", "team", "level"]), default="family", show_default=True,
              help="What box colours stand for.")
@click.option("--findings/--no-findings", "show_findings", default=True, show_default=True,
              help="Outline people with findings in the colour of the worst one, with a count badge.")
@selection_options
@click.option("--diff", "old_spec", metavar="OLD",
              help="Mark what changed since OLD (an org file, or REV:PATH in git): new people green, moved "
                   "blue with a line from their old manager, leavers as red ghosts under their old manager.")
@click.option("--title", help="Chart title (default: the org's name).")
@click.option("--as-of", type=IsoDate(), metavar="DATE",
              help="Draw the org as of this date (overrides as_of in the file).")
@click.option("--dpi", type=click.FloatRange(min=10, max=1200), metavar="DPI",
              help="PNG resolution (default 150); lowered automatically for very large charts.")
@click.option("--max-file-size", type=click.IntRange(min=1), default=200, show_default=True, metavar="MB",
              help="Refuse org files larger than this many megabytes.")
@config_options
@table_options
def render(file, output, root, depth, color_by, show_findings, select, extend_select, ignore, old_spec, title, as_of,
           dpi, max_file_size, config_path, isolated, table):
    """Draw the org chart of FILE (an org file or an HR export: .csv, .tsv, .xlsx, .json).

    The chart is written atomically: a failure never leaves a half-written
    file. For orgs of thousands, prefer .html (an interactive chart that
    works offline from one file), or .svg or .pdf: they stay sharp at any
    zoom. Exit code 2 for an unreadable file or bad options.

    \b
    Examples:
      orgmodel render examples/scaleup.yaml -o scaleup.png
      orgmodel render org.yaml -o org.html
      orgmodel render org.yaml -o product.svg --root cpo --depth 3
      orgmodel render org.yaml -o teams.pdf --color-by team --no-findings
      orgmodel render org.yaml -o org.svg --ignore ORG005
      orgmodel render --from hibob people.json -o org.svg
      orgmodel render examples/reorg-after.yaml --diff examples/reorg-before.yaml -o reorg.png
    """
    from ..render import RenderError, output_format, render as draw_chart

    try:
        output_format(output)
    except RenderError as exc:
        raise click.UsageError(str(exc)) from None
    config = Configs(config_path, isolated, select=select, extend_select=extend_select, ignore=ignore).for_file(file)
    try:
        org = load_org(file, config, as_of=as_of, max_file_size=max_file_size, table=table)
    except OrgInputError as exc:
        print_problems(exc.problems)
        sys.exit(EXIT_INPUT)
    print_problems(org.warnings)
    changes = None
    if old_spec is not None:
        from ..analysis import diff_orgs
        from ..render.changes import org_with_ghosts
        from .review import load_spec

        old = load_spec(old_spec, as_of=as_of, max_bytes=max_file_size * 1024 * 1024)
        # The change marks take the outlines that findings use otherwise.
        org, changes = org_with_ghosts(diff_orgs(old, org))
        show_findings = False
    findings = findings_for(org, config, file) if show_findings else []
    try:
        result = draw_chart(org, output, findings=findings, root=root, depth=depth, color_by=color_by,
                            show_findings=show_findings, title=title, dpi=dpi, changes=changes)
    except RenderError as exc:
        raise click.UsageError(str(exc)) from None
    except OSError as exc:
        click.echo(f"orgmodel: cannot write {output}: {exc.strerror or exc}", err=True)
        sys.exit(EXIT_INPUT)
    for warning in result.warnings:
        click.echo(f"orgmodel: warning: {warning}", err=True)
    for note in result.notes:
        click.echo(f"orgmodel: note: {note}", err=True)
    resolution = f", {result.dpi:.0f} dpi" if result.dpi else ""
    click.echo(f"Wrote {output} ({plural(result.people, 'person', 'people')}{resolution}).")
