"""ks_data/storage/assessments.py: saved self-assessments keyed by coalition, gemeente and date; latest per gemeente.

Every test runs on SQLite and on PostgreSQL (the ``database`` fixture, tests/conftest.py).
"""

from __future__ import annotations

import time
from datetime import date

import pytest

from ks_data.assessment.items import AssessmentRecord
from ks_data.storage import assessments as storage_assessments
from ks_data.storage import db as storage_db
from ks_data.storage.db import StorageError

DAY = date(2026, 11, 23)


def test_open_assessment_is_keyed_case_and_space_insensitive(database):
    first = storage_assessments.open_assessment(coalition="Coalitie  Noord ", gemeente="Utrecht", assessment_date=DAY)
    again = storage_assessments.open_assessment(coalition="coalitie noord", gemeente="UTRECHT", assessment_date=DAY)
    other_day = storage_assessments.open_assessment(coalition="Coalitie Noord", gemeente="Utrecht", assessment_date=date(2025, 1, 1))
    other_place = storage_assessments.open_assessment(coalition="Coalitie Noord", assessment_date=DAY)
    assert first.id == again.id
    assert len({first.id, other_day.id, other_place.id}) == 3
    assert first.coalition == "Coalitie Noord"  # cleaned, as first typed


def test_empty_coalition_name_is_refused(database):
    with pytest.raises(StorageError) as info:
        storage_assessments.open_assessment(coalition="   ", assessment_date=DAY)
    assert info.value.kind == "empty_name"


def test_answers_and_notes_survive_a_restart(database):
    record = storage_assessments.open_assessment(coalition="C", gemeente="Ede", assessment_date=DAY)
    storage_assessments.save_answer(record.id, item_id="goals_vision", value=3)
    storage_assessments.save_answer(record.id, item_id="goals_data", value=None)
    storage_assessments.save_answer(record.id, item_id="goals_vision", value=4)  # changed mind
    storage_assessments.save_note(record.id, element_id="goals", kind="next_step", text="Cijfers delen; 'n plan")
    storage_assessments.save_note(record.id, element_id="goals", kind="going_well", text="weg")
    storage_assessments.save_note(record.id, element_id="goals", kind="going_well", text="")  # emptied -> removed
    # a "restart": nothing in memory, a fresh read from the file
    loaded = storage_assessments.get_assessment(record.id)
    assert loaded.answers == {"goals_vision": 4, "goals_data": None}
    assert loaded.notes == {"goals": {"next_step": "Cijfers delen; 'n plan"}}
    with storage_db.connect() as con:
        assert con.execute("SELECT COUNT(*) FROM answer").fetchone()[0] == 2


def test_saving_into_a_missing_assessment_is_not_found(database):
    with pytest.raises(StorageError) as info:
        storage_assessments.save_answer(999, item_id="goals_vision", value=1)
    assert info.value.kind == "not_found"
    with pytest.raises(StorageError):
        storage_assessments.get_assessment(999)


def test_list_assessments_of_one_coalition_newest_first(database):
    for day in (date(2024, 5, 1), date(2026, 5, 1), date(2025, 5, 1)):
        storage_assessments.open_assessment(coalition="Noord", assessment_date=day)
    storage_assessments.open_assessment(coalition="Zuid", assessment_date=DAY)
    rows = storage_assessments.list_assessments(coalition="NOORD")
    assert [r.assessment_date.year for r in rows] == [2026, 2025, 2024]
    assert len(storage_assessments.list_assessments()) == 4
    assert storage_assessments.find_assessment(coalition="zuid", assessment_date=DAY) is not None


def test_replace_assessment_is_all_or_nothing(database, monkeypatch):
    record = storage_assessments.open_assessment(coalition="C", assessment_date=DAY)
    storage_assessments.save_answer(record.id, item_id="goals_vision", value=1)
    storage_assessments.save_note(record.id, element_id="goals", kind="next_step", text="oud")
    new = AssessmentRecord(coalition="C", gemeente="", assessment_date=DAY,
                           answers={"goals_vision": 4, "goals_data": 2}, notes={"goals": {"next_step": "nieuw"}})

    class Boom(Exception):
        pass

    real_executemany = storage_db.Connection.executemany
    calls = {"n": 0}

    def failing_executemany(self, sql, rows):  # answers get written, then the notes insert fails
        calls["n"] += 1
        if calls["n"] == 2:
            raise Boom
        return real_executemany(self, sql, rows)

    with monkeypatch.context() as patch:
        patch.setattr(storage_db.Connection, "executemany", failing_executemany)
        with pytest.raises(Boom):
            storage_assessments.replace_assessment(new)
    kept = storage_assessments.get_assessment(record.id)
    assert kept.answers == {"goals_vision": 1} and kept.notes == {"goals": {"next_step": "oud"}}
    assert storage_assessments.replace_assessment(new) == record.id
    assert storage_assessments.get_assessment(record.id).answers == {"goals_vision": 4, "goals_data": 2}


