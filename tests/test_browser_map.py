"""Real-browser test of the map page with the network cut: polygons, tooltip, attribution, click, no CDN."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from ks_data.texts import maps as tm
from tests.conftest import PROJECT_DIR

pytestmark = pytest.mark.browser

CHROMIUM = "/usr/bin/chromium"
LOCAL_PREFIXES = ("http://127.0.0.1", "http://localhost", "data:", "blob:", "about:")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def app_url(geo_cache: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The app served by `streamlit run` on a free port, using the boundary cache built from ../shared/geo."""
    if not Path(CHROMIUM).exists():
        pytest.skip(f"{CHROMIUM} not installed")
    pytest.importorskip("playwright")
    work = tmp_path_factory.mktemp("browser")
    port = _free_port()
    env = {**os.environ, "KS_GEO_CACHE_DIR": str(geo_cache), "KS_CACHE_DIR": str(work / "cache"),
           "KS_USER_DATA_DIR": str(work / "user"), "KS_DB_PATH": str(work / "user" / "db.sqlite")}
    log = open(work / "server.log", "w")  # noqa: SIM115 - closed below
    server = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless=true", f"--server.port={port}",
         "--server.address=127.0.0.1"], cwd=PROJECT_DIR, env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if urllib.request.urlopen(f"{url}/_stcore/health", timeout=2).read() == b"ok":
                    break
            except OSError:
                time.sleep(0.3)
        else:
            pytest.fail("streamlit did not become healthy: " + (work / "server.log").read_text())
        yield url
    finally:
        server.terminate()
        server.wait(timeout=20)
        log.close()


@pytest.fixture
def offline_page(app_url: str) -> Iterator[tuple[object, list[str], str]]:
    """A Chromium page whose every non-local request is aborted and recorded (page, external, app url)."""
    from playwright.sync_api import sync_playwright

    external: list[str] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM,
                                             args=["--no-sandbox", "--disable-background-networking"])
        page = browser.new_page(viewport={"width": 1400, "height": 1800})

        def route(request_route) -> None:
            url = request_route.request.url
            if url.startswith(LOCAL_PREFIXES):
                request_route.continue_()
            else:
                external.append(url)
                request_route.abort()

        page.route("**/*", route)
        yield page, external, app_url
        browser.close()


def _dismiss_dialog(page) -> None:
    """Close Streamlit's spurious 'Page not found' dialog (first component load after a server start)."""
    if page.get_by_role("dialog").count():
        page.keyboard.press("Escape")
        page.get_by_role("dialog").first.wait_for(state="detached", timeout=5000)


def _map_frame(page, *, minimum: int, timeout: float = 45.0):
    """The st_folium iframe that holds at least ``minimum`` Leaflet polygons (waits for it)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for frame in page.frames:
            if "streamlit_folium" in frame.url:
                try:
                    if frame.locator("path.leaflet-interactive").count() >= minimum:
                        _dismiss_dialog(page)
                        return frame
                except Exception:  # noqa: BLE001 - frame may be detached while Streamlit reruns
                    continue
        page.wait_for_timeout(250)
    pytest.fail(f"no map with >= {minimum} polygons appeared")


def _hover_centre(page, frame) -> str:
    """Move the mouse over the middle of the map and return the tooltip text."""
    for dx, dy in ((0.5, 0.5), (0.55, 0.45), (0.45, 0.55), (0.6, 0.6)):
        box = frame.locator(".leaflet-container").bounding_box()  # re-read: the page may still shift
        page.mouse.move(box["x"] + box["width"] * dx, box["y"] + box["height"] * dy, steps=4)
        tooltip = frame.locator(".leaflet-tooltip")
        try:
            tooltip.first.wait_for(state="visible", timeout=3000)
            return tooltip.first.inner_text()
        except Exception:  # noqa: BLE001 - try a nearby point (water, border)
            continue
    pytest.fail("no tooltip appeared on hover")


def test_national_map_offline(offline_page) -> None:
    """All 342 gemeenten are drawn, a hover shows name/code/value, attribution reads 'Bron: CBS'."""
    page, external, url = offline_page
    page.goto(f"{url}/kaart")
    frame = _map_frame(page, minimum=342)
    assert frame.locator("path.leaflet-interactive").count() == 342
    text = _hover_centre(page, frame)
    assert "(GM" in text and ("Waarde" in text or tm.TT_NO_DATA in text) and tm.TT_PERIOD in text
    attribution = frame.locator(".leaflet-control-attribution")
    assert attribution.is_visible() and tm.ATTRIBUTION_GEMEENTEN in attribution.inner_text()
    assert frame.locator(".leaflet-tile").count() == 0
    assert external == [], f"requests left the machine: {external}"


def test_click_and_pc4_map_offline(offline_page) -> None:
    """Clicking a gemeente selects it; its PC4 polygons appear with the CBS/ESRI attribution and tooltips."""
    page, external, url = offline_page
    page.goto(f"{url}/kaart")
    national = _map_frame(page, minimum=342)
    box = national.locator(".leaflet-container").bounding_box()
    page.mouse.click(box["x"] + box["width"] * 0.5, box["y"] + box["height"] * 0.5)
    page.get_by_text("Postcodegebieden (PC4) in").first.wait_for(timeout=30000)
    pc4 = None
    deadline = time.monotonic() + 30
    while pc4 is None and time.monotonic() < deadline:
        frames = [f for f in page.frames if "streamlit_folium" in f.url]
        for frame in frames:
            try:
                n = frame.locator("path.leaflet-interactive").count()
                attribution = frame.locator(".leaflet-control-attribution").inner_text(timeout=1000)
            except Exception:  # noqa: BLE001
                continue
            if 0 < n < 342 and tm.ATTRIBUTION_PC4 in attribution:
                pc4 = frame
        page.wait_for_timeout(250)
    assert pc4 is not None, "PC4 map with ESRI/CBS attribution did not appear"
    assert pc4.locator(".leaflet-control-attribution").is_visible()
    assert "Postcode" in _hover_centre(page, pc4)
    assert external == [], f"requests left the machine: {external}"
