"""Schema migrations with Alembic (ks_data/storage/migrations), run programmatically when a connection opens.

A database made before Alembic (SQLite with the hand-rolled ``PRAGMA user_version`` 1 or 2) is stamped with the
matching revision first, then upgraded, so every row is kept. Concurrent servers or processes migrate one at a
time: SQLite takes the write lock (BEGIN IMMEDIATE), PostgreSQL an advisory transaction lock.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory

from ks_data.storage.errors import StorageError

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
# PRAGMA user_version written by the app before Alembic -> the revision with the same schema.
LEGACY_VERSIONS = {1: "0001", 2: "0002"}
_PG_LOCK_ID = 1_702_170  # pg_advisory_xact_lock key of "migrating the Kansrijke Start schema"


def _config(conn: sa.Connection | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["connection"] = conn
    return config


@lru_cache(maxsize=1)
def _revisions() -> tuple[str, frozenset[str]]:
    script = ScriptDirectory.from_config(_config())
    return script.get_current_head(), frozenset(s.revision for s in script.walk_revisions())


def head() -> str:
    """The newest schema revision this app knows."""
    return _revisions()[0]


def revision(conn: sa.Connection) -> str | None:
    """The schema revision of the database (None: no Alembic table yet)."""
    if conn.dialect.name == "sqlite":
        exists = conn.exec_driver_sql(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'").first()
    else:
        exists = conn.exec_driver_sql("SELECT to_regclass('alembic_version')").scalar()
    if not exists:
        return None
    return conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()


def _refuse_unknown(found: str | None) -> None:
    if found is not None and found not in _revisions()[1]:
        raise StorageError("newer_schema", f"database schema {found} is newer than {head()}")


def _legacy_revision(conn: sa.Connection) -> str | None:
    """The revision of a SQLite database written by the app before Alembic (None: a new, empty database)."""
    if conn.dialect.name != "sqlite":
        return None
    version = conn.exec_driver_sql("PRAGMA user_version").scalar() or 0
    if version > max(LEGACY_VERSIONS):
        raise StorageError("newer_schema", f"database schema {version} > {max(LEGACY_VERSIONS)}")
    return LEGACY_VERSIONS.get(version)


def ensure_current(conn: sa.Connection) -> None:
    """Bring the database of ``conn`` to :func:`head` (no transaction is left open).

    Raises:
        StorageError: ``newer_schema`` for a database written by a newer version of the app.
    """
    with conn.begin():
        found = revision(conn)
    if found == head():
        return
    _refuse_unknown(found)
    conn.execution_options(ks_write=True)
    try:
        with conn.begin():
            if conn.dialect.name == "postgresql":
                conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({_PG_LOCK_ID})")
            found = revision(conn)  # another process may have migrated meanwhile
            _refuse_unknown(found)
            config = _config(conn)
            if found is None:
                legacy = _legacy_revision(conn)
                if legacy is not None:
                    command.stamp(config, legacy)
            if found != head():
                command.upgrade(config, "head")
    finally:
        conn.execution_options(ks_write=False)
