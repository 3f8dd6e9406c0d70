"""Render the chart of every example in examples/ into docs/gallery/.

    python docs/gallery/build.py

Writes <example>.png (findings overlay on) and <example>.html (the
interactive chart) for each example, and manifest.json with what each chart
was drawn from: SHA-256 hashes of the example, of its layout and of the
drawing code (orgmodel/render, the viewer's script and style included).
tests/render/test_gallery.py fails when a chart is missing or its example or
layout has changed since; run this script again and commit the result.
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


def fingerprint(example: Path) -> dict:
    """What a chart depends on: its example, its layout, and the drawing code."""
    org = orgmodel.load(example)
    layout = json.dumps(layout_org(org).layout.to_dict(), sort_keys=True)
    drawing = hashlib.sha256()
    render_code = ROOT / "orgmodel" / "render"
    for source in sorted(p for p in render_code.rglob("*") if p.suffix in {".py", ".js", ".css", ".html"}):
        drawing.update(source.read_bytes().replace(b"\r\n", b"\n"))
    return {
        "example": hashlib.sha256(example.read_bytes()).hexdigest(),
        "layout": hashlib.sha256(layout.encode()).hexdigest(),
        "drawing": drawing.hexdigest(),
    }


def main() -> None:
    manifest = {}
    for example in sorted((ROOT / "examples").glob("*.yaml")):
        org = orgmodel.load(example)
        findings = orgmodel.check(org)
        for out in (HERE / f"{example.stem}.png", HERE / f"{example.stem}.html"):
            render(org, out, findings=findings, dpi=110)
            manifest[out.name] = {"source": f"examples/{example.name}", **fingerprint(example)}
            print(f"wrote {out.relative_to(ROOT)}")
    (HERE / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
