"""Tests for ks_data/perinatal/dataset.py: the store of user files and the active dataset."""

from __future__ import annotations

from pathlib import Path

import pytest

from ks_data.perinatal import dataset as perinatal

DATA = Path(__file__).resolve().parent / "data"


def _checked(name: str):
    known = {"GM0014", "GM0363", "GM1900", "GM0088", "GM0096"}
    from ks_data.perinatal import reader as perinatal_io

    return perinatal_io.read_perinatal_file((DATA / name).read_bytes(), name, known_gemeenten=known, pc4_gemeente={})


def test_saved_user_file_becomes_active_and_survives_reload(user_data_dir: Path) -> None:
    perinatal.save_user_file(_checked("perined_gemeenten_2016-2020.csv"))
    active = perinatal.load_active(generate=False)
    assert active.origin == "user" and not active.is_synthetic
    assert active.filename == "perined_gemeenten_2016-2020.csv"
    assert "perined_gemeenten_2016-2020.csv" in active.source_label
    assert (user_data_dir / "perinatal" / "active.parquet").is_file()
    assert len(active.frame) == 6


def test_rejected_file_is_never_stored_and_old_data_stays(user_data_dir: Path) -> None:
    perinatal.save_user_file(_checked("perined_gemeenten_2016-2020.csv"))
    before = perinatal.store_version()
    rejected = _checked("broken_text_in_count.csv")
    with pytest.raises(ValueError):
        perinatal.save_user_file(rejected)
    assert perinatal.store_version() == before
    assert perinatal.load_active(generate=False).filename == "perined_gemeenten_2016-2020.csv"


def test_clear_user_file_returns_to_synthetic(perinatal_env: Path) -> None:
    perinatal.save_user_file(_checked("perined_gemeenten_2016-2020.csv"))
    perinatal.clear_user_file()
    active = perinatal.load_active()
    assert active.is_synthetic and active.origin == "synthetic"
    assert active.frame["is_synthetic"].all()


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


def test_enrich_names_fills_gemeente_names_from_geo(perinatal_env: Path) -> None:
    result = perinatal.check_file((DATA / "wsjg_pc4_2016-2020.csv").read_bytes(), "wsjg_pc4_2016-2020.csv")
    assert result.ok, [i.text() for i in result.issues]
    frame = perinatal.enrich_names(result.frame)
    assert set(frame["gemeentenaam"]) == {"Amsterdam", "Groningen"}


def test_a_damaged_store_raises_stored_file_error(user_data_dir: Path) -> None:
    """A stored file that cannot be read is reported as StoredFileError naming the folder, not a parser error."""
    folder = perinatal.store_dir()
    folder.mkdir(parents=True)
    (folder / perinatal.STORE_META).write_text('{"filename": "a.csv"}', encoding="utf-8")  # loaded_at missing
    (folder / perinatal.STORE_DATA).write_bytes(b"geen parquet")
    with pytest.raises(perinatal.StoredFileError) as info:
        perinatal.load_active(generate=False)
    assert info.value.path == folder
