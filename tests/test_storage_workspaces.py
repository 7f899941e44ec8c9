"""ks_data/storage/workspaces.py, throttle.py, audit.py, hosting.py and admin.py (issue 18): workspaces with access
codes stored only as hashes, records scoped per workspace, throttling in the database, the audit trail and erasure.
Every test runs on SQLite and PostgreSQL (the ``database`` fixture)."""

from __future__ import annotations

import csv
import io
from datetime import date, datetime, timedelta, timezone

import pytest
import sqlalchemy as sa

from ks_data.assessment.items import AssessmentRecord
from ks_data.storage import admin, audit, hosting, throttle, workshops
from ks_data.storage import assessments as store
from ks_data.storage import perinatal_files as db_files
from ks_data.storage import workspaces
from ks_data.storage.db import StorageError, connect, dispose_engines, transaction

DAY = date(2026, 3, 1)


@pytest.fixture
def hosted(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KS_HOSTED", "1")


def _all_text(con) -> str:
    """Every value of every table, as one string (to prove a code is stored nowhere)."""
    if con.dialect == "sqlite":
        tables = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    else:
        tables = [r[0] for r in con.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")]
    return " ".join(str(tuple(row[i] for i in range(len(row.keys())))) for table in tables
                    for row in con.execute(f"SELECT * FROM {table}"))


def test_a_new_workspace_gets_a_code_shown_once_and_stored_only_as_a_salted_scrypt_hash(database):
    first, code = workspaces.create_workspace(name=" Coalitie  Noord ", gemeente="Utrecht", client="c1")
    second, other = workspaces.create_workspace(name="Coalitie Zuid", client="c1")
    assert first.name == "Coalitie Noord" and first.id != second.id != hosting.LAPTOP_WORKSPACE
    assert len(code) == 19 and code.count("-") == 3 and set(code.replace("-", "")) <= set(workspaces.ALPHABET)
    with connect() as con:
        everything = _all_text(con)
        hashes = [r[0] for r in con.execute("SELECT code_hash FROM workspace WHERE code_hash IS NOT NULL")]
    assert code not in everything and code[5:] not in everything and other not in everything
    assert all(h.startswith("scrypt$16384$8$1$") for h in hashes) and len(set(h.split("$")[4] for h in hashes)) == 2
    assert workspaces.open_workspace(code.lower().replace("-", " "), client="c1") == first  # typed loosely
    assert workspaces.open_workspace(other, client="c1").id == second.id


def test_wrong_codes_are_throttled_per_client_across_connections_even_for_the_right_code(database):
    found, code = workspaces.create_workspace(name="Coalitie", client="maker")
    wrong = code[:5] + ("A" if code[5] != "A" else "B") + code[6:]
    for _ in range(hosting.CODE_ATTEMPTS_PER_MINUTE.value()):
        with pytest.raises(StorageError) as refused:
            workspaces.open_workspace(wrong, client="guesser")
        assert refused.value.kind == "wrong_code"
    dispose_engines()  # another server: a fresh connection pool on the same database
    with pytest.raises(StorageError) as blocked:
        workspaces.open_workspace(code, client="guesser")
    assert blocked.value.kind == "throttled"
    assert workspaces.open_workspace(code, client="someone else").id == found.id
    with pytest.raises(StorageError, match="wrong_code"):
        workspaces.open_workspace("", client="another")


def test_the_throttle_window_moves_on_and_creation_limits_count_every_action(database, monkeypatch):
    start = 1_800_000_000 - 1_800_000_000 % 60 + 58  # two seconds before a minute boundary
    for offset in (0, 1, 3):
        assert throttle.hit("k", "kind", window_seconds=60, at=start + offset) == {0: 1, 1: 2, 3: 3}[offset]
    with pytest.raises(StorageError, match="throttled"):  # across the boundary: still the same 60 seconds
        throttle.check("k", "kind", limit=3, window_seconds=60, at=start + 59)
    throttle.check("k", "kind", limit=3, window_seconds=60, at=start + 60)  # the first one is a minute old
    throttle.check("k", "other kind", limit=1, window_seconds=60, at=start + 5)
    monkeypatch.setenv("KS_WORKSPACES_PER_HOUR", "2")
    workspaces.create_workspace(name="een", client="busy")
    workspaces.create_workspace(name="twee", client="busy")
    with pytest.raises(StorageError) as refused:
        workspaces.create_workspace(name="drie", client="busy")
    assert refused.value.kind == "too_many"
    assert throttle.client_key("10.0.0.1") != throttle.client_key("10.0.0.2")
    assert "10.0.0.1" not in throttle.client_key("10.0.0.1")


def test_hosted_calls_without_a_workspace_fail_closed(database, hosted):
    for call in (lambda: store.list_assessments(), lambda: store.get_assessment(1),
                 lambda: store.open_assessment(coalition="X", assessment_date=DAY),
                 lambda: workshops.create_workshop(title="t"), lambda: workshops.workshop_snapshot("K7M3P"),
                 lambda: db_files.list_files(), lambda: store.latest_for_gemeente("Utrecht")):
        with pytest.raises(StorageError) as refused:
            call()
        assert refused.value.kind == "no_workspace"


def test_assessments_are_scoped_and_an_import_cannot_overwrite_another_workspace(database, hosted):
    a, _ = workspaces.create_workspace(name="A", client="c")
    b, _ = workspaces.create_workspace(name="B", client="c")
    mine = store.open_assessment(coalition="Coalitie", gemeente="Utrecht", assessment_date=DAY, workspace=a.id)
    theirs = store.open_assessment(coalition="coalitie", gemeente="utrecht", assessment_date=DAY, workspace=b.id)
    assert mine.id != theirs.id  # the same key in two workspaces: two records
    store.save_answer(theirs.id, item_id="goals_vision", value=3, workspace=b.id)
    store.save_note(theirs.id, element_id="goals", kind="goes_well", text="geheim van B", workspace=b.id)
    for call in (lambda: store.get_assessment(theirs.id, workspace=a.id),
                 lambda: store.save_answer(theirs.id, item_id="goals_vision", value=1, workspace=a.id),
                 lambda: store.save_note(theirs.id, element_id="goals", kind="goes_well", text="x", workspace=a.id)):
        with pytest.raises(StorageError, match="not_found"):
            call()
    assert [s.id for s in store.list_assessments(workspace=a.id)] == [mine.id]
    assert store.latest_for_gemeente("Utrecht", workspace=a.id) is None  # B's answered one is not found
    forged = AssessmentRecord(id=theirs.id, coalition="Coalitie", gemeente="Utrecht", assessment_date=DAY,
                              answers={"goals_vision": 0}, notes={})
    assert store.replace_assessment(forged, workspace=a.id) == mine.id  # the key decides, in A only
    kept = store.get_assessment(theirs.id, workspace=b.id)
    assert kept.answers == {"goals_vision": 3} and kept.notes == {"goals": {"goes_well": "geheim van B"}}
    assert store.find_assessment(coalition="Coalitie", gemeente="Utrecht", assessment_date=DAY,
                                 workspace=b.id) == theirs.id


def test_workshops_are_scoped_participants_need_only_the_code_and_codes_expire(database, hosted, monkeypatch):
    a, _ = workspaces.create_workspace(name="A", client="c")
    b, _ = workspaces.create_workspace(name="B", client="c")
    code = workshops.create_workshop(title="Sessie B", workspace=b.id)
    for call in (lambda: workshops.workshop_snapshot(code, workspace=a.id),
                 lambda: workshops.get_workshop(code, workspace=a.id),
                 lambda: workshops.set_accepting(code, False, workspace=a.id),
                 lambda: workshops.reset_answers(code, workspace=a.id),
                 lambda: workshops.workshop_notes(code, workspace=a.id),
                 lambda: workshops.save_workshop_note(code, element_id="e", kind="k", text="t", workspace=a.id)):
        with pytest.raises(StorageError, match="not_found"):
            call()
    me = workshops.join_workshop(code, name="Deelnemer", token="tok-1", client="phone")
    workshops.save_participant_answer(me.id, item_id="goals_vision", value=2)
    assert workshops.workshop_snapshot(code, workspace=b.id).answers == {me.id: {"goals_vision": 2}}
    monkeypatch.setenv("KS_WORKSHOP_CODE_HOURS", "1")
    with transaction() as con:
        old = (datetime.now(timezone.utc) - timedelta(hours=2)).isoformat(timespec="milliseconds")
        con.execute("UPDATE workshop SET created_at = ? WHERE code = ?", (old, code))
    with pytest.raises(StorageError, match="expired"):
        workshops.join_workshop(code, name="Laat", token="tok-2", client="phone")


def test_wrong_workshop_codes_are_throttled_per_client(database, hosted):
    a, _ = workspaces.create_workspace(name="A", client="c")
    code = workshops.create_workshop(workspace=a.id)
    for n in range(hosting.CODE_ATTEMPTS_PER_MINUTE.value()):
        with pytest.raises(StorageError, match="not_found"):
            workshops.join_workshop("ZZZZZ", token=f"t{n}", client="guesser")
    with pytest.raises(StorageError, match="throttled"):
        workshops.join_workshop(code, token="right", client="guesser")
    assert workshops.join_workshop(code, token="other", client="other phone").workshop_code == code


def test_perinatal_files_and_mappings_are_per_workspace(database, hosted):
    a, _ = workspaces.create_workspace(name="A", client="c")
    b, _ = workspaces.create_workspace(name="B", client="c")
    db_files.add_file("fa", {"id": "fa", "filename": "a.csv"}, b"A", workspace=a.id)
    db_files.save_mapping("sig", {"from": "A"}, workspace=a.id)
    assert db_files.list_files(workspace=b.id) == [] and db_files.file_contents(workspace=b.id) == []
    assert db_files.files_version(workspace=b.id) == "" != db_files.files_version(workspace=a.id)
    assert db_files.get_mapping("sig", workspace=b.id) is None and db_files.mappings_version(workspace=b.id) == ""
    assert not db_files.remove_file("fa", workspace=b.id)
    db_files.clear_files(workspace=b.id)
    assert [m["id"] for m in db_files.list_files(workspace=a.id)] == ["fa"]
    assert db_files.get_mapping("sig", workspace=a.id) == {"from": "A"}


def test_writes_are_audited_without_content_and_repeats_within_a_minute_merge(database, hosted):
    a, _ = workspaces.create_workspace(name="A", client="c")
    record = store.open_assessment(coalition="Coalitie", assessment_date=DAY, workspace=a.id)
    for text in ("g", "ge", "geheim"):  # saved while typing
        store.save_note(record.id, element_id="goals", kind="goes_well", text=text, workspace=a.id)
    code = workshops.create_workshop(title="Titel", workspace=a.id)
    me = workshops.join_workshop(code, name="Naam", token="tok")
    workshops.save_participant_answer(me.id, item_id="goals_vision", value=1)
    rows = audit.trail(a.id)
    assert [(r["actor"], r["action"], r["object_kind"]) for r in rows] == [
        ("werkruimte", "aangemaakt", "werkruimte"), ("werkruimte", "aangemaakt", "zelfevaluatie"),
        ("werkruimte", "notitie", "zelfevaluatie"), ("werkruimte", "aangemaakt", "workshop"),
        ("deelnemer", "aangemeld", "workshop"), ("deelnemer", "antwoord", "deelnemer")]
    text = audit.trail_csv(a.id)
    assert "geheim" not in text and "Naam" not in text and "Titel" not in text and "Coalitie" not in text
    assert list(csv.DictReader(io.StringIO(text)))[2]["object_id"] == str(record.id)


def test_erasing_a_workspace_removes_all_its_data_and_nothing_of_another(database, hosted):
    a, _ = workspaces.create_workspace(name="A", client="c")
    b, code_b = workspaces.create_workspace(name="B", client="c")
    for ws in (a, b):
        rec = store.open_assessment(coalition="C", assessment_date=DAY, workspace=ws.id)
        store.save_answer(rec.id, item_id="goals_vision", value=2, workspace=ws.id)
        store.save_note(rec.id, element_id="goals", kind="goes_well", text="n", workspace=ws.id)
        code = workshops.create_workshop(workspace=ws.id)
        me = workshops.join_workshop(code, token=f"tok{ws.id}")
        workshops.save_participant_answer(me.id, item_id="goals_vision", value=1)
        workshops.save_workshop_note(code, element_id="goals", kind="next", text="x", workspace=ws.id)
        workshops.set_revealed(code, "p", True, workspace=ws.id)
        db_files.add_file(f"f{ws.id}", {"id": f"f{ws.id}"}, b"x", workspace=ws.id)
        db_files.save_mapping("sig", {"x": 1}, workspace=ws.id)
    gone = workspaces.delete_workspace(b.id)
    assert gone == {"answers": 1, "notes": 1, "assessments": 1, "participant_answers": 1, "participants": 1,
                    "workshops": 1, "files": 1}
    with connect() as con:
        for table in ("assessment", "workshop", "perinatal_file"):
            assert con.execute(f"SELECT COUNT(*) FROM {table} WHERE workspace_id = ?", (b.id,)).fetchone()[0] == 0
        for table in ("answer", "note", "participant", "participant_answer", "workshop_note", "workshop_reveal",
                      "perinatal_mapping"):
            assert con.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0] == 1, table  # only A's left
        assert [r[0] for r in con.execute("SELECT id FROM workspace ORDER BY id")] == [hosting.LAPTOP_WORKSPACE, a.id]
    assert [(r["actor"], r["action"]) for r in audit.trail(b.id)] == [("beheerder", "gewist")]
    with pytest.raises(StorageError, match="wrong_code"):
        workspaces.open_workspace(code_b, client="c")
    assert len(store.get_assessment(store.list_assessments(workspace=a.id)[0].id, workspace=a.id).answers) == 1


def test_the_admin_cli_lists_exports_the_audit_trail_and_erases(database, hosted, tmp_path, capsys):
    a, _ = workspaces.create_workspace(name="Coalitie A", gemeente="Utrecht", client="c")
    store.open_assessment(coalition="C", assessment_date=DAY, workspace=a.id)
    assert admin.main(["list"]) == 0
    listed = capsys.readouterr().out.splitlines()
    assert listed[0].startswith("id\tname") and f"{a.id}\tCoalitie A\tUtrecht" in listed[2]
    assert listed[2].endswith("\t1\t0\t0")
    out = tmp_path / "audit.csv"
    assert admin.main(["audit", "--workspace", str(a.id), "--out", str(out)]) == 0
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert [r["action"] for r in rows] == ["aangemaakt", "aangemaakt"] and rows[1]["object_kind"] == "zelfevaluatie"
    assert admin.main(["delete-workspace", str(a.id), "--yes"]) == 0
    assert "erased workspace" in capsys.readouterr().out
    assert admin.main(["delete-workspace", str(a.id), "--yes"]) == 2  # gone: a clear error, no traceback
    assert "not_found" in capsys.readouterr().err


def test_migration_0005_keeps_every_row_in_the_laptop_workspace(database):
    from alembic import command

    from ks_data.storage import engine, migrate

    with engine.engine(engine.database_url()).connect() as conn:
        with conn.begin():
            command.upgrade(migrate._config(conn), "0004")
        with conn.begin():
            conn.execute(sa.text("INSERT INTO assessment (id, coalition, coalition_key, gemeente, gemeente_key, "
                                 "assessment_date, created_at, updated_at) VALUES (7, 'Oud', 'oud', '', '', "
                                 "'2025-01-01', 'x', 'x')"))
            conn.execute(sa.text("INSERT INTO answer VALUES (7, 'goals_vision', 3, 'x')"))
            conn.execute(sa.text("INSERT INTO note VALUES (7, 'goals', 'goes_well', 'bewaard', 'x')"))
            conn.execute(sa.text("INSERT INTO workshop (code, title, created_at) VALUES ('K7M3P', '', 'x')"))
    kept = store.get_assessment(7)
    assert kept.answers == {"goals_vision": 3} and kept.notes == {"goals": {"goes_well": "bewaard"}}
    assert workshops.get_workshop("K7M3P").code == "K7M3P"
    with connect() as con:
        assert con.execute("SELECT workspace_id FROM assessment WHERE id = 7").fetchone()[0] == 1
        assert con.execute("SELECT name FROM workspace WHERE id = 1").fetchone()[0] == "Deze computer"
    assert store.open_assessment(coalition="Nieuw", assessment_date=DAY).id != 7
    assert workspaces.create_workspace(name="W", client="c")[0].id == 2
    store.save_note(7, element_id="goals", kind="goes_well", text="")  # the rebuilt foreign keys still work
    assert store.get_assessment(7).notes == {}
