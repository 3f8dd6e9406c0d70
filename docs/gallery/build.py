"""Render the chart of every example in examples/ into docs/gallery/.

    python docs/gallery/build.py

Writes <example>.png (findings overlay on) and <example>.html (the
interactive chart) for each example, and manifest.json with what each chart
was drawn from: SHA-256 hashes of the example, of its layout and of the
drawing code (orgmodel/render, the viewer's script and style included). An
example too large for one legible image (see PAGED) is drawn in the PNG as
its top levels, and also as a paged PDF (<example>.pdf) with its first pages
as PNG previews (<example>-page-N.png). tests/render/test_gallery.py fails
when a chart is missing or its example or layout has changed since; run this
script again and commit the result.
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(ROOT))

import orgmodel  # noqa: E402
from orgmodel.render import layout_org, render  # noqa: E402

#: Examples shown as an overview image of their top levels plus a paged PDF: (overview depth, paper).
PAGED = {"halcyon": (3, "a3")}
PREVIEWS = 3  # first pages of a paged PDF shown as images


def fingerprint(example: Path) -> dict:
    """What a chart depends on: its example, its layout, and the drawing code."""
    org = orgmodel.load(example)
    layout = json.dumps(layout_org(org, aspect=1.414).layout.to_dict(), sort_keys=True)
    drawing = hashlib.sha256()
    render_code = ROOT / "orgmodel" / "render"
    for source in sorted(p for p in render_code.rglob("*") if p.suffix in {".py", ".js", ".css", ".html"}):
        drawing.update(source.read_bytes().replace(b"\r\n", b"\n"))
    return {
        "example": hashlib.sha256(example.read_bytes()).hexdigest(),
        "layout": hashlib.sha256(layout.encode()).hexdigest(),
        "drawing": drawing.hexdigest(),
    }


def previews(org, findings, paper: str, stem: str) -> list[str]:
    """The first pages of the paged chart as PNG files, drawn the way the PDF draws them."""
    import matplotlib

    from orgmodel.render.chart import Style, draw
    from orgmodel.render.pages import paper_size, plan_pages

    roots = [pid for pid in org.order if org.manager[pid] is None]
    pages = plan_pages(org, roots, paper_size(paper, "landscape"), findings=findings)
    names = []
    with matplotlib.rc_context({"path.simplify": False}):
        for view, page in pages[:PREVIEWS]:
            name = f"{stem}-page-{page.number}.png"
            draw(org, view, findings, Style(), page).savefig(HERE / name, dpi=72, metadata={"Software": None})
            names.append(name)
    return names


def main() -> None:
    manifest = {}
    for example in sorted((ROOT / "examples").glob("*.yaml")):
        org = orgmodel.load(example)
        findings = orgmodel.check(org)
        depth, paper = PAGED.get(example.stem, (None, None))
        for out in (HERE / f"{example.stem}.png", HERE / f"{example.stem}.html"):
            render(org, out, findings=findings, dpi=110, depth=depth if out.suffix == ".png" else None)
            manifest[out.name] = {"source": f"examples/{example.name}", **fingerprint(example)}
            print(f"wrote {out.relative_to(ROOT)}")
        if paper:
            pdf = HERE / f"{example.stem}.pdf"
            result = render(org, pdf, findings=findings, pages=True, paper=paper)
            print(f"wrote {pdf.relative_to(ROOT)} ({result.pages} pages)")
            for name in previews(org, findings, paper, example.stem):
                print(f"wrote docs/gallery/{name}")
    (HERE / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
