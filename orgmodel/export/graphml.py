"""GraphML through networkx's own writer: every person a node with their fields, every line an edge."""

from __future__ import annotations

import io
import re

import networkx as nx

from ..org import Org
from .labels import dotted_lines, solid_lines
from .records import person_record

#: Characters XML 1.0 forbids: replaced, so the file stays well-formed whatever the names hold.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def _text(value) -> str:
    text = ";".join(value) if isinstance(value, list) else str(value)
    return _NOT_XML.sub("\ufffd", text)


def to_graphml(org: Org) -> str:
    graph = nx.DiGraph(name=_text(org.name))
    for person in org:
        attributes = {key: _text(value) for key, value in person_record(person).items() if key != "id"}
        attributes["role"] = person.role.id
        attributes["family"] = person.role.family
        if person.role.rank is not None:
            attributes["rank"] = str(person.role.rank)
        attributes["present"] = "true" if org.is_present(person) else "false"
        graph.add_node(_text(person.id), **attributes)
    for manager, report in solid_lines(org):
        graph.add_edge(_text(manager), _text(report), kind="solid")
    for manager, report in dotted_lines(org):
        if not graph.has_edge(_text(manager), _text(report)):
            graph.add_edge(_text(manager), _text(report), kind="dotted")
    out = io.BytesIO()
    nx.write_graphml(graph, out, encoding="utf-8", prettyprint=True)
    return out.getvalue().decode("utf-8")
