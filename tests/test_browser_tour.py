"""Real-browser tour of the whole app (Playwright + Debian chromium, network cut, one server for the module).

Every page is opened through its sidebar link and photographed (normal, and presentation mode at 1280x720 and
1920x1080) into test-output/tour/; the gemeente switch, shareable links, the map tooltip, the denkraam save and
reload, the presentation toggle, keyboard reach, a chart's CSV downloads and a deuteranopia emulation
(test-output/cvd/) are checked.
Every request of every browser context is recorded; any that leaves the machine fails the test.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest

from ks_data.assessment.items import load_item_bank
from ks_data.texts import assessment as ta
from ks_data.texts import common as tc
from ks_data.texts import national as ti
from ks_data.texts import maps as tm
from ks_data.texts import pages as tpages
from ks_data.texts import perinatal as tperi
from ks_data.texts import perinatal_data as tdata
from ks_data.texts import workshop as tw
from tests.browser_fixtures import browser, new_tab  # noqa: F401 - fixtures
from tests.support import (
    PROJECT_DIR,
    error_boxes,
    hover_tooltip,
    isolated_env,
    map_frame,
    require_chromium,
    running_app,
    wait_for_page,
)

pytestmark = pytest.mark.browser

# url path, sidebar link title, page heading (h1): every page registered in app.py
PAGES = (
    ("", tpages.HOME, ti.HOME_TITLE),
    ("indicatoren", tpages.INDICATORS, ti.INDICATORS_TITLE),
    ("trends", tpages.TRENDS, ti.TRENDS_TITLE),
    ("mijn-gemeente", tpages.PROFILE, tperi.PROFILE_TITLE),
    ("kaart", tpages.MAP, tm.TITLE),
    ("rapport", tpages.REPORT, tpages.REPORT),
    ("zelfevaluatie", tpages.ASSESSMENT_FILL, ta.FILL_TITLE),
    ("zelfevaluatie-resultaten", tpages.ASSESSMENT_RESULTS, ta.RESULTS_TITLE),
    ("workshop", tpages.WORKSHOP_JOIN, tw.JOIN_TITLE),
    ("workshop-scherm", tpages.WORKSHOP_HOST, tw.HOST_TITLE),
    ("data", tpages.DATA, tdata.DATA_TITLE),
)
PRESENTATION_SIZES = ((1280, 720), (1920, 1080))
ZWOLLE = ("GM0193", "Zwolle")
MAASTRICHT = ("GM0935", "Maastricht")
N_GEMEENTEN_2023 = 342
TOUR_DIR = PROJECT_DIR / "test-output" / "tour"
CVD_DIR = PROJECT_DIR / "test-output" / "cvd"
SIDEBAR = "[data-testid='stSidebar']"
PICKER = f"{SIDEBAR} .st-key-ks_gemeente_search input"  # the search box (st_keyup, inside its shadow root)
PICKER_HOST = f"{SIDEBAR} .st-key-ks_gemeente_search [data-testid='stBidiComponentIsolated']"  # focus lands here
HITS = f"{SIDEBAR} .st-key-ks_gemeente_results"


@pytest.fixture(scope="module")
def app_url(geo_cache: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The app under `streamlit run` on a free port: real boundary cache, fresh data cache and user data."""
    require_chromium()
    work = tmp_path_factory.mktemp("tour")
    with running_app(isolated_env(geo_cache, work), log_path=work / "server.log") as url:
        yield url


# --- helpers ---------------------------------------------------------------------------------------------------
def _query(page) -> dict[str, str]:
    return {key: values[-1] for key, values in parse_qs(urlparse(page.url).query).items()}


def _path(page) -> str:
    return urlparse(page.url).path.strip("/")


def _click_nav(page, title: str) -> None:
    """Click the sidebar navigation link whose label is exactly ``title``."""
    link = page.locator("[data-testid='stSidebarNavLink']").filter(has=page.get_by_text(title, exact=True))
    link.click()


def _check_page(page, heading: str) -> None:
    """The page titled ``heading`` is drawn, its h1 visible, without exception box or error."""
    wait_for_page(page, heading)
    assert page.locator("[data-testid='stMain'] h1").filter(has_text=heading).first.is_visible()
    assert error_boxes(page) == [], f"{heading}: {error_boxes(page)}"


