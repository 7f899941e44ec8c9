"""The store of loaded user files (several at once, e.g. a gemeente and a PC4 export) and of confirmed mappings.

The only module that knows where loaded files live (today ``paths.USER_DATA_DIR/perinatal``: one Parquet file
per loaded file, an index ``files.json`` and ``mappings.json``); a later issue moves it into the database
through ``ks_data.storage`` behind the same functions: :func:`save`, :func:`files`, :func:`frames`,
:func:`remove`, :func:`clear`, :func:`version`, :func:`remember_mapping`, :func:`recall_mapping`. With
``KS_DATABASE_URL`` set (several app servers, issue 17) every function uses the shared database instead
(``perinatal.store_db``), so a file loaded on one server is active on all of them.
Every write is atomic (temporary file, then rename), so a failed write leaves the previous data active.

On a hosted instance (``KS_HOSTED=1``) the files always live in the database, per workspace: the UI binds the
session's open workspace with :func:`use_workspace` for each run; without one, reads find no files (the synthetic
demo shows) and writes raise OSError, so nothing lands outside a workspace.
"""

from __future__ import annotations

import json
import os
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path

import pandas as pd

from ks_data import paths
from ks_data.perinatal.mapping import Mapping
from ks_data.storage import hosting

FOLDER = "perinatal"
INDEX = "files.json"
MAPPINGS = "mappings.json"
LEGACY_DATA, LEGACY_META = "active.parquet", "active.json"  # the single-file store before issue 13
# What reading a stored parquet/JSON file can raise when it is damaged (pyarrow's errors are OSError/ValueError).
_UNREADABLE = (OSError, ValueError, KeyError, TypeError)


class StoredFileError(RuntimeError):
    """A stored file (or the index of stored files) exists but cannot be read (damaged, no access)."""

    def __init__(self, path: Path) -> None:
        super().__init__(str(path))
        self.path = path


@dataclass(frozen=True)
class StoredFile:
    """One loaded file: its name, when it was loaded, what it holds (levels, periods, rows, areas)."""

    id: str
    filename: str
    loaded_at: str
    data: str  # the Parquet file in the store folder
    levels: tuple[str, ...] = ()
    periods: tuple[str, ...] = ()
    n_rows: int = 0
    n_areas: int = 0
    sheet: str | None = None
    warnings: tuple[str, ...] = ()


def folder() -> Path:
    """Folder holding the loaded files (survives restarts)."""
    return paths.USER_DATA_DIR / FOLDER


_WORKSPACE: ContextVar[int | None] = ContextVar("ks_perinatal_workspace", default=None)


def bind_workspace(workspace: int | None) -> None:
    """Use the files of ``workspace`` for the rest of this run (thread/context); None: no workspace open."""
    _WORKSPACE.set(workspace)


@contextmanager
def use_workspace(workspace: int | None) -> Iterator[None]:
    """Use the files of ``workspace`` inside the block (then the earlier binding again)."""
    token = _WORKSPACE.set(workspace)
    try:
        yield
    finally:
        _WORKSPACE.reset(token)


def workspace() -> int | None:
    """The workspace bound for this run (None: none; on a laptop the implicit one is used)."""
    return _WORKSPACE.get()


def _shared():
    """The database store (``perinatal.store_db``) when several servers share a database (KS_DATABASE_URL, read
    at call time) or the instance is hosted, else None: on a laptop the files stay in :func:`folder`."""
    if not (paths.DATABASE_URL or hosting.hosted()):
        return None
    from ks_data.perinatal import store_db

    return store_db


def _write_atomically(path: Path, write) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(handle)
    try:
        write(Path(name))
        os.replace(name, path)
    except BaseException:
        Path(name).unlink(missing_ok=True)
        raise


def _write_json(path: Path, document: object) -> None:
    _write_atomically(path, lambda tmp: tmp.write_text(json.dumps(document, ensure_ascii=False, indent=1),
                                                       encoding="utf-8"))


def _entry(data: dict) -> StoredFile:
    fields = dict(data)
    for name in ("levels", "periods", "warnings"):
        fields[name] = tuple(fields.get(name, ()))
    return StoredFile(**fields)


def _legacy() -> list[StoredFile]:
    """The single file of the store before issue 13 (active.json + active.parquet), as one stored file."""
    meta, data = folder() / LEGACY_META, folder() / LEGACY_DATA
    if not (meta.is_file() and data.is_file()):
        return []
    try:
        info = json.loads(meta.read_text(encoding="utf-8"))
        frame = pd.read_parquet(data, columns=["level", "area_code", "period"])
        return [StoredFile("active", str(info["filename"]), str(info["loaded_at"]), LEGACY_DATA,
                           *_summary(frame), warnings=tuple(info.get("warnings", ())))]
    except _UNREADABLE as exc:
        raise StoredFileError(folder()) from exc


