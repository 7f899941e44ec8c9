"""Dutch display tables and download frames of perinatal frames (formatting only): profile views, preview.

Downloads (:func:`export_frame`) carry the same rows as the chart/table they belong to, Dutch headers,
numbers as numbers, a 'bron' column and a 'synthetisch voorbeeld' column saying 'ja' on synthetic rows;
``export.to_csv_bytes`` (via ``ui.blocks.csv_download``) writes them in Dutch or international notation.
Tiles are in ``perinatal.tiles``, chart captions and alt texts in ``perinatal.captions``.
"""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd

from ks_data.core.export import neutralise_formulas, to_csv_bytes
from ks_data.core.stats import MIN_COUNT
from ks_data.perinatal.schema import COLUMNS, COUNT_COLUMNS
from ks_data.texts import common as tc
from ks_data.texts import perinatal as tp

# Which columns each view shows / exports (in order).
VIEWS: dict[str, list[str]] = {
    "overview": ["indicator", "period", "numerator", "denominator", "value", "lower", "upper", "national_value",
                 "comparison", "suppression_reason", "unit", "definition"],
    "spine": ["indicator", "period", "value", "lower", "upper", "national_value", "comparison",
              "suppression_reason", "unit", "g_min", "g_q25", "g_q75", "g_max"],
    "trend": ["area_name", "period", "numerator", "denominator", "value", "lower", "upper", "suppression_reason"],
    "peers": ["area_code", "area_name", "period", "numerator", "denominator", "value", "lower", "upper",
              "national_value", "comparison", "suppression_reason"],
    "pc4": ["area_code", "period", "numerator", "denominator", "value", "lower", "upper", "comparison",
            "suppression_reason"],
}
_RATE_COLUMNS = ("value", "lower", "upper", "national_value", "g_min", "g_q25", "g_q75", "g_max")




def _prepare(frame: pd.DataFrame, view: str) -> pd.DataFrame:
    out = frame.copy()
    if "indicator" not in out.columns and "title" in out.columns:
        out["indicator"] = out["title"]
    if "definition" in out.columns and "variant" in out.columns:
        out["definition"] = out["definition"] + " (" + out["variant"] + ")"
    if "comparison" in out.columns:
        out["comparison"] = out["comparison"].map(tp.COMPARISON_LABELS).fillna("")
    if "area_name" in out.columns and "series" in out.columns:
        out["area_name"] = out["area_name"].where(out["series"] != "land", tp.SERIES_NATIONAL)
    return out[[c for c in VIEWS[view] if c in out.columns] + [c for c in ("source", "is_synthetic") if c in out]]


def export_frame(frame: pd.DataFrame, *, view: str) -> pd.DataFrame:
    """The data behind a chart/table for download: Dutch headers, rates rounded to 3 decimals, whole
    counts as integers, 'synthetisch voorbeeld' as ja/nee. Formula-like text is neutralised on writing."""
    out = _prepare(frame, view)
    if "is_synthetic" in out.columns:
        out["is_synthetic"] = out["is_synthetic"].astype(bool).map({True: "ja", False: "nee"})
    for column in _RATE_COLUMNS:
        if column in out.columns:
            out[column] = pd.to_numeric(out[column], errors="coerce").astype(float).round(3)
    for column in ("numerator", "denominator"):
        if column in out.columns:
            out[column] = pd.to_numeric(out[column], errors="coerce").round().astype("Int64")
    return out.rename(columns=tp.TABLE_COLUMNS).reset_index(drop=True)


def export_csv(frame: pd.DataFrame, *, view: str) -> bytes:
    """:func:`export_frame` as a Dutch CSV (';' separator, decimal comma, UTF-8 with BOM, formulas quoted)."""
    return to_csv_bytes(export_frame(frame, view=view), dutch=True)


