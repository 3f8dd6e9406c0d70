"""A million people: `orgmodel check` of an org file and of an HR export (CSV), and
`orgmodel import` of that export to an org file; wall time, CPU time and peak memory.

    python benchmarks/bench_scale.py                    # 1,000,000 people, best of 1
    python benchmarks/bench_scale.py --sizes 100000 1000000 --repeat 3
    python benchmarks/bench_scale.py --runs check-yaml  # only some of the runs

Each run is the real command, `python -m orgmodel check FILE`, in a fresh
process watched by a fresh wrapper process, so the peak resident memory
(max RSS) is that command's alone. CPU time is user plus system time of the
command: on a shared machine the wall time also counts waiting for a core,
so compare CPU time when the load average is above the number of cores.
Generated files are cached in benchmarks/.cache/.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
CACHE = HERE / ".cache"
sys.path.insert(0, str(HERE))

from generate import generate

WATCH = r"""
import json, resource, subprocess, sys, time
start = time.perf_counter()
done = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
seconds = time.perf_counter() - start
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"seconds": seconds, "cpu": usage.ru_utime + usage.ru_stime, "peak_mb": usage.ru_maxrss / 1024,
                  "exit": done.returncode, "stderr": done.stderr[-2000:]}))
"""


# The generated orgs are as of 2026-11-01 (an org file says so; an HR export has no such field).
RUNS = {
    "check-yaml": ("yaml", lambda path: ["check", "--fail-on", "never", str(path)]),
    "check-csv": ("csv", lambda path: ["check", "--fail-on", "never", "--as-of", "2026-11-01", str(path)]),
    "import-csv": ("csv", lambda path: ["import", str(path), "--as-of", "2026-11-01",
                                        "-o", str(path.with_suffix(".imported.yaml"))]),
}


def measure(command: list[str], repeat: int) -> dict:
    runs = []
    for _ in range(repeat):
        out = subprocess.run([sys.executable, "-c", WATCH, *command], check=True, capture_output=True, text=True,
                             cwd=HERE.parent).stdout
        run = json.loads(out)
        if run["exit"] not in (0, 1):
            raise SystemExit(f"{' '.join(command)} failed:\n{run['stderr']}")
        runs.append(run)
    return min(runs, key=lambda r: r["cpu"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000_000])
    parser.add_argument("--repeat", type=int, default=1, help="best (least CPU) of this many runs")
    parser.add_argument("--runs", nargs="+", default=list(RUNS), choices=list(RUNS))
    args = parser.parse_args()
    CACHE.mkdir(exist_ok=True)
    print(f"Python {platform.python_version()} on {platform.machine()}, {os.cpu_count()} cores, "
          f"load average {os.getloadavg()[0]:.1f}, best of {args.repeat}")
    print()
    print("| people | command | input (MB) | wall (s) | CPU (s) | peak memory (MB) |")
    print("| ---: | --- | ---: | ---: | ---: | ---: |")
    for size in args.sizes:
        for run in args.runs:
            form, command = RUNS[run]
            path = CACHE / f"wide-{size}.{form}"
            if not path.exists():
                path.write_text(generate(size, form=form), encoding="utf-8")
            result = measure([sys.executable, "-m", "orgmodel", *command(path)], args.repeat)
            shown = " ".join(["orgmodel", *(part.rpartition("/")[2] for part in command(path))])
            print(f"| {size:,} | `{shown}` | {path.stat().st_size / 1e6:.0f} | {result['seconds']:.1f} "
                  f"| {result['cpu']:.1f} | {result['peak_mb']:,.0f} |", flush=True)


if __name__ == "__main__":
    main()
