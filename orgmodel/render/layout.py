"""Tidy tree layout for org charts: positions only, no drawing (and no matplotlib).

The layout is Reingold-Tilford's, kept linear the way Walker and Buchheim et
al. made it: each subtree is laid out once, bottom-up, and its outline (the
leftmost and rightmost extent on every row, its *contour*) is what its
siblings are packed against. Contours are stored bottom row first with a
lazy shift, so placing a subtree costs only the height of the shorter of the
two contours being merged, and the longer one is reused in place; summed over
the tree that is linear in the number of people.

Conventions of org charts on top of that:

- each manager is centred over their first and last report (of the first row);
- sibling order is the order of the file;
- a manager's individual contributors (reports who manage nobody) are
  stacked in one column (up to three) or two columns with a spine
  connector, before the reports who lead teams, so a manager of 30 stays
  readable instead of 30 boxes wide;
- a manager whose teams side by side would be wider than the chart should
  be gets them in several rows (*bands*) under them, hung from a trunk that
  runs down a channel left of the bands; the widest a band may be is
  searched for so the whole chart comes close to a target aspect ratio;
- several tops (or a forest) are laid side by side, wrapped the same way;
- the chart runs top-down or left to right (the same layout, transposed,
  with boxes one above the other instead of side by side).

Dotted lines are routed afterwards with right-angled segments through the
gaps between boxes; a line that would be long, or cannot avoid a box, is
not drawn and is listed in ``Layout.dotted_notes`` instead (the chart writes
"dotted: Name" in the box).

Coordinates are in points (1/72 inch), x to the right and y downwards; a box
is given by its top-left corner, width and height.
"""

from __future__ import annotations

import itertools
from collections.abc import Container, Iterable, Mapping, Sequence
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
DIRECTIONS = ("tb", "lr")
#: Width over height a single-page chart aims at when wrapping: about a landscape page.
DEFAULT_ASPECT = 1.414
#: The aspect search stops once the chart is within this factor of the target.
CLOSE_ENOUGH = 1.08
#: A dotted route longer than this (in points) crosses several subtrees: a note replaces it.
LONG_ROUTE = 5 * (BOX_WIDTH + SIBLING_GAP) + 2 * ROW_PITCH
DOTTED_CLEARANCE = 9.0   # from a box edge to where a dotted route turns


@dataclass(frozen=True, slots=True)
class _Geometry:
    """Sizes along the two axes of the layout before it is turned for its direction.

    ``breadth`` runs across a level (x top-down, y left to right), ``length``
    along the reporting lines.
    """

    breadth: float   # a box across its level
    length: float    # a box along the reporting line
    pitch: float     # from one level's start to the next
    gap: float       # between neighbouring subtrees
    forest_gap: float
    stack: bool      # stack individual contributors in columns (top-down only)

    @property
    def bar(self) -> float:
        """From a level's start back to the bar its boxes hang from: halfway across the gap."""
        return (self.pitch - self.length) / 2


TOP_DOWN = _Geometry(BOX_WIDTH, BOX_HEIGHT, ROW_PITCH, SIBLING_GAP, TREE_GAP, True)
LEFT_RIGHT = _Geometry(BOX_HEIGHT, BOX_WIDTH, BOX_WIDTH + 56.0, 14.0, 40.0, False)


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

    @property
    def center_y(self) -> float:
        return self.y + self.height / 2

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
    #: "tb" (top-down) or "lr" (left to right).
    direction: str = "tb"
    #: Dotted-line managers not drawn as a line to a drawn person (too far, or not drawn), by person.
    dotted_notes: dict[str, list[str]] = field(default_factory=dict)

    @property
    def width(self) -> float:
        return max((b.x + b.width for b in self.boxes.values()), default=0.0)

    @property
    def height(self) -> float:
        return max((b.y + b.height for b in self.boxes.values()), default=0.0)

    def to_dict(self) -> dict:
        return {"width": round(self.width, 2), "height": round(self.height, 2), "direction": self.direction,
                "boxes": [b.to_dict() for b in self.boxes.values()],
                "connectors": [c.to_dict() for c in self.connectors],
                "dotted_notes": {pid: list(ms) for pid, ms in self.dotted_notes.items()}}


