"""`orgmodel rules` and `orgmodel roles`: the rule and role catalogs."""

from __future__ import annotations

import json
import sys

import click

from ..findings import OrgInputError, Problem
from ..roles import UNKNOWN, RoleCatalog, TitleMatch
from ..ruledoc import reference_markdown, rule_table, rule_text
from ..sources import DEFAULT_MAX_BYTES, display_name_for, load, read_bounded
from ..suggest import did_you_mean
from . import (
    EXIT_FINDINGS,
    EXIT_INPUT,
    Configs,
    config_options,
    main,
    max_file_size_option,
    print_problems,
)


@main.command()
@click.argument("code", required=False)
@click.option("--markdown", is_flag=True, help="Print the built-in rule reference as Markdown (docs/rules.md).")
@config_options
def rules(code, markdown, config_path, isolated):
    """List every rule, or explain one.

    Custom rules from the configuration found here (or --config) are
    listed after the built-in ones.

    \b
    Examples:
      orgmodel rules
      orgmodel rules PRD001
    """
    if markdown:
        click.echo(reference_markdown(), nl=False)
        return
    registry = Configs(config_path, isolated).for_file(None).registry
    if code is None:
        click.echo(rule_table(registry), nl=False)
        return
    rule = registry.get(code.strip().upper())
    if rule is None:
        raise click.UsageError(f"unknown rule code {code!r}{did_you_mean(code.upper(), registry)}")
    click.echo(rule_text(rule), nl=False)


@main.command()
@click.option("--title", "titles", multiple=True, help="Show which role a job title maps to, and why (repeatable).")
@click.option("--titles-file", type=click.Path(dir_okay=False, allow_dash=True),
              help="Read job titles from this file, one a line (- for standard input).")
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="Output format for --title and --titles-file.")
@click.option("--file", "org_file", type=click.Path(dir_okay=False), help="Include the custom roles of this org file.")
@max_file_size_option("a titles file or org file")
def roles(titles, titles_file, output_format, org_file, max_file_size):
    """List the role catalog, or show what job titles map to.

    A title maps to a named role, or to a generic role of its family and
    level (id <family>_<rank>, such as finance_60), or to `unknown`. Exits 1
    when a title maps to `unknown`.

    \b
    Examples:
      orgmodel roles
      orgmodel roles --title "Sr. PM" --title "VP, Product Marketing"
      orgmodel roles --titles-file titles.txt --format json
      orgmodel roles --file org.yaml --title "DevRel"
    """
    catalog = RoleCatalog.builtin()
    if org_file:
        try:
            catalog = load(org_file, max_bytes=max_file_size * 1024 * 1024).roles
        except OrgInputError as exc:
            print_problems(exc.problems)
            sys.exit(EXIT_INPUT)
    asked = list(titles)
    if titles_file is not None:
        asked += read_titles_file(titles_file, max_file_size * 1024 * 1024)
    if not asked and titles_file is None:
        click.echo(role_listing(catalog), nl=False)
        return
    matches = [catalog.infer(title) for title in asked]
    if output_format == "json":
        click.echo(json.dumps([title_json(m) for m in matches], indent=2, ensure_ascii=False))
    else:
        for match in matches:
            click.echo(title_text(match))
    if any(m.role is None for m in matches):
        sys.exit(EXIT_FINDINGS)


def read_titles_file(path: str, max_bytes: int = DEFAULT_MAX_BYTES) -> list[str]:
    """Non-blank lines of a titles file (``-``: standard input); an unreadable file is an input error (exit 2)."""
    name = display_name_for(path)
    try:
        data = read_bounded(path, name, max_bytes)
        titles = []
        for number, raw in enumerate(bytes(data).splitlines(), start=1):
            try:
                line = raw.decode("utf-8-sig" if number == 1 else "utf-8")
            except UnicodeDecodeError as exc:
                raise OrgInputError([Problem(name, number, exc.start + 1, "not valid UTF-8 text")]) from None
            if line.strip():
                titles.append(line.strip())
    except OrgInputError as exc:
        print_problems(exc.problems)
        sys.exit(EXIT_INPUT)
    return titles


def title_json(match: TitleMatch) -> dict:
    role = match.role
    return {"title": match.title, "role": role.id if role else UNKNOWN, "family": role.family if role else None,
            "rank": role.rank if role else None, "explanation": match.explain()}


def title_text(match: TitleMatch) -> str:
    role = match.role
    if role is None:
        return f"unknown: {match.explain()}"
    rank = role.rank if role.rank is not None else "none"
    return f"{role.id}: {role.title} (family {role.family}, rank {rank})\nbecause {match.explain()}"


def role_listing(catalog: RoleCatalog) -> str:
    named = [r for r in catalog if not r.generic]
    width = max(len(r.id) for r in named)
    lines = [f"{'role':<{width}}  {'family':<11}  {'rank':>4}  title"]
    for role in sorted(named, key=lambda r: (r.family, -(r.rank or 0), r.id)):
        rank = "-" if role.rank is None else str(role.rank)
        custom = "  (custom)" if not role.builtin else ""
        lines.append(f"{role.id:<{width}}  {role.family:<11}  {rank:>4}  {role.title}{custom}")
    lines += ["", "Generic roles, one per family and rank band, for titles no named role fits:"]
    by_family: dict[str, list[str]] = {}
    for role in catalog:
        if role.generic:
            by_family.setdefault(role.family, []).append(role.id)
    lines += [f"  {family:<11}  {' '.join(ids)}" for family, ids in by_family.items()]
    return "\n".join(lines) + "\n"
