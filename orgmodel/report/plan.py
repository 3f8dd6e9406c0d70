"""Reporters of a hiring plan's timeline (``orgmodel plan``): text, Markdown, JSON."""

from __future__ import annotations

import json
from collections.abc import Sequence

from ..analysis.plan import PlanStep
from ..findings import Finding
from ..printable import printable
from ..wording import plural
from .markup import markdown


def _headcount(step: PlanStep) -> str:
    h = step.headcount
    return f"{h['present']} present, {h['open']} open, {h['planned']} planned"


def _finding(f: Finding) -> str:
    return f"{f.code} [{f.severity}] {f.message}"


def render_text(steps: Sequence[PlanStep]) -> str:
    out = []
    for index, step in enumerate(steps):
        heading = "as of" if index == 0 else "on"
        out.append(f"{heading} {step.date.isoformat()}: {_headcount(step)}; {plural(len(step.findings), 'finding')}")
        for person in step.starting:
            out.append(f"  starts: {printable(person.name)} ({printable(person.id)}), {printable(person.display_title)}")
        if index == 0:
            out += [f"  finding: {printable(_finding(f))}" for f in step.findings]
        out += [f"  + {printable(_finding(f))}" for f in step.appear]
        out += [f"  - {printable(_finding(f))}" for f in step.disappear]
    return "\n".join(out) + "\n"


def render_markdown(steps: Sequence[PlanStep]) -> str:
    out = ["### orgmodel: hiring plan", "", "| date | starts | headcount | findings appear | findings disappear |",
           "|---|---|---|---|---|"]
    for step in steps:
        starts = "<br>".join(f"{markdown(p.name)} ({markdown(p.display_title)})" for p in step.starting) or "-"
        appear = "<br>".join(markdown(_finding(f)) for f in step.appear) or "-"
        disappear = "<br>".join(markdown(_finding(f)) for f in step.disappear) or "-"
        out.append(f"| {step.date.isoformat()} | {starts} | {_headcount(step)} | {appear} | {disappear} |")
    return "\n".join(out) + "\n"


def render_json(steps: Sequence[PlanStep]) -> str:
    return json.dumps({"steps": [step.to_dict() for step in steps]}, indent=2, ensure_ascii=False) + "\n"


PLAN_REPORTERS = {"text": render_text, "markdown": render_markdown, "json": render_json}
