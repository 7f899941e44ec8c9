"""ks_data/storage/workshops.py: workshop sessions, the trainer's settings, participants, answers and notes.

Every test but the SQLite-upgrade one runs on SQLite and on PostgreSQL (the ``database`` fixture).
"""

from __future__ import annotations

import sqlite3
from datetime import datetime, timezone

import pytest

from ks_data import paths
from ks_data.assessment import workshop as assessment_group
from ks_data.storage import assessments as storage_assessments
from ks_data.storage import db as storage_db
from ks_data.storage import migrate
from ks_data.storage import workshops as storage_workshop
from ks_data.storage.db import StorageError, transaction
from tests.conftest import FIXTURES_DIR

LEGACY_DIR = FIXTURES_DIR / "legacy_sqlite"  # the SQLite schema as the app wrote it before Alembic


def test_workshop_session_join_and_answers_per_participant(database):
    code = storage_workshop.create_workshop(title="Regio Utrecht")
    assert assessment_group.is_valid_code(code)
    assert storage_workshop.workshop_title(code) == "Regio Utrecht"
    a = storage_workshop.join_workshop(code, name="Fatima", token="tok-a")
    b = storage_workshop.join_workshop(code, token="tok-b")
    storage_workshop.save_participant_answer(a.id, item_id="goals_vision", value=3)
    storage_workshop.save_participant_answer(a.id, item_id="goals_vision", value=4)
    storage_workshop.save_participant_answer(b.id, item_id="goals_vision", value=None)
    assert storage_workshop.workshop_answers(code) == {a.id: {"goals_vision": 4}, b.id: {"goals_vision": None}}
    assert [p.name for p in storage_workshop.workshop_participants(code)] == ["Fatima", ""]
    assert storage_workshop.participant_by_token("tok-a").id == a.id
    assert storage_workshop.participant_answers(a.id) == {"goals_vision": 4}
    assert storage_workshop.participant_by_token("nope") is None


def test_joining_an_unknown_workshop_is_not_found(database):
    with pytest.raises(StorageError) as info:
        storage_workshop.join_workshop("ACD34", token="t")
    assert info.value.kind == "not_found"
    with pytest.raises(StorageError):
        storage_workshop.workshop_title("ACD34")


def test_workshop_codes_do_not_collide(database, monkeypatch):
    codes = iter(["ACDEF", "ACDEF", "GHJKM"])
    monkeypatch.setattr(storage_workshop, "new_session_code", lambda: next(codes))
    assert storage_workshop.create_workshop() == "ACDEF"
    assert storage_workshop.create_workshop() == "GHJKM"


def test_trainer_settings_are_stored_and_read_back_in_one_snapshot(database):
    """Given a session, when the trainer reveals a part, shows names, starts a countdown and closes it,
    then every screen reading the snapshot sees the same settings."""
    code = storage_workshop.create_workshop(title="Regio")
    fresh = storage_workshop.get_workshop(code)
    assert (fresh.accepting, fresh.show_names, fresh.countdown_ends_at, fresh.revealed) == (True, False, None,
                                                                                           frozenset())
    storage_workshop.set_revealed(code, "denkraam", True)
    storage_workshop.set_revealed(code, "denkraam", True)  # twice is the same
    storage_workshop.set_show_names(code, True)
    ends = storage_workshop.start_countdown(code, seconds=90)
    left = (datetime.fromisoformat(ends) - datetime.now(timezone.utc)).total_seconds()
    assert 85 < left <= 90
    snap = storage_workshop.workshop_snapshot(code)
    assert snap.workshop.revealed == {"denkraam"} and snap.workshop.show_names
    assert snap.workshop.countdown_ends_at == ends and snap.workshop.accepts_answers()
    storage_workshop.set_revealed(code, "denkraam", False)
    storage_workshop.stop_countdown(code)
    storage_workshop.set_accepting(code, False)
    closed = storage_workshop.get_workshop(code)
    assert closed.revealed == frozenset() and closed.countdown_ends_at is None and not closed.accepts_answers()
    for change in (lambda: storage_workshop.set_accepting("ACD34", True),
                   lambda: storage_workshop.set_revealed("ACD34", "denkraam", True)):
        with pytest.raises(StorageError) as info:
            change()
        assert info.value.kind == "not_found"


def test_a_closed_or_timed_out_session_and_a_removed_participant_refuse_answers(database):
    code = storage_workshop.create_workshop()
    me = storage_workshop.join_workshop(code, token="me")
    storage_workshop.save_participant_answer(me.id, item_id="goals_vision", value=2)
    storage_workshop.set_accepting(code, False)
    with pytest.raises(StorageError) as closed:
        storage_workshop.save_participant_answer(me.id, item_id="goals_vision", value=4)
    assert closed.value.kind == "closed"
    storage_workshop.set_accepting(code, True)
    _expire_countdown(code)
    with pytest.raises(StorageError) as timed_out:
        storage_workshop.save_participant_answer(me.id, item_id="goals_vision", value=4)
    assert timed_out.value.kind == "closed"
    storage_workshop.set_accepting(code, True)  # reopening clears the countdown that ran out
    assert storage_workshop.get_workshop(code).countdown_ends_at is None
    storage_workshop.save_participant_answer(me.id, item_id="goals_vision", value=4)
    storage_workshop.remove_participant(code, me.id)
    with pytest.raises(StorageError) as removed:
        storage_workshop.save_participant_answer(me.id, item_id="goals_vision", value=1)
    assert removed.value.kind == "removed"
    assert storage_workshop.participant_answers(me.id) == {"goals_vision": 4}


