"""Real-browser check that no Streamlit English reaches a user, and the gemeente search as people type it.

Every page of app.py, old links (/start, /home, /map, ...) and a wrong path are opened on a fresh server with the
network cut; the visible text, aria-labels, titles and placeholders (shadow roots and the map frame included)
must hold none of ``ks_data.texts.streamlit_nl.ENGLISH``. A selectbox filtered to nothing, a help icon's tooltip,
the file uploaders and the sidebar search (hits, "Geen resultaten", Enter, Tab, a phone) are checked too.
Screenshots for review go to test-output/dutch/ (no map pages: they show CBS boundaries).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest

from ks_data.texts import streamlit_nl as nl
from ks_data.ui.redirects import OLD_LINKS
from tests.browser_fixtures import browser, new_tab  # noqa: F401 - fixtures
from tests.support import (
    PROJECT_DIR,
    app_url_paths,
    isolated_env,
    require_chromium,
    running_app,
)

pytestmark = pytest.mark.browser

SHOTS = PROJECT_DIR / "test-output" / "dutch"
SIDEBAR = "[data-testid='stSidebar']"
SEARCH = f"{SIDEBAR} .st-key-ks_gemeente_search input"
HITS = f"{SIDEBAR} .st-key-ks_gemeente_results"
CURRENT = f"{SIDEBAR} .st-key-ks_gemeente_current"
WRONG_PATH = "bestaat-niet"
_ENGLISH = re.compile("|".join(rf"(?<![\w]){re.escape(word)}(?![\w])" for word in nl.ENGLISH))

# Visible texts and the attributes a screen reader reads, of the document, its open shadow roots and frames.
_COLLECT = r"""() => {
  const out = [];
  const seen = (el) => el.checkVisibility ? el.checkVisibility({ visibilityProperty: true }) : true;
  const walk = (root) => {
    for (const el of root.querySelectorAll("*")) {
      if (el.closest("[aria-hidden='true']")) continue;
      for (const name of ["aria-label", "title", "placeholder", "alt", "aria-roledescription", "aria-description"]) {
        const value = el.getAttribute(name);
        if (value && (seen(el) || name !== "title")) out.push(`${name}=${value}`);
      }
      if (el.shadowRoot) { out.push(el.shadowRoot.textContent.replace(/[^{}]*\{[^}]*\}/g, "")); walk(el.shadowRoot); }
      if (el.tagName === "IFRAME") {
        try { if (el.contentDocument && el.contentDocument.body) { out.push(el.contentDocument.body.innerText);
                                                                   walk(el.contentDocument); } } catch (e) {}
      }
    }
  };
  walk(document);
  out.push(document.body.innerText);
  return out;
}"""


def english_on(page) -> list[str]:
    """Every known Streamlit English string the user can see or hear on ``page`` (with its context)."""
    found = []
    for item in page.evaluate(_COLLECT):
        for match in _ENGLISH.finditer(item):
            found.append(item[max(0, match.start() - 40):match.end() + 40])
    return found


@pytest.fixture(scope="module")
def app_url(geo_cache: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    require_chromium()
    work = tmp_path_factory.mktemp("dutch")
    with running_app(isolated_env(geo_cache, work), log_path=work / "server.log") as url:
        yield url


def _idle(page, timeout_ms: int = 60_000) -> None:
    from scripts.screenshots import wait_until_idle

    wait_until_idle(page, timeout_ms)


def _path(page) -> str:
    return urlparse(page.url).path.strip("/")


def _query(page) -> dict[str, str]:
    return {key: values[-1] for key, values in parse_qs(urlparse(page.url).query).items()}


def _shot(page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"))


def _type_search(page, text: str) -> None:
    box = page.locator(SEARCH)
    box.click()
    box.fill(text)


# --- every page, old links and a wrong path -------------------------------------------------------------------
def test_every_page_speaks_dutch(app_url: str, new_tab) -> None:
    """Each url path of app.py: <html lang="nl">, no Streamlit English in texts, aria-labels, titles, frames."""
    page = new_tab(1280, 900)
    found = {}
    for path in app_url_paths():
        page.goto(f"{app_url}/{path}?gemeente=GM0193")
        _idle(page)
        page.wait_for_timeout(1500)  # charts and the map frame draw after the script run
        assert page.evaluate("document.documentElement.lang") == nl.LANG, path
        if english := english_on(page):
            found[path or "/"] = english
    assert found == {}, f"Streamlit English on screen: {found}"


@pytest.mark.parametrize("old", ["start", "home", "indicators", "map", "profile", "report", "assessment"])
def test_old_links_land_on_their_page(app_url: str, new_tab, old: str) -> None:
    """/start and likely old or English links open the right page, keep the link's gemeente, show no dialog."""
    page = new_tab()
    page.goto(f"{app_url}/{old}?gemeente=GM0193")
    target = OLD_LINKS[old]
    page.wait_for_url(lambda url: urlparse(url).path.strip("/") == target, timeout=30_000)
    _idle(page)
    assert _query(page).get("gemeente") == "GM0193"
    assert page.get_by_role("dialog").count() == 0
    assert page.get_by_text(nl.EXACT["Page not found"]).count() == 0 and english_on(page) == []