def _shot(page, folder: Path, name: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    file = folder / f"{name}.png"
    page.screenshot(path=str(file))
    assert file.stat().st_size > 10_000, f"{file} looks empty"
    return file


def _pick_gemeente(page, name: str, code: str) -> None:
    """Type ``name`` in the sidebar picker and press Enter; wait until the URL carries ``code``."""
    picker = page.locator(PICKER)
    picker.click()
    picker.fill(name)
    page.locator(HITS).get_by_role("button", name=name, exact=True).wait_for(timeout=10_000)
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(rf"[?&]gemeente={code}\b"), timeout=20_000)


def _picked(page) -> str:
    """The chosen gemeente's name as the sidebar shows it ('Gemeente: Zwolle')."""
    return page.locator(f"{SIDEBAR} .st-key-ks_gemeente_current").inner_text().split(":", 1)[-1].strip()


def _map_tooltip(page) -> str:
    """Hover the national gemeente map and return its tooltip text."""
    return hover_tooltip(page, map_frame(page, minimum=N_GEMEENTEN_2023))


def _assert_gemeente_tooltip(text: str) -> None:
    assert re.search(r"\w.*\(GM\d{4}\)", text), f"tooltip without a gemeente name and code: {text!r}"


def _answer(page, statement: str, option: str):
    """The radio option ``option`` of the denkraam statement ``statement`` (a locator)."""
    return page.get_by_role("radiogroup", name=statement).locator("label").filter(has_text=option)


def _tab_to(page, selector: str, *, limit: int = 60) -> int:
    """Press Tab until the focused element matches ``selector``; return the number of presses."""
    for presses in range(1, limit + 1):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement && document.activeElement.matches(s)", selector):
            return presses
    pytest.fail(f"{selector} not reached with {limit} Tab presses")


# --- the tour --------------------------------------------------------------------------------------------------
def test_tour_every_page_by_its_sidebar_link(app_url: str, new_tab) -> None:
    """Each page opens from the sidebar with its heading, no error, the gemeente kept; a screenshot of each."""
    code, name = ZWOLLE
    page = new_tab()
    page.goto(f"{app_url}/?gemeente={code}")
    for number, (path, title, heading) in enumerate(PAGES):
        if number:
            _click_nav(page, title)
        _check_page(page, heading)
        assert _path(page) in ({path} if path else {"", "start"}), page.url
        assert _picked(page) == name, f"{title}: gemeente not carried over"
        if path == "kaart":
            _assert_gemeente_tooltip(_map_tooltip(page))
        _shot(page, TOUR_DIR, f"{number:02d}_{path or 'start'}_1280x720")


def test_every_page_keeps_the_gemeente_in_its_link(app_url: str, new_tab) -> None:
    """After a click in the sidebar the address bar (the link to share) still names the gemeente."""
    code, _ = ZWOLLE
    page = new_tab()
    page.goto(f"{app_url}/?gemeente={code}")
    _check_page(page, ti.HOME_TITLE)
    lost = []
    for _, title, heading in PAGES[1:]:
        _click_nav(page, title)
        _check_page(page, heading)
        if _query(page).get("gemeente") != code:
            lost.append(title)
    assert lost == [], f"?gemeente= missing from the link on: {lost}"


@pytest.mark.parametrize(("width", "height"), PRESENTATION_SIZES)
def test_tour_in_presentation_mode(app_url: str, new_tab, width: int, height: int) -> None:
    """Every page opened with ?presentatie=1: no sidebar, heading visible, no error; a screenshot of each."""
    code, _ = ZWOLLE
    page = new_tab(width, height)
    for number, (path, _title, heading) in enumerate(PAGES):
        page.goto(f"{app_url}/{path}?gemeente={code}&presentatie=1")
        _check_page(page, heading)
        assert page.locator(SIDEBAR).is_hidden()
        assert page.get_by_role("button", name=tc.PRESENTATION_OFF).is_visible()
        if path == "kaart":
            _assert_gemeente_tooltip(_map_tooltip(page))
        _shot(page, TOUR_DIR, f"{number:02d}_{path or 'start'}_presentatie_{width}x{height}")


