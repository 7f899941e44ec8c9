"""Tests for ks_data/perinatal/dataset.py: the import steps, several loaded files as one dataset, CBS names."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from ks_data.perinatal import dataset as perinatal
from ks_data.perinatal import reader as perinatal_io
from ks_data.perinatal import schema as ps
from ks_data.perinatal import store

DATA = Path(__file__).resolve().parent / "data"


def _checked(name: str, **kwargs) -> perinatal_io.LoadResult:
    kwargs.setdefault("known_gemeenten", {"GM0014", "GM0363", "GM1900", "GM0088", "GM0096"})
    return perinatal_io.read_perinatal_file((DATA / name).read_bytes(), name, pc4_gemeente={}, **kwargs)


def test_saved_user_file_becomes_active_and_survives_reload(user_data_dir: Path) -> None:
    perinatal.save_user_file(_checked("perined_gemeenten_2016-2020.csv"))
    active = perinatal.load_active(generate=False)
    assert active.origin == "user" and not active.is_synthetic
    assert active.filename == "perined_gemeenten_2016-2020.csv" and len(active.files) == 1
    assert "perined_gemeenten_2016-2020.csv" in active.source_label
    assert len(active.frame) == 6


def test_rejected_file_is_never_stored_and_old_data_stays(user_data_dir: Path) -> None:
    perinatal.save_user_file(_checked("perined_gemeenten_2016-2020.csv"))
    before = perinatal.store_version()
    with pytest.raises(ValueError):
        perinatal.save_user_file(_checked("broken_text_in_count.csv"))
    assert perinatal.store_version() == before
    assert perinatal.load_active(generate=False).filename == "perined_gemeenten_2016-2020.csv"


@pytest.mark.parametrize("name", ["broken_percentages_without_births.csv", "broken_text_in_rate.csv",
                                  "broken_rate_over_100.csv", "broken_duplicate_long.csv", "broken_empty.csv",
                                  "broken_corrupt.xlsx", "broken_separator.csv", "broken_old_format.xls"])
def test_every_rejection_keeps_the_previous_data(user_data_dir: Path, name: str) -> None:
    """Given loaded files, when a broken file goes through the import steps, then nothing can be confirmed and
    the loaded files stay active, unchanged."""
    perinatal.save_user_file(_checked("perined_gemeenten_2016-2020.csv"))
    before = perinatal.load_active(generate=False).frame
    draft = perinatal.open_import((DATA / name).read_bytes(), name)
    result = draft if isinstance(draft, perinatal_io.LoadResult) else perinatal.check_import(draft.table, draft.mapping)
    assert not result.ok and result.errors
    with pytest.raises(ValueError):
        perinatal.confirm_import(result)
    pd.testing.assert_frame_equal(perinatal.load_active(generate=False).frame, before)


def test_a_gemeente_and_a_pc4_file_are_active_together(user_data_dir: Path) -> None:
    perinatal.confirm_import(_checked("wsjg_gemeenten_percentages_2018-2020.csv", known_gemeenten=None))
    perinatal.confirm_import(_checked("perined_pc4_zwolle_2018-2020.csv"))
    active = perinatal.load_active(generate=False)
    assert [f.filename for f in active.files] == ["wsjg_gemeenten_percentages_2018-2020.csv",
                                                  "perined_pc4_zwolle_2018-2020.csv"]
    assert set(active.frame["level"]) == {"gemeente", "pc4"} and len(active.frame) == 12 + 25
    perinatal.remove_user_file(active.files[0].id)
    assert set(perinatal.load_active(generate=False).frame["level"]) == {"pc4"}


def test_the_newest_file_wins_for_the_same_area_and_period(user_data_dir: Path) -> None:
    text = "Jaar;Gemeentecode;Geboorten;Big2\n2020;GM0363;1000;150\n2020;GM0014;900;140\n"
    first = perinatal_io.read_perinatal_file(text.encode(), "oud.csv", known_gemeenten={"GM0363", "GM0014"})
    perinatal.confirm_import(first)
    newer = perinatal_io.read_perinatal_file(b"Jaar;Gemeentecode;Geboorten;Big2\n2020;GM0363;1000;120\n", "nieuw.csv",
                                             known_gemeenten={"GM0363"})
    checked = perinatal.check_import(newer.table, newer.mapping)
    assert any("'oud.csv'" in i.message for i in checked.warnings)  # the check says which file it overlaps
    perinatal.confirm_import(checked)
    frame = perinatal.load_active(generate=False).frame.set_index("area_code")
    assert frame.loc["GM0363", "big2"] == 120 and frame.loc["GM0014", "big2"] == 140


def test_a_confirmed_mapping_is_proposed_for_the_next_file_with_the_same_headers(user_data_dir: Path) -> None:
    text = b"Jaar;Code;Geboorten;Sterfte\n2020;GM0363;1000;6\n"
    draft = perinatal.open_import(text, "a.csv")
    assert not draft.remembered and draft.mapping.roles[3] == "perinatal_deaths"
    corrected = draft.mapping.with_role(3, "perinatal_deaths_28d")
    perinatal.confirm_import(perinatal.check_import(draft.table, corrected))
    again = perinatal.open_import(b"JAAR;code;geboorten;sterfte\n2019;GM0014;800;4\n", "b.csv")
    assert again.remembered and again.mapping == corrected


def test_clear_user_file_returns_to_synthetic(perinatal_env: Path) -> None:
    perinatal.save_user_file(_checked("perined_gemeenten_2016-2020.csv"))
    perinatal.clear_user_file()
    active = perinatal.load_active()
    assert active.is_synthetic and active.origin == "synthetic"
    assert active.frame["is_synthetic"].all() and ps.censored_column("big2") in active.frame.columns


def test_no_data_without_geo_cache_gives_dutch_explanation(no_perinatal_env: Path) -> None:
    with pytest.raises(perinatal.NoPerinatalData) as info:
        perinatal.load_active()
    assert info.value.reason == "geo"
    assert "make data" in info.value.dutch()


def test_check_file_never_raises_on_garbage(no_perinatal_env: Path) -> None:
    result = perinatal.check_file(b"\x00\x01\x02garbage", "rommel.csv")
    assert not result.ok and result.errors


def test_import_folder_lists_csv_and_excel_only(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "import"
    folder.mkdir()
    for name in ("a.csv", "b.xlsx", "c.pdf", "d.txt"):
        (folder / name).write_text("x")
    monkeypatch.setenv(perinatal.IMPORT_ENV, str(folder))
    assert [p.name for p in perinatal.import_files()] == ["a.csv", "b.xlsx", "d.txt"]


def test_cbs_names_replace_the_names_in_the_file(perinatal_env: Path) -> None:
    """Given a file whose gemeente name is a formula, then the CBS name is shown for its known code; PC4 rows get
    their gemeente's CBS name."""
    result = perinatal.check_file((DATA / "wsjg_gemeenten_percentages_2018-2020.csv").read_bytes(), "w.csv")
    assert result.ok, [i.text() for i in result.errors]
    assert result.frame.set_index("area_code").loc["GM0453", "area_name"].startswith("=HYPERLINK")
    frame = perinatal.enrich_names(result.frame).set_index("area_code")
    assert frame.loc["GM0453", "area_name"] == "Velsen" and frame.loc["GM0518", "area_name"] == "'s-Gravenhage"
    pc4 = perinatal.check_file((DATA / "wsjg_pc4_2016-2020.csv").read_bytes(), "wsjg_pc4_2016-2020.csv")
    assert set(perinatal.enrich_names(pc4.frame)["gemeentenaam"]) == {"Amsterdam", "Groningen"}


def test_a_damaged_store_raises_stored_file_error(user_data_dir: Path) -> None:
    """A stored file that cannot be read is reported as StoredFileError naming the folder, not a parser error."""
    entry = store.save(ps.empty_tidy(), filename="a.csv")
    (store.folder() / entry.data).write_bytes(b"geen parquet")
    with pytest.raises(perinatal.StoredFileError) as info:
        perinatal.load_active(generate=False)
    assert info.value.path == store.folder()
