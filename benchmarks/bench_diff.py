"""How long `orgmodel diff` takes on large orgs: a reorg of a generated company.

    python benchmarks/bench_diff.py            # 10,000 and 100,000 people

NEW is OLD with about 2% of people changed: leavers, hires, moves, retitles
and new open positions, spread through the org. Each size runs as a fresh
process (`python -m orgmodel diff OLD NEW --format json`), best of 3, so
start-up, loading both files, checking both and the diff are all counted.
"""

from __future__ import annotations

import random
import resource
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from generate import generate

CACHE = HERE / ".cache"


def reorganise(text: str, seed: int = 7) -> str:
    """About 2% of the people leave, move or change title; as many are hired or opened."""
    rnd = random.Random(seed)
    lines = text.splitlines()
    people = [i for i, line in enumerate(lines) if line.startswith("  - id: ")]
    out = list(lines)
    ids = [lines[i].split(": ", 1)[1] for i in people]
    for n, index in enumerate(rnd.sample(people[1:], len(people) // 50)):
        block_end = next((j for j in range(index + 1, len(lines)) if lines[j].startswith("  - id: ")), len(lines))
        kind = n % 3
        if kind == 0:  # a leaver: the entry goes, their reports now name a missing manager (ORG001)
            for j in range(index, block_end):
                out[j] = None
        elif kind == 1:  # a move
            for j in range(index + 1, block_end):
                if out[j] and out[j].startswith("    reports_to: "):
                    out[j] = f"    reports_to: {rnd.choice(ids[:len(ids) // 10])}"
        else:  # a new title
            out[index] += "\n    title: Principal Consultant"
    hires = [f"  - id: hire-{n}\n    name: New Hire {n}\n    role: software_engineer\n"
             f"    reports_to: {rnd.choice(ids)}" + ("\n    status: open" if n % 4 == 0 else "")
             for n in range(len(people) // 50)]
    return "\n".join(line for line in out if line is not None) + "\n" + "\n".join(hires) + "\n"


def measure(size: int) -> tuple[float, int]:
    CACHE.mkdir(exist_ok=True)
    old, new = CACHE / f"diff-old-{size}.yaml", CACHE / f"diff-new-{size}.yaml"
    if not old.exists():
        text = generate(size)
        old.write_text(text, encoding="utf-8")
        new.write_text(reorganise(text), encoding="utf-8")
    best, best_cpu, changes = float("inf"), float("inf"), 0
    for _ in range(3):
        start, cpu_start = time.perf_counter(), _children_cpu()
        done = subprocess.run([sys.executable, "-m", "orgmodel", "diff", str(old), str(new), "--format", "json"],
                              check=False, capture_output=True, text=True, cwd=HERE.parent)
        best = min(best, time.perf_counter() - start)
        best_cpu = min(best_cpu, _children_cpu() - cpu_start)
        if done.returncode not in (0, 1):
            raise SystemExit(done.stderr)
        changes = done.stdout.count('"kind"')
    return best, best_cpu, changes


def _children_cpu() -> float:
    """CPU seconds (user and system) of finished child processes: on a busy machine
    wall time includes waiting for a core, CPU time does not."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


if __name__ == "__main__":
    sizes = [int(a) for a in sys.argv[1:]] or [10_000, 100_000]
    print("| people | changes | diff, whole command (s) | CPU (s) |")
    print("| ---: | ---: | ---: | ---: |")
    for size in sizes:
        seconds, cpu, changes = measure(size)
        print(f"| {size:,} | {changes:,} | {seconds:.2f} | {cpu:.2f} |", flush=True)
