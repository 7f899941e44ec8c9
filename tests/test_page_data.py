"""AppTest of app_pages/data.py (url 'data'): the loaded files and the import step (preview, meanings, check, confirm)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
from streamlit.testing.v1 import AppTest

from ks_data.perinatal import dataset as perinatal
from ks_data.perinatal import schema as ps
from ks_data.texts import common as tc
from ks_data.texts import perinatal as tp
from ks_data.texts import perinatal_data as td
from tests.conftest import APP_FILE

DATA_PAGE = "app_pages/data.py"
DATA = Path(__file__).resolve().parent / "data"
WSJG = "wsjg_gemeenten_percentages_2018-2020.csv"
PC4 = "perined_pc4_zwolle_2018-2020.csv"


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


def _upload(at: AppTest, name: str) -> AppTest:
    """Choose a file as a user does (the uploader), which opens the import step."""
    at.file_uploader[0].set_value((name, (DATA / name).read_bytes(), "text/csv")).run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def _open_from_folder(at: AppTest, name: str) -> AppTest:
    at.selectbox(key="_data_folder_file").select(perinatal.import_dir() / name).run()
    at.button(key="_data_folder_load").click().run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def _confirm(at: AppTest) -> AppTest:
    at.button(key="_import_confirm").click().run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def _roles(at: AppTest) -> dict[str, str]:
    """Column header -> the meaning its selectbox shows."""
    return {s.label: s.value for s in at.selectbox if s.key and "_col_" in s.key}


def _load(at: AppTest, name: str) -> AppTest:
    return _confirm(_upload(at, name))


def test_synthetic_is_shown_as_active(perinatal_env: Path) -> None:
    at = _data_page()
    assert at.title[0].value == td.DATA_TITLE
    assert tc.SYNTHETIC_NOTE in [w.value for w in at.warning]
    assert any(m.value.startswith("Synthetisch voorbeeld (geen echte cijfers)") for m in at.markdown)
    assert td.FOLDER_EMPTY in [i.value for i in at.info]


def test_a_percentage_only_gemeente_export_loads_through_the_import_step(perinatal_env: Path) -> None:
    """Given a waarstaatjegemeente-style file (percentages and births), when it is uploaded, then the page shows its
    first rows, what each column is, the definition and a check saying counts are derived; nothing is loaded until
    the user confirms; after confirming it is the active data and survives a restart."""
    at = _upload(_data_page(), WSJG)
    assert [h.value for h in at.subheader][:4] == [td.STEP_PREVIEW.format(file=tc.md_literal(WSJG)), td.STEP_COLUMNS,
                                                   td.STEP_VARIANT, td.STEP_CHECK]
    preview = at.dataframe[1].value  # [0] is the active data's preview
    assert preview.columns[:2].tolist() == ["Gemeente", "Gemeentecode"] and preview.iloc[0, 4] == "14,2"
    assert _roles(at) == {"Gemeente": "area_name", "Gemeentecode": "area_code", "Periode": "period",
                          "Aantal geboorten (vanaf 24 weken)": "births", "Big2 (%)": "big2_pct",
                          "Vroeggeboorte (%)": "preterm_pct", "Laag geboortegewicht voor zwangerschapsduur (%)": "sga_pct",
                          "Perinatale sterfte (per 1.000)": "perinatal_deaths_permille"}
    assert [r.value for r in at.radio if r.key and r.key.endswith("_weeks")] == [24, 22]  # as the definitions
    assert at.success[-1].value == td.CHECK_OK.format(warnings="")
    assert any(td.CHECK_DERIVED.split(":")[0] in m.value for m in at.markdown)
    assert perinatal.load_active().is_synthetic  # nothing replaced yet
    at = _confirm(at)
    assert at.success[0].value.startswith(f"Bestand '{tc.md_literal(WSJG)}' is geladen: 12 rijen, 12 gebieden")
    assert tc.SYNTHETIC_NOTE not in [w.value for w in at.warning]
    assert any(tc.md_literal(WSJG) in m.value for m in at.markdown)  # listed as a loaded file
    active = perinatal.load_active()  # a new session (restart) still has it
    assert active.filename == WSJG and active.frame[ps.derived_column("big2")].sum() == 11  # Schiermonnikoog: '.'
    assert active.frame.set_index("area_code").loc["GM0453", "area_name"] == "Velsen"  # the CBS name, not the formula


def test_the_import_result_shows_where_the_user_confirmed_and_at_the_top(perinatal_env: Path) -> None:
    """Given a file in the import step, when the user clicks 'Bevestigen en laden' (at the bottom of the page), then
    the success message shows at the top, again at the upload spot where the user is, and once as a toast."""
    at = _confirm(_upload(_data_page(), WSJG))
    done = [s.value for s in at.success if s.value.startswith(f"Bestand '{tc.md_literal(WSJG)}' is geladen")]
    assert len(done) == 2
    texts = [e.value for e in at.main if getattr(e, "value", None) is not None and isinstance(e.value, str)]
    assert texts.index(done[1], texts.index(done[0]) + 1) > texts.index(td.UPLOAD_INTRO)  # the second: at the upload
    assert [t.value for t in at.toast] == [done[0]]
    at.run()  # a later rerun does not toast again
    assert not at.toast


def test_a_gemeente_and_a_pc4_export_are_listed_together_and_one_can_be_removed(perinatal_env: Path) -> None:
    """Given a gemeente export loaded, when a PC4 export with '<10' cells is added from the import folder, then both
    are listed with level and period, the check named the hidden cells, and removing one keeps the other."""
    _stage(PC4)
    at = _load(_data_page(), WSJG)
    at = _open_from_folder(at, PC4)
    assert any("afgeschermd in de bron (zoals <10)" in m.value for m in at.markdown)
    at = _confirm(at)
    listed = [m.value for m in at.markdown if "rijen" in m.value and "geladen" in m.value]
    assert len(listed) == 2 and "gemeenten · 2018-2020 · 12 rijen" in listed[0]
    assert "postcodegebieden \\(PC4\\) · 2018-2020 · 25 rijen" in listed[1]
    remove = [b for b in at.button if b.key and b.key.startswith("_data_remove_")]
    assert len(remove) == 2
    remove[0].click().run()
    assert [f.filename for f in perinatal.load_active().files] == [PC4]
    assert td.REMOVE_DONE.format(file=tc.md_literal(WSJG)) in [i.value for i in at.info]


def test_a_broken_file_names_the_real_cause_and_keeps_the_loaded_data(perinatal_env: Path) -> None:
    """Given a loaded file, when a file with percentages but no births is opened, then the page says it cannot be
    loaded, the report names the real cause (row and column empty, never 'None'), confirming is impossible and
    the loaded file stays active."""
    at = _load(_data_page(), WSJG)
    at = _upload(at, "broken_percentages_without_births.csv")
    report = at.table[0].value
    assert at.error[0].value == td.LOAD_REJECTED.format(file=tc.md_literal("broken_percentages_without_births.csv"),
                                                        first=tc.md_literal(report["melding"].iloc[0]), n=1)
    assert report["melding"].iloc[0].startswith("Percentages gevonden, maar geen aantal geboorten: 'Big2 (%)'")
    assert report[["rij", "kolom"]].values.tolist() == [["", ""]]
    assert at.button(key="_import_confirm").proto.disabled
    assert perinatal.load_active().filename == WSJG


def test_text_in_a_rate_is_reported_with_row_and_column(perinatal_env: Path, csv_downloads) -> None:
    at = _upload(_data_page(), "broken_text_in_rate.csv")
    report = at.table[0].value
    assert report[["soort", "rij", "kolom"]].values.tolist()[0] == ["Fout", "3", "Big2 (%)"]
    assert "gevonden 'hoog'" in report["melding"].iloc[0]
    download = next(frame for frame in _read_all(csv_downloads, dutch=True) if "melding" in frame.columns)
    assert download[["rij", "kolom"]].values.tolist()[0] == ["3", "Big2 (%)"]
    assert perinatal.load_active().is_synthetic


def test_a_corrected_column_is_used_and_remembered_for_the_next_file(perinatal_env: Path) -> None:
    """Given a file whose 'Sterfte' column the app reads as 7-day mortality, when the user says it is 28-day
    mortality and confirms, then the data hold it as such, and the next file with the same headers is proposed
    the same way ('overgenomen')."""
    folder = _stage()
    (folder / "a.csv").write_text("Jaar;Gemeentecode;Geboorten;Sterfte\n2020;GM0363;1000;12\n", encoding="utf-8")
    (folder / "b.csv").write_text("jaar;gemeentecode;geboorten;sterfte\n2020;GM0014;800;10\n", encoding="utf-8")
    at = _open_from_folder(_data_page(), "a.csv")
    assert _roles(at)["Sterfte"] == "perinatal_deaths"
    [column] = [s for s in at.selectbox if s.label == "Sterfte"]
    column.select("perinatal_deaths_28d").run()
    at = _confirm(at)
    frame = perinatal.load_active().frame
    assert frame["perinatal_deaths_28d"].tolist() == [12] and frame["perinatal_deaths"].isna().all()
    at = _open_from_folder(at, "b.csv")
    assert td.MAPPING_REMEMBERED in [i.value for i in at.info]
    assert _roles(at)["sterfte"] == "perinatal_deaths_28d"


def test_the_sheet_of_a_workbook_can_be_chosen(perinatal_env: Path) -> None:
    at = _data_page()
    at.file_uploader[0].set_value(("peristat_multisheet_2020.xlsx", (DATA / "peristat_multisheet_2020.xlsx").read_bytes(),
                                   "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")).run()
    sheet = at.selectbox(key=[s.key for s in at.selectbox if s.key and s.key.startswith("_import_sheet_")][0])
    assert sheet.value == "Gemeenten" and sheet.options == ["Toelichting", "Gemeenten", "PC4"]
    sheet.select("PC4").run()
    assert not at.exception
    assert any("(postcodegebieden (PC4))" in m.value for m in at.markdown)
    at = _confirm(at)
    assert perinatal.load_active().files[0].sheet == "PC4"


def test_cancel_leaves_everything_as_it_was(perinatal_env: Path) -> None:
    at = _upload(_data_page(), WSJG)
    at.button(key="_import_cancel").click().run()
    assert td.CANCEL_DONE in [i.value for i in at.info]
    assert perinatal.load_active().is_synthetic and at.file_uploader[0].value is None


def test_without_any_data_the_page_still_offers_loading(no_perinatal_env: Path) -> None:
    at = _data_page()
    assert tp.NO_DATA_GEO in [i.value for i in at.info]
    assert td.UPLOAD_HEADING in [h.value for h in at.header]
    assert not at.error


def test_preview_never_shows_counts_below_ten(perinatal_env: Path) -> None:
    at = _data_page()
    preview = at.dataframe[0].value
    for column in ("geboorten", "Big2", "vroeggeboorte"):
        values = preview[column]
        numeric = values[~values.isin([tp.SUPPRESSED_MARK, tc.NO_DATA])].str.replace(".", "", regex=False).astype(int)
        assert (numeric >= 10).all()


def test_the_preview_of_loaded_data_names_cells_hidden_in_the_source(perinatal_env: Path) -> None:
    _stage(PC4)
    at = _confirm(_open_from_folder(_data_page(), PC4))
    preview = at.dataframe[0].value.set_index("code")
    assert preview.loc["8014", "Big2"] == "afgeschermd in de bron (<10)"
    assert preview.loc["8016", "Big2"] == "80"


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


def test_a_full_disk_keeps_the_active_data_and_says_why_in_dutch(perinatal_env: Path, monkeypatch) -> None:
    """Given a disk that is full when a confirmed file is stored, then the page says so in Dutch (not the system
    message) and the synthetic demo stays active."""
    import errno

    from ks_data.perinatal import store

    def full(*args, **kwargs) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(store, "save", full)
    at = _load(_data_page(), WSJG)
    assert at.error[0].value == td.LOAD_FAILED.format(detail="de schijf is vol")
    assert "No space" not in at.error[0].value
    assert perinatal.load_active().is_synthetic


def test_a_damaged_store_gives_a_dutch_error_and_still_offers_loading(perinatal_env: Path) -> None:
    """Given a loaded file that cannot be read, then a Dutch error instead of a traceback, a way to clear it, and
    the upload is offered."""
    from ks_data.perinatal import store

    entry = store.save(ps.empty_tidy(), filename="a.csv")
    (store.folder() / entry.data).write_bytes(b"geen parquet")
    at = _data_page()
    assert at.error[0].value == tp.STORE_DAMAGED
    assert td.UPLOAD_HEADING in [h.value for h in at.header]
    at.button(key="_data_reset_damaged").click().run()
    assert perinatal.load_active().is_synthetic and not at.error
