"""Benchmark ORG001 and ORG003 on orgs where many reporting lines name nobody.

    python benchmarks/bench_unknown_managers.py                 # 1k, 10k, 100k people
    python benchmarks/bench_unknown_managers.py --sizes 1000    # a quick run

A tenth of the people name a manager who is not in the file, every one a
different id. In the *numbers* mix they are all employee numbers, as in an
HR export (never guessed, so only the exact index of names and ids is
built); in the *typos* mix half are one-letter typos of a real id, which
also needs the typo index. Finding the person an id means must cost the
length of the id, not the size of the org, so the time per person stays
flat as the org grows. Times are CPU seconds of the two rules only (so
other work on the machine does not count), on an org already loaded, best
of 3.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from orgmodel import Org, Person, RoleCatalog, check  # noqa: E402


def _letters(number: int) -> str:
    """A letters-only id for a number: people ids without digits are the ones a typo hint looks at."""
    word = ""
    while True:
        number, digit = divmod(number, 26)
        word += "abcdefghijklmnopqrstuvwxyz"[digit]
        if not number:
            return word


def build(size: int, typos: bool, seed: int = 1) -> Org:
    rng = random.Random(seed)
    catalog = RoleCatalog.builtin()
    role = catalog["software_engineer"]
    ids = [f"{rng.choice('bcdfghjklmnpqrstvwz')}{rng.choice('aeiou')}{_letters(i)}" for i in range(size)]
    known = set(ids)
    people = [Person(ids[0], "Top", role)]
    for i in range(1, size):
        if i % 10 == 0:
            typo = ids[rng.randrange(i)]
            position = rng.randrange(len(typo))
            missing = typo[:position] + typo[position + 1:] if typos and i % 20 else f"{900_000 + i}"
            boss = missing if missing not in known else f"{800_000 + i}"
        else:
            boss = ids[rng.randrange(max(0, i - 50), i)]
        people.append(Person(ids[i], f"Person {ids[i]}", role, reports_to=boss))
    return Org("bench", people, roles=catalog)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000, 100_000])
    args = parser.parse_args()
    print("| people | missing managers | unknown managers | ORG001 + ORG003 (CPU s) | per person (µs) | with a hint |")
    print("| ---: | --- | ---: | ---: | ---: | ---: |")
    for size, typos in ((size, typos) for typos in (False, True) for size in args.sizes):
        org = build(size, typos)
        best, found = float("inf"), []
        for _ in range(3):
            start = time.process_time()
            found = check(org, select=["ORG001", "ORG003"])
            best = min(best, time.process_time() - start)
        hinted = sum(1 for f in found if f.suggestion.startswith("did you mean"))
        mix = "typos" if typos else "numbers"
        print(f"| {size:,} | {mix} | {len(org.unknown_managers):,} | {best:.3f} | {best / size * 1e6:.1f} "
              f"| {hinted:,} |")


if __name__ == "__main__":
    main()
