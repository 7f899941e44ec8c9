"""SQLAlchemy engines (SQLite file or PostgreSQL server, cached per URL) and driver errors as StorageError kinds."""

from __future__ import annotations

import random
import sqlite3
import threading
import time

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.pool import NullPool

from ks_data import paths

BUSY_TIMEOUT_MS = 15_000

_engines: dict[str, sa.Engine] = {}
_lock = threading.Lock()

# sqlite3 error names -> StorageError.kind (texts.storage.STORAGE_ERRORS holds the Dutch messages).
_SQLITE_KINDS = {
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
# PostgreSQL SQLSTATE (prefix) -> kind: read-only transaction/standby, disk full, lock/serialisation waits.
_PG_KINDS = {"25006": "read_only", "53100": "disk_full", "53": "disk_full", "55P03": "locked", "40": "locked",
             "42501": "read_only", "08": "unavailable", "57P": "unavailable"}


def database_url() -> str:
    """The URL in use: ``paths.DATABASE_URL`` (KS_DATABASE_URL) when set, else the SQLite file ``paths.DB_PATH``."""
    return paths.DATABASE_URL or f"sqlite:///{paths.DB_PATH}"


def is_sqlite(url: str) -> bool:
    return url.startswith("sqlite")


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


def _sqlite_engine(url: str) -> sa.Engine:
    path = url.removeprefix("sqlite:///")

    def creator() -> sqlite3.Connection:
        # sqlite3.connect is looked up at call time (tests replace it to simulate read-only files, full disks)
        con = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None, check_same_thread=False)
        try:
            con.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            _use_wal(con)
            con.execute("PRAGMA synchronous = FULL")
            con.execute("PRAGMA foreign_keys = ON")
        except BaseException:
            con.close()
            raise
        return con

    # NullPool: a short-lived connection per call, as before (no file handle outlives a request).
    engine = sa.create_engine("sqlite://", creator=creator, poolclass=NullPool)

    @event.listens_for(engine, "begin")
    def _begin(conn: sa.Connection) -> None:
        # pysqlite would BEGIN lazily (deferred); take the write lock up front for writes so two processes
        # queue on the busy timeout instead of failing on a lock upgrade.
        conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get("ks_write") else "BEGIN")

    return engine


def engine(url: str | None = None) -> sa.Engine:
    """The engine for ``url`` (default: :func:`database_url`), created once per URL and process."""
    url = url or database_url()
    with _lock:
        found = _engines.get(url)
        if found is None:
            if is_sqlite(url):
                found = _sqlite_engine(url)
            else:
                found = sa.create_engine(url, pool_pre_ping=True, pool_size=5, max_overflow=20, pool_timeout=15,
                                         connect_args={"connect_timeout": 10})
            _engines[url] = found
        return found


def dispose_engines() -> None:
    """Close every pooled connection (tests, before dropping a database; a server after a fork)."""
    with _lock:
        for found in _engines.values():
            found.dispose()
        _engines.clear()


def _sqlite_kind(exc: sqlite3.Error) -> str:
    name = getattr(exc, "sqlite_errorname", "") or ""
    kind = next((k for prefix, k in _SQLITE_KINDS.items() if name.startswith(prefix)), None)
    if kind is not None:
        return kind
    message = str(exc).lower()
    for needle, found in (("readonly", "read_only"), ("read-only", "read_only"), ("disk is full", "disk_full"),
                          ("disk i/o", "disk_full"), ("locked", "locked"), ("not a database", "corrupt"),
                          ("malformed", "corrupt")):
        if needle in message:
            return found
    return "unavailable"


def error_kind(exc: BaseException) -> str:
    """The StorageError kind of a driver or SQLAlchemy error (``unavailable`` when nothing more precise fits)."""
    orig = getattr(exc, "orig", None) or exc
    if isinstance(orig, sqlite3.Error):
        return _sqlite_kind(orig)
    state = getattr(orig, "sqlstate", None) or ""
    return next((k for prefix, k in _PG_KINDS.items() if state.startswith(prefix)), "unavailable")
