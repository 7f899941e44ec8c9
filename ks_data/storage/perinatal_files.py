"""Loaded perinatal files (Parquet bytes + metadata) and confirmed column mappings, in the shared database.

Used by ``ks_data.perinatal.store`` when several app servers share one database (``KS_DATABASE_URL``) and on a hosted
instance, so every server shows the same data. Plain bytes and JSON documents only: the perinatal package owns what
they mean. Each workspace has its own files, mappings and change counters (``workspace``: see
``storage.hosting.scope``); the laptop's implicit workspace keeps the names it had before workspaces.
"""

from __future__ import annotations

import json

from ks_data.storage import audit
from ks_data.storage.db import Connection, connect, now, transaction
from ks_data.storage.hosting import LAPTOP_WORKSPACE, scope

FILES, MAPPINGS = "perinatal_files", "perinatal_mappings"


def _name(name: str, workspace: int) -> str:
    """A change counter's name in a workspace (``perinatal_files:7``; the laptop's keeps its plain name)."""
    return name if workspace == LAPTOP_WORKSPACE else f"{name}:{workspace}"


def _signature(signature: str, workspace: int) -> str:
    return signature if workspace == LAPTOP_WORKSPACE else f"{workspace}/{signature}"


def _bump(con: Connection, name: str, workspace: int) -> None:
    con.execute("INSERT INTO change_counter (name, value) VALUES (?, 1) "
                "ON CONFLICT (name) DO UPDATE SET value = change_counter.value + 1", (_name(name, workspace),))


def _counter(name: str, workspace: int) -> str:
    with connect() as con:
        row = con.execute("SELECT value FROM change_counter WHERE name = ?",
                          (_name(name, workspace),)).fetchone()
    return f"db:{_name(name, workspace)}:{row[0]}" if row else ""


def list_files(*, workspace: int | None = None) -> list[dict]:
    """Metadata of every loaded file, oldest first."""
    workspace = scope(workspace)
    with connect() as con:
        return [json.loads(r["meta"]) for r in con.execute(
            "SELECT meta FROM perinatal_file WHERE workspace_id = ? ORDER BY position", (workspace,))]


def file_contents(*, workspace: int | None = None) -> list[tuple[dict, bytes]]:
    """(metadata, Parquet bytes) of every loaded file, oldest first, read in one transaction."""
    workspace = scope(workspace)
    with connect(consistent=True) as con:
        return [(json.loads(r["meta"]), bytes(r["content"])) for r in con.execute(
            "SELECT meta, content FROM perinatal_file WHERE workspace_id = ? ORDER BY position", (workspace,))]


def add_file(file_id: str, meta: dict, content: bytes, *, workspace: int | None = None) -> None:
    """Store one loaded file after the others (all or nothing)."""
    workspace = scope(workspace)
    with transaction() as con:
        position = con.execute("SELECT COALESCE(MAX(position), 0) + 1 FROM perinatal_file").fetchone()[0]
        con.execute("INSERT INTO perinatal_file (id, position, meta, content, created_at, workspace_id) "
                    "VALUES (?, ?, ?, ?, ?, ?)",
                    (file_id, position, json.dumps(meta, ensure_ascii=False), content, now(), workspace))
        _bump(con, FILES, workspace)
        audit.record(con, workspace, audit.WORKSPACE, "geladen", "bestand", file_id)


def remove_file(file_id: str, *, workspace: int | None = None) -> bool:
    """Remove one loaded file; False when there was none with this id (in this workspace)."""
    workspace = scope(workspace)
    with transaction() as con:
        gone = con.execute("DELETE FROM perinatal_file WHERE id = ? AND workspace_id = ?",
                           (file_id, workspace)).rowcount
        if gone:
            _bump(con, FILES, workspace)
            audit.record(con, workspace, audit.WORKSPACE, "verwijderd", "bestand", file_id)
        return bool(gone)


def clear_files(*, workspace: int | None = None) -> None:
    """Remove every loaded file (of this workspace)."""
    workspace = scope(workspace)
    with transaction() as con:
        if con.execute("DELETE FROM perinatal_file WHERE workspace_id = ?", (workspace,)).rowcount:
            _bump(con, FILES, workspace)
            audit.record(con, workspace, audit.WORKSPACE, "verwijderd", "bestand", "alle")


def files_version(*, workspace: int | None = None) -> str:
    """Changes whenever the loaded files change ('' before the first file): a cache key."""
    return _counter(FILES, scope(workspace))


def save_mapping(signature: str, document: dict, *, workspace: int | None = None) -> None:
    """Remember a confirmed mapping (a JSON document) for files with these headers."""
    workspace = scope(workspace)
    with transaction() as con:
        con.execute("INSERT INTO perinatal_mapping (signature, mapping, updated_at) VALUES (?, ?, ?) "
                    "ON CONFLICT (signature) DO UPDATE SET mapping = excluded.mapping, updated_at = excluded.updated_at",
                    (_signature(signature, workspace), json.dumps(document, ensure_ascii=False), now()))
        _bump(con, MAPPINGS, workspace)


def get_mapping(signature: str, *, workspace: int | None = None) -> dict | None:
    """The mapping document remembered for these headers, or None."""
    workspace = scope(workspace)
    with connect() as con:
        row = con.execute("SELECT mapping FROM perinatal_mapping WHERE signature = ?",
                          (_signature(signature, workspace),)).fetchone()
    return json.loads(row["mapping"]) if row else None


def mappings_version(*, workspace: int | None = None) -> str:
    """Changes whenever a mapping is remembered ('' before the first): a cache key."""
    return _counter(MAPPINGS, scope(workspace))
