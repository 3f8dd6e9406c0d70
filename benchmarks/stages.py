"""CPU seconds of each stage of `orgmodel check` in one process: reading the file into an Org,
the unknown-ignore-code check, the rules and the text report.

    python benchmarks/stages.py benchmarks/.cache/wide-1000000.csv   # as of 2026-11-01, like bench_scale.py
    python benchmarks/stages.py benchmarks/.cache/wide-1000000.yaml
"""

from __future__ import annotations

import datetime as dt
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

started = time.process_time()
from orgmodel.engine import check, unknown_ignore_codes
from orgmodel.report import REPORTERS, Summary
from orgmodel.sources import TableOptions, load


def stage(name: str, since: float) -> float:
    now = time.process_time()
    print(f"{name:<20} {now - since:7.2f}")
    return now


def main(path: str) -> None:
    mark = stage("imports", started)
    as_of = dt.date(2026, 11, 1) if path.endswith(".csv") else None
    org = load(path, as_of=as_of, max_bytes=1 << 30, table=TableOptions())
    mark = stage("read", mark)
    unknown_ignore_codes(org)
    mark = stage("ignore codes", mark)
    findings = check(org)
    mark = stage("rules", mark)
    REPORTERS["text"](findings, Summary.of(findings, files=1, people=len(org)), None)
    stage("text report", mark)


if __name__ == "__main__":
    main(sys.argv[1])
