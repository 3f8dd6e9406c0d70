"""Benchmark `orgmodel render` as whole commands, every format, beside Graphviz `dot -Tsvg`.

    python benchmarks/bench_render.py
    python benchmarks/bench_render.py --sizes 1000 10000 --repeat 3

Each measurement is a fresh process: start-up, imports, loading the org
file, layout, drawing and writing, as a user waits for it. Orgs come from
realistic.py (a CEO with 8-12 leaders, spans of 3-15, a few floors of
30-45). For each command the script reports wall-clock seconds and CPU
seconds (user + system of the process), best of --repeat runs; on a busy
machine CPU time is the steadier figure. Graphviz's `dot -Tsvg` draws the
same tree (a box per person with name and title, an edge per reporting
line) when `dot` is on the PATH; a run longer than --timeout is stopped
and reported as such.
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from realistic import realistic

#: (column, output file, extra options): the formats as users ask for them.
COMMANDS = [
    ("json (layout)", "org.json", []),
    ("svg", "org.svg", []),
    ("svg --full", "org.svg", ["--full"]),
    ("png", "org.png", []),
    ("pdf, one page", "org.pdf", ["--no-pages"]),
    ("pdf --pages (a4)", "org.pdf", ["--pages"]),
]


def timed(command: list[str], timeout: float, cwd: Path | None = None) -> tuple[float, float] | None:
    """Wall and CPU seconds of one run of ``command``, or None when it ran past ``timeout``."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    try:
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=timeout,
                       cwd=cwd)
    except subprocess.TimeoutExpired:
        return None
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def best(repeat: int, command: list[str], timeout: float, cwd: Path | None = None) -> tuple[float, float] | None:
    runs = []
    for _ in range(repeat):
        result = timed(command, timeout, cwd)
        if result is None:
            return None
        runs.append(result)
    return min(r[0] for r in runs), min(r[1] for r in runs)


def dot_source(org) -> str:
    lines = ["digraph org {", "  node [shape=box];"]
    for person in org:
        label = f"{person.name}\\n{person.display_title}".replace('"', "'")
        lines.append(f'  "{person.id}" [label="{label}"];')
    for pid, manager in org.manager.items():
        if manager is not None:
            lines.append(f'  "{manager}" -> "{pid}";')
    lines.append("}")
    return "\n".join(lines) + "\n"


def cell(result) -> str:
    return "stopped" if result is None else f"{result[0]:.2f} / {result[1]:.2f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10_000, 100_000])
    parser.add_argument("--repeat", type=int, default=3, help="runs per command at 1,000 people (one above)")
    parser.add_argument("--timeout", type=float, default=900.0)
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    import orgmodel

    dot = shutil.which("dot")
    version = subprocess.run([dot, "-V"], capture_output=True, text=True, check=False).stderr.strip() if dot else ""
    print(f"Python {platform.python_version()} on {platform.machine()}, {os.cpu_count()} cores, "
          f"load average {os.getloadavg()[0]:.1f} at start")
    print(f"Graphviz: {version or 'not installed (the dot column is skipped)'}")
    print("Each cell: wall seconds / CPU seconds, whole command.")
    print()
    print("| people | " + " | ".join(name for name, _, _ in COMMANDS) + " | `dot -Tsvg` | dot / svg --full (CPU) |")
    print("| ---: |" + " ---: |" * (len(COMMANDS) + 2))
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for size in args.sizes:
            source = folder / f"org-{size}.yaml"
            source.write_text(realistic(size), encoding="utf-8")
            repeat = args.repeat if size <= 1000 else 1
            cells, full = [], None
            for name, output, options in COMMANDS:
                command = [sys.executable, "-m", "orgmodel", "render", str(source), "-o", str(folder / output),
                           "--no-findings", *options]
                result = best(repeat, command, args.timeout, cwd=ROOT)
                if name == "svg --full":
                    full = result
                cells.append(cell(result))
            graphviz, ratio = "skipped: `dot` not found", "-"
            if dot:
                graph = folder / f"org-{size}.dot"
                graph.write_text(dot_source(orgmodel.load(source)), encoding="utf-8")
                result = best(repeat, [dot, "-Tsvg", str(graph), "-o", str(folder / "dot.svg")], args.timeout)
                graphviz = cell(result)
                if result and full:
                    ratio = f"{result[1] / full[1]:.1f}x"
                elif result is None and full:
                    ratio = f"> {args.timeout / full[1]:.0f}x"
            print(f"| {size:,} | " + " | ".join(cells) + f" | {graphviz} | {ratio} |", flush=True)


if __name__ == "__main__":
    main()
