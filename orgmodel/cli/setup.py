"""`orgmodel schema` and `orgmodel init`: start an org file and wire up editors."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ..atomic import write_text_atomic
from . import EXIT_INPUT, main


@main.command()
@click.option("--output", metavar="FILE", help="Write the schema to FILE (atomically) instead of standard output.")
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

    if output:
        write_text_atomic(output, schema_text())
    else:
        click.echo(schema_text(), nl=False)


@main.command()
@click.argument("directory", required=False, default=".", metavar="[DIR]",
                type=click.Path(file_okay=False))
def init(directory):
    """Start an org file: write a commented org.yaml, its schema and orgmodel.toml in DIR.

    Refuses to overwrite: when any of the files exists, nothing is written
    and the exit code is 2.

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
            click.echo(f"orgmodel: {folder / name} already exists; not overwriting it", err=True)
        click.echo("orgmodel: nothing written", err=True)
        sys.exit(EXIT_INPUT)
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        write_text_atomic(folder / name, text)
        click.echo(f"Wrote {folder / name}")
    click.echo(f"Next: edit {folder / ORG_FILE}, then run: orgmodel check {folder / ORG_FILE}")
