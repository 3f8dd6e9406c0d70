"""The ``orgmodel`` command: parse options, call the API, pick a reporter, set the exit code."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from . import __version__
from .atomic import write_text_atomic
from .config import FAIL_LEVELS, Config, load_config, locate as locate_config
from .engine import SelectionError, check as run_checks, select_rules, validate_options
from .findings import OrgInputError
from .loader import load
from .report import REPORTERS, ReportContext, Summary
from .roles import RoleCatalog
from .ruledoc import reference_markdown, rule_table, rule_text
from .suggest import did_you_mean
from .wording import plural

EXIT_CLEAN, EXIT_FINDINGS, EXIT_INPUT = 0, 1, 2


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


class _Configs:
    """Each file's configuration: the nearest one above it (or --config, or none with --isolated),
    with the command-line options on top (they win). Loaded once per configuration file."""

    def __init__(self, config_path, isolated, *, select=(), extend_select=(), ignore=(), fail_on=None,
                 rule_options=()):
        self.config_path, self.isolated = config_path, isolated
        self.lists = {key: _split(values) for key, values in
                      (("select", select), ("extend-select", extend_select), ("ignore", ignore)) if values}
        self.fail_on = fail_on
        try:
            self.rule_options = validate_options(_parse_options(rule_options))
        except SelectionError as exc:
            raise click.UsageError(str(exc)) from None
        self.loaded: dict[object, Config] = {}

    def for_file(self, file: str | None) -> Config:
        path = locate_config(file, config_path=self.config_path, isolated=self.isolated)
        if path not in self.loaded:
            try:
                config = load_config(path, explicit=self.config_path is not None) if path else Config()
            except OrgInputError as exc:
                _print_problems(exc.problems)
                sys.exit(EXIT_INPUT)
            self.loaded[path] = self._override(config)
        return self.loaded[path]

    def _override(self, config: Config) -> Config:
        for key, codes in self.lists.items():
            setattr(config, key.replace("-", "_"), codes)
            config.sources[key] = f"--{key}"
        if self.fail_on is not None:
            config.fail_on = self.fail_on
            config.sources["fail-on"] = "--fail-on"
        config.options.update(self.rule_options)
        config.sources.update(dict.fromkeys(self.rule_options, "--option"))
        try:
            select_rules(config.select, config.ignore, config.extend_select, config.registry)
        except SelectionError as exc:
            raise click.UsageError(str(exc)) from None
        return config

    @property
    def registry(self) -> dict:
        """Every rule of every configuration loaded so far."""
        return {code: rule for config in self.loaded.values() for code, rule in config.registry.items()}


def _findings(org, config: Config, file: str) -> list:
    return run_checks(org, select=config.select, ignore=config.ignore + config.ignores_for(file),
                      extend_select=config.extend_select, options=config.options, severity=config.severity,
                      registry=config.registry)


_config_options = [
    click.option("--config", "config_path", type=click.Path(dir_okay=False), metavar="PATH",
                 help="Use this configuration file (orgmodel.toml or pyproject.toml) instead of the nearest one."),
    click.option("--isolated", is_flag=True, help="Ignore every configuration file."),
]


def config_options(command):
    for option in reversed(_config_options):
        command = option(command)
    return command


@main.command()
@click.argument("files", nargs=-1, metavar="FILE...")
@click.option("--format", "output_format", type=click.Choice(sorted(REPORTERS)), default=None,
              help="Output format [default: text; github when GITHUB_ACTIONS=true].")
@click.option("--output", metavar="FILE", help="Write the report to FILE (atomically) instead of standard output.")
@click.option("--select", multiple=True, metavar="CODES",
              help="Run only these rules (codes or prefixes, comma-separated; ALL for every rule).")
@click.option("--extend-select", multiple=True, metavar="CODES",
              help="Run these rules too, on top of the selection (e.g. the opt-in PRD013).")
@click.option("--ignore", multiple=True, metavar="CODES", help="Skip these rules (codes or prefixes).")
@click.option("--fail-on", type=click.Choice(list(FAIL_LEVELS)), default=None,
              help="Exit 1 when a finding is at least this severe [default: error].")
@click.option("--as-of", type=click.DateTime(formats=["%Y-%m-%d"]), metavar="DATE",
              help="Evaluate the org on this date (overrides as_of in the file).")
@click.option("--option", "rule_options", multiple=True, metavar="NAME=VALUE",
              help="Set a rule option, e.g. --option max-span=12 (see `orgmodel rules CODE`).")
@click.option("--max-file-size", type=click.IntRange(min=1), default=200, show_default=True, metavar="MB",
              help="Refuse files larger than this many megabytes.")
@config_options
@click.option("--show-config", is_flag=True, help="Print the resolved configuration and where each value "
                                                   "came from, then exit.")
def check(files, output_format, output, select, extend_select, ignore, fail_on, as_of, rule_options, max_file_size,
          config_path, isolated, show_config):
    """Check org files against the rules and report findings.

    Prints FILE:LINE:COL: CODE [severity] message for each finding, with a
    suggestion under it. Exit code 0: nothing at or above --fail-on; 1:
    findings at or above it; 2: a file could not be read, or bad options.
    Use - as FILE to read standard input. Settings come from the nearest
    orgmodel.toml or [tool.orgmodel] in pyproject.toml; options override them.

    \b
    Examples:
      orgmodel check org.yaml
      orgmodel check --select PRD --fail-on warning org.yaml
      orgmodel check --option max-span=12 --format sarif --output org.sarif org.yaml
      orgmodel check --show-config org.yaml
    """
    configs = _Configs(config_path, isolated, select=select, extend_select=extend_select, ignore=ignore,
                       fail_on=fail_on, rule_options=rule_options)
    first = configs.for_file(files[0] if files else None)
    if show_config:
        click.echo(first.describe(), nl=False)
        return
    if not files:
        raise click.UsageError("give at least one org file (or - for standard input)")
    if output_format is None:
        output_format = "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"
    findings, people, unreadable, readable, failing = [], 0, 0, [], False
    ran: dict[str, None] = {}
    for path in files:
        config = configs.for_file(path)
        try:
            org = load(path, as_of=as_of.date() if as_of else None, max_bytes=max_file_size * 1024 * 1024,
                       known_codes=config.registry)
        except OrgInputError as exc:
            _print_problems(exc.problems)
            unreadable += 1
            continue
        _print_problems(org.warnings)
        people += len(org)
        readable.append(org.file)
        found = _findings(org, config, path)
        findings += found
        threshold = FAIL_LEVELS[config.fail_on]
        failing |= threshold is not None and any(f.severity >= threshold for f in found)
        ran.update(dict.fromkeys(r.code for r in select_rules(config.select, config.ignore, config.extend_select,
                                                              config.registry)))
    if unreadable:
        click.echo(f"orgmodel: {plural(unreadable, 'file')} could not be read (see above)", err=True)
    if readable:
        summary = Summary.of(findings, files=len(readable), people=people)
        context = ReportContext(rules=configs.registry, ran=tuple(ran), files=tuple(readable),
                                root=_repository_root(), version=__version__)
        colour = output is None and _use_colour()
        report = REPORTERS[output_format](findings, summary, context, color=colour)
        if output is None:
            click.echo(report, nl=False, color=colour)
        else:
            try:
                write_text_atomic(output, report)
            except OSError as exc:
                click.echo(f"orgmodel: cannot write {output}: {exc.strerror or exc}", err=True)
                sys.exit(EXIT_INPUT)
    if unreadable:
        sys.exit(EXIT_INPUT)
    sys.exit(EXIT_FINDINGS if failing else EXIT_CLEAN)


def _repository_root() -> Path | None:
    """The enclosing git checkout (SARIF paths are relative to it), or None."""
    here = Path.cwd().resolve()
    for folder in (here, *here.parents):
        if (folder / ".git").exists():
            return folder
    return None


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
@config_options
def render(file, output, root, depth, color_by, show_findings, title, as_of, dpi, max_file_size, config_path,
           isolated):
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
    config = _Configs(config_path, isolated).for_file(file)
    try:
        org = load(file, as_of=as_of.date() if as_of else None, max_bytes=max_file_size * 1024 * 1024,
                   known_codes=config.registry)
    except OrgInputError as exc:
        _print_problems(exc.problems)
        sys.exit(EXIT_INPUT)
    _print_problems(org.warnings)
    findings = _findings(org, config, file) if show_findings else []
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
    from .schema import schema_text

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
    from .schema import schema_text
    from .starter import CONFIG_FILE, ORG_FILE, SCHEMA_FILE, STARTER_CONFIG, STARTER_ORG

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
    registry = _Configs(config_path, isolated).for_file(None).registry
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
