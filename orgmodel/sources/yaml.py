"""Org file -> :class:`~orgmodel.org.Org`, or every input problem with its position.

The loader reads bytes (bounded in size), decodes UTF-8, parses YAML with
``yamlparse`` (positions, no tags, bounded aliases and depth, no duplicate
keys), flattens nested ``reports``, validates with the pydantic models and
resolves roles. Problems are collected, not raised one by one, so a user
sees all of them in one run.
"""

from __future__ import annotations

import codecs
import datetime as dt
import os
import re
import sys
from collections.abc import Iterable

from pydantic import ValidationError

from ..findings import OrgInputError, Problem
from ..gcpause import collector_paused
from ..inputfile import read_bounded as read_bounded_file
from ..inputfile import UnreadableFile, read_stream_bounded
from ..model import ID_RULE, PERSON_KEYS, ROLE_ID_CHARACTERS, TOP_KEYS, OrgHeader, PersonFields, RoleDef, TeamDef, is_role_id
from ..org import Org, Person, Team
from ..roles import FAMILIES, UNKNOWN, Role, RoleCatalog
from ..suggest import did_you_mean
from .plainfields import plain_person_fields
from .yamlparse import (DEFAULT_MAX_DEPTH, MAX_LISTED, YamlError, YamlList, YamlMap, parse_with_problems, position_of,
                        quote)

#: Files larger than this are refused before reading (bytes); see ``max_bytes``.
DEFAULT_MAX_BYTES = 200 * 1024 * 1024
SUPPORTED_VERSIONS = ("1",)

