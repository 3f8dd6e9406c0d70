"""Run the selected rules on an Org; stamp each finding with its code, name,
severity and the position of the person it is about; apply ignores."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from itertools import compress
from operator import attrgetter

from .findings import Finding, OrgInputError, Problem, Severity
from .gcpause import collector_paused
from .org import Org
from .rules import OPTIONS, RULES, Rule, names_a_rule
from .suggest import did_you_mean

ALL = "ALL"


class SelectionError(ValueError):
    """A code, prefix or option the registry does not know (a usage error)."""


def _check_selectors(selectors: Iterable[str], what: str, registry: Mapping[str, Rule]) -> list[str]:
    cleaned = []
    for raw in selectors:
        code = raw.strip().upper()
        if not code:
            # An empty selector is a prefix of every code: it would silently switch every rule off (or on).
            raise SelectionError(f"{what}: empty rule code; name a rule code or prefix, or ALL")
        if code != ALL and not names_a_rule(code, registry):
            raise SelectionError(f"{what}: unknown rule code or prefix {raw!r}{did_you_mean(code, registry)}")
        cleaned.append(code)
    return cleaned


def _longest_match(code: str, selectors: list[str]) -> int:
    """Length of the longest selector matching ``code`` (-1: none). ``ALL`` matches with length 0."""
    best = -1
    for sel in selectors:
        if sel == ALL:
            best = max(best, 0)
        elif code.startswith(sel):
            best = max(best, len(sel))
    return best


def select_rules(
    select: Iterable[str] | None = None,
    ignore: Iterable[str] = (),
    extend_select: Iterable[str] = (),
    registry: Mapping[str, Rule] | None = None,
) -> list[Rule]:
    """The rules to run, from ``registry`` (default: the built-in rules).

    ``select`` replaces the default set (every rule but the opt-in ones);
    ``extend_select`` adds to it; ``ignore`` removes. When a code matches
    both a selector and an ignore, the longer (more specific) one wins. An
    opt-in rule runs only when selected by its full code or by ``ALL``.
    """
    registry = RULES if registry is None else registry
    chosen = _check_selectors(select, "--select", registry) if select is not None else None
    extra = _check_selectors(extend_select, "--extend-select", registry)
    dropped = _check_selectors(ignore, "--ignore", registry)
    rules = []
    for code, rule in registry.items():
        picked = _longest_match(code, chosen) if chosen is not None else (-1 if rule.opt_in else 0)
        picked = max(picked, _longest_match(code, extra))
        if rule.opt_in and picked not in (0, len(code)):
            continue  # only ALL or the full code switches an opt-in rule on
        if picked >= 0 and _longest_match(code, dropped) < picked:  # ties go to ignore
            rules.append(rule)
    return rules


def resolve_options(options: Mapping[str, object] | None) -> dict[str, int]:
    """Defaults overlaid with ``options``; unknown names and bad values raise SelectionError."""
    return {**{name: opt.default for name, opt in OPTIONS.items()}, **validate_options(options)}


def validate_options(options: Mapping[str, object] | None) -> dict[str, int]:
    """Just the options given, by their kebab-case names, as whole numbers; raises SelectionError."""
    resolved: dict[str, int] = {}
    for name, value in (options or {}).items():
        key = name.strip().replace("_", "-")
        if key not in OPTIONS:
            raise SelectionError(f"unknown rule option {name!r}{did_you_mean(key, OPTIONS)}; "
                                 f"options are: {', '.join(OPTIONS)}")
        try:
            number = int(str(value).strip())
        except ValueError:
            raise SelectionError(f"rule option {key!r} takes a whole number, not {value!r}") from None
        if number < 0:
            raise SelectionError(f"rule option {key!r} must be 0 or more, not {number}")
        resolved[key] = number
    return resolved


def unknown_ignore_codes(org: Org, registry: Mapping[str, Rule] | None = None) -> list[Problem]:
    """An input problem at each person's ``ignore`` code that names no rule of ``registry``.

    Readers keep the codes as written, with their positions; only here are
    the rules known (custom rules included).
    """
    registry = RULES if registry is None else registry
    problems = []
    people = org.people.values()
    for person in compress(people, map(attrgetter("ignore"), people)):
        # People built in Python carry no positions: name the person's own place instead.
        positions = person.ignore_positions or [(person.line, person.column)] * len(person.ignore)
        for code, (line, column) in zip(person.ignore, positions, strict=True):
            if not code.strip():  # a prefix of every code: it would silence every rule for this person
                problems.append(Problem(org.file, line, column, "'ignore' has an empty rule code; name a rule "
                                                                "code or prefix"))
            elif not names_a_rule(code, registry):
                problems.append(Problem(org.file, line, column, f"'ignore' names unknown rule code {code!r}"
                                        + did_you_mean(code, registry)))
    problems.sort(key=lambda p: (p.line, p.column))
    return problems


def validate_ignore_codes(org: Org, registry: Mapping[str, Rule] | None = None) -> None:
    """Raise :class:`OrgInputError` when any person ignores a rule that does not exist."""
    problems = unknown_ignore_codes(org, registry)
    if problems:
        raise OrgInputError(problems)


def check(
    org: Org,
    *,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] = (),
    extend_select: Iterable[str] = (),
    options: Mapping[str, object] | None = None,
    severity: Mapping[str, Severity] | None = None,
    registry: Mapping[str, Rule] | None = None,
) -> list[Finding]:
    """Run the selected rules on ``org`` and return located findings, sorted by position.

    ``registry`` adds custom rules to the built-in ones (see ``Config.registry``);
    ``severity`` overrides rules' default severities by code. Raises
    :class:`OrgInputError` when a person's ``ignore`` names no rule.
    """
    validate_ignore_codes(org, RULES if registry is None else registry)
    rules = select_rules(select, ignore, extend_select, registry)
    values = resolve_options(options)
    overrides = severity or {}
    people = org.people
    findings: list[Finding] = []
    with collector_paused():  # the rules' indexes of a large org are millions of objects, none cyclic
        for rule in rules:
            level = overrides.get(rule.code, rule.severity)
            for found in rule.run(org, values):
                person = people[found.person]
                if person.ignore and any(code and rule.code.startswith(code) for code in person.ignore):
                    continue
                findings.append(Finding(found.person, found.message, found.related, found.suggestion, rule.code,
                                        rule.name, level, org.file, person.line, person.column))
    findings.sort(key=Finding.sort_key)
    return findings
