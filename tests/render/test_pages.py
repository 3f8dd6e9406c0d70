"""Paged PDF charts: every person once, links that go where they say, paper sizes, text of 6 pt or more."""

import re
import sys
from collections import Counter

import pytest
from click.testing import CliRunner
from pypdf import PdfReader

import orgmodel
from orgmodel.cli import main
from orgmodel.render import render
from orgmodel.render.pages import PAPERS

from ..conftest import EXAMPLES

sys.path.insert(0, str(EXAMPLES.parent / "benchmarks"))
from realistic import realistic


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


def read_pages(path):
    """Per page: its lines of text as (text, smallest size in points at print) and the pages its links go to."""
    reader = PdfReader(path)
    number = {page.indirect_reference.idnum: i + 1 for i, page in enumerate(reader.pages)}
    pages = []
    for page in reader.pages:
        sizes = []

        def visit(text, cm, tm, font, size, sizes=sizes):
            if text.strip():
                sizes.append(size * abs(tm[0]) * abs(cm[0]))

        # A finding's count badge sits on the name's line: drop it to read the name.
        lines = [re.sub(r"^\d+ ", "", line.strip())
                 for line in page.extract_text(visitor_text=visit).splitlines() if line.strip()]
        runs = [(line, min(sizes)) for line in lines]
        links = []
        for annot in page.get("/Annots", []) or []:
            annot = annot.get_object()
            action = annot["/A"]
            assert action["/S"] == "/GoTo", "page links are jumps inside the file, not web addresses"
            links.append(number[action["/D"][0].idnum])
        pages.append((page, runs, links))
    return pages


@pytest.fixture(scope="module")
def paged(tmp_path_factory):
    org = orgmodel.load_text(realistic(400), "org.yaml")
    out = tmp_path_factory.mktemp("paged") / "org.pdf"
    result = render(org, out, findings=orgmodel.check(org), pages=True, paper="a4")
    return org, out, result, read_pages(out)


def test_every_person_is_a_box_on_exactly_one_page(paged):
    org, _, result, pages = paged
    assert result.pages == len(pages) > 1
    names = Counter(p.name for p in org if not p.is_open)
    drawn = Counter(text for _, runs, _ in pages for text, _ in runs if text in names)
    assert drawn == names
    opened = sum(text.startswith("Open: ") for _, runs, _ in pages for text, _ in runs)
    assert opened == sum(1 for p in org if p.is_open)


def test_continued_boxes_and_breadcrumbs_link_to_the_pages_they_name(paged):
    _, _, _, pages = paged
    targets, crumbs = set(), []
    for number, (_, runs, links) in enumerate(pages, start=1):
        named = [int(n) for text, _ in runs for n in re.findall(r"(?:continued on page|\(page) (\d+)", text)]
        assert sorted(named) == sorted(links), f"page {number}: every page it names is a link there"
        continued = [int(m) for text, _ in runs for m in re.findall(r"continued on page (\d+)", text)]
        targets.update(continued)
        crumbs.append(next((t for t, _ in runs if t.startswith("Up:")), None))
        assert all(target > number for target in continued), "a team continues further on"
        if number > 1:
            assert any(text.startswith("Up:") for text, _ in runs), f"page {number} has a breadcrumb"
            assert all(target < number for target in set(links) - set(continued)), "breadcrumbs lead back"
    for number in range(2, len(pages) + 1):
        split_part = crumbs[number - 1] == crumbs[number - 2]
        assert number in targets or split_part, f"page {number} is reached by a link, or continues the page before"


def test_a_continuation_page_holds_the_reports_of_the_box_that_links_to_it(paged):
    org, _, _, pages = paged
    by_name = {p.name: p for p in org if not p.is_open}
    first_page_names = {text for text, _ in pages[0][1] if text in by_name}
    top = next(p for p in org if org.manager[p.id] is None)
    assert top.name in first_page_names
    # The breadcrumb of every later page ends with a manager whose report is on that page.
    for _, runs, _ in pages[1:]:
        crumbs = re.findall(r"([^›:]+?) \(page \d+\)", next(t for t, _ in runs if t.startswith("Up:")))
        here = {t for t, _ in runs if t in by_name}
        reports = {r.name for r in org.reports_of(by_name[crumbs[-1].strip()].id)}
        assert here & reports


def test_no_text_is_smaller_than_6_points(paged):
    *_, pages = paged
    sizes = [size for _, runs, _ in pages for _, size in runs]
    assert min(sizes) >= 6 - 1e-6


@pytest.mark.parametrize("paper, orientation", [("a3", "portrait"), ("letter", "landscape"), ("tabloid", "portrait")])
def test_pages_have_the_asked_paper_size(tmp_path, paper, orientation):
    org = orgmodel.load(EXAMPLES / "enterprise.yaml")
    out = tmp_path / "org.pdf"
    render(org, out, pages=True, paper=paper, orientation=orientation)
    width, height = PAPERS[paper]
    if orientation == "landscape":
        width, height = height, width
    reader = PdfReader(out)
    assert len(reader.pages) > 1
    for page in reader.pages:
        box = page.mediabox
        assert (float(box.width), float(box.height)) == pytest.approx((width, height), abs=0.01)


def test_a_pdf_too_large_to_print_legibly_is_paged_with_a_note(tmp_path, write_org):
    big = write_org(realistic(700))
    out = tmp_path / "org.pdf"
    result = run("render", big, "-o", out, "--no-findings")
    assert result.exit_code == 0, result.output
    assert "split over a4 pages" in result.stderr and "--no-pages" in result.stderr
    assert re.search(r"\(700 people, \d+ pages\)", result.stdout)
    assert len(PdfReader(out).pages) > 1
    single = run("render", big, "-o", out, "--no-findings", "--no-pages")
    assert single.exit_code == 0 and len(PdfReader(out).pages) == 1


def test_a_small_org_stays_on_one_page_unless_asked(tmp_path):
    out = tmp_path / "org.pdf"
    assert run("render", EXAMPLES / "enterprise.yaml", "-o", out).exit_code == 0
    assert len(PdfReader(out).pages) == 1
    assert run("render", EXAMPLES / "enterprise.yaml", "-o", out, "--pages").exit_code == 0
    assert len(PdfReader(out).pages) > 1


def test_paged_pdfs_are_byte_identical_across_runs(tmp_path):
    org = orgmodel.load(EXAMPLES / "enterprise.yaml")
    first, second = tmp_path / "a.pdf", tmp_path / "b.pdf"
    render(org, first, pages=True)
    render(org, second, pages=True)
    assert first.read_bytes() == second.read_bytes()
