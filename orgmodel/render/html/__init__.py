"""The interactive chart: one self-contained HTML page (``orgmodel render org.yaml -o org.html``).

Python decides everything a chart shows: positions come from the layout,
colours from the static chart's tables, findings from the engine. The page
gets all of it as one JSON block and only draws it (``viewer.js`` on a
canvas, ``viewer.css``); both ship as package data, so there is no build
step. The page makes no network request: its Content-Security-Policy
allows only its own inline script and style, by hash.

Data is stored by column (one list per field, a person is an index), so a
100,000-person org stays a few megabytes of JSON that parses in one call.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from collections.abc import Sequence
from importlib import resources

from ...findings import Finding, Severity
from ...org import Org
from ..changes import MARK_COLOURS, ChangeMarks
from ..layout import OrgView, layout_org

_ASSETS = resources.files(__name__)
_SLOT = re.compile(r"\{\{(\w+)\}\}")

#: Characters that could end the JSON block or the script early, or that JavaScript
#: once read as line ends, written as JSON escapes (the JSON value is unchanged).
_JSON_ESCAPES = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026",
                               "\u2028": "\\u2028", "\u2029": "\\u2029"})


def _asset(name: str) -> str:
    return (_ASSETS / name).read_text(encoding="utf-8")


def embed_json(data) -> str:
    """``data`` as JSON that is safe inside a ``<script type="application/json">`` element."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).translate(_JSON_ESCAPES)


def _csp_hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


def _escape_html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def _round(value: float) -> float | int:
    value = round(value, 1)
    return int(value) if value.is_integer() else value


def _layout_data(view: OrgView, index: dict[str, int]) -> dict:
    """The layout's boxes and connectors, by person index."""
    layout = view.layout.to_dict()
    boxes = layout["boxes"]
    parent = view.layout.parent
    sizes = {(b["width"], b["height"]) for b in boxes}
    data: dict = {
        "width": layout["width"], "height": layout["height"],
        "person": [index[b["id"]] for b in boxes],
        "x": [_round(b["x"]) for b in boxes], "y": [_round(b["y"]) for b in boxes],
        # Each box's drawn manager (-1 for a top), aligned with "person".
        "parent": [index[parent[b["id"]]] if b["id"] in parent else -1 for b in boxes],
        "hidden": {index[k]: v for k, v in view.hidden.items()},
    }
    if len(sizes) == 1:
        data["size"] = list(sizes.pop())
    else:
        data["w"] = [b["width"] for b in boxes]
        data["h"] = [b["height"] for b in boxes]
    lines: dict[str, list] = {"from": [], "to": [], "dotted": [], "start": [], "points": []}
    for connector in layout["connectors"]:
        lines["from"].append(index[connector["from"]])
        lines["to"].append(index[connector["to"]])
        lines["dotted"].append(1 if connector["kind"] == "dotted" else 0)
        lines["start"].append(len(lines["points"]))
        for x, y in connector["points"]:
            lines["points"] += [_round(x), _round(y)]
    data["connectors"] = lines
    return data


def _colours(org: Org, ids: list[str]) -> dict:
    """Each person's colour under each colouring, with legends, from the static chart's tables."""
    from .. import COLOR_BY
    from ..chart import (
        DOTTED,
        LINE,
        MUTED,
        NO_GROUP,
        SEVERITY_COLOURS,
        TEXT,
        _group_colours,
        _tint,
    )

    people = [org.people[pid] for pid in ids]
    palette: dict[str, int] = {}
    modes = {}
    for mode in COLOR_BY:
        colours, legend = _group_colours(org, people, mode)
        modes[mode] = {
            "colour": [palette.setdefault(c, len(palette)) for c in colours],
            "legend": [[label, palette.setdefault(c, len(palette))] for label, c in legend],
        }
    tints = []
    for colour in palette:
        r, g, b, _ = _tint(colour)
        tints.append(f"rgb({round(r * 255)},{round(g * 255)},{round(b * 255)})")
    return {
        "palette": list(palette), "tint": tints, "modes": modes,
        "severity": {str(s): SEVERITY_COLOURS[s] for s in Severity},
        "text": TEXT, "muted": MUTED, "line": LINE, "dotted": DOTTED, "none": NO_GROUP,
    }


