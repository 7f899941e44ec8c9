"""Dutch tables and lines of the Data page: the active data, the loaded files and the steps of an import.

Formatting only (the figures come from ``perinatal.dataset`` / ``perinatal.reader``): hidden cells read
"afgeschermd in de bron (<10)", counts below 10 "afgeschermd", counts derived from a rate are marked.
"""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd

from ks_data.core.export import neutralise_formulas
from ks_data.core.stats import MIN_COUNT
from ks_data.perinatal import records
from ks_data.perinatal import schema as ps
from ks_data.perinatal.indicators import definition_weeks
from ks_data.perinatal.mapping import Mapping, event_of
from ks_data.perinatal.reader import LoadResult
from ks_data.perinatal.store import StoredFile
from ks_data.perinatal.table import RawTable
from ks_data.texts import common as tc
from ks_data.texts import perinatal as tp
from ks_data.texts import perinatal_data as td

PREVIEW_COLUMNS = ["level", "area_code", "area_name", "period", *ps.COUNT_COLUMNS]


def _preview_rows(frame: pd.DataFrame, rows: int, shown: Callable[[object], object]) -> pd.DataFrame:
    """The first ``rows`` rows: hidden cells named, counts below 10 masked, others passed through ``shown``."""
    head = ps.with_defaults(frame).head(rows)
    out = head[[c for c in PREVIEW_COLUMNS if c in head.columns]].copy()
    for column in ps.COUNT_COLUMNS:
        labels = head[ps.censored_column(column)].tolist()
        out[column] = pd.Series([tp.hidden_in_source(str(label)) if pd.notna(label) else
                                 tp.SUPPRESSED_MARK if pd.notna(v) and v < MIN_COUNT else shown(v)
                                 for v, label in zip(head[column].tolist(), labels)], index=out.index, dtype=object)
    derived = [", ".join(tp.COLUMN_LABELS[e] for e in ps.EVENT_COLUMNS if row[ps.derived_column(e)])
               for _, row in head.iterrows()]
    if any(derived):
        out["derived"] = [td.DERIVED_FROM.format(events=d) if d else "" for d in derived]
    out["is_synthetic"] = head["is_synthetic"].astype(bool)
    return out


def preview(frame: pd.DataFrame, *, rows: int = 20) -> pd.DataFrame:
    """The first ``rows`` rows of a tidy perinatal frame as the screen shows them."""
    out = _preview_rows(frame, rows, lambda v: tc.NO_DATA if pd.isna(v) else tc.fmt_number(v))
    out["is_synthetic"] = out["is_synthetic"].map({True: tc.SYNTHETIC_LABEL, False: ""})
    return neutralise_formulas(out.rename(columns={**tp.COLUMN_LABELS, **tp.TABLE_COLUMNS}))


def preview_export(frame: pd.DataFrame, *, rows: int = 20) -> pd.DataFrame:
    """The rows of :func:`preview` for download: counts as whole numbers (empty when unknown), hidden cells
    and counts below 10 still named, 'synthetisch voorbeeld' as ja/nee."""
    out = _preview_rows(frame, rows, lambda v: None if pd.isna(v) else int(v))
    out["is_synthetic"] = out["is_synthetic"].map({True: "ja", False: "nee"})
    return out.rename(columns={**tp.COLUMN_LABELS, **tp.TABLE_COLUMNS}).reset_index(drop=True)


def schema_table() -> pd.DataFrame:
    """The data items a file may hold (Dutch): item, required, unit, recognised column names."""
    rows = [{"column": tp.COLUMN_LABELS.get(s.name, td.LONG_ITEMS.get(s.name, s.name)),
             "required": td.SCHEMA_REQUIRED[s.required], "unit": td.SCHEMA_UNITS.get(s.name, ""),
             "aliases": ", ".join(s.aliases)} for s in ps.COLUMNS if s.aliases]
    return pd.DataFrame(rows).rename(columns=td.SCHEMA_COLUMNS)


def dataset_summary(frame: pd.DataFrame) -> dict[str, str]:
    """Rows, distinct areas and the periods of a tidy frame (for the 'active data' line)."""
    periods = sorted(frame["period"].dropna().astype(str).unique())
    n_areas = int(frame[["level", "area_code"]].drop_duplicates().shape[0])
    return {"n_rows": tc.fmt_number(len(frame)), "n_areas": tc.fmt_number(n_areas), "periods": ", ".join(periods)}


