"""HR presets: which column of an export feeds which field, one readable table per system.

Each system is a TOML file in ``presets/`` (``bamboohr.toml``, ``workday.toml``, ...):
``[columns]`` lists, per field, the header names that system uses, most specific
first; ``[status]`` lists the status values that mean a leaver or an open
position. ``common.toml`` holds the header names recognised in any export.
Adding a system is adding one file.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

PRESET_DIR = Path(__file__).with_name("presets")
COMMON = "common"

#: The fields a table column can feed, in the order --show-mapping lists them.
FIELDS = {
    "id": "the person's id (kept exactly as written)",
    "alt_id": "another id of the same person that manager columns may use",
    "name": "display name",
    "first_name": "first name (with last_name, makes the name)",
    "last_name": "last name",
    "email": "work email (managers may be named by it)",
    "title": "job title (the role is inferred from it)",
    "role": "a role id from orgmodel's catalog, when the export has one (otherwise inferred from the title)",
    "role_title": "a custom role's display title (with role_family: the role is defined by the file)",
    "role_family": "a custom role's family, for a role id orgmodel's catalog lacks",
    "role_rank": "a custom role's rank (a whole number; empty: no fixed place)",
    "department": "department, written as a team (with team_name: the team's id)",
    "team_name": "the team's display name, when the department column holds its id or code",
    "team_lead": "the id of the person who leads the row's team",
    "manager": "the manager: an id, an email, a name ('First Last' or 'Last, First') or a DN",
    "manager_email": "the manager's email, used when 'manager' is empty",
    "manager_name": "the manager's name, used when both are empty",
    "dotted_to": "dotted-line managers, separated by ';' (named like the manager)",
    "hired": "start date; after the as-of date makes a planned hire",
    "terminated": "termination date; on or before the as-of date leaves the person out",
    "experience_years": "years of experience (a number)",
    "status": "employment status: leavers and open positions (see [status] in the preset)",
    "effective": "effective date of a history row",
    "sequence": "order of history rows with the same effective date",
    "dn": "the person's LDAP distinguished name (managers may be named by it)",
}

#: What a status value in a preset's [status] table can mean, as docs/import.md labels it.
#: "employed" overrides a word the common table reads as a leaver (ADP's "Inactive" is on leave).
STATUS_MEANINGS = {"terminated": "leaver", "open": "open position", "employed": "still employed"}


def normal_header(text: str) -> str:
    """Headers compare ignoring case, spaces, '_', '-' and '.': ``Manager_ID`` == ``managerId``."""
    return re.sub(r"[\s_\-.]+", "", text).casefold()


def normal_status(text: str) -> str:
    return re.sub(r"[\s_\-]+", "", text).casefold()


@dataclass(frozen=True)
class Preset:
    key: str
    name: str
    #: field -> header names, most specific first
    columns: dict[str, tuple[str, ...]]
    #: normalised status value -> a meaning of STATUS_MEANINGS
    status: dict[str, str]
    verified: str = ""
    #: meaning -> the status values as the preset writes them
    status_values: dict[str, tuple[str, ...]] = field(default_factory=dict)


@cache
def preset(key: str) -> Preset:
    """The preset ``key`` (``common`` for the header names every export may use)."""
    path = PRESET_DIR / f"{key}.toml"
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    columns = {name: tuple(headers) for name, headers in data.get("columns", {}).items()}
    unknown = set(columns) - set(FIELDS)
    if unknown:
        raise ValueError(f"{path.name}: unknown fields {sorted(unknown)}")
    unknown = set(data.get("status", {})) - set(STATUS_MEANINGS)
    if unknown:
        raise ValueError(f"{path.name}: unknown status meanings {sorted(unknown)}")
    status = {normal_status(value): meaning for meaning, values in data.get("status", {}).items()
              for value in values}
    written = {meaning: tuple(values) for meaning, values in data.get("status", {}).items()}
    return Preset(key, data.get("name", key), columns, status, data.get("verified", ""), written)


def preset_names() -> list[str]:
    """Every HR system with a preset, for --from."""
    return sorted(p.stem for p in PRESET_DIR.glob("*.toml") if p.stem != COMMON)


def mapping_markdown(key: str) -> str:
    """The preset's column table as docs/import.md shows it (a test keeps the two in step)."""
    table = preset(key)
    lines = ["| field | columns, first found wins |", "| --- | --- |"]
    for field_name in FIELDS:
        names = table.columns.get(field_name)
        if names:
            lines.append(f"| `{field_name}` | " + ", ".join(f"`{n}`" for n in names) + " |")
    for meaning, values in sorted(table.status_values.items()):
        lines.append(f"| status meaning {STATUS_MEANINGS[meaning]} | " + ", ".join(f"`{v}`" for v in values) + " |")
    return "\n".join(lines) + "\n"
