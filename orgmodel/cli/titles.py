"""`orgmodel titles`: the job titles of an org file that infer no role, or only a generic one."""

from __future__ import annotations

import json
import re
import sys
from collections import Counter

import click
from anyascii import anyascii

from ..findings import OrgInputError
from ..roles import UNKNOWN, RoleCatalog, fold, normalise_title, read_title
from ..sources import load
from ..wording import plural
from . import (
    EXIT_INPUT,
    main,
    max_file_size_option,
    print_problems,
    stdin_filename_option,
    stdin_name,
    table_options,
)


@main.command()
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("--roles-stub", is_flag=True, help="Print a ready-to-paste roles: block for these titles instead.")
@max_file_size_option("files")
@table_options
@stdin_filename_option
def titles(file, roles_stub, max_file_size, table, stdin_filename):
    """List titles that infer the `unknown` role, and those inferred only generically.

    FILE is an org file or an HR export (.csv, .tsv, .xlsx, .json; see
    `orgmodel import --help` for the export options).

    Each title is listed with how many people hold it, most common first.
    With --roles-stub, print a `roles:` block with a role per title (ids
    slugged from the titles, family and rank guessed where the words allow,
    a comment where they do not), to paste into the org file and correct.

    \b
    Examples:
      orgmodel titles org.yaml
      orgmodel titles org.yaml --roles-stub >> roles-draft.yaml
      orgmodel titles --from bamboohr employees.csv
    """
    stdin_filename = stdin_name([file], stdin_filename)
    try:
        org = load(file, max_bytes=max_file_size * 1024 * 1024, table=table, display_name=stdin_filename)
    except OrgInputError as exc:
        print_problems(exc.problems)
        sys.exit(EXIT_INPUT)
    unknown: Counter[str] = Counter()
    generic: Counter[str] = Counter()
    for person in org:
        if person.role_source == "role" or person.title is None:
            continue
        if person.role_source == "unknown":
            unknown[person.title] += 1
        elif person.role.generic:
            generic[person.title] += 1
    if roles_stub:
        click.echo(roles_stub_text([t for t, _ in unknown.most_common()] + [t for t, _ in generic.most_common()],
                                   org.roles), nl=False)
        return
    click.echo(title_report(unknown, generic, org.roles), nl=False)


def title_report(unknown: Counter, generic: Counter, catalog: RoleCatalog) -> str:
    def section(heading: str, counts: Counter, show_role: bool) -> list[str]:
        if not counts:
            return [f"{heading}: none"]
        people = sum(counts.values())
        lines = [f"{heading}: {plural(len(counts), 'title')}, {plural(people, 'person', 'people')}"]
        for title, count in counts.most_common():
            role = f"  -> {catalog.infer(title).role.id}" if show_role else ""
            lines.append(f"  {count:>5}  {_printable(title)}{role}")
        return lines

    lines = section("Titles with no role (unknown)", unknown, False) + [""]
    lines += section("Titles with only a generic role (family and level)", generic, True)
    return "\n".join(lines) + "\n"


def roles_stub_text(titles: list[str], catalog: RoleCatalog) -> str:
    if not titles:
        return "# every title maps to a named role: nothing to add\n"
    lines = ["roles:"]
    used = set(catalog.roles) | {UNKNOWN}
    for title in titles:
        role_id = _unique(_slug(title), used)
        reading = read_title(title)
        lines += [f"  {role_id}:", f"    title: {json.dumps(title, ensure_ascii=False)}"]
        if reading.family is not None:
            lines.append(f"    family: {reading.family}")
        else:
            lines.append("    family: other    # the words name no family orgmodel knows: set it")
        if reading.band is not None:
            lines.append(f"    rank: {reading.band}")
        elif reading.known:
            lines.append("    # no rank: a role with no fixed place (like product_owner)")
        else:
            lines.append("    # rank: 40       # the words name no level orgmodel knows: set it")
        if normalise_title(title):
            lines.append(f"    aliases: [{json.dumps(title, ensure_ascii=False)}]")
        else:
            lines.append("    # the title has no letters or digits, so no alias can match it: give its people role: "
                         f"{role_id}")
    return "\n".join(lines) + "\n"


def _slug(title: str) -> str:
    # Role ids are ASCII: "Staatssekretär:in" -> staatssekretar_in, "Менеджер по продажам" ->
    # menedzher_po_prodazham, "开发经理" -> kaifajingli, so every id still says whose role it is.
    slug = re.sub(r"[^a-z0-9]+", "_", anyascii(fold(title)).lower()).strip("_")[:40].strip("_")
    return slug or "role"


def _unique(slug: str, used: set[str]) -> str:
    candidate, n = slug, 2
    while candidate in used:
        candidate, n = f"{slug}_{n}", n + 1
    used.add(candidate)
    return candidate


def _printable(text: str, width: int = 100) -> str:
    # A title is input: keep control characters out of the terminal, and a huge one to one line.
    shown = text if len(text) <= width else text[:width - 1] + "\u2026"
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in shown)

