"""Read YAML safely into plain Python values that remember where they came from.

PyYAML's loaders are not used: their Python resolver is slow (it dominates a
100k-person load), they apply YAML 1.1 typing (``007`` -> 7, ``No`` ->
False, ``1:30`` -> 90), they silently keep the last of two duplicate keys,
they share aliased objects so a later walk can explode ("billion laughs"),
and the C composer recurses, so very deep nesting crashes the process.

Instead this module drives libyaml's C *event* parser and builds the values
itself, iteratively, with:

- every scalar kept as the text that was written (plain ``null``, ``~`` and
  empty values become ``None``); the pydantic models type the fields;
- positions for every mapping, key, value and list item (1-based);
- duplicate keys, YAML tags, deep nesting and alias expansion all checked
  while parsing, so a hostile file is rejected in milliseconds.
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import yaml
from yaml import events as ev

try:
    _Parser = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - PyYAML built without libyaml
    _Parser = yaml.SafeLoader

#: Deepest nesting of mappings and lists accepted (an org 400 layers deep fits).
DEFAULT_MAX_DEPTH = 1000

_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_TAG_PREFIX = "tag:yaml.org,2002:"
_ALLOWED_TAGS = frozenset({None, "!", _TAG_PREFIX + "str", _TAG_PREFIX + "map", _TAG_PREFIX + "seq"})
_SCALAR_TAGS = frozenset({"!", _TAG_PREFIX + "str"})
_MERGE_KEY = "<<"
#: A plain ``<<`` written as a key; a quoted "<<" is an ordinary key.
_MERGE = object()
_INVALID = object()

#: Reading stops listing problems of one kind after this many (a binary file
#: would otherwise print one line per byte).
MAX_LISTED = 10

Mark = tuple[int, int]

# YAML's printable characters (what libyaml accepts); anything else stops the
# reader, so it is looked for first, everywhere, to report every one at once.
_UNACCEPTABLE = re.compile("[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
# The line breaks libyaml counts (YAML 1.1), so positions agree with its own.
_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")


# Positions are stored packed, one int per mark (line in the high bits,
# column in the low 32) and one int per key and value: a million-person file
# has some thirty million of them, and tuples in dicts would cost five times
# the memory. The views below unpack them on demand.
_COLUMN_BITS = 32
_COLUMN_MASK = (1 << _COLUMN_BITS) - 1
_VALUE_BITS = 64
_VALUE_MASK = (1 << _VALUE_BITS) - 1


def _unpack(packed: int) -> Mark:
    return packed >> _COLUMN_BITS, packed & _COLUMN_MASK


class _KeyedMarks(Mapping):
    """``key -> (line, column)`` of a YamlMap's keys or of their values."""

    __slots__ = ("_packed", "_shift")

    def __init__(self, packed: dict[str, int], shift: int):
        self._packed = packed
        self._shift = shift

    def __getitem__(self, key) -> Mark:
        return _unpack((self._packed[key] >> self._shift) & _VALUE_MASK)

    def __iter__(self):
        return iter(self._packed)

    def __len__(self) -> int:
        return len(self._packed)


class _ItemMarks(Sequence):
    """``index -> (line, column)`` of a YamlList's items."""

    __slots__ = ("_packed",)

    def __init__(self, packed: array):
        self._packed = packed

    def __getitem__(self, index):
        if isinstance(index, slice):
            return [_unpack(packed) for packed in self._packed[index]]
        return _unpack(self._packed[index])

    def __len__(self) -> int:
        return len(self._packed)


class YamlMap(dict):
    """A mapping with the position of itself (``mark``), each key (``key_marks``)
    and each value (``value_marks``)."""

    __slots__ = ("_mark", "_marks")

    def __init__(self, mark: Mark | int):
        super().__init__()
        self._mark = mark if isinstance(mark, int) else _pack(mark)
        self._marks: dict[str, int] = {}

    @property
    def mark(self) -> Mark:
        return _unpack(self._mark)

    @property
    def key_marks(self) -> Mapping[str, Mark]:
        return _KeyedMarks(self._marks, _VALUE_BITS)

    @property
    def value_marks(self) -> Mapping[str, Mark]:
        return _KeyedMarks(self._marks, 0)


class YamlList(list):
    """A list with the position of itself (``mark``) and of each item (``item_marks``)."""

    __slots__ = ("_item_marks", "_mark")

    def __init__(self, mark: Mark | int):
        super().__init__()
        self._mark = mark if isinstance(mark, int) else _pack(mark)
        self._item_marks = array("Q")

    @property
    def mark(self) -> Mark:
        return _unpack(self._mark)

    @property
    def item_marks(self) -> Sequence[Mark]:
        return _ItemMarks(self._item_marks)


