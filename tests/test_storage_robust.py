"""ks_data/storage/db.py under real faults: a writer killed mid-save, a read-only folder, a full disk, many writers.

tests/test_storage_db.py already covers two threads / two processes writing one assessment and read-only /
full-disk errors simulated inside sqlite3; these tests use real processes, SIGKILL, file permissions and
a file-size limit, so what is checked is what the operating system does. The kill and many-writer tests run on
SQLite and on PostgreSQL (``database`` fixture); permissions and file size are about the SQLite file only.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import threading
from datetime import date
from pathlib import Path

import pytest

from ks_data import paths
from ks_data.storage import assessments as storage_assessments
from ks_data.storage import workshops as storage_workshop
from ks_data.texts import storage as ts
from tests.conftest import PROJECT_DIR

DAY = date(2026, 11, 23)

_SAVER = """
import sys
from ks_data.storage import assessments as storage_assessments
assessment_id = int(sys.argv[1])
for n in range(1_000_000):
    storage_assessments.save_answer(assessment_id, item_id=f"k{n:06d}", value=n % 5)
    print(n, flush=True)  # acknowledged: save_answer has returned
"""

_REPLACER = """
import sys
from datetime import date
from ks_data.storage import assessments as storage_assessments
from ks_data.assessment.items import AssessmentRecord
for n in range(1_000_000):
    version = n % 2 + 1
    storage_assessments.replace_assessment(AssessmentRecord(
        coalition="Gedood", gemeente="", assessment_date=date(2026, 11, 23),
        answers={f"i{i:03d}": version for i in range(200)}, notes={"goals": {"next_step": f"versie {version}"}}))
    print(version, flush=True)
"""

_PROBE = """
import json, sys
from datetime import date
from ks_data.storage import assessments as storage_assessments
from ks_data.storage.db import StorageError
out = {}
for name, call in [
    ("open", lambda: storage_assessments.open_assessment(coalition="Nieuw", assessment_date=date(2026, 11, 24))),
    ("save", lambda: storage_assessments.save_answer(int(sys.argv[1]), item_id="goals_vision", value=3)),
    ("note", lambda: storage_assessments.save_note(int(sys.argv[1]), element_id="goals", kind="next_step", text="x" * 3_000_000)),
    ("list", lambda: storage_assessments.list_assessments()),
]:
    try:
        call()
        out[name] = "ok"
    except StorageError as exc:
        out[name] = exc.kind