def test_a_wrong_path_says_so_in_dutch(app_url: str, new_tab) -> None:
    page = new_tab()
    page.goto(f"{app_url}/{WRONG_PATH}")
    page.get_by_text(nl.EXACT["Page not found"]).first.wait_for(timeout=30_000)
    _idle(page)
    _shot(page, "wrong_path_1280x720")
    assert english_on(page) == []


# --- widgets that only show their English when used -----------------------------------------------------------
def test_selectbox_without_match_and_help_tooltip(app_url: str, new_tab) -> None:
    """A selectbox filtered to nothing says 'Geen resultaten'; a help icon is 'Uitleg bij ...' with a Dutch tooltip."""
    page = new_tab(1280, 900)
    page.goto(f"{app_url}/indicatoren")
    _idle(page)
    select = page.locator("[data-testid='stMain'] [data-testid='stSelectbox'] input").first
    select.click()
    select.fill("qqqzzz")
    page.get_by_text(nl.EXACT["No results"], exact=True).first.wait_for(timeout=10_000)
    assert english_on(page) == []
    page.keyboard.press("Escape")

    buttons = page.locator("[data-testid='stMain'] [data-testid='stTooltipHoverTarget'] > button[aria-label]")
    labels = [buttons.nth(i).get_attribute("aria-label") for i in range(buttons.count())]
    assert not [label for label in labels if label.startswith("Help")], labels
    icon = page.locator(f"[data-testid='stMain'] [aria-label^='{nl.EXACT['Help']} bij ']").first  # 'Uitleg bij ...'
    icon.scroll_into_view_if_needed()
    icon.hover()
    page.locator("[data-testid='stTooltipContent']").first.wait_for(timeout=10_000)
    assert english_on(page) == []


def test_file_uploaders_are_dutch(app_url: str, new_tab) -> None:
    """The Data page and the self-assessment import: Dutch button and size line, no English, Dutch aria-label."""
    for width, height in ((1280, 720), (1920, 1080)):
        page = new_tab(width, height)
        page.goto(f"{app_url}/data")
        _idle(page)
        uploader = page.locator("[data-testid='stFileUploader']").first
        uploader.scroll_into_view_if_needed()
        text = uploader.inner_text()
        assert nl.EXACT["Browse files"] in text and "per bestand" in text, text
        _shot(page, f"data_uploader_{width}x{height}")
        assert english_on(page) == []
    page.goto(f"{app_url}/zelfevaluatie-resultaten")
    _idle(page)
    uploader = page.locator("[data-testid='stFileUploader']").first
    uploader.scroll_into_view_if_needed()
    assert "maximaal 2 MB per bestand" in uploader.inner_text()  # the import's own limit, not Streamlit's 200MB
    assert english_on(page) == []


def test_main_menu_and_its_dialog_are_dutch(app_url: str, new_tab) -> None:
    page = new_tab()
    page.goto(f"{app_url}/")
    _idle(page)
    page.get_by_role("button", name=nl.EXACT["Main menu"]).click()
    menu = page.locator("[data-testid='stMainMenuList']")
    menu.wait_for(timeout=10_000)
    assert nl.EXACT["Print"] in menu.inner_text() and english_on(page) == []
    menu.get_by_text(nl.EXACT["Record screen"]).click()
    page.get_by_role("dialog").get_by_text(nl.EXACT["Record a screencast"]).wait_for(timeout=10_000)
    assert english_on(page) == []
    page.keyboard.press("Escape")


