"""A workshop participant's side: join with the workshop code (wrong codes throttled per client, expired codes
refused), then act only through the browser's participant token; nothing else of the workspace is reachable.

Re-exported by ``storage.workshops`` (callers use ``storage.workshops.join_workshop`` etc.).
"""

from __future__ import annotations

from ks_data.assessment.items import Answer
from ks_data.storage import audit, throttle
from ks_data.storage.db import StorageError, clean, connect, now, transaction
from ks_data.storage.hosting import CODE_ATTEMPTS_PER_MINUTE, hosted
from ks_data.storage.workshop_records import _PARTICIPANTS, CODE_KIND, Participant, Workshop, _participant, _workshop


def join_workshop(code: str, *, name: str = "", token: str, client: str | None = None) -> Participant:
    """Register a participant (``token``: a random id kept by their browser) in a workshop.

    Raises:
        StorageError: ``not_found`` for an unknown code (with ``client``: counted, and ``throttled`` after too
            many this minute, checked first), ``expired`` for a code older than ``KS_WORKSHOP_CODE_HOURS``.
    """
    if client is not None:
        throttle.check(client, CODE_KIND, limit=CODE_ATTEMPTS_PER_MINUTE.value(), window_seconds=60)
    try:
        with connect() as con:
            found = _workshop(con, code)
    except StorageError as exc:
        if client is not None and exc.kind == "not_found":
            throttle.hit(client, CODE_KIND, window_seconds=60)
        raise
    if hosted() and found.code_expired():  # a laptop's workshop codes do not expire (as before hosting)
        raise StorageError("expired", f"workshop {code}")
    with transaction() as con:
        workspace = con.execute("SELECT workspace_id FROM workshop WHERE code = ?", (code,)).fetchone()[0]
        audit.record(con, workspace, audit.PARTICIPANT, "aangemeld", "workshop", code)
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
        workspace = con.execute("SELECT workspace_id FROM workshop WHERE code = ?", (row["workshop_code"],)).fetchone()
        audit.record(con, workspace[0], audit.PARTICIPANT, "antwoord", "deelnemer", participant_id)
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
