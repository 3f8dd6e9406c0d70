"""Benchmark the chart: layout alone, full PNG and SVG renders, and Graphviz for comparison.

    python benchmarks/bench_render.py
    python benchmarks/bench_render.py --layout-sizes 1000 --render-sizes 100 1000

Times are wall-clock seconds, best of --repeat runs, for work after the org
is loaded (loading is measured by bench_check.py). Graphviz's `dot -Tsvg`
runs on the same tree (every person a box with name and title, every
reporting line an edge) when `dot` is on the PATH; otherwise that column
says so.
"""

from __future__ import annotations

import argparse
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from generate import generate  # noqa: E402

import orgmodel  # noqa: E402
from orgmodel.render import layout_org, render  # noqa: E402


def best(repeat: int, work) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return min(times)


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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--layout-sizes", type=int, nargs="+", default=[1000, 10_000, 100_000])
    parser.add_argument("--render-sizes", type=int, nargs="+", default=[100, 1000, 10_000])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    dot = shutil.which("dot")
    print(f"Python {platform.python_version()} on {platform.machine()}, best of {args.repeat}")
    print()
    print("| people | layout (s) |")
    print("| ---: | ---: |")
    for size in args.layout_sizes:
        org = orgmodel.load_text(generate(size), f"{size}.yaml")
        print(f"| {size:,} | {best(args.repeat, lambda org=org: layout_org(org)):.3f} |", flush=True)
    print()
    version = subprocess.run([dot, "-V"], capture_output=True, text=True).stderr.strip() if dot else ""
    print(f"Graphviz: {version or 'not installed (the dot column is skipped)'}")
    print()
    print("| people | PNG (s) | SVG (s) | `dot -Tsvg` (s) | dot / orgmodel SVG |")
    print("| ---: | ---: | ---: | ---: | ---: |")
    with tempfile.TemporaryDirectory() as tmp:
        for size in args.render_sizes:
            org = orgmodel.load_text(generate(size), f"{size}.yaml")
            png = best(args.repeat, lambda org=org: render(org, Path(tmp) / "c.png"))
            svg = best(args.repeat, lambda org=org: render(org, Path(tmp) / "c.svg"))
            if dot:
                source = Path(tmp) / "org.dot"
                source.write_text(dot_source(org), encoding="utf-8")
                command = [dot, "-Tsvg", str(source), "-o", str(Path(tmp) / "dot.svg")]
                graphviz = best(1 if size >= 10_000 else args.repeat,
                                lambda command=command: subprocess.run(command, check=True))
                compare = f"{graphviz:.2f} | {graphviz / svg:.1f}x"
            else:
                compare = "skipped: `dot` not found | -"
            print(f"| {size:,} | {png:.2f} | {svg:.2f} | {compare} |", flush=True)


if __name__ == "__main__":
    main()
