"""Person fields of the everyday kind, validated without pydantic.

Validating a million person entries through the pydantic model costs more
than parsing them. Almost every entry is plain: text values, a date written
YYYY-MM-DD, a small decimal number. :func:`plain_person_fields` accepts
exactly those and gives the same values the model would; for anything else
(a wrong type, an unusual spelling, a value the model may reject) it
returns ``None`` and the caller validates with the model, which also words
the error. So the fast path never decides what is an error.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from ..model import PersonFields

# Conservative subsets of what the model accepts: every text these match,
# the model takes as the same value.
_PLAIN_ID = re.compile(r"[A-Za-z0-9_.\-]+")
_PLAIN_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_PLAIN_NUMBER = re.compile(r"(?:0|[1-9][0-9]{0,11})(?:\.[0-9]{1,6})?")

_TEXT_FIELDS = ("name", "role", "title", "reports_to", "team")
_LIST_FIELDS = ("dotted_to", "ignore")
_NUMBER_FIELDS = ("experience_years", "cost")
_STATUSES = frozenset({"filled", "open"})
_FIELDS = frozenset(PersonFields.model_fields)
_DEFAULTS = {name: field.get_default(call_default_factory=True) for name, field in PersonFields.model_fields.items()
             if name != "id"}


@lru_cache(maxsize=4096)  # a million people share a few thousand hire dates
def _plain_date(text: str) -> dt.date | None:
    if _PLAIN_DATE.fullmatch(text) is None:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return None


def plain_person_fields(fields: dict) -> dict | None:
    """The validated values of a plain person entry (every field, defaults filled in), or ``None``."""
    if not _FIELDS.issuperset(fields):
        return None
    person_id = fields.get("id")
    if type(person_id) is not str or _PLAIN_ID.fullmatch(person_id) is None:
        return None
    values = dict(_DEFAULTS)
    values["dotted_to"], values["ignore"] = [], []
    values["id"] = person_id
    for name in _TEXT_FIELDS:
        if name in fields:
            value = fields[name]
            if value is not None and type(value) is not str:
                return None
            values[name] = value
    for name in _LIST_FIELDS:
        if name in fields:
            value = fields[name]
            if type(value) is str:
                values[name] = [value]
            elif isinstance(value, list) and all(type(item) is str for item in value):
                values[name] = list(value)
            else:
                return None
    for name in _NUMBER_FIELDS:
        value = fields.get(name)
        if value is not None:
            if type(value) is not str or _PLAIN_NUMBER.fullmatch(value) is None:
                return None
            values[name] = float(value)
    hired = fields.get("hired")
    if hired is not None:
        if type(hired) is not str:
            return None
        values["hired"] = hired = _plain_date(hired)
        if hired is None:
            return None
    if "status" in fields:
        status = fields["status"]
        if type(status) is not str or status not in _STATUSES:
            return None
        values["status"] = status
    return values
