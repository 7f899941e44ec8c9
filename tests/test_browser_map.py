"""Real-browser test of the map page with the network cut: polygons, tooltip, attribution, click, no CDN."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from ks_data.texts import maps as tm
from tests.support import offline_browser, require_chromium, running_app

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def app_url(geo_cache: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The app served by `streamlit run` on a free port, using the boundary cache built from ../shared/geo."""
    require_chromium()
    work = tmp_path_factory.mktemp("browser")
    env = {"KS_GEO_CACHE_DIR": str(geo_cache), "KS_CACHE_DIR": str(work / "cache"),
           "KS_USER_DATA_DIR": str(work / "user"), "KS_DB_PATH": str(work / "user" / "db.sqlite")}
    with running_app(env, log_path=work / "server.log") as url:
        yield url


@pytest.fixture
def offline_page(app_url: str) -> Iterator[tuple[object, list[str], str]]:
    """A Chromium page whose every non-local request is aborted and recorded (page, external, app url)."""
    with offline_browser() as (page, external):
        yield page, external, app_url


def _map_frame(page, *, minimum: int, timeout: float = 45.0):
    """The st_folium iframe that holds at least ``minimum`` Leaflet polygons (waits for it)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for frame in page.frames:
            if "streamlit_folium" in frame.url:
                try:
                    if frame.locator("path.leaflet-interactive").count() >= minimum:
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
