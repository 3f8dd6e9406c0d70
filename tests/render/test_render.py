"""orgmodel render: every output format, the options, atomic writes, reproducibility."""

import importlib
import json
import struct
import xml.etree.ElementTree as ET

import pytest
from click.testing import CliRunner
from pypdf import PdfReader

import orgmodel
from orgmodel.cli import main
from orgmodel.render import render, safe_dpi

from ..conftest import EXAMPLES

SVG = "{http://www.w3.org/2000/svg}"


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


def png_size(path):
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


@pytest.fixture(scope="module")
def enterprise():
    return orgmodel.load(EXAMPLES / "enterprise.yaml")


def test_png_has_plausible_dimensions(tmp_path):
    out = tmp_path / "chart.png"
    result = run("render", EXAMPLES / "startup.yaml", "-o", out)
    assert result.exit_code == 0, result.output
    assert result.stdout == f"Wrote {out} (9 people, 150 dpi).\n"
    width, height = png_size(out)
    layout = json.loads(run("render", EXAMPLES / "startup.yaml", "-o", tmp_path / "l.json").exit_code == 0
                        and (tmp_path / "l.json").read_text())
    # The figure is the layout plus margins, header and legend, at 150 dpi: never cropped.
    assert width >= layout["width"] / 72 * 150 and height >= layout["height"] / 72 * 150
    assert width < (layout["width"] + 200) / 72 * 150


def test_svg_parses_and_every_drawn_person_has_an_element_with_a_tooltip(tmp_path, enterprise):
    out = tmp_path / "chart.svg"
    render(enterprise, out, findings=orgmodel.check(enterprise))
    root = ET.parse(out).getroot()
    groups = {g.get("id"): g for g in root.iter(f"{SVG}g") if (g.get("id") or "").startswith("person-")}
    assert set(groups) == {f"person-{pid}" for pid in enterprise.people}
    tip = groups["person-hal.yilmaz"].find(f"{SVG}title").text
    assert tip.startswith("Hal Yilmaz (hal.yilmaz)\nVP of Sales\nSHP001 [warning] ")


def test_pdf_opens_with_one_page_holding_the_names(tmp_path):
    out = tmp_path / "chart.pdf"
    assert run("render", EXAMPLES / "scaleup.yaml", "-o", out).exit_code == 0
    reader = PdfReader(out)
    assert len(reader.pages) == 1
    text = reader.pages[0].extract_text()
    assert "Claire Dubois" in text and "Northwind Analytics" in text


def test_json_is_the_layout_with_boxes_and_connectors(tmp_path, enterprise):
    out = tmp_path / "layout.json"
    render(enterprise, out)
    data = json.loads(out.read_text())
    assert {b["id"] for b in data["boxes"]} == set(enterprise.people)
    assert set(data["boxes"][0]) == {"id", "x", "y", "width", "height"}
    kinds = {c["kind"] for c in data["connectors"]}
    assert kinds == {"solid", "dotted"}
    solid = [c for c in data["connectors"] if c["kind"] == "solid"]
    assert len(solid) == len(enterprise) - 1  # one per reporting line under the single top


def test_root_and_depth_draw_exactly_who_they_should(tmp_path, enterprise):
    out = tmp_path / "layout.json"
    head = "yael.rahman"
    render(enterprise, out, root=head)
    drawn = {b["id"] for b in json.loads(out.read_text())["boxes"]}
    assert drawn == {head} | {p.id for p in enterprise.subtree(head)}

    render(enterprise, out, root=head, depth=2)
    data = json.loads(out.read_text())
    assert {b["id"] for b in data["boxes"]} == {head} | {p.id for p in enterprise.reports_of(head)}
    assert data["hidden"] == {p.id: sum(1 for _ in enterprise.subtree(p.id))
                              for p in enterprise.reports_of(head) if enterprise.tree_children[p.id]}

    render(enterprise, out, depth=1)
    data = json.loads(out.read_text())
    assert [b["id"] for b in data["boxes"]] == ["umar.eze"]
    assert data["hidden"] == {"umar.eze": len(enterprise) - 1}


def test_svg_and_pdf_are_byte_identical_across_runs(tmp_path, enterprise):
    findings = orgmodel.check(enterprise)
    for suffix in ("svg", "pdf"):
        first, second = tmp_path / f"a.{suffix}", tmp_path / f"b.{suffix}"
        render(enterprise, first, findings=findings)
        render(enterprise, second, findings=findings)
        assert first.read_bytes() == second.read_bytes(), suffix


def test_every_option_changes_the_chart(tmp_path, enterprise):
    def svg(**options):
        out = tmp_path / "c.svg"
        render(enterprise, out, findings=orgmodel.check(enterprise), **options)
        return out.read_text()

    plain = svg()
    assert ">Engineering<" in plain and ">SHP001 span-too-wide (1)<" in plain
    assert ">Platform<" in svg(color_by="team")
    assert ">Rank 80<" in svg(color_by="level")
    assert "SHP001" not in svg(show_findings=False)
    assert ">Board deck<" in svg(title="Board deck")
    assert ">Open: Senior Product Manager<" in plain or ">Open: Senior Product<" in plain
    assert ">Starts 2027-02-01<" in plain and ">As of 2026-11-01  ·  149 present, 4 open, 2 planned<" in plain


def test_findings_overlay_marks_people_and_lists_codes(tmp_path):
    org = orgmodel.load(EXAMPLES / "mistakes.yaml")
    out = tmp_path / "m.svg"
    render(org, out, findings=orgmodel.check(org))
    text = out.read_text()
    for code in ("PRD001", "PRD003", "PRD010", "SHP002"):
        assert f">{code} " in text


