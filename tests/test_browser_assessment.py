"""Real-browser runs (Playwright + Debian chromium) of the self-assessment: import upload and live workshop screen."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from ks_data import assessment_io, paths, storage, storage_workshop
from ks_data.assessment import AssessmentRecord, load_item_bank
from ks_data.texts import pages as tp
from tests.conftest import PROJECT_DIR

pytestmark = pytest.mark.browser
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
PORTS = range(8612, 8620)


def _free_port() -> int:
    for port in PORTS:
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) != 0:
                return port
    pytest.skip("no free port in 8612-8619")


@pytest.fixture
def server(user_data_dir: Path) -> Iterator[str]:
    """The app on a free port, with its database in the test's user-data folder."""
    if not Path(CHROMIUM).exists():
        if os.environ.get("KS_REQUIRE_BROWSER"):
            pytest.fail("chromium is required (KS_REQUIRE_BROWSER is set)")
        pytest.skip("Debian chromium not installed")
    port = _free_port()
    env = {**os.environ, "KS_DB_PATH": str(paths.DB_PATH), "KS_USER_DATA_DIR": str(user_data_dir)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "app.py", f"--server.port={port}", "--server.headless=true"],
        cwd=PROJECT_DIR, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    url = f"http://localhost:{port}"
    try:
        for _ in range(120):
            try:
                if urllib.request.urlopen(f"{url}/_stcore/health", timeout=1).read() == b"ok":
                    break
            except OSError:
                time.sleep(0.25)
        else:
            pytest.fail("streamlit did not start")
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=20)


@pytest.fixture
def page():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM,
                                    args=["--no-sandbox", "--disable-background-networking"])
        tab = browser.new_page(viewport={"width": 1280, "height": 1400})
        yield tab
        browser.close()


def _open(page, url: str) -> None:
    """Open ``url`` after one visit to the start page: on the very first page load of a fresh server,
    Streamlit shows a "Page not found" modal over deep links (streamlit/streamlit#9992)."""
    root = url.split("/", 3)
    page.goto("/".join(root[:3]) + "/")
    # the navigation built by app.py (not the auto-discovered pages/ folder) shows st.navigation has run
    page.get_by_role("link", name=tp.WORKSHOP_HOST).wait_for(timeout=30_000)
    page.goto(url)


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
    [saved] = storage.list_assessments()
    loaded = storage.get_assessment(saved.id)
    assert loaded.answers == record.answers and loaded.notes == record.notes


def test_broken_upload_shows_dutch_errors_and_changes_nothing(server, page, tmp_path: Path):
    file = tmp_path / "kapot.json"
    file.write_text(json.dumps({"format": "kansrijke-start-zelfevaluatie"})[:-5], encoding="utf-8")
    _open(page, f"{server}/zelfevaluatie-resultaten")
    page.get_by_text("Evaluatie importeren").first.wait_for(timeout=30_000)
    page.locator("input[type=file]").set_input_files(str(file))
    page.get_by_text("Importeren is niet gelukt; er is niets gewijzigd.").wait_for(timeout=30_000)
    assert page.get_by_text("onvolledig of beschadigd").count() == 1
    assert storage.list_assessments() == []


def test_shared_screen_updates_live_when_participants_score(server, page):
    code = storage_workshop.create_workshop(title="Live")
    _open(page, f"{server}/workshop-scherm?sessie={code}")
    page.get_by_text("Nog geen antwoorden").wait_for(timeout=30_000)
    for n, value in enumerate((1, 2, 4)):
        participant = storage_workshop.join_workshop(code, token=f"t{n}")
        storage_workshop.save_participant_answer(participant.id, item_id="goals_vision", value=value)
    # no click, no reload: the fragment re-reads the database every few seconds
    page.get_by_text("3 deelnemers").wait_for(timeout=20_000)
    page.get_by_role("cell", name="2,3", exact=True).first.wait_for(timeout=10_000)  # mean of 1, 2, 4
