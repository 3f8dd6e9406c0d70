"""Benchmark title inference: per-title cost must not grow with the org or with a title's length.

    python benchmarks/bench_titles.py                   # 1k, 10k, 100k distinct titles
    python benchmarks/bench_titles.py --sizes 1000      # a quick run

*distinct titles*: every person has a different title, made from the real
titles of tests/data/titles/labelled.csv with a team qualifier ("Senior
Accountant - Team 417"), so nothing is memoised; CPU seconds of inferring
them all with a fresh catalog, best of 3. *huge title*: an org file whose
2,000-word title is shared by 40 people through a YAML alias (and, second
row, also a custom role with a 2,000-word alias that the title does not
contain, the case that was cubic), loaded from text: CPU seconds of the
whole load, best of 3.
"""

from __future__ import annotations

import argparse
import csv
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from orgmodel import load_text  # noqa: E402
from orgmodel.roles import RoleCatalog  # noqa: E402

HUGE = " ".join(["Senior Director of Product Marketing and Engineering"] * 286)  # 2,002 words
OTHER = " ".join(["Wrangler of Vibes"] * 667)  # 2,001 words, in no title


def real_titles() -> list[str]:
    with (ROOT / "tests" / "data" / "titles" / "labelled.csv").open(encoding="utf-8", newline="") as handle:
        return [row["title"] for row in csv.DictReader(handle)]


def best_cpu(work, runs: int = 3) -> float:
    best = float("inf")
    for _ in range(runs):
        started = time.process_time()
        work()
        best = min(best, time.process_time() - started)
    return best


def distinct_titles(size: int) -> float:
    base = real_titles()
    titles = [f"{base[i % len(base)]} - Team {i}" for i in range(size)]

    def infer_all():
        catalog = RoleCatalog.builtin()
        for title in titles:
            catalog.infer(title)

    return best_cpu(infer_all)


def huge_title_org(custom_alias: bool) -> str:
    roles = ("roles:\n  vibes:\n    title: Vibes\n    family: other\n    rank: 40\n"
             f"    aliases: [\"{OTHER}\"]\n") if custom_alias else ""
    people = [f"  - id: p0\n    title: &t \"{HUGE}\""] + [f"  - {{id: p{i}, title: *t, reports_to: p0}}"
                                                          for i in range(1, 40)]
    return "org: X\n" + roles + "people:\n" + "\n".join(people) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000, 100_000])
    args = parser.parse_args()
    print("| distinct titles | CPU (s) | per title (µs) |")
    print("| ---: | ---: | ---: |")
    for size in args.sizes:
        seconds = distinct_titles(size)
        print(f"| {size:,} | {seconds:.2f} | {seconds / size * 1e6:.0f} |")
    print()
    print("| org file | CPU (s) |")
    print("| --- | ---: |")
    for label, custom in (("2,000-word title shared by 40 people", False),
                          ("the same, plus a custom role with another 2,000-word alias", True)):
        text = huge_title_org(custom)
        print(f"| {label} | {best_cpu(lambda: load_text(text, 'org.yaml')):.3f} |")


if __name__ == "__main__":
    main()
