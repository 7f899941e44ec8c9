"""The SQLite database: connections, schema migrations, write transactions and StorageError.

The only module that opens the database; ``storage.assessments`` and ``storage.workshops`` work through it.
Every call opens a short-lived connection to ``paths.DB_PATH`` (read at call time) in WAL mode with a busy
timeout, and every write runs in its own ``BEGIN IMMEDIATE`` transaction, so two browser sessions (threads)
or two server processes can write at the same time without losing rows. Errors from sqlite3 become a
:class:`StorageError` whose ``kind`` the pages turn into a Dutch message.
"""

from __future__ import annotations

import random
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timezone

from ks_data import paths

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
    # 2 (issue 14): the trainer leads a workshop (open/closed, countdown, names on screen, revealed parts,
    # removed participants, the group's notes) and a workshop can be saved as a coalition's self-assessment.
    """
    ALTER TABLE workshop ADD COLUMN accepting INTEGER NOT NULL DEFAULT 1;
    ALTER TABLE workshop ADD COLUMN show_names INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE workshop ADD COLUMN countdown_ends_at TEXT;
    ALTER TABLE participant ADD COLUMN removed_at TEXT;
    CREATE TABLE workshop_reveal (
        workshop_code TEXT NOT NULL REFERENCES workshop(code) ON DELETE CASCADE,
        part TEXT NOT NULL,
        revealed_at TEXT NOT NULL,
        PRIMARY KEY (workshop_code, part)
    );
    CREATE TABLE workshop_note (
        workshop_code TEXT NOT NULL REFERENCES workshop(code) ON DELETE CASCADE,
        element_id TEXT NOT NULL,
        kind TEXT NOT NULL,
        text TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (workshop_code, element_id, kind)
    );
    ALTER TABLE assessment ADD COLUMN workshop_code TEXT NOT NULL DEFAULT '';
    ALTER TABLE assessment ADD COLUMN n_participants INTEGER;
    """,
)
SCHEMA_VERSION = len(MIGRATIONS)

# sqlite3 error names -> StorageError.kind (texts.storage.STORAGE_ERRORS holds the Dutch messages).
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

    Kinds: read_only, disk_full, locked, corrupt, unavailable, newer_schema, not_found, empty_name;
    for a workshop answer also closed (not accepting answers) and removed (participant removed by the trainer).
    """

    def __init__(self, kind: str, detail: str = "") -> None:
        super().__init__(f"{kind}: {detail}" if detail else kind)
        self.kind = kind
        self.detail = detail


def now() -> str:
    """UTC timestamp stored with every row."""
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds")


def name_key(text: str) -> str:
    """Case- and whitespace-insensitive key: 'Coalitie  Noord ' and 'coalitie noord' are the same.

    >>> name_key(" Coalitie  Noord "), clean(" Coalitie  Noord ")
    ('coalitie noord', 'Coalitie Noord')
    """
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


def _use_wal(con: sqlite3.Connection) -> None:
    """Switch a new database file to WAL, waiting up to the busy timeout for another process doing the same.

    Two processes switching one fresh file at once can deadlock on its lock, and SQLite then answers
    SQLITE_BUSY at once instead of calling the busy handler, so the switch is retried here.
    """
    if con.execute("PRAGMA journal_mode").fetchone()[0].lower() == "wal":
        return
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            con.execute("PRAGMA journal_mode = WAL")  # a file that cannot change keeps its mode, no error
            return
        except sqlite3.OperationalError as exc:
            if getattr(exc, "sqlite_errorname", "") != "SQLITE_BUSY" or time.monotonic() > deadline:
                raise
            time.sleep(random.uniform(0.005, 0.05))


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
        _use_wal(con)
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
