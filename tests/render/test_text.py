"""Text in charts: any script, drawn literally, measured right, never a control character or broken XML."""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import re
import warnings
import xml.etree.ElementTree as ET
from functools import cache
from xml.parsers import expat

import matplotlib
import pytest
from click.testing import CliRunner
from matplotlib.font_manager import fontManager
from matplotlib.ft2font import FT2Font
from pypdf import PdfReader

import orgmodel
from orgmodel.cli import main
from orgmodel.org import Org
from orgmodel.render import render, text

SVG = "{http://www.w3.org/2000/svg}"

#: One person per script: (id, name, a character of that script).
SCRIPTS = [
    ("latin", "Zoë Ñúñez-Łukasiewicz", "Ł"),
    ("greek", "Νίκος Παπαδόπουλος", "Ν"),
    ("cyrillic", "Анна Иванова", "А"),
    ("arabic", "ليلى حداد", "ل"),
    ("hebrew", "נועה כהן", "נ"),
    ("chinese", "王小明", "王"),
    ("japanese", "山田 はなこ", "は"),
    ("korean", "김민준", "김"),
    ("devanagari", "प्रिया शर्मा", "प"),
    ("emoji", "Sam 🚀 Lee", "🚀"),
]


@cache
def installed_font_has(char: str) -> bool:
    """Whether any installed font (other than matplotlib's box-for-everything one) has ``char``."""
    for entry in fontManager.ttflist:
        if entry.name.startswith("Last Resort"):
            continue
        try:
            face = FT2Font(entry.fname, face_index=entry.index)
        except (OSError, RuntimeError):
            continue
        if face.face_flags & face.face_flags.SCALABLE and face.get_char_index(ord(char)):
            return True
    return False


def require_cjk_font():
    if not installed_font_has("王"):
        if os.environ.get("CI") == "true":
            pytest.fail("no CJK font installed: .ci/run installs fonts-noto-cjk")
        pytest.skip("no CJK font installed (apt-get install fonts-noto-cjk)")


def multi_script_yaml(org_name="Mundo — Κόσμος — 世界"):
    people = [f'  - {{id: {pid}, name: "{name}", role: {"ceo" if i == 0 else "engineer"}'
              f'{", reports_to: latin" if i else ""}}}' for i, (pid, name, _) in enumerate(SCRIPTS)]
    return f'org: "{org_name}"\nas_of: 2026-11-01\npeople:\n' + "\n".join(people) + "\n"


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


@pytest.fixture
def no_fallback_fonts(monkeypatch):
    """Fonts as on a machine with DejaVu Sans only."""
    monkeypatch.setattr(text, "_FONTS", text.Fonts(candidates=[]))


@pytest.fixture
def no_warnings():
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # matplotlib's "Glyph ... missing from font(s)" among them
        yield


def svg_texts(path):
    root = ET.parse(path).getroot()
    return ["".join(t.itertext()) for t in root.iter(f"{SVG}text")]


# -- every script, every format


@pytest.mark.usefixtures("no_warnings")
def test_names_in_every_script_are_drawn_in_png_svg_and_pdf(tmp_path, write_org):
    require_cjk_font()
    org_file = write_org(multi_script_yaml())
    drawable = [name for _, name, char in SCRIPTS if installed_font_has(char)]
    undrawable = [(pid, name) for pid, name, char in SCRIPTS if not installed_font_has(char)]
    assert {"王小明", "김민준", "山田 はなこ", "Анна Иванова"} <= set(drawable)

    for suffix in ("png", "svg", "pdf"):
        out = tmp_path / f"chart.{suffix}"
        result = run("render", org_file, "-o", out)
        assert result.exit_code == 0, result.output
        assert out.stat().st_size > 1000
        if undrawable:  # one warning, naming exactly the people no installed font can draw
            warning_lines = [line for line in result.stderr.splitlines() if "warning" in line]
            assert len(warning_lines) == 1
            for pid, name in undrawable:
                assert f"{name} ({pid})" in warning_lines[0]
            for name in drawable:
                assert name not in warning_lines[0]
        else:
            assert "warning" not in result.stderr

    texts = svg_texts(tmp_path / "chart.svg")
    for name in drawable:
        assert name in texts
    assert "Mundo — Κόσμος — 世界" in texts
    # A browser is told which installed font drew the CJK names, after DejaVu Sans.
    styles = {"".join(t.itertext()): t.get("style") for t in ET.parse(tmp_path / "chart.svg").iter(f"{SVG}text")}
    assert re.search(r"font-family: 'DejaVu Sans', '[^']+'", styles["王小明"])
    assert "font-family: 'DejaVu Sans';" in styles["Анна Иванова"]

    pdf_text = PdfReader(tmp_path / "chart.pdf").pages[0].extract_text()
    for name in ("王小明", "김민준", "山田 はなこ", "Zoë Ñúñez-Łukasiewicz", "Νίκος Παπαδόπουλος"):
        assert name in pdf_text


