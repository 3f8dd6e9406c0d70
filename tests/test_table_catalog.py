"""An HR export may describe custom roles (role_family, role_title, role_rank) and teams
(team_name, team_lead), as `orgmodel export --format csv` writes them."""

from __future__ import annotations

import pytest

from orgmodel import OrgInputError, load

HEADER = "id,name,role,reports_to,team,role_title,role_family,role_rank,team_name,team_lead\n"


def write(tmp_path, rows: str):
    path = tmp_path / "people.csv"
    path.write_text(HEADER + rows, encoding="utf-8")
    return path


def test_custom_roles_and_named_teams_are_read(tmp_path):
    org = load(write(tmp_path, "a,Ann Lee,ceo,,,,,,,\n"
                               "b,Bo Chan,fellow,a,R&D 1,Research Fellow,research,65,\"Research, Labs\",Bo Chan\n"
                               "c,Cy Day,fellow,b,R&D 1,Research Fellow,research,65,,\n"), as_of=None)
    fellow = org["b"].role
    assert (fellow.id, fellow.title, fellow.family, fellow.rank, fellow.builtin) == (
        "fellow", "Research Fellow", "research", 65, False)
    assert org["c"].role is fellow
    assert org.teams["R&D 1"].name == "Research, Labs" and org.teams["R&D 1"].lead == "b"


def test_a_lead_named_on_a_later_row_still_leads_the_team(tmp_path):
    org = load(write(tmp_path, "a,Ann Lee,ceo,,Ops,,,,Operations,\n"
                               "b,Bo Chan,,a,Ops,,,,Operations,a\n"))
    assert org.teams["Ops"].lead == "a"


@pytest.mark.parametrize(("rows", "where", "says"), [
    ("a,A,fellow,,,Fellow,science,,,\n", "people.csv:2:7", "'science' is not a role family"),
    ("a,A,fellow,,,Fellow,research,high,,\n", "people.csv:2:8", "'high' is not a whole number"),
    ("a,A,fel low,,,Fellow,research,,,\n", "people.csv:2:3", "role id 'fel low' may contain only"),
    ("a,A,fellow,,,Fellow,research,60,,\nb,B,fellow,a,,Fellow,research,70,,\n", "people.csv:3:7",
     "role 'fellow' is described differently in row 2"),
])
def test_a_bad_role_description_is_an_input_problem_at_its_cell(tmp_path, rows, where, says):
    with pytest.raises(OrgInputError) as caught:
        load(write(tmp_path, rows))
    problem = caught.value.problems[0]
    assert f"{problem.file}:{problem.line}:{problem.column}" .endswith(where) and says in problem.message


def test_an_ambiguous_team_lead_name_lists_both_people(tmp_path):
    with pytest.raises(OrgInputError) as caught:
        load(write(tmp_path, "a,Sam Roe,ceo,,Ops,,,,Operations,Kim Poe\nb,Kim Poe,,a,,,,,,\nc,Kim Poe,,a,,,,,,\n"))
    assert "team lead 'Kim Poe' matches 2 people" in caught.value.problems[0].message
