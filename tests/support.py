"""Test support shared by the tests and bench/: `streamlit run` servers on free ports, Debian's Chromium, the
app's page list, and helpers for AppTest downloads and real-browser pages."""

from __future__ import annotations

import ast
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from playwright.sync_api import Browser, BrowserContext, Frame, Page
    from streamlit.testing.v1 import AppTest

PROJECT_DIR = Path(__file__).resolve().parent.parent
APP_FILE = PROJECT_DIR / "app.py"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]
LOCAL_PREFIXES = ("http://127.0.0.1", "http://localhost", "data:", "blob:", "about:")


def require_chromium() -> None:
    """Skip without Debian chromium, unless KS_REQUIRE_BROWSER is set (CI), then fail."""
    pytest.importorskip("playwright")
    if not Path(CHROMIUM).exists():
        if os.environ.get("KS_REQUIRE_BROWSER"):
            pytest.fail(f"{CHROMIUM} is required (KS_REQUIRE_BROWSER is set)")
        pytest.skip(f"{CHROMIUM} not installed")


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class ServerStartError(RuntimeError):
    """A `streamlit run` server that did not answer its health check in time."""


@dataclass
class StreamlitServer:
    """`streamlit run <script>` on 127.0.0.1 (a free port unless given), run from the script's folder.

    ``env`` is the server's whole environment; its output goes to ``log`` (discarded without one).
    ``start`` returns once the server answers ``/_stcore/health``; ``stop`` ends it (killed after 20 s).
    """

    script: Path
    env: dict[str, str]
    options: tuple[str, ...] = ()
    log: Path | None = None
    port: int = field(default_factory=free_port)
    proc: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, *, timeout: float = 90.0) -> None:
        """Start the server and wait until it is healthy; ServerStartError (server stopped) when it is not."""
        output = open(self.log, "w", encoding="utf-8") if self.log else subprocess.DEVNULL
        try:
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "streamlit", "run", str(self.script), "--server.headless=true",
                 f"--server.port={self.port}", "--server.address=127.0.0.1", "--browser.gatherUsageStats=false",
                 *self.options],
                cwd=Path(self.script).parent, env=self.env, stdout=output, stderr=subprocess.STDOUT,
            )
        finally:
            if self.log:
                output.close()
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                if urllib.request.urlopen(f"{self.url}/_stcore/health", timeout=2).read() == b"ok":
                    return
            except OSError:
                time.sleep(0.05)
        self.stop()
        raise ServerStartError(f"{self.script} did not become healthy on port {self.port} in {timeout:g} s")

    def stop(self) -> None:
        """Terminate the server (kill it when it does not stop within 20 s)."""
        if self.proc is not None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
            self.proc = None


@contextmanager
def running_app(env: dict[str, str], *, log_path: Path, timeout: float = 90.0) -> Iterator[str]:
    """Start `streamlit run app.py` with ``env`` added to the environment; yield its base URL; stop it."""
    server = StreamlitServer(APP_FILE, {**os.environ, **env}, log=log_path)
    try:
        server.start(timeout=timeout)
    except ServerStartError:
        pytest.fail("streamlit did not become healthy: " + log_path.read_text(encoding="utf-8"))
    try:
        yield server.url
    finally:
        server.stop()


