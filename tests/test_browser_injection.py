"""Nothing user-typed runs (issue 18): on a hosted instance, in a real browser, payloads go into everything a user
can type or upload (workspace name and gemeente, coalition and gemeente of a self-assessment, notes, workshop title,
participant name, group notes, cells and the file name of an uploaded perinatal file); then every page is visited
and every export downloaded. ``window.__x`` must stay undefined (in the page and in every frame), no payload may
become an element (an ``<img src=x>``, a ``<script>`` with it, an ``onerror`` attribute), CSV cells that start
like a formula are neutralised and the HTML reports carry the payloads escaped."""

from __future__ import annotations

import csv
import io
import os
import re
from pathlib import Path

import pytest

from ks_data.assessment.items import load_item_bank
from ks_data.texts import assessment as ta
from ks_data.texts import hosting as th
from ks_data.texts import pages as tp
from ks_data.texts import perinatal_data as td
from ks_data.texts import workshop as tw
from tests.support import (CHROMIUM, CHROMIUM_ARGS, PROJECT_DIR, StreamlitServer, app_url_paths, isolated_env,
                           require_chromium, wait_for_page)

pytestmark = pytest.mark.browser

IMG = "<img src=x onerror=window.__x=1>"
SCRIPT = "<script>window.__x=1</script>"
FORMULA = '=HYPERLINK("http://x","y")'
PAYLOAD = f"{IMG} {SCRIPT} {FORMULA}"
BANK = load_item_bank()
DATA = Path(__file__).resolve().parent / "data"
GEMEENTE = "GM0193"  # Zwolle: its row of the uploaded file carries the payloads

# No payload may be live in the DOM: as an element, an event handler, or script text.
_LIVE = """() => [...document.querySelectorAll('img[src="x"], [onerror], script')]
  .filter(e => e.tagName !== 'SCRIPT' || (e.textContent || '').includes('window.__x')).map(e => e.outerHTML)"""


@pytest.fixture
def hosted_server(geo_cache: Path, tmp_path: Path):
    require_chromium()
    env = {**os.environ, **isolated_env(geo_cache, tmp_path), "KS_HOSTED": "1"}
    server = StreamlitServer(PROJECT_DIR / "app.py", env, log=tmp_path / "server.log")
    server.start()
    try:
        yield server.url
    finally:
        server.stop()
    assert "Traceback" not in (tmp_path / "server.log").read_text(encoding="utf-8")


def _inert(page, where: str) -> None:
    """window.__x undefined in the page and every frame; no payload as an element."""
    page.wait_for_timeout(400)
    for frame in page.frames:
        try:
            assert frame.evaluate("typeof window.__x") == "undefined", f"payload ran on {where} ({frame.url})"
            assert frame.evaluate(_LIVE) == [], f"payload became markup on {where}"
        except Exception as exc:  # a frame that went away while checking is no finding
            if "Execution context was destroyed" in str(exc) or "Frame was detached" in str(exc):
                continue
            raise


def _go(page, title: str, heading: str | None = None) -> None:
    """Switch page through the sidebar (the same browser session: the workspace stays open)."""
    page.locator("[data-testid='stSidebarNav']").get_by_role("link", name=title, exact=True).click()
    wait_for_page(page, heading or title)
    page.wait_for_selector("[data-testid='stApp'][data-test-script-state='notRunning']", timeout=60_000)


def _csv_cells(text: str) -> list[str]:
    dialect = csv.Sniffer().sniff(text.splitlines()[0] if text.strip() else "a;b", delimiters=";,")
    return [cell for row in csv.reader(io.StringIO(text), dialect) for cell in row]


def _check_export(path: Path, name: str) -> str:
    text = path.read_text(encoding="utf-8-sig")
    if name.endswith(".csv"):
        cells = _csv_cells(text)
        assert any("HYPERLINK" in c for c in cells), f"{name}: the payload is not in the export at all"
        assert not [c for c in cells if c[:1] in ("=", "+", "@") or c.startswith("-") and "HYPERLINK" in c], name
    else:
        assert "&lt;img src=x onerror=window.__x=1&gt;" in text or "&lt;img src=x" in text, name
        assert IMG not in text and SCRIPT not in text, f"{name}: a payload is in the report as markup"
    return text


