"""Saved self-assessments in the database: open, read, list, save answers and notes, replace, import.

Every function works in one workspace (``workspace``; on a laptop the implicit one, hosted it is required: see
``storage.hosting.scope``): an id or key of another workspace is ``not_found``, and every write is audited.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ks_data.assessment.items import Answer, AssessmentRecord, ItemBank, gemeente_key
from ks_data.assessment.transfer import parse_assessment_file
from ks_data.storage import audit
from ks_data.storage.db import Connection, Row, StorageError, clean, connect, name_key, now, transaction
from ks_data.storage.hosting import scope


@dataclass(frozen=True)
class AssessmentSummary:
    """One row of the assessment list: who, when, how many answers, last change (UTC)."""

    id: int
    coalition: str
    gemeente: str
    assessment_date: date
    updated_at: str
    n_answers: int
    workshop_code: str = ""  # saved from this workshop (the answers are the group's means)
    n_participants: int | None = None


def _answer(value: object) -> Answer:
    """A stored answer as the app uses it: whole scores as int (PostgreSQL returns a float column's 3 as 3.0),
    group means as float, "weet niet" as None."""
    if value is None:
        return None
    number = float(value)
    return int(number) if number.is_integer() else number


def _record(con: Connection, row: Row) -> AssessmentRecord:
    answers = {r["item_id"]: _answer(r["value"]) for r in con.execute(
        "SELECT item_id, value FROM answer WHERE assessment_id = ? ORDER BY item_id", (row["id"],))}
    notes: dict[str, dict[str, str]] = {}
    for r in con.execute("SELECT element_id, kind, text FROM note WHERE assessment_id = ?", (row["id"],)):
        notes.setdefault(r["element_id"], {})[r["kind"]] = r["text"]
    return AssessmentRecord(
        id=row["id"], coalition=row["coalition"], gemeente=row["gemeente"],
        assessment_date=date.fromisoformat(row["assessment_date"]), answers=answers, notes=notes,
        updated_at=row["updated_at"], workshop_code=row["workshop_code"], n_participants=row["n_participants"],
    )


def _find_id(con: Connection, *, workspace: int, coalition: str, gemeente: str, assessment_date: date) -> int | None:
    row = con.execute(
        "SELECT id FROM assessment WHERE workspace_id = ? AND coalition_key = ? AND gemeente_key = ?"
        " AND assessment_date = ?", (workspace, name_key(coalition), name_key(gemeente), assessment_date.isoformat()),
    ).fetchone()
    return row["id"] if row else None


def _find_or_create(con: Connection, *, workspace: int, coalition: str, gemeente: str, assessment_date: date) -> int:
    coalition, gemeente = clean(coalition), clean(gemeente)
    if not coalition:
        raise StorageError("empty_name")
    found = _find_id(con, workspace=workspace, coalition=coalition, gemeente=gemeente, assessment_date=assessment_date)
    if found is not None:
        return found
    stamp = now()
    # ON CONFLICT: another server may create the same assessment at the same moment (PostgreSQL does not
    # serialise the check above with this insert); then that one is used.
    con.execute(
        "INSERT INTO assessment (workspace_id, coalition, coalition_key, gemeente, gemeente_key, assessment_date,"
        " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
        " ON CONFLICT (workspace_id, coalition_key, gemeente_key, assessment_date) DO NOTHING",
        (workspace, coalition, name_key(coalition), gemeente, name_key(gemeente), assessment_date.isoformat(),
         stamp, stamp),
    )
    found = _find_id(con, workspace=workspace, coalition=coalition, gemeente=gemeente, assessment_date=assessment_date)
    assert found is not None
    audit.record(con, workspace, audit.WORKSPACE, "aangemaakt", "zelfevaluatie", found)
    return found


def _touch(con: Connection, assessment_id: int, workspace: int, action: str) -> str:
    """Mark an assessment of ``workspace`` as changed now (audited) and return the timestamp (StorageError
    ``not_found`` if absent or another workspace's)."""
    stamp = now()
    if not con.execute("UPDATE assessment SET updated_at = ? WHERE id = ? AND workspace_id = ?",
                       (stamp, assessment_id, workspace)).rowcount:
        raise StorageError("not_found", f"assessment {assessment_id}")
    audit.record(con, workspace, audit.WORKSPACE, action, "zelfevaluatie", assessment_id)
    return stamp


def open_assessment(*, coalition: str, gemeente: str = "", assessment_date: date,
                    workspace: int | None = None) -> AssessmentRecord:
    """The assessment of this coalition (+ gemeente) on this date, created empty if new."""
    workspace = scope(workspace)
    with transaction() as con:
        assessment_id = _find_or_create(con, workspace=workspace, coalition=coalition, gemeente=gemeente,
                                        assessment_date=assessment_date)
        row = con.execute("SELECT * FROM assessment WHERE id = ?", (assessment_id,)).fetchone()
        return _record(con, row)


def get_assessment(assessment_id: int, *, workspace: int | None = None) -> AssessmentRecord:
    """A saved assessment with its answers and notes (StorageError ``not_found`` if absent or of another
    workspace)."""
    workspace = scope(workspace)
    with connect() as con:
        row = con.execute("SELECT * FROM assessment WHERE id = ? AND workspace_id = ?",
                          (assessment_id, workspace)).fetchone()
        if row is None:
            raise StorageError("not_found", f"assessment {assessment_id}")
        return _record(con, row)


def find_assessment(*, coalition: str, gemeente: str = "", assessment_date: date,
                    workspace: int | None = None) -> int | None:
    """Id of the assessment with this key, or None."""
    workspace = scope(workspace)
    with connect() as con:
        return _find_id(con, workspace=workspace, coalition=coalition, gemeente=gemeente,
                        assessment_date=assessment_date)


def list_assessments(*, coalition: str | None = None, gemeente: str | None = None,
                     workspace: int | None = None) -> list[AssessmentSummary]:
    """Saved assessments (of one coalition, and gemeente if given), newest assessment date first."""
    sql = ("SELECT a.*, (SELECT COUNT(*) FROM answer WHERE assessment_id = a.id) AS n_answers "
           "FROM assessment a WHERE workspace_id = ?")
    params: list[object] = [scope(workspace)]
    if coalition is not None:
        sql += " AND coalition_key = ?"
        params.append(name_key(coalition))
    if gemeente is not None:
        sql += " AND gemeente_key = ?"
        params.append(name_key(gemeente))
    sql += " ORDER BY assessment_date DESC, updated_at DESC"
    with connect() as con:
        return [
            AssessmentSummary(id=r["id"], coalition=r["coalition"], gemeente=r["gemeente"],
                              assessment_date=date.fromisoformat(r["assessment_date"]),
                              updated_at=r["updated_at"], n_answers=r["n_answers"],
                              workshop_code=r["workshop_code"], n_participants=r["n_participants"])
            for r in con.execute(sql, params)
        ]


def save_answer(assessment_id: int, *, item_id: str, value: Answer, workspace: int | None = None) -> None:
    """Store one answer (None = "weet niet") of an assessment, replacing an earlier one."""
    workspace = scope(workspace)
    with transaction() as con:
        stamp = _touch(con, assessment_id, workspace, "antwoord")
        con.execute(
            "INSERT INTO answer (assessment_id, item_id, value, updated_at) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (assessment_id, item_id) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
            (assessment_id, item_id, value, stamp),
        )


def save_note(assessment_id: int, *, element_id: str, kind: str, text: str, workspace: int | None = None) -> None:
    """Store one free-text note of an element (empty text removes it)."""
    workspace = scope(workspace)
    with transaction() as con:
        stamp = _touch(con, assessment_id, workspace, "notitie")
        if text.strip():
            con.execute(
                "INSERT INTO note (assessment_id, element_id, kind, text, updated_at) VALUES (?, ?, ?, ?, ?) "
                "ON CONFLICT (assessment_id, element_id, kind) DO UPDATE SET text = excluded.text, "
                "updated_at = excluded.updated_at",
                (assessment_id, element_id, kind, text, stamp),
            )
        else:
            con.execute("DELETE FROM note WHERE assessment_id = ? AND element_id = ? AND kind = ?",
                        (assessment_id, element_id, kind))


def replace_assessment(record: AssessmentRecord, *, workspace: int | None = None) -> int:
    """Write a whole assessment (e.g. an import) in one transaction: all of it or, on any error, nothing.

    An assessment with the same coalition, gemeente and date is overwritten, including where it came from
    (``record.workshop_code``: a workshop's group result, or '' for the coalition's own scores). Returns its id.
    Only an assessment of the same workspace can be overwritten (``record.id`` is ignored: the key decides).
    """
    workspace = scope(workspace)
    with transaction() as con:
        assessment_id = _find_or_create(con, workspace=workspace, coalition=record.coalition,
                                        gemeente=record.gemeente, assessment_date=record.assessment_date)
        _touch(con, assessment_id, workspace, "vervangen")
        stamp = now()
        con.execute("DELETE FROM answer WHERE assessment_id = ?", (assessment_id,))
        con.execute("DELETE FROM note WHERE assessment_id = ?", (assessment_id,))
        con.executemany(
            "INSERT INTO answer (assessment_id, item_id, value, updated_at) VALUES (?, ?, ?, ?)",
            [(assessment_id, item, value, stamp) for item, value in record.answers.items()],
        )
        con.executemany(
            "INSERT INTO note (assessment_id, element_id, kind, text, updated_at) VALUES (?, ?, ?, ?, ?)",
            [(assessment_id, element, kind, text, stamp)
             for element, kinds in record.notes.items() for kind, text in kinds.items() if text.strip()],
        )
        con.execute("UPDATE assessment SET updated_at = ?, workshop_code = ?, n_participants = ? WHERE id = ?",
                    (stamp, record.workshop_code, record.n_participants, assessment_id))
        return assessment_id


def import_assessment(bank: ItemBank, data: bytes, *, filename: str, workspace: int | None = None) -> int:
    """Validate an exported CSV or JSON file and save its assessment in one transaction.

    Nothing changes on any error. Returns the id of the saved assessment (an existing one with the same
    coalition, gemeente and date is overwritten).

    Raises:
        AssessmentImportError: the file is not a valid export (every problem listed).
        StorageError: the database cannot be written.
    """
    workspace = scope(workspace)
    return replace_assessment(parse_assessment_file(bank, data, filename=filename), workspace=workspace)


def latest_for_gemeente(*names: str, workspace: int | None = None) -> AssessmentRecord | None:
    """The most recent self-assessment with at least one answer whose gemeente matches one of ``names``.

    Saved assessments hold the gemeente as typed, so names are compared with
    :func:`ks_data.assessment.items.gemeente_key`; pass the name and, if wanted, the code
    (``latest_for_gemeente("Utrecht", "GM0344")``). Newest assessment date wins, then the last changed.
    No (non-empty) name gives None.

    Raises:
        StorageError: the database cannot be read (``kind`` names the problem).
    """
    workspace = scope(workspace)
    wanted = {gemeente_key(name) for name in names} - {""}
    if not wanted:
        return None
    match = next((s for s in list_assessments(workspace=workspace)  # newest date first, then last changed
                  if s.n_answers > 0 and gemeente_key(s.gemeente) in wanted), None)
    return None if match is None else get_assessment(match.id, workspace=workspace)
