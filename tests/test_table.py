"""The HR export reader: values, positions, history, manager resolution, every problem at FILE:ROW:COL."""

from __future__ import annotations

import datetime as dt

import pytest
import yaml
from click.testing import CliRunner

from orgmodel import OrgInputError, check, load
from orgmodel.cli import main
from orgmodel.sources import TableOptions


def write(tmp_path, name: str, content: str | bytes):
    path = tmp_path / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return path


def problems(path, **options) -> list[str]:
    with pytest.raises(OrgInputError) as info:
        load(path, as_of=dt.date(2025, 6, 30), table=TableOptions(**options))
    return [str(p) for p in info.value.problems]


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


HEADER = "id,name,title,manager,start date\n"


def test_every_problem_at_its_row_and_column_all_at_once(tmp_path):
    path = write(tmp_path, "people.csv", HEADER + "1,Ana Lima,CEO,,2020-01-01\n"
                                                  "2,Bo Chen,,1,soon\n"
                                                  ",Cy Dee,Engineer,1,\n")
    assert problems(path) == [
        f"{path}:3:5: column 'start date': 'soon' is not a date (use ISO 2025-03-01, dd/mm/yyyy, mm/dd/yyyy or "
        "an Excel date)",
        f"{path}:4:1: this row has no person id",
    ]


def test_a_row_with_neither_title_nor_role_is_checked_with_the_rest(tmp_path):
    path = write(tmp_path, "people.csv", HEADER + "1,Ana Lima,CEO,,2020-01-01\n2,Bo Chen,,1,2021-01-01\n")
    result = run("check", "--isolated", "--select", "ORG005", path)
    assert result.exit_code == 0, result.stderr
    assert f"{path}:3:1: ORG005 [warning] Bo Chen (2) has no role or title" in result.stdout


def test_bad_rows_write_nothing_and_exit_2(tmp_path):
    path = write(tmp_path, "people.csv", HEADER + "1,Ana,CEO,,31/31/2020\n")
    out = write(tmp_path, "org.yaml", "old")
    result = run("import", path, "-o", out)
    assert result.exit_code == 2
    assert result.stderr.startswith(f"{path}:2:5: column 'start date': '31/31/2020'")
    assert out.read_text() == "old"


def test_ambiguous_day_month_order_asks_for_date_format(tmp_path):
    path = write(tmp_path, "people.csv", HEADER + "1,Ana,CEO,,03/04/2020\n2,Bo,CTO,1,05/06/2021\n")
    assert problems(path) == [f"{path}:2:5: column 'start date' has dates like '03/04/2020' that read as "
                              "dd/mm/yyyy or as mm/dd/yyyy, and no day over 12 settles which: pass --date-format "
                              "dd/mm/yyyy or --date-format mm/dd/yyyy"]
    org = load(path, table=TableOptions(date_format="dd/mm/yyyy"))
    assert org["1"].hired == dt.date(2020, 4, 3)
    assert load(path, table=TableOptions(date_format="mm/dd/yyyy"))["1"].hired == dt.date(2020, 3, 4)


@pytest.mark.parametrize("cells, expected", [
    (["13/04/2020", "03/04/2021"], [dt.date(2020, 4, 13), dt.date(2021, 4, 3)]),  # a day over 12: day first
    (["04/13/2020", "03/04/2021"], [dt.date(2020, 4, 13), dt.date(2021, 3, 4)]),  # month first
    (["2020-04-13T09:30:00Z", "44287"], [dt.date(2020, 4, 13), dt.date(2021, 4, 1)]),  # timestamp, Excel serial
    (["13.04.2020", "NULL"], [dt.date(2020, 4, 13), None]),
])
def test_date_forms_become_dates(tmp_path, cells, expected):
    path = write(tmp_path, "people.csv", HEADER + f"1,Ana,CEO,,{cells[0]}\n2,Bo,CTO,1,{cells[1]}\n")
    org = load(path, as_of=dt.date(2030, 1, 1))
    assert [org["1"].hired, org["2"].hired] == expected


