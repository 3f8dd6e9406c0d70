"""In a JSON export a problem points at the field it is about, not only at its record."""

from __future__ import annotations

import pytest

from orgmodel import OrgInputError, load
from orgmodel.sources import TableOptions
from orgmodel.sources.table import _FieldFinder

HIBOB = """\
{"employees": [
  {"id": "1", "displayName": "Ana Lima", "work": {"title": "CEO", "startDate": "2020-01-01"}},
  {"id": "2", "displayName": "Bo Chen",
   "work": {"title": "Engineer", "reportsTo": {"id": "1"}, "startDate": "soon"}},
  {"id": "3", "displayName": "Cy\\u0007Dee", "work": {"reportsTo": {"id": "1"}, "title": "Engineer"}}
]}
"""


def where(text: str, line: int, needle: str) -> tuple[int, int]:
    return line, text.splitlines()[line - 1].index(needle) + 1


def test_problems_in_nested_records_point_at_the_value(tmp_path):
    path = tmp_path / "bob.json"
    path.write_text(HIBOB, encoding="utf-8")
    with pytest.raises(OrgInputError) as caught:
        load(path, table=TableOptions(preset="hibob"))
    places = {p.message.split(":")[0]: (p.line, p.column) for p in caught.value.problems}
    assert places["column 'work.startDate'"] == where(HIBOB, 4, '"soon"')
    assert places["column 'displayName'"] == where(HIBOB, 5, '"Cy')


def test_typed_list_items_are_named_by_their_type():
    text = ('[{"primaryEmail": "b@x.com",\n'
            '  "relations": [{"type": "assistant", "value": "z@x.com"},\n'
            '                {"value": "a@x.com", "type": "manager"}],\n'
            '  "organizations": [{"title": "Engineer"}, {"title": "Mentor"}]}]\n')
    fields = _FieldFinder(text).fields(1)
    finder = _FieldFinder(text)
    assert finder.position(fields["relations.manager"]) == where(text, 3, '"a@x.com"')
    assert finder.position(fields["relations.assistant.value"]) == where(text, 2, '"z@x.com"')
    assert finder.position(fields["organizations.1.title"]) == where(text, 4, '"Mentor"')
    assert finder.position(fields["primaryEmail"]) == where(text, 1, '"b@x.com"')


def test_a_field_the_record_lacks_keeps_the_record_place():
    text = '[\n  {"id": "1"}\n]'
    assert _FieldFinder(text).place(2, 3, "work.title") == (2, 3)


def test_a_bamboohr_json_report_lists_its_fields_beside_the_employees(tmp_path):
    path = tmp_path / "report.json"
    path.write_text("""{"title": "Report",
 "fields": [{"id": "employeeNumber", "type": "text", "name": "Employee #"},
            {"id": "jobTitle", "type": "list", "name": "Job Title"}],
 "employees": [
   {"id": "1", "employeeNumber": "100", "firstName": "Ana", "lastName": "Lima", "jobTitle": "CEO"},
   {"id": "2", "employeeNumber": "101", "firstName": "Bo", "lastName": "Chen", "jobTitle": "CTO",
    "supervisorEId": "100"}
 ]}
""", encoding="utf-8")
    org = load(path, table=TableOptions(preset="bamboohr"))
    assert [(p.id, p.name, p.reports_to) for p in org] == [("100", "Ana Lima", None), ("101", "Bo Chen", "100")]
    assert (org["101"].line, org["101"].column) == (6, 4)


def test_a_repeated_top_level_key_keeps_reading_linear(tmp_path):
    import json as jsonlib

    later = [{"id": str(i), "title": "Engineer", "hired": "bad", "manager": "0"} for i in range(1, 3001)]
    path = tmp_path / "dup.json"
    path.write_text('{"people": [{"id": "0", "title": "CEO"}],\n "people": ' + jsonlib.dumps(later) + "}",
                    encoding="utf-8")
    finder_calls = []
    original = _FieldFinder.fields
    _FieldFinder.fields = lambda self, start: finder_calls.append(start) or original(self, start)
    try:
        with pytest.raises(OrgInputError) as caught:
            load(path)
    finally:
        _FieldFinder.fields = original
    # json.loads keeps the last list; records cannot be found in the text, so nothing is rescanned.
    assert len(caught.value.problems) == 3000 and finder_calls == []
