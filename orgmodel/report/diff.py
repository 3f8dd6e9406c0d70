"""Reporters of an org change (``orgmodel diff``): text, Markdown for a pull request, JSON."""

from __future__ import annotations

import json

from ..analysis.diff import CHANGE_KINDS, Change, OrgDiff
from ..findings import Finding
from ..wording import plural
from ..printable import printable
from .markup import markdown

#: How each kind of change reads in a summary, singular and plural.
KIND_WORDS = {
    "hire": ("hire", "hires"), "new_position": ("new position", "new positions"),
    "leaver": ("leaver", "leavers"), "position_closed": ("position closed", "positions closed"),
    "filled": ("position filled", "positions filled"), "vacated": ("position vacated", "positions vacated"),
    "moved": ("move", "moves"), "title_changed": ("new title", "new titles"),
    "role_changed": ("role change", "role changes"), "team_changed": ("team change", "team changes"),
    "dotted_changed": ("dotted-line change", "dotted-line changes"),
}
#: Markdown lists longer than this are folded into <details>.
FOLD_AFTER = 10


def _kind_counts(diff: OrgDiff) -> list[str]:
    parts = []
    for kind in CHANGE_KINDS:
        n = diff.count(kind)
        if n:
            one, many = KIND_WORDS[kind]
            parts.append(plural(n, one, many))
    return parts


def summary_line(diff: OrgDiff) -> str:
    changes = ", ".join(_kind_counts(diff)) or "no changes to people"
    return (f"{changes}; findings: {len(diff.introduced)} introduced, {len(diff.resolved)} resolved; "
            f"layers {diff.layers[0]} -> {diff.layers[1]}")


def _name(org_pair: OrgDiff, pid: str | None) -> str:
    if pid is None:
        return "nobody (top of the org)"
    person = org_pair.new.people.get(pid) or org_pair.old.people.get(pid)
    return f"{person.name} ({pid})" if person and person.name != pid else str(pid)


def describe(diff: OrgDiff, change: Change) -> str:
    """One sentence a manager reads: what happened to whom."""
    who = f"{change.name} ({change.person})" if change.name != change.person else change.person
    kind, before, after = change.kind, change.before, change.after
    if kind in ("hire", "new_position"):
        return f"{who} joins, reporting to {_name(diff, after)}" if kind == "hire" else \
            f"new open position {who}, reporting to {_name(diff, after)}"
    if kind in ("leaver", "position_closed"):
        return f"{who} leaves (reported to {_name(diff, before)})" if kind == "leaver" else \
            f"open position {who} closed (reported to {_name(diff, before)})"
    if kind == "filled":
        return f"{who}: the open position is filled"
    if kind == "vacated":
        return f"{who}: the position is now open"
    if kind == "moved":
        return f"{who} moves from {_name(diff, before)} to {_name(diff, after)}"
    if kind == "dotted_changed":
        return f"{who}: dotted lines {', '.join(before) or 'none'} -> {', '.join(after) or 'none'}"
    label = {"title_changed": "title", "role_changed": "role", "team_changed": "team"}[kind]
    return f"{who}: {label} {before or 'none'} -> {after or 'none'}"


def _finding_line(finding: Finding) -> str:
    return f"{finding.file}:{finding.line}:{finding.column}: {finding.code} [{finding.severity}] {finding.message}"


def render_text(diff: OrgDiff) -> str:
    out = [printable(f"{diff.old.file} -> {diff.new.file}: {summary_line(diff)}")]
    if diff.changes:
        out.append("")
        out.append("Changes:")
        out += [f"  {change.kind:<15} {printable(describe(diff, change))}" for change in diff.changes]
    for title, findings in (("Findings introduced:", diff.introduced), ("Findings resolved:", diff.resolved)):
        if findings:
            out += ["", title] + [f"  {printable(_finding_line(f))}" for f in findings]
    if diff.spans:
        out += ["", "Spans of control:"]
        out += [f"  {printable(_name(diff, s.manager))}: {s.before} -> {plural(s.after, 'direct report')}"
                for s in diff.spans]
    out += ["", "Headcount:"]
    out += [f"  {state}: {a} -> {b}" for state, (a, b) in diff.headcount["total"].items()]
    for grouping in ("family", "team"):
        moved = [(group, a, b) for group, (a, b) in diff.headcount[grouping].items() if a != b]
        if moved:
            out.append(f"  by {grouping}: " + ", ".join(f"{printable(g)} {a} -> {b}" for g, a, b in moved))
    if diff.cost is not None:
        currency = diff.new.currency or diff.old.currency or ""
        a, b = diff.cost["total"]
        out.append(f"  cost: {_money(a)} -> {_money(b)} {currency}".rstrip() + f" ({_signed(b - a)})")
    return "\n".join(out) + "\n"


def _money(value: float) -> str:
    return f"{value:,.0f}"


def _signed(value: float) -> str:
    return f"{value:+,.0f}"


def _md_table(header: list[str], rows: list[list[str]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    if len(rows) > FOLD_AFTER:
        return [f"<details><summary>{len(rows)} rows</summary>", "", *lines, "", "</details>"]
    return lines


def render_markdown(diff: OrgDiff) -> str:
    """A pull-request comment: a summary line, then tables, long ones folded."""
    out = ["### orgmodel: org change review", "", f"**{markdown(summary_line(diff))}**", ""]
    if diff.changes:
        out += ["#### Changes", ""]
        out += _md_table(["change", "person", "what"],
                         [[c.kind.replace("_", " "), markdown(c.person),
                           markdown(describe(diff, c))] for c in diff.changes])
        out.append("")
    for title, findings in (("Findings introduced", diff.introduced), ("Findings resolved", diff.resolved)):
        if findings:
            out += [f"#### {title}", ""]
            out += _md_table(["code", "severity", "person", "message"],
                             [[f.code, str(f.severity), markdown(f.person), markdown(f.message)] for f in findings])
            out.append("")
    if diff.spans:
        out += ["#### Spans of control", ""]
        out += _md_table(["manager", "before", "after"],
                         [[markdown(_name(diff, s.manager)), str(s.before), str(s.after)] for s in diff.spans])
        out.append("")
    out += ["#### Headcount", ""]
    rows = [[state, str(a), str(b)] for state, (a, b) in diff.headcount["total"].items()]
    rows.append(["layers", str(diff.layers[0]), str(diff.layers[1])])
    if diff.cost is not None:
        a, b = diff.cost["total"]
        currency = diff.new.currency or diff.old.currency or ""
        rows.append([f"cost {markdown(currency)}".rstrip(), _money(a), _money(b)])
    out += _md_table(["", "before", "after"], rows)
    for grouping in ("family", "team"):
        moved = [[markdown(g), str(a), str(b)] for g, (a, b) in diff.headcount[grouping].items() if a != b]
        if moved:
            out += ["", f"By {grouping}:", ""] + _md_table([grouping, "before", "after"], moved)
    return "\n".join(out) + "\n"


def render_json(diff: OrgDiff) -> str:
    return json.dumps(diff.to_dict(), indent=2, ensure_ascii=False, default=str) + "\n"


DIFF_REPORTERS = {"text": render_text, "markdown": render_markdown, "json": render_json}