def display(frame: pd.DataFrame, *, view: str, decimals: int = 1) -> pd.DataFrame:
    """Formatted strings for the screen: '15,3%', '1.234', one '95%-BI' column, suppressed cells marked.

    Unlike the CSV export, the screen drops the separate lower/upper/unit/definition/source columns.
    """
    out = _prepare(frame, view)
    units = frame["unit"] if "unit" in frame.columns else pd.Series("%", index=frame.index)
    hidden = frame["suppressed"].astype(bool) if "suppressed" in frame.columns else pd.Series(False, index=frame.index)
    if "value" in out.columns:
        out["value"] = [tp.SUPPRESSED_MARK if h else tc.fmt_value(v, unit=u, decimals=decimals)
                        for v, u, h in zip(out["value"].tolist(), units.tolist(), hidden.tolist())]
    if "lower" in out.columns and "upper" in out.columns:
        out["ci"] = [tc.NO_DATA if h else ci_range(lo, up, unit=u, decimals=decimals) for lo, up, u, h in
                     zip(out["lower"].tolist(), out["upper"].tolist(), units.tolist(), hidden.tolist())]
        out.insert(list(out.columns).index("lower"), "ci", out.pop("ci"))
    for column in ("national_value", "g_min", "g_q25", "g_q75", "g_max"):
        if column in out.columns:
            out[column] = [tc.fmt_value(v, unit=u, decimals=decimals) for v, u in zip(out[column].tolist(),
                                                                                       units.tolist())]
    for column in ("numerator", "denominator"):
        if column in out.columns:
            out[column] = [tc.fmt_number(v) for v in out[column].tolist()]
    if "is_synthetic" in out.columns:
        out["is_synthetic"] = out["is_synthetic"].map({True: tc.SYNTHETIC_LABEL, False: ""})
        if not frame["is_synthetic"].astype(bool).any():
            out = out.drop(columns=["is_synthetic"])
    drop = ["lower", "upper", "unit", "source"] + (["period"] if view in ("pc4", "peers") else [])
    drop += [] if view == "overview" else ["definition"]
    out = out.drop(columns=[c for c in drop if c in out.columns]).rename(columns=tp.TABLE_COLUMNS)
    return neutralise_formulas(out)  # st.dataframe offers its own CSV download, which does not do this


def ci_range(lower: object, upper: object, *, unit: str, decimals: int = 1) -> str:
    """'14,1 – 16,5%' or '5,4 – 7,6 per 1000' (unit once, after the upper bound).

    >>> ci_range(5.44, 7.61, unit="per 1000"), ci_range(14.06, 16.5, unit="%")
    ('5,4 – 7,6 per 1000', '14,1 – 16,5%')
    """
    return f"{tc.fmt_number(lower, decimals=decimals)} – {tc.fmt_value(upper, unit=unit, decimals=decimals)}"


def _preview_rows(frame: pd.DataFrame, rows: int, shown: Callable[[object], object]) -> pd.DataFrame:
    """The first ``rows`` rows with every count passed through ``shown`` (counts below 10 masked)."""
    out = frame.head(rows).copy()
    for column in COUNT_COLUMNS:
        if column in out.columns:
            out[column] = pd.Series([tp.SUPPRESSED_MARK if pd.notna(v) and v < MIN_COUNT else shown(v)
                                     for v in out[column].tolist()], index=out.index, dtype=object)
    return out


def preview(frame: pd.DataFrame, *, rows: int = 20) -> pd.DataFrame:
    """The first ``rows`` rows of a tidy perinatal frame with counts below 10 shown as 'afgeschermd'."""
    out = _preview_rows(frame, rows, lambda v: tc.NO_DATA if pd.isna(v) else tc.fmt_number(v))
    out["is_synthetic"] = out["is_synthetic"].map({True: tc.SYNTHETIC_LABEL, False: ""})
    return neutralise_formulas(out.rename(columns={**tp.COLUMN_LABELS, **tp.TABLE_COLUMNS}))


def preview_export(frame: pd.DataFrame, *, rows: int = 20) -> pd.DataFrame:
    """The rows of :func:`preview` for download: counts as whole numbers (empty when unknown), counts
    below 10 still 'afgeschermd', 'synthetisch voorbeeld' as ja/nee."""
    out = _preview_rows(frame, rows, lambda v: None if pd.isna(v) else int(v))
    out["is_synthetic"] = out["is_synthetic"].astype(bool).map({True: "ja", False: "nee"})
    return out.rename(columns={**tp.COLUMN_LABELS, **tp.TABLE_COLUMNS}).reset_index(drop=True)


def schema_table() -> pd.DataFrame:
    """The documented column spec (Dutch): data item, required, recognised column names."""
    rows = [{"column": tp.COLUMN_LABELS.get(s.name, s.name), "required": tp.SCHEMA_REQUIRED[s.required],
             "aliases": ", ".join(s.aliases)} for s in COLUMNS if s.aliases]
    return pd.DataFrame(rows).rename(columns=tp.SCHEMA_COLUMNS)


def dataset_summary(frame: pd.DataFrame) -> dict[str, str]:
    """Rows, distinct areas and the periods of a tidy frame (for the 'active data' line)."""
    periods = sorted(frame["period"].dropna().astype(str).unique())
    n_areas = int(frame[["level", "area_code"]].drop_duplicates().shape[0])
    return {"n_rows": tc.fmt_number(len(frame)), "n_areas": tc.fmt_number(n_areas), "periods": ", ".join(periods)}


def file_name(view: str, *, synthetic: bool, **fields: str) -> str:
    """Download file name for a view; synthetic data get the prefix 'synthetisch_voorbeeld_'.

    >>> file_name("pc4", synthetic=True, indicator="big2", code="GM0363", period="2016-2020")
    'synthetisch_voorbeeld_pc4_big2_GM0363_2016-2020.csv'
    """
    name = tp.FILE_NAMES[view].format(**fields)
    return f"{tp.SYNTHETIC_FILE_PREFIX}{name}" if synthetic else name
