"""Draw an org chart with matplotlib from a computed layout.

One data unit is one point, so text sizes are the same at every size of
chart and the figure is sized from the layout (nothing is ever cropped).
Boxes, accent bars and connectors are drawn as collections, not one artist
per box, so thousands of people draw quickly; only the labels are separate
text artists. Text is measured with the font engine and wrapped or
shortened to fit its box.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np
from matplotlib.artist import Artist
from matplotlib.collections import LineCollection, PathCollection, PolyCollection
from matplotlib.colors import to_rgba
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties
from matplotlib.path import Path

from ..findings import Finding, Severity
from ..org import Org, Person
from .layout import BOX_HEIGHT, BOX_WIDTH, OrgView
from .text import FONT, drawable, families, fit, font, person_group_id, text_width, wrap

MARGIN = 36.0
MIN_CONTENT_WIDTH = 360.0  # room for the header and a legend row even for a one-person chart
HEADER = 64.0
BREADCRUMB = 20.0  # the manager chain above a continued part of the org
BREADCRUMB_NAME = 160.0  # the widest a name in it gets
PAD = 8.0

FAMILY_COLOURS = {
    "executive": "#3d405b", "product": "#e07a1f", "engineering": "#2e6fba", "design": "#b8428c",
    "data": "#2a9d8f", "research": "#0f6b5c", "marketing": "#c0392b", "sales": "#6a994e", "customer": "#a7822a",
    "people": "#d1495b", "finance": "#386641", "legal": "#7a3b55", "it": "#33658a", "operations": "#7f6a93",
    "other": "#8c8c8c",
}
FAMILY_LEGEND_NAMES = {"it": "IT"}
SEVERITY_COLOURS = {Severity.ERROR: "#d62728", Severity.WARNING: "#e8a100", Severity.INFO: "#1f77b4"}
TEAM_PALETTE = ("#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#edc948", "#b07aa1", "#ff9da7",
                "#9c755f", "#bab0ac", "#17becf", "#bcbd22", "#8c564b", "#e377c2", "#7f7f7f", "#1f77b4")
LEVEL_COLOURS = ((90, "#08306b"), (80, "#08519c"), (70, "#2171b5"), (60, "#4292c6"), (50, "#6baed6"),
                 (40, "#9ecae1"), (0, "#c6dbef"))
NO_GROUP = "#9a9a9a"
TEXT = "#1f2328"
MUTED = "#57606a"
LINE = "#6e7781"
DOTTED = "#8250df"

#: What a box can show, in the order asked for (``--label``); the first is the bold line.
LABEL_FIELDS = ("name", "title", "team", "id", "role", "level", "hired")
DETAIL_LINES = 3  # small lines under a one-line name
LINK = "#0a58ca"


@dataclass(frozen=True)
class Style:
    color_by: str = "family"  # family | team | level
    show_findings: bool = True
    title: str | None = None
    fields: tuple[str, ...] = ("name", "title")
    #: People drawn only as ghosts of leavers (render --diff): shown, not counted.
    ghosts: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Page:
    """One page of a paged chart: the paper, the scale the chart is drawn at and its links.

    Page numbers count from 1; a link is a PDF link to that page.
    """

    width: float               # paper size in points
    height: float
    scale: float               # printed size of one layout point
    number: int
    count: int
    #: The continued root's manager chain, top first: (text, page it is drawn on).
    breadcrumb: tuple[tuple[str, int], ...] = ()
    #: People whose reports continue on another page, and that page.
    continued: Mapping[str, int] = field(default_factory=dict)


def page_link(number: int) -> str:
    """The link a chart's text carries to a page of the same PDF (made a GoTo action on save)."""
    return f"#page={number}"


def _rounded_box(width: float, height: float, radius: float = 6.0, steps: int = 5) -> np.ndarray:
    """Vertices of a rounded rectangle with its top-left corner at (0, 0) (y down)."""
    corners = ((width - radius, radius, -90), (width - radius, height - radius, 0),
               (radius, height - radius, 90), (radius, radius, 180))
    points = []
    for cx, cy, start in corners:
        for angle in np.linspace(np.radians(start), np.radians(start + 90), steps):
            points.append((cx + radius * np.cos(angle), cy + radius * np.sin(angle)))
    return np.array(points)


