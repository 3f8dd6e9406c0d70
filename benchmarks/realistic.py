"""Synthetic orgs with the shape of real companies, for charts and their tests.

    python benchmarks/realistic.py 1500 > examples/globex.yaml

A CEO with 8 to 12 direct reports (C-level and VP leaders of each
function), managers with spans of 3 to 15, a few managers of 30 to 45
people (support and sales floors), a department per leader as the team (its id, lower case),
about 3% open positions and 1% dotted lines to a manager elsewhere. Names
are unique up to about 20,000 people. The same size and seed always give the same file.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import FIRST, LAST, split_team

# function: (share of the company, its leader's role, manager roles from the top down, individual roles)
FUNCTIONS = [
    ("Engineering", 0.38, "cto", ["vp_engineering", "engineering_director", "engineering_manager"],
     ["software_engineer", "senior_software_engineer", "staff_engineer"]),
    ("Product", 0.08, "cpo", ["vp_product", "head_of_product", "group_product_manager"],
     ["product_manager", "senior_product_manager", "associate_product_manager"]),
    ("Design", 0.05, "head_of_design", ["design_manager"], ["product_designer"]),
    ("Sales", 0.18, "cmo", ["sales_manager"], ["account_executive"]),
    ("Marketing", 0.06, "cmo", ["marketing_manager"], ["marketing_manager"]),
    ("Support", 0.12, "coo", ["operations_manager"], ["operations_manager"]),
    ("Operations", 0.05, "coo", ["operations_manager"], ["operations_manager", "executive_assistant"]),
    ("Data", 0.04, "engineering_director", ["engineering_manager"], ["data_scientist", "data_analyst"]),
    ("Finance", 0.02, "coo", ["operations_manager"], ["operations_manager"]),
    ("People", 0.02, "coo", ["operations_manager"], ["operations_manager"]),
]
WIDE_TEAMS = ("Sales", "Support")


def realistic(size: int, seed: int = 7, name: str | None = None) -> str:
    rnd = random.Random(seed * 1_000_003 + size)
    names = [f"{first} {last}" for first in FIRST for last in LAST]
    rnd.shuffle(names)
    initials = "ABCDEFGHJKLMNPRSTVW"
    while len(names) < size:
        names += [f"{n.split()[0]} {initials[len(names) // 1040 % len(initials)]}. {n.split()[1]}"
                  for n in names[:1040]]
    lines = [f"org: {name or f'Realistic {size}'}", "as_of: 2026-11-01", "people:"]
    managers: list[tuple[str, str]] = []  # (id, function)
    count = 0

    def emit(role: str, manager: str | None, team: str, lead: bool = False) -> str:
        nonlocal count
        pid = f"p{count}"
        person = names[count]
        count += 1
        open_position = not lead and manager is not None and rnd.random() < 0.03
        lines.append(f"  - id: {pid}")
        if not open_position:
            lines.append(f"    name: {person}")
        lines.append(f"    role: {role}")
        if manager is not None:
            lines.append(f"    reports_to: {manager}")
        lines.append(f"    team: {team.lower()}")  # an id, as HR exports and `orgmodel import` give it
        if open_position:
            lines.append("    status: open")
        else:
            lines.append(f"    hired: {rnd.randint(2010, 2025)}-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}")
        if managers and not lead and rnd.random() < 0.01:
            other, function = managers[rnd.randrange(len(managers))]
            if function != team:
                lines.append(f"    dotted_to: [{other}]")
        return pid

    ceo = emit("ceo", None, "Executive", lead=True)
    heads = rnd.randint(8, 12)
    functions = FUNCTIONS[:heads] if heads <= len(FUNCTIONS) else FUNCTIONS
    total_share = sum(f[1] for f in functions)
    budget = size - 1
    for i, (function, share, chief, ladder, leaves) in enumerate(functions):
        people = budget if i == len(functions) - 1 else min(budget, round((size - 1) * share / total_share))
        budget -= people
        if people <= 0:
            continue
        head = emit(chief, ceo, function, lead=True)
        managers.append((head, function))
        stack = [(head, 0, people - 1)]
        while stack:
            manager, rung, below = stack.pop()
            if below <= 0:
                continue
            if function in WIDE_TEAMS and below <= 60 and rnd.random() < 0.5:
                for _ in range(below):  # a floor of individual contributors under one manager
                    emit(rnd.choice(leaves), manager, function)
                continue
            span = min(below, rnd.randint(3, 15) if rung else rnd.randint(4, 9))
            rest = below - span
            for share_below in split_team(rnd, rest, span, 0.3, 1.7):
                if not share_below:
                    emit(rnd.choice(leaves), manager, function)
                    continue
                role = ladder[min(rung, len(ladder) - 1)]
                lead = emit(role, manager, function, lead=True)
                managers.append((lead, function))
                stack.append((lead, rung + 1, share_below))
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("size", type=int)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--name", help="the org's name")
    args = parser.parse_args()
    sys.stdout.write(realistic(args.size, args.seed, args.name))


if __name__ == "__main__":
    main()
