"""The HTML chart as a file: self-contained, escaped, and carrying the layout's own positions."""

import json
import re

import pytest
from click.testing import CliRunner

import orgmodel
from orgmodel.cli import main
from orgmodel.render import layout_org
from orgmodel.render.html import chart_data, embed_json
from orgmodel.render.layout import DEFAULT_ASPECT

from ..conftest import EXAMPLES

HOSTILE_NAME = "</script><img src=x onerror=alert(1)>"


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


def embedded_data(html: str) -> dict:
    match = re.search(r'<script type="application/json" id="orgmodel-data">(.*?)</script>', html, re.DOTALL)
    assert match, "no data block"
    return json.loads(match.group(1))


def test_render_writes_one_self_contained_page(tmp_path):
    out = tmp_path / "org.html"
    result = run("render", EXAMPLES / "enterprise.yaml", "-o", out)
    assert result.exit_code == 0, result.output
    assert result.stdout == f"Wrote {out} (155 people).\n"
    html = out.read_text(encoding="utf-8")
    # Nothing that would load from elsewhere: no external script, style, font, image or frame.
    assert not re.search(r'\b(src|href)\s*=\s*"(?!#)', html.split('<script type="application/json"')[0])
    assert not re.search(r"https?://(?!www\.w3\.org/2000/svg)", html)
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', html).group(1)
    assert "default-src 'none'" in csp and "unsafe-inline" not in csp and "connect-src" not in csp


def test_the_page_carries_the_same_positions_as_the_static_layout(tmp_path):
    org = orgmodel.load(EXAMPLES / "enterprise.yaml")
    layout = layout_org(org, aspect=DEFAULT_ASPECT).layout  # what render() draws: wide levels wrapped
    out = tmp_path / "org.html"
    orgmodel.render(org, out, findings=orgmodel.check(org))
    data = embedded_data(out.read_text(encoding="utf-8"))
    ids = data["people"]["id"]
    for k, person in enumerate(data["layout"]["person"]):
        box = layout.boxes[ids[person]]
        assert (data["layout"]["x"][k], data["layout"]["y"][k]) == pytest.approx((box.x, box.y), abs=0.05)
    assert len(data["layout"]["connectors"]["from"]) == len(layout.connectors)
    assert len(data["findings"]) == len(orgmodel.check(org))


def test_overviews_are_the_layouts_of_the_top_levels(tmp_path):
    org = orgmodel.load(EXAMPLES / "enterprise.yaml")
    data = chart_data(org, layout_org(org), [], color_by="family", title=None, show_findings=True)
    assert data["overviews"], "a 155-person org needs a compact opening view"
    for levels, overview in enumerate(data["overviews"], start=1):
        assert len(overview["person"]) == len(layout_org(org, depth=levels).layout.boxes)


def test_text_from_the_org_cannot_end_the_data_block_or_fill_a_template_slot(write_org, tmp_path):
    path = write_org(f"""
org: "{{{{script}}}} & co"
people:
  - id: a
    name: "{HOSTILE_NAME}"
    role: ceo
  - id: b
    name: "line\\u2028break {{{{data}}}}"
    reports_to: a
    title: Engineer
""")
    out = tmp_path / "org.html"
    assert run("render", path, "-o", out).exit_code == 0
    html = out.read_text(encoding="utf-8")
    assert HOSTILE_NAME not in html and "<img" not in html
    assert "\u2028" not in html
    assert html.count("<script") == 2  # the data block and the viewer
    data = embedded_data(html)
    assert data["people"]["name"][:2] == [HOSTILE_NAME, "line\u2028break {{data}}"]
    assert "<title>{{script}} &amp; co</title>" in html


def test_embed_json_round_trips_every_escaped_character():
    value = {"s": "</script><!-- & \u2028\u2029 >"}
    text = embed_json(value)
    assert not set(text) & set("<>&\u2028\u2029")
    assert json.loads(text) == value