def _pack(mark: Mark) -> int:
    return mark[0] << _COLUMN_BITS | mark[1]


@dataclass(frozen=True, slots=True)
class YamlProblem:
    line: int
    column: int
    message: str


class YamlError(Exception):
    """The text cannot be read as YAML; ``problems`` says where and why."""

    def __init__(self, problems: list[YamlProblem]):
        super().__init__("; ".join(p.message for p in problems))
        self.problems = problems


def position_of(text: str, index: int) -> Mark:
    """1-based line and column (in characters) of ``text[index]``, counting breaks as libyaml does."""
    line, line_start = 1, 0
    for found in _BREAK.finditer(text, 0, index):
        line, line_start = line + 1, found.end()
    return line, index - line_start + 1


def _unacceptable_characters(text: str) -> list[YamlProblem]:
    problems = []
    for found in _UNACCEPTABLE.finditer(text):
        line, column = position_of(text, found.start())
        if len(problems) == MAX_LISTED:
            problems.append(YamlProblem(line, column, "more characters that YAML does not allow follow; "
                                                      "is this a text file?"))
            break
        code = ord(found.group())
        kind = "control character" if code < 0xa0 else "character"
        problems.append(YamlProblem(line, column, f"{kind} U+{code:04X} is not allowed in a YAML file; remove it"))
    return problems


def quote(text: str, limit: int = 60) -> str:
    """``text`` quoted for a message: escaped (no control character reaches a terminal) and
    shortened, so a megabyte-long value cannot become a megabyte-long error line."""
    if len(text) <= limit:
        return repr(text)
    return f"{text[:limit]!r}… ({len(text):,} characters)"


def _mark(event_mark) -> int:
    return (event_mark.line + 1) << _COLUMN_BITS | (event_mark.column + 1)


def _show_tag(tag: str) -> str:
    return "!!" + tag[len(_TAG_PREFIX):] if tag.startswith(_TAG_PREFIX) else tag


class _Frame:
    """A mapping or list under construction."""

    __slots__ = ("anchor", "merges", "pending_key", "pending_key_mark", "size", "value")

    def __init__(self, value, anchor):
        self.value = value
        self.size = 1
        self.anchor = anchor
        self.pending_key = None
        self.pending_key_mark = None
        self.merges = None


def parse(text: str, *, max_depth: int = DEFAULT_MAX_DEPTH):
    """Parse one YAML document into YamlMap / YamlList / str / None.

    Returns ``(value, mark)``; ``value`` is ``None`` for an empty document.
    Raises :class:`YamlError` with every problem found, or the first syntax
    error (the parser cannot go on after one).
    """
    root, root_mark, problems = parse_with_problems(text, max_depth=max_depth)
    if problems:
        raise YamlError(problems)
    return root, root_mark


def parse_with_problems(text: str, *, max_depth: int = DEFAULT_MAX_DEPTH):
    """Like :func:`parse`, but returns ``(value, mark, problems)`` when the problems leave a value.

    A disallowed tag, a duplicate key (the first is kept), a key that is not
    a plain value, an alias to no anchor (read as empty) or a bad merge key
    still give a document, so a caller can report what else is wrong with it
    in the same run. Syntax errors, nesting too deep, alias bombs and a
    second document raise :class:`YamlError`.
    """
    problems = _unacceptable_characters(text)
    if problems:
        raise YamlError(problems)
    simple = _parse_simple(text)
    if simple is not None:
        return simple[0], _unpack(simple[1]), problems
    return _parse_events(text, max_depth, problems)


