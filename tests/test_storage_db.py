"""ks_data/storage/db.py: SQLite persistence, migrations, concurrent writers and clear errors."""

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
from ks_data.storage import db as storage
from ks_data.assessment.items import AssessmentRecord, load_item_bank
from tests.conftest import PROJECT_DIR

DAY = date(2026, 11, 23)
ITEM_IDS = [i.id for i in load_item_bank().items]


def _raw(db: Path) -> sqlite3.Connection:
    return sqlite3.connect(db)


def test_database_is_created_in_a_new_folder_with_wal_and_current_schema(user_data_dir, monkeypatch):
    db = user_data_dir / "deep" / "er" / "ks.sqlite"
    monkeypatch.setattr(paths, "DB_PATH", db)  # read at call time, not at import
    storage.open_assessment(coalition="Coalitie Noord", assessment_date=DAY)
    assert db.exists()
    con = _raw(db)
    assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert con.execute("PRAGMA user_version").fetchone()[0] == storage.SCHEMA_VERSION == len(storage.MIGRATIONS)
    assert con.execute("SELECT coalition FROM assessment").fetchall() == [("Coalitie Noord",)]


def test_open_assessment_is_keyed_case_and_space_insensitive(user_data_dir):
    first = storage.open_assessment(coalition="Coalitie  Noord ", gemeente="Utrecht", assessment_date=DAY)
    again = storage.open_assessment(coalition="coalitie noord", gemeente="UTRECHT", assessment_date=DAY)
    other_day = storage.open_assessment(coalition="Coalitie Noord", gemeente="Utrecht", assessment_date=date(2025, 1, 1))
    other_place = storage.open_assessment(coalition="Coalitie Noord", assessment_date=DAY)
    assert first.id == again.id
    assert len({first.id, other_day.id, other_place.id}) == 3
    assert first.coalition == "Coalitie Noord"  # cleaned, as first typed


def test_empty_coalition_name_is_refused(user_data_dir):
    with pytest.raises(storage.StorageError) as info:
        storage.open_assessment(coalition="   ", assessment_date=DAY)
    assert info.value.kind == "empty_name"


def test_answers_and_notes_survive_a_restart(user_data_dir):
    record = storage.open_assessment(coalition="C", gemeente="Ede", assessment_date=DAY)
    storage.save_answer(record.id, item_id="goals_vision", value=3)
    storage.save_answer(record.id, item_id="goals_data", value=None)
    storage.save_answer(record.id, item_id="goals_vision", value=4)  # changed mind
    storage.save_note(record.id, element_id="goals", kind="next_step", text="Cijfers delen; 'n plan")
    storage.save_note(record.id, element_id="goals", kind="going_well", text="weg")
    storage.save_note(record.id, element_id="goals", kind="going_well", text="")  # emptied -> removed
    # a "restart": nothing in memory, a fresh read from the file
    loaded = storage.get_assessment(record.id)
    assert loaded.answers == {"goals_vision": 4, "goals_data": None}
    assert loaded.notes == {"goals": {"next_step": "Cijfers delen; 'n plan"}}
    con = _raw(paths.DB_PATH)
    assert con.execute("SELECT COUNT(*) FROM answer").fetchone()[0] == 2


def test_saving_into_a_missing_assessment_is_not_found(user_data_dir):
    with pytest.raises(storage.StorageError) as info:
        storage.save_answer(999, item_id="goals_vision", value=1)
    assert info.value.kind == "not_found"
    with pytest.raises(storage.StorageError):
        storage.get_assessment(999)


def test_list_assessments_of_one_coalition_newest_first(user_data_dir):
    for day in (date(2024, 5, 1), date(2026, 5, 1), date(2025, 5, 1)):
        storage.open_assessment(coalition="Noord", assessment_date=day)
    storage.open_assessment(coalition="Zuid", assessment_date=DAY)
    rows = storage.list_assessments(coalition="NOORD")
    assert [r.assessment_date.year for r in rows] == [2026, 2025, 2024]
    assert len(storage.list_assessments()) == 4
    assert storage.find_assessment(coalition="zuid", assessment_date=DAY) is not None