def test_gemeente_switch_carries_over_and_link_reproduces_the_view(app_url: str, new_tab) -> None:
    page = new_tab()
    page.goto(f"{app_url}/mijn-gemeente")
    _check_page(page, tperi.PROFILE_TITLE)
    main = page.locator("[data-testid='stMain']")
    for code, name in (ZWOLLE, MAASTRICHT):
        _pick_gemeente(page, name, code)
        main.get_by_role("heading", name=re.compile(re.escape(name))).first.wait_for(timeout=30_000)
        wait_for_page(page, tperi.PROFILE_TITLE)
    assert ZWOLLE[1] not in main.inner_text()

    _click_nav(page, tpages.MAP)
    _check_page(page, tm.TITLE)
    code, name = MAASTRICHT
    assert _query(page).get("gemeente") == code and _picked(page) == name
    main.get_by_text(tm.PC4_HEADING.format(name=name)).first.wait_for(timeout=30_000)

    shared = page.url
    other = new_tab()  # another browser context: a new session that only has the link
    other.goto(shared)
    _check_page(other, tm.TITLE)
    assert _path(other) == "kaart" and _query(other).get("gemeente") == code
    assert _picked(other) == name
    other.get_by_text(tm.PC4_HEADING.format(name=name)).first.wait_for(timeout=30_000)


def test_denkraam_answers_survive_a_reload(app_url: str, new_tab) -> None:
    bank = load_item_bank()
    first, second = bank.elements_of(bank.parts[0].id)[0].items[:2]
    agreed = ta.scale_option(3, bank.scale.label(3))
    unknown = ta.scale_option(None, bank.scale.dont_know_label)
    page = new_tab(1280, 1000)
    page.goto(f"{app_url}/zelfevaluatie")
    _check_page(page, ta.FILL_TITLE)
    page.get_by_role("textbox", name=ta.COALITION_LABEL).fill("Coalitie Rondleiding")
    page.get_by_role("button", name=ta.OPEN_BUTTON).click()
    page.wait_for_url(re.compile(r"[?&]evaluatie=\d+"), timeout=30_000)

    _answer(page, first.text, agreed).click()
    note = page.get_by_role("textbox", name=ta.NOTE_LABELS["next_step"]).first
    note.fill("Werkgroep starten")
    _answer(page, second.text, unknown).click()  # blurs the note: it is saved first
    total = len(bank.items)
    page.get_by_text(ta.progress_text(answered=2, total=total)).wait_for(timeout=30_000)
    wait_for_page(page, ta.FILL_TITLE)

    page.reload()
    _check_page(page, ta.FILL_TITLE)
    page.get_by_text(ta.progress_text(answered=2, total=total)).wait_for(timeout=30_000)
    assert _answer(page, first.text, agreed).locator("input").is_checked()
    assert _answer(page, second.text, unknown).locator("input").is_checked()
    assert not _answer(page, first.text, unknown).locator("input").is_checked()
    assert page.get_by_role("textbox", name=ta.NOTE_LABELS["next_step"]).first.input_value() == "Werkgroep starten"


def test_presentation_toggle_keeps_the_gemeente(app_url: str, new_tab) -> None:
    code, name = ZWOLLE
    page = new_tab()
    page.goto(f"{app_url}/mijn-gemeente?gemeente={code}")
    _check_page(page, tperi.PROFILE_TITLE)
    page.locator(SIDEBAR).get_by_role("button", name=tc.PRESENTATION_ON).click()
    page.wait_for_url(re.compile(r"[?&]presentatie=1\b"), timeout=20_000)
    page.locator(SIDEBAR).wait_for(state="hidden", timeout=20_000)
    _check_page(page, tperi.PROFILE_TITLE)
    assert _query(page).get("gemeente") == code
    assert name in page.locator("[data-testid='stMain']").inner_text()

    page.get_by_role("button", name=tc.PRESENTATION_OFF).click()
    page.wait_for_url(lambda url: "presentatie" not in url, timeout=20_000)
    page.locator(SIDEBAR).wait_for(state="visible", timeout=20_000)
    _check_page(page, tperi.PROFILE_TITLE)
    assert _query(page).get("gemeente") == code and _picked(page) == name


