"""A one-page dashboard of org metrics (``orgmodel stats --plot``): span of control by band,
the layer pyramid and headcount by family. Deterministic like the charts: the same org gives
the same file."""

from __future__ import annotations

import os
from pathlib import Path

from ..analysis.stats import OrgStats, band_of
from ..atomic import write_atomic
from ..wording import plural

DASHBOARD_FORMATS = ("png", "svg", "pdf")
#: One colour per span band, from "too narrow" (warm) through the usual range (greens) to "too wide".
BAND_COLOURS = ("#e15759", "#f28e2b", "#59a14f", "#4e79a7", "#b07aa1", "#9c2f2f")
STATE_COLOURS = {"present": "#4e79a7", "open": "#bab0ac", "planned": "#a0cbe8"}


def draw_dashboard(stats: OrgStats, output: str | os.PathLike) -> None:
    import matplotlib

    from matplotlib.figure import Figure

    from ..analysis.stats import BANDINGS
    from .chart import FAMILY_COLOURS, NO_GROUP
    from .text import TEXT_RC, drawable, font

    path = Path(output)
    fmt = path.suffix.lower().lstrip(".")
    bands = BANDINGS[stats.banding]
    colours = dict(zip((label for label, _, _ in bands), BAND_COLOURS))
    with matplotlib.rc_context({**TEXT_RC, "svg.hashsalt": "orgmodel", "pdf.fonttype": 42, "text.usetex": False,
                                "font.size": 9}):
        fig = Figure(figsize=(13, 5.2), layout="constrained")
        title = f"{drawable(stats.org)}: {stats.headcount['total']} people as of {stats.as_of}"
        fig.suptitle(title, fontproperties=font(title, 13, bold=True), parse_math=False)
        spans_ax, layers_ax, family_ax = fig.subplots(1, 3)

        spans = [m.span for m in stats.managers]
        top = max(spans, default=1)
        counts = [spans.count(s) for s in range(1, top + 1)]
        spans_ax.bar(range(1, top + 1), counts, color=[colours[band_of(s, bands)] for s in range(1, top + 1)],
                     width=0.85)
        spans_ax.set_title(f"Span of control ({plural(len(spans), 'manager')}, median {stats.span_median or 0:g})",
                           parse_math=False)
        spans_ax.set_xlabel("direct reports")
        spans_ax.set_ylabel("managers")
        handles = [matplotlib.patches.Patch(color=colours[label], label=f"{label}: {n} ({share:.0%})")
                   for label, (n, share) in stats.span_bands.items()]
        spans_ax.legend(handles=handles, title="band" if stats.banding == "orgvue" else "archetype", fontsize=8,
                        title_fontsize=8, loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False)

        per_layer = stats.people_per_layer
        rows = range(len(per_layer))
        layers_ax.barh(rows, per_layer, left=[-n / 2 for n in per_layer], color="#76b7b2", height=0.8)
        for row, n in zip(rows, per_layer):
            layers_ax.text(0, row, str(n), ha="center", va="center", fontsize=8, parse_math=False)
        layers_ax.set_yticks(list(rows), [f"layer {i + 1}" for i in rows])
        layers_ax.invert_yaxis()
        layers_ax.set_xticks([])
        layers_ax.set_title(f"Layers ({len(per_layer)})", parse_math=False)
        for side in ("top", "right", "bottom"):
            layers_ax.spines[side].set_visible(False)

        families = list(stats.by["family"].items())[::-1]
        left = [0] * len(families)
        for state, colour in STATE_COLOURS.items():
            values = [counts[state] for _, counts in families]
            family_ax.barh(range(len(families)), values, left=left, color=colour, label=state, height=0.7)
            left = [a + b for a, b in zip(left, values)]
        family_ax.set_yticks(range(len(families)), [name for name, _ in families])
        for tick, (name, _) in zip(family_ax.get_yticklabels(), families):
            tick.set_color(FAMILY_COLOURS.get(name, NO_GROUP))
        family_ax.set_title("Headcount by family", parse_math=False)
        family_ax.legend(fontsize=8, frameon=False, loc="upper left", bbox_to_anchor=(1.0, 1.0))
        for ax in (spans_ax, family_ax):
            for side in ("top", "right"):
                ax.spines[side].set_visible(False)

        metadata = {"png": {"Software": None}, "svg": {"Date": None, "Creator": "orgmodel"},
                    "pdf": {"CreationDate": None, "ModDate": None, "Creator": "orgmodel", "Producer": "orgmodel"}}
        write_atomic(path, lambda tmp: fig.savefig(tmp, format=fmt, dpi=150, metadata=metadata[fmt]))
