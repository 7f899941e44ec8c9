"""Real-browser test of the map page with the network cut: polygons, tooltip, attribution, click, no CDN."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from ks_data.texts import maps as tm
from tests.support import hover_tooltip, isolated_env, map_frame, offline_browser, require_chromium, running_app

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def app_url(geo_cache: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The app served by `streamlit run` on a free port, using the boundary cache built from ../shared/geo."""
    require_chromium()
    work = tmp_path_factory.mktemp("browser")
    with running_app(isolated_env(geo_cache, work), log_path=work / "server.log") as url:
        yield url


@pytest.fixture
def offline_page(app_url: str) -> Iterator[tuple[object, list[str], str]]:
    """A Chromium page whose every non-local request is aborted and recorded (page, external, app url)."""
    with offline_browser() as (page, external):
        yield page, external, app_url


def test_national_map_offline(offline_page) -> None:
    """All 342 gemeenten are drawn, a hover shows name/code/value, attribution reads 'Bron: CBS'."""
    page, external, url = offline_page
    page.goto(f"{url}/kaart")
    frame = map_frame(page, minimum=342)
    assert frame.locator("path.leaflet-interactive").count() == 342
    text = hover_tooltip(page, frame)
    assert "(GM" in text and ("Waarde" in text or tm.TT_NO_DATA in text) and tm.TT_PERIOD in text
    attribution = frame.locator(".leaflet-control-attribution")
    assert attribution.is_visible() and tm.ATTRIBUTION_GEMEENTEN in attribution.inner_text()
    assert frame.locator(".leaflet-tile").count() == 0
    assert external == [], f"requests left the machine: {external}"


def _outline(frame):
    """The selection outline: the only polygon that is not clickable."""
    return frame.locator("path:not(.leaflet-interactive)").first


def test_shared_link_outlines_the_gemeente(offline_page) -> None:
    """A link with ?gemeente= draws the national map with that gemeente outlined on first load."""
    page, external, url = offline_page
    page.goto(f"{url}/kaart?gemeente=GM0363&kleur=vergelijking")
    frame = map_frame(page, minimum=342)
    _outline(frame).wait_for(state="attached", timeout=15000)
    assert _outline(frame).get_attribute("stroke-width") == "3.5"
    assert external == [], f"requests left the machine: {external}"


def test_click_and_pc4_map_offline(offline_page) -> None:
    """Clicking a gemeente selects it; its PC4 polygons appear with the CBS/ESRI attribution and tooltips."""
    page, external, url = offline_page
    page.goto(f"{url}/kaart")
    national = map_frame(page, minimum=342)
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
    # the national map was not redrawn (same iframe), only the outline of the selected gemeente was added
    _outline(national).wait_for(state="attached", timeout=15000)
    assert national.locator("path.leaflet-interactive").count() == 342
    assert pc4.locator(".leaflet-control-attribution").is_visible()
    assert "Postcode" in hover_tooltip(page, pc4)
    assert external == [], f"requests left the machine: {external}"
