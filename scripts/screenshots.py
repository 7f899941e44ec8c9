"""Take full-page screenshots of app pages in headless Debian Chromium (for review and the README).

Usage: python scripts/screenshots.py http://localhost:8501 docs/screenshots start indicatoren trends
"""

from __future__ import annotations

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]


def wait_until_idle(page, timeout_ms: int = 60_000) -> None:
    """Wait until the script has run, nothing is loading and charts have had time to draw."""
    page.wait_for_selector("[data-testid='stMain'] h1", timeout=timeout_ms)
    page.wait_for_selector("[data-testid='stApp'][data-test-script-state='notRunning']", timeout=timeout_ms)
    page.wait_for_function("!document.querySelector('[data-testid=\"stSkeleton\"]')", timeout=timeout_ms)
    page.wait_for_timeout(1500)


def main(base: str, out_dir: str, pages: list[str], width: int = 1280, height: int = 900) -> None:
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page(viewport={"width": width, "height": height})
        for name in pages:
            page.goto(f"{base.rstrip('/')}/{name}", wait_until="networkidle")
            wait_until_idle(page)
            # Streamlit scrolls inside its main container: grow the viewport to the content height.
            content = page.evaluate("document.querySelector('[data-testid=\"stMain\"]').scrollHeight")
            page.set_viewport_size({"width": width, "height": max(height, min(int(content) + 40, 8000))})
            page.wait_for_timeout(1500)
            file = out / f"{name.split('?')[0] or 'start'}.png"
            page.screenshot(path=str(file))
            page.set_viewport_size({"width": width, "height": height})
            print(file)
        browser.close()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3:])
