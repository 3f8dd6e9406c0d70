"""The loader's fast path for plain person entries agrees with the pydantic model."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from orgmodel.model import PersonFields
from orgmodel.sources.plainfields import plain_person_fields

TRICKY_TEXT = ["ana", "Ana Lima", "a.b-c_d", "", " ", "ana\n", "x y", "bradyo'dowd", "ünïcode",
               "2025-03-01", "2025-02-30", "2025-3-1", "0000-01-01", "2025-03-01T10:00", "２０２５-03-01",
               "0", "05", "5", "1.5", "1.", ".5", "-1", "1e3", "nan", "inf", "1_000", "12345678901234567",
               "filled", "open", "Open", "OPEN", "software_engineer", "ORG001", "PRD"]
KEYS = [*PersonFields.model_fields, "reports", "colour"]

text = st.sampled_from(TRICKY_TEXT) | st.text(max_size=8)
value = st.none() | text | st.lists(st.none() | text, max_size=3) | st.dictionaries(text, text, max_size=2)


@settings(max_examples=1000, deadline=None)
@given(st.dictionaries(st.sampled_from(KEYS), value, max_size=8), st.sampled_from(TRICKY_TEXT))
def test_the_fast_path_takes_only_entries_the_model_takes_with_the_same_values(fields, person_id):
    fields.setdefault("id", person_id)
    values = plain_person_fields(fields)
    if values is not None:
        assert values == dict(PersonFields.model_validate(fields))


def test_an_everyday_entry_takes_the_fast_path_with_typed_values():
    fields = {"id": "ana", "name": "Ana Lima", "role": "product_manager", "reports_to": "cpo", "team": "growth",
              "hired": "2024-02-29", "experience_years": "4.5", "cost": "98000", "status": "open",
              "dotted_to": "cto", "ignore": ["SHP002", "PRD"]}
    values = plain_person_fields(fields)
    assert values == dict(PersonFields.model_validate(fields))
    assert values["hired"] == dt.date(2024, 2, 29) and values["cost"] == 98000.0
    assert values["dotted_to"] == ["cto"] and values["ignore"] == ["SHP002", "PRD"]


def test_values_the_model_may_word_an_error_for_are_left_to_the_model():
    for fields in ({"id": "ana", "hired": "2024-02-30"}, {"id": "ana", "status": "Open"},
                   {"id": "ana", "experience_years": "-1"}, {"id": "ana\n"}, {"id": "ana", "colour": "red"},
                   {"id": "ana", "dotted_to": None}, {"id": "ana", "name": ["A"]}):
        assert plain_person_fields(fields) is None
