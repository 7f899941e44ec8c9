"""SQLite storage of self-assessments; the only module that opens the database (storage_workshop uses it).

Every call opens a short-lived connection to ``paths.DB_PATH`` (read at call time) in WAL mode with a busy
timeout, and every write runs in its own ``BEGIN IMMEDIATE`` transaction, so two browser sessions (threads)
or two server processes can write at the same time without losing rows. Errors from sqlite3 become a
:class:`StorageError` whose ``kind`` the pages turn into a Dutch message.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime, timezone

from ks_data import paths
from ks_data.assessment.items import Answer, AssessmentRecord

BUSY_TIMEOUT_MS = 15_000

# Schema migrations: user_version N is reached by running MIGRATIONS[N - 1]. Append, never edit.
MIGRATIONS: tuple[str, ...] = (
    """
    CREATE TABLE assessment (
        id INTEGER PRIMARY KEY,
        coalition TEXT NOT NULL,
        coalition_key TEXT NOT NULL,
        gemeente TEXT NOT NULL DEFAULT '',
        gemeente_key TEXT NOT NULL DEFAULT '',
        assessment_date TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        UNIQUE (coalition_key, gemeente_key, assessment_date)
    );
    CREATE TABLE answer (
        assessment_id INTEGER NOT NULL REFERENCES assessment(id) ON DELETE CASCADE,
        item_id TEXT NOT NULL,
        value INTEGER,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (assessment_id, item_id)
    );
    CREATE TABLE note (
        assessment_id INTEGER NOT NULL REFERENCES assessment(id) ON DELETE CASCADE,
        element_id TEXT NOT NULL,
        kind TEXT NOT NULL,
        text TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (assessment_id, element_id, kind)
    );
    CREATE TABLE workshop (
        code TEXT PRIMARY KEY,
        title TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL
    );
    CREATE TABLE participant (
        id INTEGER PRIMARY KEY,
        workshop_code TEXT NOT NULL REFERENCES workshop(code) ON DELETE CASCADE,
        token TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL DEFAULT '',
        joined_at TEXT NOT NULL
    );
    CREATE TABLE participant_answer (
        participant_id INTEGER NOT NULL REFERENCES participant(id) ON DELETE CASCADE,
        item_id TEXT NOT NULL,
        value INTEGER,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (participant_id, item_id)
    );
    """,
)
SCHEMA_VERSION = len(MIGRATIONS)

# sqlite3 error names -> StorageError.kind (see texts.assessment.STORAGE_ERRORS for the Dutch messages).
_ERROR_KINDS = {
    "SQLITE_READONLY": "read_only",
    "SQLITE_FULL": "disk_full",
    "SQLITE_IOERR": "disk_full",
    "SQLITE_BUSY": "locked",
    "SQLITE_LOCKED": "locked",
    "SQLITE_CORRUPT": "corrupt",
    "SQLITE_NOTADB": "corrupt",
    "SQLITE_CANTOPEN": "unavailable",
    "SQLITE_PERM": "read_only",
}


class StorageError(Exception):
    """A database problem, with a ``kind`` the UI maps to a Dutch message.

    Kinds: read_only, disk_full, locked, corrupt, unavailable, newer_schema, not_found, empty_name.
    """

    def __init__(self, kind: str, detail: str = "") -> None:
        super().__init__(f"{kind}: {detail}" if detail else kind)
        self.kind = kind
        self.detail = detail


@dataclass(frozen=True)
class AssessmentSummary:
    id: int
    coalition: str
    gemeente: str
    assessment_date: date
    updated_at: str
    n_answers: int


def now() -> str:
    """UTC timestamp stored with every row."""
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds")


def _key(text: str) -> str:
    """Case- and whitespace-insensitive key: 'Coalitie  Noord ' and 'coalitie noord' are the same."""
    return " ".join(text.split()).casefold()


def clean(text: str) -> str:
    """Collapse whitespace (names and titles are stored cleaned)."""
    return " ".join((text or "").split())


def _translate(exc: sqlite3.Error) -> StorageError:
    name = getattr(exc, "sqlite_errorname", "") or ""
    kind = next((k for prefix, k in _ERROR_KINDS.items() if name.startswith(prefix)), None)
    message = str(exc).lower()
    if kind is None:
        if "readonly" in message or "read-only" in message:
            kind = "read_only"
        elif "disk is full" in message or "disk i/o" in message:
            kind = "disk_full"
        elif "locked" in message:
            kind = "locked"
        elif "not a database" in message or "malformed" in message:
            kind = "corrupt"
        else:
            kind = "unavailable"
    return StorageError(kind, str(exc))


def _rollback(con: sqlite3.Connection) -> None:
    """Roll back if a transaction is still open (SQLite already rolls back itself on e.g. a full disk)."""
    if con.in_transaction:
        try:
            con.execute("ROLLBACK")
        except sqlite3.Error:
            pass  # keep the original error


def _migrate(con: sqlite3.Connection) -> None:
    version = con.execute("PRAGMA user_version").fetchone()[0]
    if version > SCHEMA_VERSION:
        raise StorageError("newer_schema", f"database schema {version} > {SCHEMA_VERSION}")
    if version == SCHEMA_VERSION:
        return
    con.execute("BEGIN IMMEDIATE")
    try:
        version = con.execute("PRAGMA user_version").fetchone()[0]  # another process may have migrated
        for number in range(version, SCHEMA_VERSION):
            for statement in MIGRATIONS[number].split(";"):
                if statement.strip():
                    con.execute(statement)
            con.execute(f"PRAGMA user_version = {number + 1}")
        con.execute("COMMIT")
    except BaseException:
        _rollback(con)
        raise


@contextmanager
def connect() -> Iterator[sqlite3.Connection]:
    """A connection to ``paths.DB_PATH`` (WAL, busy timeout, migrated); sqlite3 errors become StorageError."""
    db_path = paths.DB_PATH
    try:
        db_path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StorageError("read_only" if isinstance(exc, PermissionError) else "unavailable", str(exc)) from exc
    con = None
    try:
        con = sqlite3.connect(db_path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
        con.row_factory = sqlite3.Row
        con.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        if con.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
            con.execute("PRAGMA journal_mode = WAL")
        con.execute("PRAGMA synchronous = FULL")
        con.execute("PRAGMA foreign_keys = ON")
        _migrate(con)
        yield con
    except sqlite3.Error as exc:
        raise _translate(exc) from exc
    finally:
        if con is not None:
            con.close()


@contextmanager
def transaction() -> Iterator[sqlite3.Connection]:
    """One write transaction (BEGIN IMMEDIATE: takes the write lock up front, waits up to the busy timeout)."""
    with connect() as con:
        con.execute("BEGIN IMMEDIATE")
        try:
            yield con
        except BaseException:
            _rollback(con)
            raise
        con.execute("COMMIT")


def check_writable() -> None:
    """Raise StorageError when the database cannot be opened or written (checked before filling in)."""
    with transaction() as con:
        con.execute("PRAGMA user_version = %d" % SCHEMA_VERSION)


# --- assessments -------------------------------------------------------------------------------------------


def _record(con: sqlite3.Connection, row: sqlite3.Row) -> AssessmentRecord:
    answers = {r["item_id"]: r["value"] for r in con.execute(
        "SELECT item_id, value FROM answer WHERE assessment_id = ? ORDER BY item_id", (row["id"],))}
    notes: dict[str, dict[str, str]] = {}
    for r in con.execute("SELECT element_id, kind, text FROM note WHERE assessment_id = ?", (row["id"],)):
        notes.setdefault(r["element_id"], {})[r["kind"]] = r["text"]
    return AssessmentRecord(
        id=row["id"], coalition=row["coalition"], gemeente=row["gemeente"],
        assessment_date=date.fromisoformat(row["assessment_date"]), answers=answers, notes=notes,
        updated_at=row["updated_at"],
    )


def _find_or_create(con: sqlite3.Connection, *, coalition: str, gemeente: str, assessment_date: date) -> int:
    coalition, gemeente = clean(coalition), clean(gemeente)
    if not coalition:
        raise StorageError("empty_name")
    key = (_key(coalition), _key(gemeente), assessment_date.isoformat())
    row = con.execute(
        "SELECT id FROM assessment WHERE coalition_key = ? AND gemeente_key = ? AND assessment_date = ?", key
    ).fetchone()
    if row:
        return row["id"]
    stamp = now()
    cur = con.execute(
        "INSERT INTO assessment (coalition, coalition_key, gemeente, gemeente_key, assessment_date, created_at,"
        " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
        (coalition, key[0], gemeente, key[1], key[2], stamp, stamp),
    )
    return int(cur.lastrowid)


def open_assessment(*, coalition: str, gemeente: str = "", assessment_date: date) -> AssessmentRecord:
    """The assessment of this coalition (+ gemeente) on this date, created empty if new."""
    with transaction() as con:
        assessment_id = _find_or_create(con, coalition=coalition, gemeente=gemeente, assessment_date=assessment_date)
        row = con.execute("SELECT * FROM assessment WHERE id = ?", (assessment_id,)).fetchone()
        return _record(con, row)


def get_assessment(assessment_id: int) -> AssessmentRecord:
    """A saved assessment with its answers and notes (StorageError ``not_found`` if absent)."""
    with connect() as con:
        row = con.execute("SELECT * FROM assessment WHERE id = ?", (assessment_id,)).fetchone()
        if row is None:
            raise StorageError("not_found", f"assessment {assessment_id}")
        return _record(con, row)


def find_assessment(*, coalition: str, gemeente: str = "", assessment_date: date) -> int | None:
    """Id of the assessment with this key, or None."""
    with connect() as con:
        row = con.execute(
            "SELECT id FROM assessment WHERE coalition_key = ? AND gemeente_key = ? AND assessment_date = ?",
            (_key(coalition), _key(gemeente), assessment_date.isoformat()),
        ).fetchone()
    return row["id"] if row else None


def list_assessments(*, coalition: str | None = None, gemeente: str | None = None) -> list[AssessmentSummary]:
    """Saved assessments (of one coalition, and gemeente if given), newest assessment date first."""
    sql = ("SELECT a.*, (SELECT COUNT(*) FROM answer WHERE assessment_id = a.id) AS n_answers "
           "FROM assessment a WHERE 1 = 1")
    params: list[str] = []
    if coalition is not None:
        sql += " AND coalition_key = ?"
        params.append(_key(coalition))
    if gemeente is not None:
        sql += " AND gemeente_key = ?"
        params.append(_key(gemeente))
    sql += " ORDER BY assessment_date DESC, updated_at DESC"
    with connect() as con:
        return [
            AssessmentSummary(id=r["id"], coalition=r["coalition"], gemeente=r["gemeente"],
                              assessment_date=date.fromisoformat(r["assessment_date"]),
                              updated_at=r["updated_at"], n_answers=r["n_answers"])
            for r in con.execute(sql, params)
        ]


def save_answer(assessment_id: int, *, item_id: str, value: Answer) -> None:
    """Store one answer (None = "weet niet") of an assessment, replacing an earlier one."""
    with transaction() as con:
        stamp = now()
        updated = con.execute("UPDATE assessment SET updated_at = ? WHERE id = ?", (stamp, assessment_id)).rowcount
        if not updated:
            raise StorageError("not_found", f"assessment {assessment_id}")
        con.execute(
            "INSERT INTO answer (assessment_id, item_id, value, updated_at) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (assessment_id, item_id) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
            (assessment_id, item_id, value, stamp),
        )


def save_note(assessment_id: int, *, element_id: str, kind: str, text: str) -> None:
    """Store one free-text note of an element (empty text removes it)."""
    with transaction() as con:
        stamp = now()
        updated = con.execute("UPDATE assessment SET updated_at = ? WHERE id = ?", (stamp, assessment_id)).rowcount
        if not updated:
            raise StorageError("not_found", f"assessment {assessment_id}")
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


def replace_assessment(record: AssessmentRecord) -> int:
    """Write a whole assessment (e.g. an import) in one transaction: all of it or, on any error, nothing.

    An assessment with the same coalition, gemeente and date is overwritten. Returns its id.
    """
    with transaction() as con:
        assessment_id = _find_or_create(con, coalition=record.coalition, gemeente=record.gemeente,
                                        assessment_date=record.assessment_date)
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
        con.execute("UPDATE assessment SET updated_at = ? WHERE id = ?", (stamp, assessment_id))
        return assessment_id