def test_skip_link_is_dutch(app_url: str, new_tab) -> None:
    page = new_tab()
    page.goto(f"{app_url}/")
    _idle(page)
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.innerText") == nl.EXACT["Skip to main content"]


# --- the gemeente search ---------------------------------------------------------------------------------------
@pytest.mark.parametrize(("width", "height"), [(1280, 720), (1920, 1080)])
def test_search_finds_as_people_type(app_url: str, new_tab, width: int, height: int) -> None:
    """'sudwest' and 'den haag' find their gemeente in view; a click chooses; nonsense says 'Geen resultaten'."""
    page = new_tab(width, height)
    page.goto(f"{app_url}/?gemeente=GM0193")
    _idle(page)
    _shot(page, f"search_sidebar_{width}x{height}")
    _type_search(page, "sudwest")
    hit = page.locator(HITS).get_by_role("button", name="Súdwest-Fryslân", exact=True)
    hit.wait_for(timeout=10_000)
    _type_search(page, "den haag")
    hit = page.locator(HITS).get_by_role("button", name="'s-Gravenhage (Den Haag)", exact=True)
    hit.wait_for(timeout=10_000)
    assert hit.is_visible() and hit.bounding_box()["y"] >= 0  # in view, not below the fold
    _shot(page, f"search_hits_{width}x{height}")
    hit.click()
    page.wait_for_url(re.compile(r"[?&]gemeente=GM0518\b"), timeout=20_000)
    page.locator(CURRENT).filter(has_text="'s-Gravenhage").wait_for(timeout=10_000)
    _idle(page)
    assert page.locator(SEARCH).input_value() == ""  # one, empty search box again

    _type_search(page, "qwzx")
    page.locator(HITS).get_by_text("Geen resultaten", exact=False).wait_for(timeout=10_000)
    _shot(page, f"search_no_results_{width}x{height}")
    assert english_on(page) == []
    assert _query(page).get("gemeente") == "GM0518"  # nothing found: the choice stays


def test_search_by_keyboard_and_merged_names(app_url: str, new_tab) -> None:
    """Type a former gemeente, Tab to its hit and Enter; type a name and Enter picks the first hit."""
    page = new_tab()
    page.goto(f"{app_url}/")
    _idle(page)
    _type_search(page, "appingedam")
    page.locator(HITS).get_by_role("button", name="Eemsdelta (voorheen Appingedam, tot 2021)").wait_for(timeout=10_000)
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.innerText").startswith("Eemsdelta")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"[?&]gemeente=GM1979\b"), timeout=20_000)

    _type_search(page, "Den Bosch")
    page.locator(HITS).get_by_role("button").first.wait_for(timeout=10_000)
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"[?&]gemeente=GM0796\b"), timeout=20_000)
    page.locator(CURRENT).filter(has_text="'s-Hertogenbosch").wait_for(timeout=10_000)
    _idle(page)
    assert page.evaluate("document.activeElement.shadowRoot?.activeElement?.id") == "input", "focus left the search"
    assert page.locator(SEARCH).input_value() == "Den Bosch"  # Enter keeps the text; the hit shows the choice
    page.locator(HITS).get_by_role("button", name="'s-Hertogenbosch (Den Bosch) ✓").wait_for(timeout=10_000)


def test_search_on_a_phone(app_url: str, new_tab) -> None:
    """390x844: open the sidebar (Dutch button), type, tap the hit; the gemeente is chosen."""
    page = new_tab(390, 844, is_mobile=True, has_touch=True)
    page.goto(f"{app_url}/mijn-gemeente")
    _idle(page)
    expand = page.get_by_role("button", name=nl.EXACT["Expand sidebar"])
    if expand.count() and expand.first.is_visible():
        expand.first.click()
    page.locator(SEARCH).wait_for(state="visible", timeout=10_000)
    _type_search(page, "zwol")
    hit = page.locator(HITS).get_by_role("button", name="Zwolle", exact=True)
    hit.wait_for(timeout=10_000)
    box = hit.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 390 and box["y"] >= 0
    _shot(page, "search_phone_390x844")
    hit.tap()
    page.wait_for_url(re.compile(r"[?&]gemeente=GM0193\b"), timeout=20_000)
    assert english_on(page) == []
