"""Geometry of the tidy layout: no overlaps, reports below managers, managers centred, deterministic."""

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from orgmodel.render.layout import BOX_WIDTH, COLUMN_GAP, tidy_layout


@st.composite
def forests(draw, max_size=3000):
    """A random forest as (roots, children): each person after the first picks an earlier manager, or none."""
    size = draw(st.integers(1, max_size))
    shape = draw(st.sampled_from(["bushy", "deep", "mixed"]))
    seed = draw(st.integers(0, 2**32 - 1))
    import random

    rnd = random.Random(seed)
    roots, children = ["n0"], {}
    for i in range(1, size):
        if rnd.random() < 0.01:
            roots.append(f"n{i}")
            continue
        if shape == "bushy":
            parent = rnd.randrange(max(0, i - 40), i)
        elif shape == "deep":
            parent = i - 1 - rnd.randrange(min(i, 3))
        else:
            parent = rnd.randrange(i)
        children.setdefault(f"n{parent}", []).append(f"n{i}")
    return roots, children


def _overlaps(boxes) -> list:
    """Pairs of boxes that overlap (a sweep over x, so big forests stay fast)."""
    ordered = sorted(boxes, key=lambda b: b.x)
    found, active = [], []
    for box in ordered:
        active = [a for a in active if a.x + a.width > box.x + 1e-6]
        for other in active:
            if other.y < box.y + box.height - 1e-6 and box.y < other.y + other.height - 1e-6:
                found.append((other.id, box.id))
        active.append(box)
    return found


