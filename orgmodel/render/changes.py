"""The changes of a reorg drawn on the new org's chart (``orgmodel render NEW --diff OLD``).

New people and positions are outlined in green, moved people in blue with a faint line from
their old manager, and leavers appear as red ghost boxes under their old manager. The ghosts
are laid out with everyone else, so the chart never overlaps; the marks are drawn as a layer
on top of the finished chart, and a legend under the header counts each kind.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from dataclasses import dataclass, field

from ..analysis.diff import OrgDiff
from ..org import Org

#: Change kind of the diff -> how the chart marks it.
MARK_OF = {"hire": "new", "new_position": "new", "moved": "moved", "leaver": "left", "position_closed": "left"}
MARK_COLOURS = {"new": "#1a7f37", "moved": "#0969da", "left": "#cf222e"}
MARK_LABELS = {"new": "New", "moved": "Moved", "left": "Left (ghost under their old manager)"}


@dataclass
class ChangeMarks:
    #: person id -> "new", "moved" or "left" (one mark per person: new or left wins over moved)
    marks: dict[str, str] = field(default_factory=dict)
    #: moved person id -> their old manager, where the old manager is on the chart
    moved_from: dict[str, str] = field(default_factory=dict)

    @property
    def ghosts(self) -> frozenset[str]:
        return frozenset(pid for pid, mark in self.marks.items() if mark == "left")

    @property
    def counts(self) -> Counter:
        return Counter(self.marks.values())

    def legend(self) -> list[tuple[str, str, str]]:
        """(mark, label, colour) for each kind present, with its count."""
        counts = self.counts
        return [(mark, f"{MARK_LABELS[mark]} ({counts[mark]})", MARK_COLOURS[mark]) for mark in MARK_COLOURS
                if counts[mark]]


def org_with_ghosts(diff: OrgDiff) -> tuple[Org, ChangeMarks]:
    """NEW plus a ghost of each leaver under their old manager, and the marks to draw."""
    new, old = diff.new, diff.old
    marks = ChangeMarks()
    leavers = [change.person for change in diff.changes if MARK_OF.get(change.kind) == "left"]
    shown = set(new.people) | set(leavers)
    ghosts = []
    for pid in leavers:
        person = old.people[pid]
        manager = person.reports_to if person.reports_to in shown else None
        ghosts.append(dataclasses.replace(person, reports_to=manager, dotted_to=()))
    drawn = Org(new.name, [*new.people.values(), *ghosts], roles=new.roles, teams=new.teams, as_of=new.as_of,
                file=new.file, currency=new.currency)
    for change in diff.changes:
        mark = MARK_OF.get(change.kind)
        if mark is None or change.person in marks.marks and mark == "moved":
            continue
        marks.marks[change.person] = mark
        if mark == "moved" and change.before in drawn.people:
            marks.moved_from[change.person] = change.before
    return drawn, marks


def draw_changes(fig, view, marks: ChangeMarks, origin: tuple[float, float], legend_at: tuple[float, float]) -> None:
    """Outline marked boxes, fade ghosts, draw the moved lines and the change legend onto ``fig``."""
    import numpy as np
    from matplotlib.collections import LineCollection, PathCollection, PolyCollection

    from .chart import TEXT, _rounded_box, _shapes
    from .text import font, text_width

    ax = fig.axes[0]
    ox, oy = origin
    boxes = view.layout.boxes
    outlines: dict[str, list[np.ndarray]] = {}
    for pid, mark in marks.marks.items():
        box = boxes.get(pid)
        if box is not None:
            outlines.setdefault(mark, []).append(np.array([(box.x + ox, box.y + oy)]))
    if outlines:
        any_box = next(iter(boxes.values()))
        shape = _rounded_box(any_box.width, any_box.height)
        kinds = list(outlines)
        ax.add_collection(PathCollection(
            [_shapes(shape, np.vstack(outlines[kind])) for kind in kinds],
            # A ghost is a faded box: white over the box's fill, a dashed red outline.
            facecolors=[(1, 1, 1, 0.55) if kind == "left" else "none" for kind in kinds],
            edgecolors=[MARK_COLOURS[kind] for kind in kinds], linewidths=2.6,
            linestyles=[(0, (4, 2.5)) if kind == "left" else "solid" for kind in kinds], zorder=5))
    lines = []
    for pid, manager in marks.moved_from.items():
        if pid in boxes and manager in boxes:
            low, high = boxes[manager], boxes[pid]
            lines.append([(low.center_x + ox, low.y + low.height + oy), (high.center_x + ox, high.y + oy)])
    if lines:
        ax.add_collection(LineCollection(lines, colors=[(0.035, 0.41, 0.85, 0.4)], linewidths=1.4,
                                         linestyles=[(0, (2, 2))], zorder=1.5))
    x, y = legend_at
    squares, colours = [], []
    for mark, label, colour in marks.legend():
        squares.append(np.array([(x, y - 5), (x + 14, y - 5), (x + 14, y + 5), (x, y + 5)]))
        colours.append(colour)
        ax.text(x + 20, y, label, fontproperties=font(label, 8), color=TEXT, va="center", parse_math=False)
        x += 20 + text_width(label, 8) + 18
    if squares:
        ax.add_collection(PolyCollection(squares, facecolors="white", edgecolors=colours, linewidths=2.2,
                                         linestyles=[(0, (3, 2)) if m == "left" else "solid"
                                                     for m, _, _ in marks.legend()]))
