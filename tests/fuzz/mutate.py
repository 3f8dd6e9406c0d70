"""Mutation fuzzing: damage the examples (or, with ``--inputs hr``, the HR exports of
tests/data/hr) in many ways, replay each mutant through ``orgmodel check`` and
``orgmodel render`` (HR exports: ``check`` and ``import``) in this process, and count
broken promises.

Run from the repository root (see tests/fuzz/README.md)::

    python -m tests.fuzz.mutate --count 20000 --jobs 2 --seed 1
    python -m tests.fuzz.mutate --inputs hr --count 5000 --jobs 2 --seed 1

Each mutant is an example with one to three mutations applied. Mutant ``i`` of
seed ``s`` is the same on every machine, so a failure is reproduced with
``--seed s --only i`` (``--save DIR`` writes the failing mutants and their
tracebacks there).
"""

from __future__ import annotations

import argparse
import multiprocessing
import random
import re
import signal
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))
HR = ROOT / "tests" / "data" / "hr"
#: HR export fixtures and the options that read them (as tests/test_import.py reads them).
HR_EXPORTS = {
    "adp.xlsx": ["--from", "adp"], "bamboohr.csv": ["--from", "bamboohr"], "deel.json": ["--from", "deel"],
    "entra.json": ["--from", "entra"], "google.json": ["--from", "google"], "gusto.json": ["--from", "gusto"],
    "hibob.json": ["--from", "hibob"], "ldap.tsv": ["--from", "ldap"], "okta.json": ["--from", "okta"],
    "personio.csv": ["--from", "personio"], "rippling.json": ["--from", "rippling"],
    "workday.csv": ["--from", "workday"],
    "history.csv": ["--map", "id=Record ID", "--person-key", "Employee Number"],
    "samples/northwind-employees.csv": [], "samples/oracle-hr-employees.csv": [],
}

KEYS = ["org", "people", "id", "name", "role", "title", "reports_to", "dotted_to", "team", "hired", "as_of",
        "experience_years", "status", "ignore", "reports", "roles", "teams", "family", "rank", "aliases", "lead",
        "version", "<<", '"<<"', "reports_too", "Id", "", "?", "- id", "people[0]"]
VALUES = ["", "~", "null", "0", "-1", "86400", "1e999", "nan", ".inf", "0x1F", "007", "yes", "No", "true",
          "2020-13-45", "2024-02-29", "2024-02-30", "2024-01-01T10:00:00Z", "2024-01-01 10:00", "1970-01-01",
          "[]", "{}", "[a, b]", "{a: 1}", "[[[]]]", "*missing", "&a x", "!!str x", "!!binary aGk=", "!custom x",
          "'quoted'", '"x\\n"', '"\\0"', '"\\x1b[31m"', '"\\t"', "open", "filled", "ceo", "cpo", "unknown_role",
          "PRD", "ORG007", "X" * 300, "|\n  block\n  text", ">-\n  folded", '"$x^2$"', '"\\u202e"', "'<script>'"]
UNICODE = ["é", "Ω", "Д", "ש", "ع", "中文", "日本語", "한국어", "हिन्दी", "🙂", "👩\u200d💻", "\u0301", "\u200b",
           "\u202e", "\ufeff", "\u2028", "\u0085", "\x00", "\x07", "\x1b[2J", "\t", "\r", "\x7f", "\x9b",
           "\ufffe", "\U0010ffff", "\\", '"', "'", ":", "#", "&", "*", "!", "%", "@", "`", "{", "}", "[", "]"]
#: Cell values HR exports hold, well-formed or not.
CELLS = ["", "NULL", "N/A", "-", "#N/A", "0", "-1", "44287", "1e999", "nan", "31/02/2020", "02/31/2020", "13/13/2013",
         "2024-01-01T10:00:00Z", "2024-02-30", "1.5.2020", "TRUE", "=cmd|' /C calc'!A0", "@SUM(A1)", '"', '""',
         '"unclosed', "Doe, Jane", "CN=Doe\\, Jane,OU=People,DC=x", "a@b", "<b>Head</b> of R&amp;D",
         "x" * 300, "\x00", "\x1b[31m", "\u202e", "中文", "👩\u200d💻", "Terminated", "Open", "ACTIVE"]
SCALAR_LINE = re.compile(rb"^(\s*(?:- )?)([^:#\n]+):[ \t]+([^\n]*)$", re.MULTILINE)


def _lines(data: bytes) -> list[bytes]:
    return data.split(b"\n")


def byte_flip(rng: random.Random, data: bytes) -> bytes:
    buf = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        if buf:
            buf[rng.randrange(len(buf))] = rng.randrange(256)
    return bytes(buf)


