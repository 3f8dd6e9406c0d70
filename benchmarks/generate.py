"""Deterministic synthetic orgs for benchmarks: realistic families, ladders and spans.

    python benchmarks/generate.py 10000 > org-10k.yaml
    python benchmarks/generate.py 100000 --shape deep > deep-100k.yaml
    python benchmarks/generate.py 1000000 --csv > hr-1m.csv

``wide`` (the default) is a company: a CEO over C-level leaders, each family
following its ladder (engineering, product, design, data, sales,
operations), every manager with 3-9 direct reports, written as a flat list
with ``reports_to`` like an HR export. ``deep`` hangs the same people in
long chains (depth in the thousands), the case where a rule that scans
ancestors per person turns quadratic.
"""

from __future__ import annotations

import argparse
import random
import sys

FIRST = ("Ada Ben Chloe Dev Elif Farah Gil Hiro Ines Jae Kofi Lara Milo Nia Oren Paz Quin Rosa Sven Tala "
         "Umar Vivi Wade Xena Yara Zeke Alma Bo Cyra Dax Esme Finn Gwen Hal Isla Joss Kira Luca Maia Nico").split()
LAST = ("Abara Berg Castillo Dahl Eze Fischer Gupta Holm Ibsen Jovic Kaur Lind Moreau Nakamura Osei Petrov "
        "Quist Rahman Storm Toivonen Urquhart Varga Weiss Xu Yilmaz Zamora").split()

# family: (share of the company, C-level role, ladder of (smallest subtree, role) from the top, leaf roles)
FAMILIES = {
    "engineering": (0.45, "cto", [(1500, "vp_engineering"), (60, "engineering_director"), (1, "engineering_manager")],
                    ["software_engineer", "software_engineer", "senior_software_engineer", "staff_engineer"]),
    "product": (0.12, "cpo", [(400, "vp_product"), (25, "head_of_product"), (8, "group_product_manager"),
                              (1, "senior_product_manager")],
                ["product_manager", "product_manager", "junior_product_manager", "associate_product_manager"]),
    "design": (0.08, "head_of_design", [(1, "design_manager")], ["product_designer"]),
    "data": (0.05, "cto", [(1, "engineering_manager")], ["data_scientist", "data_analyst"]),
    "sales": (0.20, "cmo", [(1, "sales_manager")], ["account_executive"]),
    "operations": (0.10, "coo", [(1, "operations_manager")], ["operations_manager", "executive_assistant"]),
}


def split_team(rnd: random.Random, rest: int, span: int, low: float, high: float) -> list[int]:
    """How many of ``rest`` people go below each of ``span`` reports (0: an individual contributor).

    Random weights between ``low`` and ``high``; nobody manages just one or
    two people: those go to the largest branch.
    """
    weights = [rnd.uniform(low, high) for _ in range(span)]
    total = sum(weights)
    shares = [int(rest * w / total) for w in weights]
    largest = max(range(span), key=shares.__getitem__)
    small = [i for i, share in enumerate(shares) if share < 3 and i != largest]
    shares[largest] += rest - sum(shares) + sum(shares[i] for i in small)
    for i in small:
        shares[i] = 0
    return shares


def generate(size: int, shape: str = "wide", seed: int = 1, form: str = "yaml") -> str:
    """The org as an org file (``form="yaml"``) or as an HR export with the columns
    ``orgmodel import`` reads (``form="csv"``); both hold the same people."""
    rnd = random.Random(seed)
    if form == "csv":
        lines = ["id,name,role,reports_to,team,hired"]
    else:
        lines = [f"org: Synthetic {size}", "as_of: 2026-11-01", "people:"]
    count = 0

    def emit(role: str, manager: str | None, team: str) -> str:
        nonlocal count
        pid = f"p{count}"
        count += 1
        year = rnd.randint(2010, 2026)
        name = f"{rnd.choice(FIRST)} {rnd.choice(LAST)}"
        hired = f"{year}-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}"
        if form == "csv":
            lines.append(f"{pid},{name},{role},{manager or ''},{team},{hired}")
            return pid
        lines.append(f"  - id: {pid}\n    name: {name}\n    role: {role}")
        if manager is not None:
            lines.append(f"    reports_to: {manager}")
        lines.append(f"    team: {team}\n    hired: {hired}")
        return pid

    ceo = emit("ceo", None, "exec")
    budget = size - 1
    for name, (share, chief, ladder, leaves) in FAMILIES.items():
        people = budget if name == "operations" else min(budget, round((size - 1) * share))
        budget -= people
        if people <= 0:
            continue
        head = emit(chief if name != "data" else "engineering_director", ceo, name)
        stack = [(head, -1, people - 1)]
        while stack:
            manager, level, below = stack.pop()
            if below <= 0:
                continue
            if shape == "deep":
                # one long chain with a few leaves hanging off each link
                leaves_here = min(below, 2)
                for _ in range(leaves_here):
                    emit(rnd.choice(leaves), manager, name)
                below -= leaves_here
                if below:
                    stack.append((emit(ladder[-1][1], manager, name), level, below - 1))
                continue
            span = min(below, rnd.randint(3, 9))
            rest = below - span
            for share_below in split_team(rnd, rest, span, 0.5, 1.5):
                if not share_below:
                    emit(rnd.choice(leaves), manager, name)
                    continue
                # the highest rung below the manager's that suits a team this size
                below_rungs = list(enumerate(ladder))[level + 1:] or [(len(ladder) - 1, ladder[-1])]
                rung, (_, role) = next(((i, r) for i, r in below_rungs if share_below >= r[0]), below_rungs[-1])
                stack.append((emit(role, manager, name), rung, share_below))
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("size", type=int)
    parser.add_argument("--shape", choices=["wide", "deep"], default="wide")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--csv", action="store_true", help="write an HR export (CSV) instead of an org file")
    args = parser.parse_args()
    sys.stdout.write(generate(args.size, args.shape, args.seed, "csv" if args.csv else "yaml"))


if __name__ == "__main__":
    main()
