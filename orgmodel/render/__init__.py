"""Org charts: lay out an Org (``layout``), draw it (``chart``, or ``html`` for the interactive page), write it atomically.

    from orgmodel import load, check
    from orgmodel.render import render

    org = load("org.yaml")
    render(org, "org.svg", findings=check(org))
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from html import unescape  # not `import html`: the html subpackage takes that name here
from pathlib import Path
from xml.sax.saxutils import escape

from ..atomic import write_atomic, write_text_atomic
from ..findings import Finding
from ..org import Org
from .changes import ChangeMarks
from .layout import (
    DEFAULT_ASPECT,
    DIRECTIONS,
    Layout,
    OrgView,
    layout_org,
    layout_people,
)
from .pages import (
    LARGEST_SHEET,
    MIN_TEXT,
    ORIENTATIONS,
    PAPERS,
    fits_legibly,
    paper_size,
)
from .text import (
    TEXT_RC,
    missing_glyphs_warning,
    person_group_id,
    plain,
    quiet_font_substitution,
)

FORMATS = ("png", "svg", "pdf", "json", "html")
DEFAULT_DPI = 150
#: Largest PNG side and area we write: what image viewers open, well inside Agg's 2^16 limit,
#: and a few hundred MB of memory at most.
MAX_PNG_SIDE = 32_000
MAX_PNG_PIXELS = 120_000_000
#: Below this resolution the smallest labels would be under 4 pixels tall (and FreeType refuses
#: sizes under a pixel), so a PNG this coarse shows the boxes and lines only.
MIN_TEXT_DPI = 30
#: The resolution at which a PNG's smallest labels (7 pt) are about 6 pixels tall: legible on a screen.
LEGIBLE_DPI = 60
COLOR_BY = ("family", "team", "level")
#: The longest line of an SVG tooltip (a name, a title, a finding's message).
TOOLTIP_CHARS = 2000


class RenderError(ValueError):
    """A chart cannot be made from these arguments (unknown root, bad format, ...)."""


@dataclass
class RenderResult:
    path: Path
    format: str
    people: int
    dpi: float | None = None
    notes: list[str] = field(default_factory=list)
    pages: int | None = None
    warnings: list[str] = field(default_factory=list)


def output_format(path: str | os.PathLike) -> str:
    suffix = Path(path).suffix.lower().lstrip(".")
    if suffix not in FORMATS:
        raise RenderError(f"cannot tell the chart format from {str(path)!r}: "
                          f"end the file name in {', '.join('.' + f for f in FORMATS)}")
    return suffix


def safe_dpi(width_pt: float, height_pt: float, wanted: float) -> float:
    """The highest resolution up to ``wanted`` at which a PNG of this size stays within safe limits."""
    width_in, height_in = width_pt / 72, height_pt / 72
    by_side = MAX_PNG_SIDE / max(width_in, height_in)
    by_area = (MAX_PNG_PIXELS / (width_in * height_in)) ** 0.5
    return min(wanted, by_side, by_area)


def render(
    org: Org,
    output: str | os.PathLike,
    *,
    findings: Sequence[Finding] = (),
    root: str | None = None,
    depth: int | None = None,
    color_by: str = "family",
    show_findings: bool = True,
    title: str | None = None,
    dpi: float | None = None,
    direction: str = "tb",
    aspect: float = DEFAULT_ASPECT,
    label: Sequence[str] = ("name", "title"),
    pages: bool | None = None,
    paper: str | None = None,
    orientation: str = "landscape",
    full: bool = False,
    changes: ChangeMarks | None = None,
) -> RenderResult:
    """Draw ``org`` to ``output``; its extension picks PNG, SVG, PDF, JSON (the layout) or HTML (interactive).

    ``pages`` (PDF only): True for a paged chart on ``paper``, False for one
    page, None to page only when one page would not be legible (on ``paper``,
    or on 2A0 when no paper is given). A PNG or SVG too large to be legible
    shows the deepest levels that are, unless ``full``.
    """
    fmt = output_format(output)
    if color_by not in COLOR_BY:
        raise RenderError(f"--color-by must be one of {', '.join(COLOR_BY)}, not {color_by!r}")
    if root is not None and root not in org.people:
        from ..suggest import did_you_mean

        raise RenderError(f"--root: no person has id {root!r}{did_you_mean(root, org.people)}")
    if depth is not None and depth < 1:
        raise RenderError("--depth must be at least 1")
    if direction not in DIRECTIONS:
        raise RenderError(f"--direction must be one of {', '.join(DIRECTIONS)}, not {direction!r}")
    if not 0.2 <= aspect <= 5:
        raise RenderError(f"--aspect must be between 0.2 and 5 (width over height), not {aspect:g}")
    fields = _label_fields(label)
    if paper is not None and paper not in PAPERS:
        raise RenderError(f"--paper must be one of {', '.join(PAPERS)}, not {paper!r}")
    if orientation not in ORIENTATIONS:
        raise RenderError(f"--orientation must be one of {', '.join(ORIENTATIONS)}, not {orientation!r}")
    if pages and fmt != "pdf":
        raise RenderError("--pages needs a .pdf output")
    if pages and changes is not None:
        raise RenderError("--diff draws one chart: use --no-pages for a PDF")
    if pages and depth is not None:
        raise RenderError("--pages shows everyone: leave out --depth, or use --root for a part of the org")
    view = layout_org(org, root=root, depth=depth, direction=direction, aspect=aspect)
    path = Path(output)
    result = RenderResult(path, fmt, len(view.layout.boxes))
    if fmt == "json":
        write_text_atomic(path, json.dumps(_layout_json(view), indent=1) + "\n")
        return result
    if fmt == "html":
        from .html import page

        write_text_atomic(path, page(org, view, findings if show_findings else (), color_by=color_by, title=title,
                                     show_findings=show_findings, root=root, depth=depth, changes=changes))
        return result

    import matplotlib

    from .chart import Style, chart_size, draw, hide_text

    style = Style(color_by=color_by, show_findings=show_findings, title=title, fields=fields,
                  ghosts=changes.ghosts if changes is not None else frozenset())
    shown = findings if show_findings else ()
    with matplotlib.rc_context({**TEXT_RC, "svg.hashsalt": "orgmodel", "pdf.fonttype": 42, "path.simplify": False}), \
            quiet_font_substitution():
        undrawable = missing_glyphs_warning(_chart_texts(org, view, style))
        if undrawable:
            result.warnings.append(undrawable)
        size = chart_size(org, view, shown, style)
        if fmt == "pdf" and pages is not False and changes is None:
            sheet = paper_size(paper or "a4", orientation)
            if pages or not fits_legibly(size, paper_size(paper, orientation) if paper else LARGEST_SHEET):
                if not pages:
                    result.notes.append(
                        f"one page of {size[0] / 72:.0f} x {size[1] / 72:.0f} inches would print its text smaller "
                        f"than {MIN_TEXT:g} pt, so the chart is split over {paper or 'a4'} pages; "
                        "--no-pages writes it on one page")
                return _render_pages(org, path, result, shown, style, root, direction, sheet)
        if fmt in ("png", "svg") and not full and not _legible_image(size):
            view = _collapse(org, view, shown, style, root, depth, direction, aspect, result)
        fig = draw(org, view, shown, style)
        if changes is not None:
            from .changes import draw_changes
            from .chart import HEADER, MARGIN

            draw_changes(fig, view, changes, origin=(MARGIN, MARGIN + HEADER), legend_at=(MARGIN, MARGIN + 52))
        width_pt, height_pt = (v * 72 for v in fig.get_size_inches())
        options: dict = {"format": fmt}
        if fmt == "png":
            wanted = dpi or DEFAULT_DPI
            result.dpi = safe_dpi(width_pt, height_pt, wanted)
            if result.dpi < wanted:
                result.notes.append(
                    f"the chart is {width_pt / 72:.0f} x {height_pt / 72:.0f} inches, so the PNG is written at "
                    f"{result.dpi:.3g} dpi instead of {wanted:g} to stay within safe image sizes; "
                    "use .svg or .pdf for a chart this large, or --root / --depth for a part of it")
            if result.dpi < MIN_TEXT_DPI:
                hide_text(fig)
                result.notes.append(f"at {result.dpi:.3g} dpi no text would be legible, so this PNG shows the "
                                    "boxes, lines and colours only")
            options.update(dpi=result.dpi, metadata={"Software": None})
        elif fmt == "svg":
            options.update(metadata={"Date": None, "Creator": "orgmodel"})
        else:
            options.update(metadata=PDF_METADATA)
        if fmt == "svg":
            def write(tmp: Path) -> None:
                fig.savefig(tmp, **options)
                _add_svg_tooltips(tmp, org, view.layout, shown)
        else:
            def write(tmp: Path) -> None:
                fig.savefig(tmp, **options)
        write_atomic(path, write)
    return result


PDF_METADATA = {"CreationDate": None, "ModDate": None, "Creator": "orgmodel", "Producer": "orgmodel"}


def _label_fields(label: Sequence[str]) -> tuple[str, ...]:
    from .chart import LABEL_FIELDS

    fields = tuple(label)
    unknown = [f for f in fields if f not in LABEL_FIELDS]
    if unknown or not fields:
        raise RenderError(f"--label takes a comma-separated list of {', '.join(LABEL_FIELDS)}, "
                          f"not {','.join(fields)!r}")
    if len(set(fields)) != len(fields):
        raise RenderError(f"--label lists a field twice: {','.join(fields)!r}")
    return fields


def _legible_image(size: tuple[float, float]) -> bool:
    """Whether an image of ``size`` points fits the safe pixel budget at a resolution its text reads at."""
    return safe_dpi(*size, LEGIBLE_DPI) >= LEGIBLE_DPI


def _collapse(org, view, findings, style, root, depth, direction, aspect, result) -> OrgView:
    """The deepest cut of the chart that is legible as one image, with a note on how to see everyone."""
    from .chart import chart_size

    counts = org.count_below(lambda p: True)
    roots = [root] if root is not None else [pid for pid in org.order if org.manager[pid] is None]
    deepest = max(view.layout.boxes and _levels(org, roots), 1)
    low, high = 1, min(deepest, depth or deepest) - 1
    best = layout_people(org, roots, depth=1, direction=direction, aspect=aspect, counts=counts)
    while low <= high:
        mid = (low + high) // 2
        trial = layout_people(org, roots, depth=mid, direction=direction, aspect=aspect, counts=counts)
        if _legible_image(chart_size(org, trial, findings, style)):
            best, low = trial, mid + 1
        else:
            high = mid - 1
    levels = max(_levels_shown(best), 1)
    result.people = len(best.layout.boxes)
    result.notes.append(
        f"all {len(view.layout.boxes)} people would not be legible in one image, so it shows the top "
        f"{levels} level{'s' if levels != 1 else ''} ({len(best.layout.boxes)} people; +N counts the people "
        f"below a box). For everyone: -o {Path(result.path).with_suffix('.pdf').name} --pages (printable pages "
        f"with links), -o {Path(result.path).with_suffix('.html').name} (an interactive chart), or --full")
    return best


def _levels(org, roots) -> int:
    """How many levels the tree under ``roots`` has."""
    level, deepest, pending = dict.fromkeys(roots, 1), 1, list(roots)
    while pending:
        node = pending.pop()
        deepest = max(deepest, level[node])
        for kid in org.tree_children[node]:
            level[kid] = level[node] + 1
            pending.append(kid)
    return deepest


def _levels_shown(view: OrgView) -> int:
    parent, level = view.layout.parent, {}
    for pid in view.layout.boxes:  # managers come before their reports
        level[pid] = level[parent[pid]] + 1 if pid in parent else 1
    return max(level.values(), default=0)


def _render_pages(org, path, result, findings, style, root, direction, sheet) -> RenderResult:
    from .pages import plan_pages, write_pdf

    roots = [root] if root is not None else [pid for pid in org.order if org.manager[pid] is None]
    planned = plan_pages(org, roots, sheet, findings=findings, style=style, direction=direction)
    write_atomic(path, lambda tmp: write_pdf(tmp, org, planned, findings, style, PDF_METADATA))
    result.pages = len(planned)
    result.people = sum(len(view.layout.boxes) for view, _ in planned)
    return result
def _chart_texts(org: Org, view: OrgView, style) -> Iterator[tuple[str, str]]:
    """(whose, text) for the text of a chart that comes from the org file or the command line."""
    yield "the chart title", style.title or org.name
    teams = org.teams or {}
    for pid in view.layout.boxes:
        person = org.people[pid]
        whose = f"{plain(person.name, 60)} ({plain(person.id, 60)})"
        yield whose, person.name
        yield whose, person.display_title
        if style.color_by == "team" and person.team in teams:
            yield f"team {plain(person.team, 60)}", teams[person.team].name


def _layout_json(view: OrgView) -> dict:
    data = view.layout.to_dict()
    data["hidden"] = dict(view.hidden)
    return data


#: A group's start tag as matplotlib writes it: the id in double quotes, or in single quotes when
#: it holds a double quote.
_GROUP = re.compile(r"""<g id=("person-[^"]*"|'person-[^']*')>""")


def _add_svg_tooltips(path: Path, org: Org, layout: Layout, findings: Sequence[Finding]) -> None:
    """Give each person's group (``id="person-<id>"``) a <title>: name, title and findings."""
    by_person: dict[str, list[Finding]] = {}
    for f in findings:
        by_person.setdefault(f.person, []).append(f)
    people = {person_group_id(pid): org.people[pid] for pid in layout.boxes}
    text = path.read_text(encoding="utf-8")

    def tooltip(match: re.Match) -> str:
        person = people.get(unescape(match.group(1)[1:-1]))
        if person is None:
            return match.group(0)
        lines = [f"{person.name} ({person.id})", person.display_title]
        if person.is_open:
            lines.append("Open position")
        lines += [f"{f.code} [{f.severity}] {f.message}" for f in by_person.get(person.id, ())]
        return f'{match.group(0)}\n   <title>{escape(chr(10).join(plain(line, TOOLTIP_CHARS) for line in lines))}</title>'

    path.write_text(_GROUP.sub(tooltip, text), encoding="utf-8")


__all__ = ["FORMATS", "Layout", "OrgView", "RenderError", "RenderResult", "layout_org", "render", "safe_dpi"]