def _people_data(org: Org, ids: list[str], index: dict[str, int]) -> dict:
    roles: dict[str, int] = {}
    role_rows = []
    teams: dict[str, int] = {}
    team_rows = []
    columns: dict[str, list] = {k: [] for k in (
        "id", "name", "title", "role", "team", "manager", "dotted", "hired", "experience", "state", "ignore",
        "line", "reportsTo")}
    for pid in ids:
        person = org.people[pid]
        role = person.role
        if role.id not in roles:
            roles[role.id] = len(role_rows)
            role_rows.append([role.id, role.title, role.family, role.rank])
        team = None
        if person.team:
            if person.team not in teams:
                teams[person.team] = len(team_rows)
                known = (org.teams or {}).get(person.team)
                team_rows.append([person.team, known.name if known else person.team])
            team = teams[person.team]
        manager = org.manager.get(pid)
        columns["id"].append(pid)
        columns["name"].append(person.name)
        columns["title"].append(person.title)
        columns["role"].append(roles[role.id])
        columns["team"].append(team)
        columns["manager"].append(index.get(manager) if manager is not None else None)
        columns["dotted"].append([index[m] for m in person.dotted_to if m in index] or 0)
        columns["hired"].append(person.hired.isoformat() if person.hired else None)
        columns["experience"].append(person.experience_years)
        columns["state"].append(2 if person.is_open else 1 if org.is_planned(person) else 0)  # STATES in viewer.js
        columns["ignore"].append(list(person.ignore) or 0)
        columns["line"].append(person.line)
        columns["reportsTo"].append(person.reports_to if person.reports_to != manager else 0)
    return {"roles": role_rows, "teams": team_rows, **columns}


def _findings_data(findings: Sequence[Finding], index: dict[str, int]) -> list[list]:
    rows = []
    for f in findings:
        if f.person not in index:
            continue
        rows.append([index[f.person], f.code, f.name, str(f.severity), f.message, f.suggestion, f.line, f.column,
                     [index[r] for r in f.related if r in index]])
    return rows


#: Overviews wider or taller than this (in points: about two 4K screens at a readable zoom) are
#: left out; the height bound also keeps a chain thousands of levels deep to a few overviews.
MAX_OVERVIEW_WIDTH = 8000.0
MAX_OVERVIEW_HEIGHT = 4000.0


def _overviews(org: Org, view: OrgView, root: str | None, depth: int | None) -> list[OrgView]:
    """Layouts of the top 1, 2, ... levels (as ``--depth`` draws them), for the opening view.

    Collapsing leaves people where the full layout put them; these compact
    layouts let the chart open on the top levels at a size that reads.
    """
    overviews = []
    levels = 1
    while depth is None or levels < depth:
        overview = layout_org(org, root=root, depth=levels)
        layout = overview.layout
        if (len(layout.boxes) == len(view.layout.boxes) or layout.width > MAX_OVERVIEW_WIDTH
                or layout.height > MAX_OVERVIEW_HEIGHT):
            break
        overviews.append(overview)
        levels += 1
    return overviews


def chart_data(org: Org, view: OrgView, findings: Sequence[Finding], *, color_by: str, title: str | None,
               show_findings: bool, root: str | None = None, depth: int | None = None,
               changes: ChangeMarks | None = None) -> dict:
    """Everything the page shows, as JSON-ready data."""
    from ..chart import header_text

    drawn = list(view.layout.boxes)
    drawn_set = set(drawn)
    # People hidden below the drawn ones (--depth) still have details and findings worth listing.
    ids = drawn + [p.id for pid in view.hidden for p in org.subtree(pid) if p.id not in drawn_set]
    index = {pid: i for i, pid in enumerate(ids)}
    data = {
        "title": title or org.name,
        "subtitle": header_text(org, view, changes.ghosts if changes is not None else ()),
        "colorBy": color_by,
        "people": _people_data(org, ids, index),
        "layout": _layout_data(view, index),
        "overviews": [_layout_data(overview, index) for overview in _overviews(org, view, root, depth)],
        "colours": _colours(org, ids),
        "findings": _findings_data(findings, index) if show_findings else [],
        "showFindings": show_findings,
    }
    if changes is not None:
        data["changes"] = [[index[pid], mark] for pid, mark in changes.marks.items() if pid in index]
        data["movedFrom"] = [[index[pid], index[old]] for pid, old in changes.moved_from.items()
                             if pid in index and old in index]
        data["changeColours"] = dict(MARK_COLOURS)
        data["changeLegend"] = [[mark, label] for mark, label, _ in changes.legend()]
    return data


def page(org: Org, view: OrgView, findings: Sequence[Finding] = (), *, color_by: str = "family",
         title: str | None = None, show_findings: bool = True, root: str | None = None,
         depth: int | None = None, changes: ChangeMarks | None = None) -> str:
    """The chart as one HTML document that needs nothing but a browser.

    ``view`` is ``layout_org(org, root=root, depth=depth)``.
    """
    data = chart_data(org, view, findings, color_by=color_by, title=title, show_findings=show_findings,
                      root=root, depth=depth, changes=changes)
    script, style = _asset("viewer.js"), _asset("viewer.css")
    csp = (f"default-src 'none'; script-src {_csp_hash(script)}; style-src {_csp_hash(style)}; "
           "img-src data: blob:; base-uri 'none'; form-action 'none'")
    slots = {"csp": csp, "title": _escape_html(data["title"]), "style": style, "script": script,
             "data": embed_json(data)}
    # One pass, so text from the org file that looks like a slot is never filled in.
    return _SLOT.sub(lambda match: slots[match.group(1)], _asset("template.html"))
