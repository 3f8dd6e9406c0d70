"""Custom declarative rules: a company's own rules, written in configuration, not Python.

A rule picks people (``given``) and states one thing that must hold for
each of them (``then``)::

    [[tool.orgmodel.rules]]
    code = "ACME001"
    name = "vp-not-under-ceo"
    description = "A VP of Product reports to the CEO or a CPO."
    given = {role = ["vp_product"]}
    then = {manager-role-in = ["ceo", "cpo"]}
    severity = "warning"
    message = "{name} ({id}) reports to {manager}, not to the CEO or CPO"

Each check is one linear pass over the org, like the built-in rules, and
custom rules go through the same engine: positions, selection, severity
overrides, per-person ``ignore`` and every output format.
"""

from __future__ import annotations

import re
import string
from collections.abc import Callable, Iterable
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from ..findings import Finding, Severity
from ..org import Org, Person
from ..roles import FAMILIES
from ..wording import plural, with_article
from .base import Rule

CODE_PATTERN = r"^[A-Z]{2,8}[0-9]{3}$"
NAME_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
ATTRIBUTES = ("experience_years", "rank")
REQUIRABLE = ("title", "team", "hired", "experience_years")

#: Placeholders a message may use.
PLACEHOLDERS = {
    "name": "the person's name",
    "id": "the person's id",
    "role": "the person's role id",
    "title": "the person's title (or role title)",
    "a_title": "the same with 'a' or 'an' before it: 'an Engineering Manager'",
    "team": "the person's team",
    "manager": "their manager, as 'Name (id)'",
    "manager_id": "their manager's id",
    "ancestor": "the manager above them that the check found ('Name (id)')",
    "value": "the value the check looked at (a count, an attribute)",
    "limit": "the number the check compared it with",
}
#: Placeholders that hold a number for these checks, so a noun can follow them: ``{value:person|people}``.
COUNTED = ("value", "limit")
NUMERIC_CHECKS = ("subtree-has-at-least", "direct-reports-at-most", "attribute-at-least", "attribute-at-most")
_NOUN_SPEC = re.compile(r"^[A-Za-z][A-Za-z .'-]*(\|[A-Za-z][A-Za-z .'-]*)?$")


