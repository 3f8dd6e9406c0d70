"""`orgmodel export`: the org as CSV, JSON, Graphviz DOT, Mermaid or GraphML."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ..export import EXPORTERS, SUFFIXES
from ..findings import OrgInputError
from ..printable import printable
from ..sources import load
from ..wording import plural
from . import (
    EXIT_INPUT,
    IsoDate,
    main,
    max_file_size_option,
    print_problems,
    stdin_filename_option,
    stdin_name,
    table_options,
)
from .outputs import emit, refuse_overwriting_inputs, write_output


@main.command("export")
@click.argument("file", metavar="FILE")
@click.option("--format", "export_format", type=click.Choice(sorted(EXPORTERS)), default=None,
              help="Output format [default: from the extension of -o: .csv, .json, .dot/.gv, .mmd, .graphml].")
@click.option("-o", "--output", metavar="OUT", help="Write to OUT (atomically) instead of standard output.")
@click.option("--as-of", type=IsoDate(), metavar="DATE",
              help="Mark open positions and planned hires as of this date (overrides as_of in the file).")
@max_file_size_option("org files")
@table_options
@stdin_filename_option
def export(file, export_format, output, as_of, max_file_size, table, stdin_filename):
    """Write the org of FILE (an org file or an HR export) in another format.

    csv: one row per person, in the columns `orgmodel import` reads back.
    json: the org file's structure as JSON. dot: a Graphviz digraph (render
    it with `dot -Tsvg`). mermaid: a Mermaid flowchart for Markdown pages.
    graphml: for graph tools (yEd, Gephi, networkx). Dotted lines are dashed
    and open positions marked in the diagram formats.

    \b
    Examples:
      orgmodel export org.yaml -o people.csv
      orgmodel export org.yaml --format mermaid > org.mmd
      orgmodel export org.yaml -o org.dot && dot -Tsvg org.dot -o org.svg
      orgmodel export --from bamboohr employees.csv --format mermaid
    """
    stdin_filename = stdin_name([file], stdin_filename)
    to_stdout = output in (None, "-")
    if export_format is None:
        if to_stdout:
            raise click.UsageError("give --format, or -o with a file name ending in "
                                   + ", ".join(sorted(SUFFIXES)))
        export_format = SUFFIXES.get(Path(output).suffix.lower())
        if export_format is None:
            raise click.UsageError(f"cannot tell the export format from {output!r}: give --format "
                                   f"({', '.join(sorted(EXPORTERS))}) or end the file name in "
                                   + ", ".join(sorted(SUFFIXES)))
    if not to_stdout:
        refuse_overwriting_inputs(output, [file])
    try:
        org = load(file, as_of=as_of, max_bytes=max_file_size * 1024 * 1024, table=table,
                   display_name=stdin_filename)
    except OrgInputError as exc:
        print_problems(exc.problems)
        sys.exit(EXIT_INPUT)
    print_problems(org.warnings)
    text = EXPORTERS[export_format](org)
    if to_stdout:
        emit(text)
        return
    write_output(output, text)
    click.echo(f"Wrote {printable(output)} ({export_format}, {plural(len(org), 'person', 'people')}).", err=True)