print(json.dumps(out))
"""


def _env(db: Path) -> dict[str, str]:
    env = {**os.environ, "KS_DB_PATH": str(db), "PYTHONPATH": str(PROJECT_DIR)}
    env.pop("KS_DATABASE_URL", None)
    if paths.DATABASE_URL:  # the PostgreSQL variant: the child uses the same server database
        env["KS_DATABASE_URL"] = paths.DATABASE_URL
    return env


def _kill_after(script: str, args: list[str], db: Path, *, acknowledged: int) -> list[str]:
    """Run ``script`` in a child, SIGKILL it after ``acknowledged`` printed lines; return those lines."""
    child = subprocess.Popen([sys.executable, "-c", script, *args], env=_env(db), stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True)
    lines: list[str] = []
    try:
        while len(lines) < acknowledged:
            line = child.stdout.readline()
            assert line, child.stderr.read()
            lines.append(line.strip())
    finally:
        os.kill(child.pid, signal.SIGKILL)
        child.wait(timeout=30)
        child.stdout.close()
        child.stderr.close()
    assert child.returncode == -signal.SIGKILL
    return lines


def _integrity(db: Path) -> str:
    if paths.DATABASE_URL:  # PostgreSQL: a killed client cannot corrupt the server's files
        return "ok"
    con = sqlite3.connect(db)
    try:
        return con.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        con.close()


@pytest.mark.parametrize("acknowledged", [1, 37, 150])
def test_a_writer_killed_mid_save_loses_no_acknowledged_answer(database, acknowledged):
    """Given a process saving answers one by one, when it is SIGKILLed mid-stream, then the database opens
    clean, holds every answer whose save had returned, and takes new answers."""
    record = storage_assessments.open_assessment(coalition="Gedood", assessment_date=DAY)
    lines = _kill_after(_SAVER, [str(record.id)], paths.DB_PATH, acknowledged=acknowledged)
    assert _integrity(paths.DB_PATH) == "ok"
    answers = storage_assessments.get_assessment(record.id).answers
    for n in map(int, lines):
        assert answers[f"k{n:06d}"] == n % 5
    # the child runs ahead of what the pipe delivered; saved answers are still exactly k0..k(m), no gaps
    assert sorted(answers) == [f"k{n:06d}" for n in range(len(answers))] and len(answers) >= len(lines)
    storage_assessments.save_answer(record.id, item_id="na_de_crash", value=4)
    assert storage_assessments.get_assessment(record.id).answers["na_de_crash"] == 4


@pytest.mark.parametrize("acknowledged", [1, 6])
def test_a_whole_assessment_write_killed_midway_is_all_or_nothing(database, acknowledged):
    """Given a process rewriting a 200-answer assessment (import), when it is killed, then the stored
    assessment is one complete version, never a mix."""
    _kill_after(_REPLACER, [], paths.DB_PATH, acknowledged=acknowledged)
    assert _integrity(paths.DB_PATH) == "ok"
    (summary,) = storage_assessments.list_assessments(coalition="Gedood")
    record = storage_assessments.get_assessment(summary.id)
    versions = set(record.answers.values())
    assert len(record.answers) == 200 and len(versions) == 1
    (version,) = versions
    assert record.notes == {"goals": {"next_step": f"versie {version}"}}


def _unprivileged() -> list[str]:
    """Command prefix that makes root obey file permissions (drops CAP_DAC_OVERRIDE), or [] if not root."""
    if os.geteuid() != 0:
        return []
    if shutil.which("setpriv") is None:
        pytest.skip("running as root without setpriv: file permissions cannot be enforced")
    caps = "-dac_override,-dac_read_search"
    return ["setpriv", f"--bounding-set={caps}", f"--inh-caps={caps}"]


def _probe(db: Path, assessment_id: int, *, prefix: list[str] = (), preexec=None) -> dict[str, str]:
    out = subprocess.run([*prefix, sys.executable, "-c", _PROBE, str(assessment_id)], env=_env(db),
                         capture_output=True, text=True, timeout=120, preexec_fn=preexec)
    assert out.returncode == 0, out.stderr  # a StorageError, never a traceback
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_read_only_folder_and_file_give_the_read_only_message(user_data_dir):
    """Given a database folder and file without write permission, then saving gives StorageError
    'read_only' (the Dutch read-only message) and reading still works."""
    record = storage_assessments.open_assessment(coalition="Alleen lezen", assessment_date=DAY)
    storage_assessments.save_answer(record.id, item_id="goals_vision", value=1)
    folder = paths.DB_PATH.parent
    for extra in folder.glob("*.sqlite-*"):
        extra.unlink()  # WAL files are removed on the last close anyway
    paths.DB_PATH.chmod(0o444)
    folder.chmod(0o555)
    try:
        result = _probe(paths.DB_PATH, record.id, prefix=_unprivileged())
    finally:
        folder.chmod(0o755)
        paths.DB_PATH.chmod(0o644)
    assert result["save"] == result["open"] == result["note"] == "read_only", result
    assert result["list"] in ("ok", "read_only"), result
    assert "alleen-lezen" in ts.storage_error(result["save"])
    assert storage_assessments.get_assessment(record.id).answers == {"goals_vision": 1}


def test_new_database_in_a_read_only_folder_gives_a_clear_message(user_data_dir, monkeypatch):
    """Given KS_DB_PATH in a folder that cannot be written, then every call is a StorageError with a
    Dutch message (no crash), and nothing is created."""
    folder = user_data_dir / "locked"
    folder.mkdir()
    folder.chmod(0o555)
    db = folder / "sub" / "ks.sqlite"
    try:
        result = _probe(db, 1, prefix=_unprivileged())
    finally:
        folder.chmod(0o755)
    assert set(result.values()) == {"read_only"}, result
    assert not (folder / "sub").exists()


def _file_size_limit(limit: int):
    def apply() -> None:
        import resource

        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails with EFBIG instead
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    return apply


def test_full_disk_gives_the_disk_full_message_and_keeps_earlier_answers(user_data_dir):
    """Given a process that cannot grow any file (RLIMIT_FSIZE, as on a full disk), then a large note is a
    StorageError 'disk_full' with a Dutch message, and the database keeps every earlier answer."""
    record = storage_assessments.open_assessment(coalition="Vol", assessment_date=DAY)
    storage_assessments.save_answer(record.id, item_id="goals_data", value=2)
    size = paths.DB_PATH.stat().st_size
    result = _probe(paths.DB_PATH, record.id, preexec=_file_size_limit(size + 64 * 1024))
    assert result["note"] == "disk_full", result
    assert "schijf is vol" in ts.storage_error(result["note"])
    assert _integrity(paths.DB_PATH) == "ok"
    saved = storage_assessments.get_assessment(record.id)
    assert saved.answers["goals_data"] == 2 and "goals" not in saved.notes


def test_many_workshop_participants_answering_at_once_lose_nothing(database):
    """Given 8 participants joining one workshop and answering 15 items each in parallel threads, then
    every participant and every answer is stored."""
    code = storage_workshop.create_workshop(title="Drukte")
    errors: list[BaseException] = []

    def participant(number: int) -> None:
        try:
            me = storage_workshop.join_workshop(code, name=f"deelnemer {number}", token=f"token-{number}")
            for item in range(15):
                storage_workshop.save_participant_answer(me.id, item_id=f"item{item:02d}", value=(number + item) % 5)
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=participant, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not errors
    people = storage_workshop.workshop_participants(code)
    assert sorted(p.name for p in people) == sorted(f"deelnemer {n}" for n in range(8))
    answers = storage_workshop.workshop_answers(code)
    for person in people:
        number = int(person.name.split()[-1])
        assert answers[person.id] == {f"item{i:02d}": (number + i) % 5 for i in range(15)}
