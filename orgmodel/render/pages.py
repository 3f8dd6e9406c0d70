"""Paged charts: split an org over pages of a given paper, each legible when printed.

The first page shows the top of the org as deep as fits; each subtree that
does not fit continues on its own page(s). A box whose reports continue
elsewhere says on which page and links there; a continuation page shows its
root's manager chain as a breadcrumb of links back. Every person is drawn as
a box on exactly one page.

Planning is top-down: for the people a page starts from, the deepest cut
that fits the paper at a legible scale wins (a count of boxes rejects the
hopeless cuts before any layout); when even their boxes alone do not fit,
they are split over several pages. Pages come in depth-first order, so a
department's pages follow each other.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ..findings import Finding
from ..org import Org
from .layout import (
    BOX_HEIGHT,
    BOX_WIDTH,
    ROW_PITCH,
    SIBLING_GAP,
    OrgView,
    layout_people,
)

if TYPE_CHECKING:  # drawing imports matplotlib: only when a page is drawn
    from .chart import Page, Style

#: Paper sizes in points, portrait (width, height).
PAPERS = {
    "a4": (595.28, 841.89), "a3": (841.89, 1190.55), "a2": (1190.55, 1683.78),
    "letter": (612.0, 792.0), "tabloid": (792.0, 1224.0),
}
#: The largest sheet plotters print (2A0): a single-page PDF that would not be legible on it gets pages.
LARGEST_SHEET = (3370.39, 4767.87)
ORIENTATIONS = ("landscape", "portrait")
MIN_TEXT = 6.0        # points, at print size
SMALLEST_TEXT = 7.0   # the smallest text a chart draws (badges), at full size
MIN_SCALE = MIN_TEXT / SMALLEST_TEXT
LEGEND_ALLOWANCE = 60.0  # room kept for a page's legend when choosing its layout's shape


def paper_size(paper: str, orientation: str) -> tuple[float, float]:
    width, height = PAPERS[paper]
    return (height, width) if orientation == "landscape" else (width, height)


def fits_legibly(size: tuple[float, float], paper: tuple[float, float]) -> bool:
    """Whether a chart of ``size`` points prints on ``paper`` (either way round) with text of at least 6 pt."""
    (w, h), (pw, ph) = size, paper
    return any(min(a / w, b / h) >= MIN_SCALE for a, b in ((pw, ph), (ph, pw)))


@dataclass
class _Job:
    """People to lay out on the next page(s), under the chain of managers above them."""

    chain: tuple[str, ...]
    roots: list[str]
    refs: list[str] = field(default_factory=list)  # people whose "continued on" points to this job's first page


@dataclass
class PlannedPage:
    view: OrgView
    chain: tuple[str, ...]
    continued: dict[str, int]  # person -> index into the plan of the page their reports continue on


def plan_pages(org: Org, roots: Sequence[str], paper: tuple[float, float], *, findings: Sequence[Finding] = (),
               style=None, direction: str = "tb") -> list[tuple[OrgView, Page]]:
    """The pages of a paged chart of ``roots`` and everyone below them, on ``paper`` (points)."""
    from .chart import HEADER, MARGIN, Page, Style, chart_size

    style = style or Style()
    paper_w, paper_h = paper
    counts = org.count_below(lambda p: True)
    usable_w = paper_w / MIN_SCALE - 2 * MARGIN
    usable_h = paper_h / MIN_SCALE - 2 * MARGIN - HEADER - LEGEND_ALLOWANCE
    aspect = usable_w / usable_h
    capacity = (usable_w + SIBLING_GAP) * (usable_h + ROW_PITCH - BOX_HEIGHT) / ((BOX_WIDTH + SIBLING_GAP) * ROW_PITCH)
    def fitted(job: _Job, people: list[str], expanded: set[str]) -> OrgView | None:
        view = layout_people(org, people, direction=direction, aspect=aspect, counts=counts, expanded=expanded)
        size = chart_size(org, view, findings, style, breadcrumb=bool(job.chain))
        return view if min(paper_w / size[0], paper_h / size[1]) >= MIN_SCALE else None

    planned: list[PlannedPage] = []
    first_page: dict[str, int] = {}
    stack = [_Job((), list(roots))]
    while stack:
        job = stack.pop()
        view = fitted(job, job.roots, set()) if len(job.roots) <= capacity else None
        if view is None:
            # Too many people to draw even as a row of boxes: split them, each part continuing as usual.
            parts, start = [], 0
            while start < len(job.roots):
                low, high = 1, min(len(job.roots) - start, int(capacity))
                while low < high:
                    mid = (low + high + 1) // 2
                    if fitted(job, job.roots[start:start + mid], set()) is not None:
                        low = mid
                    else:
                        high = mid - 1
                parts.append(job.roots[start:start + low])
                start += low
            jobs = [_Job(job.chain, part) for part in parts]
            jobs[0].refs = job.refs
            stack.extend(reversed(jobs))
            continue
        view = _fill(org, job, view, capacity, fitted)
        index = len(planned)
        for ref in job.refs:
            first_page[ref] = index
        planned.append(PlannedPage(view, job.chain, {}))
        children = [_Job(job.chain + (pid,), list(org.tree_children[pid]), [pid]) for pid in view.layout.boxes
                    if pid in view.hidden]
        stack.extend(reversed(children))
    box_page = {pid: i for i, page in enumerate(planned) for pid in page.view.layout.boxes}
    count = len(planned)
    pages = []
    for i, page in enumerate(planned):
        continued = {pid: first_page[pid] + 1 for pid in page.view.hidden}
        breadcrumb = tuple((org.people[pid].name, box_page[pid] + 1) for pid in _chain(org, page.chain, box_page))
        scale = _scale(org, page.view, findings, style, paper, bool(breadcrumb))
        pages.append((page.view, Page(paper_w, paper_h, scale, i + 1, count, breadcrumb, continued)))
    return pages


#: Teams tried in a row that do not fit before a page counts as full.
PATIENCE = 6


def _fill(org: Org, job: _Job, view: OrgView, capacity: float, fitted) -> OrgView:
    """Show more of the org on a page, level by level, while it fits.

    Managers are opened in breadth-first order, so the top of the org comes
    first; one whose team does not fit stays closed (their reports get pages
    of their own) and the next is tried, until several in a row fail.
    """
    expanded: set[str] = set()
    frontier = deque(pid for pid in job.roots if org.tree_children[pid])
    shown, misses = len(job.roots), 0
    while frontier and misses < PATIENCE:
        pid = frontier.popleft()
        kids = org.tree_children[pid]
        if shown + len(kids) > capacity:
            continue  # too many by count alone: no layout needed to know
        wider = fitted(job, job.roots, expanded | {pid})
        if wider is None:
            misses += 1
            continue
        misses = 0
        expanded.add(pid)
        view, shown = wider, shown + len(kids)
        frontier.extend(k for k in kids if org.tree_children[k])
    return view


BREADCRUMB_STEPS = 4  # the top and the nearest managers of a longer chain


def _chain(org: Org, parents: tuple[str, ...], drawn) -> list[str]:
    """The manager chain above a continued part, top first, as far up as this chart goes."""
    if not parents:
        return []
    chain, pid = [], parents[-1]
    while pid is not None and pid in drawn:
        chain.append(pid)
        pid = org.manager[pid]
    chain.reverse()
    if len(chain) > BREADCRUMB_STEPS:
        chain = chain[:1] + chain[-(BREADCRUMB_STEPS - 1):]
    return chain


def _scale(org, view, findings, style, paper, breadcrumb: bool) -> float:
    """As large as the page allows, never larger than full size."""
    from .chart import chart_size

    width, height = chart_size(org, view, findings, style, breadcrumb=breadcrumb)
    return min(1.0, paper[0] / width, paper[1] / height)


def write_pdf(path: Path, org: Org, pages: Sequence[tuple[OrgView, Page]], findings: Sequence[Finding],
              style: Style, metadata: dict) -> None:
    """Draw ``pages`` into one PDF, with page links as PDF GoTo actions."""
    from matplotlib.backends.backend_pdf import PdfPages

    from .chart import draw

    with PdfPages(path, metadata=metadata) as pdf:
        for view, page in pages:
            pdf.savefig(draw(org, view, findings, style, page))
        _internal_links(pdf)


def _internal_links(pdf) -> None:
    """Turn the links matplotlib writes as URIs (``#page=N``) into jumps to page N of this file.

    matplotlib writes a text's URL as a URI action and keeps every page's
    annotations until the file is closed; by then all page objects exist.
    If a future matplotlib stores them differently the links stay URIs,
    which most viewers still follow.
    """
    from matplotlib.backends.backend_pdf import Name

    from .chart import page_link

    file = getattr(pdf, "_file", None)
    pages = getattr(file, "pageList", None)
    annotations = getattr(file, "_annotations", None)
    if not pages or annotations is None:
        return
    prefix = page_link(0)[:-1]
    for _, annots in annotations:
        for annot in annots:
            action = annot.get("A") if isinstance(annot, dict) else None
            uri = action.get("URI") if isinstance(action, dict) else None
            if isinstance(uri, str) and uri.startswith(prefix):
                number = int(uri[len(prefix):])
                if 1 <= number <= len(pages):
                    annot["A"] = {"S": Name("GoTo"), "D": [pages[number - 1], Name("Fit")]}
