"""What a map layer shows per area: rates joined to polygons, colour classes, tooltips, legend and tables.

Input rates have the columns of ``ks_data.perinatal.rates.area_rates``: area_code, area_name, level,
indicator_id, period, numerator, denominator, value, lower, upper, suppressed, suppression_reason,
comparison, is_synthetic, source. ``ks_data.maps.layers`` composes these into the two layers of the map page.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from ks_data.core.colours import COMPARISON_COLOURS, NO_DATA_COLOUR, SEQUENTIAL
from ks_data.texts import common as tc
from ks_data.texts import maps as tm

if TYPE_CHECKING:
    import geopandas as gpd

MODE_VALUE = "value"
MODE_COMPARISON = "comparison"
# Values of the page's ?kleur= URL parameter -> colour mode.
MODE_BY_PARAM = {"waarde": MODE_VALUE, "vergelijking": MODE_COMPARISON}
# Legend order of the comparison categories (colours: core.colours.COMPARISON_COLOURS).
COMPARISON_ORDER = ("better", "similar", "worse", "higher", "lower", "not_compared")
RATE_COLUMNS = ("area_code", "area_name", "period", "numerator", "denominator", "value", "lower", "upper",
                "suppressed", "suppression_reason", "comparison", "is_synthetic", "source", "derived",
                "national_value", "national_label")


def quantile_breaks(values: pd.Series, *, classes: int = 5, decimals: int = 1) -> list[float]:
    """Class edges (lowest..highest) with about equal numbers of areas per class, rounded for display.

    >>> quantile_breaks(pd.Series([1.0, 2.0, 3.0, 4.0, 5.0, 6.0]), classes=2)
    [1.0, 3.5, 6.0]
    """
    clean = pd.to_numeric(values, errors="coerce").dropna()
    if clean.empty:
        return []
    edges = np.quantile(clean, np.linspace(0, 1, classes + 1))
    return sorted(set(float(round(e, decimals)) for e in edges))


def class_index(values: pd.Series, breaks: Sequence[float]) -> pd.Series:
    """Class number (0-based) per value for ``breaks`` from quantile_breaks; -1 when missing."""
    numeric = pd.to_numeric(values, errors="coerce")
    if len(breaks) < 2:
        return pd.Series(np.where(numeric.notna(), 0, -1), index=values.index)
    inner = np.asarray(breaks[1:-1])
    idx = np.searchsorted(inner, numeric.to_numpy(dtype=float), side="right")
    return pd.Series(np.where(numeric.notna(), idx, -1), index=values.index)


def _palette(n_classes: int) -> tuple[str, ...]:
    if n_classes >= len(SEQUENTIAL):
        return SEQUENTIAL
    picks = np.linspace(0, len(SEQUENTIAL) - 1, max(n_classes, 1)).round().astype(int)
    return tuple(SEQUENTIAL[i] for i in picks)


def _fmt(value: float, unit: str, decimals: int) -> str:
    return tc.fmt_value(value, unit=unit, decimals=decimals)


def _tooltip(row: pd.Series, *, unit: str, decimals: int, show_code: bool = False) -> str:
    name = html.escape(str(row["area_name"]))
    lines = [f"<b>{name}</b> ({html.escape(str(row['area_code']))})" if show_code else f"<b>{name}</b>"]
    if row["no_data"]:
        reason = row.get("suppression_reason") or tm.NO_DATA_REASON
        lines.append(f"{tm.TT_NO_DATA}: {html.escape(str(reason))}")
    else:
        interval = ""
        if pd.notna(row.get("lower")) and pd.notna(row.get("upper")):
            interval = f" ({tm.TT_INTERVAL} {_fmt(row['lower'], unit, decimals)} – {_fmt(row['upper'], unit, decimals)})"
        lines.append(f"{tm.TT_VALUE}: {_fmt(row['value'], unit, decimals)}{interval}")
        lines.append(f"{tm.TT_N}: {tc.fmt_number(row['denominator'])}")
        if _is_derived(row):
            lines.append(f"{tm.TT_COUNT}: {tc.fmt_number(row['numerator'])} ({html.escape(tm.DERIVED)})")
        comparison = row.get("comparison")
        if isinstance(comparison, str) and comparison != "not_compared":
            lines.append(f"{tm.TT_COMPARISON}: {tm.COMPARISON_LABELS.get(comparison, comparison)}")
    if pd.notna(row.get("period")) and str(row.get("period")):
        lines.append(f"{tm.TT_PERIOD}: {html.escape(str(row['period']))}")
    if row.get("parts"):
        lines.append(f"{tm.TT_PARTS.format(data_year=2021)}: {html.escape(str(row['parts']))}")
    if bool(row.get("is_synthetic")):
        lines.append(f"<i>{tm.TT_SYNTHETIC}</i>")
    return "<br>".join(lines)


def _flag(value: object) -> bool:
    """A boolean cell that may be missing (areas without figures): missing is False."""
    return False if value is None or pd.isna(value) else bool(value)


def _is_derived(row: pd.Series | dict) -> bool:
    """Whether a shown row's count was derived from a published rate (``derived``)."""
    return _flag(row.get("derived")) and not _flag(row.get("no_data")) and pd.notna(row.get("numerator"))


