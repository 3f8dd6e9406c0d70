"""Configuration: ``[tool.orgmodel]`` in pyproject.toml, or an orgmodel.toml with the same keys.

The nearest configuration above the org file wins (orgmodel.toml before
pyproject.toml in the same folder); ``--config PATH`` names one;
``--isolated`` ignores them all. Command-line options override the file.
Every value remembers where it came from, for ``--show-config``. Bad keys
and values are input errors with file, line and column.
"""

from __future__ import annotations

import fnmatch
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import TypeAdapter, ValidationError

from .findings import OrgInputError, Problem, Severity
from .inputfile import DEFAULT_MAX_BYTES, UnreadableFile, read_text_bounded
from .printable import printable
from .rules import OPTIONS, RULES, Rule, names_a_rule
from .rules.custom import CustomRuleSpec, build_rule
from .suggest import did_you_mean
from .sources.yamlparse import YamlError, YamlList, YamlMap, parse

#: --fail-on / fail-on: the least severe finding that makes the exit code 1 (never: none does).
FAIL_LEVELS = {"error": Severity.ERROR, "warning": Severity.WARNING, "info": Severity.INFO, "never": None}
LIST_KEYS = ("select", "extend-select", "ignore")
KEYS = (*LIST_KEYS, "severity", "fail-on", "per-file-ignores", "rules", "rules-file", *OPTIONS)
_SPEC = TypeAdapter(CustomRuleSpec)


@dataclass
class Config:
    """Resolved settings; ``sources`` says where each came from ("default" when it did not)."""

    path: Path | None = None
    select: list[str] | None = None
    extend_select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    severity: dict[str, Severity] = field(default_factory=dict)
    fail_on: str = "error"
    options: dict[str, int] = field(default_factory=dict)
    per_file_ignores: dict[str, list[str]] = field(default_factory=dict)
    custom_rules: dict[str, Rule] = field(default_factory=dict)
    sources: dict[str, str] = field(default_factory=dict)

    @property
    def registry(self) -> dict[str, Rule]:
        """Built-in rules, then the custom ones."""
        return {**RULES, **self.custom_rules}

    def ignores_for(self, file: str) -> list[str]:
        """Codes ``per-file-ignores`` silences for ``file`` (globs relative to the config's folder)."""
        if not self.per_file_ignores:
            return []
        base = self.path.parent if self.path else Path.cwd()
        path = Path(file).resolve()
        try:
            relative = path.relative_to(base.resolve()).as_posix()
        except ValueError:
            relative = path.as_posix()
        codes: list[str] = []
        for pattern, ignored in self.per_file_ignores.items():
            if fnmatch.fnmatch(relative, pattern) or fnmatch.fnmatch(path.name, pattern):
                codes.extend(ignored)
        return codes

    def describe(self) -> str:
        """The resolved configuration as TOML-like lines with their sources, for ``--show-config``."""
        def show(value) -> str:
            if value is None:
                return "(default: every rule but the opt-in ones)"
            if isinstance(value, str):
                return f'"{printable(value)}"'
            if isinstance(value, list):
                return "[" + ", ".join(f'"{printable(v)}"' for v in value) + "]"
            if isinstance(value, dict):
                return "{" + ", ".join(f'"{printable(k)}" = {show(v)}' for k, v in value.items()) + "}"
            return str(value)

        rows = [
            ("config", printable(str(self.path)) if self.path else "(none)", "found" if self.path else "default"),
            ("select", show(self.select), self.sources.get("select", "default")),
            ("extend-select", show(self.extend_select), self.sources.get("extend-select", "default")),
            ("ignore", show(self.ignore), self.sources.get("ignore", "default")),
            ("severity", show({k: str(v) for k, v in self.severity.items()}), self.sources.get("severity", "default")),
            ("fail-on", show(self.fail_on), self.sources.get("fail-on", "default")),
            ("per-file-ignores", show(self.per_file_ignores), self.sources.get("per-file-ignores", "default")),
        ]
        for name, option in OPTIONS.items():
            rows.append((name, str(self.options.get(name, option.default)), self.sources.get(name, "default")))
        for code, rule in self.custom_rules.items():
            rows.append((f"rules.{code}", rule.name, self.sources.get(f"rules.{code}", "")))
        width = max(len(k) + len(v) for k, v, _ in rows) + 4
        return "".join(f"{f'{k} = {v}':<{width}}  # {printable(src)}\n" for k, v, src in rows)