def test_latest_for_gemeente_matches_names_and_skips_empty_assessments(database):
    assert storage_assessments.latest_for_gemeente("Utrecht") is None  # nothing saved yet
    storage_assessments.replace_assessment(AssessmentRecord(coalition="A", gemeente="Utrecht", assessment_date=date(2025, 1, 1),
                                                answers={"goals_vision": 1}))
    newer = storage_assessments.replace_assessment(AssessmentRecord(
        coalition="B", gemeente="gemeente  UTRECHT ", assessment_date=date(2026, 1, 1), answers={"goals_vision": 3}))
    storage_assessments.open_assessment(coalition="C", gemeente="Utrecht", assessment_date=date(2027, 1, 1))  # no answers
    storage_assessments.replace_assessment(AssessmentRecord(coalition="D", gemeente="Utrechtse Heuvelrug",
                                                assessment_date=date(2027, 1, 1), answers={"goals_vision": 4}))
    found = storage_assessments.latest_for_gemeente("utrecht")
    assert (found.id, found.coalition, found.answers) == (newer, "B", {"goals_vision": 3})
    assert storage_assessments.latest_for_gemeente("GM0344", "Gemeente Utrecht").id == newer
    assert storage_assessments.latest_for_gemeente("GM0344") is None
    assert storage_assessments.latest_for_gemeente("", "  ") is None


def test_latest_for_gemeente_takes_the_last_changed_of_one_date(database):
    """Given two assessments of one gemeente on the same date, then the one changed last is the latest."""
    first = storage_assessments.open_assessment(coalition="A", gemeente="Ede", assessment_date=DAY)
    second = storage_assessments.open_assessment(coalition="B", gemeente="Ede", assessment_date=DAY)
    storage_assessments.save_answer(second.id, item_id="goals_vision", value=2)
    time.sleep(0.01)  # timestamps have millisecond precision
    storage_assessments.save_answer(first.id, item_id="goals_vision", value=4)
    assert storage_assessments.latest_for_gemeente("Ede").id == first.id
    time.sleep(0.01)
    storage_assessments.save_note(second.id, element_id="goals", kind="next_step", text="later gewijzigd")
    latest = storage_assessments.latest_for_gemeente("ede")
    assert (latest.id, latest.answers, latest.notes) == (second.id, {"goals_vision": 2},
                                                         {"goals": {"next_step": "later gewijzigd"}})


def test_find_assessment_uses_the_same_key_as_open(database):
    record = storage_assessments.open_assessment(coalition=" Coalitie  Noord", gemeente="Ede", assessment_date=DAY)
    assert storage_assessments.find_assessment(coalition="coalitie noord", gemeente="EDE", assessment_date=DAY) == record.id
    assert storage_assessments.find_assessment(coalition="coalitie noord", assessment_date=DAY) is None
    with pytest.raises(StorageError) as info:
        storage_assessments.save_note(record.id + 1, element_id="goals", kind="next_step", text="x")
    assert info.value.kind == "not_found"


def test_a_workshop_saved_as_assessment_keeps_its_group_means(database):
    """Group means (e.g. 2.33) saved as a coalition's self-assessment come back exactly, on both engines."""
    record = AssessmentRecord(coalition="Coalitie Zuid", gemeente="Zwolle", assessment_date=date(2026, 11, 30),
                              answers={"goals_vision": 2.3333333333333335, "goals_domains": 3.0, "goals_levels": None},
                              workshop_code="ABC-123", n_participants=3)
    saved = storage_assessments.get_assessment(storage_assessments.replace_assessment(record))
    assert saved.answers == record.answers
    assert saved.workshop_code == "ABC-123" and saved.n_participants == 3
