"""Title fuzzing: read random job titles built from the vocabulary's own words.

    python -m tests.fuzz.titles --count 200000 --seed 7

Each title is one to twelve words drawn from every vocabulary table, the
separators and joiners titles use ("/", "&", " - ", "(", "to", "of"), grades,
German gender endings, upper case, and now and then characters of any script.
A title must read without raising, read the same twice, and explain itself
in one line. Exits 1 on the first title that breaks one of these, printing it.
"""

from __future__ import annotations

import argparse
import csv
import random
import sys
import time
from importlib import resources

from orgmodel.roles import RoleCatalog

_GLUE = ["/", "&", "-", " - ", ",", "(", ")", "to", "of", "and", "or", ":", "II", "L5", "Sr.", "Stv.",
         "*in", ":in", "/-in", "IV", "@", "'s"]


def vocabulary_words() -> list[str]:
    words: set[str] = set()
    for table in resources.files("orgmodel.roles").joinpath("vocabulary").iterdir():
        if table.name.endswith(".csv"):
            with table.open(encoding="utf-8") as rows:
                for row in list(csv.reader(rows))[1:]:
                    if row:
                        words.update(row[0].split())
    return sorted(words) + _GLUE


def random_title(rng: random.Random, words: list[str]) -> str:
    title = " ".join(rng.choice(words) for _ in range(rng.randint(1, 12)))
    if rng.random() < 0.1:
        title = title.upper()
    if rng.random() < 0.05:
        title += "".join(chr(rng.randint(1, 0x2FFF)) for _ in range(5))
    return title


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10000)
    parser.add_argument("--seed", type=int, default=7)
    options = parser.parse_args(argv)
    catalog, rng, words = RoleCatalog.builtin(), random.Random(options.seed), vocabulary_words()
    started = time.process_time()
    for index in range(options.count):
        title = random_title(rng, words)
        try:
            first, second = catalog.infer(title), catalog.infer(title)
            explanation = first.explain()
        except Exception as exc:  # noqa: BLE001 - any exception is the finding
            print(f"title {index} of seed {options.seed} raised {exc!r}: {title!r}")
            return 1
        if (first.role and first.role.id) != (second.role and second.role.id) or "\n" in explanation:
            print(f"title {index} of seed {options.seed} reads differently or explains in several lines: {title!r}")
            return 1
    print(f"{options.count} titles (seed {options.seed}) read without a failure "
          f"in {time.process_time() - started:.1f} CPU seconds")
    return 0


if __name__ == "__main__":
    sys.exit(main())
