"""Reporters of org metrics (``orgmodel stats``): text, Markdown, JSON and CSV."""

from __future__ import annotations

import csv
import io
import json

from ..analysis.counts import STATES
from ..analysis.stats import OrgStats
from ..printable import printable
from .markup import markdown


def _number(value) -> str:
    if value is None:
        return "-"
    return f"{value:,.0f}" if isinstance(value, float) and abs(value) >= 1000 else f"{value:g}"


def _rows(stats: OrgStats, *, managers: bool) -> list[tuple[str, list[tuple[str, ...]], tuple[str, ...]]]:
    """Each table of the report: (title, rows, header)."""
    tables = [("Headcount", [(state, str(stats.headcount[state])) for state in (*STATES, "total")], ("", "people"))]
    tables.append(("People", [("managers", str(len(stats.managers))),
                              ("individual contributors", str(stats.individual_contributors))], ("", "people")))
    for grouping, groups in stats.by.items():
        tables.append((f"By {grouping}", [(group, *(str(c[s]) for s in STATES)) for group, c in groups.items()],
                       (grouping, *STATES)))
    banding = "band" if stats.banding == "orgvue" else "archetype"
    tables.append((f"Span of control (median {_number(stats.span_median)}, mean {_number(stats.span_mean)})",
                   [(label, str(n), f"{share:.0%}") for label, (n, share) in stats.span_bands.items()],
                   (banding, "managers", "share")))
    tables.append((f"Layers ({len(stats.people_per_layer)}; deepest chain: {' > '.join(stats.deepest_chain)})",
                   [(str(i + 1), str(n)) for i, n in enumerate(stats.people_per_layer)], ("layer", "people")))
    if stats.cost is not None:
        currency = stats.currency or ""
        cost_rows = [("total", _number(stats.cost["total"]))]
        cost_rows += [(f"family: {g}", _number(v)) for g, v in stats.cost["family"].items()]
        cost_rows += [(f"team: {g}", _number(v)) for g, v in stats.cost["team"].items()]
        tables.append((f"Cost {currency}".rstrip(), cost_rows, ("", "cost")))
    if managers:
        header = ("manager", "name", "span", "below", "layer") + (("cost below",) if stats.cost else ())
        rows = [(m.person, m.name, str(m.span), str(m.below), str(m.layer))
                + ((_number(m.cost_below),) if stats.cost else ()) for m in stats.managers]
        tables.append(("Managers", rows, header))
    return tables


def render_text(stats: OrgStats, *, managers: bool = False) -> str:
    out = [printable(f"{stats.org} as of {stats.as_of}")]
    for title, rows, header in _rows(stats, managers=managers):
        out += ["", printable(title)]
        cells = [tuple(printable(c) for c in row) for row in [header, *rows]]
        widths = [max(len(row[i]) for row in cells) for i in range(len(header))]
        for row in cells:
            # Labels (the first column, names) read left to right; figures line up on the right.
            out.append("  " + "  ".join(c.ljust(w) if i == 0 or header[i] == "name" else c.rjust(w)
                                        for i, (c, w) in enumerate(zip(row, widths))).rstrip())
    return "\n".join(out) + "\n"


def render_markdown(stats: OrgStats, *, managers: bool = False) -> str:
    out = [f"### {markdown(stats.org)} as of {stats.as_of}"]
    for title, rows, header in _rows(stats, managers=managers):
        out += ["", f"**{markdown(title)}**", "", "| " + " | ".join(markdown(h) for h in header) + " |",
                "|" + "---|" * len(header)]
        out += ["| " + " | ".join(markdown(c) for c in row) + " |" for row in rows]
    return "\n".join(out) + "\n"


def render_json(stats: OrgStats, *, managers: bool = False) -> str:
    return json.dumps(stats.to_dict(managers=managers), indent=2, ensure_ascii=False) + "\n"


def render_csv(stats: OrgStats, *, managers: bool = False) -> str:
    """One row per metric (section, key, value), or one row per manager with --managers."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    if managers:
        writer.writerow(["manager", "name", "span", "below", "layer", "cost_below"])
        for m in stats.managers:
            writer.writerow([m.person, m.name, m.span, m.below, m.layer, "" if m.cost_below is None else m.cost_below])
        return out.getvalue()
    writer.writerow(["section", "key", "value"])
    for state in (*STATES, "total"):
        writer.writerow(["headcount", state, stats.headcount[state]])
    writer.writerow(["people", "managers", len(stats.managers)])
    writer.writerow(["people", "individual_contributors", stats.individual_contributors])
    for grouping, groups in stats.by.items():
        for group, counts in groups.items():
            for state in STATES:
                writer.writerow([f"{grouping}:{state}", group, counts[state]])
    writer.writerow(["span", "median", "" if stats.span_median is None else stats.span_median])
    writer.writerow(["span", "mean", "" if stats.span_mean is None else stats.span_mean])
    for label, (n, share) in stats.span_bands.items():
        writer.writerow([f"span_band:{stats.banding}", label, n])
    for i, n in enumerate(stats.people_per_layer):
        writer.writerow(["layer", i + 1, n])
    if stats.cost is not None:
        writer.writerow(["cost", "total", stats.cost["total"]])
        for grouping in ("family", "team"):
            for group, value in stats.cost[grouping].items():
                writer.writerow([f"cost:{grouping}", group, value])
    return out.getvalue()


STATS_REPORTERS = {"text": render_text, "markdown": render_markdown, "json": render_json, "csv": render_csv}