def find_config(start: Path) -> Path | None:
    """The nearest orgmodel.toml, or pyproject.toml with a [tool.orgmodel] table, at or above ``start``."""
    folder = start.resolve()
    if folder.is_file():
        folder = folder.parent
    for candidate in (folder, *folder.parents):
        own = candidate / "orgmodel.toml"
        if own.is_file():
            return own
        project = candidate / "pyproject.toml"
        if project.is_file():
            try:
                data = tomllib.loads(project.read_text(encoding="utf-8"))
            except (tomllib.TOMLDecodeError, UnicodeDecodeError):
                return project  # broken: loading it reports where
            except OSError:
                continue
            if "orgmodel" in data.get("tool", {}):
                return project
    return None


class _Locator:
    """Line and column of keys in TOML text (tomllib parses, but does not say where)."""

    _HEADER = re.compile(r"^\s*\[\[?\s*([^\]]+?)\s*\]\]?\s*(#.*)?$")

    def __init__(self, text: str, base: tuple[str, ...]):
        self.lines = text.splitlines()
        self.base = base
        self.sections: list[tuple[tuple[str, ...], int]] = []  # (table path, header line index)
        for i, line in enumerate(self.lines):
            match = self._HEADER.match(line)
            if match:
                parts = tuple(p.strip().strip('"').strip("'") for p in match.group(1).split("."))
                self.sections.append((parts, i))

    def _ranges(self, table: tuple[str, ...]) -> list[tuple[int, int]]:
        """(header line index, end) of each section of ``table``; the root's header is "line -1"."""
        if not table:
            return [(-1, self.sections[0][1] if self.sections else len(self.lines))]
        found = []
        for n, (parts, start) in enumerate(self.sections):
            if parts == table:
                found.append((start, self.sections[n + 1][1] if n + 1 < len(self.sections) else len(self.lines)))
        return found

    def key(self, *path: str, occurrence: int = 0) -> tuple[int, int]:
        """Where ``path`` (below the base table) is written: the key, else its table's header, else 1:1.

        ``occurrence`` picks the n-th table of an array of tables ([[...]]).
        """
        full = self.base + tuple(path)
        for depth in range(len(full) - 1, len(self.base) - 1, -1):
            table, rest = full[:depth], full[depth:]
            ranges = self._ranges(table)
            if not ranges:
                continue
            start, end = ranges[min(occurrence, len(ranges) - 1)]
            return self._search(rest, start + 1, end) or (max(start + 1, 1), 1)
        return (1, 1)

    def _search(self, keys: tuple[str, ...], start: int, end: int) -> tuple[int, int] | None:
        if not keys:
            return None
        pattern = re.compile(r'^\s*["\']?' + re.escape(keys[0]) + r'["\']?\s*=')
        for i in range(max(start, 0), end):
            if pattern.match(self.lines[i]):
                column = self.lines[i].index(keys[0]) + 1
                for inner in keys[1:]:  # an inline table on the same line
                    at = self.lines[i].find(str(inner), column)
                    if at >= 0:
                        column = at + 1
                return i + 1, column
        return None


def load_config(path: Path, *, explicit: bool = False, max_bytes: int = DEFAULT_MAX_BYTES) -> Config:
    """Read and validate a configuration file; every problem is an input error with its position.

    The file, and a rules file it names, are read within ``max_bytes`` like org files.
    """
    name = str(path)
    text = read_text_bounded(path, name, max_bytes)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        match = re.search(r"\(at line (\d+), column (\d+)\)", str(exc))
        line, column = (int(match.group(1)), int(match.group(2))) if match else (1, 1)
        raise OrgInputError([Problem(name, line, column, f"TOML syntax error: {exc}")]) from None
    if path.name == "pyproject.toml":
        table = data.get("tool", {}).get("orgmodel")
        if table is None:
            if explicit:
                raise OrgInputError([Problem(name, 1, 1, "no [tool.orgmodel] table in this file")])
            return Config()
        base = ("tool", "orgmodel")
    else:
        table, base = data, ()
    return _Reader(path, text, base, max_bytes).read(table)