def _download(page, button_name: str, tmp_path: Path) -> tuple[Path, str]:
    with page.expect_download() as download:
        page.get_by_role("button", name=button_name).first.click()
    target = tmp_path / download.value.suggested_filename
    download.value.save_as(target)
    return target, download.value.suggested_filename


def _upload_file(tmp_path: Path) -> Path:
    """The waarstaatjegemeente export with Zwolle's name replaced by the payloads, under a payload file name."""
    content = (DATA / "wsjg_gemeenten_percentages_2018-2020.csv").read_bytes()  # cp1252, as exports come
    cell = '"' + PAYLOAD.replace('"', '""') + '"'
    file = tmp_path / f"{IMG}.csv"
    file.write_bytes(content.replace(b"Zwolle;GM0193", f"{cell};GM0193".encode("ascii")))
    return file


def test_payloads_typed_and_uploaded_everywhere_stay_inert_on_every_page_and_export(hosted_server, tmp_path):
    from playwright.sync_api import sync_playwright

    url = hosted_server
    exports: dict[str, str] = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_context(viewport={"width": 1280, "height": 1400}, accept_downloads=True).new_page()

        # A workspace named with the payloads (the Werkruimte page; the gemeente in the URL stays for the session).
        page.goto(f"{url}/werkruimte?gemeente={GEMEENTE}")
        wait_for_page(page, th.PAGE_TITLE)
        page.get_by_role("textbox", name=th.CREATE_NAME).fill(PAYLOAD)
        page.get_by_role("textbox", name=th.CREATE_GEMEENTE).fill(f"{IMG} {FORMULA}")
        page.get_by_role("button", name=th.CREATE_BUTTON).click()
        page.get_by_role("button", name=th.CODE_DONE).click()
        page.get_by_text("is geopend").wait_for(timeout=30_000)
        assert IMG in page.locator("[data-testid='stMain']").inner_text()  # shown, as text
        _inert(page, "Werkruimte")

        # A self-assessment: coalition, gemeente, one answer and a note with the payloads.
        _go(page, tp.ASSESSMENT_FILL, ta.FILL_TITLE)
        page.get_by_role("textbox", name=ta.COALITION_LABEL).fill(PAYLOAD)
        page.get_by_role("textbox", name=ta.GEMEENTE_LABEL).fill(PAYLOAD)
        page.get_by_role("button", name=ta.OPEN_BUTTON).click()
        page.wait_for_url(re.compile(r"[?&]evaluatie=\d+"), timeout=30_000)
        first = BANK.elements[0].items[0]
        page.get_by_role("radiogroup", name=first.text).get_by_text(
            ta.scale_option(2, BANK.scale.label(2)), exact=True).click()
        note = page.get_by_role("textbox", name=ta.NOTE_LABELS["next_step"]).first
        note.click()
        note.press_sequentially(PAYLOAD, delay=5)
        page.get_by_text("Opgeslagen", exact=True).first.wait_for(timeout=20_000)
        _inert(page, "Zelfevaluatie invullen")

        # A workshop with the payloads as its title, a participant with them as a name, a group note.
        _go(page, tp.WORKSHOP_HOST, tw.HOST_TITLE)
        page.get_by_role("textbox", name=tw.HOST_SESSION_TITLE).fill(PAYLOAD)
        page.get_by_role("button", name=tw.HOST_START).click()
        page.wait_for_url(re.compile(r"[?&]sessie=\w+"), timeout=30_000)
        page.locator("[data-testid='stMain'] h1").filter(has_text=SCRIPT).first.wait_for(timeout=30_000)
        code = re.search(r"[?&]sessie=(\w+)", page.url).group(1)
        phone = browser.new_context(viewport={"width": 390, "height": 844}).new_page()
        phone.goto(f"{url}/workshop?code={code}")
        wait_for_page(phone, tw.JOIN_TITLE)
        phone.get_by_role("textbox", name=tw.JOIN_NAME).fill(PAYLOAD)
        phone.get_by_role("button", name=tw.JOIN_BUTTON).click()
        phone.get_by_role("radiogroup", name=first.text).get_by_text(
            ta.scale_option(3, BANK.scale.label(3)), exact=True).click()
        phone.get_by_text(tw.answer_saved(ta.scale_option(3, BANK.scale.label(3)))).first.wait_for(timeout=20_000)
        _inert(phone, "Workshop: meedoen")
        page.get_by_text("1 deelnemer", exact=True).wait_for(timeout=20_000)
        page.get_by_role("button", name=tw.MANAGE).click()  # the trainer's folded controls
        page.get_by_text(tw.SHOW_NAMES, exact=True).click()
        page.wait_for_timeout(1000)
        page.keyboard.press("Escape")
        page.get_by_role("button", name=tw.SHOW_RESULTS).click()
        page.wait_for_timeout(1500)
        group_note = page.get_by_role("textbox", name=ta.NOTE_LABELS["next_step"])
        if group_note.count() == 0:
            page.get_by_text(BANK.elements[0].title).first.click()  # open the element's expander
        group_note.first.click()
        group_note.first.press_sequentially(PAYLOAD, delay=5)
        page.get_by_text("Opgeslagen", exact=True).first.wait_for(timeout=20_000)
        _inert(page, "Workshop: groepsscherm")
        path, name = _download(page, tw.EXPORT_REPORT, tmp_path)
        exports[name] = _check_export(path, name)
        page.get_by_role("button", name=tw.EXPORT_CSV).click()
        with page.expect_download() as download:
            page.get_by_role("button", name=re.compile("Nederlandse notatie")).click()
        target = tmp_path / download.value.suggested_filename
        download.value.save_as(target)
        exports[target.name] = _check_export(target, target.name)
        page.keyboard.press("Escape")

        # A perinatal file with the payloads in its file name and in a cell.
        _go(page, tp.DATA, td.DATA_TITLE)
        page.locator("input[type=file]").set_input_files(str(_upload_file(tmp_path)))
        page.get_by_role("button", name=td.CONFIRM_BUTTON).click(timeout=60_000)
        page.get_by_text(td.REMOVE_BUTTON).first.wait_for(timeout=60_000)
        assert f"{IMG}.csv" in page.locator("[data-testid='stMain']").inner_text()  # the file name, as text
        _inert(page, "Data")

        # Every page of the app, in this session (the workspace open, Zwolle chosen).
        for title in (tp.HOME, tp.INDICATORS, tp.TRENDS, tp.PROFILE, tp.MAP, tp.REPORT, tp.ASSESSMENT_FILL,
                      tp.ASSESSMENT_RESULTS, tp.WORKSHOP_JOIN, tp.WORKSHOP_HOST, tp.DATA, th.PAGE_TITLE):
            page.locator("[data-testid='stSidebarNav']").get_by_role("link", name=title, exact=True).click()
            page.wait_for_timeout(800)
            page.wait_for_selector("[data-testid='stApp'][data-test-script-state='notRunning']", timeout=90_000)
            page.wait_for_timeout(2500)  # charts, maps and components draw
            _inert(page, title)
            if title == tp.ASSESSMENT_RESULTS:
                for button in (ta.EXPORT_CSV, ta.EXPORT_REPORT):
                    path, name = _download(page, button, tmp_path)
                    exports[name] = _check_export(path, name)
            if title == tp.REPORT:
                path, name = _download(page, "Download rapport (HTML, printbaar)", tmp_path)
                exports[name] = path.read_text(encoding="utf-8")
                assert IMG not in exports[name] and SCRIPT not in exports[name]

        # The printable reports, opened as a user opens them: still inert.
        for name, text in exports.items():
            if name.endswith(".html"):
                report = browser.new_page()
                report.set_content(text)
                _inert(report, name)
                report.close()
        assert len(app_url_paths()) == 11  # every registered page was visited above (+ Werkruimte when hosted)
        browser.close()


def test_the_check_itself_finds_a_payload_that_ran_or_became_markup():
    """The inert check is no test that cannot fail: a page where the payload is live fails it."""
    from playwright.sync_api import sync_playwright

    require_chromium()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page()
        page.set_content(f"<p>{IMG.replace('<', '&lt;')}</p>")  # escaped: inert
        _inert(page, "escaped")
        page.set_content(f"<p>{IMG}</p>")
        with pytest.raises(AssertionError, match="ran|markup"):
            _inert(page, "live")
        page = browser.new_page()
        page.set_content("<p>x</p>")
        page.evaluate("document.body.insertAdjacentHTML('beforeend', '<img src=x>')")  # markup, nothing ran
        with pytest.raises(AssertionError, match="markup"):
            _inert(page, "element")
        browser.close()
