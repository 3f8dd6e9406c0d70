"""Pydantic models of the org file format, version 1 (format.md).

These models are the single description of the format: the loader validates
with them and the published JSON Schema is generated from them. Values
arrive as the text that was written (see ``yamlparse``); the models type it.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field
from pydantic_core import PydanticCustomError

from .roles import FAMILIES

#: A person id: any text with at least one visible character and no control characters, so ids
#: exported by HR systems (``bradyo'dowd``, ``Jane Doe``, ``emp/42``) survive as written. Version 1
#: files of earlier releases (letters, digits, ``_ - .``) all still match.
ID_PATTERN = r"^[^\x00-\x1f\x7f-\x9f]*[^\s\x00-\x1f\x7f-\x9f][^\x00-\x1f\x7f-\x9f]*$"
#: What ID_PATTERN allows, in words for error messages.
ID_RULE = "text with a visible character and no control characters"
#: Role ids name catalog entries written by hand; they stay plain.
ROLE_ID_PATTERN = r"^[A-Za-z0-9_.\-]+$"
ROLE_ID_CHARACTERS = "letters, digits, '_', '-' and '.'"

# A role id is valid only when the pattern spans all of it: Python's `$` also
# matches before a final newline, so "x\n" would pass a plain search. Person
# ids are matched by pydantic's Rust engine, whose `$` is the end of the text
# and which runs in linear time (Python's `re` backtracks quadratically on
# ID_PATTERN).
_WHOLE_ROLE_ID = re.compile(ROLE_ID_PATTERN)


def schema_pattern(pattern: str) -> str:
    # ECMA-262's `$` is the end of the text, but Python-based JSON Schema
    # validators search with `re`, where this look-ahead rules out a final newline.
    return pattern + r"(?!\n)"


CURRENCY_PATTERN = r"^[A-Z]{3}$"

_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_DATE_AND_TIME = re.compile(r"([0-9]{4}-[0-9]{2}-[0-9]{2})[Tt ][0-9].*", re.DOTALL)


def is_role_id(text: str) -> bool:
    """Whether ``text`` is a valid role id (the whole text, nothing around it)."""
    return _WHOLE_ROLE_ID.fullmatch(text) is not None


class DateError(ValueError):
    """A date written some other way than YYYY-MM-DD: what is required, and how to fix it."""

    def __init__(self, requirement: str, hint: str = ""):
        super().__init__(f"{requirement}: {hint}" if hint else requirement)
        self.requirement, self.hint = requirement, hint


def parse_iso_date(text: str) -> dt.date:
    """``YYYY-MM-DD`` (ASCII digits) and nothing else, as a date.

    Raises :class:`DateError`: a number (which other readers take as seconds
    since 1970) or a timestamp is refused, not silently turned into another
    day. The message leaves the value out, for the caller to quote it.
    """
    if _DATE.fullmatch(text):
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            raise DateError("must be a real calendar date") from None
    timestamp = _DATE_AND_TIME.fullmatch(text)
    if timestamp:
        raise DateError("must be a date without a time", f"drop the time part (write {timestamp.group(1)})")
    raise DateError("must be a date written YYYY-MM-DD, like 2025-03-01")


def _iso_date(value):
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    try:
        if not isinstance(value, str):
            raise DateError("must be a date written YYYY-MM-DD, like 2025-03-01")
        return parse_iso_date(value)
    except DateError as exc:
        raise PydanticCustomError("iso_date", str(exc), {"requirement": exc.requirement, "hint": exc.hint}) from None


def _one_or_many(value):
    # `dotted_to: dev` is as clear as `dotted_to: [dev]`; accept both.
    return [value] if isinstance(value, str) else value


IdText = Annotated[str, Field(min_length=1, pattern=ID_PATTERN,
                              json_schema_extra={"pattern": schema_pattern(ID_PATTERN)})]
#: Dates are written YYYY-MM-DD; pydantic's own date type would also take
#: Unix timestamps (``0`` -> 1970-01-01) and datetimes.
IsoDate = Annotated[dt.date, BeforeValidator(_iso_date)]
IdList = Annotated[list[str], BeforeValidator(_one_or_many, json_schema_input_type=str | list[str])]
Family = Literal[FAMILIES]  # type: ignore[valid-type]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class RoleDef(_Strict):
    """A role added under ``roles:``, or an override of a built-in role."""

    title: str | None = Field(None, description="Display title")
    family: Family | None = Field(None, description="Role family; required for a new role")
    rank: int | None = Field(None, description="Seniority; higher is more senior. Absent: no fixed place")
    aliases: IdList = Field(default_factory=list, description="Titles that map to this role")


class TeamDef(_Strict):
    name: str = Field(description="Display name of the team")
    lead: str | None = Field(None, description="Id of the person who leads the team")


class PersonFields(_Strict):
    """One person entry, without its nested ``reports`` (validated separately)."""

    id: IdText = Field(description="Unique id: any text with a visible character and no control characters")
    name: str | None = Field(None, description="Display name; defaults to the id")
    role: str | None = Field(None, description="A role id from the catalog (built-in or roles:)")
    title: str | None = Field(None, description="Free-text job title; without a role, the role is inferred from it")
    reports_to: str | None = Field(None, description="Id of the solid-line manager; missing means top of the org")
    dotted_to: IdList = Field(default_factory=list, description="Ids of dotted-line (secondary) managers")
    team: str | None = Field(None, description="A team id from teams: (or a free team name when teams: is absent)")
    hired: IsoDate | None = Field(None, description="ISO date; after as_of means planned")
    experience_years: float | None = Field(None, ge=0, allow_inf_nan=False, description="Years of experience")
    status: Literal["filled", "open"] = Field("filled", description="'open' marks a vacancy")
    cost: float | None = Field(None, ge=0, allow_inf_nan=False,
                               description="Yearly cost of the position (salary and overheads), in the org's currency")
    ignore: IdList = Field(default_factory=list, description="Rule codes (or prefixes) to suppress for this person")


class PersonEntry(PersonFields):
    """A person entry as written, with nested direct reports."""

    reports: list[PersonEntry] = Field(default_factory=list,
                                       description="Nested direct reports; each one reports to this person")


class OrgHeader(_Strict):
    """The top level of an org file, without ``people``."""

    version: Literal[1] = Field(1, description="Format version")
    org: str = Field(description="Display name of the organisation")
    as_of: IsoDate | None = Field(None, description="Evaluate the org on this date (ISO)")
    currency: str | None = Field(None, pattern=CURRENCY_PATTERN,
                                 json_schema_extra={"pattern": schema_pattern(CURRENCY_PATTERN)},
                                 description="ISO 4217 code of the currency people's cost is in, e.g. EUR")
    roles: dict[str, RoleDef] = Field(default_factory=dict, description="Role id -> role definition",
                                      json_schema_extra={"propertyNames": {"pattern": schema_pattern(ROLE_ID_PATTERN)}})
    teams: dict[str, TeamDef] = Field(default_factory=dict, description="Team id -> team")


class OrgFile(OrgHeader):
    """A whole org file (the JSON Schema root)."""

    people: list[PersonEntry] = Field(description="The people of the org, flat or nested")


PERSON_KEYS = tuple(PersonEntry.model_fields)
TOP_KEYS = tuple(OrgFile.model_fields)
