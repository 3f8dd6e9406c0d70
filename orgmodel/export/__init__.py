"""Org -> other formats: one pure function per format, each returning text.

    from orgmodel import load
    from orgmodel.export import EXPORTERS

    print(EXPORTERS["mermaid"](load("org.yaml")))

CSV is what ``orgmodel import`` reads back; JSON is the org file's own
structure; DOT, Mermaid and GraphML are for diagram and graph tools.
"""

from __future__ import annotations

from collections.abc import Callable

from ..org import Org
from .dot import to_dot
from .graphml import to_graphml
from .mermaid import to_mermaid
from .records import to_csv, to_json

EXPORTERS: dict[str, Callable[[Org], str]] = {
    "csv": to_csv,
    "json": to_json,
    "dot": to_dot,
    "mermaid": to_mermaid,
    "graphml": to_graphml,
}

#: File name endings that pick a format when --format is not given.
SUFFIXES = {".csv": "csv", ".json": "json", ".dot": "dot", ".gv": "dot", ".mmd": "mermaid",
            ".mermaid": "mermaid", ".graphml": "graphml"}

__all__ = ["EXPORTERS", "SUFFIXES", "to_csv", "to_dot", "to_graphml", "to_json", "to_mermaid"]
