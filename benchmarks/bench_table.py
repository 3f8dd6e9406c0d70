"""Benchmark reading HR exports: `orgmodel check FILE.csv` and `orgmodel import`, against a bare csv read.

    python benchmarks/bench_table.py                  # 10k and 100k people
    python benchmarks/bench_table.py --sizes 1000000  # the scale goal

The CSV is the synthetic org of generate.py exported with orgmodel's own CSV
writer (the columns `import` reads back). Each measurement runs in a fresh
Python process, so peak memory (max RSS) is its own. "check" is everything
`orgmodel check` does after start-up: reading the export, resolving managers,
building the graph, running every default rule and rendering the text report.
"import" reads the export and writes the org file. "bare read" is only
`list(csv.reader(...))` of the same file. Generated files are cached in
benchmarks/.cache/.
"""

from __future__ import annotations

import argparse
import json
import platform
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
CACHE = HERE / ".cache"
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from generate import generate  # noqa: E402

MEASURE = r"""
import json, resource, sys, time
kind, path, out = sys.argv[1], sys.argv[2], sys.argv[3]
start = time.perf_counter()
people = 0
if kind == "bare":
    import csv
    with open(path, newline="", encoding="utf-8") as handle:
        people = len(list(csv.reader(handle))) - 1
else:
    import orgmodel
    org = orgmodel.load(path)
    people = len(org)
    if kind == "check":
        from orgmodel.report import REPORTERS, Summary
        found = orgmodel.check(org)
        REPORTERS["text"](found, Summary.of(found, files=1, people=people))
    else:
        from orgmodel.atomic import write_text_atomic
        from orgmodel.orgfile import org_yaml
        write_text_atomic(out, org_yaml(org))
seconds = time.perf_counter() - start
peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"seconds": seconds, "peak_mb": peak_mb, "people": people}))
"""


def measure(kind: str, path: Path, repeat: int) -> dict:
    runs = []
    for _ in range(repeat):
        out = subprocess.run([sys.executable, "-c", MEASURE, kind, str(path), str(path.with_suffix(".out.yaml"))],
                             check=True, capture_output=True, text=True, cwd=HERE.parent).stdout
        runs.append(json.loads(out))
    return min(runs, key=lambda r: r["seconds"])


def export_csv(size: int) -> Path:
    path = CACHE / f"wide-{size}.csv"
    if not path.exists():
        import orgmodel
        from orgmodel.export.records import to_csv

        source = CACHE / f"wide-{size}.yaml"
        if not source.exists():
            source.write_text(generate(size, "wide"), encoding="utf-8")
        path.write_text(to_csv(orgmodel.load(source)), encoding="utf-8")
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--repeat", type=int, default=3, help="best of this many runs")
    args = parser.parse_args()
    CACHE.mkdir(exist_ok=True)
    print(f"Python {platform.python_version()} on {platform.machine()}, best of {args.repeat}")
    print()
    print("| rows | bare read (s) | check (s) | import (s) | peak memory, check (MB) | peak memory, import (MB) |")
    print("| ---: | ---: | ---: | ---: | ---: | ---: |")
    for size in args.sizes:
        path = export_csv(size)
        bare, check, imported = (measure(kind, path, args.repeat) for kind in ("bare", "check", "import"))
        print(f"| {size:,} | {bare['seconds']:.2f} | {check['seconds']:.2f} | {imported['seconds']:.2f} "
              f"| {check['peak_mb']:.0f} | {imported['peak_mb']:.0f} |", flush=True)


if __name__ == "__main__":
    main()
