"""`orgmodel import`: an HR export -> an org file."""

from __future__ import annotations

import dataclasses
import sys

import click

from ..findings import OrgInputError
from ..orgfile import TooDeepToNest, org_yaml
from ..printable import printable
from ..sources import TableOptions, is_table, kind_of, load
from ..sources import show_mapping as mapping_lines
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
from .outputs import refuse_overwriting_inputs, write_output


@main.command("import")
@click.argument("file", metavar="FILE")
@click.option("-o", "--output", metavar="OUT", help="The org file to write (YAML, format 1), atomically.")
@click.option("--nested", is_flag=True, help="Write people nested under their managers (reports:) instead of "
                                             "a flat list with reports_to.")
@click.option("--show-mapping", is_flag=True, help="Print which column feeds which field and why, write nothing.")
@click.option("--as-of", type=IsoDate(), metavar="DATE",
              help="Take the org as it is on this date: history rows, leavers and planned hires "
                   "[default: today]. Written as as_of in the org file.")
@click.option("--org-name", metavar="NAME", help="The org's display name [default: the file's name].")
@max_file_size_option("files")
@table_options
@stdin_filename_option
def import_(file, output, nested, show_mapping: bool, as_of, org_name, max_file_size, table: TableOptions,
            stdin_filename):
    """Turn an HR export (.csv, .tsv, .xlsx, .json) into an org file.

    Columns are recognised from the HR system's names (--from) or from
    common header names; --map overrides either. Managers may be named by
    id, email, 'First Last', 'Last, First' or LDAP DN. Of several rows per
    person the one in force on --as-of wins; leavers are left out; later
    start dates become planned hires; open requisitions become open
    positions. Every problem is printed as FILE:ROW:COL: message (exit 2)
    and nothing is written.

    \b
    Examples:
      orgmodel import employees.csv -o org.yaml
      orgmodel import --from bamboohr --show-mapping report.xlsx
      orgmodel import --from workday --person-key Employee_ID history.csv -o org.yaml
      orgmodel import people.csv --map manager="Line Manager" --date-format dd/mm/yyyy -o org.yaml
      hr-export | orgmodel import --stdin-filename export.csv - -o org.yaml
    """
    stdin_filename = stdin_name([file], stdin_filename)
    if not is_table(kind_of(file, stdin_filename)):
        hint = " (name standard input with --stdin-filename, e.g. export.csv)" if file == "-" else ""
        raise click.UsageError(f"{printable(file)}: import reads .csv, .tsv, .xlsx and .json files{hint}")
    max_bytes = max_file_size * 1024 * 1024
    table = dataclasses.replace(table, org_name=org_name)
    if show_mapping:
        try:
            lines = mapping_lines(file, table, max_bytes, display_name=stdin_filename)
        except OrgInputError as exc:
            print_problems(exc.problems)
            sys.exit(EXIT_INPUT)
        click.echo("\n".join(lines))
        return
    if not output:
        raise click.UsageError("give the org file to write with -o/--output (or use --show-mapping)")
    refuse_overwriting_inputs(output, [file])
    try:
        org = load(file, as_of=as_of, max_bytes=max_bytes, table=table, display_name=stdin_filename)
    except OrgInputError as exc:
        print_problems(exc.problems)
        sys.exit(EXIT_INPUT)
    print_problems(org.warnings)
    try:
        text = org_yaml(org, nested=nested, as_of_written=as_of is not None)
    except TooDeepToNest as exc:
        click.echo(f"orgmodel: {exc}", err=True)
        sys.exit(EXIT_INPUT)
    write_output(output, text)
    click.echo(f"Wrote {printable(output)} ({plural(len(org), 'person', 'people')}). Next: orgmodel check {printable(output)}")

