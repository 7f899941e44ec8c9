"""Dutch display tables, download frames, tiles and explanations for perinatal frames (formatting only).

Downloads (:func:`export_frame`) carry the same rows as the chart/table they belong to, Dutch headers,
numbers as numbers, a 'bron' column and a 'synthetisch voorbeeld' column saying 'ja' on synthetic rows;
``export.to_csv_bytes`` (via ``ui.blocks.csv_download``) writes them in Dutch or international notation.
"""

from __future__ import annotations

import html

import pandas as pd

from ks_data.perinatal import dataset as perinatal
from ks_data.core.colours import COMPARISON_COLOURS
from ks_data.core.export import neutralise_formulas, to_csv_bytes
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


def ci_text(row: pd.Series | dict, *, decimals: int = 1) -> str:
    """'95%-BI (Wilson) 14,1 – 16,5%, n = 1.234' for a rates row; the suppression reason when suppressed."""
    if bool(row.get("suppressed")):
        return tp.SUPPRESSED_WHY.format(reason=row.get("suppression_reason", ""))
    return tp.CI_TEMPLATE.format(level=100 * float(row.get("ci_level", 0.95)), method=row.get("method", ""),
                                 range=ci_range(row.get("lower"), row.get("upper"), unit=row.get("unit", "%"),
                                                decimals=decimals), n=tc.fmt_number(row.get("denominator")))


def _text_colour(background: str) -> str:
    red, green, blue = (int(background[i:i + 2], 16) for i in (1, 3, 5))
    return "#000000" if 0.299 * red + 0.587 * green + 0.114 * blue > 150 else "#FFFFFF"


def badge_html(category: str) -> str:
    """A coloured label (colour-blind-safe colour plus the Dutch text) for a comparison category.

    >>> "ongunstiger dan Nederland" in badge_html("worse")
    True
    """
    colour = COMPARISON_COLOURS.get(category, COMPARISON_COLOURS["not_compared"])
    label = html.escape(tp.COMPARISON_LABELS.get(category, category))
    return (f'<span class="ks-badge" style="background:{colour};color:{_text_colour(colour)};padding:.15em .6em;'
            f'border-radius:.8em;font-weight:600;display:inline-block">{label}</span>')


def _labels(row: pd.Series | dict) -> tuple[str, str]:
    """Numerator and denominator label (teller, noemer) of the indicator of a rates row."""
    try:
        ind = perinatal.indicator(str(row.get("indicator_id")))
    except perinatal.UnknownIndicator:
        return str(row.get("numerator_label", "")), tp.TOOLTIP_N
    return ind.numerator_label, ind.denominator_label


def tile_explanation(row: pd.Series | dict, *, source: str = "") -> str:
    """The full explanation of a tile's number (its tooltip): definition, teller/noemer, period, sources."""
    numerator, denominator = _labels(row)
    text = tp.TILE_TOOLTIP.format(title=row.get("title", row.get("short_title", "")),
                                  definition=row.get("definition", ""), variant=row.get("variant", ""),
                                  numerator=numerator, denominator=denominator, period=row.get("period", ""),
                                  source=source or tc.NO_DATA, definition_source=row.get("indicator_source", ""))
    return f"{text} {tc.SYNTHETIC_LABEL.capitalize()}." if bool(row.get("is_synthetic")) else text


def tile_html(row: pd.Series | dict, *, source: str = "", decimals: int = 1) -> str:
    """One indicator tile: title, local rate, CI line, count, national value, comparison badge (colour and
    text), and what the number is: teller/noemer and period on the tile, the full definition and the
    sources as its tooltip; synthetic rows are labelled 'synthetisch voorbeeld'."""
    unit = row.get("unit", "%")
    value = tp.SUPPRESSED_MARK if bool(row.get("suppressed")) else tc.fmt_value(row.get("value"), unit=unit,
                                                                                 decimals=decimals)
    if pd.isna(row.get("numerator")) and pd.isna(row.get("denominator")):
        count = tp.TILE_COUNT_HIDDEN
    else:
        count = tp.TILE_COUNT.format(count=tc.fmt_number(row.get("numerator")), n=tc.fmt_number(row.get("denominator")))
    national = tp.TILE_NATIONAL.format(value=tc.fmt_value(row.get("national_value"), unit=unit, decimals=decimals))
    numerator, denominator = _labels(row)
    definition = tp.TILE_DEFINITION.format(numerator=numerator, denominator=denominator, period=row.get("period", ""))
    synthetic = (f'<div class="ks-tile-synthetic" style="font-size:.8rem;font-style:italic">'
                 f'{html.escape(tc.SYNTHETIC_LABEL)}</div>') if bool(row.get("is_synthetic")) else ""
    title = html.escape(tile_explanation(row, source=source), quote=True)
    return (
        f'<div class="ks-perinatal-tile" title="{title}" '
        f'style="border:1px solid #ccc;border-radius:.5em;padding:.7em">'
        f'<div style="font-weight:600;min-height:2.6em">{html.escape(str(row.get("short_title", "")))}</div>'
        f'<div class="ks-tile-value">{html.escape(value)}</div>'
        f'<div style="font-size:.85rem;color:#444">{html.escape(ci_text(row, decimals=decimals))}</div>'
        f'<div style="font-size:.9rem">{html.escape(count)}</div>'
        f'<div style="font-size:.9rem">{html.escape(national)}</div>'
        f'<div style="margin-top:.4em">{badge_html(str(row.get("comparison", "not_compared")))}</div>'
        f'<div class="ks-tile-definition" style="font-size:.8rem;color:#444;margin-top:.4em">'
        f'{html.escape(definition)}</div>'
        f'<div style="font-size:.8rem;color:#555">{html.escape(str(row.get("variant", "")))}</div>'
        f'{synthetic}</div>'
    )


