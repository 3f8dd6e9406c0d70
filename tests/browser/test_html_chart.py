"""The HTML chart in a real browser: offline, escaped, and doing what its buttons say."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET

import pytest
from PIL import Image

import orgmodel

from ..conftest import EXAMPLES
from .conftest import VIEWPORT

ENTERPRISE = EXAMPLES / "enterprise.yaml"
HOSTILE_NAME = "</script><img src=x onerror=alert(1)>"


def click_on(chart, person_id: str, *, toggle: bool = False):
    """Click a person's box (or the +N / − pill under it) where it is on screen."""
    box = chart.chart(f"screenBox({person_id!r})")
    top = chart.page.evaluate("document.getElementById('chart').getBoundingClientRect().top")
    x = box["x"] + box["width"] / 2
    y = top + (box["y"] + box["height"] if toggle else box["y"] + box["height"] / 3)
    chart.page.mouse.click(x, y)


def test_the_chart_opens_from_disk_without_any_network_request(open_chart):
    chart = open_chart(ENTERPRISE)
    chart.page.fill("#search", "tove")
    chart.page.keyboard.press("Enter")
    chart.page.click("#findings-button")
    chart.page.wait_for_timeout(300)
    assert chart.network_requests() == []
    assert chart.page.evaluate("window.__cspViolations") == [], "the page's own script or style was refused"
    assert chart.chart("visibleCount()") > 1


def test_it_opens_collapsed_to_the_levels_that_read_well(open_chart):
    chart = open_chart(ENTERPRISE)
    shown = chart.chart("visibleCount()")
    assert 1 < shown < 155
    assert chart.chart("view().k") >= 0.5, "the opening view is readable"
    # Every box shown at the opening is on screen.
    assert chart.chart("isVisible('umar.eze')")


def test_search_focuses_a_person_and_shows_their_details(open_chart):
    chart = open_chart(ENTERPRISE)
    assert not chart.chart("isVisible('tove.lind')")
    chart.page.fill("#search", "tove lind")
    options = chart.page.locator("#results [role=option]")
    assert options.count() == 1 and options.first.inner_text().startswith("Tove Lind")
    chart.page.keyboard.press("Enter")
    assert chart.chart("selected()") == "tove.lind"
    assert chart.chart("isVisible('tove.lind')"), "the chain above a result expands"
    box = chart.chart("screenBox('tove.lind')")
    assert 0 <= box["x"] and box["x"] + box["width"] <= VIEWPORT["width"] and 0 <= box["y"] <= VIEWPORT["height"]
    assert chart.page.evaluate("document.activeElement.id") == "focus"
    assert "Tove Lind" in chart.page.get_attribute("#focus", "aria-label")
    assert chart.page.inner_text("#details-name") == "Tove Lind"
    assert "#person=tove.lind" in chart.page.url


def test_search_answers_by_title_id_and_team(open_chart):
    chart = open_chart(ENTERPRISE)
    org = orgmodel.load(ENTERPRISE)
    assert chart.chart("search('tove.lind')") == ["tove.lind"]
    by_title = set(chart.chart("search('chief executive')"))
    assert by_title == {p.id for p in org if "chief executive" in p.display_title.lower()}
    team = next(p.team for p in org if p.team)
    assert set(chart.chart(f"search({team!r})")) >= {p.id for p in org if p.team == team}


def test_a_click_on_the_badge_expands_and_collapses_a_subtree(open_chart):
    chart = open_chart(ENTERPRISE)
    org = orgmodel.load(ENTERPRISE)
    manager = next(pid for pid in org.order
                   if chart.chart(f"isVisible({pid!r})") and not chart.chart(f"isExpanded({pid!r})")
                   and org.tree_children[pid])
    first_report = org.tree_children[manager][0]
    before = chart.chart("visibleCount()")
    click_on(chart, manager, toggle=True)
    assert chart.chart(f"isExpanded({manager!r})") and chart.chart(f"isVisible({first_report!r})")
    assert chart.chart("visibleCount()") == before + len(org.tree_children[manager])
    click_on(chart, manager, toggle=True)
    assert not chart.chart(f"isVisible({first_report!r})")
    assert chart.chart("visibleCount()") == before


def test_clicking_a_finding_focuses_its_person(open_chart):
    chart = open_chart(ENTERPRISE)
    findings = orgmodel.check(orgmodel.load(ENTERPRISE))
    chart.page.click("#findings-button")
    items = chart.page.locator("#findings-list li.finding")
    assert items.count() == len(findings)
    first = items.first
    message = first.locator("p").nth(1).inner_text()
    finding = next(f for f in findings if f.message == message)
    first.locator("p").nth(1).click()
    assert chart.chart("selected()") == finding.person
    assert message in chart.page.inner_text("#details-body")
    # Filtering by code keeps only that code.
    chart.page.select_option("#filter-code", finding.code)
    codes = chart.page.eval_on_selector_all("#findings-list li.finding", "items => items.map(i => i.dataset.code)")
    assert codes and set(codes) == {finding.code}


