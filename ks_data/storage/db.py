"""The database: connections, write transactions and StorageError, through SQLAlchemy on SQLite or PostgreSQL.

The only module the record modules (``storage.assessments``, ``storage.workshops``, ``storage.perinatal_files``)
open the database through. The database is the SQLite file ``paths.DB_PATH`` (WAL, busy timeout; the laptop
default) or, when ``KS_DATABASE_URL`` (``paths.DATABASE_URL``) is set, a PostgreSQL server; both are read at call
time. Every call opens a short transaction on a connection whose schema Alembic has brought up to date
(``storage.migrate``); a write on SQLite takes the write lock up front (BEGIN IMMEDIATE), so two browser sessions
(threads) or two server processes can write at the same time without losing rows. Driver errors become a
:class:`StorageError` whose ``kind`` the pages turn into a Dutch message.

Statements are portable SQL (SQLite 3.35+ and PostgreSQL: ``ON CONFLICT``, ``RETURNING``) run as SQLAlchemy
``text`` statements; :class:`Connection` takes sqlite3-style ``?`` parameters and gives rows by name or position.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import datetime, timezone
from functools import lru_cache
from typing import Any

import sqlalchemy as sa

from ks_data import paths
from ks_data.storage import migrate
from ks_data.storage.engine import database_url, dispose_engines, engine, error_kind, is_sqlite
from ks_data.storage.errors import StorageError

__all__ = ["Connection", "Row", "StorageError", "check_writable", "clean", "connect", "database_url", "dispose_engines",
           "name_key", "now", "schema_revision", "transaction"]


class Row:
    """One result row: ``row["column"]`` or ``row[0]``."""

    __slots__ = ("_row",)

    def __init__(self, row: sa.Row) -> None:
        self._row = row

    def __getitem__(self, key: str | int) -> Any:
        return self._row._mapping[key] if isinstance(key, str) else self._row[key]

    def keys(self) -> list[str]:
        return list(self._row._mapping.keys())


class Result:
    """The rows of one statement (iterate, ``fetchone``, ``fetchall``) and ``rowcount`` of a change."""

    def __init__(self, result: sa.CursorResult) -> None:
        self._result = result

    @property
    def rowcount(self) -> int:
        return self._result.rowcount

    def fetchone(self) -> Row | None:
        row = self._result.fetchone()
        return None if row is None else Row(row)

    def fetchall(self) -> list[Row]:
        return [Row(row) for row in self._result.fetchall()]

    def __iter__(self) -> Iterator[Row]:
        return (Row(row) for row in self._result)


@lru_cache(maxsize=512)
def _statement(sql: str) -> sa.TextClause:
    """``?`` placeholders as named binds ``:p0``, ``:p1``... (the statements hold no literal '?')."""
    parts = sql.split("?")
    return sa.text("".join(part + (f":p{n}" if n < len(parts) - 1 else "") for n, part in enumerate(parts)))


def _bind(params: Sequence[Any] | Mapping[str, Any]) -> dict[str, Any]:
    return dict(params) if isinstance(params, Mapping) else {f"p{n}": value for n, value in enumerate(params)}


class Connection:
    """A connection inside one transaction, with sqlite3-style calls: ``execute(sql, params)``, ``executemany``."""

    def __init__(self, conn: sa.Connection) -> None:
        self.sa = conn

    @property
    def dialect(self) -> str:
        """'sqlite' or 'postgresql'."""
        return self.sa.dialect.name

    def execute(self, sql: str, params: Sequence[Any] | Mapping[str, Any] = ()) -> Result:
        return Result(self.sa.execute(_statement(sql), _bind(params)))

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        if rows:
            self.sa.execute(_statement(sql), [_bind(row) for row in rows])


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


def _prepare_folder(url: str) -> None:
    if not is_sqlite(url):
        return
    try:
        paths.DB_PATH.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StorageError("read_only" if isinstance(exc, PermissionError) else "unavailable", str(exc)) from exc


@contextmanager
def connect(*, write: bool = False, consistent: bool = False) -> Iterator[Connection]:
    """A connection in one transaction (committed at the end, rolled back on any error); schema migrated.

    ``write``: take SQLite's write lock up front. ``consistent``: every statement sees the same moment
    (PostgreSQL REPEATABLE READ; a SQLite transaction always does). Driver errors become StorageError.
    """
    url = database_url()
    _prepare_folder(url)
    try:
        with engine(url).connect() as conn:
            migrate.ensure_current(conn)
            if write:
                conn.execution_options(ks_write=True)
            if consistent and not is_sqlite(url):
                conn.execution_options(isolation_level="REPEATABLE READ")
            with conn.begin():
                yield Connection(conn)
    except (sa.exc.DBAPIError, sqlite3.Error) as exc:
        raise StorageError(error_kind(exc), str(exc)) from exc


@contextmanager
def transaction() -> Iterator[Connection]:
    """One write transaction: all of it is stored, or on any error nothing (waits up to the busy timeout)."""
    with connect(write=True) as con:
        yield con


def schema_revision() -> str | None:
    """The Alembic revision of the database in use (after migrating: :func:`migrate.head`)."""
    with connect() as con:
        return migrate.revision(con.sa)


def check_writable() -> None:
    """Raise StorageError when the database cannot be opened or written (checked before filling in)."""
    with transaction() as con:
        con.execute("UPDATE alembic_version SET version_num = version_num")