_CONTENT = re.compile(r"^[ \t]*[^#\s]", re.MULTILINE)  # a line that is neither blank nor a comment
# Longest first: the UTF-32 little-endian mark begins with the UTF-16 one.
_BYTE_ORDER_MARKS = ((codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
                     (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
                     (codecs.BOM_UTF16_BE, "utf-16-be"))
# Without a mark, YAML tells the encoding from where the first character's zero bytes are
# (a YAML file begins with an ASCII character): True marks a byte that is zero.
_NULL_PATTERNS = (((True, True, True, False), "utf-32-be"), ((False, True, True, True), "utf-32-le"),
                  ((True, False), "utf-16-be"), ((False, True), "utf-16-le"))
UNKNOWN_ROLE = Role(UNKNOWN, "Unknown role", "other", None)
#: Keys of the mappings inside roles: and teams:, for did-you-mean hints.
_NESTED_KEYS = {"roles": tuple(RoleDef.model_fields), "teams": tuple(TeamDef.model_fields)}


def load(
    path: str | os.PathLike,
    *,
    as_of: dt.date | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    display_name: str | None = None,
) -> Org:
    """Load an org file. ``path`` may be ``"-"`` for standard input.

    Raises :class:`OrgInputError` listing every problem when the file cannot
    be read as an org.
    """
    name = display_name_for(path, display_name)
    data = read_bounded(path, name, max_bytes)
    return load_bytes(data, name, as_of=as_of)


def load_text(text: str, filename: str = "<string>", **kwargs) -> Org:
    """Load an org from YAML text (handy in tests and notebooks)."""
    return load_bytes(text.encode("utf-8"), filename, **kwargs)


def load_bytes(
    data: bytes,
    filename: str,
    *,
    as_of: dt.date | None = None,
    max_depth: int = DEFAULT_MAX_DEPTH,
) -> Org:
    text = _decode(data, filename)
    with collector_paused():
        try:
            root, root_mark, yaml_problems = parse_with_problems(text, max_depth=max_depth)
        except YamlError as exc:
            raise OrgInputError([Problem(filename, p.line, p.column, p.message) for p in exc.problems]) from None
        builder = _Builder(filename)
        for problem in yaml_problems:  # reported with the org's own problems, all in one run
            builder.problem((problem.line, problem.column), problem.message)
        return builder.build(root, root_mark, as_of)


def display_name_for(path, display_name: str | None = None) -> str:
    """What messages call ``path``: ``display_name`` when given, ``<stdin>`` for ``-``, else the path."""
    return display_name or ("<stdin>" if str(path) == "-" else str(path))


def read_bounded(path, name: str, max_bytes: int) -> bytes | bytearray:
    """At most ``max_bytes`` of the file (``-``: standard input); a FIFO nobody writes to reads as empty."""
    if str(path) == "-":
        if sys.stdin is None:  # started with standard input closed (`<&-`)
            raise UnreadableFile(name, "standard input is closed")
        return read_stream_bounded(sys.stdin.buffer, name, max_bytes)
    return read_bounded_file(path, name, max_bytes)


def _decode(data: bytes, filename: str) -> str:
    """UTF-8, or UTF-16/32 told by a byte order mark or the zero bytes of the first character, as YAML
    specifies; a byte order mark is dropped.

    Every byte that does not decode is reported at its line and column.
    """
    encoding, start = "utf-8", 0
    for bom, named in _BYTE_ORDER_MARKS:
        if data.startswith(bom):
            encoding, start = named, len(bom)
            break
    else:
        for nulls, named in _NULL_PATTERNS:
            if len(data) >= len(nulls) and all((byte == 0) == null for byte, null in zip(data, nulls)):
                encoding = named
                break
    pieces: list[str] = []
    problems: list[Problem] = []
    while True:
        try:
            pieces.append(data[start:].decode(encoding))
            break
        except UnicodeDecodeError as exc:
            pieces.append(data[start:start + exc.start].decode(encoding))
            text = "".join(pieces)
            line, column = position_of(text, len(text))
            if len(problems) == MAX_LISTED:
                problems.append(Problem(filename, line, column, "more bytes that do not decode follow"))
                break
            label = "UTF-8" if encoding == "utf-8" else encoding[:6].upper()
            undecoded = " ".join(f"0x{byte:02x}" for byte in data[start + exc.start:start + exc.end])
            problems.append(Problem(filename, line, column, f"the file is not {label} text "
                                    f"({'byte' if exc.end - exc.start == 1 else 'bytes'} {undecoded}); "
                                    "save it as UTF-8"))
            pieces.append("\ufffd")
            start += exc.end
    if problems:
        raise OrgInputError(problems)
    text = "".join(pieces)
    if not _CONTENT.search(text):
        raise OrgInputError([Problem(filename, 1, 1, "the file is empty; an org file needs at least "
                                                     "'org' and 'people'")])
    return text


def _kind(value) -> str:
    if value is None:
        return "empty"
    if isinstance(value, YamlMap):
        return "a mapping"
    if isinstance(value, YamlList):
        return "a list"
    return quote(value) if isinstance(value, str) else repr(value)


class _Builder:
    """One load: collects problems while turning parsed YAML into an Org."""

    def __init__(self, filename: str):
        self.filename = filename
        self.problems: list[Problem] = []
        self.warnings: list[Problem] = []

    def problem(self, mark, message: str) -> None:
        self.problems.append(Problem(self.filename, mark[0], mark[1], message))

    def fail_if_problems(self) -> None:
        if self.problems:
            self.problems.sort(key=lambda p: (p.line, p.column))
            raise OrgInputError(self.problems)

    # -- the whole file ------------------------------------------------------------

    def build(self, root, root_mark, as_of: dt.date | None) -> Org:
        if not isinstance(root, YamlMap):
            self.problem(root_mark, f"the top level must be a mapping with 'org' and 'people', not {_kind(root)}")
            self.fail_if_problems()
        version = root.get("version", "1")
        if version not in SUPPORTED_VERSIONS:
            self.problem(root.value_marks["version"],
                         f"'version' must be 1, not {_kind(version)}: this orgmodel reads format version 1")
            self.fail_if_problems()
        header_input = {k: v for k, v in root.items() if k not in ("people", "version")}
        header = self.validate_header(root, header_input)
        entries = self.flatten_people(root)
        self.check_role_ids(root)
        # From here on the entries are all that is needed of the people: each
        # one is let go as soon as its person is built.
        root.pop("people", None)
        catalog = self.catalog(root, header)
        teams = None
        if header is not None and "teams" in root:
            teams = {tid: Team(tid, t.name, t.lead) for tid, t in header.teams.items()}
        persons = self.people(entries, catalog)
        self.fail_if_problems()
        return Org(header.org, persons, roles=catalog, teams=teams, as_of=as_of or header.as_of,
                   file=self.filename, warnings=self.warnings, currency=header.currency)

    def validate_header(self, root: YamlMap, data: dict) -> OrgHeader | None:
        try:
            return OrgHeader.model_validate(data)
        except ValidationError as exc:
            for error in exc.errors():
                self.report_validation(root, error, TOP_KEYS)
        return None

    # -- people --------------------------------------------------------------------

    def flatten_people(self, root: YamlMap) -> list[tuple[YamlMap, dict]]:
        """Every person entry in file order (each before their nested reports).

        Returns ``(raw mapping, fields to validate)`` pairs: the fields lack
        ``reports`` and carry the ``reports_to`` that nesting implies.
        """
        if "people" not in root:
            self.problem(root.mark, "missing required key 'people' (the list of people in the org)")
            return []
        people = root["people"]
        if people is None or (isinstance(people, YamlList) and not people):
            self.warnings.append(Problem(self.filename, *root.value_marks["people"],
                                         "'people' is empty: there is nothing to check", warning=True))
            return []
        if not isinstance(people, YamlList):
            self.problem(root.value_marks["people"], f"'people' must be a list of person entries, not {_kind(people)}")
            return []
        entries: list[tuple[YamlMap, dict]] = []
        stack: list[tuple[YamlList, int, object]] = [(people, 0, None)]
        while stack:
            items, index, manager = stack.pop()
            if index >= len(items):
                continue
            stack.append((items, index + 1, manager))
            raw = items[index]
            if not isinstance(raw, YamlMap):
                self.problem(items.item_marks[index],
                             f"a person entry must be a mapping with 'id' and 'role' or 'title', not {_kind(raw)}")
                continue
            fields = raw
            if manager is not None or "reports" in raw:
                fields = {k: v for k, v in raw.items() if k != "reports"}
            if manager is not None:
                written = raw.get("reports_to")
                if written is None:
                    fields["reports_to"] = manager
                elif written != manager:
                    self.problem(raw.value_marks["reports_to"],
                                 f"{_kind(raw.get('id'))} is nested under {_kind(manager)} but reports_to says "
                                 f"{_kind(written)}")
            entries.append((raw, fields))
            reports = raw.get("reports")
            if reports is None:
                continue
            if not isinstance(reports, YamlList):
                self.problem(raw.value_marks["reports"], f"'reports' must be a list of person entries, "
                                                         f"not {_kind(reports)}")
                continue
            own_id = raw.get("id")
            stack.append((reports, 0, own_id if isinstance(own_id, str) else "?"))
        return entries

    def people(self, entries: list[tuple[YamlMap, dict] | None], catalog: RoleCatalog) -> list[Person]:
        """Validate and build each entry in turn, emptying ``entries`` on the way."""
        self.check_people_refs(entries)
        persons = []
        for index, (raw, fields) in enumerate(entries):
            entries[index] = None
            values = plain_person_fields(fields)
            if values is None:
                try:
                    values = dict(PersonFields.model_validate(fields))
                except ValidationError as exc:
                    for error in exc.errors():
                        self.report_validation(raw, error, PERSON_KEYS)
                    continue
            if not self.problems:  # the load fails anyway: only look for more problems
                persons.append(self.person(values, raw, catalog))
        return persons

    def check_people_refs(self, entries: list[tuple[YamlMap, dict]]) -> None:
        """What the models cannot see: duplicate ids, role-or-title.

        Runs on the raw values so these are reported even when some entry
        also has a type error.
        """
        first_seen: dict[str, YamlMap] = {}
        for raw, fields in entries:
            person_id = raw.get("id")
            if isinstance(person_id, str):
                first = first_seen.setdefault(person_id, raw)
                if first is not raw:
                    self.problem(raw.value_marks["id"], f"duplicate person id {quote(person_id)} (first defined at line "
                                                        f"{first.value_marks['id'][0]})")

    def person(self, values: dict, raw: YamlMap, catalog: RoleCatalog) -> Person:
        """A person from the validated values of their entry (``PersonFields``' fields)."""
        unknown_role = None
        role_id = values["role"]
        if role_id is not None:
            role = catalog.get(role_id)
            source = "role"
            if role is None:
                role, source, unknown_role = UNKNOWN_ROLE, "unknown", role_id
        else:
            # Neither role nor title: one incomplete record must not block checking the others (ORG005).
            role = catalog.infer(values["title"]).role if values["title"] is not None else None
            source = "title"
            if role is None:
                role, source = UNKNOWN_ROLE, "unknown"
        line, column = raw.mark
        # Positional, in field order: a million people are built here, and keywords cost twice as much.
        return Person(
            values["id"],
            values["name"] if values["name"] is not None else values["id"],  # name
            role,
            values["title"],
            values["reports_to"],
            tuple(values["dotted_to"]),
            values["team"],
            values["hired"],
            values["experience_years"],
            values["status"],
            values["cost"],
            tuple(values["ignore"]),
            _ignore_positions(raw) if "ignore" in raw else (),
            line,
            column,
            source,  # role_source
            unknown_role,
        )

    # -- roles -----------------------------------------------------------------------

    def check_role_ids(self, root: YamlMap) -> None:
        """What the models cannot see under ``roles:``: the id itself, and a new role's family.

        Runs on the raw values so these are reported with the type errors
        elsewhere in the same file, not after they are fixed.
        """
        raw_roles = root.get("roles")
        if not isinstance(raw_roles, YamlMap):
            return
        builtin = RoleCatalog.builtin()
        for role_id, spec in raw_roles.items():
            mark = raw_roles.key_marks[role_id]
            if not is_role_id(role_id):
                self.problem(mark, f"role id {quote(role_id)} may contain only {ROLE_ID_CHARACTERS}")
            elif builtin.get(role_id) is None and isinstance(spec, YamlMap) and spec.get("family") is None:
                self.problem(mark, f"role {quote(role_id)} needs a 'family' (one of {', '.join(FAMILIES)})")

    def catalog(self, root: YamlMap, header: OrgHeader | None) -> RoleCatalog:
        builtin = RoleCatalog.builtin()
        if header is None or not header.roles or self.problems:
            return builtin
        custom: dict[str, Role] = {}
        for role_id, spec in header.roles.items():
            base = builtin.get(role_id)
            family = spec.family or base.family
            given = spec.model_fields_set
            custom[role_id] = Role(
                id=role_id,
                title=spec.title or (base.title if base else role_id.replace("_", " ").title()),
                family=family,
                rank=spec.rank if "rank" in given or base is None else base.rank,
                aliases=tuple(spec.aliases) if "aliases" in given or base is None else base.aliases,
                builtin=False,
            )
        return builtin.extended(custom)

    # -- validation errors -> positioned problems ----------------------------------

    def report_validation(self, node: YamlMap, error: dict, allowed_keys: Iterable[str]) -> None:
        loc = error["loc"]
        kind = error["type"]
        mark, parent = node.mark, node
        value = node
        for part in loc:
            if isinstance(value, YamlMap) and part in value:
                mark, parent, value = value.value_marks[part], value, value[part]
            elif isinstance(value, YamlList) and isinstance(part, int) and part < len(value):
                mark, parent, value = value.item_marks[part], value, value[part]
            else:
                break
        field = _path(loc)
        if kind == "extra_forbidden":
            key = loc[-1]
            if isinstance(parent, YamlMap) and key in parent.key_marks:
                mark = parent.key_marks[key]
            choices = allowed_keys if len(loc) == 1 else _NESTED_KEYS.get(loc[0], ())
            hint = did_you_mean(str(key), choices) if choices else ""
            if not hint and choices:
                hint = " (allowed: " + ", ".join(choices) + ")"
            self.problem(mark, f"unknown key {_kind(key)}{hint}")
        elif kind == "missing":
            self.problem(mark, f"missing required key {_kind(loc[-1])}")
        else:
            self.problem(mark, _explain(field, kind, error, value))


def _ignore_positions(raw: YamlMap) -> tuple[tuple[int, int], ...]:
    codes = raw.get("ignore")
    if isinstance(codes, YamlList):
        return tuple(codes.item_marks)
    return (raw.value_marks["ignore"],) if "ignore" in raw else ()


def _path(loc: tuple) -> str:
    text = ""
    for part in loc:
        if isinstance(part, str) and (len(part) > 60 or not part.isprintable()):  # say, a role id with a newline
            part = quote(part)
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def _explain(field: str, kind: str, error: dict, value) -> str:
    got = _kind(value)
    if kind == "string_type":
        return f"'{field}' must be text, not {got}"

    if kind == "iso_date":
        hint = error["ctx"]["hint"]
        return f"'{field}' {error['ctx']['requirement']}, not {got}" + (f": {hint}" if hint else "")
    if kind == "string_pattern_mismatch" and field == "currency":
        return f"'currency' must be a three-letter ISO 4217 code in capitals, like EUR or USD, not {got}"
    if kind == "string_pattern_mismatch":
        return f"'{field}' must be {ID_RULE}, not {got}"
    if kind == "string_too_short":
        return f"'{field}' must not be empty"
    if kind in ("int_parsing", "int_type", "int_from_float"):
        return f"'{field}' must be a whole number, not {got}"
    if kind == "finite_number":
        return f"'{field}' must be a finite number, not {got}"
    if kind in ("float_parsing", "float_type"):
        return f"'{field}' must be a number, not {got}"
    if kind == "greater_than_equal":
        return f"'{field}' must be at least {error['ctx']['ge']:g}, not {got}"
    if kind == "literal_error":
        expected = error["ctx"]["expected"]
        hint = did_you_mean(str(value), re.findall(r"'([^']*)'", expected)) if isinstance(value, str) else ""
        return f"'{field}' must be {expected}, not {got}{hint}"
    if kind == "list_type":
        return f"'{field}' must be a list, not {got}"
    if kind in ("dict_type", "model_type", "model_attributes_type"):
        return f"'{field}' must be a mapping, not {got}"
    return f"'{field}': {error['msg']}"