def _parse_events(text: str, max_depth: int, problems: list[YamlProblem]):
    """The general reader: libyaml's events, built into values one by one."""
    parser = _Parser(text)
    anchors: dict[str, tuple[object, int]] = {}
    stack: list[_Frame] = []
    root = None
    root_mark = _pack((1, 1))
    # Every person repeats the same few keys: keep one copy of each.
    keys: dict[str, str] = {}
    documents = 0
    direct_nodes = 0
    aliased_nodes = 0

    def fail(mark: int, message: str) -> None:
        problems.append(YamlProblem(*_unpack(mark), message))

    def attach(value, size: int, mark: int, key_ok: bool) -> None:
        nonlocal root, root_mark
        if not stack:
            root, root_mark = value, mark
            return
        frame = stack[-1]
        frame.size += size
        container = frame.value
        if type(container) is YamlList:
            container.append(value)
            container._item_marks.append(mark)
            return
        key_mark = frame.pending_key_mark
        if key_mark is None:
            if not key_ok:
                fail(mark, "a mapping key must be a plain value, not a list or mapping")
                value = _INVALID
            elif value is None:
                fail(mark, "a mapping key must not be empty")
                value = _INVALID
            elif type(value) is str:
                value = keys.setdefault(value, value)
            frame.pending_key, frame.pending_key_mark = value, mark
            return
        key = frame.pending_key
        frame.pending_key = frame.pending_key_mark = None
        if key is _INVALID:
            return
        if key is _MERGE:
            _collect_merge(frame, value, mark, fail)
            return
        if key in container:
            first = container.key_marks[key]
            fail(key_mark, f"duplicate key {quote(key)} (first defined at line {first[0]})")
            return
        container[key] = value
        container._marks[key] = key_mark << _VALUE_BITS | mark

    # The loop runs some fourteen times per person: names it uses are local.
    get_event, scalar_event, nulls, scalar_tags = parser.get_event, ev.ScalarEvent, _NULLS, _SCALAR_TAGS
    keys_setdefault = keys.setdefault
    try:
        while True:
            event = get_event()
            kind = type(event)
            if kind is scalar_event:
                start = event.start_mark
                mark = (start.line + 1) << _COLUMN_BITS | (start.column + 1)
                direct_nodes += 1
                tag = event.tag
                value = event.value
                if tag is None:
                    if event.implicit[0] and value in nulls:
                        value = None
                elif tag not in scalar_tags:
                    fail(mark, f"YAML tag {quote(_show_tag(tag))} is not allowed in an org file")
                if event.anchor is not None:
                    anchors[event.anchor] = (value, 1)
                if value == _MERGE_KEY and tag is None and event.implicit[0] and stack \
                        and type(stack[-1].value) is YamlMap and stack[-1].pending_key_mark is None:
                    value = _MERGE
                # Most scalars are a text key, or the value of a new text key, in a mapping: attached
                # here without a call; everything else (and every problem) goes through attach().
                if stack:
                    frame = stack[-1]
                    container = frame.value
                    if type(container) is YamlMap:
                        key_mark = frame.pending_key_mark
                        if key_mark is None:
                            if type(value) is str:
                                frame.size += 1
                                frame.pending_key, frame.pending_key_mark = keys_setdefault(value, value), mark
                                continue
                        else:
                            key = frame.pending_key
                            if type(key) is str and key not in container:
                                frame.size += 1
                                frame.pending_key = frame.pending_key_mark = None
                                container[key] = value
                                container._marks[key] = key_mark << _VALUE_BITS | mark
                                continue
                attach(value, 1, mark, True)
            elif kind is ev.MappingStartEvent or kind is ev.SequenceStartEvent:
                mark = _mark(event.start_mark)
                direct_nodes += 1
                tag = event.tag
                expected = _TAG_PREFIX + ("map" if kind is ev.MappingStartEvent else "seq")
                if tag not in (None, "!", expected):
                    fail(mark, f"YAML tag {quote(_show_tag(tag))} is not allowed in an org file")
                if len(stack) >= max_depth:
                    fail(mark, f"nesting is deeper than {max_depth} levels; an org file never needs that")
                    raise YamlError(problems)
                value = YamlMap(mark) if kind is ev.MappingStartEvent else YamlList(mark)
                stack.append(_Frame(value, event.anchor))
            elif kind is ev.MappingEndEvent or kind is ev.SequenceEndEvent:
                frame = stack.pop()
                if frame.merges:
                    _apply_merges(frame.value, frame.merges)
                if frame.anchor is not None:
                    anchors[frame.anchor] = (frame.value, frame.size)
                attach(frame.value, frame.size, frame.value._mark, False)
            elif kind is ev.AliasEvent:
                mark = _mark(event.start_mark)
                if event.anchor not in anchors:
                    fail(mark, f"alias *{quote(event.anchor)[1:-1]} refers to no anchor defined before it")
                    attach(None, 1, mark, True)
                    continue
                value, size = anchors[event.anchor]
                aliased_nodes += size
                # Aliases are shared, so a later walk visits them once per use:
                # bound what they add compared with what is actually written.
                if aliased_nodes > 10_000 + 2 * direct_nodes:
                    fail(mark, "aliases expand to too many values (a 'billion laughs' file?); "
                         "write the values out instead")
                    raise YamlError(problems)
                attach(value, size, mark, not isinstance(value, (YamlMap, YamlList)))
            elif kind is ev.DocumentStartEvent:
                documents += 1
                if documents > 1:
                    fail(_mark(event.start_mark), "the file holds more than one YAML document; "
                         "an org file is one document")
                    raise YamlError(problems)
            elif kind is ev.StreamEndEvent:
                break
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        message = exc.problem or exc.context or "invalid YAML"
        if exc.context and exc.problem:
            message = f"{exc.problem} ({exc.context})"
        problems.append(YamlProblem(line, column, f"YAML syntax error: {message}"))
        raise YamlError(problems) from None
    except yaml.reader.ReaderError as exc:
        # Not expected after the scan above; libyaml gives a byte offset into the UTF-8 text.
        index = len(text.encode("utf-8")[:exc.position].decode("utf-8", "ignore"))
        problems.append(YamlProblem(*position_of(text, index), f"YAML error: {exc.reason}"))
        raise YamlError(problems) from None
    except yaml.YAMLError as exc:
        problems.append(YamlProblem(1, 1, "YAML error: " + " ".join(str(exc).split())))
        raise YamlError(problems) from None
    return root, _unpack(root_mark), problems


