"""Mermaid flowchart: solid lines as links, dotted lines as dotted links, open positions dashed."""

from __future__ import annotations

import json

from ..org import Org
from .labels import clean, dotted_lines, label_lines, node_ids, solid_lines

#: Characters Mermaid would read as syntax or HTML inside a quoted label, written as its
#: ``#code;`` entities so the label shows them as text.
_ENTITIES = {ch: f"#{ord(ch)};" for ch in '"#&<>`\\'}


def escape(text: str) -> str:
    return "".join(_ENTITIES.get(ch, ch) for ch in clean(text))


def to_mermaid(org: Org) -> str:
    ids = node_ids(org)
    # The front matter is YAML: a JSON string is valid YAML whatever the name holds.
    out = ["---", f"title: {json.dumps(clean(org.name), ensure_ascii=False)}", "---", "flowchart TD"]
    for person in org:
        label = "<br/>".join(escape(line) for line in label_lines(org, person))
        out.append(f'  {ids[person.id]}["{label}"]')
    for manager, report in solid_lines(org):
        out.append(f"  {ids[manager]} --- {ids[report]}")
    for manager, report in dotted_lines(org):
        out.append(f"  {ids[manager]} -.- {ids[report]}")
    open_ids = [ids[p.id] for p in org if p.is_open]
    planned_ids = [ids[p.id] for p in org if org.is_planned(p)]
    if open_ids:
        out.append("  classDef open stroke-dasharray:5 5,fill:#ffffff")
        out.append(f"  class {','.join(open_ids)} open")
    if planned_ids:
        out.append("  classDef planned stroke-dasharray:2 2")
        out.append(f"  class {','.join(planned_ids)} planned")
    return "\n".join(out) + "\n"