class _Spec(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class RankRange(_Spec):
    min: int | None = None
    max: int | None = None


class Given(_Spec):
    """Who the rule applies to; every condition given must hold."""

    role: list[str] | None = Field(None, description="role ids")
    family: list[Literal[FAMILIES]] | None = Field(None, description="role families")  # type: ignore[valid-type]
    rank: RankRange | None = Field(None, description="rank range, inclusive")
    team: list[str] | None = Field(None, description="team ids")
    status: Literal["filled", "open", "present", "planned"] | None = None


class SubtreeCount(_Spec):
    count: int = Field(ge=1)
    roles: list[str]


class Bound(_Spec):
    attribute: Literal[ATTRIBUTES]  # type: ignore[valid-type]
    value: float


class Then(_Spec):
    """Exactly one check."""

    manager_role_in: list[str] | None = Field(None, alias="manager-role-in")
    has_ancestor_role: list[str] | None = Field(None, alias="has-ancestor-role")
    no_ancestor_role: list[str] | None = Field(None, alias="no-ancestor-role")
    subtree_has_at_least: SubtreeCount | None = Field(None, alias="subtree-has-at-least")
    direct_reports_at_most: int | None = Field(None, alias="direct-reports-at-most", ge=0)
    attribute_at_least: Bound | None = Field(None, alias="attribute-at-least")
    attribute_at_most: Bound | None = Field(None, alias="attribute-at-most")
    required_attribute: Literal[REQUIRABLE] | None = Field(None, alias="required-attribute")  # type: ignore

    @model_validator(mode="after")
    def one_check(self) -> Then:
        given = [name for name in type(self).model_fields if getattr(self, name) is not None]
        if len(given) != 1:
            checks = ", ".join(f.alias for f in type(self).model_fields.values())
            raise ValueError(f"'then' takes exactly one check, one of: {checks}")
        return self

    @property
    def kind(self) -> str:
        name = next(n for n in type(self).model_fields if getattr(self, n) is not None)
        return type(self).model_fields[name].alias

    @property
    def argument(self):
        return next(getattr(self, n) for n in type(self).model_fields if getattr(self, n) is not None)


class CustomRuleSpec(_Spec):
    code: str = Field(pattern=CODE_PATTERN, description="your own prefix and three digits, e.g. ACME001")
    name: str = Field(pattern=NAME_PATTERN, description="kebab-case name")
    description: str = Field(min_length=1)
    given: Given = Field(default_factory=Given)
    then: Then
    severity: Literal["error", "warning", "info"] = "warning"
    message: str = Field(min_length=1)

    @field_validator("message")
    @classmethod
    def known_placeholders(cls, message: str) -> str:
        for field, spec in _placeholders(message):
            if field not in PLACEHOLDERS:
                raise ValueError(f"message placeholder {{{field}}} is not one of "
                                 + ", ".join("{" + p + "}" for p in PLACEHOLDERS))
            if spec and (field not in COUNTED or not _NOUN_SPEC.match(spec)):
                raise ValueError(f"message placeholder {{{field}:{spec}}}: only {{value}} and {{limit}} take a "
                                 "noun after a colon, as in {value:year} or {value:person|people}")
        return message

    @model_validator(mode="after")
    def nouns_follow_numbers(self) -> CustomRuleSpec:
        if self.then.kind not in NUMERIC_CHECKS and any(spec for _, spec in _placeholders(self.message)):
            raise ValueError(f"message: {self.then.kind} does not count anything, so {{value}} and {{limit}} "
                             "take no noun here")
        return self


def _placeholders(message: str) -> list[tuple[str, str]]:
    """The (name, format spec) of each placeholder in a message template."""
    try:
        return [(field, spec or "") for _, field, spec, _ in string.Formatter().parse(message) if field is not None]
    except ValueError as exc:
        raise ValueError(f"message is not a valid template: {exc}") from None


class _MessageFormatter(string.Formatter):
    """``str.format`` where a count can carry its noun: ``{value:person|people}`` gives ``1 person`` or
    ``2 people``, ``{value:year}`` gives ``1 year`` or ``3 years``; a number alone prints as ``3`` or ``2.5``."""

    def format_field(self, value, format_spec: str) -> str:
        if format_spec:
            one, _, many = format_spec.partition("|")
            return plural(value, one, many or None)
        return f"{value:g}" if isinstance(value, float) else str(value)


_FORMATTER = _MessageFormatter()


def _selector(given: Given, org: Org) -> Callable[[Person], bool]:
    roles = set(given.role) if given.role is not None else None
    families = set(given.family) if given.family is not None else None
    teams = set(given.team) if given.team is not None else None

    def matches(person: Person) -> bool:
        if roles is not None and person.role.id not in roles:
            return False
        if families is not None and person.role.family not in families:
            return False
        if given.rank is not None:
            rank = person.role.rank
            if rank is None or (given.rank.min is not None and rank < given.rank.min) \
                    or (given.rank.max is not None and rank > given.rank.max):
                return False
        if teams is not None and person.team not in teams:
            return False
        if given.status == "present" and not org.is_present(person):
            return False
        if given.status == "planned" and not org.is_planned(person):
            return False
        return given.status not in ("filled", "open") or person.status == given.status

    return matches


def _attribute(person: Person, name: str):
    return person.role.rank if name == "rank" else getattr(person, name)


def _violations(spec: CustomRuleSpec, org: Org) -> Iterable[tuple[Person, dict]]:
    """People the rule fires on, each with the values its message can show."""
    matches = _selector(spec.given, org)
    kind, arg = spec.then.kind, spec.then.argument
    people = [p for p in org if matches(p)]
    if kind == "manager-role-in":
        allowed = set(arg)
        for p in people:
            boss = org.manager_of(p.id)
            if boss is not None and boss.role.id not in allowed:
                yield p, {"ancestor": boss.label}
    elif kind in ("has-ancestor-role", "no-ancestor-role"):
        wanted = set(arg)
        nearest = org.nearest_above(lambda q: q.role.id in wanted)
        for p in people:
            found = nearest[p.id]
            if (found is None) == (kind == "has-ancestor-role"):
                yield p, {"ancestor": org.people[found].label if found else ""}
    elif kind == "subtree-has-at-least":
        wanted = set(arg.roles)
        below = org.count_below(lambda q: q.role.id in wanted and org.is_present(q))
        for p in people:
            if below[p.id] < arg.count:
                yield p, {"value": below[p.id], "limit": arg.count}
    elif kind == "direct-reports-at-most":
        for p in people:
            count = len(org.direct_reports[p.id])
            if count > arg:
                yield p, {"value": count, "limit": arg}
    elif kind in ("attribute-at-least", "attribute-at-most"):
        for p in people:
            value = _attribute(p, arg.attribute)
            if value is None:
                continue
            if (value < arg.value) if kind == "attribute-at-least" else (value > arg.value):
                yield p, {"value": value, "limit": arg.value}
    elif kind == "required-attribute":
        for p in people:
            if getattr(p, arg) is None:
                yield p, {"value": arg}


def build_rule(spec: CustomRuleSpec, origin: str) -> Rule:
    """A Rule the engine runs like a built-in one."""

    def check(org: Org) -> Iterable[Finding]:
        for person, values in _violations(spec, org):
            boss = org.manager_of(person.id)
            fields = {
                "name": person.name, "id": person.id, "role": person.role.id, "title": person.display_title,
                "a_title": with_article(person.display_title),
                "team": person.team or "", "manager": boss.label if boss else "nobody",
                "manager_id": boss.id if boss else "", "ancestor": "", "value": "", "limit": "",
            }
            fields.update(values)
            yield Finding(person.id, _FORMATTER.vformat(spec.message, (), fields))

    check.__name__ = spec.name.replace("-", "_")
    check.__doc__ = (f"{spec.description}\n\nA custom rule: for people matching {_describe(spec.given)}, "
                     f"checks {spec.then.kind} {_describe_argument(spec.then.argument)}.\n\n"
                     f"Source: custom rule in {origin}.")
    return Rule(spec.code, spec.name, Severity.parse(spec.severity), check)


def _describe(given: Given) -> str:
    parts = [f"{key} {value}" for key, value in given.model_dump(exclude_none=True).items()]
    return ", ".join(parts) if parts else "everyone"


def _describe_argument(argument) -> str:
    if isinstance(argument, BaseModel):
        return ", ".join(f"{k} {v}" for k, v in argument.model_dump().items())
    return str(argument)
