"""The active perinatal dataset (the loaded user files, or the synthetic demo) and the import of a user file.

The active dataset is every file loaded on the Data page (``perinatal.store``; a gemeente and a PC4 export may be
active together, the newest file winning where two hold the same area and period), else the synthetic demo set
in ``paths.CACHE_DIR`` (generated on first use when the boundary cache exists). The import runs in steps the
Data page shows: :func:`open_import` (the table and the proposed meaning of each column), :func:`check_import`
(every problem, nothing stored) and :func:`confirm_import` (stored, mapping remembered). Reading lives in
``perinatal.table`` / ``perinatal.reader``, the indicator metadata in ``perinatal.indicators``.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from ks_data import paths
from ks_data.core.validation import Problem
from ks_data.geo import cache as geo
from ks_data.geo import lookups as geo_lookups
from ks_data.perinatal import reader, store
from ks_data.perinatal import schema as ps
from ks_data.perinatal.mapping import Mapping, header_signature
from ks_data.perinatal.store import StoredFile, StoredFileError  # noqa: F401 - part of this module's interface
from ks_data.perinatal.table import RawTable, TableRejected, read_table
from ks_data.texts import perinatal as tp

IMPORT_ENV = "KS_PERINATAL_IMPORT_DIR"
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


@dataclass(frozen=True)
class PerinatalDataset:
    """The tidy counts (one row per area and period) plus where they come from."""

    frame: pd.DataFrame
    is_synthetic: bool
    source_label: str
    origin: str  # "user" | "synthetic"
    filename: str | None = None
    loaded_at: str | None = None
    files: tuple[StoredFile, ...] = ()

    @property
    def periods(self) -> list[str]:
        """Periods present in the data, sorted."""
        return sorted(self.frame["period"].dropna().unique().tolist())


def frame_of(data: PerinatalDataset | pd.DataFrame) -> pd.DataFrame:
    """The tidy frame of a dataset (or the frame itself): every perinatal function takes either."""
    return data.frame if isinstance(data, PerinatalDataset) else data


# --- the import folder -----------------------------------------------------------------------------------
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


def read_import_file(path: Path) -> bytes | reader.LoadResult:
    """The bytes of a file in the import folder, or the rejection of a file above the size cap (not read)."""
    path = Path(path)
    size = path.stat().st_size
    return reader.too_large(path.name, size=size) if size > reader.MAX_UPLOAD_BYTES else path.read_bytes()


# --- the import steps -----------------------------------------------------------------------------------
def code_checks() -> tuple[set[str] | None, dict[str, str] | None]:
    """Known gemeente codes (2021 and 2023) and PC4 -> gemeentecode 2021, or (None, None) without cache."""
    try:
        return geo_lookups.known_gemeente_codes(), geo_lookups.pc4_gemeente_codes(year=geo.DATA_YEAR)
    except (geo.GeoCacheMissing, OSError):
        return None, None


@dataclass(frozen=True)
class ImportDraft:
    """An opened file before anything is loaded: its table and the proposed mapping (remembered or guessed)."""

    table: RawTable
    mapping: Mapping
    remembered: bool


def open_import(content: bytes, filename: str, *, sheet: str | None = None) -> ImportDraft | reader.LoadResult:
    """Step 1: the table of a file and what each column probably means; a rejected LoadResult when the file is
    no table at all (empty, wrong type, damaged, too large). Never raises."""
    name = Path(filename).name
    try:
        table = read_table(content, name, sheet=sheet)
    except TableRejected as rejected:
        return reader.LoadResult(name, None, (rejected.problem,))
    except Exception as exc:  # noqa: BLE001 - the user gets a message, never a traceback
        return reader.LoadResult(name, None, (Problem(name, tp.FILE_UNREADABLE.format(kind=name,
                                                                                   detail=type(exc).__name__)),))
    remembered = store.recall_mapping(header_signature(list(table.headers)))
    if remembered is not None and len(remembered.roles) == len(table.headers):
        return ImportDraft(table, remembered, True)
    return ImportDraft(table, reader.suggest_mapping(table), False)


def check_import(table: RawTable, mapping: Mapping) -> reader.LoadResult:
    """Step 2: every problem of the file read with ``mapping``, against the boundary cache when built, plus a
    warning naming a loaded file that holds the same areas and periods (the new file wins there). Stores
    nothing and never raises."""
    name = table.filename
    try:
        known, pc4 = code_checks()
        result = reader.apply_mapping(table, mapping, known_gemeenten=known, pc4_gemeente=pc4)
    except Exception as exc:  # noqa: BLE001 - the user gets a message, never a traceback
        detail = tp.FILE_UNREADABLE.format(kind=name, detail=type(exc).__name__)
        return reader.LoadResult(name, None, (Problem(name, detail),), mapping, table)
    if not result.ok:
        return result
    overlaps = tuple(Problem(name, tp.OVERLAPS_FILE.format(file=f, n=n), severity="warning")
                     for f, n in _overlaps(result.frame))
    return reader.LoadResult(name, result.frame, result.issues + overlaps, mapping, table)


def _overlaps(frame: pd.DataFrame) -> list[tuple[str, int]]:
    """(loaded file, number of areas) that hold the same level, area and period as ``frame``."""
    keys = set(zip(frame["level"], frame["area_code"], frame["period"]))
    try:
        loaded = store.frames()
    except StoredFileError:
        return []
    found = [(entry.filename, sum(k in keys for k in zip(f["level"], f["area_code"], f["period"])))
             for entry, f in loaded]
    return [(name, n) for name, n in found if n]


def confirm_import(result: reader.LoadResult) -> StoredFile:
    """Step 3: store an accepted result next to the loaded files and remember its mapping for these headers.

    Raises ValueError for a rejected result (nothing stored) and OSError when the disk cannot be written
    (then the previous data stay active).
    """
    if not result.ok:
        raise ValueError("refusing to store a rejected file")
    warnings = tuple(i.text() for i in result.issues if i.severity == "warning")
    entry = store.save(result.frame, filename=result.filename, warnings=warnings,
                       sheet=result.table.sheet if result.table is not None else None)
    if result.mapping is not None and result.table is not None:
        try:
            store.remember_mapping(header_signature(list(result.table.headers)), result.mapping)
        except OSError:
            pass  # the file is loaded; only the memory of its mapping is lost
    return entry


def check_file(content: bytes, filename: str) -> reader.LoadResult:
    """Steps 1 and 2 with the proposed mapping (the import folder, scripts, tests). Never raises."""
    draft = open_import(content, filename)
    return draft if isinstance(draft, reader.LoadResult) else check_import(draft.table, draft.mapping)


def save_user_file(result: reader.LoadResult) -> StoredFile:
    """Store an accepted result (see :func:`confirm_import`)."""
    return confirm_import(result)


def remove_user_file(file_id: str) -> None:
    """Remove one loaded file; the other loaded files stay active."""
    store.remove(file_id)


def clear_user_file() -> None:
    """Remove every loaded file; the synthetic demo becomes active again."""
    store.clear()


# --- the active dataset -----------------------------------------------------------------------------------
def store_version() -> str:
    """Changes whenever the loaded files change ('' when none): a cache key."""
    return store.version()


def mappings_version() -> str:
    """Changes whenever a confirmed mapping is remembered: a cache key for :func:`open_import`."""
    return store.mappings_version()


def _names() -> dict[str, str]:
    """Gemeente code -> name over both divisions (the 2021 name where a code is in both); {} without cache."""
    try:
        return geo_lookups.gemeente_names(years=(geo.MAP_YEAR, geo.DATA_YEAR))
    except (geo.GeoCacheMissing, OSError):
        return {}


def enrich_names(frame: pd.DataFrame) -> pd.DataFrame:
    """CBS names for known codes (a file's own name only for unknown codes): gemeentenaam from the gemeentecode,
    area_name of gemeente rows from their code, of PC4 rows the postcode, of the national row 'Nederland'."""
    names = _names()
    out = frame.copy()
    out["gemeentenaam"] = out["gemeentecode"].map(names).fillna(out["gemeentenaam"]).astype("string")
    cbs = out["area_code"].map(names).where(out["level"] == "gemeente")
    cbs = cbs.where(out["level"] != "pc4", out["area_code"].where(out["area_code"].isin(_pc4_codes())))
    cbs = cbs.where(out["level"] != "land", tp.SERIES_NATIONAL)
    out["area_name"] = cbs.fillna(out["area_name"]).fillna(out["area_code"]).astype("string")
    return out


def _pc4_codes() -> set[str]:
    _, pc4 = code_checks()
    return set(pc4 or ())


def merge_files(loaded: list[tuple[StoredFile, pd.DataFrame]]) -> pd.DataFrame:
    """The rows of several loaded files as one tidy frame; the newest file wins for the same level, area and
    period (a corrected export replaces the figures of the earlier one)."""
    frames = [ps.with_defaults(frame) for _, frame in loaded]
    merged = pd.concat(frames, ignore_index=True) if frames else ps.empty_tidy()
    return merged.drop_duplicates(["level", "area_code", "period"], keep="last").reset_index(drop=True)


def load_user_dataset() -> PerinatalDataset | None:
    """The loaded files as one dataset, or None when none was loaded; raises StoredFileError when damaged."""
    loaded = store.frames()
    if not loaded:
        return None
    entries = tuple(entry for entry, _ in loaded)
    label = "; ".join(tp.SOURCE_USER.format(file=e.filename, loaded_at=e.loaded_at) for e in entries)
    frame = enrich_names(merge_files(loaded))
    return PerinatalDataset(frame, False, label, "user", ", ".join(e.filename for e in entries),
                            entries[-1].loaded_at, entries)


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
        frame = ps.with_defaults(pd.read_parquet(path))
    except _UNREADABLE as exc:
        raise StoredFileError(path) from exc
    return PerinatalDataset(frame, True, tp.SOURCE_SYNTHETIC.format(seed=synthetic.DEFAULT_SEED), "synthetic")


def load_active(*, generate: bool = True) -> PerinatalDataset:
    """The loaded user files when there are any, else the synthetic demo set.

    Raises NoPerinatalData when neither is available, StoredFileError when the one found cannot be read.
    """
    user = load_user_dataset()
    return user if user is not None else load_synthetic_dataset(generate=generate)
