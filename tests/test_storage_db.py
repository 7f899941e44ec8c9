"""ks_data/storage/db.py, engine.py, migrate.py: the SQLite file or PostgreSQL, Alembic migrations (also of a
database written before Alembic), concurrent writers and clear errors. Tests taking ``database`` run on both engines."""

from __future__ import annotations

import os
import socket
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
from ks_data.storage import migrate
from ks_data.storage import workshops as storage_workshops
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
    assert con.execute("SELECT version_num FROM alembic_version").fetchone()[0] == migrate.head()
    assert con.execute("SELECT coalition FROM assessment").fetchall() == [("Coalitie Noord",)]


def test_two_threads_writing_at_once_lose_nothing(database):
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
    _assert_intact(database)


_CHILD = """
import sys
from ks_data.storage import assessments as storage_assessments
assessment_id, worker = int(sys.argv[1]), int(sys.argv[2])
for n in range(60):
    storage_assessments.save_answer(assessment_id, item_id=f"w{worker}_{n}", value=n % 5)
print("done")
"""


def child_env() -> dict[str, str]:
    """Environment for a child process using the same database as this test (SQLite file or PostgreSQL URL)."""
    env = {**os.environ, "KS_DB_PATH": str(paths.DB_PATH), "PYTHONPATH": str(PROJECT_DIR)}
    env.pop("KS_DATABASE_URL", None)
    if paths.DATABASE_URL:
        env["KS_DATABASE_URL"] = paths.DATABASE_URL
    return env


def _assert_intact(database: str) -> None:
    if database == "sqlite":
        assert _raw(paths.DB_PATH).execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    else:  # a PostgreSQL database cannot be half-written; check it still answers and has the current schema
        assert storage_db.schema_revision() == migrate.head()


def test_two_processes_writing_at_once_lose_nothing(database):
    # a fresh database: both processes also race to run the schema migration
    record_holder = {}
    env = child_env()
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
    _assert_intact(database)


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


def test_database_from_a_newer_app_is_refused(database):
    """Given a database another (newer) version of the app has migrated past this one's newest revision, then
    every call is StorageError 'newer_schema' and nothing is changed."""
    storage_assessments.list_assessments()
    with storage_db.transaction() as con:
        con.execute("UPDATE alembic_version SET version_num = 'f00d_from_the_future'")
    with pytest.raises(StorageError) as info:
        storage_assessments.list_assessments()
    assert info.value.kind == "newer_schema"
    with pytest.raises(StorageError) as info:
        storage_assessments.open_assessment(coalition="C", assessment_date=DAY)
    assert info.value.kind == "newer_schema"


def test_database_of_a_newer_app_from_before_alembic_is_refused(user_data_dir):
    con = _raw(paths.DB_PATH)
    con.execute("PRAGMA user_version = 99")
    con.close()
    with pytest.raises(StorageError) as info:
        storage_assessments.list_assessments()
    assert info.value.kind == "newer_schema"


def test_unreachable_database_server_gives_unavailable(user_data_dir, monkeypatch):
    with socket.socket() as sock:  # a port nothing listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    monkeypatch.setattr(paths, "DATABASE_URL", f"postgresql+psycopg://ks@127.0.0.1:{port}/nergens")
    try:
        with pytest.raises(StorageError) as info:
            storage_assessments.list_assessments()
    finally:
        storage_db.dispose_engines()
    assert info.value.kind == "unavailable"
    assert not paths.DB_PATH.exists()  # the SQLite file is not used instead


LEGACY_DIR = PROJECT_DIR / "tests" / "fixtures" / "legacy_sqlite"


def _legacy_database(db: Path, version: int) -> dict[str, int]:
    """A SQLite file as the app wrote it before Alembic (schema ``version``), with rows in every table."""
    con = _raw(db)
    for step in range(1, version + 1):
        con.executescript((LEGACY_DIR / f"schema_{step}.sql").read_text(encoding="utf-8"))
    stamp = "2026-01-01T10:00:00.000+00:00"
    for n in range(1, 31):
        con.execute("INSERT INTO assessment (coalition, coalition_key, gemeente, gemeente_key, assessment_date, "
                    "created_at, updated_at) VALUES (?, ?, 'Ede', 'ede', ?, ?, ?)",
                    (f"Coalitie {n}", f"coalitie {n}", f"2026-01-{n:02d}", stamp, stamp))
        con.executemany("INSERT INTO answer VALUES (?, ?, ?, ?)",
                        [(n, item, (n + k) % 5 if k % 7 else None, stamp) for k, item in enumerate(ITEM_IDS)])
        con.execute("INSERT INTO note VALUES (?, 'goals', 'next_step', ?, ?)", (n, f"Stap {n}; 'quote'", stamp))
    con.execute("INSERT INTO workshop (code, title, created_at) VALUES ('ACD34', 'Oud', ?)", (stamp,))
    for n in range(1, 6):
        con.execute("INSERT INTO participant (workshop_code, token, name, joined_at) VALUES ('ACD34', ?, ?, ?)",
                    (f"t{n}", f"P{n}", stamp))
        con.executemany("INSERT INTO participant_answer VALUES (?, ?, ?, ?)",
                        [(n, item, n % 5, stamp) for item in ITEM_IDS[:10]])
    if version >= 2:
        con.execute("UPDATE workshop SET accepting = 0, show_names = 1")
        con.execute("UPDATE participant SET removed_at = ? WHERE id = 5", (stamp,))
        con.execute("INSERT INTO workshop_reveal VALUES ('ACD34', 'goals', ?)", (stamp,))
        con.execute("INSERT INTO workshop_note VALUES ('ACD34', 'goals', 'next_step', 'Samen', ?)", (stamp,))
        con.execute("UPDATE assessment SET workshop_code = 'ACD34', n_participants = 4 WHERE id = 3")
    con.execute(f"PRAGMA user_version = {version}")
    con.commit()
    counts = {table: con.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
              for table in ("assessment", "answer", "note", "workshop", "participant", "participant_answer")}
    con.close()
    return counts


@pytest.mark.parametrize("version", [1, 2])
def test_a_sqlite_database_from_before_alembic_migrates_with_every_row(user_data_dir, version):
    """Given a SQLite file written with the hand-rolled schema (PRAGMA user_version 1 or 2) and rows in every
    table, when the app opens it, then it is at Alembic's newest revision and every row and value is kept."""
    counts = _legacy_database(paths.DB_PATH, version)
    summaries = storage_assessments.list_assessments()
    assert storage_db.schema_revision() == migrate.head()
    con = _raw(paths.DB_PATH)
    assert {t: con.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in counts} == counts
    assert counts["answer"] == 30 * len(ITEM_IDS)
    assert len(summaries) == 30 and {s.n_answers for s in summaries} == {len(ITEM_IDS)}
    third = storage_assessments.get_assessment(3)
    assert third.answers == {item: (3 + k) % 5 if k % 7 else None for k, item in enumerate(ITEM_IDS)}
    assert third.notes == {"goals": {"next_step": "Stap 3; 'quote'"}}
    assert (third.workshop_code, third.n_participants) == (("ACD34", 4) if version == 2 else ("", None))
    workshop = storage_workshops.get_workshop("ACD34")
    assert (workshop.accepting, workshop.show_names, workshop.revealed) == (
        (False, True, frozenset({"goals"})) if version == 2 else (True, False, frozenset()))
    assert len(storage_workshops.workshop_participants("ACD34", include_removed=True)) == 5
    # the migrated file takes new rows, with new ids after the old ones
    new = storage_assessments.open_assessment(coalition="Na de upgrade", assessment_date=DAY)
    assert new.id == 31
