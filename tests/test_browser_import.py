"""Real-browser test of loading one's own exports on the Data page, as a new user does, then seeing them elsewhere.

Uploads a percentage-only gemeente export and a PC4 export with '<10' cells through the import step (preview,
column meanings, check, confirm), opens "Mijn gemeente" for Zwolle, and tries a broken file, in Debian Chromium.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from ks_data.texts import perinatal_data as td
from tests.support import error_boxes, isolated_env, offline_browser, require_chromium, running_app, wait_for_page

pytestmark = pytest.mark.browser
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(scope="module")
def app_url(geo_cache: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The app served by `streamlit run` with the boundary cache and empty user data."""
    require_chromium()
    work = tmp_path_factory.mktemp("browser_import")
    with running_app(isolated_env(geo_cache, work), log_path=work / "server.log") as url:
        yield url


def _upload(page, name: str) -> None:
    page.locator("[data-testid='stFileUploader'] input[type='file']").set_input_files(str(DATA / name))
    page.get_by_text(td.STEP_CHECK).first.wait_for(timeout=60_000)
    page.wait_for_selector("[data-testid='stApp'][data-test-script-state='notRunning']", timeout=60_000)
    # the first selectbox of a page mounts a moment after the run ends (its frontend code loads on first use)
    page.locator("[data-testid='stSelectbox']").first.wait_for(timeout=30_000)


def _confirm(page, name: str) -> None:
    page.get_by_role("button", name=td.CONFIRM_BUTTON).click()
    page.get_by_text(f"Bestand '{name}' is geladen:").first.wait_for(timeout=60_000)
    page.wait_for_selector("[data-testid='stApp'][data-test-script-state='notRunning']", timeout=60_000)


def test_a_new_user_loads_both_exports_and_sees_their_figures(app_url: str) -> None:
    with offline_browser(width=1280, height=900) as (page, external):
        page.goto(f"{app_url}/data")
        wait_for_page(page, td.DATA_TITLE)
        _upload(page, "wsjg_gemeenten_percentages_2018-2020.csv")
        main = page.locator("[data-testid='stMain']")
        text = main.inner_text()
        assert td.STEP_COLUMNS in text and "Big2 (%)" in text and td.STEP_VARIANT in text
        assert td.CHECK_OK.format(warnings="") in text and "Aantallen afgeleid uit percentage" in text
        _confirm(page, "wsjg_gemeenten_percentages_2018-2020.csv")
        _upload(page, "perined_pc4_zwolle_2018-2020.csv")
        assert "afgeschermd in de bron (zoals <10)" in main.inner_text()
        _confirm(page, "perined_pc4_zwolle_2018-2020.csv")
        text = main.inner_text()
        assert "wsjg_gemeenten_percentages_2018-2020.csv" in text and "perined_pc4_zwolle_2018-2020.csv" in text
        assert page.get_by_role("button", name=td.REMOVE_BUTTON, exact=True).count() == 2

        page.goto(f"{app_url}/mijn-gemeente?gemeente=GM0193")
        wait_for_page(page, "Mijn gemeente")
        text = main.inner_text()
        assert "Wat valt op in Zwolle, 2018-2020" in text and "synthetisch voorbeeld" not in text
        assert "Nederland: 15,0% (RIVM-monitor, 2020)" in text
        assert "Nederland: geen landelijk cijfer beschikbaar" in text
        assert "(afgeleid uit percentage)" in text
        assert error_boxes(page) == [] and external == []


def test_a_broken_file_is_explained_and_cannot_be_confirmed(app_url: str) -> None:
    with offline_browser(width=1280, height=900) as (page, external):
        page.goto(f"{app_url}/data")
        wait_for_page(page, td.DATA_TITLE)
        _upload(page, "broken_percentages_without_births.csv")
        text = page.locator("[data-testid='stMain']").inner_text()
        assert "Percentages gevonden, maar geen aantal geboorten" in text
        assert page.get_by_role("button", name=td.CONFIRM_BUTTON).is_disabled()
        page.get_by_role("button", name=td.CANCEL_BUTTON).click()
        page.get_by_text(td.CANCEL_DONE).first.wait_for(timeout=30_000)
        assert external == []
