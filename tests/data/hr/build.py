"""Writes the HR export fixtures of this folder and the org each one must import as.

Run from the repository root: ``python tests/data/hr/build.py``. The exports
use each system's documented column names and carry the traps real exports
have (see README.md); the expected orgs are written from the ``TRUTH`` table
below, independently of orgmodel's reader.

Every fixture tells the same story, as of 2025-06-30: Ana Lima (CEO) leads
Bo Chen (CTO) and a product group; Cy Dee became Engineering Manager in July
2024 (an earlier row says Senior Software Engineer, a later one a promotion
due in 2026); Dan Eve and Eli O'Fox report to Cy; Gil Ho left in December
2024; Ivy Jo starts in September 2025; a Product Designer position is open
where the system records vacancies.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import yaml

HERE = Path(__file__).parent
AS_OF = "2025-06-30"

#: key: (name, title as expected, team, manager key, hired, status)
TRUTH = {
    "ceo": ("Ana Lima", "CEO", "Executive", None, "2019-01-15", "filled"),
    "cto": ("Bo Chen", "CTO", "Engineering", "ceo", "2020-03-15", "filled"),
    "em": ("Cy Dee", "Engineering Manager", "Engineering", "cto", "2021-04-01", "filled"),
    "eng1": ("Dan Eve", "Software Engineer", "Engineering", "em", None, "filled"),
    "eng2": ("Eli O'Fox", "Senior Software Engineer", "Engineering", "em", "2023-11-20", "filled"),
    "pm": ("Ivy Jo", "Product Manager", "Product", "ceo", "2025-09-01", "filled"),
    "req": (None, "Product Designer", "Product", "ceo", None, "open"),
}


def expected(system: str, ids: dict[str, str], *, keys=tuple(TRUTH), dated=True, names=None, titles=None) -> None:
    """Write ``system``.expected.yaml: TRUTH for ``keys`` with the system's ids (``dated``: the
    export has start dates; ``names``/``titles``: how this export spells them)."""
    teams = {}
    people = []
    for key in keys:
        name, title, team, manager, hired, status = TRUTH[key]
        name = (names or {}).get(key, name)
        title = (titles or {}).get(key, title)
        hired = hired if dated else None
        team_id = team.lower()
        teams[team_id] = {"name": team}
        entry = {"id": ids[key]}
        if name:
            entry["name"] = name
        entry["title"] = title
        if manager:
            entry["reports_to"] = ids[manager]
        entry["team"] = team_id
        if hired:
            entry["hired"] = hired
        if status == "open":
            entry["status"] = "open"
        people.append(entry)
    document = {"org": system, "as_of": AS_OF, "teams": teams, "people": people}
    text = "# The org tests/data/hr/" + system + ".* must import as (written by build.py from TRUTH).\n"
    (HERE / f"{system}.expected.yaml").write_text(text + yaml.safe_dump(document, sort_keys=False, allow_unicode=True),
                                                  encoding="utf-8")


def write_csv(name: str, header: list[str], rows: list[list], *, delimiter=",", bom=False, encoding="utf-8"):
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    data = out.getvalue().encode(encoding)
    (HERE / name).write_bytes((b"\xef\xbb\xbf" if bom else b"") + data)


def write_json(name: str, document) -> None:
    (HERE / name).write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def bamboohr() -> None:
    # A custom report with job-information history: one row per job change (Effective Date),
    # the supervisor as BambooHR writes it ("Last, First"), by email, or by employee number.
    # Dates in the US order, one as an Excel serial number; NULLs as text; a byte-order mark.
    header = ["id", "employeeNumber", "firstName", "lastName", "workEmail", "jobTitle", "department",
              "supervisorEId", "supervisorEmail", "supervisor", "hireDate", "terminationDate", "status",
              "Effective Date"]
    rows = [
        ["40", "E100", "Ana", "Lima", "ana.lima@acme.example", "CEO", "Executive", "NULL", "", "", "01/15/2019",
         "", "Active", "01/15/2019"],
        ["41", "E101", "Bo", "Chen", "bo.chen@acme.example", "CTO", "Engineering", "", "", "Lima, Ana",
         "03/15/2020", "", "Active", "03/15/2020"],
        ["42", "E102", "Cy", "Dee", "cy.dee@acme.example", "Senior Software Engineer", "Engineering", "E101", "",
         "", "44287", "", "Active", "04/01/2021"],
        ["42", "E102", "Cy", "Dee", "cy.dee@acme.example", "Engineering Manager", "Engineering", "",
         "BO.CHEN@ACME.EXAMPLE", "", "44287", "", "Active", "07/01/2024"],
        ["42", "E102", "Cy", "Dee", "cy.dee@acme.example", "Director of Engineering", "Engineering", "E101", "",
         "", "44287", "", "Active", "01/02/2026"],
        ["43", "E103", "Dan", "Eve", "dan.eve@acme.example", "<b>Software</b> Engineer", "Engineering", "E102",
         "", "", "NULL", "N/A", "Active", "-"],
        ["44", "E104", "Eli", "O'Fox", "eli.ofox@acme.example", "Senior Software Engineer", "Engineering", "",
         "cy.dee@acme.example", "", "11/20/2023", "", "Active", "11/20/2023"],
        ["45", "E105", "Gil", "Ho", "gil.ho@acme.example", "Software Engineer", "Engineering", "E102", "", "",
         "02/01/2022", "12/31/2024", "Inactive", "02/01/2022"],
        ["46", "E106", "Ivy", "Jo", "ivy.jo@acme.example", "Product Manager", "Product", "", "", "Lima, Ana",
         "09/01/2025", "", "Active", "09/01/2025"],
    ]
    write_csv("bamboohr.csv", header, rows, bom=True)
    expected("bamboohr", {k: f"E10{i}" for i, k in enumerate(["ceo", "cto", "em", "eng1", "eng2", "pm"])}
             | {"pm": "E106"}, keys=("ceo", "cto", "em", "eng1", "eng2", "pm"))


def workday() -> None:
    # A custom report on worker history: Effective_Date and Sequence order the rows; the manager
    # group's Manager_ID; an open position from Position_Status. Dates day-first (a European tenant).
    header = ["Employee_ID", "Worker", "Business_Title", "Supervisory_Organization", "Manager_ID", "Hire_Date",
              "Termination_Date", "Position_Status", "Effective_Date", "Sequence"]
    rows = [
        ["21001", "Ana Lima", "CEO", "Executive", "", "15/01/2019", "", "Filled", "15/01/2019", "1"],
        ["21002", "Bo Chen", "CTO", "Engineering", "21001", "15/03/2020", "", "Filled", "15/03/2020", "1"],
        ["21003", "Cy Dee", "Senior Software Engineer", "Engineering", "21002", "01/04/2021", "", "Filled",
         "01/04/2021", "1"],
        ["21003", "Cy Dee", "Senior Engineering Manager", "Engineering", "21002", "01/04/2021", "", "Filled",
         "01/07/2024", "1"],
        ["21003", "Cy Dee", "Engineering Manager", "Engineering", "21002", "01/04/2021", "", "Filled",
         "01/07/2024", "2"],
        ["21004", "Dan Eve", "Software Engineer", "Engineering", "21003", "", "", "Filled", "", ""],
        ["21005", "Eli O'Fox", "Senior Software Engineer", "Engineering", "21003", "20/11/2023", "", "Filled",
         "20/11/2023", "1"],
        ["21006", "Gil Ho", "Software Engineer", "Engineering", "21003", "01/02/2022", "31/12/2024", "Terminated",
         "31/12/2024", "1"],
        ["21007", "Ivy Jo", "Product Manager", "Product", "21001", "01/09/2025", "", "Filled", "01/09/2025", "1"],
        ["P-0042", "", "Product Designer", "Product", "21001", "", "", "Open", "", ""],
    ]
    write_csv("workday.csv", header, rows)
    ids = dict(zip(["ceo", "cto", "em", "eng1", "eng2"], ["21001", "21002", "21003", "21004", "21005"],
                   strict=True)) | {"pm": "21007", "req": "P-0042"}
    expected("workday", ids)


def history() -> None:
    # No preset: common header names. Each row has its own Record ID; people are named by
    # Employee Number (--person-key), and a manager column that points at the manager's
    # *earlier* record (Dan's manager is Cy's 2021 row, R3).
    header = ["Record ID", "Employee Number", "Full Name", "Job Title", "Department", "Manager", "Start Date",
              "End Date", "Effective Date"]
    rows = [
        ["R1", "100", "Ana Lima", "CEO", "Executive", "", "2019-01-15", "", "2019-01-15"],
        ["R2", "101", "Bo Chen", "CTO", "Engineering", "R1", "2020-03-15", "", "2020-03-15"],
        ["R3", "102", "Cy Dee", "Senior Software Engineer", "Engineering", "R2", "2021-04-01", "", "2021-04-01"],
        ["R4", "103", "Dan Eve", "Software Engineer", "Engineering", "R3", "", "", ""],
        ["R5", "104", "Eli O'Fox", "Senior Software Engineer", "Engineering", "R9", "2023-11-20", "", "2023-11-20"],
        ["R6", "105", "Gil Ho", "Software Engineer", "Engineering", "R3", "2022-02-01", "2024-12-31", "2022-02-01"],
        ["R7", "106", "Ivy Jo", "Product Manager", "Product", "Ana Lima", "2025-09-01", "", "2025-09-01"],
        ["R8", "REQ-7", "", "Product Designer", "Product", "R1", "", "", ""],
        ["R9", "102", "Cy Dee", "Engineering Manager", "Engineering", "R2", "2021-04-01", "", "2024-07-01"],
    ]
    write_csv("history.csv", header + ["Status"], [r + (["Open"] if r[1] == "REQ-7" else ["Active"]) for r in rows])
    ids = dict(zip(["ceo", "cto", "em", "eng1", "eng2", "pm", "req"],
                   ["100", "101", "102", "103", "104", "106", "REQ-7"], strict=True))
    expected("history", ids)


def personio() -> None:
    # The XLSX-to-CSV export of a German account: semicolons, day-first dates with dots,
    # Windows-1252 text (the apostrophe in O'Fox is a typographic one), supervisor by id.
    header = ["ID", "First name", "Last name", "Position", "Department", "Supervisor ID", "Hire date",
              "Termination date", "Status"]
    rows = [
        ["1", "Ana", "Lima", "CEO", "Executive", "", "15.01.2019", "", "active"],
        ["2", "Bo", "Chen", "CTO", "Engineering", "1", "15.03.2020", "", "active"],
        ["3", "Cy", "Dee", "Engineering Manager", "Engineering", "2", "01.04.2021", "", "active"],
        ["4", "Dan", "Eve", "Software Engineer", "Engineering", "3", "", "", "active"],
        ["5", "Eli", "O\u2019Fox", "Senior Software Engineer", "Engineering", "3", "20.11.2023", "", "active"],
        ["6", "Gil", "Ho", "Software Engineer", "Engineering", "3", "01.02.2022", "31.12.2024", "inactive"],
        ["7", "Ivy", "Jo", "Product Manager", "Product", "1", "01.09.2025", "", "onboarding"],
    ]
    write_csv("personio.csv", header, rows, delimiter=";", encoding="cp1252")
    ids = {k: str(i) for i, k in enumerate(["ceo", "cto", "em", "eng1", "eng2"], start=1)} | {"pm": "7"}
    expected("personio", ids, keys=("ceo", "cto", "em", "eng1", "eng2", "pm"), names={"eng2": "Eli O\u2019Fox"})


def hibob() -> None:
    # POST /v1/people/search: one nested record per person under "employees"; the manager
    # by work.reportsTo.id, or only by its email.
    def person(pid, first, last, title, dept, boss=None, boss_email=None, start=None, status="Active", end=None):
        work = {"title": title, "department": dept, "startDate": start}
        if boss or boss_email:
            work["reportsTo"] = {k: v for k, v in (("id", boss), ("email", boss_email)) if v}
        return {"id": pid, "firstName": first, "surname": last, "displayName": f"{first} {last}",
                "email": f"{first.lower()}@acme.example", "work": work,
                "internal": {"status": status, "terminationDate": end}}

    write_json("hibob.json", {"employees": [
        person("3332883884017713238", "Ana", "Lima", "CEO", "Executive", start="2019-01-15"),
        person("3332883884017713239", "Bo", "Chen", "CTO", "Engineering", "3332883884017713238",
               start="2020-03-15"),
        person("3332883884017713240", "Cy", "Dee", "Engineering Manager", "Engineering",
               boss_email="bo@acme.example", start="2021-04-01T00:00:00"),
        person("3332883884017713241", "Dan", "Eve", "Software Engineer &amp; Mentor", "Engineering",
               "3332883884017713240"),
        person("3332883884017713242", "Eli", "O'Fox", "Senior Software Engineer", "Engineering",
               "3332883884017713240", start="2023-11-20"),
        person("3332883884017713243", "Gil", "Ho", "Software Engineer", "Engineering", "3332883884017713240",
               start="2022-02-01", status="Inactive", end="2024-12-31"),
        person("3332883884017713244", "Ivy", "Jo", "Product Manager", "Product", "3332883884017713238",
               start="2025-09-01"),
    ]})
    ids = {k: str(3332883884017713238 + i) for i, k in enumerate(["ceo", "cto", "em", "eng1", "eng2"])}
    ids["pm"] = "3332883884017713244"
    expected("hibob", ids, keys=("ceo", "cto", "em", "eng1", "eng2", "pm"),
             titles={"eng1": "Software Engineer & Mentor"})


def google() -> None:
    # Directory API users.list: the id is the primary email; the manager a relation of type
    # "manager" holding the manager's email; titles in organizations[0].
    def user(number, email, given, family, title, dept, manager=None, suspended=False):
        record = {"id": f"10448201{number:04d}", "primaryEmail": email,
                  "name": {"givenName": given, "familyName": family, "fullName": f"{given} {family}"},
                  "suspended": suspended, "organizations": [{"title": title, "department": dept, "primary": True}]}
        if manager:
            record["relations"] = [{"value": manager, "type": "manager"}]
        return record

    write_json("google.json", {"kind": "admin#directory#users", "users": [
        user(1, "ana@acme.example", "Ana", "Lima", "CEO", "Executive"),
        user(2, "bo@acme.example", "Bo", "Chen", "CTO", "Engineering", "ana@acme.example"),
        user(3, "cy@acme.example", "Cy", "Dee", "Engineering Manager", "Engineering", "Bo@Acme.Example"),
        user(4, "dan@acme.example", "Dan", "Eve", "Software Engineer", "Engineering", "cy@acme.example"),
        user(5, "eli@acme.example", "Eli", "O'Fox", "Senior Software Engineer", "Engineering", "cy@acme.example"),
        user(6, "gil@acme.example", "Gil", "Ho", "Software Engineer", "Engineering", "cy@acme.example", True),
    ]})
    ids = {k: f"{n}@acme.example" for k, n in (("ceo", "ana"), ("cto", "bo"), ("em", "cy"), ("eng1", "dan"),
                                                ("eng2", "eli"))}
    expected("google", ids, keys=tuple(ids), dated=False)


def ldap() -> None:
    # ldapsearch output converted to TSV: the manager is a distinguished name, escaped
    # commas included; disabled accounts (userAccountControl 514) are leavers.
    header = ["dn", "sAMAccountName", "cn", "givenName", "sn", "mail", "title", "department", "manager",
              "userAccountControl"]
    base = "OU=Staff,DC=acme,DC=example"
    rows = [
        [f"CN=Lima\\, Ana,{base}", "alima", "Lima, Ana", "Ana", "Lima", "ana@acme.example", "CEO", "Executive", "",
         "512"],
        [f"CN=Chen\\, Bo,{base}", "bchen", "Chen, Bo", "Bo", "Chen", "bo@acme.example", "CTO", "Engineering",
         f"CN=Lima\\, Ana,{base}", "512"],
        [f"CN=Dee\\, Cy,{base}", "cdee", "Dee, Cy", "Cy", "Dee", "cy@acme.example", "Engineering Manager",
         "Engineering", "cn=Chen\\, Bo, ou=Staff, dc=acme, dc=example", "512"],
        [f"CN=Eve\\, Dan,{base}", "deve", "Eve, Dan", "Dan", "Eve", "dan@acme.example", "Software Engineer",
         "Engineering", f"CN=Dee\\, Cy,{base}", "512"],
        [f"CN=O'Fox\\, Eli,{base}", "eli.o'fox", "O'Fox, Eli", "Eli", "O'Fox", "eli@acme.example",
         "Senior Software Engineer", "Engineering", f"CN=Dee\\, Cy,{base}", "66048"],
        [f"CN=Ho\\, Gil,{base}", "gho", "Ho, Gil", "Gil", "Ho", "gil@acme.example", "Software Engineer",
         "Engineering", f"CN=Dee\\, Cy,{base}", "514"],
    ]
    write_csv("ldap.tsv", header, rows, delimiter="\t")
    ids = {"ceo": "alima", "cto": "bchen", "em": "cdee", "eng1": "deve", "eng2": "eli.o'fox"}
    expected("ldap", ids, keys=tuple(ids), dated=False,
             names={"ceo": "Lima, Ana", "cto": "Chen, Bo", "em": "Dee, Cy", "eng1": "Eve, Dan", "eng2": "O'Fox, Eli"})


def adp() -> None:
    # An XLSX report from ADP Workforce Now: real Excel dates, ids Excel stored as numbers,
    # the manager by Reports To Associate ID or only by the formatted name "Last, First".
    import datetime as dt

    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "Workers"
    sheet.append(["Associate ID", "Legal First Name", "Legal Last Name", "Job Title Description",
                  "Home Department Description", "Reports To Associate ID", "Reports To Name", "Hire Date",
                  "Termination Date", "Position Status"])
    d = dt.datetime
    for row in [
        [9001, "Ana", "Lima", "CEO", "Executive", None, None, d(2019, 1, 15), None, "Active"],
        [9002, "Bo", "Chen", "CTO", "Engineering", None, "Lima, Ana", d(2020, 3, 15), None, "Active"],
        [9003, "Cy", "Dee", "Engineering Manager", "Engineering", 9002, "Chen, Bo", 44287, None, "Active"],
        [9004, "Dan", "Eve", "Software Engineer", "Engineering", 9003, None, None, None, "Active"],
        [9005, "Eli", "O'Fox", "Senior Software Engineer", "Engineering", 9003, None, "11/20/2023", None, "Active"],
        [9006, "Gil", "Ho", "Software Engineer", "Engineering", 9003, None, d(2022, 2, 1), d(2024, 12, 31),
         "Terminated"],
        [9007, "Ivy", "Jo", "Product Manager", "Product", 9001, None, d(2025, 9, 1), None, "Active"],
    ]:
        sheet.append(row)
    book.save(HERE / "adp.xlsx")
    ids = {k: str(9001 + i) for i, k in enumerate(["ceo", "cto", "em", "eng1", "eng2"])} | {"pm": "9007"}
    expected("adp", ids, keys=("ceo", "cto", "em", "eng1", "eng2", "pm"))


def simple_json(system: str, records: list, ids: dict, *, wrap: str | None = None, dated=True, keys=None) -> None:
    write_json(f"{system}.json", {wrap: records} if wrap else records)
    expected(system, ids, keys=keys or ("ceo", "cto", "em", "eng1", "eng2", "pm"), dated=dated)


def rippling() -> None:
    def w(pid, first, last, title, dept, boss=None, start=None, status="ACTIVE", end=None):
        return {"id": pid, "user_id": "u" + pid, "work_email": f"{first.lower()}@acme.example",
                "user": {"name": {"given_name": first, "family_name": last}}, "title": title,
                "department": {"name": dept}, "manager_id": boss, "start_date": start, "end_date": end,
                "status": status}

    recs = [w("w1", "Ana", "Lima", "CEO", "Executive", start="2019-01-15"),
            w("w2", "Bo", "Chen", "CTO", "Engineering", "w1", "2020-03-15"),
            w("w3", "Cy", "Dee", "Engineering Manager", "Engineering", "w2", "2021-04-01"),
            w("w4", "Dan", "Eve", "Software Engineer", "Engineering", "w3"),
            w("w5", "Eli", "O'Fox", "Senior Software Engineer", "Engineering", "uw3", "2023-11-20"),
            w("w6", "Gil", "Ho", "Software Engineer", "Engineering", "w3", "2022-02-01", "TERMINATED", "2024-12-31"),
            w("w7", "Ivy", "Jo", "Product Manager", "Product", "w1", "2025-09-01")]
    ids = {k: f"w{i}" for i, k in enumerate(["ceo", "cto", "em", "eng1", "eng2"], start=1)} | {"pm": "w7"}
    simple_json("rippling", recs, ids, wrap="results")


def deel() -> None:
    # GET /rest/v2/people (Deel's OpenAPI schema Employee): work email in emails[] of {type, value},
    # the direct manager as an object holding its id, worker_id and work_email (Cy's only by
    # email, in another case); a leaver is hiring_status "inactive" with termination_last_day.
    def p(number, name, title, dept, boss=None, boss_worker=None, boss_email=None, start=None, status="active",
          end=None):
        first, last = name.split(maxsplit=1)
        manager = {k: v for k, v in (("id", boss), ("worker_id", boss_worker), ("work_email", boss_email)) if v}
        return {"id": f"d{number}", "worker_id": 500 + number, "full_name": name, "first_name": first,
                "last_name": last, "emails": [{"type": "personal", "value": f"{first.lower()}@home.example"},
                                              {"type": "work", "value": f"{first.lower()}@acme.example"}],
                "job_title": title, "department": {"id": f"dep-{dept.lower()}", "name": dept},
                "direct_manager": manager or None, "start_date": start, "termination_last_day": end,
                "hiring_status": status, "state": "Active" if status == "active" else "Inactive"}

    recs = [p(1, "Ana Lima", "CEO", "Executive", start="2019-01-15"),
            p(2, "Bo Chen", "CTO", "Engineering", "d1", start="2020-03-15"),
            p(3, "Cy Dee", "Engineering Manager", "Engineering", boss_email="Bo@Acme.Example", start="2021-04-01"),
            p(4, "Dan Eve", "Software Engineer", "Engineering", "d3"),
            p(5, "Eli O'Fox", "Senior Software Engineer", "Engineering", "d3", 503, "cy@acme.example", "2023-11-20"),
            p(6, "Gil Ho", "Software Engineer", "Engineering", "d3", start="2022-02-01", status="inactive",
              end="2024-12-31"),
            p(7, "Ivy Jo", "Product Manager", "Product", "d1", start="2025-09-01", status="onboarding")]
    ids = {k: f"d{i}" for i, k in enumerate(["ceo", "cto", "em", "eng1", "eng2"], start=1)} | {"pm": "d7"}
    simple_json("deel", recs, ids, wrap="data")


def okta() -> None:
    def u(uid, number, first, last, title, dept, boss=None, boss_name=None, status="ACTIVE"):
        return {"id": uid, "status": status, "profile": {
            "login": f"{first.lower()}@acme.example", "email": f"{first.lower()}@acme.example",
            "firstName": first, "lastName": last, "displayName": f"{first} {last}", "employeeNumber": number,
            "title": title, "department": dept, "managerId": boss, "manager": boss_name}}

    recs = [u("00u1", "100", "Ana", "Lima", "CEO", "Executive"),
            u("00u2", "101", "Bo", "Chen", "CTO", "Engineering", "100"),
            u("00u3", "102", "Cy", "Dee", "Engineering Manager", "Engineering", boss_name="Bo Chen"),
            u("00u4", "103", "Dan", "Eve", "Software Engineer", "Engineering", "102"),
            u("00u5", "104", "Eli", "O'Fox", "Senior Software Engineer", "Engineering", "00u3"),
            u("00u6", "105", "Gil", "Ho", "Software Engineer", "Engineering", "102", status="DEPROVISIONED")]
    ids = {k: str(100 + i) for i, k in enumerate(["ceo", "cto", "em", "eng1", "eng2"])}
    simple_json("okta", recs, ids, dated=False, keys=("ceo", "cto", "em", "eng1", "eng2"))


def entra() -> None:
    # GET /users?$expand=manager($select=id,userPrincipalName): the manager as an object.
    def u(oid, upn, first, last, title, dept, boss=None, enabled=True, hired=None):
        record = {"id": oid, "userPrincipalName": upn, "displayName": f"{first} {last}", "givenName": first,
                  "surname": last, "mail": upn, "jobTitle": title, "department": dept, "accountEnabled": enabled,
                  "employeeHireDate": hired}
        if boss:
            record["manager"] = {"@odata.type": "#microsoft.graph.user", "id": boss}
        return record

    recs = [u("a1", "ana@acme.example", "Ana", "Lima", "CEO", "Executive", hired="2019-01-15T00:00:00Z"),
            u("b2", "bo@acme.example", "Bo", "Chen", "CTO", "Engineering", "a1", hired="2020-03-15T00:00:00Z"),
            u("c3", "cy@acme.example", "Cy", "Dee", "Engineering Manager", "Engineering", "b2",
              hired="2021-04-01T08:00:00Z"),
            u("d4", "dan@acme.example", "Dan", "Eve", "Software Engineer", "Engineering", "c3"),
            u("e5", "eli@acme.example", "Eli", "O'Fox", "Senior Software Engineer", "Engineering", "c3",
              hired="2023-11-20T00:00:00Z"),
            u("f6", "gil@acme.example", "Gil", "Ho", "Software Engineer", "Engineering", "c3", enabled=False),
            u("g7", "ivy@acme.example", "Ivy", "Jo", "Product Manager", "Product", "a1", hired="2025-09-01T00:00:00Z")]
    ids = {k: f"{n}@acme.example" for k, n in (("ceo", "ana"), ("cto", "bo"), ("em", "cy"), ("eng1", "dan"),
                                                ("eng2", "eli"), ("pm", "ivy"))}
    simple_json("entra", recs, ids, wrap="value")


def gusto() -> None:
    # GET /v1/companies/{company_id}/employees: manager_id is the manager's numeric id, titles and
    # hire dates sit in jobs[], a leaver has terminated: true and a termination record.
    def e(number, first, last, title, dept, boss=None, hired=None, end=None):
        return {"id": 7000 + number, "uuid": f"0b6e4a1c-0000-4000-8000-00000000000{number}", "first_name": first,
                "last_name": last, "email": f"{first.lower()}@acme.example", "department": dept, "manager_id": boss,
                "terminated": end is not None, "jobs": [{"title": title, "hire_date": hired, "primary": True}],
                "terminations": [{"effective_date": end}] if end else []}

    recs = [e(1, "Ana", "Lima", "CEO", "Executive", hired="2019-01-15"),
            e(2, "Bo", "Chen", "CTO", "Engineering", 7001, "2020-03-15"),
            e(3, "Cy", "Dee", "Engineering Manager", "Engineering", 7002, "2021-04-01"),
            e(4, "Dan", "Eve", "Software Engineer", "Engineering", 7003),
            e(5, "Eli", "O'Fox", "Senior Software Engineer", "Engineering", 7003, "2023-11-20"),
            e(6, "Gil", "Ho", "Software Engineer", "Engineering", 7003, "2022-02-01", "2024-12-31"),
            e(7, "Ivy", "Jo", "Product Manager", "Product", 7001, "2025-09-01")]
    ids = {k: str(7000 + i) for i, k in enumerate(["ceo", "cto", "em", "eng1", "eng2"], start=1)} | {"pm": "7007"}
    simple_json("gusto", recs, ids)


if __name__ == "__main__":
    for build in (bamboohr, workday, history, personio, hibob, google, ldap, adp, rippling, deel, okta, entra,
                  gusto):
        build()
