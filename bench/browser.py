"""How the app benchmark drives Chromium: local-only pages, waiting for a rerun, sidebar clicks, byte counts."""

from __future__ import annotations

import base64
import time
from typing import TYPE_CHECKING

from tests.support import LOCAL_PREFIXES, local_only_context

if TYPE_CHECKING:
    from playwright.sync_api import Browser, BrowserContext, Locator, Page

IDLE = "[data-testid='stApp'][data-test-script-state='notRunning']"
GEMEENTEN = ("GM0363", "GM0344")  # Amsterdam, Utrecht: the gemeente switch alternates between them
MAP_PATHS = frozenset({"kaart"})
VIEWPORT = {"width": 1400, "height": 1800}
EXTERNAL: list[str] = []  # non-local requests seen by a cached=True page (must stay empty)


def new_page(browser: Browser, *, cached: bool = False) -> tuple[BrowserContext, Page]:
    """A fresh browser context and page that may load only local resources: (context, page).

    ``cached``: with Chromium's HTTP cache, as a user's browser has it. Playwright's request routing (which
    aborts non-local requests) switches that cache off, so this context only fails on a non-local request
    (``EXTERNAL`` lists them; the network is cut on the benchmark machine anyway)."""
    if not cached:
        context = local_only_context(browser, [], viewport=VIEWPORT)
        return context, context.new_page()
    context = browser.new_context(viewport=VIEWPORT)
    context.on("request", lambda request: None if request.url.startswith(LOCAL_PREFIXES) else
               EXTERNAL.append(request.url))
    return context, context.new_page()


def start_url(path: str) -> str:
    """The path of a page with the first benchmark gemeente in the URL."""
    return f"/{path}?gemeente={GEMEENTEN[0]}"


def _polygons_drawn(page: Page) -> bool:
    """Every st_folium map on the page has drawn its polygons."""
    frames = [f for f in page.frames if "streamlit_folium" in f.url]
    try:
        return all(f.locator("path.leaflet-interactive").count() > 0 for f in frames)
    except Exception:  # noqa: BLE001 - frame replaced during a rerun
        return False


def wait_rendered(page: Page, path: str, *, started: float, timeout: float = 120) -> float:
    """Seconds since ``started`` until the script is idle (and, on a map page, the polygons are drawn)."""
    page.wait_for_selector(IDLE, timeout=timeout * 1000)
    while path in MAP_PATHS and not _polygons_drawn(page):
        if time.perf_counter() - started > timeout:
            raise RuntimeError(f"/{path}: map not drawn in {timeout} s")
        page.wait_for_timeout(20)
    page.wait_for_selector(IDLE, timeout=timeout * 1000)
    return time.perf_counter() - started


def click_nav(page: Page, path: str) -> None:
    """Click the sidebar link of the page at ``path``."""
    page.locator(f"[data-testid='stSidebarNav'] a[href$='/{path}']").first.click()


def switch_to(page: Page, path: str, *, settle_ms: int = 50) -> float:
    """Click the sidebar link of ``path``, let the rerun start, and wait until the page is drawn (seconds)."""
    click_nav(page, path)
    page.wait_for_timeout(settle_ms)
    return wait_rendered(page, path, started=time.perf_counter())


def open_picker(page: Page, name: str) -> Locator:
    """Type ``name`` in the sidebar gemeente search; returns its hit button to click (not yet clicked)."""
    page.mouse.move(1390, 1790)  # away from help icons whose tooltips would cover the picker
    page.wait_for_timeout(100)
    box = page.locator("[data-testid='stSidebar'] .st-key-ks_gemeente_search input")
    box.click()
    box.fill(name)
    hit = page.locator("[data-testid='stSidebar'] .st-key-ks_gemeente_results").get_by_role(
        "button", name=name, exact=True).first
    hit.wait_for()
    return hit


class ByteCounter:
    """HTTP (encoded, as on the wire) and websocket bytes received by one page, via the Chrome DevTools Protocol.

    ``cache_disabled``: no browser cache (a first visit); False counts only what a returning tab really
    fetches (a file served from the browser cache counts 0 bytes, a revalidation its 304 headers)."""

    def __init__(self, context: BrowserContext, page: Page, *, cache_disabled: bool = True) -> None:
        self.http = 0
        self.ws = 0
        cdp = context.new_cdp_session(page)
        cdp.send("Network.enable")
        cdp.send("Network.setCacheDisabled", {"cacheDisabled": cache_disabled})
        cdp.on("Network.loadingFinished", self._http)
        cdp.on("Network.webSocketFrameReceived", self._frame)

    def _http(self, event: dict) -> None:
        self.http += int(event.get("encodedDataLength", 0))

    def _frame(self, event: dict) -> None:
        response = event["response"]
        data = response.get("payloadData", "")
        self.ws += len(base64.b64decode(data)) if response.get("opcode") == 2 else len(data.encode())

    def reset(self) -> None:
        """Start counting from zero."""
        self.http = self.ws = 0