def _shapes(shape: np.ndarray, corners: np.ndarray) -> Path:
    """One compound path: ``shape`` (a closed polygon) placed at each of ``corners``."""
    closed = np.vstack([shape, shape[:1]])
    codes = np.full(len(closed), Path.LINETO, dtype=Path.code_type)
    codes[0], codes[-1] = Path.MOVETO, Path.CLOSEPOLY
    vertices = (closed[None, :, :] + corners[:, None, :]).reshape(-1, 2)
    return Path(vertices, np.tile(codes, len(corners)))


def _polygons(shapes: list[np.ndarray]) -> Path:
    return Path.make_compound_path(*(Path(np.vstack([s, s[:1]]), closed=True) for s in shapes))


def _polylines(lines: list[tuple], offset: tuple[float, float]) -> Path:
    """One compound path of open polylines."""
    vertices, codes = [], []
    for points in lines:
        vertices.extend(points)
        codes.extend([Path.MOVETO] + [Path.LINETO] * (len(points) - 1))
    return Path(np.array(vertices) + offset, np.array(codes, dtype=Path.code_type))


@lru_cache(maxsize=256)
def _tint(colour: str, amount: float = 0.86) -> tuple:
    r, g, b, _ = to_rgba(colour)
    return (r + (1 - r) * amount, g + (1 - g) * amount, b + (1 - b) * amount, 1.0)


def _group_colours(org: Org, people: Sequence[Person], color_by: str) -> tuple[list[str], list[tuple[str, str]]]:
    """A colour per person and the legend entries (label, colour) in a stable order."""
    if color_by == "team":
        teams = sorted({p.team for p in people if p.team})
        colour = {team: TEAM_PALETTE[i % len(TEAM_PALETTE)] for i, team in enumerate(teams)}
        names = {tid: t.name for tid, t in (org.teams or {}).items()}
        legend = [(names.get(t, t), colour[t]) for t in teams]
        if any(not p.team for p in people):
            legend.append(("No team", NO_GROUP))
        return [colour.get(p.team, NO_GROUP) for p in people], legend
    if color_by == "level":
        def level_colour(rank):
            return next((c for floor, c in LEVEL_COLOURS if rank >= floor), LEVEL_COLOURS[-1][1])
        ranks = sorted({p.role.rank for p in people if p.role.rank is not None}, reverse=True)
        legend = [(f"Rank {rank}", level_colour(rank)) for rank in ranks]
        if any(p.role.rank is None for p in people):
            legend.append(("No rank", NO_GROUP))
        return [level_colour(p.role.rank) if p.role.rank is not None else NO_GROUP for p in people], legend
    families = [f for f in FAMILY_COLOURS if any(p.role.family == f for p in people)]
    legend = [(FAMILY_LEGEND_NAMES.get(f, f.capitalize()), FAMILY_COLOURS[f]) for f in families]
    return [FAMILY_COLOURS.get(p.role.family, NO_GROUP) for p in people], legend


def _people_in_scope(org: Org, view: OrgView) -> list[Person]:
    """Everyone the chart stands for: the drawn people and those collapsed under them."""
    drawn = [org.people[pid] for pid in view.layout.boxes]
    hidden = [p for pid in view.hidden for p in org.subtree(pid)]
    return drawn + hidden


def header_text(org: Org, view: OrgView, ghosts: Collection[str] = ()) -> str:
    """The line under the title; ``ghosts`` (leavers drawn by --diff) are not counted."""
    counts = org.headcount_of(p for p in _people_in_scope(org, view) if p.id not in ghosts)
    return (f"As of {org.as_of.isoformat()}  ·  {counts['present']} present, {counts['open']} open, "
            f"{counts['planned']} planned")


@dataclass
class _Plan:
    """What a chart shows and how big it is, before anything is drawn."""

    people: list[Person]
    colours: list[str]
    by_person: dict[str, list[Finding]]
    legend_rows: list
    width: float       # whole chart, margins included, in layout points
    height: float
    top: float         # where the layout starts


