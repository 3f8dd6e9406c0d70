"""The org as records: CSV (one row per person, read back by ``orgmodel import``) and JSON."""

from __future__ import annotations

import csv
import io
import json

from ..org import Org, Person

#: The CSV columns, in order: the org file's person keys, so the header names are the ones
#: ``orgmodel import`` recognises without a preset; then what the org file keeps outside the
#: person: a custom role's title, family and rank, and the team's name and lead.
CSV_COLUMNS = ("id", "name", "title", "role", "reports_to", "dotted_to", "team", "hired", "status",
               "experience_years", "role_title", "role_family", "role_rank", "team_name", "team_lead")
#: Several dotted-line managers share one cell, separated by this.
LIST_SEPARATOR = ";"


def written_role(person: Person) -> str | None:
    """The role as the file gave it: an id that was written, never one inferred from the title."""
    if person.role_source == "role":
        return person.role.id
    return person.unknown_role


def person_record(person: Person) -> dict:
    """The person's keys as an org file would write them (absent values left out)."""
    record = {
        "id": person.id,
        "name": person.name if person.name != person.id else None,
        "title": person.title,
        "role": written_role(person),
        "reports_to": person.reports_to,
        "dotted_to": list(person.dotted_to) or None,
        "team": person.team,
        "hired": person.hired.isoformat() if person.hired else None,
        "status": person.status if person.status != "filled" else None,
        "experience_years": _number(person.experience_years),
        "ignore": list(person.ignore) or None,
    }
    return {key: value for key, value in record.items() if value is not None}


def _number(value: float | None) -> int | float | None:
    if value is None:
        return None
    return int(value) if float(value).is_integer() else value


def to_csv(org: Org) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for person in org:
        record = person_record(person)
        if "dotted_to" in record:
            record["dotted_to"] = LIST_SEPARATOR.join(record["dotted_to"])
        record.setdefault("status", "filled")
        record.update(_outside_the_person(org, person))
        writer.writerow(["" if record.get(column) is None else record[column] for column in CSV_COLUMNS])
    return out.getvalue()


def _outside_the_person(org: Org, person: Person) -> dict:
    """The custom role and the team a row refers to, repeated on each row that refers to them."""
    cells = {}
    role = person.role
    if person.role_source != "unknown" and not role.builtin:
        # Written even when the title found it: the aliases that did so are not in the CSV.
        cells.update(role=role.id, role_title=role.title, role_family=role.family, role_rank=role.rank)
    if person.team is not None:
        # A team the org does not describe is still named, so that its id comes back as written.
        team = (org.teams or {}).get(person.team)
        if team is not None:
            cells.update(team_name=team.name, team_lead=team.lead)
        else:
            cells.update(team_name=person.team)
    return cells


def to_json(org: Org) -> str:
    document: dict = {"version": 1, "org": org.name, "as_of": org.as_of.isoformat()}
    custom = [role for role in org.roles if not role.builtin]
    if custom:
        document["roles"] = {
            role.id: {key: value for key, value in (("title", role.title), ("family", role.family),
                                                    ("rank", role.rank), ("aliases", list(role.aliases)))
                      if value not in (None, [])}
            for role in custom
        }
    if org.teams is not None:
        document["teams"] = {team.id: {key: value for key, value in (("name", team.name), ("lead", team.lead))
                                       if value is not None}
                             for team in org.teams.values()}
    document["people"] = [person_record(person) for person in org]
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"
