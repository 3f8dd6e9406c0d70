"""`orgmodel schema` and `orgmodel init`: start an org file and wire up editors."""

from __future__ import annotations

import contextlib
import sys
from pathlib import Path

import click

from ..atomic import write_all_or_none
from ..printable import printable
from . import EXIT_INPUT, main
from .outputs import emit, fail, write_output


@main.command()
@click.option("--output", metavar="FILE", help="Write the schema to FILE (atomically) instead of standard output (-).")
def schema(output):
    """Print the JSON Schema of the org file (draft-07, for editors).

    Point your editor's YAML language server at it with a first line like
    `# yaml-language-server: $schema=orgmodel.schema.json` in the org file.

    \b
    Examples:
      orgmodel schema > orgmodel.schema.json
      orgmodel schema --output orgmodel.schema.json
    """
    from ..schema import schema_text

    if output not in (None, "-"):
        write_output(output, schema_text())
    else:
        emit(schema_text())


@main.command()
@click.argument("directory", required=False, default=".", metavar="[DIR]",
                type=click.Path(file_okay=False))
def init(directory):
    """Start an org file: write a commented org.yaml, its schema and orgmodel.toml in DIR.

    Refuses to overwrite: when any of the files exists, nothing is written
    and the exit code is 2. Writes all three files or, when one cannot be
    written, none.

    \b
    Examples:
      orgmodel init
      orgmodel init people/
    """
    from ..schema import schema_text
    from ..starter import CONFIG_FILE, ORG_FILE, SCHEMA_FILE, STARTER_CONFIG, STARTER_ORG

    folder = Path(directory)
    files = {ORG_FILE: STARTER_ORG, SCHEMA_FILE: schema_text(), CONFIG_FILE: STARTER_CONFIG}
    existing = [name for name in files if (folder / name).exists()]
    if existing:
        for name in existing:
            click.echo(f"orgmodel: {printable(str(folder / name))} already exists; not overwriting it", err=True)
        click.echo("orgmodel: nothing written", err=True)
        sys.exit(EXIT_INPUT)
    created = [parent for parent in (folder, *folder.parents) if not parent.exists()]
    try:
        folder.mkdir(parents=True, exist_ok=True)
        write_all_or_none({folder / name: text for name, text in files.items()})
    except OSError as exc:
        for parent in created:  # leave no trace: the folders made for the files go too
            with contextlib.suppress(OSError):
                parent.rmdir()
        fail(f"cannot write {printable(str(exc.filename or folder))}: {exc.strerror or exc}; nothing written")
    for name in files:
        click.echo(f"Wrote {folder / name}")
    click.echo(f"Next: edit {folder / ORG_FILE}, then run: orgmodel check {folder / ORG_FILE}")