# The shape of a large generated or exported org file: top-level keys with plain values, and
# top-level keys holding a list of flat mappings of plain values, one "key: value" a line.
# Such a file is read line by line, several times faster than through libyaml's events; the
# values and positions are the ones the general reader gives (a property test compares them).
# Any other line (a comment, a quote, a flow collection, a nested list, an empty value, a
# duplicate key, a tab, a CR, ...) sends the whole file to the general reader.
_SIMPLE_LINE = re.compile(r"( *)(- )?([A-Za-z_][A-Za-z0-9_]*):(?: (\w(?:[\w .\-]*[\w.\-])?))?\n")


def _parse_simple(text: str) -> tuple[YamlMap, int] | None:
    """``(root, root mark)`` of a file of the simple shape above, or None for any other file."""
    if not text.endswith("\n") or "\r" in text:
        return None
    root = YamlMap(1 << _COLUMN_BITS | 1)
    keys: dict[str, str] = {}
    nulls = _NULLS
    listed: YamlList | None = None  # the list under the last top-level key
    entry: YamlMap | None = None  # its last entry
    dash = 0  # the column of that list's dashes (0-based)
    pending: tuple[str, int] | None = None  # a top-level key without a value: its list follows
    line = position = 0
    end = len(text)
    match_line = _SIMPLE_LINE.match
    while position < end:
        match = match_line(text, position)  # anchored: a line that does not fit stops the reading
        if match is None:
            return None
        position = match.end()
        line += 1
        indent, item, key, written = match.groups()
        width = len(indent)
        key = keys.setdefault(key, key)
        here = line << _COLUMN_BITS
        if item is None and width == 0:  # a top-level key
            if pending is not None or key in root:
                return None
            listed = entry = None
            if written is None:
                pending = (key, here | 1)
                continue
            root[key] = None if written in nulls else written
            root._marks[key] = (here | 1) << _VALUE_BITS | here | len(key) + 3
            continue
        if written is None:
            return None
        if item is not None:  # "- key: value" starts an entry of the list
            if pending is not None:
                listed = YamlList(here | width + 1)
                root[pending[0]] = listed
                root._marks[pending[0]] = pending[1] << _VALUE_BITS | listed._mark
                dash, pending = width, None
            elif listed is None or width != dash:
                return None
            column = width + 3
            entry = YamlMap(here | column)
            listed.append(entry)
            listed._item_marks.append(entry._mark)
        elif entry is None or width != dash + 2 or key in entry:
            return None
        else:
            column = width + 1
        entry[key] = None if written in nulls else written
        entry._marks[key] = (here | column) << _VALUE_BITS | here | column + len(key) + 2
    if pending is not None or not root:
        return None
    return root, root._mark


def _collect_merge(frame: _Frame, value, mark: int, fail) -> None:
    sources = value if type(value) is YamlList else [value]
    for source in sources:
        if type(source) is not YamlMap:
            fail(mark, "a merge key '<<' takes a mapping or a list of mappings")
            return
    if frame.merges is None:
        frame.merges = []
    frame.merges.extend(sources)


def _apply_merges(target: YamlMap, sources: list[YamlMap]) -> None:
    # Keys written in the mapping itself win, then earlier merge sources.
    for source in sources:
        for key, value in source.items():
            if key not in target:
                target[key] = value
                target._marks[key] = source._marks[key]
