"""The dashboard in a real browser: Streamlit served on 127.0.0.1, driven by Playwright
with Debian's Chromium. Opens Compare, waits for the charts to draw, filters, sees the
table change, downloads the CSV and saves a screenshot of each page under
``screenshots/``.

Needs ``/usr/bin/chromium`` (``apt-get install chromium``; ``.ci/run`` installs it);
skipped without it. Run it alone with ``pytest -m browser``.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = Path("/usr/bin/chromium")
SHOTS = ROOT / "screenshots"
STARTUP_S = 45.0
WIDTH = 1280
CHART = '[data-testid="stVegaLiteChart"] canvas, [data-testid="stVegaLiteChart"] svg'
STATUS = '[data-testid="stStatusWidget"]'
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not CHROMIUM.exists(),
        reason="needs Debian's Chromium at /usr/bin/chromium (apt-get install chromium)",
    ),
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as r:
            return r.status == 200
    except OSError:
        return False


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The dashboard on a free port of 127.0.0.1, on the bundled corpus and a copy of
    figures.yaml (so nothing the test does touches the real one)."""
    work = tmp_path_factory.mktemp("dashboard")
    figures = work / "figures.yaml"
    figures.write_bytes((ROOT / "figures.yaml").read_bytes())
    port = _free_port()
    log = (work / "server.log").open("wb")
    cmd = [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        str(ROOT / "dashboard" / "app.py"),
        "--server.port",
        str(port),
        "--server.address",
        "127.0.0.1",
        "--server.headless",
        "true",
        "--browser.gatherUsageStats",
        "false",
        "--",
        "--corpus",
        str(ROOT / "corpus" / "yarmouk"),
        "--figures",
        str(figures),
    ]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, env=env)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + STARTUP_S
        while not _healthy(url):
            if proc.poll() is not None or time.monotonic() > deadline:
                log.flush()
                output = (work / "server.log").read_text(errors="replace")[-3000:]
                pytest.fail(f"the dashboard did not start within {STARTUP_S:.0f} s:\n{output}")
            time.sleep(0.25)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)
        log.close()


def _settle(page: object, *, chart: bool = False) -> None:
    """Wait until Streamlit has finished running the script (and drawn a chart)."""
    if chart:
        page.wait_for_selector(CHART, state="visible", timeout=30_000)  # type: ignore[attr-defined]
    page.wait_for_timeout(300)  # type: ignore[attr-defined]
    page.wait_for_selector(STATUS, state="detached", timeout=30_000)  # type: ignore[attr-defined]
    page.wait_for_timeout(300)  # type: ignore[attr-defined]


def _rows_in_table(page: object) -> int:
    grid = page.locator('[data-testid="stDataFrame"] [role="grid"]').first  # type: ignore[attr-defined]
    grid.wait_for(state="attached", timeout=20_000)
    return int(grid.get_attribute("aria-rowcount")) - 1  # the header row counts too


def test_the_dashboard_in_a_browser(server: str, tmp_path: Path) -> None:
    from playwright.sync_api import sync_playwright

    SHOTS.mkdir(exist_ok=True)
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            context = browser.new_context(
                viewport={"width": WIDTH, "height": 1400}, accept_downloads=True
            )
            page = context.new_page()
            page.set_default_timeout(30_000)

            # Compare, the landing page: the charts draw.
            page.goto(server)
            _settle(page, chart=True)
            assert page.locator('[data-testid="stVegaLiteChart"]').count() >= 2
            body = page.locator('[data-testid="stMain"]').inner_text()
            assert "200,000" in body and "160,000" in body
            page.screenshot(path=str(SHOTS / "compare.png"))
            with page.expect_download(timeout=30_000) as png:
                page.locator('[data-testid="stMain"] [data-testid="stDownloadButton"]').filter(
                    has_text="PNG"
                ).first.click()
            image = tmp_path / "chart.png"
            png.value.save_as(str(image))
            assert image.read_bytes()[:4] == b"\x89PNG"

            # Timeline.
            page.goto(f"{server}/timeline")
            _settle(page, chart=True)
            page.screenshot(path=str(SHOTS / "timeline.png"))

            # Figures: a category filter changes the table.
            page.goto(f"{server}/figures")
            _settle(page)
            before = _rows_in_table(page)
            assert before > 5
            select = page.locator('[data-testid="stMultiSelect"]').first
            select.click()
            page.keyboard.type("killed")
            page.keyboard.press("Enter")
            page.keyboard.press("Escape")
            _settle(page)
            page.wait_for_function(
                """(n) => {
                    const g = document.querySelector('[data-testid="stDataFrame"] [role="grid"]');
                    return g && Number(g.getAttribute('aria-rowcount')) - 1 !== n;
                }""",
                arg=before,
                timeout=20_000,
            )
            after = _rows_in_table(page)
            assert 0 < after < before
            assert "category=killed" in page.url
            page.screenshot(path=str(SHOTS / "figures.png"))

            # The filtered view downloads as CSV, exactly its rows.
            with page.expect_download(timeout=30_000) as info:
                page.locator('[data-testid="stSidebar"] [data-testid="stDownloadButton"]').filter(
                    has_text="CSV"
                ).first.click()
            target = tmp_path / "figures.csv"
            info.value.save_as(str(target))
            csv = pd.read_csv(target)
            assert len(csv) == after
            assert set(csv["category"]) == {"killed"}

            # Add articles.
            page.goto(f"{server}/add_articles")
            _settle(page)
            page.get_by_text("Choose an article file above").wait_for(state="visible")
            page.locator('[data-testid="stFileUploaderDropzone"]').wait_for(state="visible")
            page.locator('[data-testid="stDateInput"] input').wait_for(state="visible")
            page.screenshot(path=str(SHOTS / "add_articles.png"))
        finally:
            browser.close()