def test_timestamps_keep_the_date_with_a_note(tmp_path):
    path = write(tmp_path, "people.csv", HEADER + "1,Ana,CEO,,2020-04-13T09:30:00Z\n")
    assert [str(w) for w in load(path).warnings] == [
        f"{path}:2:5: warning: column 'start date' holds timestamps: orgmodel keeps their date part"]


def test_mixed_day_and_month_first_dates_are_an_error(tmp_path):
    path = write(tmp_path, "people.csv", HEADER + "1,Ana,CEO,,13/04/2020\n2,Bo,CTO,1,04/13/2021\n")
    assert problems(path) == [f"{path}:3:5: column 'start date' mixes day-first dates ('13/04/2020') and "
                              "month-first dates ('04/13/2021'); make them one format in the export"]


def test_managers_by_id_email_either_name_order_and_dn(tmp_path):
    path = write(tmp_path, "people.csv",
                 "Employee ID,Full Name,Work Email,DN,Job Title,Reports To\n"
                 "a1,Ana Lima,Ana@Acme.example,\"CN=Lima\\, Ana,OU=Staff\",CEO,\n"
                 "b2,Bo Chen,bo@acme.example,,CTO,\"Lima, Ana\"\n"
                 "c3,Cy Dee,,,Engineering Manager,ANA@ACME.EXAMPLE\n"
                 "d4,Dan Eve,,,Engineer,bo chen\n"
                 "e5,Eli Fox,,,Engineer,\"cn=Lima\\, Ana, ou=Staff\"\n"
                 "f6,Fay Go,,,Engineer,CN=Cy Dee\\,OU=Staff\n"
                 "g7,Gus Ho,,,Engineer,b2\n"
                 "h8,Hal Ix,,,Engineer,Nobody Here\n")
    org = load(path)
    assert {p.id: p.reports_to for p in org} == {"a1": None, "b2": "a1", "c3": "a1", "d4": "b2", "e5": "a1",
                                                 "f6": "c3", "g7": "b2", "h8": "Nobody Here"}


def test_a_manager_not_in_the_file_is_a_finding_at_the_row(tmp_path):
    path = write(tmp_path, "people.csv", "title,id,manager\nCEO,a,\nEngineer,b,zz\n")
    findings = [f for f in check(load(path)) if f.code == "ORG001"]
    assert [(f.file, f.line, f.column, f.person) for f in findings] == [(str(path), 3, 2, "b")]


def test_a_name_matching_two_people_lists_both_rows(tmp_path):
    path = write(tmp_path, "people.csv", "id,name,title,manager\n1,Sam Lee,CEO,\n2,Sam Lee,CTO,1\n3,Al Bo,Engineer,"
                                         "\"Lee, Sam\"\n")
    assert problems(path) == [f"{path}:4:4: manager 'Lee, Sam' matches 2 people: '1' (row 2) and '2' (row 3); "
                              "name the manager by id or email"]


def test_history_rows_the_row_in_force_wins_and_any_row_id_names_the_person(tmp_path):
    path = write(tmp_path, "history.csv",
                 "Row,Person,Title,Manager,Effective Date,Sequence\n"
                 "r1,P1,CEO,,2019-01-01,1\n"
                 "r2,P2,Engineer,r1,2020-01-01,1\n"
                 "r3,P2,Senior Engineer,r1,2024-01-01,1\n"
                 "r4,P2,Staff Engineer,r1,2024-01-01,2\n"
                 "r5,P2,Principal Engineer,r1,2026-01-01,1\n"
                 "r6,P3,Engineer,r2,2021-01-01,1\n")
    org = load(path, as_of=dt.date(2025, 6, 30), table=TableOptions(mapping=(("id", "Row"),), person_key="Person"))
    assert [(p.id, p.title, p.reports_to, p.line) for p in org] == [
        ("P1", "CEO", None, 2), ("P2", "Staff Engineer", "P1", 5), ("P3", "Engineer", "P2", 7)]


def test_duplicate_ids_without_history_columns_are_an_error(tmp_path):
    path = write(tmp_path, "people.csv", "id,title\n1,CEO\n1,CTO\n")
    assert problems(path) == [f"{path}:3:1: duplicate person id '1' (first at row 2); if the file holds several "
                              "rows per person, map their effective date (--map effective=COLUMN) or name the "
                              "person column with --person-key"]