class _Contour:
    """Per-row (left, right) extents of a subtree relative to its root's centre.

    Lists run from the deepest row to the top row, so a parent's row is an
    append; the true value of an entry is the stored value plus ``shift``.
    ``low`` and ``high`` are the extremes over all rows, stored the same way.
    """

    __slots__ = ("high", "left", "low", "right", "shift")

    def __init__(self, left: list[float], right: list[float], shift: float = 0.0):
        self.left, self.right, self.shift = left, right, shift
        self.low, self.high = min(left), max(right)

    def __len__(self) -> int:
        return len(self.left)

    @property
    def breadth(self) -> float:
        return self.high - self.low


def _gap_needed(placed: _Contour, new: _Contour, gap: float) -> float:
    """Smallest offset of ``new``'s root from ``placed``'s root that keeps ``gap`` on every shared row."""
    lp, ln = len(placed), len(new)
    need = float("-inf")
    for t in range(min(lp, ln)):
        need = max(need, placed.right[lp - 1 - t] + placed.shift - new.left[ln - 1 - t] - new.shift + gap)
    return need


def _merge(placed: _Contour, new: _Contour, offset: float) -> _Contour:
    """The outline of ``placed`` and ``new`` (put at ``offset``), reusing the longer contour's lists.

    On shared rows ``placed`` is left of ``new``, so the extremes of the
    merged outline are the leftmost of both lows and the rightmost of both highs.
    """
    lp, ln = len(placed), len(new)
    if ln > lp:
        shift = new.shift + offset
        for t in range(lp):
            new.left[ln - 1 - t] = placed.left[lp - 1 - t] + placed.shift - shift
        new.low = min(new.low, placed.low + placed.shift - shift)
        new.high = max(new.high, placed.high + placed.shift - shift)
        new.shift = shift
        return new
    moved = new.shift + offset - placed.shift
    for t in range(ln):
        placed.right[lp - 1 - t] = new.right[ln - 1 - t] + moved
    placed.low = min(placed.low, new.low + moved)
    placed.high = max(placed.high, new.high + moved)
    return placed


def _stack_columns(count: int) -> int:
    return 1 if count <= 3 else 2