def _preview_rows(frame: pd.DataFrame, rows: int, shown) -> pd.DataFrame:
    """The first ``rows`` rows with every count passed through ``shown`` (counts below 10 masked)."""
    from ks_data.perinatal.schema import COUNT_COLUMNS
    from ks_data.core.stats import MIN_COUNT

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
    from ks_data.perinatal.schema import COLUMNS

    rows = [{"column": tp.COLUMN_LABELS.get(s.name, s.name), "required": tp.SCHEMA_REQUIRED[s.required],
             "aliases": ", ".join(s.aliases)} for s in COLUMNS if s.aliases]
    return pd.DataFrame(rows).rename(columns=tp.SCHEMA_COLUMNS)


def dataset_summary(frame: pd.DataFrame) -> dict:
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


def tiles_html(frame: pd.DataFrame, *, source: str = "", decimals: int = 1) -> str:
    """All indicator tiles in a responsive grid (wraps on narrow screens); ``source`` is the data source."""
    tiles = "".join(tile_html(row, source=source, decimals=decimals) for _, row in frame.iterrows())
    return (f'<div class="ks-perinatal-tiles" style="display:grid;gap:.8em;'
            f'grid-template-columns:repeat(auto-fit,minmax(210px,1fr))">{tiles}</div>')


def sources_text(frame: pd.DataFrame) -> str:
    """The distinct definition sources of the indicators in ``frame``, joined by '; '."""
    return "; ".join(dict.fromkeys(frame["indicator_source"].dropna().astype(str)))


def peers_note(peers: pd.DataFrame, *, name: str) -> str:
    """Caption above the peer chart: how many similar gemeenten are shown."""
    return tp.PEERS_NOTE.format(n=int((~peers["is_own"].astype(bool)).sum()), name=name)


def spine_note(name: str) -> list[str]:
    """Subtitle lines of the spine chart."""
    return [line.format(name=name) for line in tp.SPINE_NOTE]


# --- explanations and text alternatives of the profile charts ---------------------------------------------
def rate_explanation(indicator_id: str, *, period: str) -> str:
    """'Teller: …; noemer: …; waarde = teller / noemer × 100 (%). Periode 2016-2020.' for one indicator."""
    ind = perinatal.indicator(indicator_id)
    return tp.EXPLAIN_RATE.format(title=ind.short_title, numerator=ind.numerator_label,
                                  denominator=ind.denominator_label, multiplier=ind.multiplier, unit=ind.unit,
                                  period=period)


def spine_explanation(spine: pd.DataFrame, *, period: str) -> str:
    """Teller/noemer of every indicator in the spine chart, and its period."""
    parts = []
    for indicator_id in spine["indicator_id"]:
        ind = perinatal.indicator(str(indicator_id))
        parts.append(tp.EXPLAIN_PART.format(title=ind.short_title, numerator=ind.numerator_label,
                                            denominator=ind.denominator_label))
    return tp.EXPLAIN_SPINE.format(period=period, parts="; ".join(parts))


def periods_text(trend: pd.DataFrame) -> str:
    """'2016-2018 tot en met 2018-2020' for the periods of a trend frame."""
    periods = list(dict.fromkeys(trend["period"].astype(str)))
    return tp.PERIODS_RANGE.format(first=periods[0], last=periods[-1]) if len(periods) > 1 else periods[0]


def spine_alt(spine: pd.DataFrame, *, name: str, period: str) -> str:
    """Alt text (Dutch) of the spine chart."""
    return tp.ALT_SPINE.format(name=name, period=period, n=len(spine),
                               indicators=", ".join(spine["short_title"].astype(str)))


def trend_alt(trend: pd.DataFrame, *, indicator: str, name: str) -> str:
    """Alt text (Dutch) of the trend chart."""
    return tp.ALT_TREND.format(indicator=indicator, name=name, periods=periods_text(trend))


def peers_alt(peers: pd.DataFrame, *, indicator: str, name: str, period: str) -> str:
    """Alt text (Dutch) of the peer (forest) chart."""
    return tp.ALT_PEERS.format(indicator=indicator, name=name, period=period,
                               n=int((~peers["is_own"].astype(bool)).sum()))
