"""Charts keep a readable shape: aspect targets, left-to-right, box fields, legible images."""

import importlib
import json
import sys

import pytest
from click.testing import CliRunner

import orgmodel
from orgmodel.cli import main
from orgmodel.render import layout_org, render
from orgmodel.render.chart import Style, chart_size

from ..conftest import EXAMPLES

sys.path.insert(0, str(EXAMPLES.parent / "benchmarks"))
from realistic import realistic


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


@pytest.mark.parametrize("size", [100, 300, 1000, 2000])
def test_single_page_charts_of_real_world_shapes_are_at_most_two_to_one(size):
    org = orgmodel.load_text(realistic(size), "org.yaml")
    spans = sorted(len(org.tree_children[p]) for p in org.people if org.tree_children[p])
    top = next(p for p in org.order if org.manager[p] is None)
    assert 8 <= len(org.tree_children[top]) <= 12 and spans[0] >= 1
    flat = chart_size(org, layout_org(org), (), Style())
    width, height = chart_size(org, layout_org(org, aspect=1.414), (), Style())
    assert flat[0] / flat[1] > 4, "without wrapping, the chart would be a long strip"
    assert 0.5 <= width / height <= 2, (width, height)


@pytest.mark.parametrize("name", ["startup", "scaleup", "mistakes", "enterprise"])
def test_examples_are_at_most_two_to_one(name):
    org = orgmodel.load(EXAMPLES / f"{name}.yaml")
    width, height = chart_size(org, layout_org(org, aspect=1.414), orgmodel.check(org), Style())
    assert 0.5 <= width / height <= 2, (width, height)


def test_left_to_right_puts_reports_right_of_their_manager(tmp_path):
    out = tmp_path / "lr.json"
    assert run("render", EXAMPLES / "enterprise.yaml", "-o", out, "--direction", "lr").exit_code == 0
    data = json.loads(out.read_text())
    assert data["direction"] == "lr"
    boxes = {b["id"]: b for b in data["boxes"]}
    org = orgmodel.load(EXAMPLES / "enterprise.yaml")
    for pid, manager in org.manager.items():
        if manager is not None:
            assert boxes[pid]["x"] >= boxes[manager]["x"] + boxes[manager]["width"]


def test_label_fields_are_what_the_boxes_show(tmp_path):
    out = tmp_path / "c.svg"
    result = run("render", EXAMPLES / "enterprise.yaml", "-o", out, "--label", "name,team,id", "--no-findings")
    assert result.exit_code == 0, result.output
    text = out.read_text()
    assert ">Team: Payments<" in text and ">yael.rahman<" in text
    assert ">Director of Product, Payments<" not in text, "the title is left out when not asked for"
    plain = tmp_path / "plain.svg"
    run("render", EXAMPLES / "enterprise.yaml", "-o", plain, "--no-findings")
    assert ">Team: Payments<" not in plain.read_text()


@pytest.mark.parametrize("args, message", [
    (["--label", "name,mood"], "--label takes a comma-separated list of name, title, team"),
    (["--label", "name,name"], "--label lists a field twice"),
    (["--pages"], "--pages needs a .pdf output"),
    (["--aspect", "9"], "9.0 is not in the range"),
    (["--direction", "up"], "'up' is not one of"),
])
def test_shape_options_reject_bad_values(tmp_path, args, message):
    out = tmp_path / "c.png"
    result = run("render", EXAMPLES / "enterprise.yaml", "-o", out, *args)
    assert result.exit_code == 2 and message in result.output
    assert not out.exists()


def test_an_image_too_large_to_read_shows_the_legible_levels_and_says_how_to_see_everyone(tmp_path, monkeypatch):
    render_module = importlib.import_module("orgmodel.render")
    monkeypatch.setattr(render_module, "MAX_PNG_SIDE", 2400)
    for suffix in ("png", "svg"):
        out = tmp_path / f"org.{suffix}"
        result = run("render", EXAMPLES / "enterprise.yaml", "-o", out)
        assert result.exit_code == 0, result.output
        assert "would not be legible in one image" in result.stderr
        assert "-o org.pdf --pages" in result.stderr and "-o org.html" in result.stderr and "--full" in result.stderr
        shown = int(result.stdout.split("(")[1].split(" ")[0])
        assert 1 < shown < 155
    layout = tmp_path / "l.json"
    org = orgmodel.load(EXAMPLES / "enterprise.yaml")
    collapsed = render(org, tmp_path / "c.svg")
    assert collapsed.notes and collapsed.people == shown
    full = run("render", EXAMPLES / "enterprise.yaml", "-o", tmp_path / "full.svg", "--full")
    assert "legible" not in full.stderr and "(155 people)" in full.stdout
    assert run("render", EXAMPLES / "enterprise.yaml", "-o", layout).exit_code == 0


def test_a_chart_that_fits_is_not_collapsed(tmp_path):
    result = run("render", EXAMPLES / "enterprise.yaml", "-o", tmp_path / "c.png")
    assert result.exit_code == 0 and result.stderr == "" and "(155 people, " in result.stdout


def test_a_far_dotted_line_is_named_in_the_box_and_the_legend(tmp_path):
    org = orgmodel.load(EXAMPLES / "enterprise.yaml")
    view = layout_org(org, aspect=1.414)
    assert view.layout.dotted_notes, "the enterprise example has dotted lines across the org"
    _person, managers = next(iter(view.layout.dotted_notes.items()))
    out = tmp_path / "c.svg"
    render(org, out)
    text = out.read_text()
    assert f">dotted: {org.people[managers[0]].name}<" in text or f">dotted: {org.people[managers[0]].name[:8]}" in text
    assert "dotted line to someone far away or not drawn here" in text
