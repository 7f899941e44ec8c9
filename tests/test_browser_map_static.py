"""Real-browser test of the map's static data files (issue 15): fetched once, then from the browser cache; the
PC4 tooltip stays inside a narrow map; a clicked gemeente keeps no focus box."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support import CHROMIUM, CHROMIUM_ARGS, LOCAL_PREFIXES, isolated_env, map_frame, require_chromium, running_app

pytestmark = pytest.mark.browser
IDLE = "[data-testid='stApp'][data-test-script-state='notRunning']"


@pytest.fixture(scope="module")
def app_url(geo_cache: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    require_chromium()
    work = tmp_path_factory.mktemp("browser_static")
    with running_app(isolated_env(geo_cache, work), log_path=work / "server.log") as url:
        yield url


@pytest.fixture
def cached_page() -> Iterator[tuple[object, list[dict], list[str]]]:
    """A page with Chromium's HTTP cache on (so no request routing, which turns it off); every response and
    every non-local request are recorded: (page, responses, external)."""
    from playwright.sync_api import sync_playwright

    responses: list[dict] = []
    external: list[str] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        context = browser.new_context(viewport={"width": 1280, "height": 720})
        page = context.new_page()
        cdp = context.new_cdp_session(page)
        cdp.send("Network.enable")
        cdp.on("Network.responseReceived", lambda e: responses.append(
            {"url": e["response"]["url"], "status": e["response"]["status"],
             "cached": bool(e["response"].get("fromDiskCache") or e["response"].get("fromPrefetchCache"))}))
        cdp.on("Network.requestServedFromCache", lambda e: responses.append({"url": "", "status": 0, "cached": True,
                                                                            "id": e["requestId"]}))
        context.on("request", lambda r: None if r.url.startswith(LOCAL_PREFIXES) else external.append(r.url))
        try:
            yield page, responses, external
        finally:
            browser.close()


def _map_files(responses: list[dict]) -> list[dict]:
    return [r for r in responses if "/app/static/cache/" in r["url"]]


def _pc4_frame(page, national):
    """The PC4 map's frame (the st_folium frame beside the national one), once it has drawn its areas."""
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        found = [f for f in page.frames if "streamlit_folium" in f.url and f != national]
        try:
            if found and found[0].locator("path.leaflet-interactive").count() > 5:
                return found[0]
        except Exception:  # noqa: BLE001 - frame replaced while Streamlit reruns
            pass
        page.wait_for_timeout(200)
    pytest.fail("no PC4 map appeared")


def _switch(page, path: str) -> None:
    page.locator(f"[data-testid='stSidebarNav'] a[href$='/{path}']").first.click()
    page.wait_for_timeout(100)
    page.wait_for_selector(IDLE, timeout=60_000)


def test_map_data_come_once_then_from_the_browser_cache(app_url: str, cached_page) -> None:
    """The first visit fetches the polygons and values (JSON, HTTP 200); back on the map after another page,
    the same map is drawn again without fetching them from the server."""
    page, responses, external = cached_page
    page.goto(f"{app_url}/kaart?gemeente=GM0363")
    _pc4_frame(page, map_frame(page, minimum=342))
    page.wait_for_timeout(300)
    first = _map_files(responses)
    assert len({r["url"] for r in first}) == 4, first  # national + PC4: polygons and values each
    assert all(r["status"] == 200 and r["url"].endswith(".json") for r in first)
    _switch(page, "")
    responses.clear()
    _switch(page, "kaart")
    frame = map_frame(page, minimum=342)
    assert frame.locator("path.leaflet-interactive").count() == 342
    _pc4_frame(page, frame)
    page.wait_for_timeout(500)
    again = _map_files(responses)
    assert all(r["cached"] for r in again), f"fetched from the server again: {again}"
    assert external == [], f"requests left the machine: {external}"


def test_pc4_tooltip_stays_inside_the_narrow_map(app_url: str, cached_page) -> None:
    """Hovering the right-most PC4 area of Amsterdam at 1280x720 (map half the width): the tooltip opens to
    the left, wraps, and stays within the map."""
    page, _, _ = cached_page
    page.goto(f"{app_url}/kaart?gemeente=GM0363")
    pc4 = _pc4_frame(page, map_frame(page, minimum=342))
    pc4.frame_element().scroll_into_view_if_needed()
    paths = pc4.locator("path.leaflet-interactive")
    boxes = [b for b in (paths.nth(i).bounding_box() for i in range(paths.count())) if b]
    right = max(boxes, key=lambda b: b["x"] + b["width"])
    page.mouse.move(right["x"] + right["width"] * 0.6, right["y"] + right["height"] * 0.5, steps=5)
    tooltip = pc4.locator(".leaflet-tooltip").first
    tooltip.wait_for(state="visible", timeout=5000)
    tip, container = tooltip.bounding_box(), pc4.locator(".leaflet-container").bounding_box()
    assert container["x"] <= tip["x"] and tip["x"] + tip["width"] <= container["x"] + container["width"]
    assert tip["width"] <= container["width"] / 2 + 24
    assert "Postcode" in tooltip.inner_text()


def test_a_clicked_gemeente_keeps_no_focus_box(app_url: str, cached_page) -> None:
    """After a click on a gemeente (which selects it) the focused polygon shows no outline; the map's own style
    sheet drops the focus box and keeps a visible keyboard focus (thick stroke)."""
    page, _, _ = cached_page
    page.goto(f"{app_url}/kaart")
    frame = map_frame(page, minimum=342)
    frame.locator("path.leaflet-interactive").nth(100).click(force=True)
    page.wait_for_timeout(300)
    focused = frame.evaluate("""() => { const el = document.activeElement;
        return el && el.tagName.toLowerCase() === 'path' ? getComputedStyle(el).outlineStyle : 'no path'; }""")
    assert focused in ("none", "no path")
    rules = frame.evaluate("""() => [...document.styleSheets].flatMap(sheet => {
        try { return [...sheet.cssRules].map(rule => rule.cssText); } catch (e) { return []; } })""")
    assert any("path.leaflet-interactive:focus {" in rule and "outline: none" in rule for rule in rules)
    assert any("path.leaflet-interactive:focus-visible" in rule and "stroke-width: 4px" in rule for rule in rules)
