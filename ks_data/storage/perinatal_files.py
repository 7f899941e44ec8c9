"""Loaded perinatal files (Parquet bytes + metadata) and confirmed column mappings, in the shared database.

Used by ``ks_data.perinatal.store`` when several app servers share one database (``KS_DATABASE_URL``), so every
server shows the same data. Plain bytes and JSON documents only: the perinatal package owns what they mean.
"""

from __future__ import annotations

import json

from ks_data.storage.db import Connection, connect, now, transaction

FILES, MAPPINGS = "perinatal_files", "perinatal_mappings"


def _bump(con: Connection, name: str) -> None:
    con.execute("INSERT INTO change_counter (name, value) VALUES (?, 1) "
                "ON CONFLICT (name) DO UPDATE SET value = change_counter.value + 1", (name,))


def _counter(name: str) -> str:
    with connect() as con:
        row = con.execute("SELECT value FROM change_counter WHERE name = ?", (name,)).fetchone()
    return f"db:{name}:{row[0]}" if row else ""


def list_files() -> list[dict]:
    """Metadata of every loaded file, oldest first."""
    with connect() as con:
        return [json.loads(r["meta"]) for r in con.execute("SELECT meta FROM perinatal_file ORDER BY position")]


def file_contents() -> list[tuple[dict, bytes]]:
    """(metadata, Parquet bytes) of every loaded file, oldest first, read in one transaction."""
    with connect(consistent=True) as con:
        return [(json.loads(r["meta"]), bytes(r["content"]))
                for r in con.execute("SELECT meta, content FROM perinatal_file ORDER BY position")]


def add_file(file_id: str, meta: dict, content: bytes) -> None:
    """Store one loaded file after the others (all or nothing)."""
    with transaction() as con:
        position = con.execute("SELECT COALESCE(MAX(position), 0) + 1 FROM perinatal_file").fetchone()[0]
        con.execute("INSERT INTO perinatal_file (id, position, meta, content, created_at) VALUES (?, ?, ?, ?, ?)",
                    (file_id, position, json.dumps(meta, ensure_ascii=False), content, now()))
        _bump(con, FILES)


def remove_file(file_id: str) -> bool:
    """Remove one loaded file; False when there was none with this id."""
    with transaction() as con:
        gone = con.execute("DELETE FROM perinatal_file WHERE id = ?", (file_id,)).rowcount
        if gone:
            _bump(con, FILES)
        return bool(gone)


def clear_files() -> None:
    """Remove every loaded file."""
    with transaction() as con:
        if con.execute("DELETE FROM perinatal_file").rowcount:
            _bump(con, FILES)


def files_version() -> str:
    """Changes whenever the loaded files change ('' before the first file): a cache key."""
    return _counter(FILES)


def save_mapping(signature: str, document: dict) -> None:
    """Remember a confirmed mapping (a JSON document) for files with these headers."""
    with transaction() as con:
        con.execute("INSERT INTO perinatal_mapping (signature, mapping, updated_at) VALUES (?, ?, ?) "
                    "ON CONFLICT (signature) DO UPDATE SET mapping = excluded.mapping, updated_at = excluded.updated_at",
                    (signature, json.dumps(document, ensure_ascii=False), now()))
        _bump(con, MAPPINGS)


def get_mapping(signature: str) -> dict | None:
    """The mapping document remembered for these headers, or None."""
    with connect() as con:
        row = con.execute("SELECT mapping FROM perinatal_mapping WHERE signature = ?", (signature,)).fetchone()
    return json.loads(row["mapping"]) if row else None


def mappings_version() -> str:
    """Changes whenever a mapping is remembered ('' before the first): a cache key."""
    return _counter(MAPPINGS)
