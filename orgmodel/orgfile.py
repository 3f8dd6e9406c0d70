"""Org -> org file text (format 1): what ``orgmodel import`` writes.

The text starts with the schema modeline, keeps keys in one stable order and
lets PyYAML's safe emitter quote every value, so any id, name or title (quotes,
colons, ``#``, ``yes``, ``null``, digits, non-Latin text) reads back as written.
Roles are not written: the titles are kept and the role is inferred from them
on every load, so a title change in the HR system moves the person's role.
"""

from __future__ import annotations

import yaml

from .org import Org, Person

MODELINE = "# yaml-language-server: $schema=orgmodel.schema.json"
#: libyaml's safe emitter when PyYAML has it (many times faster on large orgs), else the Python one.
_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def _entry(person: Person, org: Org, *, manager_implied: bool) -> dict:
    entry: dict = {"id": person.id}
    if person.name != person.id:
        entry["name"] = person.name
    if person.role_source == "role":
        entry["role"] = person.role.id
    elif person.unknown_role is not None:
        entry["role"] = person.unknown_role
    if person.title is not None:
        entry["title"] = person.title
    if person.reports_to is not None and not manager_implied:
        entry["reports_to"] = person.reports_to
    if person.dotted_to:
        entry["dotted_to"] = list(person.dotted_to)
    if person.team is not None:
        entry["team"] = person.team
    if person.hired is not None:
        entry["hired"] = person.hired
    if person.experience_years is not None:
        entry["experience_years"] = person.experience_years
    if person.is_open:
        entry["status"] = "open"
    return entry


def _nested(org: Org) -> list[dict]:
    """Everyone under their manager; people outside every tree (in a reporting cycle) stay flat."""
    entries: dict[str, dict] = {}
    placed: set[str] = set()
    tops: list[dict] = []
    for pid in org.order:  # managers before their reports
        person = org.people[pid]
        manager = org.manager[pid]
        inside = manager is not None and manager in entries
        entry = entries[pid] = _entry(person, org, manager_implied=inside)
        (entries[manager].setdefault("reports", []) if inside else tops).append(entry)
        placed.add(pid)
    for pid, person in org.people.items():
        if pid not in placed:
            tops.append(_entry(person, org, manager_implied=False))
    return tops


def org_yaml(org: Org, *, nested: bool = False, as_of_written: bool = False) -> str:
    """The org file text of ``org`` (flat ``reports_to`` unless ``nested``)."""
    document: dict = {"version": 1, "org": org.name}
    if as_of_written:
        document["as_of"] = org.as_of
    if org.teams:
        document["teams"] = {t.id: ({"name": t.name, "lead": t.lead} if t.lead else {"name": t.name})
                             for t in org.teams.values()}
    people = org.people.values()
    document["people"] = _nested(org) if nested else [_entry(p, org, manager_implied=False) for p in people]
    body = yaml.dump(document, Dumper=_DUMPER, sort_keys=False, allow_unicode=True, width=100,
                     default_flow_style=False)
    return f"{MODELINE}\n{body}"
