"""AppTest of app_pages/data.py (url 'data'): what is active, loading from the import folder, the report."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
from streamlit.testing.v1 import AppTest

from ks_data.perinatal import dataset as perinatal
from ks_data.texts import common as tc
from ks_data.texts import perinatal as tp
from tests.conftest import APP_FILE

DATA_PAGE = "app_pages/data.py"
DATA = Path(__file__).resolve().parent / "data"


def _data_page() -> AppTest:
    at = AppTest.from_file(APP_FILE, default_timeout=90).run()
    at.switch_page(DATA_PAGE).run()
    assert not at.exception, [e.message for e in at.exception]
    return at



def _read_all(downloads, **match: bool) -> list[pd.DataFrame]:
    """The downloads (optionally only dutch=/synthetic=) read back as text cells, as a spreadsheet shows them."""
    return [d.read(dtype=str, keep_default_na=False) for d in downloads
            if all(getattr(d, name) == value for name, value in match.items())]


def _stage(*names: str) -> Path:
    folder = perinatal.import_dir()
    folder.mkdir(parents=True, exist_ok=True)
    for name in names:
        shutil.copy(DATA / name, folder / name)
    return folder


def _load(at: AppTest, name: str) -> AppTest:
    at.selectbox(key="_data_folder_file").select(perinatal.import_dir() / name).run()
    at.button(key="_data_folder_load").click().run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def test_synthetic_is_shown_as_active(perinatal_env: Path) -> None:
    at = _data_page()
    assert at.title[0].value == tp.DATA_TITLE
    assert tc.SYNTHETIC_NOTE in [w.value for w in at.warning]
    assert any(m.value.startswith("Synthetisch voorbeeld (geen echte cijfers)") for m in at.markdown)
    assert tp.FOLDER_EMPTY in [i.value for i in at.info]


def test_loading_a_good_file_replaces_the_demo_and_persists(perinatal_env: Path) -> None:
    _stage("perined_gemeenten_2016-2020.csv")
    at = _load(_data_page(), "perined_gemeenten_2016-2020.csv")
    assert at.success[0].value.startswith("Bestand 'perined_gemeenten_2016-2020.csv' is geladen: 6 rijen")
    assert any("Eigen bestand 'perined_gemeenten_2016-2020.csv'" in s.value for s in at.success)
    assert tc.SYNTHETIC_NOTE not in [w.value for w in at.warning]
    # a new session (restart) still has it
    assert perinatal.load_active().filename == "perined_gemeenten_2016-2020.csv"


def test_rejected_file_keeps_loaded_data_and_shows_the_report(perinatal_env: Path) -> None:
    _stage("perined_gemeenten_2016-2020.csv", "broken_text_in_count.csv")
    at = _load(_data_page(), "perined_gemeenten_2016-2020.csv")
    at = _load(at, "broken_text_in_count.csv")
    assert at.error[0].value == tp.LOAD_REJECTED.format(file="broken_text_in_count.csv", n=2)
    report = at.dataframe[0].value
    assert report[["rij", "kolom"]].values.tolist() == [[3, "Big2"], [4, "Vroeggeboorte"]]
    assert "gevonden 'twaalf'" in report["melding"].iloc[0]
    assert perinatal.load_active().filename == "perined_gemeenten_2016-2020.csv"
    assert any("Eigen bestand 'perined_gemeenten_2016-2020.csv'" in s.value for s in at.success)


def test_reset_returns_to_the_synthetic_demo(perinatal_env: Path) -> None:
    _stage("wsjg_pc4_2016-2020.csv")
    at = _load(_data_page(), "wsjg_pc4_2016-2020.csv")
    at.button(key="_data_reset").click().run()
    assert not at.exception
    assert tc.SYNTHETIC_NOTE in [w.value for w in at.warning]
    assert perinatal.load_active().is_synthetic


def test_without_any_data_the_page_still_offers_loading(no_perinatal_env: Path) -> None:
    at = _data_page()
    assert tp.NO_DATA_GEO in [i.value for i in at.info]
    assert tp.UPLOAD_HEADING in [h.value for h in at.header]
    assert not at.error


def test_preview_never_shows_counts_below_ten(perinatal_env: Path) -> None:
    at = _data_page()
    preview = at.dataframe[0].value
    for column in ("geboorten", "Big2", "vroeggeboorte"):
        values = preview[column]
        numeric = values[~values.isin([tp.SUPPRESSED_MARK, tc.NO_DATA])].str.replace(".", "", regex=False).astype(int)
        assert (numeric >= 10).all()


def test_preview_and_schema_tables_can_be_downloaded(perinatal_env: Path, csv_downloads) -> None:
    """Given the synthetic demo, then the preview's download holds the same 20 rows (counts below ten still
    'afgeschermd', labelled synthetic) and the column table its rows, each in Dutch and international notation."""
    at = _data_page()
    labels = [b.proto.label for b in at.get("download_button")]
    assert labels == [tc.DOWNLOAD_DUTCH, tc.DOWNLOAD_INTERNATIONAL] * 2
    preview = at.dataframe[0].value
    nl, intl = [frame for frame in _read_all(csv_downloads, synthetic=True) if "geboorten" in frame.columns]
    assert len(nl) == len(intl) == len(preview) == 20
    assert nl["code"].tolist() == preview["code"].tolist() and nl["periode"].tolist() == preview["periode"].tolist()
    assert nl["let_op"].eq(tc.SYNTHETIC_LABEL).all() and nl["synthetisch voorbeeld"].eq("ja").all()
    hidden = preview["Big2"] == tp.SUPPRESSED_MARK
    assert (nl.loc[hidden, "Big2"] == tp.SUPPRESSED_MARK).all()
    assert nl.loc[~hidden, "Big2"].str.fullmatch(r"\d+|").all()  # whole numbers, no thousands dots
    schema = next(frame for frame in _read_all(csv_downloads) if "herkende kolomnamen" in frame.columns)
    assert schema["gegeven"].tolist() == at.dataframe[-1].value["gegeven"].tolist()


def test_check_report_can_be_downloaded(perinatal_env: Path, csv_downloads) -> None:
    _stage("broken_text_in_count.csv")
    at = _load(_data_page(), "broken_text_in_count.csv")
    assert len(at.get("download_button")) == 6  # check report, preview, column table
    report = next(frame for frame in _read_all(csv_downloads, dutch=True) if "melding" in frame.columns)
    assert report[["rij", "kolom"]].values.tolist() == [["3", "Big2"], ["4", "Vroeggeboorte"]]
    assert "gevonden 'twaalf'" in report["melding"].iloc[0]


def test_a_full_disk_keeps_the_active_data_and_says_why_in_dutch(perinatal_env: Path, monkeypatch) -> None:
    """Given a disk that is full when an accepted file is stored, then the page says so in Dutch (not the system
    message) and the synthetic demo stays active."""
    import errno

    def full(result) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    _stage("perined_gemeenten_2016-2020.csv")
    monkeypatch.setattr(perinatal, "save_user_file", full)
    at = _load(_data_page(), "perined_gemeenten_2016-2020.csv")
    assert at.error[0].value == tp.LOAD_FAILED.format(detail="de schijf is vol")
    assert "No space" not in at.error[0].value
    assert perinatal.load_active().is_synthetic


def test_a_damaged_store_gives_a_dutch_error_and_still_offers_loading(perinatal_env: Path) -> None:
    """Given a stored file that cannot be read, then a Dutch error instead of a traceback, and the upload is offered."""
    folder = perinatal.store_dir()
    folder.mkdir(parents=True)
    (folder / perinatal.STORE_META).write_text("{kapot", encoding="utf-8")
    (folder / perinatal.STORE_DATA).write_bytes(b"geen parquet")
    at = _data_page()
    assert at.error[0].value == tc.LOAD_ERROR
    assert tp.UPLOAD_HEADING in [h.value for h in at.header]