@settings(max_examples=60, deadline=None)
@given(forests())
def test_layout_properties(forest):
    roots, children = forest
    layout = tidy_layout(roots, children)
    everyone = set(roots) | {c for kids in children.values() for c in kids}
    assert set(layout.boxes) == everyone
    boxes = layout.boxes
    assert _overlaps(boxes.values()) == []
    assert min(b.x for b in boxes.values()) >= -1e-6
    for manager, kids in children.items():
        top = boxes[manager]
        for kid in kids:
            assert boxes[kid].y >= top.y + top.height, "a report must be below their manager"
        stacked = [k for k in kids if k in layout.stacked]
        leads = [k for k in kids if k not in layout.stacked]
        assert all(not children.get(k) for k in stacked), "only individual contributors are stacked"
        centres = []
        if stacked:
            columns = sorted({boxes[k].x for k in stacked})
            assert len(columns) == (1 if len(stacked) <= 3 else 2)
            if len(columns) == 2:
                assert abs(columns[1] - columns[0] - BOX_WIDTH - COLUMN_GAP) < 1e-6
            centres.append((columns[0] + columns[-1] + BOX_WIDTH) / 2)
            ys = [boxes[k].y for k in stacked[:len(stacked) // len(columns)]]
            assert ys == sorted(ys), "stacked in file order, down the first column"
        centres += [boxes[k].center_x for k in leads]
        assert centres == sorted(centres), "the stack first, then teams in file order"
        assert abs((centres[0] + centres[-1]) / 2 - top.center_x) < 1e-6, \
            "centred over the first and last report (or column)"
    again = tidy_layout(roots, children)
    assert again.to_dict() == layout.to_dict()


def test_manager_of_individual_contributors_gets_columns():
    kids = [f"ic{i}" for i in range(30)]
    layout = tidy_layout(["m"], {"m": kids})
    xs = {layout.boxes[k].x for k in kids}
    assert len(xs) == 2 and layout.stacked == set(kids)
    assert layout.width == 2 * BOX_WIDTH + COLUMN_GAP  # 30 reports, two boxes wide
    three = tidy_layout(["m"], {"m": ["a", "b", "c"]})
    assert len({three.boxes[k].x for k in "abc"}) == 1


def test_forest_trees_side_by_side():
    layout = tidy_layout(["a", "b"], {"a": ["a1", "a2"], "b": ["b1"]})
    assert layout.boxes["a"].y == layout.boxes["b"].y == 0
    assert layout.boxes["b"].x > layout.boxes["a2"].x + BOX_WIDTH


def test_subtrees_pack_closer_than_their_widest_row():
    # Two deep, narrow subtrees under a wide one: the right subtree tucks under nothing it would hit.
    children = {"r": ["a", "b"], "a": ["a1", "a2"], "a1": ["x1", "x2", "x3", "x4"], "a2": ["y1"],
                "b": ["b1"], "b1": ["z1", "z2"]}
    layout = tidy_layout(["r"], children)
    boxes = layout.boxes
    assert _overlaps(boxes.values()) == []
    assert boxes["b"].x - (boxes["a"].x + BOX_WIDTH) < 3 * BOX_WIDTH


def test_individual_contributors_beside_team_leads_are_stacked_first():
    children = {"m": ["ic1", "lead", "ic2", "ic3"], "lead": ["x", "y"]}
    layout = tidy_layout(["m"], children)
    assert layout.stacked == {"ic1", "ic2", "ic3", "x", "y"}
    assert layout.boxes["ic1"].x == layout.boxes["ic2"].x < layout.boxes["lead"].x
    single = tidy_layout(["m"], {"m": ["ic", "lead"], "lead": ["x", "y"]})
    assert "ic" not in single.stacked  # one contributor beside a lead stays in the row


def _segments(layout):
    for connector in layout.connectors:
        yield from zip(connector.points, connector.points[1:])


def _crossing(layout):
    """Connector segments that run through the inside of a box (touching an edge is fine)."""
    from orgmodel.render.layout import _BoxIndex

    index = _BoxIndex(layout.boxes.values())
    return [(a, b) for a, b in _segments(layout) if index.crosses(a, b)]


@settings(max_examples=40, deadline=None)
@given(forests(max_size=1500), st.sampled_from(["tb", "lr"]), st.sampled_from([None, 0.7, 1.414, 3.0]))
def test_wrapped_and_left_to_right_layouts_keep_their_properties(forest, direction, aspect):
    roots, children = forest
    layout = tidy_layout(roots, children, direction=direction, aspect=aspect)
    everyone = set(roots) | {c for kids in children.values() for c in kids}
    assert set(layout.boxes) == everyone
    boxes = layout.boxes
    assert _overlaps(boxes.values()) == []
    assert min(b.x for b in boxes.values()) >= -1e-6 and min(b.y for b in boxes.values()) >= -1e-6
    for manager, kids in children.items():
        top = boxes[manager]
        for kid in kids:
            if direction == "tb":
                assert boxes[kid].y >= top.y + top.height, "a report must be below their manager"
            else:
                assert boxes[kid].x >= top.x + top.width, "a report must be right of their manager"
    assert all(a[0] == b[0] or a[1] == b[1] for a, b in _segments(layout)), "connectors turn at right angles"
    assert _crossing(layout) == []
    assert tidy_layout(roots, children, direction=direction, aspect=aspect).to_dict() == layout.to_dict()


def test_a_manager_with_many_teams_gets_them_in_rows_under_them():
    children = {"ceo": [f"vp{i}" for i in range(12)]}
    for i in range(12):
        children[f"vp{i}"] = [f"m{i}.{j}" for j in range(3)]
        for j in range(3):
            children[f"m{i}.{j}"] = [f"ic{i}.{j}.{k}" for k in range(4)]
    flat = tidy_layout(["ceo"], children)
    wrapped = tidy_layout(["ceo"], children, aspect=1.414)
    assert flat.width / flat.height > 5
    assert 0.7 < wrapped.width / wrapped.height < 2
    rows = sorted({wrapped.boxes[f"vp{i}"].y for i in range(12)})
    assert len(rows) > 1, "the twelve teams wrap into several rows"
    assert _crossing(wrapped) == []


def test_dotted_lines_are_routed_around_boxes_or_noted():
    from orgmodel.render.layout import LONG_ROUTE, route_dotted

    children = {"ceo": ["a", "b", "c"], "a": ["a1", "a2", "a3", "a4"], "b": ["b1", "b2"], "c": ["c1", "c2"]}
    layout = tidy_layout(["ceo"], children)
    route_dotted(layout, [("a", "b1"), ("c", "a1"), ("a", "a3"), ("ghost", "c2")])
    dotted = {(c.source, c.target): c.points for c in layout.connectors if c.kind == "dotted"}
    assert ("a", "b1") in dotted
    assert layout.dotted_notes["c2"] == ["ghost"], "a manager not drawn is named in the box"
    for (source, target), points in dotted.items():
        assert all(a[0] == b[0] or a[1] == b[1] for a, b in itertools.pairwise(points))
        assert sum(abs(a[0] - b[0]) + abs(a[1] - b[1]) for a, b in itertools.pairwise(points)) <= LONG_ROUTE
    for source, target in [("a", "b1"), ("c", "a1"), ("a", "a3")]:
        assert ((source, target) in dotted) != (source in layout.dotted_notes.get(target, []))
    assert _crossing(layout) == []


def test_a_long_dotted_line_becomes_a_note():
    from orgmodel.render.layout import route_dotted

    children = {"ceo": [f"t{i}" for i in range(10)]}
    for i in range(10):
        children[f"t{i}"] = [f"t{i}.{j}" for j in range(5)]
    layout = tidy_layout(["ceo"], children)
    route_dotted(layout, [("t0", "t9.4")])
    assert not any(c.kind == "dotted" for c in layout.connectors)
    assert layout.dotted_notes == {"t9.4": ["t0"]}
