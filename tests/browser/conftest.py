"""A real headless Chromium, driven by Playwright, for the HTML chart.

The browser is the system's (Debian's ``chromium``), never one Playwright
downloads. Without one the tests are skipped with the reason, except in CI
(``CI=true``), where a missing browser is a failure: these tests must never
silently not run.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

import orgmodel

LAUNCH_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
               "--disable-component-update", "--disable-sync", "--no-first-run"]
VIEWPORT = {"width": 1280, "height": 800}


def chromium_path() -> str | None:
    if "ORGMODEL_CHROMIUM" in os.environ:
        found = os.environ["ORGMODEL_CHROMIUM"]
    else:
        found = shutil.which("chromium") or shutil.which("chromium-browser")
    return found if found and Path(found).exists() else None


def _unavailable(reason: str):
    if os.environ.get("CI") == "true":
        pytest.fail(f"browser tests cannot run in CI: {reason}")
    pytest.skip(f"browser tests skipped: {reason} (install chromium, or set ORGMODEL_CHROMIUM)")


@pytest.fixture(scope="session")
def browser():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("the playwright package is not installed (pip install '.[test]')")
    executable = chromium_path()
    if executable is None:
        _unavailable("no Chromium found")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable, args=LAUNCH_ARGS)
        yield launched
        launched.close()


class ChartPage:
    """One chart opened from disk, with every request and dialog it causes recorded."""

    def __init__(self, browser, path: Path, fragment: str = ""):
        self.context = browser.new_context(viewport=VIEWPORT, accept_downloads=True, has_touch=True)
        self.page = self.context.new_page()
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        self.errors: list[str] = []
        self.page.on("request", lambda request: self.requests.append(request.url))
        self.page.on("dialog", lambda dialog: (self.dialogs.append(dialog.message), dialog.dismiss()))
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        # Anything but the file itself is refused, so a request can never leave the machine.
        self.page.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file:")
                        else route.abort())
        self.page.add_init_script(
            "window.__cspViolations = [];"
            "document.addEventListener('securitypolicyviolation', e => window.__cspViolations.push(e.violatedDirective));")
        self.url = path.resolve().as_uri() + fragment
        self.page.goto(self.url)
        self.page.wait_for_selector("html[data-ready]", state="attached")

    def chart(self, expression: str):
        return self.page.evaluate(f"window.orgmodelChart.{expression}")

    def network_requests(self) -> list[str]:
        return [url for url in self.requests if url != self.url.split("#")[0]]

    def close(self):
        self.context.close()


@pytest.fixture
def open_chart(browser, tmp_path):
    """``open_chart(org_file_or_org, fragment="")``: render it to HTML and open it in the browser."""
    opened = []

    def open_(source, fragment: str = "", **options) -> ChartPage:
        org = orgmodel.load(source) if not isinstance(source, orgmodel.Org) else source
        out = tmp_path / f"chart{len(opened)}.html"
        orgmodel.render(org, out, findings=orgmodel.check(org), **options)
        chart = ChartPage(browser, out, fragment)
        opened.append(chart)
        return chart

    yield open_
    for chart in opened:
        assert not chart.errors, f"script errors: {chart.errors}"
        chart.close()
