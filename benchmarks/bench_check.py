"""Benchmark `orgmodel check` against a bare `yaml.load(..., Loader=yaml.CSafeLoader)`.

    python benchmarks/bench_check.py                 # 1k, 10k, 100k people, wide and deep
    python benchmarks/bench_check.py --sizes 1000    # a quick run

Each measurement runs in a fresh Python process so peak memory (max RSS) is
its own. "check" is everything `orgmodel check` does after start-up:
importing orgmodel, loading, building the graph, running every rule and
rendering the text report. "bare parse" is only yaml.load of the same file.
Generated files are cached in benchmarks/.cache/.
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

from generate import generate  # noqa: E402

MEASURE = r"""
import json, resource, sys, time
kind, path = sys.argv[1], sys.argv[2]
start = time.perf_counter()
if kind == "bare":
    import yaml
    with open(path, "rb") as handle:
        yaml.load(handle, Loader=yaml.CSafeLoader)
    findings = 0
else:
    import orgmodel
    from orgmodel.report import REPORTERS, Summary
    org = orgmodel.load(path)
    found = orgmodel.check(org)
    REPORTERS["text"](found, Summary.of(found, files=1, people=len(org)))
    findings = len(found)
seconds = time.perf_counter() - start
peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"seconds": seconds, "peak_mb": peak_mb, "findings": findings}))
"""


def measure(kind: str, path: Path, repeat: int) -> dict:
    runs = []
    for _ in range(repeat):
        out = subprocess.run([sys.executable, "-c", MEASURE, kind, str(path)], check=True,
                             capture_output=True, text=True).stdout
        runs.append(json.loads(out))
    return min(runs, key=lambda r: r["seconds"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10_000, 100_000])
    parser.add_argument("--shapes", nargs="+", default=["wide", "deep"], choices=["wide", "deep"])
    parser.add_argument("--repeat", type=int, default=3, help="best of this many runs")
    args = parser.parse_args()
    CACHE.mkdir(exist_ok=True)
    print(f"Python {platform.python_version()} on {platform.machine()}, best of {args.repeat}")
    print()
    print("| people | shape | bare parse (s) | check (s) | check / parse | peak memory, check (MB) | findings |")
    print("| ---: | --- | ---: | ---: | ---: | ---: | ---: |")
    for shape in args.shapes:
        for size in args.sizes:
            path = CACHE / f"{shape}-{size}.yaml"
            if not path.exists():
                path.write_text(generate(size, shape), encoding="utf-8")
            bare = measure("bare", path, args.repeat)
            check = measure("check", path, args.repeat)
            ratio = check["seconds"] / bare["seconds"]
            print(f"| {size:,} | {shape} | {bare['seconds']:.2f} | {check['seconds']:.2f} | {ratio:.2f}x "
                  f"| {check['peak_mb']:.0f} | {check['findings']:,} |", flush=True)


if __name__ == "__main__":
    main()
