"""HR exports (CSV, TSV, semicolon CSV, XLSX, JSON records) -> :class:`~orgmodel.org.Org`.

Every cell keeps its place: ROW is the row in the file (the header is row 1),
COL the column's number; in JSON a person is placed at their record's ``{`` and a
value's problem at the value. Problems are collected and raised together, like the YAML reader's.

Built for size: rows stream from the csv module, each row gives up only its
mapped cells, and the cells are then cleaned column by column (stripped,
missing values as None, repeated text interned, dates parsed once per
distinct text); no per-row model is validated. Managers are resolved through
dict indexes (id, email, name, DN), so a load is linear in the rows. A field's column is named by ``--map`` first, then by the HR preset
(``presets/*.toml``), then by the common header names.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import sys
import unicodedata
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from html import unescape
from html.parser import HTMLParser
from itertools import product
from operator import itemgetter
from pathlib import Path

from ..findings import OrgInputError, Problem
from ..gcpause import collector_paused
from ..model import ROLE_ID_CHARACTERS, is_role_id
from ..org import Org, Person, Team
from ..roles import FAMILIES, UNKNOWN, Role, RoleCatalog
from .presets import COMMON, FIELDS, normal_header, normal_status, preset, preset_names

TABLE_SUFFIXES = (".csv", ".tsv", ".tab", ".xlsx", ".xlsm", ".json")
MISSING = frozenset({"", "null", "n/a", "-", "#n/a"})
#: Every spelling of MISSING in any letter case, so a cell is checked with one set lookup.
_MISSING_FORMS = frozenset("".join(chars) for word in MISSING
                           for chars in product(*({c.lower(), c.upper()} for c in word)))
DATE_FIELDS = ("hired", "terminated", "effective")
UNKNOWN_ROLE = Role(UNKNOWN, "Unknown role", "other", None)
_FIELD_ORDER = tuple(FIELDS)
_SLOT = {name: index for index, name in enumerate(_FIELD_ORDER)}
_DATE_SLOTS = frozenset(_SLOT[name] for name in DATE_FIELDS)
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
#: Control characters free text may not hold either; line breaks and tabs it may, as in YAML.
_CONTROL_IN_TEXT = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_TEXT_FIELDS = frozenset({"name", "first_name", "last_name", "title", "department", "team_name", "role_title"})
_MANAGER_SLOTS = tuple((_SLOT[name], name) for name in ("manager", "manager_email", "manager_name"))
#: Slots whose few distinct values repeat over many rows: interned, each is kept once. (Ids and
#: manager references are not: people's manager references are their managers' own id strings.)
_REPEATED_SLOTS = frozenset(_SLOT[name] for name in ("title", "role", "department", "status"))
#: A stripped cell -> None when it spells a missing value; ``.get(cell, cell)`` keeps any other cell.
_MISSING_AS_NONE = dict.fromkeys(_MISSING_FORMS)
_EXCEL_EPOCH = dt.date(1899, 12, 30)


@dataclass(frozen=True)
class TableOptions:
    """How to read an HR export; every field matches a command-line option."""

    preset: str | None = None
    #: (field, column header) pairs from --map
    mapping: tuple[tuple[str, str], ...] = ()
    person_key: str | None = None
    #: "dd/mm/yyyy", "mm/dd/yyyy" or a strftime pattern like "%d.%m.%Y"
    date_format: str | None = None
    keep_leavers: bool = False
    org_name: str | None = None


@dataclass(frozen=True)
class Mapped:
    field: str
    header: str
    column: int  # 1-based
    reason: str


def is_table(path: str | Path) -> bool:
    return Path(str(path)).suffix.lower() in TABLE_SUFFIXES


# -- reading cells ------------------------------------------------------------------


@dataclass
class _Sheet:
    header: list[str]
    #: (row, fixed column or 0, cells); a cell's column is the fixed one or its index + 1
    rows: Iterator[tuple[int, int, list]]
    warnings: list[Problem] = field(default_factory=list)
    #: Cells may be numbers, booleans and dates (XLSX, JSON), not only text (CSV).
    typed: bool = False
    #: For records (JSON): (row, column) of a record and a column header -> where that
    #: field's value is written; None where a column's number is the place.
    locate: Callable[[int, int, str], tuple[int, int]] | None = None


def _decode(data: bytes, filename: str) -> tuple[str, list[Problem]]:
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), []
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), []
        except UnicodeDecodeError as exc:
            # Where the damage is: line and column of the text before the bad bytes.
            before = data[:exc.start].decode("utf-16", errors="replace")
            line = before.count("\n") + 1
            column = len(before) - (before.rfind("\n") + 1) + 1
            raise OrgInputError([Problem(filename, line, column, f"the file starts as UTF-16 but is not valid "
                                                                 f"UTF-16 here ({exc.reason}): is it cut short? "
                                                                 "Export it again")]) from None
    head = data[:200]
    if len(head) >= 4 and head.count(0) * 3 > len(head):  # UTF-16 text without its byte-order mark
        order = "utf-16-le" if head[1] == 0 else "utf-16-be"
        try:
            return data.decode(order), []
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError:
        pass
    for encoding, label in (("cp1252", "cp1252 (Windows Western European)"), ("latin-1", "latin-1")):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        return text, [Problem(filename, 1, 1, f"the file is not UTF-8; read it as {label}: check that names "
                                              "look right, or save the export as UTF-8", warning=True)]
    raise AssertionError("latin-1 decodes any bytes")


def _delimiter(text: str, suffix: str) -> str:
    first = text.split("\n", 1)[0]
    counts = {d: first.count(d) for d in (",", ";", "\t", "|")}
    best = max(counts, key=counts.get)
    if counts[best] == 0:
        return "\t" if suffix in (".tsv", ".tab") else ","
    return best


def _read_csv(text: str, suffix: str, filename: str) -> _Sheet:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text, suffix), strict=True)

    def malformed(exc: csv.Error, row: int) -> OrgInputError:
        return OrgInputError([Problem(filename, row, 1, f"this row is not well-formed CSV: {exc} "
                                                        "(is a quote left open?)")])

    try:
        header = next(reader, [])
    except csv.Error as exc:
        raise malformed(exc, 1) from None

    def rows():
        start = reader.line_num + 1
        try:
            for cells in reader:
                row, start = start, reader.line_num + 1
                if cells:
                    yield row, 0, cells
        except csv.Error as exc:
            raise malformed(exc, start) from None

    return _Sheet([h.strip() for h in header], rows())


def _read_xlsx(data: bytes, filename: str) -> _Sheet:
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a damaged file
        raise OrgInputError([Problem(filename, 1, 1, f"cannot read the workbook: {exc}")]) from None
    sheet = book.worksheets[0]
    values = enumerate(sheet.iter_rows(values_only=True), start=1)
    header: list[str] = []
    for _, cells in values:
        if any(c is not None and str(c).strip() for c in cells):
            header = ["" if c is None else str(c).strip() for c in cells]
            break

    def rows():
        for row, cells in values:
            if any(c is not None for c in cells):
                yield row, 0, list(cells)
        book.close()

    return _Sheet(header, rows(), typed=True)


def _flatten(record: dict, prefix: str = "", out: dict | None = None) -> dict:
    """``{"work": {"reportsTo": {"id": 7}}}`` -> ``{"work.reportsTo.id": 7}``; a list of typed items
    (Google's ``relations``) becomes ``relations.manager`` = the item's value."""
    out = {} if out is None else out
    for key, value in record.items():
        path = f"{prefix}{key}"
        if isinstance(value, dict):
            _flatten(value, path + ".", out)
        elif isinstance(value, list):
            for index, item in enumerate(value):
                if isinstance(item, dict) and isinstance(item.get("type"), str):
                    if "value" in item:
                        out.setdefault(f"{path}.{item['type']}", item["value"])
                    _flatten(item, f"{path}.{item['type']}.", out)
                elif isinstance(item, dict):
                    _flatten(item, f"{path}.{index}.", out)
                else:
                    out.setdefault(f"{path}.{index}", item)
        else:
            out[path] = value
    return out


_JSON_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"|[\[\]{}]')


def _record_lines(finder: _FieldFinder, key: str | None) -> list[tuple[int, int]]:
    """(line, column) of each record's ``{`` in a list of records (``key``: the list is this key's
    value in a top-level object)."""
    text = finder.text
    depth_wanted = 1 if key is None else 2
    depth, found = 0, []
    last_string, in_list = None, key is None
    for match in _JSON_TOKEN.finditer(text):
        token = match.group()
        if token in "[{":
            if key is not None and depth == 1 and token == "[":
                in_list = last_string == key
            if token == "{" and depth == depth_wanted and in_list:
                found.append(finder.position(match.start()))
            depth += 1
        elif token in "]}":
            depth -= 1
        elif depth == 1:
            last_string = json.loads(token)
    return found


#: Keys that hold the person records in an object with several lists of records.
RECORD_LIST_KEYS = frozenset({"employees", "people", "persons", "workers", "users", "members", "report_entry",
                              "value", "data", "results", "records"})


def _read_json(text: str, filename: str) -> _Sheet:
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        raise OrgInputError([Problem(filename, exc.lineno, exc.colno, f"not valid JSON: {exc.msg}")]) from None
    key = None
    if isinstance(document, dict):
        lists = {k: v for k, v in document.items() if isinstance(v, list) and v and isinstance(v[0], dict)}
        if len(lists) > 1:  # BambooHR's reports list their "fields" beside the "employees"
            lists = {k: v for k, v in lists.items() if k.casefold() in RECORD_LIST_KEYS} or lists
        if len(lists) != 1:
            raise OrgInputError([Problem(filename, 1, 1, "expected a list of person records, or an object with "
                                                         "one list of them (like {\"employees\": [...]})")])
        key, document = next(iter(lists.items()))
    if not isinstance(document, list) or not all(isinstance(r, dict) for r in document):
        raise OrgInputError([Problem(filename, 1, 1, "expected a list of person records (JSON objects)")])
    records = [_flatten(r) for r in document]
    header = list(dict.fromkeys(key for record in records for key in record))
    finder = _FieldFinder(text)
    places = _record_lines(finder, key)
    locate = finder.place
    if len(places) != len(records):  # records json.loads kept are not the ones found (a repeated key)
        places, locate = [(1, 1)] * len(records), None

    def rows():
        for (line, column), record in zip(places, records, strict=True):
            yield line, column, [record.get(key) for key in header]

    return _Sheet(header, rows(), typed=True, locate=locate)


_JSON_SCAN = re.compile(r'\s*(?:("(?:[^"\\]|\\.)*")|([\[\]{},:])|([^\s\[\]{},:"]+))')


class _FieldFinder:
    """Where a flattened field (``work.reportsTo.id``, ``relations.manager``) is written in a record,
    found by scanning that record's text again: only when a problem needs the place, so reading
    stays one ``json.loads``."""

    def __init__(self, text: str):
        self.text = text
        self.line_starts = [0] + [i + 1 for i, c in enumerate(text) if c == "\n"]
        #: Each record read once, however many of its fields have problems.
        self.records: dict[int, dict[str, int]] = {}

    def position(self, offset: int) -> tuple[int, int]:
        line = bisect_right(self.line_starts, offset)
        return line, offset - self.line_starts[line - 1] + 1

    def place(self, line: int, column: int, header: str) -> tuple[int, int]:
        if line < 1 or line > len(self.line_starts):
            return line, column
        start = self.line_starts[line - 1] + column - 1
        found = self.records.get(start)
        if found is None:
            found = self.records[start] = self.fields(start)
        offset = found.get(header)
        return self.position(offset) if offset is not None else (line, column)

    def fields(self, start: int) -> dict[str, int]:
        """Flattened key -> offset of its value, for the record whose ``{`` is at ``start``
        (named as :func:`_flatten` names them)."""
        found: dict[str, int] = {}
        # Each open container: [is_object, path prefix, pending key or next index, type of a list item, offsets]
        stack: list[list] = []
        expect_key = False
        for match in _JSON_SCAN.finditer(self.text, start):
            string, punct, scalar = match.groups()
            at = match.start(1) if string else match.start(2) if punct else match.start(3)
            if punct in ("}", "]"):
                closed = stack.pop()
                if closed[0] and stack and not stack[-1][0] and closed[3] is not None:
                    self.rename_typed_item(found, closed, stack[-1])
                if not stack:
                    return found
                expect_key = False
                continue
            if punct == ",":
                top = stack[-1]
                if top[0]:
                    expect_key = True
                else:
                    top[2] += 1
                continue
            if punct == ":":
                continue
            if stack and stack[-1][0] and expect_key:
                stack[-1][2] = json.loads(string) if string else scalar
                expect_key = False
                continue
            path = None
            if stack:
                top = stack[-1]
                path = f"{top[1]}{top[2]}"
                found.setdefault(path, at)
                if top[0] and top[2] == "type" and string:
                    top[3] = json.loads(string)
            if punct == "{":
                stack.append([True, "" if path is None else path + ".", None, None, path])
                expect_key = True
            elif punct == "[":
                stack.append([False, path + ".", 0, None, path])
        return found

    @staticmethod
    def rename_typed_item(found: dict[str, int], item: list, parent: list) -> None:
        """A list item with a "type" (Google's relations) is named by its type, like :func:`_flatten` does."""
        old_prefix, new_prefix = item[1], f"{parent[4]}.{item[3]}."
        for key in [k for k in found if k.startswith(old_prefix)]:
            found.setdefault(new_prefix + key[len(old_prefix):], found[key])
        if new_prefix + "value" in found:
            found.setdefault(new_prefix[:-1], found[new_prefix + "value"])


def read_sheet(data: bytes, filename: str, suffix: str) -> _Sheet:
    if suffix in (".xlsx", ".xlsm"):
        return _read_xlsx(data, filename)
    text, warnings = _decode(data, filename)
    sheet = _read_json(text, filename) if suffix == ".json" else _read_csv(text, suffix, filename)
    sheet.warnings[:0] = warnings
    if not any(sheet.header):
        raise OrgInputError([Problem(filename, 1, 1, "the file has no header row: the first row must name the "
                                                     "columns (id, name, title, manager, ...)")])
    return sheet


# -- which column feeds which field -------------------------------------------------


def map_columns(header: list[str], options: TableOptions, filename: str) -> tuple[dict[str, Mapped], list[Problem]]:
    """Each field's column, with the reason it was chosen; problems for --map/--person-key names
    that are not columns."""
    problems: list[Problem] = []
    exact = {}
    normal = {}
    for index, name in enumerate(header):
        exact.setdefault(name, index)
        normal.setdefault(normal_header(name), index)

    def find(name: str) -> int | None:
        index = exact.get(name)
        return index if index is not None else normal.get(normal_header(name))

    mapped: dict[str, Mapped] = {}
    layers = [(preset(COMMON), "header name")]
    if options.preset:
        layers.insert(0, (preset(options.preset), f"--from {options.preset}"))
    for field_name in _FIELD_ORDER:
        for table, reason in layers:
            for name in table.columns.get(field_name, ()):
                index = find(name)
                if index is not None:
                    mapped[field_name] = Mapped(field_name, header[index], index + 1, reason)
                    break
            if field_name in mapped:
                break
    columns_list = ", ".join(repr(h) for h in header if h)
    for field_name, column in options.mapping:
        if field_name not in FIELDS:
            problems.append(Problem(filename, 1, 1, f"--map {field_name}={column}: unknown field {field_name!r}; "
                                                    f"fields are: {', '.join(FIELDS)}"))
            continue
        index = find(column)
        if index is None:
            problems.append(Problem(filename, 1, 1, f"--map {field_name}={column}: the file has no column "
                                                    f"{column!r} (columns: {columns_list})"))
            continue
        mapped[field_name] = Mapped(field_name, header[index], index + 1, "--map")
    if options.person_key is not None and find(options.person_key) is None:
        problems.append(Problem(filename, 1, 1, f"--person-key {options.person_key}: the file has no column "
                                                f"{options.person_key!r} (columns: {columns_list})"))
    if "id" not in mapped and options.person_key is None:
        problems.append(Problem(filename, 1, 1, "no column gives the person id (columns: " + columns_list
                                + "); name it with --map id=COLUMN, or pick the HR system with --from"))
    if "title" not in mapped and "role" not in mapped:
        problems.append(Problem(filename, 1, 1, "no column gives the job title (columns: " + columns_list
                                + "); name it with --map title=COLUMN"))
    return mapped, problems


def describe_mapping(data: bytes, filename: str, suffix: str, options: TableOptions) -> list[str]:
    """Lines for --show-mapping: each field, its column and why; then the columns left unused."""
    sheet = read_sheet(data, filename, suffix)
    mapped, problems = map_columns(sheet.header, options, filename)
    lines = [str(p) for p in problems]
    width = max(len(f) for f in FIELDS)
    for field_name in _FIELD_ORDER:
        m = mapped.get(field_name)
        if m:
            lines.append(f"{field_name:<{width}}  <- column {m.column} {m.header!r} ({m.reason})")
        else:
            lines.append(f"{field_name:<{width}}  (no column)")
    if options.person_key:
        lines.append(f"{'person key':<{width}}  <- column {options.person_key!r} (--person-key)")
    used = {m.column for m in mapped.values()}
    unused = [repr(h) for i, h in enumerate(sheet.header, start=1) if i not in used and h]
    if unused:
        lines.append("not used: " + ", ".join(unused))
    return lines


# -- values ---------------------------------------------------------------------------


def _text(value) -> str | dt.date | None:
    """A cell that is not text (XLSX and JSON values) as the text an export would hold; dates stay
    dates, and whole numbers lose the ``.0`` Excel gives ids stored as numbers."""
    if value is None or isinstance(value, dt.date):  # datetime is a date too
        return value
    if isinstance(value, bool):
        value = "true" if value else "false"
    elif isinstance(value, float) and value.is_integer():
        value = str(int(value))
    text = str(value).strip()
    return None if text.casefold() in MISSING else text


def _iso(value: dt.date) -> str:
    return (value.date() if isinstance(value, dt.datetime) else value).isoformat()


class _TextOnly(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def plain_title(title: str) -> str:
    """``<b>Head</b> of R&amp;D`` -> ``Head of R&D``."""
    if "<" not in title and "&" not in title:
        return title
    parser = _TextOnly()
    parser.feed(title)
    parser.close()
    return " ".join(unescape("".join(parser.parts)).split())


_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})([T ]\d{1,2}:\d{2}\S*(?: ?[+-]\d{2}:?\d{2}|Z)?)?$")
_DAY_MONTH = re.compile(r"^(\d{1,2})([/.\-])(\d{1,2})\2(\d{4})([T ]\d{1,2}:\d{2}.*)?$")
_SERIAL = re.compile(r"^\d{5}(?:\.\d+)?$")
_NAMED_FORMATS = {"dd/mm/yyyy": "%d/%m/%Y", "mm/dd/yyyy": "%m/%d/%Y", "yyyy-mm-dd": "%Y-%m-%d",
                  "dd.mm.yyyy": "%d.%m.%Y", "dd-mm-yyyy": "%d-%m-%Y", "mm-dd-yyyy": "%m-%d-%Y"}


def strftime_pattern(date_format: str) -> str:
    """--date-format as a strptime pattern: ``dd/mm/yyyy`` or ``%d/%m/%Y``."""
    return _NAMED_FORMATS.get(date_format.strip().lower(), date_format)


class _DateColumn:
    """Reads one column's dates, after seeing all its values to settle day/month order."""

    def __init__(self, header: str, values: Iterable[tuple[str, tuple[int, int]]], date_format: str | None):
        self.header = header
        self.pattern = strftime_pattern(date_format) if date_format else None
        self.order: str | None = None  # "dmy" or "mdy" for slashed dates
        self.problems: list[tuple[tuple[int, int], str]] = []
        self.timestamp_at: tuple[int, int] | None = None
        if self.pattern:
            return
        day_first = month_first = ambiguous = None
        for text, place in values:
            match = _DAY_MONTH.match(text) if isinstance(text, str) else None
            if not match or match.group(2) == ".":
                continue
            a, b = int(match.group(1)), int(match.group(3))
            if a > 12 and day_first is None:
                day_first = (place, text)
            elif b > 12 and month_first is None:
                month_first = (place, text)
            elif a != b and a <= 12 and b <= 12 and ambiguous is None:
                ambiguous = (place, text)
        if day_first and month_first:
            self.problems.append((month_first[0], f"column {header!r} mixes day-first dates ({day_first[1]!r}) "
                                                  f"and month-first dates ({month_first[1]!r}); make them one "
                                                  "format in the export"))
        elif day_first or month_first:
            self.order = "dmy" if day_first else "mdy"
        elif ambiguous:
            self.problems.append((ambiguous[0], f"column {header!r} has dates like {ambiguous[1]!r} that read "
                                                "as dd/mm/yyyy or as mm/dd/yyyy, and no day over 12 settles which: "
                                                "pass --date-format dd/mm/yyyy or --date-format mm/dd/yyyy"))

    def parse(self, value, place: tuple[int, int]) -> dt.date | None:
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        match = _ISO.match(value)
        if match:
            if match.group(4) and self.timestamp_at is None:
                self.timestamp_at = place
            return self._date(int(match.group(1)), int(match.group(2)), int(match.group(3)), value, place)
        if self.pattern:
            try:
                return dt.datetime.strptime(value, self.pattern).date()
            except ValueError:
                self.problems.append((place, f"column {self.header!r}: {value!r} does not match --date-format "
                                             f"{self.pattern}"))
                return None
        match = _DAY_MONTH.match(value)
        if match:
            if match.group(5) and self.timestamp_at is None:
                self.timestamp_at = place
            a, b, year = int(match.group(1)), int(match.group(3)), int(match.group(4))
            day, month = (b, a) if self.order == "mdy" else (a, b)
            return self._date(year, month, day, value, place)
        if _SERIAL.match(value):
            days = float(value)
            if 10000 <= days <= 2958465:
                return _EXCEL_EPOCH + dt.timedelta(days=int(days))
        self.problems.append((place, f"column {self.header!r}: {value!r} is not a date (use ISO 2025-03-01, "
                                     "dd/mm/yyyy, mm/dd/yyyy or an Excel date)"))
        return None

    def _date(self, year, month, day, value, place) -> dt.date | None:
        try:
            return dt.date(year, month, day)
        except ValueError:
            self.problems.append((place, f"column {self.header!r}: {value!r} is not a real date"))
            return None


def _dn_name(dn: str) -> str | None:
    """The CN of a distinguished name, unescaped: ``CN=Smith\\, Jane,OU=Staff`` -> ``Smith, Jane``."""
    if not dn[:3].casefold() == "cn=":
        return None
    out, escaped = [], False
    for char in dn[3:]:
        if escaped:
            out.append(char)
            escaped = False
        elif char == "\\":
            escaped = True
        elif char in ",+":
            break
        else:
            out.append(char)
    return "".join(out).strip()


def _normal_dn(dn: str) -> str:
    return re.sub(r"\s*([,=+])\s*", r"\1", dn).casefold()


def _name_key(name: str) -> str:
    """'Last, First' and 'First Last' compare equal."""
    if "," in name:
        last, _, first = name.partition(",")
        name = f"{first} {last}"
    return " ".join(name.split()).casefold()


# -- building the org ----------------------------------------------------------------


class _Row:
    __slots__ = ("column", "key", "number", "values")

    def __init__(self, number: int, column: int, values: list, key: str | None):
        self.number, self.column, self.values, self.key = number, column, values, key


class TableReader:
    """One load of one export: rows -> people, every problem collected."""

    def __init__(self, filename: str, options: TableOptions, as_of: dt.date | None):
        self.filename = filename
        self.options = options
        self.as_of = as_of or dt.date.today()
        self.problems: list[Problem] = []
        self.locate: Callable[[int, int, str], tuple[int, int]] | None = None
        self.warnings: list[Problem] = []

    def problem(self, place: tuple[int, int], message: str) -> None:
        self.problems.append(Problem(self.filename, place[0], place[1], message))

    def place(self, row: _Row, field_name: str) -> tuple[int, int]:
        return self.row_place(row.number, row.column, field_name)

    def row_place(self, number: int, column: int, field_name: str) -> tuple[int, int]:
        """Where a field of the row at ``number`` (in JSON: the record at ``number``:``column``) is written."""
        return self.cell_place(number, column, self.mapped[field_name].column - 1)

    def fail_if_problems(self) -> None:
        if self.problems:
            self.problems.sort(key=lambda p: (p.line, p.column))
            raise OrgInputError(self.problems)

    def read(self, sheet: _Sheet) -> Org:
        self.warnings += sheet.warnings
        self.locate, self.header = sheet.locate, sheet.header
        options = self.options
        self.mapped, problems = map_columns(sheet.header, options, self.filename)
        self.problems += problems
        self.fail_if_problems()
        status_words = {**preset(COMMON).status, **(preset(options.preset).status if options.preset else {})}
        slots = [(self.mapped[f].column - 1) if f in self.mapped else None for f in _FIELD_ORDER]
        key_index = None
        if options.person_key is not None:
            key_index = next(i for i, h in enumerate(sheet.header)
                             if h == options.person_key or normal_header(h) == normal_header(options.person_key))
        # One C-level pick per row: the cell of each mapped field, then the person key's (when it is
        # not the id's).
        filled = [slot for slot, i in enumerate(slots) if i is not None]
        indexes = [slots[slot] for slot in filled]
        if key_index is not None:
            indexes.append(key_index)
            filled.append(len(slots))  # the key's slot, after every field's
        pick = itemgetter(*indexes)
        width = max(indexes) + 1
        picked = []
        for number, column, cells in sheet.rows:
            if len(cells) < width:
                cells = cells + [""] * (width - len(cells))
            picked.append((number, column, pick(cells)))
        # From here on the work is column by column: a million rows share a few column-wide
        # C-level passes instead of a Python loop over every cell.
        count = len(picked)
        numbers, row_columns, picks = zip(*picked) if picked else ((), (), ())
        del picked
        nothing = [None] * count  # the column of every field the export does not have
        columns = [nothing] * (len(slots) + 1)
        for slot, cells in zip(filled, zip(*picks) if picks else [()] * len(filled), strict=True):
            columns[slot] = self.clean(cells, slot, sheet.typed)
        del picks
        if key_index is None:
            columns[-1] = columns[_SLOT["id"]]
        if any(_CONTROL.search("".join(filter(None, columns[slot]) if not sheet.typed else
                                       (v for v in columns[slot] if type(v) is str))) for slot in filled):
            self.check_all_controls(sheet.header, columns, numbers, row_columns, slots, key_index)
        self.parse_dates(columns, numbers, row_columns)
        keys = columns.pop()
        rows = list(map(_Row, numbers, row_columns, map(list, zip(*columns)), keys))
        del columns
        return self.build(self.pick_rows(rows, keys), status_words)

    @staticmethod
    def clean(cells: tuple, slot: int, typed: bool) -> list:
        """One column's cells, stripped, missing values as None, repeated text interned (rows share
        titles and teams); in typed sheets, a date where text belongs (an id Excel took for a
        date) becomes ISO text."""
        if not typed:  # CSV: every cell is text
            stripped = map(str.strip, cells)
            if slot in _REPEATED_SLOTS:
                stripped = map(sys.intern, stripped)
            stripped = list(stripped)
            return list(map(_MISSING_AS_NONE.get, stripped, stripped))
        missing, intern = _MISSING_FORMS, sys.intern
        values = [(None if (text := c.strip()) in missing else intern(text)) if type(c) is str else _text(c)
                  for c in cells]
        if slot not in _DATE_SLOTS:
            values = [_iso(v) if isinstance(v, dt.date) else v for v in values]
        return values

    def check_all_controls(self, header: list[str], columns: list[list], numbers, row_columns, slots, key_index):
        """Every cell's control characters, row by row (only run when some column holds one)."""
        keys = columns[-1]
        for row in range(len(numbers)):
            number, column = numbers[row], row_columns[row]
            for values, i, field_name in zip(columns[:-1], slots, _FIELD_ORDER, strict=True):
                if i is not None:
                    self.check_controls(values[row], number, column, i, field_name in _TEXT_FIELDS)
            if key_index is not None:
                self.check_controls(keys[row], number, column, key_index, False)

    def cell_place(self, number: int, column: int, index: int) -> tuple[int, int]:
        """Where the cell of column ``index`` (0-based) of a row is written."""
        if column and self.locate is not None:
            return self.locate(number, column, self.header[index])
        return (number, column or index + 1)

    def check_controls(self, value, number: int, column: int, index: int, free_text: bool) -> None:
        """Control characters (terminal escapes, NUL) would reach terminals and logs: an input problem,
        as in YAML. Names and titles may hold line breaks and tabs; ids and references may not.
        The cell's place is found only for a bad value (in JSON that means reading its record again)."""
        if type(value) is not str:
            return
        bad = (_CONTROL_IN_TEXT if free_text else _CONTROL).search(value)
        if bad:
            self.problem(self.cell_place(number, column, index),
                         f"column {self.header[index]!r}: the value contains the control character "
                         f"U+{ord(bad.group()):04X}; remove it from the export")

    def parse_dates(self, columns: list[list], numbers, row_columns) -> None:
        """Each date column's text -> dates; each distinct value is read once (exports repeat dates)."""
        for field_name in DATE_FIELDS:
            if field_name not in self.mapped:
                continue
            slot = _SLOT[field_name]
            values = columns[slot]
            last = len(values) - 1
            first_row = dict(zip(reversed(values), range(last, -1, -1)))  # the earliest row wins
            first_seen = {value: self.row_place(numbers[first_row[value]], row_columns[first_row[value]], field_name)
                          for value in dict.fromkeys(values) if value is not None}
            column = _DateColumn(self.mapped[field_name].header, first_seen.items(), self.options.date_format)
            if column.problems:
                for place, message in column.problems:
                    self.problem(place, message)
                columns[slot] = [None] * len(values)  # reported: the rest of the load goes on without this column
                continue
            parsed: dict = {}
            wrong: dict = {}
            for value, place in first_seen.items():
                before = len(column.problems)
                parsed[value] = column.parse(value, place)
                if len(column.problems) > before:
                    wrong[value] = column.problems[before:]
            columns[slot] = list(map(parsed.get, values))
            if wrong:
                for row, value in enumerate(values):
                    for _, message in wrong.get(value, ()):
                        self.problem(self.row_place(numbers[row], row_columns[row], field_name), message)
            if column.timestamp_at:
                self.warnings.append(Problem(self.filename, *column.timestamp_at,
                                             f"column {column.header!r} holds timestamps: orgmodel keeps "
                                             "their date part", warning=True))

    def pick_rows(self, rows: list[_Row], keys: list) -> dict[str, tuple[_Row, list[_Row]]]:
        """Person key -> (the row in force on the as-of date, all the person's rows), in file order."""
        history = "effective" in self.mapped or "sequence" in self.mapped or self.options.person_key
        if not history:
            distinct = set(keys)
            if len(distinct) == len(keys) and None not in distinct:  # one row per person, the usual export
                return dict(zip(keys, zip(rows, zip(rows))))  # key -> (row, (row,))
        groups: dict[str, list[_Row]] = {}
        id_place = "id" if "id" in self.mapped else None
        for r in rows:
            if r.key is None:
                self.problem((r.number, r.column or (self.mapped[id_place].column if id_place else 1)),
                             "this row has no person id")
                continue
            groups.setdefault(r.key, []).append(r)
        effective, sequence = _SLOT["effective"], _SLOT["sequence"]
        chosen = {}
        as_of = self.as_of
        for key, group in groups.items():
            if len(group) > 1 and not history:
                first, again = group[0], group[1]
                self.problem(self.place(again, "id"), f"duplicate person id {key!r} (first at row {first.number}); "
                                                      "if the file holds several rows per person, map their "
                                                      "effective date (--map effective=COLUMN) or name the person "
                                                      "column with --person-key")
                continue
            if len(group) == 1:
                chosen[key] = (group[0], group)
                continue

            def order(r: _Row):
                seq = r.values[sequence]
                number = float(seq) if isinstance(seq, str) and _is_number(seq) else 0.0
                return (r.values[effective] or dt.date.min, number, r.number)

            in_force = [r for r in group if (r.values[effective] or dt.date.min) <= as_of]
            pick = max(in_force, key=order) if in_force else min(group, key=order)
            chosen[key] = (pick, group)
        return chosen

    def build(self, people: dict[str, tuple[_Row, list[_Row]]], status_words: dict) -> Org:
        s = _SLOT
        as_of = self.as_of
        mapped = self.mapped
        managers = _Managers(people, self)
        catalog = self.catalog(people)
        roles: dict[str, tuple[Role, str]] = {}
        teams: dict[str, Team] = {}
        team_of_department: dict[str, str] = {}
        persons: list[Person] = []
        keep_leavers = self.options.keep_leavers
        # Slots of fields the export does not have are None in every row: skip their work.
        status_slot = s["status"] if "status" in mapped else None
        terminated_slot = s["terminated"] if "terminated" in mapped else None
        experience_slot = s["experience_years"] if "experience_years" in mapped else None
        effective_slot = s["effective"] if "effective" in mapped else None
        dotted_slot = s["dotted_to"] if "dotted_to" in mapped else None
        title_slot, role_slot, department_slot, hired_slot = s["title"], s["role"], s["department"], s["hired"]
        manager_of, dotted_of, name_of = managers.of, managers.dotted, self.name_of
        # The everyday row names its manager by id and the person by name: looked up here, without a call.
        by_id, manager_slot, name_slot = managers.by_id, s["manager"], s["name"]
        by_role_id: dict[str, tuple[Role, str, str | None]] = {}
        id_column = mapped["id"].column if "id" in mapped else 1
        date = dt.date
        leads_named = "team_lead" in mapped
        for key, (pick, _group) in people.items():
            v = pick.values
            status_word = None
            if status_slot is not None and isinstance(v[status_slot], str):
                status_word = status_words.get(normal_status(v[status_slot]))
            leaving = status_word == "terminated" or (
                terminated_slot is not None and isinstance(v[terminated_slot], date) and v[terminated_slot] <= as_of)
            if leaving and not keep_leavers:
                continue
            title, role_id = v[title_slot], v[role_slot]
            title = plain_title(title) if title is not None else None
            unknown_role = None
            if title is None and role_id is None:
                # One incomplete row must not keep the rest from being checked: ORG005 names it.
                role, source = UNKNOWN_ROLE, "unknown"
            elif role_id is not None:
                found = by_role_id.get(role_id)
                if found is None:
                    role = catalog.get(role_id)
                    found = by_role_id[role_id] = (role, "role", None) if role else (UNKNOWN_ROLE, "unknown", role_id)
                role, source, unknown_role = found
            else:
                if title not in roles:
                    role = catalog.infer(title).role
                    roles[title] = (role, "title") if role is not None else (UNKNOWN_ROLE, "unknown")
                role, source = roles[title]
            team = None
            department = v[department_slot]
            if isinstance(department, str):
                team = team_of_department.get(department)
                if team is None:
                    team = self.team(department, pick, teams, managers)
                    team_of_department[department] = team
                elif leads_named and teams[team].lead is None and v[s["team_lead"]] is not None:
                    teams[team] = replace(teams[team], lead=self.team_lead(pick, managers))
            hired = v[hired_slot]
            if hired is None and effective_slot is not None:
                effective = v[effective_slot]
                if isinstance(effective, date) and effective > as_of:
                    hired = effective  # a person whose first row starts later: a planned hire
            manager = v[manager_slot]
            manager = by_id.get(manager) if type(manager) is str else None
            if manager is None:
                manager = manager_of(pick)
            name = v[name_slot]
            if type(name) is not str:
                name = name_of(v)
            # Positional, in field order: a million people are built here, and keywords cost twice as much.
            persons.append(Person(
                key,  # id
                name or key,  # name
                role,
                title,
                manager,  # reports_to
                dotted_of(pick) if dotted_slot is not None else (),  # dotted_to
                team,
                hired if isinstance(hired, date) else None,  # hired
                self.years(pick) if experience_slot is not None else None,  # experience_years
                "open" if status_word == "open" else "filled",  # status
                None, (), (),  # cost, ignore, ignore_positions
                pick.number,  # line
                pick.column or id_column,  # column
                source,  # role_source
                unknown_role,
            ))
        self.fail_if_problems()
        name = self.options.org_name or Path(self.filename).stem
        return Org(name, persons, roles=catalog, teams=teams if "department" in mapped else None,
                   as_of=as_of, file=self.filename, warnings=self.warnings)

    def catalog(self, people: dict[str, tuple[_Row, list[_Row]]]) -> RoleCatalog:
        """The built-in roles, extended by the custom roles the file describes (role_family and
        friends, as ``orgmodel export`` writes them for roles defined under ``roles:``)."""
        builtin = RoleCatalog.builtin()
        if "role_family" not in self.mapped:
            return builtin
        s = _SLOT
        custom: dict[str, tuple[Role, int]] = {}
        for pick, _group in people.values():
            v = pick.values
            role_id, family = v[s["role"]], v[s["role_family"]]
            if not isinstance(role_id, str) or family is None:
                continue
            if family not in FAMILIES:
                self.problem(self.place(pick, "role_family"),
                             f"column {self.mapped['role_family'].header!r}: {family!r} is not a role family "
                             f"(one of {', '.join(FAMILIES)})")
                continue
            if not is_role_id(role_id):
                self.problem(self.place(pick, "role"), f"role id {role_id!r} may contain only {ROLE_ID_CHARACTERS}")
                continue
            rank = v[s["role_rank"]]
            if rank is not None:
                try:
                    rank = int(str(rank))
                except ValueError:
                    self.problem(self.place(pick, "role_rank"), f"column {self.mapped['role_rank'].header!r}: "
                                                                f"{rank!r} is not a whole number")
                    continue
            base = builtin.get(role_id)
            role = Role(role_id, v[s["role_title"]] or (base.title if base else role_id.replace("_", " ").title()),
                        family, rank, base.aliases if base else (), builtin=False)
            earlier = custom.get(role_id)
            if earlier is not None and earlier[0] != role:
                self.problem(self.place(pick, "role_family"),
                             f"role {role_id!r} is described differently in row {earlier[1]}")
                continue
            custom.setdefault(role_id, (role, pick.number))
        return builtin.extended({role_id: role for role_id, (role, _) in custom.items()}) if custom else builtin

    def team(self, department: str, row: _Row, teams: dict[str, Team], managers: _Managers) -> str:
        """A new team for ``department``: its id, its name and the lead the row names. Beside a
        team_name column the department column is the team's id, kept as written."""
        team_name = row.values[_SLOT["team_name"]] if "team_name" in self.mapped else None
        if team_name is not None and department not in teams and not _CONTROL.search(department):
            team_id = department
        else:
            team_id = _unique_slug(department, teams)
        teams[team_id] = Team(team_id, team_name or department, self.team_lead(row, managers))
        return team_id

    def team_lead(self, row: _Row, managers: _Managers) -> str | None:
        """The person a row names as its team's lead: by id, email or name, like a manager."""
        lead = row.values[_SLOT["team_lead"]]
        return managers.resolve(lead, row, "team_lead") if isinstance(lead, str) else None

    def years(self, row: _Row) -> float | None:
        value = row.values[_SLOT["experience_years"]]
        if value is None:
            return None
        try:
            years = float(value)
        except (TypeError, ValueError):
            years = -1.0
        if not years >= 0:
            self.problem(self.place(row, "experience_years"), f"column {self.mapped['experience_years'].header!r}: "
                                                              f"{value!r} is not a number of years (0 or more)")
            return None
        return years

    @staticmethod
    def name_of(v: list) -> str | None:
        name = v[_SLOT["name"]]
        if isinstance(name, str):
            return name
        parts = [p for p in (v[_SLOT["first_name"]], v[_SLOT["last_name"]]) if isinstance(p, str)]
        return " ".join(parts) or None


class _Managers:
    """Resolves manager references to person keys. The id index is built up front; the email,
    DN and name indexes only when a reference first needs them (many exports never do)."""

    def __init__(self, people: dict[str, tuple[_Row, list[_Row]]], reader: TableReader):
        self.people, self.reader = people, reader
        id_slot, alt_slot = _SLOT["id"], _SLOT["alt_id"]
        if "alt_id" not in reader.mapped and not reader.options.person_key:
            by_id = dict(zip(people, people))  # every row's id is its person key
        else:
            by_id = {}
            for key, (_, group) in people.items():
                by_id.setdefault(key, key)
                for r in group:
                    for value in (r.values[id_slot], r.values[alt_slot]):
                        if type(value) is str:
                            by_id.setdefault(value, key)
        self.by_id = by_id
        self._email: dict[str, str] | None = None
        self._dn: dict[str, str] | None = None
        self._name: dict[str, dict[str, int]] | None = None

    def _index(self, slot: int, normal) -> dict[str, str]:
        index: dict[str, str] = {}
        for key, (_, group) in self.people.items():
            for r in group:
                if type(r.values[slot]) is str:
                    index.setdefault(normal(r.values[slot]), key)
        return index

    def by_email(self, ref: str) -> str | None:
        if self._email is None:
            self._email = self._index(_SLOT["email"], str.casefold)
        return self._email.get(ref.casefold())

    def by_dn(self, ref: str) -> str | None:
        if self._dn is None:
            self._dn = self._index(_SLOT["dn"], _normal_dn)
        return self._dn.get(_normal_dn(ref))

    def by_name(self, ref: str, row: _Row, field_name: str) -> str | None:
        if self._name is None:
            self._name = {}
            for key, (pick, _) in self.people.items():
                name = TableReader.name_of(pick.values)
                if name:
                    self._name.setdefault(_name_key(name), {}).setdefault(key, pick.number)
        matches = self._name.get(_name_key(ref))
        if not matches:
            return None
        if len(matches) > 1:
            listed = " and ".join(f"{k!r} (row {n})" for k, n in matches.items())
            who = "team lead" if field_name == "team_lead" else "manager"
            self.reader.problem(self.reader.place(row, field_name),
                                f"{who} {ref!r} matches {len(matches)} people: {listed}; "
                                f"name the {who} by id or email")
            return None
        return next(iter(matches))

    def of(self, row: _Row) -> str | None:
        """The person key a row's manager columns name; the reference itself when nobody matches
        (the org then reports ORG001 for it)."""
        values = row.values
        for slot, field_name in _MANAGER_SLOTS:
            ref = values[slot]
            if ref is None:
                continue
            return self.resolve(ref if type(ref) is str else str(ref), row, field_name)
        return None

    def dotted(self, row: _Row) -> tuple[str, ...]:
        refs = row.values[_SLOT["dotted_to"]]
        if refs is None:
            return ()
        return tuple(self.resolve(ref.strip(), row, "dotted_to") for ref in str(refs).split(";") if ref.strip())

    def resolve(self, ref: str, row: _Row, field_name: str) -> str:
        """By id, then email, then DN, then name; the reference itself when nobody matches."""
        found = self.by_id.get(ref)
        if found is None and "@" in ref:
            found = self.by_email(ref)
        if found is None and ref[:3].casefold() == "cn=":
            found = self.by_dn(ref)
            if found is None:
                cn = _dn_name(ref)
                found = self.by_name(cn, row, field_name) if cn else None
        if found is None and "@" not in ref:
            found = self.by_name(ref, row, field_name)
        return found if found is not None else ref


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def slug(text: str) -> str:
    """``Customer Success`` -> ``customer-success``; a plain lower-case id (``data_platform``) stays.

    Accented Latin letters lose their accents (``Équipe Produit`` -> ``equipe-produit``); letters of
    other scripts stay as written (``研发部``, ``отдел-продаж``), so departments keep distinct ids.
    """
    folded = "".join(_without_accent(c) for c in unicodedata.normalize("NFC", text.casefold()))
    # Letters, marks and digits of any script stay: a Devanagari vowel sign is part of its word.
    kept = "".join(c if c in "_." or unicodedata.category(c)[0] in "LMN" else "-" for c in folded)
    return re.sub("-+", "-", kept).strip("-") or "team"


def _without_accent(character: str) -> str:
    """``é`` -> ``e``; a letter whose base is not ASCII (``й``, ``が``) is a letter of its own and stays."""
    base = "".join(c for c in unicodedata.normalize("NFKD", character) if not unicodedata.combining(c))
    return base if base and base.isascii() else character


def _unique_slug(name: str, taken: dict) -> str:
    """A team id for a department (``-2``, ``-3`` ... when taken)."""
    base = candidate = slug(name)
    number = 2
    while candidate in taken:
        candidate = f"{base}-{number}"
        number += 1
    return candidate


def load_table(data: bytes, filename: str, suffix: str, *, as_of: dt.date | None = None,
               options: TableOptions | None = None) -> Org:
    """Read an HR export (the bytes of a file named ``filename``) as an org."""
    options = options or TableOptions()
    if options.preset and options.preset not in preset_names():
        raise OrgInputError([Problem(filename, 1, 1, f"unknown HR system {options.preset!r}; "
                                                     f"presets: {', '.join(preset_names())}")])
    with collector_paused():
        return TableReader(filename, options, as_of).read(read_sheet(data, filename, suffix))