def test_leavers_future_starters_and_vacancies(tmp_path):
    path = write(tmp_path, "people.csv", "id,title,manager,hire date,termination date,status\n"
                                         "1,CEO,,2019-01-01,,Active\n"
                                         "2,Engineer,1,2020-01-01,2025-06-30,Active\n"
                                         "3,Engineer,1,2020-01-01,2025-07-01,Active\n"
                                         "4,Engineer,1,2020-01-01,,Terminated\n"
                                         "5,Engineer,1,2025-09-01,,Active\n"
                                         "6,Designer,1,,,Open Requisition\n")
    org = load(path, as_of=dt.date(2025, 6, 30))
    assert [p.id for p in org] == ["1", "3", "5", "6"]
    assert org.is_planned(org["5"]) and org["6"].is_open
    kept = load(path, as_of=dt.date(2025, 6, 30), table=TableOptions(keep_leavers=True))
    assert [p.id for p in kept] == ["1", "2", "3", "4", "5", "6"]


def test_missing_values_html_titles_and_ids_kept_as_written(tmp_path):
    path = write(tmp_path, "people.csv", "id,name,title,manager\n"
                                         "bradyo'dowd,Brady O'Dowd,<p>Chief Executive&nbsp;Officer</p>,N/A\n"
                                         "emp/42 x,-,Head of R&amp;D <br/>,bradyo'dowd\n")
    org = load(path)
    assert [(p.id, p.name, p.title, p.reports_to) for p in org] == [
        ("bradyo'dowd", "Brady O'Dowd", "Chief Executive Officer", None),
        ("emp/42 x", "emp/42 x", "Head of R&D", "bradyo'dowd")]
    assert org["bradyo'dowd"].role.id == "ceo"


@pytest.mark.parametrize("encoding, prefix", [("utf-16", b""), ("utf-8", b"\xef\xbb\xbf"), ("utf-16-le", b""),
                                              ("utf-16-be", b"")])
def test_byte_order_marks_and_utf16_with_or_without_one(tmp_path, encoding, prefix):
    path = write(tmp_path, "people.csv", prefix + "id\tname\ttitle\n1\tJosé Müller\tCEO\n".encode(encoding))
    org = load(path)
    assert org["1"].name == "José Müller" and not org.warnings


def test_other_encodings_are_read_with_a_warning_naming_them(tmp_path):
    path = write(tmp_path, "people.csv", "id;name;title\n1;José Müller;CEO\n".encode("cp1252"))
    org = load(path)
    assert org["1"].name == "José Müller"
    assert [str(w) for w in org.warnings] == [
        f"{path}:1:1: warning: the file is not UTF-8; read it as cp1252 (Windows Western European): check that "
        "names look right, or save the export as UTF-8"]


def test_json_records_point_at_their_line(tmp_path):
    path = write(tmp_path, "people.json", '{"employees": [\n  {"id": "a", "work": {"title": "CEO"}},\n'
                                          '  {"id": "b", "work": {"title": "Engineer", "reportsTo": {"id": "zz"}}}\n'
                                          "]}\n")
    org = load(path, table=TableOptions(preset="hibob"))
    assert [(p.id, p.title, p.reports_to, p.line, p.column) for p in org] == [
        ("a", "CEO", None, 2, 3), ("b", "Engineer", "zz", 3, 3)]


def test_map_overrides_the_preset_and_show_mapping_says_why(tmp_path):
    path = write(tmp_path, "export.csv", "employeeNumber,jobTitle,Line Manager,supervisorEId,Cost Centre\n1,CEO,,,\n")
    result = run("import", "--show-mapping", "--from", "bamboohr", "--map", "manager=line manager", path)
    assert result.exit_code == 0
    lines = [" ".join(line.split()) for line in result.stdout.splitlines()]
    assert "id <- column 1 'employeeNumber' (--from bamboohr)" in lines
    assert "manager <- column 3 'Line Manager' (--map)" in lines
    assert "department (no column)" in lines
    assert "not used: 'supervisorEId', 'Cost Centre'" in lines
    assert not list(tmp_path.glob("*.yaml"))


