"""Benchmark the interactive HTML chart in a real headless browser (the system's Chromium).

    python benchmarks/bench_html.py
    python benchmarks/bench_html.py --sizes 10000 --chromium /usr/bin/chromium

For each synthetic org (generate.py, wide shape, findings on): the time to
write the HTML file, its size, and in the browser, with timings taken by the
page itself (performance.now, the same clock as navigation start):

- *drawn*: from navigation start until the chart is parsed, laid out in the
  page's data structures and drawn on screen for the first time (median of
  --repeat page loads);
- *search*: typing a query into the search box until its result list is in
  the page (median and worst of 10 queries);
- *frame*: drawing one frame (p50, p95, worst over 60 frames of panning and
  zooming) in three views: the opening view, everyone expanded and fitted
  to the screen (the simplest level of detail), and everyone expanded at a
  readable zoom.
"""

from __future__ import annotations

import argparse
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from generate import generate  # noqa: E402

import orgmodel  # noqa: E402

LAUNCH_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
               "--disable-component-update", "--disable-sync", "--no-first-run"]
QUERIES = ["ada", "kaur", "product manager", "engineer", "p1234", "zeke xu", "sales", "vivi", "nakamura", "q"]

SEARCH_JS = """(queries) => queries.map(q => {
  const box = document.getElementById('search');
  const started = performance.now();
  box.value = q;
  box.dispatchEvent(new Event('input'));
  document.getElementById('results').getBoundingClientRect();  // force style and layout of the list
  return performance.now() - started;
})"""

FRAMES_JS = """(frames) => {
  const chart = window.orgmodelChart;
  const times = [];
  for (let n = 0; n < frames; n++) {
    if (n % 3 === 2) chart.zoomAt(n % 2 ? 1.1 : 1 / 1.1, 640, 400); else chart.panBy(n % 2 ? 37 : -29, n % 2 ? 11 : -7);
    times.push(chart.frame());
  }
  return times;
}"""


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def frames(page, count: int = 60) -> str:
    times = page.evaluate(FRAMES_JS, count)
    return f"{percentile(times, 0.5):.1f} / {percentile(times, 0.95):.1f} / {max(times):.1f}"


def open_page(browser, path: Path):
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    page.goto(path.as_uri())
    page.wait_for_selector("html[data-ready]", state="attached", timeout=120_000)
    return page, page.evaluate("performance.getEntriesByName('orgmodel-chart-drawn')[0].startTime")


def measure(browser, path: Path, middle: str, repeat: int) -> dict:
    times = []
    for _ in range(repeat - 1):
        page, drawn = open_page(browser, path)
        times.append(drawn)
        page.close()
    page, drawn = open_page(browser, path)
    drawn = statistics.median([*times, drawn])
    searches = page.evaluate(SEARCH_JS, QUERIES)
    page.keyboard.press("Escape")
    result = {"drawn": drawn, "search": (statistics.median(searches), max(searches)),
              "visible": page.evaluate("window.orgmodelChart.visibleCount()"), "opening": frames(page)}
    page.evaluate("document.getElementById('expand-all').click()")
    result["all fitted"] = frames(page)
    # Everyone expanded, centred on someone in the middle of the org at a readable zoom.
    page.evaluate(f"location.hash = '#person={middle}'")
    page.wait_for_function(f"window.orgmodelChart.selected() === '{middle}'")
    page.evaluate("window.orgmodelChart.zoomAt(0.6 / window.orgmodelChart.view().k, 450, 400)")
    result["all readable"] = frames(page)
    page.close()
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10_000, 100_000])
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    parser.add_argument("--repeat", type=int, default=3, help="page loads per size; drawn is their median")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright, tempfile.TemporaryDirectory() as tmp:
        browser = playwright.chromium.launch(executable_path=args.chromium, args=LAUNCH_ARGS)
        print(f"Python {platform.python_version()} on {platform.machine()}, Chromium {browser.version}, "
              "viewport 1280 x 800, software rendering")
        print()
        print("| people | write (s) | file (MB) | drawn (ms) | shown at opening | search median / worst (ms) "
              "| frame, opening view (ms) | frame, all fitted (ms) | frame, all at 0.6x (ms) |")
        print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
        for size in args.sizes:
            org = orgmodel.load_text(generate(size), f"{size}.yaml")
            findings = orgmodel.check(org)
            path = Path(tmp) / f"org-{size}.html"
            started = time.perf_counter()
            orgmodel.render(org, path, findings=findings)
            written = time.perf_counter() - started
            r = measure(browser, path, org.order[len(org) // 2], args.repeat)
            print(f"| {size:,} | {written:.2f} | {path.stat().st_size / 1e6:.2f} | {r['drawn']:.0f} | {r['visible']:,} "
                  f"| {r['search'][0]:.1f} / {r['search'][1]:.1f} | {r['opening']} | {r['all fitted']} "
                  f"| {r['all readable']} |", flush=True)
        browser.close()


if __name__ == "__main__":
    main()