def line_delete(rng, data):
    lines = _lines(data)
    for _ in range(rng.randint(1, 4)):
        if len(lines) > 1:
            del lines[rng.randrange(len(lines))]
    return b"\n".join(lines)


def line_duplicate(rng, data):
    lines = _lines(data)
    index = rng.randrange(len(lines))
    lines[index:index] = [lines[index]] * rng.randint(1, 3)
    return b"\n".join(lines)


def line_swap(rng, data):
    lines = _lines(data)
    a, b = rng.randrange(len(lines)), rng.randrange(len(lines))
    lines[a], lines[b] = lines[b], lines[a]
    return b"\n".join(lines)


def _scalar_lines(data):
    return list(SCALAR_LINE.finditer(data))


def key_rename(rng, data):
    found = _scalar_lines(data)
    if not found:
        return data
    match = rng.choice(found)
    key = rng.choice(KEYS).encode()
    return data[:match.start(2)] + key + data[match.end(2):]


def value_swap(rng, data):
    found = _scalar_lines(data)
    if len(found) < 2:
        return data
    a, b = sorted(rng.sample(found, 2), key=lambda m: m.start())
    va, vb = a.group(3), b.group(3)
    return data[:a.start(3)] + vb + data[a.end(3):b.start(3)] + va + data[b.end(3):]


def type_change(rng, data):
    found = _scalar_lines(data)
    if not found:
        return data
    match = rng.choice(found)
    return data[:match.start(3)] + rng.choice(VALUES).encode() + data[match.end(3):]


def unicode_injection(rng, data):
    """Odd characters anywhere, or inside values (names, titles) where they reach reports and charts."""
    text = data.decode("utf-8", "replace")
    for _ in range(rng.randint(1, 5)):
        encoded = text.encode("utf-8", "surrogatepass")
        values = [m for m in SCALAR_LINE.finditer(encoded) if m.group(3).strip()]
        if values and rng.random() < 0.6:
            match = rng.choice(values)
            at = len(encoded[:match.start(3) + rng.randrange(len(match.group(3)))].decode("utf-8", "replace"))
        else:
            at = rng.randrange(len(text) + 1)
        text = text[:at] + rng.choice(UNICODE) * rng.choice((1, 1, 2, 40)) + text[at:]
    return text.encode("utf-8", "surrogatepass")


def deep_nesting(rng, data):
    found = _scalar_lines(data)
    if not found:
        return data
    match = rng.choice(found)
    depth = rng.choice((50, 500, 999, 1001, 5000))
    opener, closer = rng.choice(((b"[", b"]"), (b"{a: ", b"}")))
    return data[:match.start(3)] + opener * depth + b"x" + closer * depth + data[match.end(3):]