@pytest.mark.parametrize("args, message", [
    (["--map", "boss=Manager"], "--map boss=Manager: unknown field 'boss'; fields are: id, alt_id,"),
    (["--map", "manager=Boss"], "--map manager=Boss: the file has no column 'Boss' (columns: 'id', 'title')"),
    (["--person-key", "Worker"], "--person-key Worker: the file has no column 'Worker'"),
])
def test_options_naming_missing_columns_are_input_errors(tmp_path, args, message):
    path = write(tmp_path, "people.csv", "id,title\n1,CEO\n")
    result = run("check", path, *args)
    assert result.exit_code == 2
    assert result.stderr.startswith(f"{path}:1:1: {message}")


def test_a_file_without_id_or_title_columns_says_how_to_map_them(tmp_path):
    path = write(tmp_path, "people.csv", "who,what\n1,CEO\n")
    assert problems(path) == [
        f"{path}:1:1: no column gives the person id (columns: 'who', 'what'); name it with --map id=COLUMN, or "
        "pick the HR system with --from",
        f"{path}:1:1: no column gives the job title (columns: 'who', 'what'); name it with --map title=COLUMN"]


HOSTILE = ["yes", "~", "1e3", "a: b", "#x", "'q'", '"dq"', "- dash", "ünï 名前", "trailing ", "x\\y", "@at", "*star"]


def test_any_text_round_trips_through_the_written_org_file(tmp_path):
    rows = ["id,name,title,manager,department"]
    for index, text in enumerate(HOSTILE):
        quoted = '"' + text.replace('"', '""') + '"'
        manager = '""' if index == 0 else '"' + HOSTILE[0] + '"'
        rows.append(f"{quoted},{quoted},{'CEO' if index == 0 else 'Engineer ' + quoted},{manager},{quoted}")
    path = write(tmp_path, "people.csv", "\n".join(rows) + "\n")
    source = load(path)
    for nested in (False, True):
        out = tmp_path / f"org{nested}.yaml"
        assert run("import", path, "-o", out, *(["--nested"] if nested else [])).exit_code == 0
        written = load(out)
        assert [(p.id, p.name, p.title, p.reports_to, p.team) for p in written] == \
               [(p.id, p.name, p.title, p.reports_to, p.team) for p in source]
        assert {t.id: t.name for t in written.teams.values()} == {t.id: t.name for t in source.teams.values()}
        yaml.safe_load(out.read_text(encoding="utf-8"))


def test_findings_point_at_the_row_in_every_report_format(tmp_path):
    path = write(tmp_path, "people.csv", "title,id,manager\nCEO,a,\nEngineer,b,zz\n")
    text = run("check", path, "--isolated").stdout
    assert f"{path}:3:2: ORG001" in text
    github = run("check", path, "--isolated", "--format", "github").stdout
    assert f"file={path},line=3,col=2," in github
    sarif = run("check", path, "--isolated", "--format", "sarif").stdout
    assert '"startLine": 3' in sarif and '"startColumn": 2' in sarif


def test_render_draws_an_export_directly(tmp_path):
    path = write(tmp_path, "people.csv", "id,title,manager\na,CEO,\nb,CTO,a\n")
    out = tmp_path / "chart.json"
    result = run("render", path, "-o", out)
    assert result.exit_code == 0, result.stderr
    assert '"b"' in out.read_text()


def test_role_dotted_lines_and_experience_columns(tmp_path):
    path = write(tmp_path, "people.csv", "id,title,role,reports_to,dotted_to,experience_years\n"
                                         "ceo,,ceo,,,20\n"
                                         "cto,Chief Technology Officer,,ceo,,12.5\n"
                                         "pm,Product Manager,,ceo,cto;ceo,\n"
                                         "x,Wizard,archmage,ceo,,lots\n")
    assert problems(path) == [f"{path}:5:6: column 'experience_years': 'lots' is not a number of years (0 or more)"]
    path.write_text(path.read_text().replace("lots", "1"))
    org = load(path)
    assert [(p.id, p.role.id, p.role_source, p.unknown_role, p.dotted_to, p.experience_years) for p in org] == [
        ("ceo", "ceo", "role", None, (), 20.0), ("cto", "cto", "title", None, (), 12.5),
        ("pm", "product_manager", "title", None, ("cto", "ceo"), None), ("x", "unknown", "unknown", "archmage", (), 1.0)]
    assert [f.code for f in check(org) if f.person == "x"] == ["ORG005"]


