"""ks_data/storage/workshops.py: workshop sessions, participants and their answers in SQLite."""

from __future__ import annotations

import pytest

from ks_data.assessment import workshop as assessment_group
from ks_data.storage import workshops as storage_workshop
from ks_data.storage.db import StorageError


def test_workshop_session_join_and_answers_per_participant(user_data_dir):
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


def test_joining_an_unknown_workshop_is_not_found(user_data_dir):
    with pytest.raises(StorageError) as info:
        storage_workshop.join_workshop("ACD34", token="t")
    assert info.value.kind == "not_found"
    with pytest.raises(StorageError):
        storage_workshop.workshop_title("ACD34")


def test_workshop_codes_do_not_collide(user_data_dir, monkeypatch):
    codes = iter(["ACDEF", "ACDEF", "GHJKM"])
    monkeypatch.setattr(storage_workshop, "new_session_code", lambda: next(codes))
    assert storage_workshop.create_workshop() == "ACDEF"
    assert storage_workshop.create_workshop() == "GHJKM"
