"""Workshop sessions in the database: codes, the trainer's settings, participants, answers and group notes.

The group screen re-reads :func:`workshop_snapshot` every few seconds (one connection, three small queries),
so every setting the trainer changes on one screen shows up on every other screen and phone.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from ks_data.assessment.items import Answer
from ks_data.assessment.workshop import accepts_answers, new_session_code
from ks_data.storage.db import Connection, Row, StorageError, clean, connect, now, transaction

_CODE_ATTEMPTS = 20
MAX_COUNTDOWN_SECONDS = 4 * 60 * 60
# Participants with their number in the workshop (1 = joined first, removed participants keep theirs).
_PARTICIPANTS = (
    "SELECT p.*, (SELECT COUNT(*) FROM participant q WHERE q.workshop_code = p.workshop_code AND q.id <= p.id)"
    " AS number FROM participant p"
)


@dataclass(frozen=True)
class Participant:
    id: int
    workshop_code: str
    token: str
    name: str
    joined_at: str
    removed_at: str | None = None
    number: int = 0

    @property
    def removed(self) -> bool:
        """Removed from the workshop by the trainer (their answers no longer count)."""
        return self.removed_at is not None


@dataclass(frozen=True)
class Workshop:
    """A workshop session and what the trainer set: open for answers, countdown, names, revealed parts."""

    code: str
    title: str
    created_at: str
    accepting: bool = True
    show_names: bool = False
    countdown_ends_at: str | None = None
    revealed: frozenset[str] = frozenset()

    def accepts_answers(self, at: datetime | None = None) -> bool:
        """Open for answers and the countdown (if any) not yet over."""
        return accepts_answers(accepting=self.accepting, countdown_ends_at=self.countdown_ends_at, at=at)


@dataclass(frozen=True)
class Snapshot:
    """Everything the group screen shows, read at one moment: the session, its participants, their answers."""

    workshop: Workshop
    participants: tuple[Participant, ...]
    answers: dict[int, dict[str, Answer]]

    @property
    def n_answers(self) -> int:
        return sum(len(given) for given in self.answers.values())


def _participant(row: Row) -> Participant:
    return Participant(**{k: row[k] for k in row.keys()})


def _workshop(con: Connection, code: str) -> Workshop:
    row = con.execute("SELECT * FROM workshop WHERE code = ?", (code,)).fetchone()
    if row is None:
        raise StorageError("not_found", f"workshop {code}")
    revealed = frozenset(r["part"] for r in con.execute(
        "SELECT part FROM workshop_reveal WHERE workshop_code = ?", (code,)))
    return Workshop(code=row["code"], title=row["title"], created_at=row["created_at"],
                    accepting=bool(row["accepting"]), show_names=bool(row["show_names"]),
                    countdown_ends_at=row["countdown_ends_at"], revealed=revealed)


def _update(code: str, sql: str, params: tuple = ()) -> None:
    """Run ``UPDATE workshop SET <sql> WHERE code = ?`` (StorageError ``not_found`` for an unknown code)."""
    with transaction() as con:
        if not con.execute(f"UPDATE workshop SET {sql} WHERE code = ?", (*params, code)).rowcount:
            raise StorageError("not_found", f"workshop {code}")


def create_workshop(*, title: str = "") -> str:
    """Open a workshop session and return its new, unused short code."""
    with transaction() as con:
        for _ in range(_CODE_ATTEMPTS):
            code = new_session_code()
            # ON CONFLICT: on PostgreSQL another server may take the same code at the same moment
            if con.execute("INSERT INTO workshop (code, title, created_at) VALUES (?, ?, ?) "
                           "ON CONFLICT (code) DO NOTHING", (code, clean(title), now())).rowcount:
                return code
    raise StorageError("unavailable", "no free workshop code")


def get_workshop(code: str) -> Workshop:
    """A workshop with the trainer's settings (StorageError ``not_found`` for an unknown code)."""
    with connect() as con:
        return _workshop(con, code)


def workshop_title(code: str) -> str:
    """Title of a workshop (StorageError ``not_found`` for an unknown code)."""
    return get_workshop(code).title