def test_keyboard_reaches_navigation_picker_and_presentation(app_url: str, new_tab) -> None:
    """Tab from the top reaches a sidebar link (Enter opens it), the gemeente picker (visible focus, type + Enter
    selects) and the presentation button (focus ring, Enter switches it on)."""
    page = new_tab()
    page.goto(f"{app_url}/")
    _check_page(page, ti.HOME_TITLE)
    _tab_to(page, "[data-testid='stSidebarNavLink'][href$='/kaart']")
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none", \
        "no focus outline on the sidebar link"
    page.keyboard.press("Enter")
    _check_page(page, tm.TITLE)
    assert _path(page) == "kaart"

    page.goto(f"{app_url}/")
    _check_page(page, ti.HOME_TITLE)
    ring = "e => getComputedStyle(e.getRootNode().host).outlineStyle"
    assert page.locator(PICKER).evaluate(ring) == "none"
    _tab_to(page, PICKER_HOST)
    assert page.evaluate("document.activeElement.shadowRoot.activeElement.matches(':focus-visible')")
    assert page.locator(PICKER).evaluate(ring) != "none", "no visible focus on the gemeente picker"
    page.keyboard.type(ZWOLLE[1])
    page.locator(HITS).get_by_role("button", name=ZWOLLE[1], exact=True).wait_for(timeout=10_000)
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(rf"[?&]gemeente={ZWOLLE[0]}\b"), timeout=20_000)
    wait_for_page(page, ti.HOME_TITLE)

    page.locator(PICKER).focus()
    _tab_to(page, f"{SIDEBAR} [data-testid='stBaseButton-secondary']")
    ring = page.evaluate("getComputedStyle(document.activeElement).boxShadow")
    assert ring != "none", "no focus ring on the presentation button"
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"[?&]presentatie=1\b"), timeout=20_000)


def test_deuteranopia_emulation_keeps_labels_next_to_colours(app_url: str, new_tab) -> None:
    """Chromium's deuteranopia emulation on Start and Kaart (screenshots in test-output/cvd/ for review);
    the trend tiles carry an arrow and a word, the map legend a text per colour and a dashed no-data swatch."""
    code, _ = ZWOLLE
    page = new_tab(1280, 1600)  # tall: tiles and the whole map in one picture
    cdp = page.context.new_cdp_session(page)
    cdp.send("Emulation.setEmulatedVisionDeficiency", {"type": "deuteranopia"})

    page.goto(f"{app_url}/?gemeente={code}")
    _check_page(page, ti.HOME_TITLE)
    _shot(page, CVD_DIR, "start_deuteranopia")
    trends = page.locator(".ks-tile-trend").all_inner_texts()
    assert trends, "no trend tiles on Start"
    arrows = tuple(a for a in ti.ARROW.values())
    assert all(t.strip().startswith(arrows) and len(t.strip()) > 2 for t in trends), trends

    page.goto(f"{app_url}/kaart?gemeente={code}")
    _check_page(page, tm.TITLE)
    map_frame(page, minimum=N_GEMEENTEN_2023)
    page.wait_for_timeout(1000)
    _shot(page, CVD_DIR, "kaart_deuteranopia")
    legend = page.locator(".ks-legend").first
    rows = legend.locator(":scope > div:has(span)")
    labels = [text.strip() for text in rows.all_inner_texts()]
    assert len(labels) >= 2 and all(labels), f"legend entries without text: {labels}"
    no_data = rows.filter(has_text=tm.LEGEND_NO_DATA)
    if no_data.count():
        assert no_data.first.locator("span").first.evaluate("e => getComputedStyle(e).borderStyle") == "dashed"
    cdp.send("Emulation.setEmulatedVisionDeficiency", {"type": "none"})


def test_chart_data_downloads_in_both_notations(app_url: str, new_tab) -> None:
    """The first 'Download data' menu of the profile (the spine chart): each CSV is written on the click
    (deferred download) and arrives in the browser with its file name, notation and synthetic label."""
    page = new_tab()
    page.goto(f"{app_url}/mijn-gemeente?gemeente={ZWOLLE[0]}")
    _check_page(page, tperi.PROFILE_TITLE)
    files = {}
    for label in (tc.DOWNLOAD_DUTCH, tc.DOWNLOAD_INTERNATIONAL):
        page.get_by_role("button", name=tc.DOWNLOAD_CSV).first.click()
        button = page.get_by_role("button", name=label)
        button.wait_for(timeout=10_000)
        with page.expect_download(timeout=30_000) as download:
            button.click()
        files[download.value.suggested_filename] = Path(download.value.path()).read_bytes().decode("utf-8-sig")
        page.keyboard.press("Escape")
    (dutch_name, dutch), (int_name, international) = files.items()
    assert dutch_name.endswith(".csv") and int_name == dutch_name.replace(".csv", "_internationaal.csv")
    assert ZWOLLE[0] in dutch_name
    header, first_row = dutch.splitlines()[:2]
    assert ";" in header and re.search(r";\d+,\d+;", first_row), first_row  # decimal comma
    assert ";" not in international.splitlines()[0] and re.search(r",\d+\.\d+,", international.splitlines()[1])
    assert all(tc.SYNTHETIC_LABEL in line for line in dutch.splitlines()[1:])
    assert error_boxes(page) == []