def test_line_breaks_stay_in_titles_but_not_in_ids(tmp_path):
    path = write(tmp_path, "people.csv", 'id,title,manager\na,"Chief\nExecutive Officer",\n"b\nc",CTO,a\n')
    assert problems(path) == [f"{path}:4:1: column 'id': the value contains the control character U+000A; "
                              "remove it from the export"]
    path.write_text('id,title,manager\na,"Chief\nExecutive Officer",\nb,CTO,a\n')
    assert load(path)["a"].title == "Chief\nExecutive Officer"


def test_xlsx_cells_of_any_type_become_text_or_dates(tmp_path):
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["Employee ID", "Name", "Job Title", "Manager", "Hire Date"])
    sheet.append([7.0, dt.datetime(2024, 5, 1), "CEO", None, dt.datetime(2019, 1, 15, 9, 30)])
    sheet.append([8, "Bo Chen", "CTO", 7, 44287])
    book.save(tmp_path / "people.xlsx")
    org = load(tmp_path / "people.xlsx")
    assert [(p.id, p.name, p.reports_to, p.hired) for p in org] == [
        ("7", "2024-05-01", None, dt.date(2019, 1, 15)), ("8", "Bo Chen", "7", dt.date(2021, 4, 1))]


def test_workday_report_as_a_service_json(tmp_path):
    path = write(tmp_path, "workers.json", '{"Report_Entry": [\n'
                 ' {"Employee_ID": "e1", "Name": "Ana Lima", "businessTitle": "CEO"},\n'
                 ' {"Employee_ID": "e2", "Name": "Bo Chen", "businessTitle": "CTO",'
                 ' "Worker_s_Manager_group": [{"Manager_ID": "e1"}]}\n]}\n')
    org = load(path, table=TableOptions(preset="workday"))
    assert [(p.id, p.name, p.title, p.reports_to, p.line) for p in org] == [
        ("e1", "Ana Lima", "CEO", None, 2), ("e2", "Bo Chen", "CTO", "e1", 3)]


def test_utf16_cut_short_is_a_located_problem(tmp_path):
    path = tmp_path / "people.csv"
    path.write_bytes("id,title\n1,CEO\n".encode("utf-16") + b"x")
    assert problems(path) == [f"{path}:3:1: the file starts as UTF-16 but is not valid UTF-16 here (truncated "
                              "data): is it cut short? Export it again"]


def test_a_history_date_column_in_both_orders_is_reported_not_compared(tmp_path):
    path = write(tmp_path, "history.csv", "id,title,manager,effective date\n1,CEO,,01/07/2024\n"
                                          "1,CEO,,13/01/2024\n2,CTO,1,02/31/2020\n")
    reported = problems(path, person_key="id")
    assert reported == [f"{path}:4:4: column 'effective date' mixes day-first dates ('13/01/2024') and "
                        "month-first dates ('02/31/2020'); make them one format in the export"]


def test_departments_in_any_script_keep_distinct_readable_team_ids(tmp_path):
    path = write(tmp_path, "people.csv", "id,name,title,manager,department\n"
                 "1,Ana,CEO,,Direction Générale\n2,Lei,Engineer,1,研发部\n3,Olga,Accountant,1,Отдел продаж\n"
                 "4,Ken,Recruiter,1,営業部\n5,Zoë,Designer,1,Équipe Produit\n6,Asha,Seller,1,विक्रय विभाग\n")
    org = load(path)
    assert {t.id: t.name for t in org.teams.values()} == {
        "direction-generale": "Direction Générale", "研发部": "研发部", "отдел-продаж": "Отдел продаж",
        "営業部": "営業部", "equipe-produit": "Équipe Produit",
        # Devanagari vowel signs are marks: they stay inside their word.
        "विक्रय-विभाग": "विक्रय विभाग"}
    out = tmp_path / "org.yaml"
    assert run("import", path, "-o", out).exit_code == 0
    assert {t.id for t in load(out).teams.values()} == set(org.teams)
