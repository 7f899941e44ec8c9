"""Workshop sessions in the database: codes, the trainer's settings, participants, answers and group notes.

The group screen re-reads :func:`workshop_snapshot` every few seconds (one connection, three small queries),
so every setting the trainer changes on one screen shows up on every other screen and phone.

The trainer's functions work in one workspace (``workspace``, see ``storage.hosting.scope``): a code of another
workspace is ``not_found``. Participants need only the code (joining: throttled wrong codes, expired codes) and
then their browser token; every write is audited.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from ks_data.assessment.items import Answer
from ks_data.assessment.workshop import new_session_code
from ks_data.storage import audit, throttle
from ks_data.storage.db import Connection, StorageError, clean, connect, now, transaction
from ks_data.storage.hosting import WORKSHOPS_PER_HOUR, scope

_CODE_ATTEMPTS = 20
MAX_COUNTDOWN_SECONDS = 4 * 60 * 60
CREATE_KIND = "workshop-nieuw"  # throttle kind of workshops created
from ks_data.storage.workshop_records import (  # noqa: F401 - records re-exported for callers
    _PARTICIPANTS, Participant, Snapshot, Workshop, _participant, _workshop)


def _update(code: str, sql: str, params: tuple, workspace: int | None, action: str) -> None:
    """Run ``UPDATE workshop SET <sql> WHERE code = ?`` in the workspace (StorageError ``not_found`` for an unknown
    code or another workspace's), audited."""
    workspace = scope(workspace)
    with transaction() as con:
        if not con.execute(f"UPDATE workshop SET {sql} WHERE code = ? AND workspace_id = ?",
                           (*params, code, workspace)).rowcount:
            raise StorageError("not_found", f"workshop {code}")
        audit.record(con, workspace, audit.WORKSPACE, action, "workshop", code)


def _host(con: Connection, code: str, workspace: int, action: str) -> None:
    """Check that ``code`` is a workshop of the workspace and audit the trainer's ``action`` on it."""
    _workshop(con, code, workspace)
    audit.record(con, workspace, audit.WORKSPACE, action, "workshop", code)


def create_workshop(*, title: str = "", workspace: int | None = None, client: str | None = None) -> str:
    """Open a workshop session and return its new, unused short code.

    ``client`` (hosted: the throttle key of the trainer's address) limits workshops per client per hour
    (StorageError ``throttled``).
    """
    workspace = scope(workspace)
    if client is not None:
        throttle.take(client, CREATE_KIND, limit=WORKSHOPS_PER_HOUR.value(), window_seconds=3600)
    with transaction() as con:
        for _ in range(_CODE_ATTEMPTS):
            code = new_session_code()
            # ON CONFLICT: on PostgreSQL another server may take the same code at the same moment
            if con.execute("INSERT INTO workshop (code, title, created_at, workspace_id) VALUES (?, ?, ?, ?) "
                           "ON CONFLICT (code) DO NOTHING", (code, clean(title), now(), workspace)).rowcount:
                audit.record(con, workspace, audit.WORKSPACE, "aangemaakt", "workshop", code)
                return code
    raise StorageError("unavailable", "no free workshop code")


def get_workshop(code: str, *, workspace: int | None = None) -> Workshop:
    """A workshop with the trainer's settings (StorageError ``not_found`` for an unknown code)."""
    workspace = scope(workspace)
    with connect() as con:
        return _workshop(con, code, workspace)


def workshop_title(code: str, *, workspace: int | None = None) -> str:
    """Title of a workshop (StorageError ``not_found`` for an unknown code)."""
    return get_workshop(code, workspace=workspace).title


def set_accepting(code: str, accepting: bool, *, workspace: int | None = None) -> None:
    """Close the session for answers, or reopen it (reopening also ends a countdown that ran out)."""
    if accepting:
        _update(code, "accepting = 1, countdown_ends_at = CASE WHEN countdown_ends_at <= ? THEN NULL "
                      "ELSE countdown_ends_at END", (now(),), workspace, "geopend")
    else:
        _update(code, "accepting = 0", (), workspace, "gesloten")


def set_show_names(code: str, show: bool, *, workspace: int | None = None) -> None:
    """Show the names participants gave on the shared screen (off: anonymous)."""
    _update(code, "show_names = ?", (int(bool(show)),), workspace, "namen")


def start_countdown(code: str, *, seconds: int, workspace: int | None = None) -> str:
    """Start a countdown of ``seconds`` (1 s to 4 h) and open the session; answers close when it ends.

    Returns the end time (UTC, ISO).
    """
    seconds = max(1, min(int(seconds), MAX_COUNTDOWN_SECONDS))
    ends = (datetime.now(timezone.utc) + timedelta(seconds=seconds)).isoformat(timespec="milliseconds")
    _update(code, "accepting = 1, countdown_ends_at = ?", (ends,), workspace, "aftellen")
    return ends


def stop_countdown(code: str, *, workspace: int | None = None) -> None:
    """Remove the countdown (the session stays open or closed as it was)."""
    _update(code, "countdown_ends_at = NULL", (), workspace, "aftellen")


def set_revealed(code: str, part: str, revealed: bool, *, workspace: int | None = None) -> None:
    """Show (or hide again) the group result of one part of the item bank on the shared screen."""
    workspace = scope(workspace)
    with transaction() as con:
        _host(con, code, workspace, "tonen")
        if revealed:
            con.execute("INSERT INTO workshop_reveal (workshop_code, part, revealed_at) VALUES (?, ?, ?) "
                        "ON CONFLICT (workshop_code, part) DO NOTHING", (code, part, now()))
        else:
            con.execute("DELETE FROM workshop_reveal WHERE workshop_code = ? AND part = ?", (code, part))


def reset_answers(code: str, *, workspace: int | None = None) -> int:
    """Delete every answer of the session and hide its results again (a new round); returns the count deleted.

    Participants stay joined, so they can answer again on the same device.
    """
    workspace = scope(workspace)
    with transaction() as con:
        _host(con, code, workspace, "nieuwe ronde")
        deleted = con.execute("DELETE FROM participant_answer WHERE participant_id IN "
                              "(SELECT id FROM participant WHERE workshop_code = ?)", (code,)).rowcount
        con.execute("DELETE FROM workshop_reveal WHERE workshop_code = ?", (code,))
    return deleted


def remove_participant(code: str, participant_id: int, *, workspace: int | None = None) -> None:
    """Take a participant out of the session: their answers no longer count and they cannot answer."""
    workspace = scope(workspace)
    with transaction() as con:
        _host(con, code, workspace, "deelnemer verwijderd")
        if not con.execute("UPDATE participant SET removed_at = ? WHERE id = ? AND workshop_code = ? "
                           "AND removed_at IS NULL", (now(), participant_id, code)).rowcount:
            raise StorageError("not_found", f"participant {participant_id} in workshop {code}")


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


def workshop_participants(code: str, *, include_removed: bool = False,
                          workspace: int | None = None) -> list[Participant]:
    """Participants of a workshop in order of joining (removed ones only when asked)."""
    workspace = scope(workspace)
    with connect() as con:
        _workshop(con, code, workspace)
        return _participants(con, code, include_removed=include_removed)


def workshop_answers(code: str, *, workspace: int | None = None) -> dict[int, dict[str, Answer]]:
    """Answers per participant id of the participants still in the session (those without answers: {})."""
    workspace = scope(workspace)
    with connect() as con:
        _workshop(con, code, workspace)
        return _answers(con, code)


def workshop_snapshot(code: str, *, workspace: int | None = None) -> Snapshot:
    """The session, its participants and their answers, read in one connection (the group screen's refresh)."""
    workspace = scope(workspace)
    with connect(consistent=True) as con:  # one consistent read while participants keep answering
        return Snapshot(workshop=_workshop(con, code, workspace),
                        participants=tuple(_participants(con, code, include_removed=False)),
                        answers=_answers(con, code))


def save_workshop_note(code: str, *, element_id: str, kind: str, text: str, workspace: int | None = None) -> None:
    """Store one note of the group (e.g. the agreed next step of an element); empty text removes it."""
    workspace = scope(workspace)
    with transaction() as con:
        _host(con, code, workspace, "notitie")
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


def workshop_notes(code: str, *, workspace: int | None = None) -> dict[str, dict[str, str]]:
    """The group's notes: element id -> note kind -> text."""
    workspace = scope(workspace)
    notes: dict[str, dict[str, str]] = {}
    with connect() as con:
        _workshop(con, code, workspace)
        for r in con.execute("SELECT element_id, kind, text FROM workshop_note WHERE workshop_code = ?", (code,)):
            notes.setdefault(r["element_id"], {})[r["kind"]] = r["text"]
    return notes


# The participant's side lives in storage.participants; re-exported here for callers of storage.workshops.
from ks_data.storage.participants import (  # noqa: E402 - after the trainer's side, as read
    join_workshop, participant_answers, participant_by_token, participant_status, save_participant_answer)

__all__ = ["Participant", "Snapshot", "Workshop", "create_workshop", "get_workshop", "join_workshop",
           "participant_answers", "participant_by_token", "participant_status", "remove_participant",
           "reset_answers", "save_participant_answer", "save_workshop_note", "set_accepting", "set_revealed",
           "set_show_names", "start_countdown", "stop_countdown", "workshop_answers", "workshop_notes",
           "workshop_participants", "workshop_snapshot", "workshop_title"]
