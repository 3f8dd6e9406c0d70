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
from .layout import Layout, OrgView, layout_org
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
    changes: ChangeMarks | None = None,
) -> RenderResult:
    """Draw ``org`` to ``output``; its extension picks PNG, SVG, PDF, JSON (the layout) or HTML (interactive)."""
    fmt = output_format(output)
    if color_by not in COLOR_BY:
        raise RenderError(f"--color-by must be one of {', '.join(COLOR_BY)}, not {color_by!r}")
    if root is not None and root not in org.people:
        from ..suggest import did_you_mean

        raise RenderError(f"--root: no person has id {root!r}{did_you_mean(root, org.people)}")
    if depth is not None and depth < 1:
        raise RenderError("--depth must be at least 1")
    view = layout_org(org, root=root, depth=depth)
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

    from .chart import Style, draw, hide_text

    style = Style(color_by=color_by, show_findings=show_findings, title=title,
                  ghosts=changes.ghosts if changes is not None else frozenset())
    with matplotlib.rc_context({**TEXT_RC, "svg.hashsalt": "orgmodel", "pdf.fonttype": 42, "path.simplify": False}), \
            quiet_font_substitution():
        fig = draw(org, view, findings if show_findings else (), style)
        if changes is not None:
            from .chart import HEADER, MARGIN
            from .changes import draw_changes

            draw_changes(fig, view, changes, origin=(MARGIN, MARGIN + HEADER), legend_at=(MARGIN, MARGIN + 52))
        undrawable = missing_glyphs_warning(_chart_texts(org, view, style))
        if undrawable:
            result.warnings.append(undrawable)
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
            options.update(metadata={"CreationDate": None, "ModDate": None, "Creator": "orgmodel",
                                     "Producer": "orgmodel"})
        if fmt == "svg":
            def write(tmp: Path) -> None:
                fig.savefig(tmp, **options)
                _add_svg_tooltips(tmp, org, view.layout, findings if show_findings else ())
        else:
            def write(tmp: Path) -> None:
                fig.savefig(tmp, **options)
        write_atomic(path, write)
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