def files() -> list[StoredFile]:
    """The loaded files, oldest first; raises StoredFileError when the index is damaged."""
    if shared := _shared():
        return shared.files()
    index = folder() / INDEX
    if not index.is_file():
        return _legacy()
    try:
        return [_entry(item) for item in json.loads(index.read_text(encoding="utf-8"))["files"]]
    except _UNREADABLE as exc:
        raise StoredFileError(folder()) from exc


def version() -> str:
    """Changes whenever the loaded files change ('' when none): a cache key."""
    if shared := _shared():
        return shared.version()
    for name in (INDEX, LEGACY_META):
        path = folder() / name
        if path.is_file():
            return f"{path}:{path.stat().st_mtime_ns}"
    return ""


def _summary(frame: pd.DataFrame) -> tuple[tuple[str, ...], tuple[str, ...], int, int]:
    levels = tuple(level for level in ("land", "gemeente", "pc4") if (frame["level"] == level).any())
    periods = tuple(sorted(frame["period"].dropna().astype(str).unique()))
    return levels, periods, len(frame), int(frame[["level", "area_code"]].drop_duplicates().shape[0])


def save(frame: pd.DataFrame, *, filename: str, sheet: str | None = None, warnings: tuple[str, ...] = ()) -> StoredFile:
    """Add a checked tidy frame as a loaded file (next to the files already loaded); returns its entry.

    Raises OSError when the disk is full or not writable: then nothing has changed.
    """
    file_id = uuid.uuid4().hex[:12]
    entry = StoredFile(file_id, filename, datetime.now().strftime("%d-%m-%Y %H:%M"), f"{file_id}.parquet",
                       *_summary(frame), sheet=sheet, warnings=tuple(warnings))
    if shared := _shared():
        return shared.save(entry, frame)
    current = files()
    _write_atomically(folder() / entry.data, lambda tmp: frame.to_parquet(tmp, index=False))
    try:
        _write_json(folder() / INDEX, {"files": [asdict(f) for f in [*current, entry]]})
    except BaseException:
        (folder() / entry.data).unlink(missing_ok=True)
        raise
    return entry


def remove(file_id: str) -> None:
    """Remove one loaded file (unknown ids are ignored); the others stay active."""
    if shared := _shared():
        return shared.remove(file_id)
    current = files()
    kept = [f for f in current if f.id != file_id]
    if len(kept) == len(current):
        return
    _write_json(folder() / INDEX, {"files": [asdict(f) for f in kept]})
    for gone in (f for f in current if f.id == file_id):
        (folder() / gone.data).unlink(missing_ok=True)
        if gone.data == LEGACY_DATA:
            (folder() / LEGACY_META).unlink(missing_ok=True)


def clear() -> None:
    """Remove every loaded file; the synthetic demo becomes active again. Remembered mappings stay."""
    if shared := _shared():
        return shared.clear()
    for entry in files():
        (folder() / entry.data).unlink(missing_ok=True)
    for name in (INDEX, LEGACY_META, LEGACY_DATA):
        (folder() / name).unlink(missing_ok=True)


def frames() -> list[tuple[StoredFile, pd.DataFrame]]:
    """Every loaded file with its tidy frame, oldest first; raises StoredFileError when one cannot be read."""
    if shared := _shared():
        return shared.frames()
    out = []
    for entry in files():
        try:
            out.append((entry, pd.read_parquet(folder() / entry.data)))
        except _UNREADABLE as exc:
            raise StoredFileError(folder()) from exc
    return out


def mappings_version() -> str:
    """Changes whenever a mapping is remembered ('' before the first): a cache key."""
    if shared := _shared():
        return shared.mappings_version()
    path = folder() / MAPPINGS
    return f"{path}:{path.stat().st_mtime_ns}" if path.is_file() else ""


def _mappings() -> dict:
    path = folder() / MAPPINGS
    try:
        return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}
    except (OSError, ValueError):
        return {}  # a damaged memory of mappings only means guessing again


def remember_mapping(signature: str, mapping: Mapping) -> None:
    """Remember a confirmed mapping for the next file with the same headers (``mapping.header_signature``)."""
    if shared := _shared():
        return shared.remember_mapping(signature, mapping)
    known = _mappings()
    known[signature] = mapping.to_dict()
    _write_json(folder() / MAPPINGS, known)


def recall_mapping(signature: str) -> Mapping | None:
    """The mapping confirmed before for these headers, or None."""
    if shared := _shared():
        return shared.recall_mapping(signature)
    data = _mappings().get(signature)
    try:
        return Mapping.from_dict(data) if isinstance(data, dict) else None
    except (KeyError, TypeError, ValueError):
        return None