def _plan(org: Org, view: OrgView, findings: Sequence[Finding], style: Style, page: Page | None) -> _Plan:
    layout = view.layout
    people = [org.people[pid] for pid in layout.boxes]
    colours, legend = _group_colours(org, people, style.color_by)
    by_person: dict[str, list[Finding]] = {}
    if style.show_findings:
        for finding in findings:
            if finding.person in layout.boxes:
                by_person.setdefault(finding.person, []).append(finding)
    legend_rows = _legend_rows(legend, by_person, layout, any(p.is_open for p in people),
                               any(c.kind == "dotted" for c in layout.connectors), bool(layout.dotted_notes))
    content_width = max(layout.width, MIN_CONTENT_WIDTH)
    legend_height = 18.0 * len(legend_rows) + (16.0 if legend_rows else 0.0)
    top = MARGIN + HEADER + (BREADCRUMB if page is not None and page.breadcrumb else 0.0)
    return _Plan(people, colours, by_person, legend_rows, content_width + 2 * MARGIN,
                 top + layout.height + legend_height + MARGIN, top)


def chart_size(org: Org, view: OrgView, findings: Sequence[Finding], style: Style,
               breadcrumb: bool = False) -> tuple[float, float]:
    """Width and height of the chart at full size, in points (a page scales it to fit)."""
    page = Page(0, 0, 1, 1, 1, breadcrumb=(("", 1),)) if breadcrumb else None
    plan = _plan(org, view, findings if style.show_findings else (), style, page)
    return plan.width, plan.height


def draw(org: Org, view: OrgView, findings: Sequence[Finding], style: Style, page: Page | None = None) -> Figure:
    """The chart as a matplotlib Figure (no pyplot, no global state).

    Without ``page`` the figure is the chart's own size; with one it is the
    paper's, the chart drawn at ``page.scale`` in its top-left corner.
    """
    layout = view.layout
    plan = _plan(org, view, findings, style, page)
    people, colours, by_person = plan.people, plan.colours, plan.by_person
    scale = page.scale if page is not None else 1.0
    width, height = (page.width / scale, page.height / scale) if page is not None else (plan.width, plan.height)
    fig = Figure(figsize=((page.width if page else width) / 72, (page.height if page else height) / 72))
    ax = fig.add_axes((0, 0, 1, 1))
    ax.set_xlim(0, width)
    ax.set_ylim(height, 0)
    ax.set_axis_off()
    ox, oy = MARGIN, plan.top

    title = fit(drawable(style.title or org.name), plan.width - 2 * MARGIN, 18, bold=True)
    ax.text(MARGIN, MARGIN, title, fontproperties=font(title, 18 * scale, bold=True), color=TEXT, va="top",
            parse_math=False)
    ax.text(MARGIN, MARGIN + 28, header_text(org, view, style.ghosts), fontsize=10 * scale, color=MUTED, va="top",
            family=FONT,
            parse_math=False)
    if page is not None:
        _page_furniture(ax, page, width, height)

    lines, line_looks = [], []
    solid = [c.points for c in layout.connectors if c.kind == "solid"]
    dotted = [c.points for c in layout.connectors if c.kind == "dotted"]
    if dotted:  # first, so it lies under the solid lines: secondary, but visible
        lines.append(_polylines(dotted, (ox, oy)))
        line_looks.append((to_rgba(DOTTED, 0.6), 0.9, (0, (4, 3))))
    if solid:
        lines.append(_polylines(solid, (ox, oy)))
        line_looks.append((LINE, 1.0, "solid"))
    if lines:
        ax.add_collection(PathCollection(lines, facecolors="none", edgecolors=[c for c, _, _ in line_looks],
                                         linewidths=[w * scale for _, w, _ in line_looks],
                                         linestyles=[d for _, _, d in line_looks], zorder=1))

    corners = np.array([(b.x + ox, b.y + oy) for b in layout.boxes.values()]).reshape(-1, 2)
    # One compound path per look (fill, outline, dashes) in one collection: a handful of
    # elements in SVG and PDF however many people there are.
    looks: dict[tuple, list[int]] = {}
    bars: dict[str, list[int]] = {}
    for i, (person, colour) in enumerate(zip(people, colours)):
        worst = max((f.severity for f in by_person.get(person.id, ())), default=None)
        look = ("#ffffff" if person.is_open else _tint(colour), SEVERITY_COLOURS[worst] if worst else colour,
                2.4 if worst else 1.0, person.is_open)
        looks.setdefault(look, []).append(i)
        if not person.is_open:
            bars.setdefault(colour, []).append(i)
    box = _rounded_box(BOX_WIDTH, BOX_HEIGHT)
    if looks:
        ax.add_collection(PathCollection([_shapes(box, corners[m]) for m in looks.values()],
                                         facecolors=[face for face, *_ in looks],
                                         edgecolors=[e for _, e, *_ in looks],
                                         linewidths=[w * scale for _, _, w, _ in looks],
                                         linestyles=[(0, (4, 2.5)) if dashed else "solid" for *_, dashed in looks],
                                         zorder=2))
    if bars:
        bar = np.array([(0, 6), (4, 6), (4, BOX_HEIGHT - 6), (0, BOX_HEIGHT - 6)]) + (4, 0)
        ax.add_collection(PathCollection([_shapes(bar, corners[m]) for m in bars.values()], facecolors=list(bars),
                                         linewidths=0, zorder=3))

    labels = Labels()
    labels.scale = scale
    badges: list[tuple[float, float, float, str]] = []  # right edge, top, width, colour
    inner = BOX_WIDTH - 2 * PAD - 6
    continued = page.continued if page is not None else {}
    for person, (x, y) in zip(people, corners):
        notes = [f"dotted: {drawable(org.people[m].name)}" for m in layout.dotted_notes.get(person.id, ())]
        target = continued.get(person.id)
        if target is not None:
            # The link is a Text artist: only they carry a URL into the PDF.
            ax.text(x + PAD + 6, y + BOX_HEIGHT - 6, f"continued on page {target}", fontsize=7 * scale,
                    color=LINK, family=FONT, url=page_link(target), zorder=5)
        _label(labels, org, person, x + PAD + 6, y, inner, style.fields, notes, target is not None)
        if person.id in view.hidden:
            _badge(labels, badges, x + BOX_WIDTH - 6, y + BOX_HEIGHT - 20, f"+{view.hidden[person.id]}", MUTED)
        found = by_person.get(person.id)
        if found:
            worst = max(f.severity for f in found)
            _badge(labels, badges, x + BOX_WIDTH - 4, y + 3, str(len(found)), SEVERITY_COLOURS[worst])
    pills: dict[str, list[np.ndarray]] = {}
    for right, top, width_, colour in badges:
        pills.setdefault(colour, []).append(_rounded_box(width_, 14, radius=5, steps=4) + (right - width_, top))
    if pills:
        ax.add_collection(PathCollection([_polygons(shapes) for shapes in pills.values()], facecolors=list(pills),
                                         linewidths=0, zorder=4))
    ax.add_artist(labels)

    _draw_legend(ax, plan.legend_rows, MARGIN, oy + layout.height + 28, scale)
    return fig