def set_accepting(code: str, accepting: bool) -> None:
    """Close the session for answers, or reopen it (reopening also ends a countdown that ran out)."""
    if accepting:
        _update(code, "accepting = 1, countdown_ends_at = CASE WHEN countdown_ends_at <= ? THEN NULL "
                      "ELSE countdown_ends_at END", (now(),))
    else:
        _update(code, "accepting = 0")


def set_show_names(code: str, show: bool) -> None:
    """Show the names participants gave on the shared screen (off: anonymous)."""
    _update(code, "show_names = ?", (int(bool(show)),))


def start_countdown(code: str, *, seconds: int) -> str:
    """Start a countdown of ``seconds`` (1 s to 4 h) and open the session; answers close when it ends.

    Returns the end time (UTC, ISO).
    """
    seconds = max(1, min(int(seconds), MAX_COUNTDOWN_SECONDS))
    ends = (datetime.now(timezone.utc) + timedelta(seconds=seconds)).isoformat(timespec="milliseconds")
    _update(code, "accepting = 1, countdown_ends_at = ?", (ends,))
    return ends


def stop_countdown(code: str) -> None:
    """Remove the countdown (the session stays open or closed as it was)."""
    _update(code, "countdown_ends_at = NULL")


def set_revealed(code: str, part: str, revealed: bool) -> None:
    """Show (or hide again) the group result of one part of the item bank on the shared screen."""
    with transaction() as con:
        _workshop(con, code)
        if revealed:
            con.execute("INSERT INTO workshop_reveal (workshop_code, part, revealed_at) VALUES (?, ?, ?) "
                        "ON CONFLICT (workshop_code, part) DO NOTHING", (code, part, now()))
        else:
            con.execute("DELETE FROM workshop_reveal WHERE workshop_code = ? AND part = ?", (code, part))


def reset_answers(code: str) -> int:
    """Delete every answer of the session and hide its results again (a new round); returns the count deleted.

    Participants stay joined, so they can answer again on the same device.
    """
    with transaction() as con:
        _workshop(con, code)
        deleted = con.execute("DELETE FROM participant_answer WHERE participant_id IN "
                              "(SELECT id FROM participant WHERE workshop_code = ?)", (code,)).rowcount
        con.execute("DELETE FROM workshop_reveal WHERE workshop_code = ?", (code,))
    return deleted


def remove_participant(code: str, participant_id: int) -> None:
    """Take a participant out of the session: their answers no longer count and they cannot answer."""
    with transaction() as con:
        if not con.execute("UPDATE participant SET removed_at = ? WHERE id = ? AND workshop_code = ? "
                           "AND removed_at IS NULL", (now(), participant_id, code)).rowcount:
            raise StorageError("not_found", f"participant {participant_id} in workshop {code}")


def join_workshop(code: str, *, name: str = "", token: str) -> Participant:
    """Register a participant (``token``: a random id kept by their browser) in a workshop."""
    with transaction() as con:
        _workshop(con, code)
        con.execute(
            "INSERT INTO participant (workshop_code, token, name, joined_at) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (token) DO UPDATE SET name = excluded.name",
            (code, token, clean(name), now()),
        )
        return _participant(con.execute(f"{_PARTICIPANTS} WHERE p.token = ?", (token,)).fetchone())


def participant_by_token(token: str) -> Participant | None:
    """The participant with this browser token (also when removed), or None."""
    with connect() as con:
        row = con.execute(f"{_PARTICIPANTS} WHERE p.token = ?", (token,)).fetchone()
    return _participant(row) if row else None


def save_participant_answer(participant_id: int, *, item_id: str, value: Answer) -> None:
    """Store one answer of a workshop participant.

    Raises:
        StorageError: ``closed`` when the session does not accept answers (closed by the trainer or the
            countdown ended), ``removed`` when the trainer removed this participant, ``not_found`` for an
            unknown participant, or a database problem.
    """
    with transaction() as con:
        row = con.execute("SELECT workshop_code, removed_at FROM participant WHERE id = ?",
                          (participant_id,)).fetchone()
        if row is None:
            raise StorageError("not_found", f"participant {participant_id}")
        if row["removed_at"] is not None:
            raise StorageError("removed", f"participant {participant_id}")
        if not _workshop(con, row["workshop_code"]).accepts_answers():
            raise StorageError("closed", f"workshop {row['workshop_code']}")
        con.execute(
            "INSERT INTO participant_answer (participant_id, item_id, value, updated_at) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (participant_id, item_id) DO UPDATE SET value = excluded.value, "
            "updated_at = excluded.updated_at",
            (participant_id, item_id, value, now()),
        )


