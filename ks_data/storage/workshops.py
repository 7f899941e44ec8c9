"""Workshop sessions in the database: codes, participants and their individual answers (via storage)."""

from __future__ import annotations

from dataclasses import dataclass

from ks_data.assessment.items import Answer
from ks_data.assessment.workshop import new_session_code
from ks_data.storage.db import StorageError, clean, connect, now, transaction

_CODE_ATTEMPTS = 20


@dataclass(frozen=True)
class Participant:
    id: int
    workshop_code: str
    token: str
    name: str
    joined_at: str


def create_workshop(*, title: str = "") -> str:
    """Open a workshop session and return its new, unused short code."""
    with transaction() as con:
        for _ in range(_CODE_ATTEMPTS):
            code = new_session_code()
            if con.execute("SELECT 1 FROM workshop WHERE code = ?", (code,)).fetchone() is None:
                con.execute("INSERT INTO workshop (code, title, created_at) VALUES (?, ?, ?)",
                            (code, clean(title), now()))
                return code
    raise StorageError("unavailable", "no free workshop code")


def workshop_title(code: str) -> str:
    """Title of a workshop (StorageError ``not_found`` for an unknown code)."""
    with connect() as con:
        row = con.execute("SELECT title FROM workshop WHERE code = ?", (code,)).fetchone()
    if row is None:
        raise StorageError("not_found", f"workshop {code}")
    return row["title"]


def join_workshop(code: str, *, name: str = "", token: str) -> Participant:
    """Register a participant (``token``: a random id kept by their browser) in a workshop."""
    with transaction() as con:
        if con.execute("SELECT 1 FROM workshop WHERE code = ?", (code,)).fetchone() is None:
            raise StorageError("not_found", f"workshop {code}")
        con.execute(
            "INSERT INTO participant (workshop_code, token, name, joined_at) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (token) DO UPDATE SET name = excluded.name",
            (code, token, clean(name), now()),
        )
        row = con.execute("SELECT * FROM participant WHERE token = ?", (token,)).fetchone()
    return Participant(**{k: row[k] for k in row.keys()})


def participant_by_token(token: str) -> Participant | None:
    """The participant with this browser token, or None."""
    with connect() as con:
        row = con.execute("SELECT * FROM participant WHERE token = ?", (token,)).fetchone()
    return Participant(**{k: row[k] for k in row.keys()}) if row else None


def save_participant_answer(participant_id: int, *, item_id: str, value: Answer) -> None:
    """Store one answer of a workshop participant."""
    with transaction() as con:
        con.execute(
            "INSERT INTO participant_answer (participant_id, item_id, value, updated_at) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (participant_id, item_id) DO UPDATE SET value = excluded.value, "
            "updated_at = excluded.updated_at",
            (participant_id, item_id, value, now()),
        )


def participant_answers(participant_id: int) -> dict[str, Answer]:
    """All answers of one participant."""
    with connect() as con:
        return {r["item_id"]: r["value"] for r in con.execute(
            "SELECT item_id, value FROM participant_answer WHERE participant_id = ?", (participant_id,))}


def workshop_participants(code: str) -> list[Participant]:
    """Participants of a workshop in order of joining."""
    with connect() as con:
        rows = con.execute("SELECT * FROM participant WHERE workshop_code = ? ORDER BY id", (code,)).fetchall()
    return [Participant(**{k: r[k] for k in r.keys()}) for r in rows]


def workshop_answers(code: str) -> dict[int, dict[str, Answer]]:
    """Answers per participant id (participants without answers included, with an empty dict)."""
    with connect() as con:
        result: dict[int, dict[str, Answer]] = {
            r["id"]: {} for r in con.execute("SELECT id FROM participant WHERE workshop_code = ?", (code,))}
        for r in con.execute(
            "SELECT pa.participant_id, pa.item_id, pa.value FROM participant_answer pa "
            "JOIN participant p ON p.id = pa.participant_id WHERE p.workshop_code = ?", (code,)):
            result[r["participant_id"]][r["item_id"]] = r["value"]
    return result
