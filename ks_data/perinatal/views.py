"""Dutch display tables and download frames of the profile's perinatal frames (formatting only).

Downloads (:func:`export_frame`) carry the same rows as the chart/table they belong to, Dutch headers,
numbers as numbers, a 'bron' column and a 'synthetisch voorbeeld' column saying 'ja' on synthetic rows;
``export.to_csv_bytes`` (via ``ui.blocks.csv_download``) writes them in Dutch or international notation.
Tiles are in ``perinatal.tiles``, chart captions and alt texts in ``perinatal.captions``.
"""

from __future__ import annotations

import pandas as pd

from ks_data.core.export import neutralise_formulas, to_csv_bytes
from ks_data.texts import common as tc
from ks_data.texts import perinatal as tp

# Which columns each view shows / exports (in order).
VIEWS: dict[str, list[str]] = {
    "overview": ["indicator", "period", "numerator", "derived", "denominator", "value", "lower", "upper",
                 "national_value", "national_label", "comparison", "suppression_reason", "unit", "definition"],
    "spine": ["indicator", "period", "value", "lower", "upper", "national_value", "national_label", "comparison",
              "suppression_reason", "unit", "g_min", "g_q25", "g_q75", "g_max"],
    "trend": ["area_name", "period", "numerator", "derived", "denominator", "value", "lower", "upper",
              "suppression_reason"],
    "peers": ["area_code", "area_name", "period", "numerator", "derived", "denominator", "value", "lower", "upper",
              "national_value", "comparison", "suppression_reason"],
    "pc4": ["area_code", "period", "numerator", "derived", "denominator", "value", "lower", "upper", "comparison",
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
    if "derived" in out.columns:  # 'afgeleid uit percentage' where a shown count came from a rate
        derived = out["derived"].fillna(False).astype(bool) & out["numerator"].notna() if "numerator" in out \
            else out["derived"].fillna(False).astype(bool)
        out["derived"] = derived.map({True: tp.DERIVED_LABEL, False: ""})
        if not derived.any():
            out = out.drop(columns=["derived"])
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
    codes = frame["suppression_code"] if "suppression_code" in frame.columns else pd.Series(None, index=frame.index)
    if "value" in out.columns:
        out["value"] = [hidden_mark(c) if h else tc.fmt_value(v, unit=u, decimals=decimals)
                        for v, u, h, c in zip(out["value"].tolist(), units.tolist(), hidden.tolist(), codes.tolist())]
    if "lower" in out.columns and "upper" in out.columns:
        out["ci"] = [tc.NO_DATA if h else ci_range(lo, up, unit=u, decimals=decimals) for lo, up, u, h in
                     zip(out["lower"].tolist(), out["upper"].tolist(), units.tolist(), hidden.tolist())]
        out.insert(list(out.columns).index("lower"), "ci", out.pop("ci"))
    labels = frame["national_label"] if "national_label" in frame.columns else pd.Series("", index=frame.index)
    if "national_value" in out.columns:  # one cell on screen: '15,0% (RIVM-monitor, 2020)'
        out["national_value"] = [_national(v, label, unit=u, decimals=decimals) for v, label, u in
                                 zip(out["national_value"].tolist(), labels.tolist(), units.tolist())]
        out = out.drop(columns=[c for c in ("national_label",) if c in out.columns])
    for column in ("g_min", "g_q25", "g_q75", "g_max"):
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


def _national(value: object, label: object, *, unit: str, decimals: int) -> str:
    """The national reference in one cell: '15,0% (RIVM-monitor, 2020)', or what there is instead of a value."""
    label = "" if label is None or pd.isna(label) else str(label)
    if value is None or pd.isna(value):
        return label or tc.fmt_value(None, unit=unit)
    shown = tc.fmt_value(value, unit=unit, decimals=decimals)
    return f"{shown} ({label})" if label else shown


def hidden_mark(code: object) -> str:
    """What a hidden value reads on screen: 'afgeschermd in de bron' when the file hid it, else 'afgeschermd'.

    >>> hidden_mark("source"), hidden_mark("few_events")
    ('afgeschermd in de bron', 'afgeschermd')
    """
    return tp.HIDDEN_IN_SOURCE if code in ("source", "source_births") else tp.SUPPRESSED_MARK


def ci_range(lower: object, upper: object, *, unit: str, decimals: int = 1) -> str:
    """'14,1 – 16,5%' or '5,4 – 7,6 per 1000' (unit once, after the upper bound).

    >>> ci_range(5.44, 7.61, unit="per 1000"), ci_range(14.06, 16.5, unit="%")
    ('5,4 – 7,6 per 1000', '14,1 – 16,5%')
    """
    return f"{tc.fmt_number(lower, decimals=decimals)} – {tc.fmt_value(upper, unit=unit, decimals=decimals)}"


def file_name(view: str, *, synthetic: bool, **fields: str) -> str:
    """Download file name for a view; synthetic data get the prefix 'synthetisch_voorbeeld_'.

    >>> file_name("pc4", synthetic=True, indicator="big2", code="GM0363", period="2016-2020")
    'synthetisch_voorbeeld_pc4_big2_GM0363_2016-2020.csv'
    """
    name = tp.FILE_NAMES[view].format(**fields)
    return f"{tp.SYNTHETIC_FILE_PREFIX}{name}" if synthetic else name


def period_order(periods: list[str]) -> list[str]:
    """The period picker's order: pooled periods first (latest end, then longest), then single years (latest first).

    >>> period_order(["2016", "2016-2018", "2020", "2016-2020", "2018-2020"])
    ['2016-2020', '2018-2020', '2016-2018', '2020', '2016']
    """
    def spans(period: str) -> tuple[int, int]:
        first, _, last = str(period).partition("-")
        return int(first), int(last or first)

    pooled = [p for p in periods if "-" in str(p)]
    single = [p for p in periods if "-" not in str(p)]
    return (sorted(pooled, key=lambda p: (-spans(p)[1], spans(p)[0])) + sorted(single, key=lambda p: -spans(p)[0]))
