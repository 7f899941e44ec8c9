"""Test support for real-browser tests: the app under `streamlit run` on a free port, and Debian's Chromium."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

PROJECT_DIR = Path(__file__).resolve().parent.parent
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


@contextmanager
def running_app(env: dict[str, str], *, log_path: Path, timeout: float = 90.0) -> Iterator[str]:
    """Start `streamlit run app.py` with ``env`` added to the environment; yield its base URL; stop it."""
    port = free_port()
    with open(log_path, "w", encoding="utf-8") as log:
        proc = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless=true",
             f"--server.port={port}", "--server.address=127.0.0.1"],
            cwd=PROJECT_DIR, env={**os.environ, **env}, stdout=log, stderr=subprocess.STDOUT,
        )
        url = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + timeout
            while time.monotonic() < deadline:
                try:
                    if urllib.request.urlopen(f"{url}/_stcore/health", timeout=2).read() == b"ok":
                        break
                except OSError:
                    time.sleep(0.3)
            else:
                pytest.fail("streamlit did not become healthy: " + log_path.read_text(encoding="utf-8"))
            yield url
        finally:
            proc.terminate()
            proc.wait(timeout=20)


@contextmanager
def offline_browser(*, width: int = 1400, height: int = 1800) -> Iterator[tuple[object, list[str]]]:
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


def open_page(page: str | None = None, *, timeout: float = 60, **query: str):
    """Run the app (AppTest from app.py) with ``query`` in the URL, switch to ``page``, assert no exception."""
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(PROJECT_DIR / "app.py"), default_timeout=timeout)
    at.query_params.update(query)
    at.run()
    if page:
        at.switch_page(page).run()
    assert not at.exception, [e.message for e in at.exception]
    return at