def layer_frame(
    shapes: gpd.GeoDataFrame,
    values: pd.DataFrame,
    *,
    key: str,
    name_column: str | None = None,
    mode: str = MODE_VALUE,
    unit: str,
    decimals: int,
    breaks: Sequence[float] | None = None,
    selected: str | None = None,
    show_code: bool = False,
) -> gpd.GeoDataFrame:
    """Shapes joined to values, with the ``area_code``, ``area_name``, ``fill``, ``no_data``,
    ``selected`` and ``tooltip`` columns that ``ks_data.maps.folium_map.area_map`` draws.

    Args:
        shapes: GeoDataFrame with column ``key`` (gemeentecode or pc4).
        name_column: column of ``shapes`` holding the area name (else ``values.area_name``, else the code).
        values: rates per area (``area_code`` matches ``shapes[key]``); may be empty.
        mode: MODE_VALUE (quantile classes, see ``breaks``) or MODE_COMPARISON (vs national value).
        breaks: class edges; computed from ``values`` when None.
        selected: area code drawn with a thick outline.
        show_code: the tooltip names the code after the area name ('Amsterdam (GM0363)').
    """
    base = shapes[[key, "geometry"] + ([name_column] if name_column else [])].rename(columns={key: "area_code"})
    wanted = [c for c in (*RATE_COLUMNS, "parts") if c in values.columns and not (name_column and c == "area_name")]
    vals = values[wanted]
    frame = base.merge(vals, on="area_code", how="left")
    if name_column:
        frame = frame.rename(columns={name_column: "area_name"})
    elif "area_name" not in frame.columns:
        frame["area_name"] = frame["area_code"]
    frame["area_name"] = frame["area_name"].fillna(frame["area_code"]).astype(str)
    for column in RATE_COLUMNS:
        if column not in frame.columns:
            frame[column] = np.nan
    suppressed = frame["suppressed"].astype("boolean").fillna(False).astype(bool)
    frame["no_data"] = suppressed | frame["value"].isna()
    frame.loc[frame["no_data"] & frame["suppression_reason"].isna(), "suppression_reason"] = tm.NO_DATA_REASON
    if mode == MODE_COMPARISON:
        colours = frame["comparison"].map(COMPARISON_COLOURS).fillna(COMPARISON_COLOURS["not_compared"])
    else:
        edges = list(breaks) if breaks is not None else quantile_breaks(frame.loc[~frame["no_data"], "value"],
                                                                        decimals=decimals)
        palette = _palette(max(len(edges) - 1, 1))
        idx = class_index(frame["value"].where(~frame["no_data"]), edges)
        colours = idx.map(lambda i: palette[min(i, len(palette) - 1)] if i >= 0 else NO_DATA_COLOUR)
    frame["fill"] = colours.where(~frame["no_data"], NO_DATA_COLOUR)
    frame["selected"] = frame["area_code"] == selected if selected else False
    frame["tooltip"] = [_tooltip(row, unit=unit, decimals=decimals, show_code=show_code)
                        for _, row in frame.iterrows()]
    return frame


