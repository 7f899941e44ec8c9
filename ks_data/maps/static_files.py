"""Map data published as static files (static/cache/, served at /app/static/cache/): named by content, cacheable.

A map's polygons and its per-area values are written once as JSON files whose names carry a hash of their
content, so the browser can keep them in its cache: switching back to the map page, or to another indicator on
the same boundaries, no longer sends the national layer (~0.5 MB) over the websocket again (issue 15). The
folder is generated and git-ignored (it holds boundary-derived data: never commit it); ``prune`` keeps it small.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path

from ks_data import paths

FOLDER = "cache"  # below paths.STATIC_DIR; Streamlit serves it at /app/static/cache/
KEEP_FILES = 400  # prune: at most this many files stay (the newest), each written at most once


def folder() -> Path:
    """The folder the files are written to (paths.STATIC_DIR / 'cache', read at call time)."""
    return Path(paths.STATIC_DIR) / FOLDER


def publish(data: object, *, kind: str) -> str:
    """Write ``data`` as compact JSON to ``<kind>-<hash>.json`` (unless already there); returns its path
    relative to the static folder ('cache/<kind>-<hash>.json'), the part after /app/static/.

    Safe with several servers or sessions at once: the file is written to a temporary name and renamed.
    """
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False).encode("utf-8")
    name = f"{kind}-{hashlib.sha256(text).hexdigest()[:20]}.json"
    target = folder() / name
    if not target.is_file():
        target.parent.mkdir(parents=True, exist_ok=True)
        _write_atomically(target, text)
        prune()
    return f"{FOLDER}/{name}"


def exists(relative: str) -> bool:
    """Whether a file returned by ``publish`` is (still) there."""
    return (Path(paths.STATIC_DIR) / relative).is_file()


def size(relative: str) -> int:
    """Bytes of a published file (0 when missing)."""
    path = Path(paths.STATIC_DIR) / relative
    return path.stat().st_size if path.is_file() else 0


def prune(*, keep: int = KEEP_FILES) -> None:
    """Remove the oldest published files beyond ``keep`` (a file in use is rewritten when next needed)."""
    files = sorted(folder().glob("*.json"), key=_mtime, reverse=True)
    for old in files[keep:]:
        old.unlink(missing_ok=True)


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except FileNotFoundError:
        return 0.0


def _write_atomically(target: Path, content: bytes) -> None:
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".tmp-", suffix=".json")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(content)
        os.chmod(temporary, 0o644)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
