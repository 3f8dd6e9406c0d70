"""`orgmodel rules` and `orgmodel roles`: the rule and role catalogs."""

from __future__ import annotations

import sys

import click

from ..findings import OrgInputError
from ..roles import RoleCatalog
from ..ruledoc import reference_markdown, rule_table, rule_text
from ..sources import load
from ..suggest import did_you_mean
from . import EXIT_FINDINGS, EXIT_INPUT, Configs, print_problems, config_options, main


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
            print_problems(exc.problems)
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
