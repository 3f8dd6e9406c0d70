"""Readers: one per input kind, each producing the same Org with a position for every person.

``yaml`` reads org files (format 1) with a line and column for every key and
value; ``table`` reads HR exports (CSV, TSV, XLSX, JSON records) with a row
and column for every cell, using the HR presets of ``presets``. :func:`load`
picks the reader from the file's extension.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from ..org import Org
from . import yaml as _yaml
from .table import TABLE_SUFFIXES, TableOptions, describe_mapping, is_table, load_table
from .yaml import (
    DEFAULT_MAX_BYTES,
    display_name_for,
    load_bytes,
    load_text,
    read_bounded,
)


def load(
    path: str | os.PathLike,
    *,
    as_of: dt.date | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    display_name: str | None = None,
    table: TableOptions | None = None,
) -> Org:
    """Load an org file or an HR export (by extension: .csv, .tsv, .xlsx, .json); ``"-"`` reads
    standard input, as an HR export when ``display_name`` has a table's extension and as an org
    file otherwise. Raises :class:`~orgmodel.OrgInputError` with every problem."""
    name = display_name_for(path, display_name)
    if not is_table(kind_of(path, display_name)):
        return _yaml.load(path, as_of=as_of, max_bytes=max_bytes, display_name=display_name)
    data = read_bounded(path, name, max_bytes)
    return load_table(data, name, suffix_of(path, display_name), as_of=as_of, options=table)


def show_mapping(path: str | os.PathLike, table: TableOptions, max_bytes: int = DEFAULT_MAX_BYTES,
                 display_name: str | None = None) -> list[str]:
    """Which column of an HR export feeds which field, and why (for ``import --show-mapping``)."""
    name = display_name_for(path, display_name)
    data = read_bounded(path, name, max_bytes)
    return describe_mapping(data, name, suffix_of(path, display_name), table)


def kind_of(path: str | os.PathLike, display_name: str | None) -> str:
    """The name whose extension says how to read ``path``: standard input has none of its own."""
    return display_name if str(path) == "-" and display_name else str(path)


def suffix_of(path: str | os.PathLike, display_name: str | None) -> str:
    return Path(kind_of(path, display_name)).suffix.lower()


__all__ = ["DEFAULT_MAX_BYTES", "TABLE_SUFFIXES", "TableOptions", "display_name_for", "is_table", "kind_of", "load",
           "load_bytes", "load_text", "read_bounded", "show_mapping"]
