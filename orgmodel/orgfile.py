"""Org -> org file text (format 1): what ``orgmodel import`` writes.

The text starts with the schema modeline and keeps keys in one stable order.
Every string is written plain only when it matches a narrow safe form (starts
with a letter, only letters, digits, spaces and ``_ . - / '``, not a word YAML
reads as a boolean or null); anything else is double-quoted with JSON's
escaping, which YAML's double-quoted style reads the same way. So any id,
name or title (quotes, colons, ``#``, ``yes``, digits, non-Latin text, line
breaks) reads back as written. Built by hand rather than through PyYAML's
representer, which took most of the time of a large import.

Roles are not written when they were inferred: the titles are kept and the
role is inferred from them on every load, so a title change in the HR system
moves the person's role.
"""

from __future__ import annotations

import json
import re

from .org import Org, Person
from .roles import RoleCatalog
from .sources.yamlparse import DEFAULT_MAX_DEPTH

MODELINE = "# yaml-language-server: $schema=orgmodel.schema.json"
_PLAIN = re.compile(r"[A-Za-z][A-Za-z0-9_.\-/' ]*")
#: Words a YAML 1.1 reader takes for booleans or null when written plain.
_RESERVED = frozenset({"y", "n", "yes", "no", "true", "false", "on", "off", "null"})
#: Each nested person takes two levels of the reader's nesting limit (a list item and its mapping).
MAX_NESTED_DEPTH = DEFAULT_MAX_DEPTH // 2 - 2


class TooDeepToNest(ValueError):
    """The org's reporting chains are deeper than a nested org file may be."""


def scalar(text: str) -> str:
    """``text`` as a YAML scalar that reads back as exactly ``text``."""
    if _PLAIN.fullmatch(text) and text[-1] != " " and text.casefold() not in _RESERVED:
        return text
    # JSON leaves these raw; YAML would read them as line breaks inside the quotes.
    return json.dumps(text, ensure_ascii=False).replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def _lines(person: Person, manager_implied: bool) -> list[str]:
    """The person's keys, in the order of the format reference."""
    out = [f"id: {scalar(person.id)}"]
    if person.name != person.id:
        out.append(f"name: {scalar(person.name)}")
    if person.role_source == "role":
        out.append(f"role: {scalar(person.role.id)}")
    elif person.unknown_role is not None:
        out.append(f"role: {scalar(person.unknown_role)}")
    if person.title is not None:
        out.append(f"title: {scalar(person.title)}")
    if person.reports_to is not None and not manager_implied:
        out.append(f"reports_to: {scalar(person.reports_to)}")
    if person.dotted_to:
        out.append("dotted_to: [" + ", ".join(scalar(d) for d in person.dotted_to) + "]")
    if person.team is not None:
        out.append(f"team: {scalar(person.team)}")
    if person.hired is not None:
        out.append(f"hired: {person.hired.isoformat()}")
    if person.experience_years is not None:
        out.append(f"experience_years: {person.experience_years:g}")
    if person.is_open:
        out.append("status: open")
    return out


def _entry(out: list[str], person: Person, indent: str, *, manager_implied: bool) -> None:
    first, *rest = _lines(person, manager_implied)
    out.append(f"{indent}- {first}")
    out.extend(f"{indent}  {line}" for line in rest)


def org_yaml(org: Org, *, nested: bool = False, as_of_written: bool = False) -> str:
    """The org file text of ``org`` (flat ``reports_to`` unless ``nested``)."""
    out = [MODELINE, "version: 1", f"org: {scalar(org.name)}"]
    if as_of_written:
        out.append(f"as_of: {org.as_of.isoformat()}")
    custom = [role for role in org.roles if not role.builtin]
    if custom:
        builtin = RoleCatalog.builtin()
        out.append("roles:")
        for role in custom:
            out.append(f"  {scalar(role.id)}:")
            out.append(f"    title: {scalar(role.title)}")
            out.append(f"    family: {role.family}")
            if role.rank is not None:
                out.append(f"    rank: {role.rank}")
            base = builtin.get(role.id)
            if role.aliases and (base is None or role.aliases != base.aliases):
                out.append("    aliases: [" + ", ".join(scalar(a) for a in role.aliases) + "]")
    if org.teams:
        out.append("teams:")
        for team in org.teams.values():
            out.append(f"  {scalar(team.id)}:")
            out.append(f"    name: {scalar(team.name)}")
            if team.lead:
                out.append(f"    lead: {scalar(team.lead)}")
    if not org.people:
        out.append("people: []")
        return "\n".join(out) + "\n"
    out.append("people:")
    if not nested:
        for person in org.people.values():
            _entry(out, person, "", manager_implied=False)
        return "\n".join(out) + "\n"
    deepest = max(org.depth.values(), default=0)
    if deepest > MAX_NESTED_DEPTH:
        raise TooDeepToNest(f"the org is {deepest + 1} levels deep; a nested org file holds at most "
                            f"{MAX_NESTED_DEPTH + 1}: write it flat (without --nested)")
    # Depth first from each top, without recursion: a person's entry, then their reports under it.
    stack = [(pid, 0) for pid in reversed([p for p in org.order if org.manager[p] is None])]
    placed = set()
    while stack:
        pid, depth = stack.pop()
        placed.add(pid)
        indent = "  " * (2 * depth)
        _entry(out, org.people[pid], indent, manager_implied=depth > 0)
        children = org.tree_children[pid]
        if children:
            out.append(f"{indent}  reports:")
            stack.extend((child, depth + 1) for child in reversed(children))
    for pid, person in org.people.items():  # people outside every tree (in a reporting cycle) stay flat
        if pid not in placed:
            _entry(out, person, "", manager_implied=False)
    return "\n".join(out) + "\n"