def _expire_countdown(code: str) -> None:
    with transaction() as con:
        con.execute("UPDATE workshop SET countdown_ends_at = '2020-01-01T00:00:00.000+00:00' WHERE code = ?", (code,))


def test_removed_participants_no_longer_count_but_keep_their_number(database):
    code = storage_workshop.create_workshop()
    a, b, c = (storage_workshop.join_workshop(code, name=n, token=n) for n in ("a", "b", "c"))
    for person, value in ((a, 1), (b, 4), (c, 3)):
        storage_workshop.save_participant_answer(person.id, item_id="goals_vision", value=value)
    storage_workshop.remove_participant(code, b.id)
    with pytest.raises(StorageError):
        storage_workshop.remove_participant(code, b.id)  # already removed
    assert storage_workshop.workshop_answers(code) == {a.id: {"goals_vision": 1}, c.id: {"goals_vision": 3}}
    assert [p.number for p in storage_workshop.workshop_participants(code)] == [1, 3]
    everyone = storage_workshop.workshop_participants(code, include_removed=True)
    assert [(p.number, p.removed) for p in everyone] == [(1, False), (2, True), (3, False)]
    assert storage_workshop.participant_by_token("b").removed
    workshop, me, count = storage_workshop.participant_status(c.id)
    assert (workshop.code, me.number, count) == (code, 3, 1)


def test_reset_wipes_answers_and_reveals_but_keeps_participants_and_other_sessions(database):
    code, other = storage_workshop.create_workshop(), storage_workshop.create_workshop()
    me = storage_workshop.join_workshop(code, token="me")
    them = storage_workshop.join_workshop(other, token="them")
    for person in (me, them):
        storage_workshop.save_participant_answer(person.id, item_id="goals_vision", value=3)
        storage_workshop.save_participant_answer(person.id, item_id="goals_data", value=None)
    storage_workshop.set_revealed(code, "themes", True)
    assert storage_workshop.reset_answers(code) == 2
    assert storage_workshop.workshop_answers(code) == {me.id: {}}
    assert storage_workshop.get_workshop(code).revealed == frozenset()
    assert storage_workshop.workshop_answers(other) == {them.id: {"goals_vision": 3, "goals_data": None}}


def test_group_notes_are_saved_replaced_and_removed(database):
    code = storage_workshop.create_workshop()
    storage_workshop.save_workshop_note(code, element_id="goals", kind="next_step", text="Visie")
    storage_workshop.save_workshop_note(code, element_id="goals", kind="next_step", text="Visie in maart")
    storage_workshop.save_workshop_note(code, element_id="community", kind="going_well", text="Buurtmoeders")
    storage_workshop.save_workshop_note(code, element_id="community", kind="going_well", text="  ")
    assert storage_workshop.workshop_notes(code) == {"goals": {"next_step": "Visie in maart"}}
    with pytest.raises(StorageError):
        storage_workshop.save_workshop_note("ACD34", element_id="goals", kind="next_step", text="x")


def test_a_database_of_the_first_version_is_migrated_without_losing_workshops(user_data_dir):
    """Given a database written by the app before issue 14 (schema 1), when the new app opens it, then the
    workshop, its participants and answers are still there with the new settings at their defaults."""
    con = sqlite3.connect(paths.DB_PATH)
    con.executescript((LEGACY_DIR / "schema_1.sql").read_text(encoding="utf-8"))
    con.execute("INSERT INTO workshop (code, title, created_at) VALUES ('ACD34', 'Oud', '2026-01-01T10:00:00+00:00')")
    con.execute("INSERT INTO participant (workshop_code, token, name, joined_at) VALUES ('ACD34', 't', 'An', 'x')")
    con.execute("INSERT INTO participant_answer VALUES (1, 'goals_vision', 3, 'x')")
    con.execute("INSERT INTO assessment (coalition, coalition_key, assessment_date, created_at, updated_at) "
                "VALUES ('C', 'c', '2026-01-01', 'x', 'x')")
    con.execute("PRAGMA user_version = 1")
    con.commit()
    con.close()
    old = storage_workshop.get_workshop("ACD34")
    assert (old.title, old.accepting, old.show_names, old.revealed) == ("Oud", True, False, frozenset())
    assert storage_workshop.workshop_answers("ACD34") == {1: {"goals_vision": 3}}
    [summary] = storage_assessments.list_assessments()
    assert (summary.workshop_code, summary.n_participants) == ("", None)
    assert storage_db.schema_revision() == migrate.head()
