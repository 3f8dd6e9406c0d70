"""Tidy tree layout for org charts: positions only, no drawing (and no matplotlib).

The layout is Reingold-Tilford's, kept linear the way Walker and Buchheim et
al. made it: each subtree is laid out once, bottom-up, and its outline (the
leftmost and rightmost extent on every row, its *contour*) is what its
siblings are packed against. Contours are stored bottom row first with a
lazy shift, so placing a subtree costs only the height of the shorter of the
two contours being merged, and the longer one is reused in place; summed over
the tree that is linear in the number of people.

Conventions of org charts on top of that:

- each manager is centred over their first and last report;
- sibling order is the order of the file;
- a manager's individual contributors (reports who manage nobody) are
  stacked in one column (up to three) or two columns with a spine
  connector, before the reports who lead teams, so a manager of 30 stays
  readable instead of 30 boxes wide;
- several tops (or a forest) are laid side by side.

Coordinates are in points (1/72 inch), x to the right and y downwards; a box
is given by its top-left corner, width and height.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

BOX_WIDTH = 180.0
BOX_HEIGHT = 62.0
SIBLING_GAP = 22.0       # between neighbouring subtrees
TREE_GAP = 60.0          # between separate trees of a forest
ROW_PITCH = BOX_HEIGHT + 46.0   # from one level's top to the next
STACK_PITCH = BOX_HEIGHT + 14.0  # between stacked individual contributors
COLUMN_GAP = 28.0        # between the two columns of a stack (the spine runs in it)
SPINE_OFFSET = 14.0      # spine left of a single column
ELBOW_DROP = 18.0        # where a connector turns under its manager


@dataclass(slots=True)  # not frozen: a frozen dataclass is several times slower to create
class Box:
    id: str
    x: float
    y: float
    width: float = BOX_WIDTH
    height: float = BOX_HEIGHT

    @property
    def center_x(self) -> float:
        return self.x + self.width / 2

    def to_dict(self) -> dict:
        return {"id": self.id, "x": round(self.x, 2), "y": round(self.y, 2),
                "width": self.width, "height": self.height}


@dataclass(slots=True)
class Connector:
    source: str
    target: str
    kind: str  # "solid" or "dotted"
    points: tuple[tuple[float, float], ...]

    def to_dict(self) -> dict:
        return {"from": self.source, "to": self.target, "kind": self.kind,
                "points": [[round(x, 2), round(y, 2)] for x, y in self.points]}


@dataclass
class Layout:
    #: Every drawn person's box; each manager comes before their reports.
    boxes: dict[str, Box] = field(default_factory=dict)
    connectors: list[Connector] = field(default_factory=list)
    #: Who each drawn person's drawn manager is (absent for the tops).
    parent: dict[str, str] = field(default_factory=dict)
    #: People stacked in columns under their manager.
    stacked: set[str] = field(default_factory=set)

    @property
    def width(self) -> float:
        return max((b.x + b.width for b in self.boxes.values()), default=0.0)

    @property
    def height(self) -> float:
        return max((b.y + b.height for b in self.boxes.values()), default=0.0)

    def to_dict(self) -> dict:
        return {"width": round(self.width, 2), "height": round(self.height, 2),
                "boxes": [b.to_dict() for b in self.boxes.values()],
                "connectors": [c.to_dict() for c in self.connectors]}


class _Contour:
    """Per-row (left, right) extents of a subtree relative to its root's centre.

    Lists run from the deepest row to the top row, so a parent's row is an
    append; the true value of an entry is the stored value plus ``shift``.
    """

    __slots__ = ("left", "right", "shift")

    def __init__(self, left: list[float], right: list[float], shift: float = 0.0):
        self.left, self.right, self.shift = left, right, shift

    def __len__(self) -> int:
        return len(self.left)


def _gap_needed(placed: _Contour, new: _Contour, gap: float) -> float:
    """Smallest offset of ``new``'s root from ``placed``'s root that keeps ``gap`` on every shared row."""
    lp, ln = len(placed), len(new)
    need = float("-inf")
    for t in range(min(lp, ln)):
        need = max(need, placed.right[lp - 1 - t] + placed.shift - new.left[ln - 1 - t] - new.shift + gap)
    return need


def _merge(placed: _Contour, new: _Contour, offset: float) -> _Contour:
    """The outline of ``placed`` and ``new`` (put at ``offset``), reusing the longer contour's lists."""
    lp, ln = len(placed), len(new)
    if ln > lp:
        shift = new.shift + offset
        for t in range(lp):
            new.left[ln - 1 - t] = placed.left[lp - 1 - t] + placed.shift - shift
        new.shift = shift
        return new
    for t in range(ln):
        placed.right[lp - 1 - t] = new.right[ln - 1 - t] + new.shift + offset - placed.shift
    return placed