def test_five_thousand_people_render_to_svg(tmp_path):
    import sys

    sys.path.insert(0, str(EXAMPLES.parent / "benchmarks"))
    from generate import generate

    org = orgmodel.load_text(generate(5000), "big.yaml")
    out = tmp_path / "big.svg"
    result = render(org, out, full=True)
    root = ET.parse(out).getroot()
    assert result.people == 5000
    assert sum(1 for g in root.iter(f"{SVG}g") if (g.get("id") or "").startswith("person-")) == 5000


def test_huge_png_lowers_its_resolution_and_says_so(tmp_path, monkeypatch, write_org):
    render_module = importlib.import_module("orgmodel.render")

    monkeypatch.setattr(render_module, "MAX_PNG_SIDE", 1200)
    out = tmp_path / "wide.png"
    result = run("render", EXAMPLES / "enterprise.yaml", "-o", out, "--full")
    assert result.exit_code == 0
    assert "PNG is written at" in result.stderr and "use .svg or .pdf" in result.stderr
    assert max(png_size(out)) <= 1200


def test_a_chart_too_big_for_legible_text_still_renders_as_shapes(tmp_path, monkeypatch):
    render_module = importlib.import_module("orgmodel.render")

    monkeypatch.setattr(render_module, "MAX_PNG_SIDE", 300)
    out = tmp_path / "tiny.png"
    result = run("render", EXAMPLES / "enterprise.yaml", "-o", out, "--full")
    assert result.exit_code == 0
    assert "no text would be legible" in result.stderr
    assert max(png_size(out)) <= 300


def test_safe_dpi_respects_side_and_area_limits():
    assert safe_dpi(720, 720, 150) == 150
    assert safe_dpi(720 * 1000, 720, 150) == pytest.approx(32_000 / 10_000)
    width_in = height_in = 200
    dpi = safe_dpi(width_in * 72, height_in * 72, 150)
    assert (width_in * dpi) * (height_in * dpi) <= 120_000_000 + 1


def test_failed_render_leaves_no_file_behind(tmp_path, monkeypatch, enterprise):
    from matplotlib.figure import Figure

    def explode(*args, **kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(Figure, "savefig", explode)
    out = tmp_path / "chart.png"
    out.write_bytes(b"old chart")
    with pytest.raises(RuntimeError):
        render(enterprise, out)
    assert out.read_bytes() == b"old chart"
    assert [p.name for p in tmp_path.iterdir()] == ["chart.png"]


@pytest.mark.parametrize("args, message", [
    (["-o", "chart.gif"], "cannot tell the chart format from 'chart.gif'"),
    (["-o", "chart.png", "--root", "yael.rahmann"], "--root: no person has id 'yael.rahmann' (did you mean"),
    (["-o", "chart.png", "--depth", "0"], "0 is not in the range"),
    (["-o", "chart.png", "--color-by", "mood"], "'mood' is not one of"),
])
def test_render_usage_errors_exit_2_and_write_nothing(tmp_path, monkeypatch, args, message):
    monkeypatch.chdir(tmp_path)
    result = run("render", EXAMPLES / "enterprise.yaml", *args)
    assert result.exit_code == 2 and message in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_render_of_a_bad_file_prints_positions_exits_2_and_writes_nothing(tmp_path, write_org):
    bad = write_org("org: T\npeople:\n  - {id: a, rol: ceo}\n")
    out = tmp_path / "chart.png"
    result = run("render", bad, "-o", out)
    assert result.exit_code == 2
    assert f"{bad}:3:13: unknown key 'rol' (did you mean 'role'?)" in result.stderr
    assert not out.exists()


def test_the_api_render_function_survives_importing_the_chart_modules(tmp_path):
    import sys

    import orgmodel.render.chart  # noqa: F401
    from orgmodel.render import layout_org  # noqa: F401

    assert callable(orgmodel.render)
    org = orgmodel.load(EXAMPLES / "startup.yaml")
    assert orgmodel.render(org, tmp_path / "c.json").people == 9
    assert "orgmodel.render" in sys.modules


def test_render_selects_the_findings_it_overlays_like_check(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    mistakes = EXAMPLES / "mistakes.yaml"

    def codes_on_chart(*options):
        out = tmp_path / "m.svg"
        result = run("render", mistakes, "-o", out, *options)
        assert result.exit_code == 0, result.output
        text = out.read_text()
        return {code for code in ("PRD001", "PRD003", "PRD013", "SHP002") if f">{code} " in text}

    assert codes_on_chart() == {"PRD001", "PRD003", "SHP002"}
    assert codes_on_chart("--ignore", "SHP002,PRD003") == {"PRD001"}
    assert codes_on_chart("--select", "SHP") == {"SHP002"}
    assert codes_on_chart("--extend-select", "PRD013") == {"PRD001", "PRD003", "PRD013", "SHP002"}
    refused = run("render", mistakes, "-o", tmp_path / "x.svg", "--ignore", "SHP0099")
    assert refused.exit_code == 2 and "unknown rule code or prefix 'SHP0099'" in refused.stderr
    assert not (tmp_path / "x.svg").exists()


def test_render_and_check_share_one_definition_of_the_selection_options():
    check, render_command = main.commands["check"], main.commands["render"]
    for name in ("select", "extend_select", "ignore"):
        [in_check] = [p for p in check.params if p.name == name]
        [in_render] = [p for p in render_command.params if p.name == name]
        assert (in_check.opts, in_check.help, in_check.multiple) == (in_render.opts, in_render.help, in_render.multiple)