def test_characters_no_font_has_are_replaced_and_one_warning_names_the_people(tmp_path, write_org,
                                                                             no_fallback_fonts, no_warnings):
    people = "\n".join(f'  - {{id: p{i}, name: "王{i}", role: engineer, reports_to: boss}}' for i in range(8))
    org_file = write_org(f'org: T\npeople:\n  - {{id: boss, name: "Ana 김민준", role: ceo}}\n{people}\n')
    out = tmp_path / "chart.svg"
    result = run("render", org_file, "-o", out)

    assert result.exit_code == 0
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("orgmodel: warning: no installed font can draw some characters")
    assert "Ana 김민준 (boss): U+AE40 U+BBFC U+C900" in lines[0]
    assert "王0 (p0): U+738B" in lines[0] and "and 4 more" in lines[0]  # five named, the rest counted
    assert "apt-get install fonts-noto-core fonts-noto-cjk" in lines[0]
    texts = svg_texts(out)
    assert "Ana \ufffd\ufffd\ufffd" in texts and "\ufffd0" in texts
    assert "font-family: 'DejaVu Sans';" in out.read_text() and "CJK" not in out.read_text()


def test_a_chart_without_such_characters_reads_no_font_files(monkeypatch, write_org, tmp_path):
    fonts = text.Fonts()
    monkeypatch.setattr(text, "_FONTS", fonts)
    monkeypatch.setattr(text, "installed_fonts", lambda: pytest.fail("scanned the installed fonts"))
    render(orgmodel.load(write_org("org: Ça va — Ελλάδα\npeople: [{id: a, name: Łucja Ødegård, role: ceo}]\n")),
           tmp_path / "c.png")


# -- measuring


@pytest.mark.parametrize("size", [7.5, 9.5])
@pytest.mark.parametrize("dpi", [30, 72, 110, 150, 300])
@pytest.mark.parametrize("sample, bold", [
    ("Sofia Marchetti", True), ("Senior Product Manager", False), ("Wide WWW and narrow iii", True),
    ("Inês Costa, Tomás Ruiz", False), ("Νίκος Παπαδόπουλος", True), ("Анна Иванова-Щербакова", False),
    ("ليلى حداد العبدالله", True), ("נועה כהן-לוי", False), ("王小明 山田花子", True), ("김민준 박서연", False),
    ("Mixed 王小明 and Zoë", True), ("प्रिया शर्मा", False), ("Sam 🚀 Lee", True),
])
def test_text_that_fits_by_measurement_fits_when_rendered(sample, bold, dpi, size):
    from matplotlib.backends.backend_agg import RendererAgg

    if re.search("[王김]", sample):
        require_cjk_font()
    sample = text.drawable(sample)
    renderer = RendererAgg(100, 100, dpi)
    prop = text.font(sample, size, bold)
    with warnings.catch_warnings(), matplotlib.rc_context(text.TEXT_RC):
        warnings.simplefilter("error")
        drawn = renderer.get_text_width_height_descent(sample, prop, ismath=False)[0] * 72 / dpi
    measured = text.text_width(sample, size, bold)
    assert drawn <= measured * text.HINTING_MARGIN, "rendered text must never be wider than the room fit() allows"
    assert measured >= drawn * 0.95, "and the measurement is not wildly pessimistic"