def _stack_columns(count: int) -> int:
    return 1 if count <= 3 else 2


def _stack_rows_spanned(count: int) -> int:
    """Grid rows a stack of ``count`` people reaches into, below its manager's row."""
    rows = -(-count // _stack_columns(count))
    bottom = (rows - 1) * STACK_PITCH + BOX_HEIGHT
    return int(-(-bottom // ROW_PITCH))


def _stack_outline(count: int) -> _Contour:
    """Contour of ``count`` people stacked under their manager, relative to the stack's centre."""
    one_column = _stack_columns(count) == 1
    span = BOX_WIDTH / 2 if one_column else BOX_WIDTH + COLUMN_GAP / 2
    left = -span - (SPINE_OFFSET if one_column else 0.0)
    rows = _stack_rows_spanned(count)
    return _Contour([left] * rows, [span] * rows)


def tidy_layout(roots: Sequence[str], children: Mapping[str, Sequence[str]]) -> Layout:
    """Lay out the forest given by ``roots`` and ``children`` (every id reachable once).

    Under each manager, the reports who manage nobody are stacked in
    columns (when there are two or more of them, or when nobody else
    reports there), placed before the reports who lead teams of their own.
    """
    half = BOX_WIDTH / 2
    relative: dict[str, float] = {}      # a report's centre minus their manager's centre
    contour: dict[str, _Contour] = {}
    stacks: dict[str, tuple[list[str], float]] = {}  # manager -> (stacked reports, stack centre offset)

    # Post-order without recursion: reports before their manager.
    order: list[str] = []
    pending = list(reversed(roots))
    while pending:
        node = pending.pop()
        order.append(node)
        pending.extend(reversed(children.get(node, ())))
    for node in reversed(order):
        kids = children.get(node, ())
        if not kids:
            contour[node] = _Contour([-half], [half])
            continue
        leaves = [k for k in kids if not children.get(k)]
        leads = [k for k in kids if children.get(k)]
        stacked = leaves if leaves and (not leads or len(leaves) >= 2) else []
        units = leads if stacked else list(kids)
        outlines = ([_stack_outline(len(stacked))] if stacked else []) + [contour.pop(k) for k in units]
        for leaf in stacked:
            del contour[leaf]
        outline, positions = _pack(outlines, SIBLING_GAP)
        middle = (positions[0] + positions[-1]) / 2
        if stacked:
            stacks[node] = (stacked, positions[0] - middle)
            positions = positions[1:]
        for kid, pos in zip(units, positions):
            relative[kid] = pos - middle
        outline.shift -= middle
        outline.left.append(-half - outline.shift)
        outline.right.append(half - outline.shift)
        contour[node] = outline

    if not roots:
        return Layout()
    forest, tree_positions = _pack([contour[r] for r in roots], TREE_GAP)
    # The forest's outline knows every box, stacked ones included: its leftmost edge goes to x = 0.
    leftmost = min(forest.left) + forest.shift
    centre: dict[str, float] = {r: pos - leftmost for r, pos in zip(roots, tree_positions)}
    row: dict[str, int] = dict.fromkeys(roots, 0)
    layout = Layout()
    for node in order:
        for kid in children.get(node, ()):
            layout.parent[kid] = node
            if kid in relative:
                centre[kid] = centre[node] + relative[kid]
                row[kid] = row[node] + 1
    for node in order:
        if node in centre:
            layout.boxes[node] = Box(node, centre[node] - half, row[node] * ROW_PITCH)
    for node in order:
        if node not in centre:
            continue
        box = layout.boxes[node]
        if node in stacks:
            stacked, offset = stacks[node]
            _place_stack(layout, box, stacked, centre[node] + offset)
        for kid in children.get(node, ()):
            if kid in relative:
                _elbow(layout, box, layout.boxes[kid])
    return layout


def _pack(contours: list[_Contour], gap: float) -> tuple[_Contour, list[float]]:
    """Place subtrees left to right as close as ``gap`` allows; their root positions, first at 0."""
    outline = contours[0]
    positions = [0.0]
    for new in contours[1:]:
        offset = _gap_needed(outline, new, gap)
        positions.append(offset)
        outline = _merge(outline, new, offset)
    return outline, positions


def _elbow(layout: Layout, manager: Box, report: Box) -> None:
    top = manager.y + manager.height
    turn = report.y - (ROW_PITCH - BOX_HEIGHT) / 2  # halfway between the two rows
    points = ((manager.center_x, top), (manager.center_x, turn), (report.center_x, turn), (report.center_x, report.y))
    layout.connectors.append(Connector(manager.id, report.id, "solid", points))


def _place_stack(layout: Layout, manager: Box, reports: list[str], centre: float) -> None:
    """Stack ``reports`` in columns centred at ``centre`` below ``manager``, joined by a spine."""
    columns = _stack_columns(len(reports))
    rows = -(-len(reports) // columns)
    top = manager.y + ROW_PITCH
    bottom = manager.y + manager.height
    turn = top - (ROW_PITCH - BOX_HEIGHT) / 2  # the same bar the other reports hang from
    spine = centre - BOX_WIDTH / 2 - SPINE_OFFSET if columns == 1 else centre
    for i, person in enumerate(reports):
        # Fill column by column, so reading order goes down the left column first.
        column, slot = divmod(i, rows)
        y = top + slot * STACK_PITCH
        middle = y + BOX_HEIGHT / 2
        if columns == 1:
            x = centre - BOX_WIDTH / 2
            edge = x
        else:
            x = centre - COLUMN_GAP / 2 - BOX_WIDTH if column == 0 else centre + COLUMN_GAP / 2
            edge = x + BOX_WIDTH if column == 0 else x
        points = ((manager.center_x, bottom), (manager.center_x, turn), (spine, turn), (spine, middle), (edge, middle))
        layout.boxes[person] = Box(person, x, y)
        layout.stacked.add(person)
        layout.connectors.append(Connector(manager.id, person, "solid", points))


def add_dotted(layout: Layout, lines: Iterable[tuple[str, str]]) -> None:
    """Dashed connectors for dotted-line managers, between people who are both drawn."""
    for manager, person in lines:
        a, b = layout.boxes.get(manager), layout.boxes.get(person)
        if a is None or b is None:
            continue
        start = (a.center_x, a.y + a.height) if a.y < b.y else (a.center_x, a.y)
        end = (b.center_x, b.y) if a.y < b.y else (b.center_x, b.y + b.height)
        if a.y == b.y:
            start = (a.x + a.width, a.y + a.height / 2) if a.x < b.x else (a.x, a.y + a.height / 2)
            end = (b.x, b.y + b.height / 2) if a.x < b.x else (b.x + b.width, b.y + b.height / 2)
        layout.connectors.append(Connector(manager, person, "dotted", (start, end)))


@dataclass
class OrgView:
    """Who is drawn: the layout plus what the chart needs to label it."""

    layout: Layout
    #: For people drawn without their reports (``depth``): how many people are hidden below them.
    hidden: dict[str, int]


def layout_org(org, *, root: str | None = None, depth: int | None = None) -> OrgView:
    """Lay out ``org`` (an :class:`~orgmodel.org.Org`), or the subtree of ``root``.

    ``depth`` keeps that many levels (1: the top only); people below are
    hidden and counted on the lowest drawn manager. Dotted lines are drawn
    between people who are both shown.
    """
    if root is not None and root not in org.people:
        raise KeyError(root)
    if depth is not None and depth < 1:
        raise ValueError("depth must be at least 1")
    roots = [root] if root is not None else [pid for pid in org.order if org.manager[pid] is None]
    children: dict[str, list[str]] = {}
    hidden: dict[str, int] = {}
    below = None
    level = dict.fromkeys(roots, 1)
    pending = list(roots)
    while pending:
        node = pending.pop()
        kids = org.tree_children[node]
        if not kids:
            continue
        if depth is not None and level[node] >= depth:
            if below is None:
                below = org.count_below(lambda p: True)
            hidden[node] = below[node]
            continue
        children[node] = kids
        for kid in kids:
            level[kid] = level[node] + 1
        pending.extend(kids)
    layout = tidy_layout(roots, children)
    add_dotted(layout, org.dotted_lines)
    return OrgView(layout, hidden)