def huge_value(rng, data):
    found = _scalar_lines(data)
    if not found:
        return data
    match = rng.choice(found)
    size = rng.choice((10_000, 200_000, 1_000_000))
    piece = rng.choice((b"A", b"Word ", "中".encode(), b"\\t"))
    return data[:match.start(3)] + b'"' + piece * (size // len(piece)) + b'"' + data[match.end(3):]


def alias_games(rng, data):
    found = _scalar_lines(data)
    if len(found) < 2:
        return data
    a, b = sorted(rng.sample(found, 2), key=lambda m: m.start())
    name = rng.choice((b"x", b"p", b"a b"))
    return (data[:a.start(3)] + b"&" + name + b" " + a.group(3) + data[a.end(3):b.start(3)] + b"*" + name
            + data[b.end(3):])


def truncate(rng, data):
    return data[:rng.randrange(len(data) + 1)]


def reencode(rng, data):
    text = data.decode("utf-8", "replace")
    return rng.choice((lambda t: t.encode("utf-16"), lambda t: t.encode("utf-16-le"), lambda t: t.encode("latin-1", "replace"),
                       lambda t: t.encode("utf-32-be"), lambda t: b"\xef\xbb\xbf" + t.encode(),
                       lambda t: t.replace("\n", "\r\n").encode(), lambda t: t.replace("\n", "\r").encode()))(text)


def cell_swap(rng, data):
    """Replace a CSV/TSV cell or a JSON string with an HR-export value, well-formed or not."""
    text = data.decode("utf-8", "replace")
    for _ in range(rng.randint(1, 4)):
        spans = [m.span() for m in re.finditer(r'"(?:[^"\\\n]|\\.)*"|[^,;\t\n"]+', text)]
        if not spans:
            break
        start, end = rng.choice(spans)
        value = rng.choice(CELLS)
        if text[start:start + 1] == '"' and rng.random() < 0.7:
            value = '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
        text = text[:start] + value + text[end:]
    return text.encode("utf-8")


def column_games(rng, data):
    """Damage the header: drop, duplicate or rename a column name."""
    lines = _lines(data)
    header = lines[0]
    separator = next((s for s in (b"\t", b";", b",") if s in header), b",")
    names = header.split(separator)
    choice = rng.randrange(3)
    if choice == 0 and len(names) > 1:
        del names[rng.randrange(len(names))]
    elif choice == 1:
        names.append(rng.choice(names))
    else:
        names[rng.randrange(len(names))] = rng.choice([b"", b"Manager", b"ID", b"id", b"Title", b"\xef\xbb\xbfid"])
    lines[0] = separator.join(names)
    return b"\n".join(lines)


MUTATORS = [byte_flip, line_delete, line_duplicate, line_swap, key_rename, value_swap, type_change,
            unicode_injection, deep_nesting, huge_value, alias_games, truncate, reencode]
# A huge value is slow to draw by nature; rarer keeps a long run's time on the other mutations.
WEIGHTS = [3 if m is not huge_value else 1 for m in MUTATORS]
TABLE_MUTATORS = [byte_flip, line_delete, line_duplicate, line_swap, unicode_injection, truncate, reencode,
                  cell_swap, column_games]
TABLE_WEIGHTS = [1, 2, 2, 2, 2, 1, 1, 4, 2]


class RunTooLong(Exception):
    """Raised into a run that used more than --run-seconds of CPU time."""


def _too_long(signum, frame):
    raise RunTooLong()


def _timed_run(args: list[str], file: str, seconds: float):
    from .outcome import Outcome, run

    # CPU time, not wall time: on a busy machine a run waits without being slow.
    signal.signal(signal.SIGPROF, _too_long)
    signal.setitimer(signal.ITIMER_PROF, seconds)
    try:
        return run(args, file)
    except RunTooLong as exc:  # while judging the output rather than inside the command
        return Outcome(0, "", exc, (), "")
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)


def mutant(seed: int, index: int, inputs: str = "examples") -> tuple[str, list[str], bytes]:
    """Mutant ``index`` of ``seed``: (source file name, mutations applied, bytes)."""
    if inputs == "hr":
        rng = random.Random(f"hr:{seed}:{index}")
        name = rng.choice(sorted(HR_EXPORTS))
        data = (HR / name).read_bytes()
        mutators, weights = ([byte_flip, truncate], [1, 1]) if name.endswith(".xlsx") else (TABLE_MUTATORS,
                                                                                              TABLE_WEIGHTS)
    else:
        rng = random.Random(f"{seed}:{index}")
        example = rng.choice(EXAMPLES)
        name, data, mutators, weights = example.name, example.read_bytes(), MUTATORS, WEIGHTS
    applied = []
    for _ in range(rng.choice((1, 1, 1, 2, 3))):
        mutate = rng.choices(mutators, weights)[0]
        data = mutate(rng, data)
        applied.append(mutate.__name__)
    return name, applied, data


def replay(task: tuple[int, int, int, int, float, str]) -> list[tuple[int, str, str, str, int, str]]:
    """Mutants ``start..stop`` of ``seed`` through check and render (or import); one row per run."""
    import matplotlib.pyplot as plt

    seed, start, stop, png_every, seconds, inputs = task
    rows = []
    with tempfile.TemporaryDirectory(prefix="orgmodel-fuzz-") as folder:
        for index in range(start, stop):
            name, applied, data = mutant(seed, index, inputs)
            source = Path(folder) / f"input{Path(name).suffix}"
            source.write_bytes(data)
            formats = ("text", "json", "jsonl", "sarif", "junit", "github")
            check = ["check", str(source), "--format", formats[index % len(formats)], "--isolated"]
            if inputs == "hr":
                options = [*HR_EXPORTS[name], "--as-of", "2025-06-30"]
                commands = {"check": check + options,
                            "import": ["import", str(source), "-o", str(Path(folder) / "org.yaml"), *options]}
            else:
                suffix = "png" if png_every and index % png_every == 0 else "svg"
                commands = {
                    "check": check,
                    f"render-{suffix}": ["render", str(source), "-o", str(Path(folder) / f"out.{suffix}"),
                                         "--isolated"],
                }
            for command, args in commands.items():
                outcome = _timed_run(args, str(source), seconds)
                if isinstance(outcome.exception, RunTooLong):
                    plt.close("all")
                    verdict = "slow"
                else:
                    verdict = ("traceback" if outcome.traceback else "bad-exit" if outcome.bad_exit
                               else "unlocated" if outcome.unlocated else "ok")
                rows.append((index, "+".join(applied), command, verdict, outcome.exit_code,
                             "" if verdict in ("ok", "slow") else outcome.describe()))
    return rows