def test_cjk_is_measured_with_the_font_that_draws_it():
    require_cjk_font()
    # A CJK ideograph is one em wide; DejaVu's missing-glyph box is about 0.6 em.
    assert text.text_width("王小明", 10) == pytest.approx(30, rel=0.02)
    assert text.families("王 Zoë") == ("DejaVu Sans", text.fonts().family("王"))
    assert text.families("Zoë") == ("DejaVu Sans",)


def test_fit_shortens_to_the_room_and_keeps_accents_with_their_letters():
    assert text.fit("Ana", 100, 10) == "Ana"
    short = text.fit("Jose\u0301 Mari\u0301a Ferna\u0301ndez de la Cruz", 60, 10)
    assert short.endswith("…") and text.fits(short, 60, 10)
    assert not text.fit("Jose\u0301" * 20, 40, 10)[:-1].endswith("e")  # the accent is not cut from its e


# -- literal, clean, short


def test_dollar_signs_are_drawn_literally_everywhere(tmp_path, write_org):
    org_file = write_org('org: "Cost $\\\\foo$"\nteams: {t: {name: "$x^2$ team"}}\npeople:\n'
                         '  - {id: a, name: "$\\\\alpha$ Ann", title: "VP $\\\\frac{1}{2}$", role: ceo, team: t}\n')
    out = tmp_path / "c.svg"
    result = run("render", org_file, "-o", out, "--color-by", "team")
    assert result.exit_code == 0, result.output
    texts = svg_texts(out)
    assert {"Cost $\\foo$", "$\\alpha$ Ann", "VP $\\frac{1}{2}$", "$x^2$ team"} <= set(texts)
    result = run("render", org_file, "-o", tmp_path / "c.png", "--title", "$\\bad{$ deck")
    assert result.exit_code == 0, result.output


def test_plain_removes_controls_escapes_and_bidi_overrides():
    assert text.plain("Ann\tB\nC\r\nD") == "Ann B C D"
    assert text.plain("\x1b[31mRed\x1b[0m \x1b]8;;http://x\x07link\x1b]8;;\x07 \x9b1mX") == "Red link X"
    cleaned = text.plain("A\x00B\x07C\x7fD\x85E\u202eF\u2066G\ufeffH\ud800I")
    assert cleaned == "ABCD EFGH\ufffdI"
    assert text.plain("   ") == ""
    assert text.plain("A\t\x00 \x1b[0m\u200e B") == "A B"  # what is removed leaves no double space


def test_very_long_text_is_cut_before_it_is_measured():
    huge = "Ω" * 200_000
    assert len(text.plain(huge)) == text.MAX_CHARS and text.plain(huge).endswith("…")
    assert len(text.plain("\x1b[1m" * 100_000 + "Ann")) <= text.MAX_CHARS


def test_hostile_names_give_a_well_formed_svg_with_no_control_characters(tmp_path):
    base = orgmodel.load_text("org: T\npeople:\n  - {id: a, role: ceo}\n  - {id: b, role: engineer, reports_to: a}\n"
                              "  - {id: c, role: engineer, reports_to: a}\n", "t.yaml")
    odd_ids = {"a": "ann's \"boss\" <&>", "b": "b\x07\x00id", "c": "person-c"}
    hostile = "Ann\x00\x1b[31m\tRed\n\u202eevil\x0c\ufffe\ud800 & <b>"
    people = [dataclasses.replace(p, id=odd_ids[p.id], name=hostile + p.id, title="VP\x1b[0m\x07 $x$",
                                  reports_to=odd_ids.get(p.reports_to)) for p in base.people.values()]
    org = Org("Org\x00\x08 & <T>", people, as_of=dt.date(2026, 1, 1))
    out = tmp_path / "c.svg"
    render(org, out, findings=orgmodel.check(org))

    data = out.read_bytes()
    parser = expat.ParserCreate()
    parser.Parse(data, True)  # strict XML 1.0: raises on any forbidden character
    assert not re.search(rb"[\x00-\x08\x0b\x0c\x0e-\x1f\x1b]", data)
    assert "\u202e".encode() not in data
    root = ET.fromstring(data)
    groups = {g.get("id"): g for g in root.iter(f"{SVG}g") if (g.get("id") or "").startswith("person-")}
    assert set(groups) == {"person-ann's \"boss\" <&>", "person-b\ufffd\ufffdid", "person-person-c"}
    for group in groups.values():
        tooltip = group.find(f"{SVG}title").text
        assert tooltip.startswith("Ann Red evil \ufffd\ufffd & <b>") and "\nVP $x$" in tooltip
    assert "Org & <T>" in svg_texts(out)