def _page_furniture(ax, page: Page, width: float, height: float) -> None:
    """The breadcrumb back up the manager chain (each step a link) and the page number."""
    scale = page.scale
    if page.breadcrumb:
        x, y = MARGIN, MARGIN + HEADER
        ax.text(x, y, "Up:", fontsize=8 * scale, color=MUTED, va="top", family=FONT, parse_math=False)
        x += text_width("Up: ", 8)
        for i, (text, number) in enumerate(page.breadcrumb):
            step = f"{fit(drawable(text), BREADCRUMB_NAME, 8)} (page {number})"
            ax.text(x, y, step, fontproperties=font(step, 8 * scale), color=LINK, va="top", parse_math=False,
                    url=page_link(number))
            x += text_width(step, 8)
            if i < len(page.breadcrumb) - 1:
                ax.text(x, y, " › ", fontsize=8 * scale, color=MUTED, va="top", family=FONT, parse_math=False)
                x += text_width(" › ", 8)
    ax.text(width - MARGIN, height - MARGIN / 2, f"Page {page.number} of {page.count}", fontsize=8 * scale,
            color=MUTED, ha="right", va="bottom", family=FONT)


def hide_text(fig: Figure) -> None:
    """Hide every piece of text in a chart (for a raster too coarse to show any)."""
    for ax in fig.axes:
        for artist in [*ax.texts, *ax.artists]:
            artist.set_visible(False)