class _Reader:
    def __init__(self, path: Path, text: str, base: tuple[str, ...], max_bytes: int):
        self.path, self.max_bytes = path, max_bytes
        self.locate = _Locator(text, base)
        self.problems: list[Problem] = []

    def problem(self, where: tuple[int, int], message: str) -> None:
        self.problems.append(Problem(str(self.path), where[0], where[1], message))

    def source(self, *key: str) -> str:
        line, _ = self.locate.key(*key)
        return f"{self.path}:{line}"

    def read(self, table: Mapping) -> Config:
        config = Config(path=self.path)
        custom = self.custom_rules(table)
        config.custom_rules = custom
        known = {**RULES, **custom}
        for key, value in table.items():
            if key not in KEYS:
                hint = did_you_mean(key, KEYS) or f" (keys are: {', '.join(KEYS)})"
                self.problem(self.locate.key(key), f"unknown configuration key {key!r}{hint}")
                continue
            config.sources[key] = self.source(key)
            if key in ("rules", "rules-file"):
                continue  # read above, by custom_rules()
            if key in LIST_KEYS:
                codes = self.codes(value, known, key)
                if key == "select":
                    config.select = codes
                elif key == "extend-select":
                    config.extend_select = codes
                else:
                    config.ignore = codes
            elif key == "severity":
                self.severities(value, known, config)
            elif key == "fail-on":
                if value not in FAIL_LEVELS:
                    self.problem(self.locate.key(key), f"'fail-on' must be one of {', '.join(FAIL_LEVELS)}, "
                                                       f"not {value!r}" + did_you_mean(str(value), FAIL_LEVELS))
                else:
                    config.fail_on = value
            elif key == "per-file-ignores":
                if not isinstance(value, dict):
                    self.problem(self.locate.key(key), "'per-file-ignores' must be a table of glob = [codes]")
                    continue
                for pattern, codes in value.items():
                    config.per_file_ignores[pattern] = self.codes(codes, known, key, pattern)
            else:
                if isinstance(value, bool) or not isinstance(value, int) or value < 0:
                    self.problem(self.locate.key(key), f"{key!r} takes a whole number of 0 or more, not {value!r}")
                else:
                    config.options[key] = value
        if self.problems:
            raise OrgInputError(sorted(self.problems, key=lambda p: (p.line, p.column)))
        return config

    def codes(self, value, known: Mapping[str, Rule], key: str, *inner: str) -> list[str]:
        items = value.split(",") if isinstance(value, str) else value
        if not isinstance(items, list) or not all(isinstance(v, str) for v in items):
            self.problem(self.locate.key(key, *inner), f"{key!r} must be a list of rule codes or prefixes")
            return []
        codes = []
        for item in items:
            code = item.strip().upper()
            if not code:
                self.problem(self.locate.key(key, *inner), f"empty rule code in {key!r}; name a rule code or "
                                                           "prefix, or ALL")
            elif code != "ALL" and not names_a_rule(code, known):
                self.problem(self.locate.key(key, *inner, item.strip()),
                             f"unknown rule code or prefix {item.strip()!r} in {key!r}" + did_you_mean(code, known))
            else:
                codes.append(code)
        return codes

    def severities(self, value, known: Mapping[str, Rule], config: Config) -> None:
        if not isinstance(value, dict):
            self.problem(self.locate.key("severity"), "'severity' must be a table of CODE = \"error|warning|info\"")
            return
        for code, level in value.items():
            if code.upper() not in known:
                self.problem(self.locate.key("severity", code),
                             f"unknown rule code {code!r} in 'severity'" + did_you_mean(code.upper(), known))
                continue
            try:
                config.severity[code.upper()] = Severity.parse(str(level))
            except ValueError as exc:
                self.problem(self.locate.key("severity", code), str(exc))

    def custom_rules(self, table: Mapping) -> dict[str, Rule]:
        specs: list[tuple[object, tuple[int, int], str, Path]] = []
        raw = table.get("rules", [])
        if not isinstance(raw, list):
            self.problem(self.locate.key("rules"), "'rules' must be an array of tables ([[tool.orgmodel.rules]])")
            raw = []
        for i, item in enumerate(raw):
            specs.append((_TomlItem(item, self.locate, i), self.locate.key("rules", "code", occurrence=i),
                          f"rules[{i}]", self.path))
        if "rules-file" in table:
            specs += self.rules_file(table["rules-file"])
        rules: dict[str, Rule] = {}
        for item, where, label, origin in specs:
            try:
                spec = _SPEC.validate_python(item.value if isinstance(item, _TomlItem) else item)
            except ValidationError as exc:
                for error in exc.errors():
                    path = ".".join(str(p) for p in error["loc"])
                    self.problems.append(Problem(str(origin), *_where(item, error["loc"], where),
                                                 f"custom rule {label}: {path + ': ' if path else ''}"
                                                 f"{_rule_error(error)}"))
                continue
            if spec.code in RULES:
                self.problems.append(Problem(str(origin), *where, f"custom rule code {spec.code!r} clashes with "
                                                                  "a built-in rule; use your own prefix"))
            elif spec.code in rules:
                self.problems.append(Problem(str(origin), *where, f"custom rule code {spec.code!r} is defined twice"))
            else:
                rules[spec.code] = build_rule(spec, str(origin))
        return rules

    def rules_file(self, value) -> list:
        where = self.locate.key("rules-file")
        if not isinstance(value, str):
            self.problem(where, "'rules-file' must be a path")
            return []
        path = (self.path.parent / value)
        try:
            root, _ = parse(read_text_bounded(path, str(path), self.max_bytes))
        except UnreadableFile as exc:
            self.problem(where, f"cannot read rules file {value!r}: {exc.reason}")
            return []
        except OrgInputError as exc:
            self.problems += exc.problems
            return []
        except YamlError as exc:
            self.problems += [Problem(str(path), p.line, p.column, p.message) for p in exc.problems]
            return []
        items = root.get("rules") if isinstance(root, YamlMap) else None
        if not isinstance(items, YamlList):
            self.problems.append(Problem(str(path), 1, 1, "a rules file holds 'rules:', a list of rules"))
            return []
        return [(_plain(item), items.item_marks[i], f"rules[{i}]", path) for i, item in enumerate(items)]