def participant_status(participant_id: int) -> tuple[Workshop, Participant, int]:
    """(the session, the participant, how many answers they have stored): what a phone re-reads every few seconds.

    Raises:
        StorageError: ``not_found`` for an unknown participant, or a database problem.
    """
    with connect() as con:
        row = con.execute(f"{_PARTICIPANTS} WHERE p.id = ?", (participant_id,)).fetchone()
        if row is None:
            raise StorageError("not_found", f"participant {participant_id}")
        count = con.execute("SELECT COUNT(*) FROM participant_answer WHERE participant_id = ?",
                            (participant_id,)).fetchone()[0]
        return _workshop(con, row["workshop_code"]), _participant(row), int(count)


def participant_answers(participant_id: int) -> dict[str, Answer]:
    """All answers of one participant."""
    with connect() as con:
        return {r["item_id"]: r["value"] for r in con.execute(
            "SELECT item_id, value FROM participant_answer WHERE participant_id = ?", (participant_id,))}


def _participants(con: Connection, code: str, *, include_removed: bool) -> list[Participant]:
    where = "" if include_removed else " AND p.removed_at IS NULL"
    return [_participant(r) for r in con.execute(
        f"{_PARTICIPANTS} WHERE p.workshop_code = ?{where} ORDER BY p.id", (code,))]


def _answers(con: Connection, code: str) -> dict[int, dict[str, Answer]]:
    result: dict[int, dict[str, Answer]] = {
        r["id"]: {} for r in con.execute(
            "SELECT id FROM participant WHERE workshop_code = ? AND removed_at IS NULL ORDER BY id", (code,))}
    for r in con.execute(
            "SELECT pa.participant_id, pa.item_id, pa.value FROM participant_answer pa "
            "JOIN participant p ON p.id = pa.participant_id WHERE p.workshop_code = ? AND p.removed_at IS NULL",
            (code,)):
        result[r["participant_id"]][r["item_id"]] = r["value"]
    return result


def workshop_participants(code: str, *, include_removed: bool = False) -> list[Participant]:
    """Participants of a workshop in order of joining (removed ones only when asked)."""
    with connect() as con:
        return _participants(con, code, include_removed=include_removed)


def workshop_answers(code: str) -> dict[int, dict[str, Answer]]:
    """Answers per participant id of the participants still in the session (those without answers: {})."""
    with connect() as con:
        return _answers(con, code)


def workshop_snapshot(code: str) -> Snapshot:
    """The session, its participants and their answers, read in one connection (the group screen's refresh)."""
    with connect(consistent=True) as con:  # one consistent read while participants keep answering
        return Snapshot(workshop=_workshop(con, code),
                        participants=tuple(_participants(con, code, include_removed=False)),
                        answers=_answers(con, code))


def save_workshop_note(code: str, *, element_id: str, kind: str, text: str) -> None:
    """Store one note of the group (e.g. the agreed next step of an element); empty text removes it."""
    with transaction() as con:
        _workshop(con, code)
        if text.strip():
            con.execute(
                "INSERT INTO workshop_note (workshop_code, element_id, kind, text, updated_at) VALUES (?, ?, ?, ?, ?) "
                "ON CONFLICT (workshop_code, element_id, kind) DO UPDATE SET text = excluded.text, "
                "updated_at = excluded.updated_at",
                (code, element_id, kind, text, now()),
            )
        else:
            con.execute("DELETE FROM workshop_note WHERE workshop_code = ? AND element_id = ? AND kind = ?",
                        (code, element_id, kind))


def workshop_notes(code: str) -> dict[str, dict[str, str]]:
    """The group's notes: element id -> note kind -> text."""
    notes: dict[str, dict[str, str]] = {}
    with connect() as con:
        for r in con.execute("SELECT element_id, kind, text FROM workshop_note WHERE workshop_code = ?", (code,)):
            notes.setdefault(r["element_id"], {})[r["kind"]] = r["text"]
    return notes