def app_url_paths(app_file: Path = APP_FILE) -> list[str]:
    """Url paths of every page registered in app.py's ``_pages()`` ('' for the default page), read from its
    source, so the load test and the benchmark follow renames of pages."""
    found: list[str] = []
    for node in ast.walk(ast.parse(Path(app_file).read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "Page":
            kw = {k.arg: k.value for k in node.keywords}
            default = isinstance(kw.get("default"), ast.Constant) and kw["default"].value is True
            value = kw.get("url_path")
            found.append("" if default else (value.value if isinstance(value, ast.Constant) else ""))
    return found


@contextmanager
def offline_browser(*, width: int = 1400, height: int = 1800) -> Iterator[tuple[Page, list[str]]]:
    """A Chromium page whose every non-local request is aborted and recorded: (page, external urls)."""
    from playwright.sync_api import sync_playwright

    external: list[str] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": width, "height": height})

        def route(request_route) -> None:
            url = request_route.request.url
            if url.startswith(LOCAL_PREFIXES):
                request_route.continue_()
            else:
                external.append(url)
                request_route.abort()

        page.route("**/*", route)
        try:
            yield page, external
        finally:
            browser.close()


def isolated_env(geo_cache: Path, work: Path) -> dict[str, str]:
    """Environment for an app server with the boundary cache ``geo_cache`` and fresh data cache, user data
    and import folder under ``work``."""
    return {"KS_GEO_CACHE_DIR": str(geo_cache), "KS_CACHE_DIR": str(work / "cache"),
            "KS_USER_DATA_DIR": str(work / "user"), "KS_DB_PATH": str(work / "user" / "db.sqlite"),
            "KS_PERINATAL_IMPORT_DIR": str(work / "import")}


def open_page(page: str | None = None, *, timeout: float = 60, session: dict | None = None, **query: str) -> AppTest:
    """Run the app (AppTest from app.py) with ``query`` in the URL, switch to ``page``, assert no exception.

    ``session``: session state to start with (e.g. an open hosted workspace). The query is given again for
    ``page``, so a parameter the first page dropped from the URL still reaches it (isolation tests rely on it).
    """
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(APP_FILE), default_timeout=timeout)
    for key, value in (session or {}).items():
        at.session_state[key] = value
    at.query_params.update(query)
    at.run()
    if page:
        at.switch_page(page)
        at.query_params.update(query)
        at.run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def downloads(at: AppTest, media: list) -> dict[str, bytes]:
    """File name -> bytes of every download button of ``at``'s last run (the ``media`` fixture), fetched as a
    click does: a deferred file (written on click) is generated first, exactly as the server does it."""
    manager = media[-1]
    files = {}
    for button in at.get("download_button"):
        proto = button.proto
        url = manager.execute_deferred(proto.deferred_file_id) if proto.deferred_file_id else proto.url
        stored = manager._storage.get_file(url.rsplit("/", 1)[-1].split(".")[0])
        files[stored.filename] = stored.content
    return files


# --- shared real-browser helpers (tour, map) ---------------------------------------------------------------------
def local_only_context(browser: Browser, external: list[str], **context_args: object) -> BrowserContext:
    """A new browser context that records every non-local request URL in ``external`` and aborts it."""
    context = browser.new_context(**context_args)

    def record(request) -> None:
        if not request.url.startswith(LOCAL_PREFIXES):
            external.append(request.url)

    def local_only(request_route) -> None:
        if request_route.request.url.startswith(LOCAL_PREFIXES):
            request_route.continue_()
        else:
            request_route.abort()

    context.on("request", record)
    context.route("**/*", local_only)
    return context


def wait_for_page(page: Page, heading: str, *, timeout_ms: int = 60_000) -> None:
    """Wait until the page titled ``heading`` (its h1) has run to the end and drawn (see scripts/screenshots.py)."""
    from scripts.screenshots import wait_until_idle

    page.locator("[data-testid='stMain'] h1").filter(has_text=heading).first.wait_for(timeout=timeout_ms)
    wait_until_idle(page, timeout_ms)


def error_boxes(page: Page) -> list[str]:
    """Texts of Streamlit exception boxes, st.error alerts and 'Page not found' dialogs on the page."""
    boxes = page.locator("[data-testid='stException'], [data-testid='stAlertContentError']")
    texts = [boxes.nth(i).inner_text() for i in range(boxes.count())]
    if page.get_by_text("Page not found").count() or page.get_by_text("Pagina niet gevonden").count():
        texts.append("Page not found")  # (in Dutch since ks_data.ui.dutch)
    return texts


def map_frame(page: Page, *, minimum: int, timeout: float = 45.0) -> Frame:
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


def hover_tooltip(page: Page, frame: Frame) -> str:
    """Move the mouse over the middle of the map in ``frame`` and return the Leaflet tooltip text."""
    frame.locator(".leaflet-container").scroll_into_view_if_needed()
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
