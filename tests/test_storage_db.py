"""ks_data/storage/db.py: the SQLite file, migrations, concurrent writers and clear errors."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import threading
from datetime import date
from pathlib import Path

import pytest

from ks_data import paths
from ks_data.assessment.items import load_item_bank
from ks_data.storage import assessments as storage_assessments
from ks_data.storage import db as storage_db
from ks_data.storage.db import StorageError
from tests.conftest import PROJECT_DIR

DAY = date(2026, 11, 23)
ITEM_IDS = [i.id for i in load_item_bank().items]


def _raw(db: Path) -> sqlite3.Connection:
    return sqlite3.connect(db)


def test_database_is_created_in_a_new_folder_with_wal_and_current_schema(user_data_dir, monkeypatch):
    db = user_data_dir / "deep" / "er" / "ks.sqlite"
    monkeypatch.setattr(paths, "DB_PATH", db)  # read at call time, not at import
    storage_assessments.open_assessment(coalition="Coalitie Noord", assessment_date=DAY)
    assert db.exists()
    con = _raw(db)
    assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert con.execute("PRAGMA user_version").fetchone()[0] == storage_db.SCHEMA_VERSION == len(storage_db.MIGRATIONS)
    assert con.execute("SELECT coalition FROM assessment").fetchall() == [("Coalitie Noord",)]


def test_two_threads_writing_at_once_lose_nothing(user_data_dir):
    record = storage_assessments.open_assessment(coalition="Gedeeld scherm", assessment_date=DAY)
    other = storage_assessments.open_assessment(coalition="Tweede browser", assessment_date=DAY)
    errors: list[BaseException] = []

    def writer(assessment_id: int, values: int) -> None:
        try:
            for n, item in enumerate(ITEM_IDS):
                storage_assessments.save_answer(assessment_id, item_id=item, value=(n + values) % 5)
                storage_assessments.save_note(assessment_id, element_id="goals", kind="next_step", text=f"t{values}-{n}")
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=writer, args=(aid, k)) for k, aid in enumerate([record.id, other.id] * 3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    for aid in (record.id, other.id):
        assert set(storage_assessments.get_assessment(aid).answers) == set(ITEM_IDS)
    assert _raw(paths.DB_PATH).execute("PRAGMA integrity_check").fetchone()[0] == "ok"


_CHILD = """
import sys
from ks_data.storage import assessments as storage_assessments
assessment_id, worker = int(sys.argv[1]), int(sys.argv[2])
for n in range(60):
    storage_assessments.save_answer(assessment_id, item_id=f"w{worker}_{n}", value=n % 5)
print("done")
"""


def test_two_processes_writing_at_once_lose_nothing(user_data_dir):
    # a fresh database: both processes also race to run the schema migration
    record_holder = {}
    env = {**os.environ, "KS_DB_PATH": str(paths.DB_PATH), "PYTHONPATH": str(PROJECT_DIR)}
    procs = [
        subprocess.Popen([sys.executable, "-c", "from ks_data.storage import db; db.check_writable()"], env=env)
        for _ in range(2)
    ]
    assert [p.wait(timeout=60) for p in procs] == [0, 0]
    record_holder["id"] = storage_assessments.open_assessment(coalition="Twee servers", assessment_date=DAY).id
    procs = [
        subprocess.Popen([sys.executable, "-c", _CHILD, str(record_holder["id"]), str(w)], env=env,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for w in range(3)
    ]
    results = [p.communicate(timeout=120) for p in procs]
    assert [p.returncode for p in procs] == [0, 0, 0], results
    answers = storage_assessments.get_assessment(record_holder["id"]).answers
    assert len(answers) == 180
    assert answers["w2_59"] == 59 % 5
    assert _raw(paths.DB_PATH).execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_processes_opening_one_new_database_at_once_all_get_wal(user_data_dir):
    """Given fresh database files that two processes open at the same moment (both switch them to WAL), then
    neither gets 'locked': switching the journal mode waits for the other process like any write does."""
    for round_ in range(8):
        db = user_data_dir / f"fresh{round_}.sqlite"
        env = {**os.environ, "KS_DB_PATH": str(db), "PYTHONPATH": str(PROJECT_DIR)}
        procs = [subprocess.Popen([sys.executable, "-c", "from ks_data.storage import db; db.check_writable()"],
                                  env=env, stderr=subprocess.PIPE, text=True) for _ in range(2)]
        results = [p.communicate(timeout=60) for p in procs]
        assert [p.returncode for p in procs] == [0, 0], results
        assert _raw(db).execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_read_only_database_gives_read_only_error(user_data_dir, monkeypatch):
    record = storage_assessments.open_assessment(coalition="C", assessment_date=DAY)
    real_connect = sqlite3.connect

    def read_only(path, *args, **kwargs):
        return real_connect(f"file:{path}?mode=ro", *args, uri=True, **kwargs)

    monkeypatch.setattr(storage_db.sqlite3, "connect", read_only)
    with pytest.raises(StorageError) as info:
        storage_assessments.save_answer(record.id, item_id="goals_vision", value=2)
    assert info.value.kind == "read_only"
    assert storage_assessments.get_assessment(record.id).answers == {}  # reading still works


def test_full_disk_gives_disk_full_error(user_data_dir, monkeypatch):
    record = storage_assessments.open_assessment(coalition="C", assessment_date=DAY)
    real_connect = sqlite3.connect

    def no_room(*args, **kwargs):
        con = real_connect(*args, **kwargs)
        pages = con.execute("PRAGMA page_count").fetchone()[0]
        con.execute(f"PRAGMA max_page_count = {pages}")
        return con

    monkeypatch.setattr(storage_db.sqlite3, "connect", no_room)
    with pytest.raises(StorageError) as info:
        storage_assessments.save_note(record.id, element_id="goals", kind="next_step", text="x" * 200_000)
    assert info.value.kind == "disk_full"


def test_a_file_that_is_not_a_database_gives_corrupt(user_data_dir):
    paths.DB_PATH.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StorageError) as info:
        storage_assessments.list_assessments()
    assert info.value.kind == "corrupt"


def test_database_path_that_is_a_folder_gives_unavailable(user_data_dir, monkeypatch):
    folder = user_data_dir / "a_folder.sqlite"
    folder.mkdir()
    monkeypatch.setattr(paths, "DB_PATH", folder)
    with pytest.raises(StorageError) as info:
        storage_assessments.list_assessments()
    assert info.value.kind == "unavailable"


def test_database_from_a_newer_app_is_refused(user_data_dir):
    storage_assessments.list_assessments()
    con = _raw(paths.DB_PATH)
    con.execute("PRAGMA user_version = 99")
    con.close()
    with pytest.raises(StorageError) as info:
        storage_assessments.list_assessments()
    assert info.value.kind == "newer_schema"