def _plain(value):
    """YAML values as plain Python, numbers included (rules files are typed by their models)."""
    if isinstance(value, YamlMap):
        plain = _PositionedDict((k, _plain(v)) for k, v in value.items())
        plain.source = value
        return plain
    if isinstance(value, YamlList):
        return [_plain(v) for v in value]
    return value


class _PositionedDict(dict):
    source: YamlMap | None = None


class _TomlItem:
    """A custom rule from TOML, with a way to find where its keys are written."""

    def __init__(self, value, locate: _Locator, occurrence: int):
        self.value, self.locate, self.occurrence = value, locate, occurrence


def _rule_error(error: dict) -> str:
    if error["type"] == "extra_forbidden":
        from .rules.custom import CustomRuleSpec, Given, Then

        model = {"then": Then, "given": Given}.get(error["loc"][0], CustomRuleSpec) if len(error["loc"]) > 1 \
            else CustomRuleSpec
        names = [f.alias or name for name, f in model.model_fields.items()]
        key = str(error["loc"][-1])
        what = "check" if model.__name__ == "Then" else "key"
        return f"unknown {what} {key!r}" + (did_you_mean(key, names) or f" (one of: {', '.join(names)})")
    if error["type"] == "value_error":
        return error["msg"].removeprefix("Value error, ")
    return error["msg"]


def _where(item, loc: tuple, fallback: tuple[int, int]) -> tuple[int, int]:
    """Position of a validation error inside a custom rule, else ``fallback``."""
    if isinstance(item, _TomlItem):
        if not loc:
            return fallback
        found = item.locate.key("rules", *(str(p) for p in loc), occurrence=item.occurrence)
        return found if found[0] > fallback[0] or found == fallback else fallback
    node = getattr(item, "source", None)
    mark = fallback
    for part in loc:
        if isinstance(node, YamlMap) and part in node:
            mark, node = node.value_marks[part], node[part]
        elif isinstance(node, YamlMap) and part in node.key_marks:
            mark = node.key_marks[part]
            break
        else:
            break
    return mark


def locate(file: str | None, *, config_path: str | None = None, isolated: bool = False) -> Path | None:
    """The configuration file that applies to ``file``: ``config_path``, the nearest one, or None."""
    if isolated:
        return None
    if config_path is not None:
        return Path(config_path)
    if not file or file == "-":
        return find_config(Path.cwd())
    # A name that is not a file (standard input's --stdin-filename) still says which folder it is in.
    return find_config(Path(file) if Path(file).exists() else Path(file).parent)

