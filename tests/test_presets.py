"""Each preset reads records in the shape its vendor publishes (the API specs, SDKs and sample
payloads named in the preset's `verified` line), not only the fixtures of tests/data/hr."""

from __future__ import annotations

import datetime as dt
import json

from click.testing import CliRunner

from orgmodel import load
from orgmodel.cli import main

AS_OF = "2025-06-30"


def imported_org(tmp_path, system: str, document):
    export, out = tmp_path / f"{system}.json", tmp_path / "org.yaml"
    export.write_text(json.dumps(document), encoding="utf-8")
    result = CliRunner().invoke(main, ["import", str(export), "--from", system, "--as-of", AS_OF, "-o", str(out)],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output + result.stderr
    return load(out)


def imported(tmp_path, system: str, document) -> dict:
    return {p.id: p for p in imported_org(tmp_path, system, document)}


def adp_worker(number, given, family, status, assignment, *, boss=None, boss_by="workerID", ended=None):
    """A worker as ADP's Workers v2 sample payloads write one."""
    assignment_record = {"itemID": f"a{number}", "primaryIndicator": True, "hireDate": "2019-01-11",
                         "jobTitle": "Engineer" if boss else "CEO",
                         "assignmentStatus": {"statusCode": {"codeValue": assignment}}}
    if boss:
        who = ({"workerID": {"idValue": f"W{boss}"}} if boss_by == "workerID" else {"associateOID": f"G{boss}"})
        assignment_record["reportsTo"] = [who | {"reportsToWorkerName": {"formattedName": "Ana Lima"}}]
    dates = {"originalHireDate": "2019-01-11"} | ({"terminationDate": ended} if ended else {})
    return {"associateOID": f"G{number}", "workerID": {"idValue": f"W{number}"},
            "person": {"legalName": {"givenName": given, "familyName1": family,
                                     "formattedName": f"{family}, {given}"}},
            "businessCommunication": {"emails": [{"emailUri": f"{given.lower()}@acme.example"}]},
            "workerDates": dates, "workerStatus": {"statusCode": {"codeValue": status}},
            "workAssignments": [assignment_record]}


def test_adp_keeps_workers_on_leave_and_drops_terminated_ones(tmp_path):
    people = imported(tmp_path, "adp", {"workers": [
        adp_worker(1, "Ana", "Lima", "Active", "A"),
        adp_worker(2, "Bo", "Chen", "Inactive", "L", boss=1),
        adp_worker(3, "Cy", "Dee", "Active", "A", boss=1, boss_by="associateOID"),
        adp_worker(4, "Gil", "Ho", "Terminated", "T", boss=1, ended="2024-12-31"),
    ]})
    assert sorted(people) == ["W1", "W2", "W3"]
    assert people["W2"].reports_to == "W1" and people["W3"].reports_to == "W1"
    assert people["W2"].name == "Bo Chen"


def personio_employee(number, first, last, status, *, supervisor=None, hired="2012-02-01T00:00:00+0100",
                      ended=None):
    """An employee as Personio's personnel API returns one: every attribute a {label, value}."""
    attributes = {"id": {"label": "id", "value": number}, "first_name": {"label": "First name", "value": first},
                  "last_name": {"label": "Last name", "value": last},
                  "email": {"label": "Email", "value": f"{first.lower()}@acme.example"},
                  "position": {"label": "Position", "value": "Engineer" if supervisor else "CEO"},
                  "department": {"label": "Department",
                                 "value": {"type": "Department", "attributes": {"name": "Engineering"}}},
                  "status": {"label": "Status", "value": status},
                  "hire_date": {"label": "Hire date", "value": hired},
                  "termination_date": {"label": "Termination date"}}
    if ended:
        attributes["termination_date"]["value"] = ended
    if supervisor:
        sup_id, sup_email = supervisor
        attributes["supervisor"] = {"label": "Supervisor", "value": {"type": "Employee", "attributes": {
            "id": {"label": "id", "value": sup_id}, "email": {"label": "Email", "value": sup_email}}}}
    return {"type": "Employee", "attributes": attributes}


def test_personio_api_records_resolve_the_supervisor_object(tmp_path):
    people = imported(tmp_path, "personio", {"success": True, "data": [
        personio_employee(83752, "Ana", "Lima", "active"),
        personio_employee(83753, "Bo", "Chen", "active", supervisor=(83752, "ana@acme.example")),
        personio_employee(83754, "Cy", "Dee", "onboarding", supervisor=(None, "Bo@Acme.Example"),
                          hired="2025-09-01T00:00:00+0200"),
        personio_employee(83755, "Gil", "Ho", "inactive", supervisor=(83752, None),
                          ended="2024-12-31T00:00:00+0100"),
    ]})
    assert sorted(people) == ["83752", "83753", "83754"]
    assert people["83753"].reports_to == "83752"
    assert people["83754"].reports_to == "83753"
    assert people["83754"].hired == dt.date(2025, 9, 1)
    assert people["83752"].title == "CEO" and people["83753"].team == "engineering"


def test_google_dotted_line_manager_relations_become_dotted_lines(tmp_path):
    def user(email, given, manager=None, dotted=None):
        relations = [{"type": t, "value": v} for t, v in (("manager", manager), ("dotted_line_manager", dotted)) if v]
        return {"id": email.split("@")[0], "primaryEmail": email,
                "name": {"givenName": given, "familyName": "X", "fullName": f"{given} X"},
                "organizations": [{"title": "Engineer", "department": "R&D", "primary": True}],
                "relations": relations, "suspended": False}

    people = imported(tmp_path, "google", {"kind": "admin#directory#users", "users": [
        user("ana@acme.example", "Ana"), user("bo@acme.example", "Bo", "ana@acme.example"),
        user("cy@acme.example", "Cy", "ana@acme.example", dotted="bo@acme.example"),
    ]})
    assert people["cy@acme.example"].reports_to == "ana@acme.example"
    assert people["cy@acme.example"].dotted_to == ("bo@acme.example",)


def test_rippling_platform_api_employees_read_with_the_same_preset(tmp_path):
    def employee(eid, name, manager=None, state="ACTIVE", end=None):
        return {"id": eid, "name": name, "firstName": name.split()[0], "lastName": name.split()[1],
                "workEmail": f"{eid}@acme.example", "title": "Engineer" if manager else "CEO",
                "department": "Engineering", "manager": manager, "startDate": "2020-01-06", "endDate": end,
                "roleState": state}

    people = imported(tmp_path, "rippling", [
        employee("e1", "Ana Lima"), employee("e2", "Bo Chen", "e1"),
        employee("e3", "Gil Ho", "e1", "TERMINATED", "2024-12-31"),
    ])
    assert sorted(people) == ["e1", "e2"]
    assert people["e2"].reports_to == "e1" and people["e2"].team == "engineering"



def test_hibob_search_with_human_readable_appended_reads_names_not_list_ids(tmp_path):
    def employee(eid, first, title_id, title, manager=None, status="Active"):
        return {"id": eid, "firstName": first, "surname": "X", "displayName": f"{first} X",
                  "email": f"{first.lower()}@acme.example",
                  "work": {"title": title_id, "department": "dep-7", "startDate": "2020-01-06",
                           "reportsTo": {"id": manager} if manager else None},
                  "internal": {"status": status, "terminationDate": None if status == "Active" else "2024-12-31"},
                  "humanReadable": {"work": {"title": title, "department": "Engineering"}}}

    people = imported(tmp_path, "hibob", {"employees": [
        employee("301", "Ana", "253271839", "CEO"), employee("302", "Bo", "253271840", "CTO", "301"),
        employee("303", "Gil", "253271841", "Engineer", "302", status="Inactive"),
    ]})
    assert sorted(people) == ["301", "302"]
    assert (people["302"].title, people["302"].team, people["302"].reports_to) == ("CTO", "engineering", "301")


def test_workday_report_as_a_service_json_reads_the_manager_group(tmp_path):
    def entry(eid, name, title, org, manager=None, hired="2020-01-06", ended=None):
        record = {"Employee_ID": eid, "Name": name, "businessTitle": title, "Email_-_Work": f"{eid}@acme.example",
                  "Supervisory_Organization": org, "Hire_Date": hired}
        if manager:
            record["Worker_s_Manager_group"] = [{"Manager_ID": manager}]
        if ended:
            record["Termination_Date"] = ended
        return record

    people = imported(tmp_path, "workday", {"Report_Entry": [
        entry("emp001", "Ana Lima", "CEO", "Executive"),
        entry("emp002", "Bo Chen", "CTO", "Engineering", "emp001"),
        entry("emp003", "Cy Dee", "Engineering Manager", "Engineering", "emp002"),
        entry("emp004", "Gil Ho", "Software Engineer", "Engineering", "emp003", ended="2024-12-31"),
    ]})
    assert sorted(people) == ["emp001", "emp002", "emp003"]
    assert people["emp003"].reports_to == "emp002" and people["emp003"].title == "Engineering Manager"
    assert people["emp002"].team == "engineering"


def test_workday_team_id_and_name_columns_give_the_team_and_its_name(tmp_path):
    def worker(eid, name, team_id, team_name, manager=""):
        return {"Employee_ID": eid, "Full_Name": name, "Business_Title": "Engineer", "Start_Date": "2020-03-15",
                "Manager_ID": manager, "Team_ID": team_id, "Team_Name": team_name}

    org = imported_org(tmp_path, "workday", [worker("1", "Ana Lima", "T-EX", "Executive"),
                                             worker("2", "Bo Chen", "T-ENG", "Engineering", "1")])
    assert org["2"].team == "T-ENG" and org["2"].reports_to == "1"
    assert {t.id: t.name for t in org.teams.values()} == {"T-EX": "Executive", "T-ENG": "Engineering"}