def test_a_fallback_font_without_a_bold_face_is_used_without_a_log_line(caplog):
    from matplotlib.font_manager import FontProperties, findfont

    one_weight = next(e.name for e in fontManager.ttflist
                      if not any(o.name == e.name and o.weight != e.weight for o in fontManager.ttflist))
    findfont(FontProperties(family=one_weight, weight="bold", size=11.17), rebuild_if_missing=False)
    assert "Failed to find font weight" in caplog.text  # what the filter is there for
    caplog.clear()
    with text.quiet_font_substitution():
        findfont(FontProperties(family=one_weight, weight="bold", size=12.29), rebuild_if_missing=False)
    assert "Failed to find font weight" not in caplog.text


def test_the_documented_warning_is_the_one_printed(write_org, tmp_path, no_fallback_fonts):
    from ..conftest import ROOT

    documented = re.search(r"^orgmodel: warning: no installed font.*$", (ROOT / "docs" / "cli.md").read_text(),
                           re.MULTILINE).group(0)
    org_file = write_org('org: T\npeople:\n  - {id: hi, name: "प्रिया शर्मा", role: ceo}\n'
                         '  - {id: em, name: "Sam 🚀 Lee", role: engineer, reports_to: hi}\n')
    result = run("render", org_file, "-o", tmp_path / "c.png")
    assert result.stderr.splitlines() == [documented]


def test_the_stats_dashboard_draws_the_org_name_literally_and_stays_well_formed(tmp_path, write_org):
    org_file = write_org('org: "Cost $\\\\foo$\\t\\e[31m\\x00 & <co>"\npeople:\n  - {id: a, role: ceo}\n'
                         '  - {id: b, role: engineer, reports_to: a}\n')
    for suffix in ("svg", "png"):
        result = run("stats", org_file, "--plot", tmp_path / f"d.{suffix}")
        assert result.exit_code == 0, result.output
    data = (tmp_path / "d.svg").read_bytes()
    expat.ParserCreate().Parse(data, True)
    assert any(t.startswith("Cost $\\foo$ & <co>: 2 people") for t in svg_texts(tmp_path / "d.svg"))


def test_a_font_installed_after_matplotlib_listed_the_fonts_is_found(monkeypatch):
    require_cjk_font()
    # As if fonts-noto-cjk had been installed after matplotlib built its font cache.
    stale = [entry for entry in fontManager.ttflist if "CJK" not in entry.name]
    monkeypatch.setattr(fontManager, "ttflist", stale)
    fonts = text.Fonts()
    assert "CJK" in fonts.family("王")
    assert fonts.family("\U0010fffd") is None  # a private-use character no font has


def test_ids_with_quotes_and_markup_get_their_svg_group_and_tooltip(tmp_path):
    org = orgmodel.load_text('org: T\npeople:\n  - {id: "o\'brien", name: Ann, role: ceo}\n'
                             '  - {id: \'say "hi"\', name: Bo, role: engineer, reports_to: "o\'brien"}\n'
                             '  - {id: "a&b <c> \u00e9", name: Cy, role: engineer, reports_to: "o\'brien"}\n', "t.yaml")
    out = tmp_path / "c.svg"
    render(org, out, findings=orgmodel.check(org))
    root = ET.parse(out).getroot()
    tooltips = {g.get("id"): g.find(f"{SVG}title").text for g in root.iter(f"{SVG}g")
                if (g.get("id") or "").startswith("person-")}
    assert tooltips["person-o'brien"].startswith("Ann (o'brien)\n")
    assert tooltips['person-say "hi"'].startswith('Bo (say "hi")\n')
    assert tooltips["person-a&b <c> \u00e9"].startswith("Cy (a&b <c> \u00e9)\n")
