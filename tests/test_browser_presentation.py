"""Real-browser checks of issue 15: the first screen of 'Mijn gemeente' and the workshop screen on a projector,
steering presentation mode (next page, page menu), and printing the Gemeenterapport page itself."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest

from ks_data.texts import common as tc
from ks_data.texts import pages as tpages
from ks_data.texts import workshop as tw
from tests.support import (CHROMIUM, CHROMIUM_ARGS, error_boxes, isolated_env, require_chromium, running_app,
                           wait_for_page)

pytestmark = pytest.mark.browser
ZWOLLE = "GM0193"
LAPTOP = "ks-presentatie.test"  # a name for 127.0.0.1, so the workshop screen shows a join address as on a LAN


@pytest.fixture(scope="module")
def app_url(geo_cache: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    require_chromium()
    work = tmp_path_factory.mktemp("presentation")
    with running_app(isolated_env(geo_cache, work), log_path=work / "server.log") as url:
        yield url


@pytest.fixture(scope="module")
def browser(app_url: str):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM,
                                              args=[*CHROMIUM_ARGS, f"--host-resolver-rules=MAP {LAPTOP} 127.0.0.1"])
        yield chromium
        chromium.close()


def _tab(browser, width: int, height: int):
    return browser.new_context(viewport={"width": width, "height": height}).new_page()


def _query(page) -> dict[str, str]:
    return {key: values[-1] for key, values in parse_qs(urlparse(page.url).query).items()}


def _in_view(locator, height: int) -> bool:
    box = locator.bounding_box()
    return box is not None and box["y"] >= 0 and box["y"] + 0.5 * box["height"] <= height


@pytest.mark.parametrize("width,height", [(1280, 720), (1920, 1080)])
def test_first_screen_of_mijn_gemeente_shows_the_gist_and_figures(app_url: str, browser, width: int,
                                                                   height: int) -> None:
    """Given presentation mode on a projector, then without scrolling the screen shows the 'Wat valt op' lines
    (with numbers), the first tile's value and the 'synthetisch voorbeeld' label, besides the steering bar."""
    page = _tab(browser, width, height)
    page.goto(f"{app_url}/mijn-gemeente?gemeente={ZWOLLE}&presentatie=1")
    wait_for_page(page, "Mijn gemeente")
    main = page.locator("[data-testid='stMain']")
    gist = main.locator("li").filter(has_text=re.compile(r"\d+,\d(%| per 1000) tegen \d+,\d"))
    assert gist.count() >= 1 and _in_view(gist.first, height)
    assert _in_view(main.locator(".ks-tile-value").first, height)
    assert _in_view(main.get_by_text(re.compile("Synthetisch voorbeeld", re.I)).first, height)
    for name in (tc.PRESENTATION_PREVIOUS, tc.PRESENTATION_NEXT, tc.PRESENTATION_GEMEENTE, tc.PRESENTATION_OFF):
        assert _in_view(page.get_by_role("button", name=name).first, height), name
    assert error_boxes(page) == []
    page.context.close()


def test_next_and_the_page_menu_move_between_pages_in_presentation_mode(app_url: str, browser) -> None:
    page = _tab(browser, 1280, 720)
    page.goto(f"{app_url}/mijn-gemeente?gemeente={ZWOLLE}&presentatie=1")
    wait_for_page(page, "Mijn gemeente")
    page.get_by_role("button", name=tc.PRESENTATION_NEXT).click()
    page.wait_for_url(re.compile(r"/kaart\b"), timeout=30_000)
    wait_for_page(page, tpages.MAP)
    assert _query(page).get("presentatie") == "1" and _query(page).get("gemeente") == ZWOLLE
    assert page.locator("[data-testid='stSidebar']").is_hidden()
    page.get_by_role("button", name=tpages.MAP).click()  # the page menu names the page on screen
    page.locator("[data-testid='stPopoverBody']").get_by_role("link", name=tpages.REPORT).click()
    page.wait_for_url(re.compile(r"/rapport\b"), timeout=30_000)
    wait_for_page(page, tpages.REPORT)
    assert _query(page).get("presentatie") == "1" and _query(page).get("gemeente") == ZWOLLE
    page.context.close()


def test_workshop_screen_shows_how_to_join_on_the_first_screen(app_url: str, browser) -> None:
    port = urlparse(app_url).port
    page = _tab(browser, 1280, 720)
    page.goto(f"http://{LAPTOP}:{port}/workshop-scherm?presentatie=1")
    wait_for_page(page, tw.HOST_TITLE)
    page.get_by_role("button", name=tw.HOST_START).click()
    code = page.locator(".ks-join__code b")
    code.wait_for(timeout=30_000)
    assert _in_view(code, 720) and _in_view(page.locator(".ks-join__qr"), 720)
    assert _in_view(page.get_by_role("button", name=tw.SHOW_RESULTS), 720)
    page.context.close()


def test_printing_the_report_page_prints_the_report_without_the_app_around_it(app_url: str, browser) -> None:
    """Given the Gemeenterapport page, when it is printed (print media), then sidebar, header, controls and buttons
    are hidden and the report's frame is shown at its full height, so the PDF holds the whole report."""
    page = _tab(browser, 1280, 900)
    page.goto(f"{app_url}/rapport?gemeente={ZWOLLE}")
    wait_for_page(page, tpages.REPORT)
    frame = page.locator("[data-testid='stMain'] iframe")
    frame.wait_for(timeout=30_000)
    page.wait_for_function("document.querySelector('[data-testid=\"stMain\"] iframe').offsetHeight > 1500",
                           timeout=30_000)
    page.emulate_media(media="print")
    assert page.locator("[data-testid='stSidebar']").is_hidden()
    assert page.locator("[data-testid='stMain'] h1").is_hidden()
    assert all(not b.is_visible() for b in page.locator("[data-testid='stMain'] button").all())
    assert frame.is_visible()
    pdf = page.pdf(format="A4", print_background=True)
    assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) >= 2
    page.context.close()