def test_colour_tables_come_from_the_static_chart():
    from orgmodel.render.chart import FAMILY_COLOURS, SEVERITY_COLOURS

    org = orgmodel.load(EXAMPLES / "scaleup.yaml")
    data = chart_data(org, layout_org(org), [], color_by="team", title=None, show_findings=True)
    colours = data["colours"]
    assert data["colorBy"] == "team"
    assert colours["severity"]["error"] == SEVERITY_COLOURS[max(SEVERITY_COLOURS)]
    family = colours["modes"]["family"]
    for i, pid in enumerate(data["people"]["id"]):
        assert colours["palette"][family["colour"][i]] == FAMILY_COLOURS[org.people[pid].role.family]


def test_depth_and_root_limit_the_page_like_the_static_chart(tmp_path):
    out = tmp_path / "part.html"
    result = run("render", EXAMPLES / "enterprise.yaml", "-o", out, "--root", "yael.rahman", "--depth", "2")
    assert result.exit_code == 0, result.output
    data = embedded_data(out.read_text(encoding="utf-8"))
    ids = data["people"]["id"]
    assert ids[data["layout"]["person"][0]] == "yael.rahman"
    assert data["layout"]["hidden"], "people below depth 2 are counted on their managers"


KEY_NAMES = {"ArrowUp": "↑", "ArrowDown": "↓", "ArrowLeft": "←", "ArrowRight": "→", " ": "Space",
             "Escape": "Esc", "_": "-", "=": "+"}


def test_every_key_the_viewer_handles_is_in_the_keyboard_table():
    from ..conftest import ROOT

    script = (ROOT / "orgmodel" / "render" / "html" / "viewer.js").read_text(encoding="utf-8")
    handled = set(re.findall(r'e\.key === "([^"]+)"', script))
    assert {"ArrowUp", "ArrowDown", "Enter", "/", "Escape"} <= handled
    doc = (ROOT / "docs" / "html.md").read_text(encoding="utf-8")
    table = doc.split("## Keyboard and screen readers")[1].split("\n## ")[0]
    documented = set(re.findall(r"`([^`]+)`", table))
    missing = {key for key in handled if KEY_NAMES.get(key, key) not in documented}
    assert not missing, f"docs/html.md does not list these keys: {sorted(missing)}"


def test_a_chain_thousands_deep_gets_only_the_overviews_a_screen_can_show():
    from orgmodel.render.html import MAX_OVERVIEW_HEIGHT
    from orgmodel.render.layout import ROW_PITCH

    people = "\n".join(f"  - {{id: p{i}, title: Engineer{f', reports_to: p{i - 1}' if i else ''}}}"
                       for i in range(2000))
    org = orgmodel.load_text(f"org: Chain\npeople:\n{people}\n", "chain.yaml")
    data = chart_data(org, layout_org(org), [], color_by="family", title=None, show_findings=True)
    assert 1 <= len(data["overviews"]) <= MAX_OVERVIEW_HEIGHT // ROW_PITCH + 1


def test_every_viewer_asset_ships_as_package_data():
    import fnmatch
    import tomllib

    from ..conftest import ROOT

    globs = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["package-data"]["orgmodel"]
    assets = [p.relative_to(ROOT / "orgmodel").as_posix()
              for p in (ROOT / "orgmodel" / "render" / "html").iterdir() if p.suffix in {".js", ".css", ".html"}]
    assert {"render/html/viewer.js", "render/html/viewer.css", "render/html/template.html"} <= set(assets)
    for asset in assets:
        assert any(fnmatch.fnmatch(asset, pattern) for pattern in globs), f"{asset} is not in package-data"


def test_no_findings_leaves_them_out_of_the_page(tmp_path):
    out = tmp_path / "org.html"
    assert run("render", EXAMPLES / "mistakes.yaml", "-o", out, "--no-findings").exit_code == 0
    data = embedded_data(out.read_text(encoding="utf-8"))
    assert data["findings"] == [] and data["showFindings"] is False
    with_findings = tmp_path / "with.html"
    assert run("render", EXAMPLES / "mistakes.yaml", "-o", with_findings).exit_code == 0
    assert embedded_data(with_findings.read_text(encoding="utf-8"))["findings"]