def _table(rows, by) -> str:
    groups: dict[str, Counter] = {}
    for row in rows:
        for name in by(row):
            counts = groups.setdefault(name, Counter())
            counts["runs"] += 1
            counts[row[3]] += 1
            if row[3] not in ("traceback", "slow"):
                counts[f"exit {row[4]}"] += 1
    columns = ["runs", "exit 0", "exit 1", "exit 2", "traceback", "bad-exit", "unlocated", "slow"]
    width = max(len(n) for n in groups) + 2
    lines = ["".ljust(width) + "".join(c.rjust(11) for c in columns)]
    for name in sorted(groups):
        lines.append(name.ljust(width) + "".join(str(groups[name][c]).rjust(11) for c in columns))
    return "\n".join(lines)


def _progress(rows, count: int, began: float) -> None:
    done = len({row[0] for row in rows})
    if done % 1000 < 25 or done == count:
        failed = sum(row[3] not in ("ok", "slow") for row in rows)
        print(f"{done}/{count} mutants, {failed} failed runs, {time.monotonic() - began:.0f} s",
              file=sys.stderr, flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--inputs", choices=["examples", "hr"], default="examples",
                        help="what to mutate: the example org files (default) or the HR exports of tests/data/hr")
    parser.add_argument("--seed", type=int, default=1, help="which mutants (default 1)")
    parser.add_argument("--count", type=int, default=1000, help="how many mutants (default 1000)")
    parser.add_argument("--start", type=int, default=0, help="index of the first mutant (default 0)")
    parser.add_argument("--only", type=int, help="replay this one mutant (with --save, keep it)")
    parser.add_argument("--jobs", type=int, default=1, help="processes (default 1)")
    parser.add_argument("--png-every", type=int, default=50, help="render every Nth mutant to PNG, the rest "
                                                                  "to SVG (0: never; default 50)")
    parser.add_argument("--run-seconds", type=float, default=10, help="stop a run after this much CPU time and "
                                                                       "count it as slow (default 10)")
    parser.add_argument("--save", type=Path, help="write each failing mutant and its report to this folder")
    options = parser.parse_args(argv)
    start, count = (options.only, 1) if options.only is not None else (options.start, options.count)
    chunk = 25
    tasks = [(options.seed, i, min(i + chunk, start + count), options.png_every, options.run_seconds, options.inputs)
             for i in range(start, start + count, chunk)]
    began = time.monotonic()
    rows = []
    if options.jobs > 1:
        with multiprocessing.get_context("spawn").Pool(options.jobs) as pool:
            for part in pool.imap_unordered(replay, tasks):
                rows.extend(part)
                _progress(rows, count, began)
    else:
        for task in tasks:
            rows.extend(replay(task))
            _progress(rows, count, began)
    elapsed = time.monotonic() - began
    failures = [row for row in rows if row[3] not in ("ok", "slow")]
    print(f"{options.inputs}, seed {options.seed}, mutants {start}..{start + count - 1}: {count} mutants, {len(rows)} runs "
          f"in {elapsed:.0f} s with {options.jobs} process(es)\n")
    print("By command:")
    print(_table(rows, lambda row: [row[2]]))
    print("\nBy mutation:")
    print(_table(rows, lambda row: sorted(set(row[1].split("+")))))
    print(f"\nTotal: {sum(r[3] == 'traceback' for r in rows)} tracebacks, "
          f"{sum(r[3] == 'bad-exit' for r in rows)} bad exit codes, "
          f"{sum(r[3] == 'unlocated' for r in rows)} unlocated errors; "
          f"{sum(r[3] == 'slow' for r in rows)} runs stopped after {options.run_seconds:g} s")
    seen = set()
    for index, applied, command, verdict, _, report in sorted(failures):
        head = report.strip().splitlines()[-1] if report.strip() else verdict
        if (command, head) not in seen:
            seen.add((command, head))
            print(f"\n--- mutant {index} ({applied}) {command}: {verdict}\n{report.strip()[-1500:]}")
    if options.save and failures:
        options.save.mkdir(parents=True, exist_ok=True)
        for index, applied, command, verdict, _, report in failures:
            name, _, data = mutant(options.seed, index, options.inputs)
            (options.save / f"{options.seed}-{index}{Path(name).suffix}").write_bytes(data)
            (options.save / f"{options.seed}-{index}-{command}.txt").write_text(f"{applied}\n{report}",
                                                                                  encoding="utf-8")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