class Labels(Artist):
    """Many one-line labels drawn as one artist, straight through the renderer.

    A matplotlib Text artist per label costs about a millisecond to lay out
    and draw; an org of 10,000 has 30,000 labels. Positions here are
    already computed (left edge, baseline, in data units), so this artist
    only transforms them all at once and asks the renderer to draw each
    string. A label can carry an SVG group id.
    """

    zorder = 5
    scale = 1.0  # printed size of a point of the chart (pages shrink it)

    def __init__(self):
        super().__init__()
        self._items: list[tuple[float, float, str, tuple, str | None]] = []
        self._styles: dict[tuple, FontProperties] = {}

    def add(self, x: float, y: float, text: str, *, size: float, colour: str = TEXT, bold: bool = False,
            italic: bool = False, gid: str | None = None) -> None:
        text = drawable(text)
        style = (size, colour, bold, italic, families(text))
        if style not in self._styles:
            self._styles[style] = font(text, size * self.scale, bold, italic)
        self._items.append((x, y, text, style, gid))

    def draw(self, renderer) -> None:
        if not self.get_visible() or not self._items:
            return
        points = self.axes.transData.transform(np.array([(x, y) for x, y, *_ in self._items]))
        if renderer.flipy():  # as Text.draw does: these backends count y from the top
            points[:, 1] = renderer.get_canvas_width_height()[1] - points[:, 1]
        contexts = {}
        for style in self._styles:
            gc = renderer.new_gc()
            gc.set_foreground(style[1])
            contexts[style] = gc
        renderer.open_group("labels")
        for (px, py), (_, _, text, style, gid) in zip(points, self._items):
            if gid:
                renderer.open_group("person", gid=gid)
            renderer.draw_text(contexts[style], px, py, text, self._styles[style], 0.0)
            if gid:
                renderer.close_group("person")
        renderer.close_group("labels")
        for gc in contexts.values():
            gc.restore()
        self.stale = False


def _field_text(org: Org, person: Person, name: str) -> str | None:
    """A box field's text for ``person``, or None when they have none."""
    if name == "name":
        return drawable(person.name)
    if name == "title":
        return drawable(person.display_title)
    if name == "team":
        if not person.team:
            return None
        team = (org.teams or {}).get(person.team)
        return drawable(f"Team: {team.name if team else person.team}")
    if name == "id":
        return drawable(person.id)
    if name == "role":
        return drawable(person.unknown_role or person.role.id)
    if name == "level":
        return f"Rank {person.role.rank}" if person.role.rank is not None else None
    if name == "hired":
        return f"Since {person.hired.isoformat()}" if person.hired and not org.is_planned(person) else None
    raise ValueError(f"unknown label field {name!r}")


def _label(labels: Labels, org: Org, person: Person, x: float, y: float, width: float,
           fields: Sequence[str] = ("name", "title"), notes: Sequence[str] = (), reserve_last: bool = False) -> None:
    """The bold first field and up to three small lines: the other fields, then notes.

    An open position's first line says what is open; a planned hire's last
    line says when they start. ``reserve_last`` keeps the last line free
    (for a "continued on page" link).
    """
    first, *rest = fields
    if person.is_open and first in ("name", "title"):
        names = wrap(f"Open: {drawable(person.display_title)}", width, 9.5, lines=2, bold=True)
        rest = [f for f in rest if f not in ("name", "title")]
    else:
        names = [fit(_field_text(org, person, first) or "", width, 9.5, bold=True)]
    room = DETAIL_LINES - (len(names) - 1) - (1 if reserve_last else 0)
    tail: list[str] = list(notes)
    if person.is_open:
        tail.append(f"Target start {person.hired.isoformat()}" if person.hired else "Open position")
    elif org.is_planned(person):
        tail.append(f"Starts {person.hired.isoformat()}")
    values = [v for v in (_field_text(org, person, f) for f in rest) if v]
    detail: list[str] = []
    for i, value in enumerate(values):
        left = room - len(tail) - len(detail)
        if left <= 0:
            break
        spare = left - (len(values) - i - 1)  # a second line only when the later fields still fit
        detail += wrap(value, width, 7.5, lines=2 if spare >= 2 else 1)
    detail = (detail + [fit(t, width, 7.5) for t in tail])[:max(room, 0)]
    for i, line in enumerate(names):
        # SVG: the first line is <g id="person-ID">, which gets a tooltip on save.
        labels.add(x, y + 16 + 12 * i, line, size=9.5, bold=True, gid=person_group_id(person.id) if i == 0 else None)
    top = 31 + 12 * (len(names) - 1)
    for i, line in enumerate(detail):
        italic = line.startswith(("Starts ", "Target start", "Open position"))
        dotted = line.startswith("dotted: ")
        labels.add(x, y + top + 11 * i, line, size=7.5, colour=DOTTED if dotted else MUTED, italic=italic)


