"""Chart text in other scripts: how much the font fallback and shaping cost.

    python benchmarks/bench_text.py

Renders the synthetic org (generate.py) with every name rewritten into one
script (all names different, so no measurement is reused), to SVG and PNG, and an org whose name and one person's name are
200,000 characters long. Each measurement is a fresh process, best of 3:
the processor time of the render call alone (after loading the org),
including the one-off font discovery a user's run pays. Processor time,
not wall time, so a busy machine gives the same figures.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate import generate

#: Name parts per script: (first names, last names).
SCRIPTS = {
    "Latin": ("Ada Ben Inês Zoë Łucja", "Ødegård Núñez Fischer Çelik Dahl"),
    "Chinese": ("小明 美玲 志强 秀英 建国", "王 李 张 刘 陈"),
    "Korean": ("민준 서연 지호 하은 도윤", "김 이 박 최 정"),
    "Arabic": ("ليلى عمر سارة يوسف نور", "حداد منصور خليل ناصر سالم"),
    "Hebrew": ("נועה דוד מאיה יוסף תמר", "כהן לוי מזרחי פרץ ביטון"),
}

CHILD = """
import sys, time
sys.path.insert(0, {root!r})
import orgmodel
from orgmodel.render import render
org = orgmodel.load({path!r})
start = time.process_time()
render(org, {out!r})
print(time.process_time() - start)
"""


def with_names(text: str, script: str) -> str:
    """``text`` with every name rewritten into ``script``, all different (up to 10,000 people)."""
    first, last = SCRIPTS[script]
    parts = first.split() + last.split()  # ten: a person's name is their number, digit by digit
    counter = iter(range(10**9))

    def name(_match: re.Match) -> str:
        digits = f"{next(counter) % 10_000:04d}"
        a, b, c, d = (parts[int(digit)] for digit in digits)
        return f"    name: {a}{b} {c}{d}"

    return re.sub(r"(?m)^    name: .*$", name, text)


def timed(path: Path, out: Path, repeat: int = 3) -> float:
    code = CHILD.format(root=str(HERE.parent), path=str(path), out=str(out))
    runs = [float(subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout)
            for _ in range(repeat)]
    return min(runs)


def main() -> None:
    import tempfile

    work = Path(tempfile.mkdtemp())
    print("| people | script | SVG (s) | PNG (s) |")
    print("| ---: | --- | ---: | ---: |")
    for size in (1_000, 10_000):
        base = generate(size)
        for script in SCRIPTS:
            path = work / f"{script}-{size}.yaml"
            path.write_text(with_names(base, script), encoding="utf-8")
            svg, png = timed(path, work / "c.svg"), timed(path, work / "c.png")
            print(f"| {size:,} | {script} | {svg:.2f} | {png:.2f} |")
    long = work / "long.yaml"
    long.write_text(f"org: {'Org ' * 50_000}\npeople:\n  - {{id: a, name: '{'Ann ' * 50_000}', role: ceo}}\n",
                    encoding="utf-8")
    print(f"\n200,000-character org name and person name, SVG: {timed(long, work / 'c.svg'):.2f} s")


if __name__ == "__main__":
    main()
