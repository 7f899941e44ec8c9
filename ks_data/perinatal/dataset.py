"""The active perinatal dataset (user file or synthetic demo) and the store of the user-loaded file.

The active dataset is the user-loaded file in ``paths.USER_DATA_DIR/perinatal`` when present, else the
synthetic demo set in ``paths.CACHE_DIR`` (generated on first use when the boundary cache exists).
Reading and validating user files lives in ``perinatal.reader``, the column spec in ``perinatal.schema``
and the indicator metadata in ``perinatal.indicators``.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import pandas as pd

from ks_data import paths
from ks_data.core.validation import Problem
from ks_data.geo import cache as geo
from ks_data.geo import lookups as geo_lookups
from ks_data.perinatal import reader
from ks_data.texts import perinatal as tp

STORE_FOLDER = "perinatal"
STORE_DATA = "active.parquet"
STORE_META = "active.json"
IMPORT_ENV = "KS_PERINATAL_IMPORT_DIR"
# What reading a stored parquet/JSON file can raise when it is damaged (pyarrow's errors are OSError/ValueError).
_UNREADABLE = (OSError, ValueError, KeyError)


class NoPerinatalData(RuntimeError):
    """Neither a user file nor the synthetic demo set is available; ``reason`` is 'geo' or 'other'."""

    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(detail or reason)
        self.reason = reason
        self.detail = detail

    def dutch(self) -> str:
        """The Dutch explanation a page shows."""
        return tp.NO_DATA_GEO if self.reason == "geo" else tp.NO_DATA_OTHER.format(detail=self.detail)


class StoredFileError(RuntimeError):
    """The stored user file or the synthetic demo file exists but cannot be read (damaged, no access)."""

    def __init__(self, path: Path) -> None:
        super().__init__(str(path))
        self.path = path


@dataclass(frozen=True)
class PerinatalDataset:
    """The tidy counts (one row per area and period) plus where they come from."""

    frame: pd.DataFrame
    is_synthetic: bool
    source_label: str
    origin: str  # "user" | "synthetic"
    filename: str | None = None
    loaded_at: str | None = None

    @property
    def periods(self) -> list[str]:
        """Periods present in the data, sorted."""
        return sorted(self.frame["period"].dropna().unique().tolist())


def frame_of(data: PerinatalDataset | pd.DataFrame) -> pd.DataFrame:
    """The tidy frame of a dataset (or the frame itself): every perinatal function takes either."""
    return data.frame if isinstance(data, PerinatalDataset) else data


# --- store of the user-loaded file -----------------------------------------------------------------
def store_dir() -> Path:
    """Folder holding the loaded user file (survives restarts)."""
    return paths.USER_DATA_DIR / STORE_FOLDER


def import_dir() -> Path:
    """The configured import folder (env KS_PERINATAL_IMPORT_DIR, default USER_DATA_DIR/import)."""
    value = os.environ.get(IMPORT_ENV, "").strip()
    return Path(value).expanduser() if value else paths.USER_DATA_DIR / "import"


def import_files() -> list[Path]:
    """CSV/Excel files in the import folder, sorted by name."""
    folder = import_dir()
    if not folder.is_dir():
        return []
    suffixes = reader.CSV_SUFFIXES + reader.EXCEL_SUFFIXES
    return sorted(p for p in folder.iterdir() if p.is_file() and p.suffix.lower() in suffixes)


def store_version() -> str:
    """Changes whenever the stored user file changes ('' when none): a cache key."""
    meta = store_dir() / STORE_META
    return f"{meta}:{meta.stat().st_mtime_ns}" if meta.is_file() else ""


def code_checks() -> tuple[set[str] | None, dict[str, str] | None]:
    """Known gemeente codes (2021 and 2023) and PC4 -> gemeentecode 2021, or (None, None) without cache."""
    try:
        return geo_lookups.known_gemeente_codes(), geo_lookups.pc4_gemeente_codes(year=geo.DATA_YEAR)
    except (geo.GeoCacheMissing, OSError):
        return None, None


def _names() -> dict[str, str]:
    """Gemeente code -> name over both divisions (the 2021 name where a code is in both); {} without cache."""
    try:
        return geo_lookups.gemeente_names(years=(geo.MAP_YEAR, geo.DATA_YEAR))
    except (geo.GeoCacheMissing, OSError):
        return {}


def check_file(content: bytes, filename: str) -> reader.LoadResult:
    """Validate a user file against the boundary cache (when built); see ``reader.read_perinatal_file``.

    Never raises: an unexpected failure becomes a rejected result with a Dutch message.
    """
    try:
        known, pc4 = code_checks()
        return reader.read_perinatal_file(content, filename, known_gemeenten=known, pc4_gemeente=pc4)
    except Exception as exc:  # noqa: BLE001 - the user gets a message, never a traceback
        name = Path(filename).name
        detail = tp.FILE_UNREADABLE.format(kind=name, detail=type(exc).__name__)
        return reader.LoadResult(name, None, (Problem(name, detail),))


def check_import_file(path: Path) -> reader.LoadResult:
    """Validate a file from the import folder (size checked before reading it whole)."""
    path = Path(path)
    if path.stat().st_size > reader.MAX_UPLOAD_BYTES:
        return reader.too_large(path.name, size=path.stat().st_size)
    return check_file(path.read_bytes(), path.name)


def save_user_file(result: reader.LoadResult) -> None:
    """Make an accepted file the active dataset (atomic replace). A rejected result changes nothing."""
    if not result.ok:
        raise ValueError("refusing to store a rejected file")
    folder = store_dir()
    folder.mkdir(parents=True, exist_ok=True)
    frame = enrich_names(result.frame)
    tmp = folder / (STORE_DATA + ".tmp")
    frame.to_parquet(tmp, index=False)
    meta = {"filename": result.filename, "loaded_at": datetime.now().strftime("%d-%m-%Y %H:%M"),
            "warnings": [i.text() for i in result.issues]}
    tmp_meta = folder / (STORE_META + ".tmp")
    tmp_meta.write_text(json.dumps(meta, ensure_ascii=False, indent=1), encoding="utf-8")
    os.replace(tmp, folder / STORE_DATA)
    os.replace(tmp_meta, folder / STORE_META)


def clear_user_file() -> None:
    """Remove the loaded user file; the synthetic demo becomes active again."""
    for name in (STORE_META, STORE_DATA):
        (store_dir() / name).unlink(missing_ok=True)


def enrich_names(frame: pd.DataFrame) -> pd.DataFrame:
    """Fill gemeentenaam (and area_name of gemeente/pc4 rows) from the boundary cache where empty."""
    names = _names()
    out = frame.copy()
    out["gemeentenaam"] = out["gemeentenaam"].fillna(out["gemeentecode"].map(names)).astype("string")
    gemeente_name = out["area_code"].map(names).where(out["level"] == "gemeente")
    out["area_name"] = out["area_name"].fillna(gemeente_name).fillna(out["area_code"]).astype("string")
    return out


def load_user_dataset() -> PerinatalDataset | None:
    """The stored user file, or None when no file was loaded; raises StoredFileError when it is damaged."""
    folder = store_dir()
    if not (folder / STORE_META).is_file() or not (folder / STORE_DATA).is_file():
        return None
    try:
        meta = json.loads((folder / STORE_META).read_text(encoding="utf-8"))
        frame = pd.read_parquet(folder / STORE_DATA)
        label = tp.SOURCE_USER.format(file=meta["filename"], loaded_at=meta["loaded_at"])
    except _UNREADABLE as exc:
        raise StoredFileError(folder) from exc
    return PerinatalDataset(frame, False, label, "user", meta["filename"], meta["loaded_at"])


def load_synthetic_dataset(*, generate: bool = True) -> PerinatalDataset:
    """The synthetic demo set; generated from the boundary cache when missing and ``generate``.

    Raises:
        NoPerinatalData: the file is missing and cannot (or may not) be generated.
        StoredFileError: the file cannot be written or read.
    """
    from ks_data.perinatal import synthetic

    path = synthetic.output_path()
    try:
        if not path.is_file():
            if not generate:
                raise NoPerinatalData("other", str(path))
            try:
                synthetic.write()
            except geo.GeoCacheMissing as exc:
                raise NoPerinatalData("geo", str(exc)) from None
        frame = pd.read_parquet(path)
    except _UNREADABLE as exc:
        raise StoredFileError(path) from exc
    return PerinatalDataset(frame, True, tp.SOURCE_SYNTHETIC.format(seed=synthetic.DEFAULT_SEED), "synthetic")


def load_active(*, generate: bool = True) -> PerinatalDataset:
    """The user file when loaded, else the synthetic demo set.

    Raises NoPerinatalData when neither is available, StoredFileError when the one found cannot be read.
    """
    user = load_user_dataset()
    return user if user is not None else load_synthetic_dataset(generate=generate)