def file_line(entry: StoredFile) -> str:
    """'PC4 · 2016-2020 · 312 rijen, 298 gebieden · geladen 01-12-2026 10:00 · werkblad 'PC4'' of a loaded file."""
    parts = [", ".join(td.LEVEL_NAMES.get(level, level) for level in entry.levels) or tc.NO_DATA,
             ", ".join(entry.periods) or tc.NO_DATA,
             td.FILE_SIZE.format(n_rows=tc.fmt_number(entry.n_rows), n_areas=tc.fmt_number(entry.n_areas)),
             td.FILE_LOADED.format(loaded_at=entry.loaded_at)]
    if entry.sheet:
        parts.append(td.FILE_SHEET.format(sheet=entry.sheet))
    return " · ".join(parts)


def file_title(entry: StoredFile) -> str:
    """The heading of a loaded file in the list: its name."""
    return entry.filename


def skipped_text(table: RawTable, *, n: int = 4) -> str:
    """The title and footnote lines a table skipped, as "rij 1: 'Perinatale kerncijfers'; rij 14: 'Bron: ...'"."""
    shown = [td.SKIPPED_LINE.format(row=row, text=text[:80]) for row, text in table.skipped[:n]]
    return "; ".join(shown) + (f"; {td.SKIPPED_MORE.format(n=len(table.skipped) - n)}" if len(table.skipped) > n else "")


def indicator_label(key: tuple[str, str]) -> str:
    """'Big2 (%)' for a long-format indicator and its unit."""
    return records.indicator_label(key)


def role_label(role: str) -> str:
    """Dutch label of a column meaning ('Big2, percentage (%)')."""
    return td.ROLE_LABELS.get(role, role)


def column_examples(table: RawTable, column: int, *, n: int = 4) -> str:
    """A few distinct cells of a column as the file writes them ('15,3 · 14,8 · <10')."""
    values = [str(v).strip() for v in table.body[column].tolist() if v is not None and str(v).strip()]
    shown = list(dict.fromkeys(values))[:n]
    return td.EXAMPLES.format(values=" · ".join(shown)) if shown else td.EXAMPLES_NONE


def uses_variant(mapping: Mapping, group: str) -> bool:
    """Whether a mapping holds a count or rate of the 'big2' group (Big2, preterm, SGA) or of 'mortality'."""
    roles = set(mapping.roles) | {r for _, r in mapping.indicators}
    events = {event_of(r) for r in roles} - {None}
    return bool(events & set(ps.MORTALITY_COLUMNS)) if group == "mortality" else bool(events - set(
        ps.MORTALITY_COLUMNS))


def weeks_labels(group: str) -> dict[int, str]:
    """Labels of the weeks a file of the 'big2' or 'mortality' group may count from; the definition's own marked."""
    standard = definition_weeks()[0 if group == "big2" else 1]
    return {w: (td.VARIANT_STANDARD if w == standard else td.VARIANT_WEEKS).format(weeks=w) for w in ps.WEEKS}


def check_lines(result: LoadResult) -> list[str]:
    """What the check found, in short lines: rows and areas, derived counts, hidden cells, the definition."""
    if result.frame is None:
        return []
    frame = result.frame
    summary = dataset_summary(frame)
    levels = ", ".join(td.LEVEL_NAMES[level] for level in ps.LEVELS if (frame["level"] == level).any())
    lines = [td.CHECK_ROWS.format(levels=levels, **summary)]
    derived = [tp.COLUMN_LABELS[e] for e in ps.EVENT_COLUMNS if frame[ps.derived_column(e)].any()]
    if derived:
        lines.append(td.CHECK_DERIVED.format(events=", ".join(derived)))
    hidden = {c: frame[ps.censored_column(c)].dropna() for c in ps.COUNT_COLUMNS}
    n_hidden = sum(len(v) for v in hidden.values())
    if n_hidden:
        labels = sorted({str(v) for values in hidden.values() for v in values if str(v)})
        shown = td.CHECK_HIDDEN_LABELS.format(labels=", ".join(labels[:4])) if labels else ""
        lines.append(td.CHECK_HIDDEN.format(n=tc.fmt_number(n_hidden), labels=shown))
    if result.mapping is not None:
        lines.append(td.CHECK_VARIANT.format(big2=result.mapping.big2_weeks, mortality=result.mapping.mortality_weeks))
    return lines
