"""Tests for ks_data/perinatal/store.py: several loaded files, removing one, the old single-file store, mappings."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from ks_data.perinatal import schema as ps
from ks_data.perinatal import store
from ks_data.perinatal.mapping import Mapping


def _frame(level: str, codes: list[str], period: str = "2020") -> pd.DataFrame:
    rows = pd.DataFrame({"period": period, "level": level, "area_code": codes, "births": 100, "big2": 15})
    return ps.with_defaults(rows)


def test_files_are_kept_side_by_side_and_survive_a_restart(user_data_dir: Path) -> None:
    first = store.save(_frame("gemeente", ["GM0193", "GM0503"]), filename="gemeenten.csv")
    second = store.save(_frame("pc4", ["8011", "8012", "8013"], "2018-2020"), filename="pc4.xlsx", sheet="PC4",
                        warnings=("let op",))
    listed = store.files()
    assert [f.filename for f in listed] == ["gemeenten.csv", "pc4.xlsx"]
    assert (listed[0].levels, listed[0].periods, listed[0].n_rows, listed[0].n_areas) == (("gemeente",), ("2020",), 2, 2)
    assert (listed[1].levels, listed[1].sheet, listed[1].warnings) == (("pc4",), "PC4", ("let op",))
    assert [len(frame) for _, frame in store.frames()] == [2, 3]
    assert first.id != second.id and (store.folder() / second.data).is_file()


def test_removing_one_file_keeps_the_other(user_data_dir: Path) -> None:
    keep = store.save(_frame("gemeente", ["GM0193"]), filename="a.csv")
    gone = store.save(_frame("pc4", ["8011"]), filename="b.csv")
    before = store.version()
    store.remove(gone.id)
    assert [f.id for f in store.files()] == [keep.id] and not (store.folder() / gone.data).exists()
    assert store.version() != before
    store.remove("unknown")  # nothing happens
    assert [f.id for f in store.files()] == [keep.id]
    store.clear()
    assert store.files() == [] and store.version() == ""


def test_a_failed_write_leaves_the_loaded_files_as_they_were(user_data_dir: Path, monkeypatch) -> None:
    """Given a disk that fails while the index is written, then the new file is not listed, its data file is
    gone, and the files loaded before stay readable."""
    store.save(_frame("gemeente", ["GM0193"]), filename="a.csv")

    def broken(path, document):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(store, "_write_json", broken)
    with pytest.raises(OSError):
        store.save(_frame("pc4", ["8011"]), filename="b.csv")
    assert [f.filename for f in store.files()] == ["a.csv"]
    assert sorted(p.name for p in store.folder().glob("*.parquet")) == [store.files()[0].data]


def test_the_single_file_store_of_before_is_read_as_one_loaded_file(user_data_dir: Path) -> None:
    folder = store.folder()
    folder.mkdir(parents=True)
    _frame("gemeente", ["GM0363"]).to_parquet(folder / store.LEGACY_DATA)
    (folder / store.LEGACY_META).write_text(json.dumps({"filename": "oud.csv", "loaded_at": "01-11-2026 10:00"}))
    [legacy] = store.files()
    assert (legacy.filename, legacy.levels) == ("oud.csv", ("gemeente",))
    store.save(_frame("pc4", ["1011"]), filename="nieuw.csv")
    assert [f.filename for f in store.files()] == ["oud.csv", "nieuw.csv"]
    store.remove(legacy.id)
    assert [f.filename for f in store.files()] == ["nieuw.csv"] and not (folder / store.LEGACY_META).exists()


def test_a_damaged_index_raises_stored_file_error(user_data_dir: Path) -> None:
    store.folder().mkdir(parents=True)
    (store.folder() / store.INDEX).write_text("{kapot", encoding="utf-8")
    with pytest.raises(store.StoredFileError) as info:
        store.files()
    assert info.value.path == store.folder()


def test_a_confirmed_mapping_is_remembered_for_the_same_headers(user_data_dir: Path) -> None:
    mapping = Mapping(("area_code", "period", "births", "perinatal_deaths_28d"), (), 24, 22)
    assert store.recall_mapping("abc") is None and store.mappings_version() == ""
    store.remember_mapping("abc", mapping)
    assert store.recall_mapping("abc") == mapping and store.recall_mapping("other") is None
    (store.folder() / store.MAPPINGS).write_text('{"abc": {"roles": ["nonsense"]}}', encoding="utf-8")
    assert store.recall_mapping("abc") is None  # a damaged memory only means guessing again