def test_replace_assessment_is_all_or_nothing(user_data_dir, monkeypatch):
    record = storage.open_assessment(coalition="C", assessment_date=DAY)
    storage.save_answer(record.id, item_id="goals_vision", value=1)
    storage.save_note(record.id, element_id="goals", kind="next_step", text="oud")
    new = AssessmentRecord(coalition="C", gemeente="", assessment_date=DAY,
                           answers={"goals_vision": 4, "goals_data": 2}, notes={"goals": {"next_step": "nieuw"}})

    class Boom(Exception):
        pass

    real_executemany = sqlite3.Connection.executemany
    real_connect = sqlite3.connect
    calls = {"n": 0}

    def failing_connect(*args, **kwargs):
        return real_connect(*args, **kwargs, factory=FailingConnection)

    class FailingConnection(sqlite3.Connection):
        def executemany(self, sql, rows):  # answers get written, then the notes insert fails
            calls["n"] += 1
            if calls["n"] == 2:
                raise Boom
            return real_executemany(self, sql, rows)

    with monkeypatch.context() as patch:
        patch.setattr(storage.sqlite3, "connect", failing_connect)
        with pytest.raises(Boom):
            storage.replace_assessment(new)
    kept = storage.get_assessment(record.id)
    assert kept.answers == {"goals_vision": 1} and kept.notes == {"goals": {"next_step": "oud"}}
    assert storage.replace_assessment(new) == record.id
    assert storage.get_assessment(record.id).answers == {"goals_vision": 4, "goals_data": 2}


def test_two_threads_writing_at_once_lose_nothing(user_data_dir):
    record = storage.open_assessment(coalition="Gedeeld scherm", assessment_date=DAY)
    other = storage.open_assessment(coalition="Tweede browser", assessment_date=DAY)
    errors: list[BaseException] = []

    def writer(assessment_id: int, values: int) -> None:
        try:
            for n, item in enumerate(ITEM_IDS):
                storage.save_answer(assessment_id, item_id=item, value=(n + values) % 5)
                storage.save_note(assessment_id, element_id="goals", kind="next_step", text=f"t{values}-{n}")
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=writer, args=(aid, k)) for k, aid in enumerate([record.id, other.id] * 3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    for aid in (record.id, other.id):
        assert set(storage.get_assessment(aid).answers) == set(ITEM_IDS)
    assert _raw(paths.DB_PATH).execute("PRAGMA integrity_check").fetchone()[0] == "ok"


_CHILD = """
import sys
from ks_data.storage import db as storage
assessment_id, worker = int(sys.argv[1]), int(sys.argv[2])
for n in range(60):
    storage.save_answer(assessment_id, item_id=f"w{worker}_{n}", value=n % 5)
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
    record_holder["id"] = storage.open_assessment(coalition="Twee servers", assessment_date=DAY).id
    procs = [
        subprocess.Popen([sys.executable, "-c", _CHILD, str(record_holder["id"]), str(w)], env=env,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for w in range(3)
    ]
    results = [p.communicate(timeout=120) for p in procs]
    assert [p.returncode for p in procs] == [0, 0, 0], results
    answers = storage.get_assessment(record_holder["id"]).answers
    assert len(answers) == 180
    assert answers["w2_59"] == 59 % 5
    assert _raw(paths.DB_PATH).execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_read_only_database_gives_read_only_error(user_data_dir, monkeypatch):
    record = storage.open_assessment(coalition="C", assessment_date=DAY)
    real_connect = sqlite3.connect

    def read_only(path, *args, **kwargs):
        return real_connect(f"file:{path}?mode=ro", *args, uri=True, **kwargs)

    monkeypatch.setattr(storage.sqlite3, "connect", read_only)
    with pytest.raises(storage.StorageError) as info:
        storage.save_answer(record.id, item_id="goals_vision", value=2)
    assert info.value.kind == "read_only"
    assert storage.get_assessment(record.id).answers == {}  # reading still works


def test_full_disk_gives_disk_full_error(user_data_dir, monkeypatch):
    record = storage.open_assessment(coalition="C", assessment_date=DAY)
    real_connect = sqlite3.connect

    def no_room(*args, **kwargs):
        con = real_connect(*args, **kwargs)
        pages = con.execute("PRAGMA page_count").fetchone()[0]
        con.execute(f"PRAGMA max_page_count = {pages}")
        return con

    monkeypatch.setattr(storage.sqlite3, "connect", no_room)
    with pytest.raises(storage.StorageError) as info:
        storage.save_note(record.id, element_id="goals", kind="next_step", text="x" * 200_000)
    assert info.value.kind == "disk_full"


def test_a_file_that_is_not_a_database_gives_corrupt(user_data_dir):
    paths.DB_PATH.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(storage.StorageError) as info:
        storage.list_assessments()
    assert info.value.kind == "corrupt"


def test_database_path_that_is_a_folder_gives_unavailable(user_data_dir, monkeypatch):
    folder = user_data_dir / "a_folder.sqlite"
    folder.mkdir()
    monkeypatch.setattr(paths, "DB_PATH", folder)
    with pytest.raises(storage.StorageError) as info:
        storage.list_assessments()
    assert info.value.kind == "unavailable"


def test_database_from_a_newer_app_is_refused(user_data_dir):
    storage.list_assessments()
    con = _raw(paths.DB_PATH)
    con.execute("PRAGMA user_version = 99")
    con.close()
    with pytest.raises(storage.StorageError) as info:
        storage.list_assessments()
    assert info.value.kind == "newer_schema"
