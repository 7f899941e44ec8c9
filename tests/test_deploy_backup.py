"""docs/DEPLOY.md's backup and restore, done for real: pg_dump of a database in use, pg_restore into a new one, and
the app reading the restored database with every row (issue 17)."""

from __future__ import annotations

import subprocess
from datetime import date

from ks_data import paths
from ks_data.assessment.items import AssessmentRecord
from ks_data.storage import assessments as storage_assessments
from ks_data.storage import db as storage_db
from ks_data.storage import migrate
from ks_data.storage import workshops as storage_workshops
from tests import pg_server as pg

TABLES = ("assessment", "answer", "note", "workshop", "participant", "participant_answer", "workshop_note")


def _counts() -> dict[str, int]:
    with storage_db.connect() as con:
        return {t: con.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in TABLES}


def _client(server: pg.PgServer, tool: str, *args: str) -> None:
    out = subprocess.run([str(server._bindir / tool), "-h", server.host, "-p", str(server.port), "-U", server.user,
                          *args], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr


def test_pg_dump_and_restore_keep_every_row(pg_server, pg_database, tmp_path, monkeypatch):
    """Given a database with assessments and a workshop, when it is dumped (`pg_dump -Fc`, as DEPLOY.md says) and
    restored into an empty database, then the app opens the copy at the current schema with the same rows."""
    for n in range(12):
        storage_assessments.replace_assessment(AssessmentRecord(
            coalition=f"Coalitie {n}", gemeente="Ede", assessment_date=date(2026, 1, n + 1),
            answers={f"i{k:02d}": (n + k) % 5 for k in range(20)}, notes={"goals": {"next_step": f"Stap {n}"}}))
    code = storage_workshops.create_workshop(title="Back-up")
    for n in range(4):
        me = storage_workshops.join_workshop(code, name=f"P{n}", token=f"tok{n}")
        for k in range(10):
            storage_workshops.save_participant_answer(me.id, item_id=f"i{k:02d}", value=k % 5)
    storage_workshops.save_workshop_note(code, element_id="goals", kind="next_step", text="Samen verder")
    before = _counts()
    assert before["answer"] == 240 and before["participant_answer"] == 40

    dump = tmp_path / "kansrijke_start.dump"
    source = pg_database.rsplit("/", 1)[1]
    _client(pg_server, "pg_dump", "-Fc", "-f", str(dump), source)
    pg.create_database(pg_server, "restored_copy")
    try:
        _client(pg_server, "pg_restore", "--no-owner", "-d", "restored_copy", str(dump))
        monkeypatch.setattr(paths, "DATABASE_URL", pg_server.url("restored_copy"))
        assert storage_db.schema_revision() == migrate.head()
        assert _counts() == before
        record = storage_assessments.get_assessment(storage_assessments.find_assessment(
            coalition="Coalitie 7", gemeente="Ede", assessment_date=date(2026, 1, 8)))
        assert record.answers == {f"i{k:02d}": (7 + k) % 5 for k in range(20)}
        assert storage_workshops.workshop_notes(code) == {"goals": {"next_step": "Samen verder"}}
        # the restored copy takes new rows (its id sequences were restored too)
        new = storage_assessments.open_assessment(coalition="Na herstel", assessment_date=date(2026, 2, 1))
        assert new.id == max(s.id for s in storage_assessments.list_assessments() if s.coalition != "Na herstel") + 1
    finally:
        storage_db.dispose_engines()
        pg.drop_database(pg_server, "restored_copy")