def legend_items(frame: pd.DataFrame, *, mode: str, unit: str, decimals: int,
                 breaks: Sequence[float] | None = None) -> list[tuple]:
    """(colour, Dutch label) pairs for the legend drawn in Streamlit; the no-data entry last, with a
    third element True (dashed outline, as on the map)."""
    items: list[tuple] = []
    if mode == MODE_COMPARISON:
        present = set(frame.loc[~frame["no_data"], "comparison"].dropna())
        items = [(COMPARISON_COLOURS[c], tm.COMPARISON_LABELS[c]) for c in COMPARISON_ORDER if c in present]
    elif breaks is not None and len(breaks) >= 2:
        palette = _palette(len(breaks) - 1)
        items = [(palette[i], tm.LEGEND_CLASS.format(low=_fmt(lo, unit, decimals), high=_fmt(hi, unit, decimals)))
                 for i, (lo, hi) in enumerate(zip(breaks[:-1], breaks[1:]))]
    if frame["no_data"].any():
        items.append((NO_DATA_COLOUR, tm.LEGEND_NO_DATA, True))
    return items


def area_table(frame: pd.DataFrame, *, unit: str, decimals: int, with_code: bool = True) -> pd.DataFrame:
    """The areas of a layer as a Dutch display table (same values as the tooltips), sorted by name."""
    rows = frame.sort_values("area_name", key=lambda s: s.astype(str).str.lower())
    interval = [
        f"{_fmt(lo, unit, decimals)} – {_fmt(hi, unit, decimals)}" if pd.notna(lo) and pd.notna(hi) else ""
        for lo, hi in zip(rows["lower"], rows["upper"])
    ]
    note = [
        str(reason) if row["no_data"] else "; ".join(
            t for t in (tm.DERIVED if _is_derived(row) else "", tc.SYNTHETIC_LABEL if _flag(row["is_synthetic"]) else "")
            if t)
        for row, reason in zip(rows.to_dict("records"), rows["suppression_reason"])
    ]
    table = pd.DataFrame({
        tm.COL_AREA: rows["area_name"].astype(str).to_numpy(),
        tm.COL_CODE: rows["area_code"].astype(str).to_numpy(),
        tm.COL_VALUE: [_fmt(v, unit, decimals) if not nd else tm.VALUE_NOT_SHOWN
                       for v, nd in zip(rows["value"], rows["no_data"])],
        tm.COL_INTERVAL: interval,
        tm.COL_N: [tc.fmt_number(n) if not nd else "" for n, nd in zip(rows["denominator"], rows["no_data"])],
        tm.COL_COMPARISON: [tm.COMPARISON_LABELS.get(c, "") if isinstance(c, str) and not nd else ""
                            for c, nd in zip(rows["comparison"], rows["no_data"])],
        tm.COL_NOTE: note,
    })
    return table if with_code else table.drop(columns=[tm.COL_CODE])


def export_table(frame: pd.DataFrame, *, unit: str, with_code: bool = True) -> pd.DataFrame:
    """The areas of a layer for download: the figures behind map and table as numbers, Dutch column names.

    Suppressed areas keep their row (with the reason) but no figures, so nothing hidden on screen is
    exported.
    """
    rows = frame.sort_values("area_name", key=lambda s: s.astype(str).str.lower())
    shown = ~rows["no_data"].astype(bool)

    def numbers(column: str) -> pd.Series:
        return pd.to_numeric(rows[column], errors="coerce").where(shown).astype(float).to_numpy()

    suffix = f" ({unit})" if unit else ""
    table = pd.DataFrame({
        tm.COL_AREA: rows["area_name"].astype(str).to_numpy(),
        tm.COL_CODE: rows["area_code"].astype(str).to_numpy(),
        tm.COL_PERIOD: rows["period"].astype("string").fillna("").to_numpy(),
        tm.COL_NUMERATOR: numbers("numerator"),
        tm.COL_DENOMINATOR: numbers("denominator"),
        tm.COL_VALUE + suffix: numbers("value"),
        tm.COL_LOWER + suffix: numbers("lower"),
        tm.COL_UPPER + suffix: numbers("upper"),
        tm.COL_COMPARISON: [tm.COMPARISON_LABELS.get(c, "") if isinstance(c, str) and ok else ""
                            for c, ok in zip(rows["comparison"], shown)],
        tm.COL_NOTE: [str(r) if not ok else "" for r, ok in zip(rows["suppression_reason"], shown)],
    })
    derived = [tm.DERIVED if _is_derived(row) else "" for row in rows.to_dict("records")]
    if any(derived):
        table[tm.COL_DERIVED] = derived
    if "parts" in rows.columns and rows["parts"].fillna("").astype(str).str.len().gt(0).any():
        table[tm.COL_PARTS] = rows["parts"].fillna("").astype(str).to_numpy()
    return table if with_code else table.drop(columns=[tm.COL_CODE])
