"""Real-browser runs (Playwright + Debian chromium) of the self-assessment: import upload, notes that survive a
reload, and the live workshop screen."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest

from ks_data import paths
from ks_data.assessment import transfer as assessment_io
from ks_data.storage import assessments as storage_assessments
from ks_data.storage import workshops as storage_workshop
from ks_data.assessment.items import AssessmentRecord, load_item_bank
from ks_data.texts import assessment as ta
from ks_data.texts import common as tc
from ks_data.texts import pages as tp
from ks_data.texts import workshop as tw
from tests.support import offline_browser, require_chromium, running_app

pytestmark = pytest.mark.browser


@pytest.fixture
def server(user_data_dir: Path, tmp_path: Path) -> Iterator[str]:
    """The app on a free port, with its database in the test's user-data folder."""
    require_chromium()
    env = {"KS_DB_PATH": str(paths.DB_PATH), "KS_USER_DATA_DIR": str(user_data_dir)}
    with running_app(env, log_path=tmp_path / "server.log") as url:
        yield url


@pytest.fixture
def page():
    with offline_browser(width=1280, height=1400) as (tab, external):
        yield tab
        assert external == [], f"requests left the machine: {external}"


def _open(page, url: str) -> None:
    """Open a deep link straight away: no 'Page not found' dialog may appear on a fresh server."""
    page.goto(url)
    page.get_by_role("link", name=tp.WORKSHOP_HOST).wait_for(timeout=30_000)
    assert page.get_by_text("Page not found").count() == 0


def test_import_an_exported_file_through_the_upload_widget(server, page, tmp_path: Path):
    bank = load_item_bank()
    record = AssessmentRecord(coalition="Coalitie Import", gemeente="Ede", assessment_date=date(2026, 2, 1),
                              answers={"goals_vision": 2, "monitoring_outcomes": None},
                              notes={"goals": {"next_step": "Plan maken"}})
    file = tmp_path / "evaluatie.json"
    file.write_text(assessment_io.export_json(bank, record), encoding="utf-8")
    _open(page, f"{server}/zelfevaluatie-resultaten")
    page.get_by_text("Er is nog geen evaluatie opgeslagen").wait_for(timeout=30_000)
    page.locator("input[type=file]").set_input_files(str(file))
    page.get_by_role("button", name="Importeren").click()
    page.get_by_text("Geïmporteerd: Coalitie Import, 01-02-2026 (2 antwoorden).").wait_for(timeout=30_000)
    [saved] = storage_assessments.list_assessments()
    loaded = storage_assessments.get_assessment(saved.id)
    assert loaded.answers == record.answers and loaded.notes == record.notes


def test_broken_upload_shows_dutch_errors_and_changes_nothing(server, page, tmp_path: Path):
    file = tmp_path / "kapot.json"
    file.write_text(json.dumps({"format": "kansrijke-start-zelfevaluatie"})[:-5], encoding="utf-8")
    _open(page, f"{server}/zelfevaluatie-resultaten")
    page.get_by_text("Evaluatie importeren").first.wait_for(timeout=30_000)
    page.locator("input[type=file]").set_input_files(str(file))
    page.get_by_text("Importeren is niet gelukt; er is niets gewijzigd.").wait_for(timeout=30_000)
    assert page.get_by_text("onvolledig of beschadigd").count() == 1
    assert storage_assessments.list_assessments() == []


def test_shared_screen_updates_live_when_participants_score(server, page):
    code = storage_workshop.create_workshop(title="Live")
    _open(page, f"{server}/workshop-scherm?sessie={code}")
    page.get_by_text("Nog geen antwoorden").wait_for(timeout=30_000)
    for n, value in enumerate((1, 2, 4)):
        participant = storage_workshop.join_workshop(code, token=f"t{n}")
        storage_workshop.save_participant_answer(participant.id, item_id="goals_vision", value=value)
    # no click, no reload: the fragment re-reads the database every few seconds
    page.get_by_text("3 deelnemers", exact=True).wait_for(timeout=20_000)
    page.get_by_text(tw.RESULTS_HIDDEN.split("**")[0].strip()).wait_for(timeout=10_000)
    assert page.get_by_role("cell", name="2,3", exact=True).count() == 0  # hidden until revealed
    storage_workshop.set_revealed(code, "denkraam", True)  # e.g. from the trainer's laptop, another screen
    page.get_by_role("cell", name="2,3", exact=True).first.wait_for(timeout=10_000)  # mean of 1, 2, 4


def _new_assessment(page, server: str, coalition: str) -> int:
    """Open the fill-in page and start an assessment; return its id (from the link)."""
    _open(page, f"{server}/zelfevaluatie")
    page.get_by_role("textbox", name=ta.COALITION_LABEL).fill(coalition)
    page.get_by_role("button", name=ta.OPEN_BUTTON).click()
    page.wait_for_url(re.compile(r"[?&]evaluatie=\d+"), timeout=30_000)
    return int(parse_qs(urlparse(page.url).query)["evaluatie"][0])


def expect(locator):
    from playwright.sync_api import expect as playwright_expect

    return playwright_expect(locator)


def _note(page, label: str):
    return page.get_by_role("textbox", name=label).first


@pytest.mark.parametrize("pause_ms", [1500, 100], ids=["reload after the save", "reload 0.1 s after typing"])
def test_a_note_typed_and_followed_by_a_reload_is_still_there(server, page, pause_ms: int):
    """Given a note typed without leaving the box (no Tab, no Ctrl+Enter), when the page is reloaded (also
    within the debounce, before the text reached the server), then the note is in the box and the database."""
    assessment_id = _new_assessment(page, server, "Coalitie Notities")
    box = _note(page, ta.NOTE_LABELS["next_step"])
    box.click()
    box.press_sequentially("Werkgroep starten", delay=15)
    if pause_ms > 1000:
        page.get_by_text(tc.NOTE_SAVED, exact=True).first.wait_for(timeout=10_000)
        assert "Alles is opgeslagen" not in page.content()
    page.wait_for_timeout(pause_ms)
    page.reload()
    expect(_note(page, ta.NOTE_LABELS["next_step"])).to_have_value("Werkgroep starten", timeout=30_000)
    page.get_by_text(tc.NOTE_SAVED, exact=True).first.wait_for(timeout=10_000)  # sent after the reload
    assert storage_assessments.get_assessment(assessment_id).notes == {"goals": {"next_step": "Werkgroep starten"}}
    page.reload()  # and once more, now from the database alone
    expect(_note(page, ta.NOTE_LABELS["next_step"])).to_have_value("Werkgroep starten", timeout=30_000)
