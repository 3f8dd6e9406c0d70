"""`orgmodel render`: draw the org chart."""

from __future__ import annotations

import sys

import click

from ..findings import OrgInputError
from ..printable import printable
from ..sources import kind_of
from ..wording import plural
from . import (
    EXIT_INPUT,
    Configs,
    FiniteFloatRange,
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
)
from .outputs import fail, refuse_overwriting_inputs


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
@click.option("--dpi", type=FiniteFloatRange(min=10, max=1200), metavar="DPI",
              help="PNG resolution (default 150); lowered automatically for very large charts.")
@click.option("--direction", type=click.Choice(["tb", "lr"]), default="tb", show_default=True,
              help="tb: top-down; lr: left to right (suits a deep, narrow org).")
@click.option("--aspect", type=FiniteFloatRange(min=0.2, max=5), default=1.414, show_default=True, metavar="RATIO",
              help="Width over height the chart aims at: wide levels wrap into rows under their manager.")
@click.option("--label", "label", default="name,title", show_default=True, metavar="FIELDS",
              help="What boxes show, comma-separated: name, title, team, id, role, level, hired "
                   "(the first in bold).")
@click.option("--pages/--no-pages", default=None,
              help="PDF: one page per part of the org with 'continued on page N' links (automatic when a "
                   "single page would print text under 6 pt).")
@click.option("--paper", type=click.Choice(["a4", "a3", "a2", "letter", "tabloid"]), metavar="SIZE",
              help="Paper of a paged PDF: a4 (default), a3, a2, letter or tabloid.")
@click.option("--orientation", type=click.Choice(["landscape", "portrait"]), default="landscape",
              show_default=True, help="Paper orientation of a paged PDF.")
@click.option("--full", is_flag=True,
              help="PNG/SVG: draw everyone even when the chart is too large to read (by default it shows the "
                   "levels that stay legible).")
@max_file_size_option("org and configuration files")
@config_options
@table_options
@stdin_filename_option
def render(file, output, root, depth, color_by, show_findings, select, extend_select, ignore, old_spec, title, as_of,
           dpi, direction, aspect, label, pages, paper, orientation, full, max_file_size, config_path, isolated, table,
           stdin_filename):
    """Draw the org chart of FILE (an org file or an HR export: .csv, .tsv, .xlsx, .json).

    The chart is written atomically: a failure never leaves a half-written
    file. Wide levels wrap into rows so the chart keeps about the --aspect
    shape. A PNG or SVG too large to read shows the levels that fit and says
    how to see everyone (.html, an interactive chart that works offline from
    one file; a paged PDF; or --full); a PDF too large to print legibly is
    split into linked pages. Exit code 2 for an unreadable file or bad
    options.

    \b
    Examples:
      orgmodel render examples/scaleup.yaml -o scaleup.png
      orgmodel render org.yaml -o org.html
      orgmodel render org.yaml -o product.svg --root cpo --depth 3
      orgmodel render org.yaml -o teams.pdf --color-by team --no-findings
      orgmodel render org.yaml -o org.pdf --pages --paper a3
      orgmodel render org.yaml -o deep.svg --direction lr --label name,title,team
      orgmodel render org.yaml -o org.svg --ignore ORG005
      orgmodel render --from hibob people.json -o org.svg
      hr-export | orgmodel render --stdin-filename export.csv - -o org.png
      orgmodel render examples/reorg-after.yaml --diff examples/reorg-before.yaml -o reorg.png
    """
    from ..render import RenderError, output_format
    from ..render import render as draw_chart

    if not file:
        raise click.UsageError("FILE is empty: give an org file (or - for standard input)")
    try:
        output_format(output)
    except RenderError as exc:
        raise click.UsageError(str(exc)) from None
    stdin_filename = stdin_name([file], stdin_filename)
    named = kind_of(file, stdin_filename)
    configs = Configs(config_path, isolated, select=select, extend_select=extend_select, ignore=ignore,
                      max_bytes=max_file_size * 1024 * 1024)
    refuse_overwriting_inputs(output, [file, configs.path_for(named)])
    config = configs.for_file(named)
    try:
        org = load_org(file, config, as_of=as_of, max_file_size=max_file_size, table=table,
                       stdin_filename=stdin_filename)
    except OrgInputError as exc:
        print_problems(exc.problems)
        sys.exit(EXIT_INPUT)
    print_problems(org.warnings)
    changes = None
    if old_spec is not None:
        from ..analysis import diff_orgs
        from ..render.changes import org_with_ghosts
        from .review import load_spec

        old = load_spec(old_spec, as_of=as_of, max_bytes=max_file_size * 1024 * 1024, table=table)
        # The change marks take the outlines that findings use otherwise.
        org, changes = org_with_ghosts(diff_orgs(old, org))
        show_findings = False
    findings = findings_for(org, config, named) if show_findings else []
    try:
        result = draw_chart(org, output, findings=findings, root=root, depth=depth, color_by=color_by,
                            show_findings=show_findings, title=title, dpi=dpi, changes=changes, direction=direction,
                            aspect=aspect, label=[f.strip() for f in label.split(",")], pages=pages, paper=paper,
                            orientation=orientation, full=full)
    except RenderError as exc:
        raise click.UsageError(str(exc)) from None
    except OSError as exc:
        fail(f"cannot write {printable(output)}: {exc.strerror or exc}")
    for warning in result.warnings:  # the font warning names people: printed escaped, like every name
        click.echo(f"orgmodel: warning: {printable(warning)}", err=True)
    for note in result.notes:
        click.echo(f"orgmodel: note: {printable(note)}", err=True)
    resolution = f", {result.dpi:.0f} dpi" if result.dpi else ""
    paged = f", {plural(result.pages, 'page', 'pages')}" if result.pages else ""
    click.echo(f"Wrote {output} ({plural(result.people, 'person', 'people')}{resolution}{paged}).")
