"""The store of loaded perinatal files in the shared database (``ks_data.storage.perinatal_files``).

``perinatal.store`` uses this when ``KS_DATABASE_URL`` is set: several app servers then share one database, and a
file loaded on one server is active on all of them. Same functions and errors as the folder store: a write that
fails raises OSError (nothing changed), a read that fails raises StoredFileError. Every call works in the workspace
bound by ``store.use_workspace`` / ``bind_workspace``; hosted without one, reads find nothing and writes raise OSError.
"""

from __future__ import annotations

import io
from dataclasses import asdict
from pathlib import Path

import pandas as pd

from ks_data.perinatal.mapping import Mapping
from ks_data.perinatal.store import StoredFile, StoredFileError, _entry, workspace
from ks_data.storage import hosting
from ks_data.storage import perinatal_files as db_files
from ks_data.storage.db import StorageError

WHERE = Path("database")  # StoredFileError.path for a store that is not a folder


def _closed() -> bool:
    """Hosted and no workspace open: nothing to read (reads give nothing, writes refuse)."""
    return workspace() is None and hosting.hosted()


def _read(call, empty):
    if _closed():
        return empty
    try:
        return call(workspace=workspace())
    except StorageError as exc:
        raise StoredFileError(WHERE) from exc


def _write(call, *args):
    try:
        return call(*args, workspace=workspace())
    except StorageError as exc:
        raise OSError(f"database: {exc.kind}") from exc


def files() -> list[StoredFile]:
    return [_entry(meta) for meta in _read(db_files.list_files, [])]


def frames() -> list[tuple[StoredFile, pd.DataFrame]]:
    try:
        return [(_entry(meta), pd.read_parquet(io.BytesIO(content)))
                for meta, content in _read(db_files.file_contents, [])]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise StoredFileError(WHERE) from exc


def save(entry: StoredFile, frame: pd.DataFrame) -> StoredFile:
    buffer = io.BytesIO()
    frame.to_parquet(buffer, index=False)
    _write(db_files.add_file, entry.id, asdict(entry), buffer.getvalue())
    return entry


def remove(file_id: str) -> None:
    _write(db_files.remove_file, file_id)


def clear() -> None:
    _write(db_files.clear_files)


def version() -> str:
    return _read(db_files.files_version, "")


def mappings_version() -> str:
    return _read(db_files.mappings_version, "")


def remember_mapping(signature: str, mapping: Mapping) -> None:
    _write(db_files.save_mapping, signature, mapping.to_dict())


def recall_mapping(signature: str) -> Mapping | None:
    if _closed():
        return None
    try:
        data = db_files.get_mapping(signature, workspace=workspace())
        return Mapping.from_dict(data) if isinstance(data, dict) else None
    except (StorageError, KeyError, TypeError, ValueError):
        return None  # no memory of mappings only means guessing again
