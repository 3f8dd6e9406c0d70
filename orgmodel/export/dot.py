"""Graphviz DOT: solid lines as edges, dotted lines dashed, open positions dashed boxes."""

from __future__ import annotations

from ..org import Org
from .labels import clean, dotted_lines, label_lines, node_ids, solid_lines


def quote(text: str) -> str:
    """A DOT double-quoted string; ``\\`` and ``"`` escaped so no text can end it early."""
    return '"' + clean(text).replace("\\", "\\\\").replace('"', '\\"') + '"'


def _label(lines: list[str]) -> str:
    # \n between lines is DOT's own line break inside a quoted label.
    return '"' + "\\n".join(clean(line).replace("\\", "\\\\").replace('"', '\\"') for line in lines) + '"'


def to_dot(org: Org) -> str:
    ids = node_ids(org)
    out = [f"// {clean(org.name)} (orgmodel export)".replace("\n", " "),
           "digraph org {",
           f"  label={quote(org.name)};",
           "  labelloc=t;",
           "  rankdir=TB;",
           '  node [shape=box, style="rounded,filled", fillcolor="#f4f6f8", fontname="Helvetica"];',
           "  edge [arrowhead=none];"]
    for person in org:
        attributes = [f"label={_label(label_lines(org, person))}", f"tooltip={quote(person.id)}"]
        if person.is_open:
            attributes.append('style="rounded,dashed"')
        elif org.is_planned(person):
            attributes.append('style="rounded,filled,dotted"')
        out.append(f"  {ids[person.id]} [{', '.join(attributes)}];")
    for manager, report in solid_lines(org):
        out.append(f"  {ids[manager]} -> {ids[report]};")
    for manager, report in dotted_lines(org):
        out.append(f"  {ids[manager]} -> {ids[report]} [style=dashed, constraint=false];")
    out.append("}")
    return "\n".join(out) + "\n"