def _badge(labels: Labels, badges: list, right: float, top: float, text: str, colour: str) -> None:
    """A small pill with white bold text, its right edge at ``right``."""
    width = text_width(text, 7, bold=True) + 8
    badges.append((right, top, width, colour))
    labels.add(right - width + 4, top + 10.5, text, size=7, colour="white", bold=True)


def _legend_rows(groups, by_person, layout, has_open: bool, has_dotted: bool, has_notes: bool = False
                 ) -> list[list[tuple[str, str, str]]]:
    """Legend entries as rows of (kind, label, colour), wrapped to the chart's width."""
    limit = max(layout.width, MIN_CONTENT_WIDTH)
    entries = [("swatch", fit(drawable(label), limit - _legend_entry_width(""), 8), colour) for label, colour in groups]
    if has_open:
        entries.append(("open", "Open position", LINE))
    if has_dotted:
        entries.append(("dotted", "Dotted line", DOTTED))
    if has_notes:
        entries.append(("note", "\"dotted: Name\" in a box: a dotted line to someone far away or not drawn here",
                        DOTTED))
    codes: Counter = Counter()
    rule_of: dict[str, tuple[Severity, str]] = {}  # a code has one (configured) severity per run
    for found in by_person.values():
        for f in found:
            codes[f.code] += 1
            rule_of[f.code] = (f.severity, f.name)
    for code in sorted(codes):
        severity, name = rule_of[code]
        label = fit(drawable(f"{code} {name} ({codes[code]})"), limit - _legend_entry_width(""), 8)
        entries.append(("finding", label, SEVERITY_COLOURS[severity]))
    rows, row, used = [], [], 0.0
    for entry in entries:
        size = _legend_entry_width(entry[1])
        if row and used + size > limit:
            rows.append(row)
            row, used = [], 0.0
        row.append(entry)
        used += size
    if row:
        rows.append(row)
    return rows


def _legend_entry_width(label: str) -> float:
    """Swatch, gap, label and the space before the next entry."""
    return 22 + text_width(label, 8) + 18


def _draw_legend(ax, rows, x0: float, y0: float, scale: float = 1.0) -> None:
    swatches, outlines, dashes, lines = [], [], [], []
    swatch_colours, outline_colours = [], []
    for r, row in enumerate(rows):
        x, y = x0, y0 + 18 * r
        for kind, label, colour in row:
            square = np.array([(x, y - 5), (x + 14, y - 5), (x + 14, y + 5), (x, y + 5)])
            if kind == "swatch":
                swatches.append(square)
                swatch_colours.append(colour)
            elif kind == "finding":
                outlines.append(square)
                outline_colours.append(colour)
            elif kind == "open":
                dashes.append(square)
            elif kind == "dotted":
                lines.append([(x, y), (x + 14, y)])
            ax.text(x + 20, y, label, fontproperties=font(label, 8 * scale), color=TEXT, va="center",
                    parse_math=False)
            x += _legend_entry_width(label)
    if swatches:
        ax.add_collection(PolyCollection(swatches, facecolors=swatch_colours, linewidths=0))
    if outlines:
        ax.add_collection(PolyCollection(outlines, facecolors="white", edgecolors=outline_colours, linewidths=2.2))
    if dashes:
        ax.add_collection(PolyCollection(dashes, facecolors="white", edgecolors=LINE, linewidths=1.0,
                                         linestyles=[(0, (3, 2))]))
    if lines:
        ax.add_collection(LineCollection(lines, colors=DOTTED, linewidths=1.2, linestyles=[(0, (4, 3))]))

