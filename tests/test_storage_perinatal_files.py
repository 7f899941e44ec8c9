"""ks_data/storage/perinatal_files.py and perinatal/store_db.py: loaded perinatal files and mappings in the shared
database, so every app server shows the same data (issue 17). Storage tests run on SQLite and PostgreSQL."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pandas as pd
import pytest

from ks_data import paths
from ks_data.perinatal import schema as ps
from ks_data.perinatal import store
from ks_data.perinatal.mapping import Mapping
from ks_data.storage import perinatal_files as db_files
from tests.conftest import PROJECT_DIR


def _frame(level: str, codes: list[str], period: str = "2020") -> pd.DataFrame:
    rows = pd.DataFrame({"period": period, "level": level, "area_code": codes, "births": 100, "big2": 15})
    return ps.with_defaults(rows)


def test_files_are_kept_in_order_removed_and_counted_in_the_version(database):
    assert db_files.list_files() == [] and db_files.files_version() == ""
    db_files.add_file("f1", {"id": "f1", "filename": "a.csv"}, b"\x00eerste")
    db_files.add_file("f2", {"id": "f2", "filename": "b.csv"}, b"tweede\xff")
    first = db_files.files_version()
    assert [m["filename"] for m in db_files.list_files()] == ["a.csv", "b.csv"]
    assert db_files.file_contents()[1] == ({"id": "f2", "filename": "b.csv"}, b"tweede\xff")
    assert db_files.remove_file("f1") and not db_files.remove_file("f1")
    assert [m["id"] for m in db_files.list_files()] == ["f2"] and db_files.files_version() != first
    db_files.add_file("f3", {"id": "f3", "filename": "c.csv"}, b"c")
    assert [m["id"] for m in db_files.list_files()] == ["f2", "f3"]  # a new file goes last
    db_files.clear_files()
    assert db_files.list_files() == []


def test_mappings_are_remembered_and_replaced(database):
    assert db_files.get_mapping("abc") is None and db_files.mappings_version() == ""
    db_files.save_mapping("abc", {"roles": ["area_code"]})
    db_files.save_mapping("abc", {"roles": ["area_code", "births"]})
    assert db_files.get_mapping("abc") == {"roles": ["area_code", "births"]}
    assert db_files.mappings_version().endswith(":2")


_OTHER_SERVER = """
import json, sys
from ks_data.perinatal import store
[entry] = store.files()
[(_, frame)] = store.frames()
print(json.dumps({"filename": entry.filename, "codes": sorted(frame["area_code"]), "version": store.version(),
                  "mapping": store.recall_mapping("sig") is not None}))
if sys.argv[1] == "remove":
    store.remove(entry.id)
"""


def _other_server(action: str) -> dict:
    env = {**os.environ, "PYTHONPATH": str(PROJECT_DIR), "KS_DATABASE_URL": paths.DATABASE_URL,
           "KS_USER_DATA_DIR": str(paths.USER_DATA_DIR / "elders")}
    out = subprocess.run([sys.executable, "-c", _OTHER_SERVER, action], env=env, capture_output=True, text=True,
                         timeout=120)
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout)


def test_a_file_loaded_on_one_server_is_active_on_another(pg_database, user_data_dir):
    """Given KS_DATABASE_URL, when a file is loaded (store.save) in this process, then another process (another
    server, with its own user-data folder) lists it, reads the same rows and remembered mapping; when that one
    removes it, this process sees it gone. Nothing is written to the local folder."""
    entry = store.save(_frame("gemeente", ["GM0193", "GM0503"]), filename="gemeenten.csv", warnings=("let op",))
    store.remember_mapping("sig", Mapping(("area_code", "period", "births", "big2"), (), 24, 22))
    assert [f.filename for f in store.files()] == ["gemeenten.csv"] and store.files()[0].warnings == ("let op",)
    seen = _other_server("remove")
    assert seen == {"filename": "gemeenten.csv", "codes": ["GM0193", "GM0503"], "version": seen["version"],
                    "mapping": True}
    assert seen["version"] and seen["version"] != store.version()  # the removal changed it
    assert store.files() == [] and store.frames() == []
    assert store.recall_mapping("sig") is not None
    assert not store.folder().exists()
    assert entry.id not in {f.id for f in store.files()}


def test_a_database_that_cannot_be_reached_gives_the_stores_own_errors(user_data_dir, monkeypatch):
    monkeypatch.setattr(paths, "DATABASE_URL", "postgresql+psycopg://ks@127.0.0.1:9/nergens")
    from ks_data.storage import db as storage_db

    try:
        with pytest.raises(store.StoredFileError):
            store.files()
        with pytest.raises(OSError):
            store.save(_frame("gemeente", ["GM0193"]), filename="a.csv")
        assert store.recall_mapping("sig") is None
    finally:
        storage_db.dispose_engines()
