"""Screenshots of app pages as seen with a colour-vision deficiency (Chromium's own emulation), for review.

Usage: python scripts/cvd_screenshots.py http://localhost:8501 test-output/cvd "?gemeente=GM0193" start kaart
Writes <out>/<page>_<deficiency>.png for deuteranopia, protanopia, tritanopia and achromatopsia.
See docs/ACCESSIBILITY.md for what to look for.
"""

from __future__ import annotations

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

from screenshots import ARGS, CHROMIUM, wait_until_idle

DEFICIENCIES = ("deuteranopia", "protanopia", "tritanopia", "achromatopsia")


def main(base: str, out_dir: str, query: str, pages: list[str], width: int = 1280, height: int = 1600) -> None:
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page(viewport={"width": width, "height": height})
        cdp = page.context.new_cdp_session(page)
        for name in pages:
            page.goto(f"{base.rstrip('/')}/{'' if name == 'start' else name}{query}", wait_until="networkidle")
            wait_until_idle(page)
            for deficiency in DEFICIENCIES:
                cdp.send("Emulation.setEmulatedVisionDeficiency", {"type": deficiency})
                page.wait_for_timeout(300)
                file = out / f"{name}_{deficiency}.png"
                page.screenshot(path=str(file))
                print(file)
            cdp.send("Emulation.setEmulatedVisionDeficiency", {"type": "none"})
        browser.close()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:])