def _stack_rows_spanned(count: int) -> int:
    """Grid rows a stack of ``count`` people reaches into, below its manager's row.

    The bar the next row hangs from must stay clear of the stack's last box.
    """
    rows = -(-count // _stack_columns(count))
    bottom = (rows - 1) * STACK_PITCH + BOX_HEIGHT + TOP_DOWN.bar
    return int(-(-bottom // ROW_PITCH))


def _stack_outline(count: int) -> _Contour:
    """Contour of ``count`` people stacked under their manager, relative to the stack's centre."""
    one_column = _stack_columns(count) == 1
    span = BOX_WIDTH / 2 if one_column else BOX_WIDTH + COLUMN_GAP / 2
    left = -span - (SPINE_OFFSET if one_column else 0.0)
    rows = _stack_rows_spanned(count)
    return _Contour([left] * rows, [span] * rows)


def _bands(outlines: list[_Contour], gap: float, limit: float | None) -> list[list[int]]:
    """Split units (in order) into rows no wider than ``limit``, by their widths side by side.

    Packing can only bring subtrees closer than their widths, so each band
    is at most ``limit`` wide unless a single unit is wider.
    """
    everything = [list(range(len(outlines)))]
    if limit is None or len(outlines) < 2:
        return everything
    bands, band, used = [], [], 0.0
    for i, outline in enumerate(outlines):
        width = outline.breadth
        if band and used + gap + width > limit:
            bands.append(band)
            band, used = [], 0.0
        used += width + (gap if band else 0.0)
        band.append(i)
    bands.append(band)
    return bands


def _arrange(outlines: list[_Contour], gap: float, limit: float | None, channel: float
             ) -> tuple[_Contour, list[tuple[float, int]], float]:
    """Place units side by side, in bands under each other when wider than ``limit``.

    Returns the outline, each unit's (position, first row offset) and where
    the middle of the first band's first and last unit is, all relative to
    the outline's frame. With several bands, a ``channel`` wide strip is kept
    left of them for the trunk they hang from.
    """
    bands = _bands(outlines, gap, limit)
    if len(bands) == 1:
        outline, positions = _pack(outlines, gap)
        return outline, [(p, 0) for p in positions], (positions[0] + positions[-1]) / 2
    placed: list[tuple[float, int]] = [(0.0, 0)] * len(outlines)
    left: list[float] = []   # top row first while building
    right: list[float] = []
    middle = 0.0
    for b, members in enumerate(bands):
        band, positions = _pack([outlines[i] for i in members], gap)
        offset = channel - (band.low + band.shift)  # every band starts right of the channel
        row = len(left)
        for i, pos in zip(members, positions):
            placed[i] = (pos + offset, row)
        if b == 0:
            middle = offset + (positions[0] + positions[-1]) / 2
        moved = band.shift + offset
        left.extend(0.0 for _ in range(len(band)))
        right.extend(band.right[t] + moved for t in range(len(band) - 1, -1, -1))
    left.reverse()
    right.reverse()
    return _Contour(left, right), placed, middle


@dataclass
class _Arrangement:
    """The bottom-up pass: where every report goes relative to their manager."""

    outline: _Contour
    roots: list[tuple[float, int]]
    relative: dict[str, float]       # a report's centre minus their manager's centre
    rows: dict[str, int]             # a report's level minus their manager's (more than 1 in a lower band)
    stacks: dict[str, tuple[list[str], float]]  # manager -> (stacked reports, stack centre offset)
    channels: dict[str, float]       # manager -> trunk position relative to their centre (wrapped only)


def _arrange_all(order: list[str], roots: Sequence[str], children: Mapping[str, Sequence[str]],
                 geometry: _Geometry, limit: float | None) -> _Arrangement:
    half = geometry.breadth / 2
    relative: dict[str, float] = {}
    rows: dict[str, int] = {}
    contour: dict[str, _Contour] = {}
    stacks: dict[str, tuple[list[str], float]] = {}
    channels: dict[str, float] = {}
    for node in reversed(order):
        kids = children.get(node, ())
        if not kids:
            contour[node] = _Contour([-half], [half])
            continue
        stacked: list[str] = []
        if geometry.stack:
            leaves = [k for k in kids if not children.get(k)]
            leads = [k for k in kids if children.get(k)]
            stacked = leaves if leaves and (not leads or len(leaves) >= 2) else []
        units = leads if stacked else list(kids)
        outlines = ([_stack_outline(len(stacked))] if stacked else []) + [contour.pop(k) for k in units]
        for leaf in stacked:
            del contour[leaf]
        outline, places, middle = _arrange(outlines, geometry.gap, limit, geometry.gap)
        if stacked:
            stacks[node] = (stacked, places[0][0] - middle)
            places = places[1:]
        for kid, (pos, row) in zip(units, places):
            relative[kid] = pos - middle
            rows[kid] = row + 1
        if any(row for _, row in places):
            channels[node] = geometry.gap / 2 - middle
        outline.shift -= middle
        outline.left.append(-half - outline.shift)
        outline.right.append(half - outline.shift)
        outline.low = min(outline.low, -half - outline.shift)
        outline.high = max(outline.high, half - outline.shift)
        contour[node] = outline
    forest, places, _ = _arrange([contour[r] for r in roots], geometry.forest_gap, limit, 0.0)
    return _Arrangement(forest, places, relative, rows, stacks, channels)


def _extent(arrangement: _Arrangement, geometry: _Geometry) -> tuple[float, float]:
    """Breadth and length of the whole layout."""
    outline = arrangement.outline
    return outline.breadth, (len(outline) - 1) * geometry.pitch + geometry.length


def _search_limit(order, roots, children, geometry: _Geometry, aspect: float) -> _Arrangement:
    """The arrangement whose breadth over length comes closest to ``aspect``.

    Narrower bands make a chart taller, so the band limit is bisected for
    (on a log scale, a fixed number of passes: still linear time), keeping
    the trial closest to ``aspect`` by ratio (erring on the tall side); an
    org already about that shape is not wrapped at all.
    """
    free = _arrange_all(order, roots, children, geometry, None)
    breadth, length = _extent(free, geometry)
    if breadth <= aspect * length:
        return free

    def miss(ratio: float) -> float:
        # Too wide is the worse miss: a tall chart scrolls, a wide one shrinks everything.
        return ratio / aspect if ratio > aspect else (aspect / ratio) ** 0.5

    low, high = 2 * geometry.breadth, breadth
    best, best_miss = free, miss(breadth / length)
    for _ in range(9):
        if high <= low * 1.03:
            break
        limit = (low * high) ** 0.5
        trial = _arrange_all(order, roots, children, geometry, limit)
        breadth, length = _extent(trial, geometry)
        ratio = breadth / length
        if miss(ratio) < best_miss:
            best, best_miss = trial, miss(ratio)
        if best_miss <= CLOSE_ENOUGH:
            break
        if ratio <= aspect:
            low = limit
        else:
            high = limit
    return best


def tidy_layout(roots: Sequence[str], children: Mapping[str, Sequence[str]], *, direction: str = "tb",
                aspect: float | None = None) -> Layout:
    """Lay out the forest given by ``roots`` and ``children`` (every id reachable once).

    Under each manager, the reports who manage nobody are stacked in
    columns (when there are two or more of them, or when nobody else
    reports there), placed before the reports who lead teams of their own.
    With ``aspect`` (width over height), wide levels wrap into bands so the
    layout comes close to it.
    """
    if direction not in DIRECTIONS:
        raise ValueError(f"direction must be one of {DIRECTIONS}")
    geometry = TOP_DOWN if direction == "tb" else LEFT_RIGHT
    if not roots:
        return Layout(direction=direction)
    # Post-order without recursion: reports before their manager.
    order: list[str] = []
    pending = list(reversed(roots))
    while pending:
        node = pending.pop()
        order.append(node)
        pending.extend(reversed(children.get(node, ())))
    if aspect is None:
        arrangement = _arrange_all(order, roots, children, geometry, None)
    else:
        arrangement = _search_limit(order, roots, children, geometry, aspect if direction == "tb" else 1 / aspect)
    layout = _place(order, roots, children, geometry, arrangement)
    if direction == "lr":
        _transpose(layout)
    layout.direction = direction
    return layout


def _place(order, roots, children, geometry: _Geometry, arrangement: _Arrangement) -> Layout:
    """Absolute boxes and connectors from the bottom-up arrangement (in top-down axes)."""
    half = geometry.breadth / 2
    forest = arrangement.outline
    leftmost = forest.low + forest.shift  # the forest's outline knows every box, stacked ones included
    centre: dict[str, float] = {}
    row: dict[str, int] = {}
    for r, (pos, level) in zip(roots, arrangement.roots):
        centre[r], row[r] = pos - leftmost, level
    relative, rows = arrangement.relative, arrangement.rows
    layout = Layout()
    for node in order:
        for kid in children.get(node, ()):
            layout.parent[kid] = node
            if kid in relative:
                centre[kid] = centre[node] + relative[kid]
                row[kid] = row[node] + rows[kid]
    for node in order:
        if node in centre:
            layout.boxes[node] = Box(node, centre[node] - half, row[node] * geometry.pitch,
                                     geometry.breadth, geometry.length)
    for node in order:
        if node not in centre:
            continue
        box = layout.boxes[node]
        if node in arrangement.stacks:
            stacked, offset = arrangement.stacks[node]
            _place_stack(layout, box, stacked, centre[node] + offset)
        trunk = arrangement.channels.get(node)
        for kid in children.get(node, ()):
            if kid in relative:
                channel = centre[node] + trunk if trunk is not None and rows[kid] > 1 else None
                _elbow(layout, box, layout.boxes[kid], geometry, channel)
    return layout


def _transpose(layout: Layout) -> None:
    """Turn a layout computed in top-down axes into a left-to-right one."""
    for box in layout.boxes.values():
        box.x, box.y, box.width, box.height = box.y, box.x, box.height, box.width
    for connector in layout.connectors:
        connector.points = tuple((y, x) for x, y in connector.points)


def _pack(contours: list[_Contour], gap: float) -> tuple[_Contour, list[float]]:
    """Place subtrees left to right as close as ``gap`` allows; their root positions, first at 0."""
    outline = contours[0]
    positions = [0.0]
    for new in contours[1:]:
        offset = _gap_needed(outline, new, gap)
        positions.append(offset)
        outline = _merge(outline, new, offset)
    return outline, positions


def _elbow(layout: Layout, manager: Box, report: Box, geometry: _Geometry, channel: float | None) -> None:
    """Down from the manager, along the bar above the report's row, down to the report.

    A report in a lower band is reached through the trunk ``channel``, left of the bands.
    """
    top = manager.y + manager.height
    first = manager.y + geometry.pitch - geometry.bar
    turn = report.y - geometry.bar
    if channel is None:
        points = ((manager.center_x, top), (manager.center_x, turn), (report.center_x, turn),
                  (report.center_x, report.y))
    else:
        points = ((manager.center_x, top), (manager.center_x, first), (channel, first), (channel, turn),
                  (report.center_x, turn), (report.center_x, report.y))
    layout.connectors.append(Connector(manager.id, report.id, "solid", points))


def _place_stack(layout: Layout, manager: Box, reports: list[str], centre: float) -> None:
    """Stack ``reports`` in columns centred at ``centre`` below ``manager``, joined by a spine."""
    columns = _stack_columns(len(reports))
    rows = -(-len(reports) // columns)
    top = manager.y + ROW_PITCH
    bottom = manager.y + manager.height
    turn = top - TOP_DOWN.bar  # the same bar the other reports hang from
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


class _BoxIndex:
    """Boxes bucketed on a coarse grid, to ask quickly whether a straight segment crosses any."""

    CELL = 256.0

    def __init__(self, boxes: Iterable[Box]):
        self.cells: dict[tuple[int, int], list[Box]] = {}
        cell = self.CELL
        for box in boxes:
            for cx in range(int(box.x // cell), int((box.x + box.width) // cell) + 1):
                for cy in range(int(box.y // cell), int((box.y + box.height) // cell) + 1):
                    self.cells.setdefault((cx, cy), []).append(box)

    def crosses(self, a: tuple[float, float], b: tuple[float, float]) -> bool:
        """Whether the axis-aligned segment ``a``-``b`` enters the inside of a box (edges are fine)."""
        x0, x1 = sorted((a[0], b[0]))
        y0, y1 = sorted((a[1], b[1]))
        cell, eps = self.CELL, 0.01
        for cx in range(int(x0 // cell), int(x1 // cell) + 1):
            for cy in range(int(y0 // cell), int(y1 // cell) + 1):
                for box in self.cells.get((cx, cy), ()):
                    if (x0 < box.x + box.width - eps and x1 > box.x + eps
                            and y0 < box.y + box.height - eps and y1 > box.y + eps):
                        return True
        return False


def _stubs(box: Box, clearance: float) -> list[tuple[bool, tuple[float, float], tuple[float, float]]]:
    """Each side's middle and a point ``clearance`` out from it; True for the top and bottom."""
    cx, cy, right, bottom = box.center_x, box.center_y, box.x + box.width, box.y + box.height
    return [(True, (cx, bottom), (cx, bottom + clearance)), (True, (cx, box.y), (cx, box.y - clearance)),
            (False, (right, cy), (right + clearance, cy)), (False, (box.x, cy), (box.x - clearance, cy))]


def _candidate_routes(a: Box, b: Box, clearance: float):
    """Right-angled routes from a side of ``a`` to a side of ``b``, turning in the gaps around them."""
    xs = (a.x - clearance, a.x + a.width + clearance, b.x - clearance, b.x + b.width + clearance)
    ys = (a.y - clearance, a.y + a.height + clearance, b.y - clearance, b.y + b.height + clearance)
    for upright_a, s0, s1 in _stubs(a, clearance):
        for upright_b, t0, t1 in _stubs(b, clearance):
            if upright_a and upright_b:
                for x in (s1[0], t1[0], *xs):
                    yield (s0, s1, (x, s1[1]), (x, t1[1]), t1, t0)
            elif not upright_a and not upright_b:
                for y in (s1[1], t1[1], *ys):
                    yield (s0, s1, (s1[0], y), (t1[0], y), t1, t0)
            else:
                yield (s0, s1, (s1[0], t1[1]), t1, t0)
                yield (s0, s1, (t1[0], s1[1]), t1, t0)


def _simplify(points: Sequence[tuple[float, float]]) -> tuple[tuple[float, float], ...]:
    """Drop repeated points and the middle of three in a line."""
    out: list[tuple[float, float]] = []
    for p in points:
        if out and abs(out[-1][0] - p[0]) < 1e-9 and abs(out[-1][1] - p[1]) < 1e-9:
            continue
        if len(out) >= 2 and ((abs(out[-2][0] - out[-1][0]) < 1e-9 and abs(out[-1][0] - p[0]) < 1e-9)
                              or (abs(out[-2][1] - out[-1][1]) < 1e-9 and abs(out[-1][1] - p[1]) < 1e-9)):
            out[-1] = p
            continue
        out.append(p)
    return tuple(out)


def _length(points: Sequence[tuple[float, float]]) -> float:
    return sum(abs(p[0] - q[0]) + abs(p[1] - q[1]) for p, q in itertools.pairwise(points))


def route_dotted(layout: Layout, lines: Iterable[tuple[str, str]]) -> None:
    """Dotted connectors for dotted-line managers, routed around boxes; notes for the rest.

    A line between two drawn people gets the shortest right-angled route of
    a few candidates that crosses no box, unless it would be longer than
    ``LONG_ROUTE``. Otherwise (or when the manager is not drawn) the person's
    ``dotted_notes`` name the manager instead.
    """
    index: _BoxIndex | None = None
    for manager, person in lines:
        b = layout.boxes.get(person)
        if b is None:
            continue
        a = layout.boxes.get(manager)
        route = None
        if a is not None:
            if index is None:
                index = _BoxIndex(layout.boxes.values())
            routes = sorted((_simplify(r) for r in _candidate_routes(a, b, DOTTED_CLEARANCE)), key=_length)
            for points in routes:
                if _length(points) > LONG_ROUTE:
                    break
                if not any(index.crosses(p, q) for p, q in itertools.pairwise(points)):
                    route = points
                    break
        if route is None:
            layout.dotted_notes.setdefault(person, []).append(manager)
        else:
            layout.connectors.append(Connector(manager, person, "dotted", route))


@dataclass
class OrgView:
    """Who is drawn: the layout plus what the chart needs to label it."""

    layout: Layout
    #: For people drawn without their reports (``depth``): how many people are hidden below them.
    hidden: dict[str, int]


def layout_org(org, *, root: str | None = None, depth: int | None = None, direction: str = "tb",
               aspect: float | None = None) -> OrgView:
    """Lay out ``org`` (an :class:`~orgmodel.org.Org`), or the subtree of ``root``.

    ``depth`` keeps that many levels (1: the top only); people below are
    hidden and counted on the lowest drawn manager. ``aspect`` wraps wide
    levels to come close to that width over height. Dotted lines are drawn
    between people who are both shown, where a short route exists.
    """
    if root is not None and root not in org.people:
        raise KeyError(root)
    roots = [root] if root is not None else [pid for pid in org.order if org.manager[pid] is None]
    return layout_people(org, roots, depth=depth, direction=direction, aspect=aspect)


def layout_people(org, roots: Sequence[str], *, depth: int | None = None, direction: str = "tb",
                  aspect: float | None = None, counts: Mapping[str, int] | None = None,
                  expanded: Container[str] | None = None) -> OrgView:
    """Lay out ``roots`` side by side, each with ``depth`` levels of their reports (all when None).

    With ``expanded``, only the people in it show their reports. ``counts``
    (everyone below each person, from ``org.count_below``) can be passed in
    when laying out many parts of one org.
    """
    if depth is not None and depth < 1:
        raise ValueError("depth must be at least 1")
    children: dict[str, list[str]] = {}
    hidden: dict[str, int] = {}
    level = dict.fromkeys(roots, 1)
    pending = list(roots)
    while pending:
        node = pending.pop()
        kids = org.tree_children[node]
        if not kids:
            continue
        if (depth is not None and level[node] >= depth) or (expanded is not None and node not in expanded):
            if counts is None:
                counts = org.count_below(lambda p: True)
            hidden[node] = counts[node]
            continue
        children[node] = kids
        for kid in kids:
            level[kid] = level[node] + 1
        pending.extend(kids)
    layout = tidy_layout(roots, children, direction=direction, aspect=aspect)
    route_dotted(layout, org.dotted_lines)
    return OrgView(layout, hidden)