def test_a_person_link_opens_on_that_person(open_chart):
    chart = open_chart(ENTERPRISE, fragment="#person=tove.lind")
    assert chart.chart("selected()") == "tove.lind"
    assert chart.chart("isVisible('tove.lind')")
    assert chart.page.inner_text("#details-name") == "Tove Lind"
    chart.page.evaluate("location.hash = '#person=umar.eze'")
    chart.page.wait_for_function("window.orgmodelChart.selected() === 'umar.eze'")


def test_arrow_keys_move_between_manager_reports_and_siblings(open_chart):
    chart = open_chart(ENTERPRISE, fragment="#person=umar.eze")
    org = orgmodel.load(ENTERPRISE)
    chart.page.focus("#focus")
    chart.page.keyboard.press("ArrowDown")
    first, second = org.tree_children["umar.eze"][:2]
    assert chart.chart("selected()") == first
    chart.page.keyboard.press("ArrowRight")
    assert chart.chart("selected()") == second
    chart.page.keyboard.press("ArrowUp")
    assert chart.chart("selected()") == "umar.eze"
    assert chart.page.get_attribute("#focus", "role") == "treeitem"
    assert chart.page.get_attribute("#focus", "aria-level") == "1"


def test_a_hostile_name_is_shown_as_text_and_runs_nothing(open_chart, write_org):
    path = write_org(f"""
org: Hostile
people:
  - id: boss
    name: "{HOSTILE_NAME}"
    role: ceo
  - id: pm
    name: "<b>bold</b>"
    title: Product Manager
    reports_to: boss
""")
    chart = open_chart(path)
    chart.page.fill("#search", "onerror")
    assert chart.page.inner_text("#results [role=option]").startswith(HOSTILE_NAME)
    chart.page.keyboard.press("Enter")
    assert chart.page.inner_text("#details-name") == HOSTILE_NAME
    chart.page.wait_for_timeout(300)
    assert chart.dialogs == []
    assert chart.page.locator("img").count() == 0 and chart.page.locator("b").count() == 0
    assert chart.network_requests() == []


def test_export_svg_of_the_current_view(open_chart):
    chart = open_chart(ENTERPRISE, fragment="#person=umar.eze")
    with chart.page.expect_download() as download:
        chart.page.click("#export-svg")
    svg = ET.parse(download.value.path()).getroot()
    texts = [t.text for t in svg.iter("{http://www.w3.org/2000/svg}text")]
    assert "Umar Eze" in texts
    with chart.page.expect_download() as download:
        chart.page.click("#export-png")
    image = Image.open(download.value.path())
    assert image.size == (VIEWPORT["width"] * 2, (VIEWPORT["height"] - chart.page.evaluate(
        "document.getElementById('stage').getBoundingClientRect().top")) * 2)


def hex_rgb(colour: str) -> tuple[int, int, int]:
    return tuple(int(colour[i:i + 2], 16) for i in (1, 3, 5))


@pytest.mark.parametrize("example", sorted(p.stem for p in EXAMPLES.glob("*.yaml")))
def test_screenshot_of_each_example_shows_its_boxes_in_the_chart_colours(open_chart, example):
    from orgmodel.render.chart import FAMILY_COLOURS

    org = orgmodel.load(EXAMPLES / f"{example}.yaml")
    chart = open_chart(org)
    png = chart.page.screenshot()
    image = Image.open(io.BytesIO(png)).convert("RGB")
    assert image.size == (VIEWPORT["width"], VIEWPORT["height"])
    top = org.order[0]
    box = chart.chart(f"screenBox({top!r})")
    stage_top = chart.page.evaluate("document.getElementById('stage').getBoundingClientRect().top")
    scale = box["width"] / 180
    # The accent bar on the left of a box is the colour of the person's family.
    bar = image.getpixel((round(box["x"] + 6 * scale), round(stage_top + box["y"] + box["height"] / 2)))
    expected = hex_rgb(FAMILY_COLOURS[org.people[top].role.family])
    assert all(abs(a - b) <= 12 for a, b in zip(bar, expected)), (bar, expected)
    # Empty chart area is white; the toolbar is its light grey.
    assert image.getpixel((VIEWPORT["width"] - 5, VIEWPORT["height"] - 150)) == (255, 255, 255)
    assert image.getpixel((VIEWPORT["width"] - 5, 5)) == hex_rgb("#f6f8fa")


def test_it_prints_the_chart_without_the_controls(open_chart, tmp_path):
    from pypdf import PdfReader

    chart = open_chart(ENTERPRISE)
    pdf = tmp_path / "printed.pdf"
    chart.page.pdf(path=str(pdf))
    text = "".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert "Meridian Systems" in text
    assert "Expand all" not in text and "Colour by" not in text


def test_pinch_zooms_and_a_finger_pans(open_chart):
    chart = open_chart(ENTERPRISE)
    cdp = chart.context.new_cdp_session(chart.page)

    def touch(kind, points):
        cdp.send("Input.dispatchTouchEvent",
                 {"type": kind, "touchPoints": [{"x": x, "y": y, "id": n} for n, (x, y) in enumerate(points)]})

    before = chart.chart("view()")
    touch("touchStart", [(600, 400), (700, 400)])
    for step in range(1, 6):  # fingers 100 pixels apart, then 300
        touch("touchMove", [(600 - 20 * step, 400), (700 + 20 * step, 400)])
    touch("touchEnd", [])
    zoomed = chart.chart("view()")
    assert zoomed["k"] == pytest.approx(before["k"] * 3, rel=0.01)
    touch("touchStart", [(600, 400)])
    for step in range(1, 6):
        touch("touchMove", [(600 + 30 * step, 400 + 10 * step)])
    touch("touchEnd", [])
    panned = chart.chart("view()")
    assert (panned["x"] - zoomed["x"], panned["y"] - zoomed["y"], panned["k"]) == pytest.approx((150, 50, zoomed["k"]))


def accent_bar_colour(chart, person_id: str) -> tuple[int, int, int]:
    image = Image.open(io.BytesIO(chart.page.screenshot())).convert("RGB")
    box = chart.chart(f"screenBox({person_id!r})")
    stage_top = chart.page.evaluate("document.getElementById('stage').getBoundingClientRect().top")
    return image.getpixel((round(box["x"] + 6 * box["width"] / 180), round(stage_top + box["y"] + box["height"] / 2)))


def test_colour_by_team_and_hiding_dotted_lines_change_the_chart_and_legend(open_chart):
    from orgmodel.render.chart import NO_GROUP, TEAM_PALETTE

    org = orgmodel.load(ENTERPRISE)
    chart = open_chart(org, fragment="#person=tove.lind")
    teams = sorted({p.team for p in org if p.team})
    expected = TEAM_PALETTE[teams.index(org.people["tove.lind"].team) % len(TEAM_PALETTE)]
    chart.page.select_option("#color-by", "team")
    chart.page.wait_for_timeout(100)
    bar = accent_bar_colour(chart, "tove.lind")
    assert all(abs(a - b) <= 12 for a, b in zip(bar, hex_rgb(expected))), (bar, expected)
    legend = chart.page.inner_text("#legend")
    assert org.teams[org.people["tove.lind"].team].name in legend and "Engineering" not in legend
    assert expected != NO_GROUP
    assert "Dotted line" in legend
    chart.page.uncheck("#show-dotted")
    assert "Dotted line" not in chart.page.inner_text("#legend")


def test_expand_all_and_collapse_back_to_the_opening_view(open_chart):
    chart = open_chart(ENTERPRISE)
    opening = chart.chart("visibleCount()")
    chart.page.click("#expand-all")
    assert chart.chart("visibleCount()") == 155
    chart.page.click("#collapse-all")
    assert chart.chart("visibleCount()") == opening


def test_levels_shows_that_many_levels_for_everyone(open_chart):
    org = orgmodel.load(ENTERPRISE)
    chart = open_chart(org)
    chart.page.select_option("#levels", "2")
    assert chart.chart("visibleCount()") == sum(1 for pid in org.order if org.depth[pid] < 2)
    chart.page.select_option("#levels", "all")
    assert chart.chart("visibleCount()") == len(org)


def test_render_diff_outlines_changes_in_their_colours_and_counts_them_in_the_legend(browser, tmp_path):
    from orgmodel.analysis import diff_orgs
    from orgmodel.render.changes import MARK_COLOURS, org_with_ghosts

    from .conftest import ChartPage

    drawn, marks = org_with_ghosts(diff_orgs(orgmodel.load(EXAMPLES / "reorg-before.yaml"),
                                             orgmodel.load(EXAMPLES / "reorg-after.yaml")))
    out = tmp_path / "reorg.html"
    orgmodel.render(drawn, out, show_findings=False, changes=marks)
    chart = ChartPage(browser, out)
    try:
        chart.page.click("#expand-all")
        legend = chart.page.inner_text("#legend")
        assert "New (3)" in legend and "Moved (3)" in legend and "Left (ghost under their old manager) (2)" in legend
        assert chart.network_requests() == []
        image = Image.open(io.BytesIO(chart.page.screenshot())).convert("RGB")
        stage_top = chart.page.evaluate("document.getElementById('stage').getBoundingClientRect().top")
        for pid, mark in (("vera", "new"), ("hugo", "moved"), ("carmen", "left")):
            box = chart.chart(f"screenBox({pid!r})")
            # the middle of the box's left edge is drawn in the change's colour
            x, y = round(box["x"]), round(stage_top + box["y"] + box["height"] / 2)
            near = [image.getpixel((x + dx, y)) for dx in range(-2, 3)]
            expected = hex_rgb(MARK_COLOURS[mark])
            assert any(all(abs(a - b) <= 40 for a, b in zip(pixel, expected)) for pixel in near), (pid, near)
    finally:
        chart.close()
