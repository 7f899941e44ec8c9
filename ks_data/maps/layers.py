"""The two layers of the map page (national gemeenten, PC4 of one gemeente) composed from shapes and rates.

Pure functions: the page passes cached shapes/rates in and gets back a ``Layer`` (GeoDataFrame for
``ks_data.maps.folium_map``, legend items and a display table), so ``app_pages/map.py`` does no frame
arithmetic. Every feature carries its code as data (``CODE_PROPERTY``): a click on the map returns the
clicked feature, and ``clicked_code`` reads the code from it. The 2021 <-> 2023 codes come from
``ks_data.geo.lookups``; rates keyed to 2021 are moved to the 2023 division here (``transfer_to_2023``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from ks_data.core.stats import compare, wilson_interval
from ks_data.geo import cache as geo
from ks_data.geo import lookups as geo_lookups
from ks_data.maps import values as mv
from ks_data.texts import common as tc
from ks_data.texts import maps as tm

if TYPE_CHECKING:
    import geopandas as gpd

    from ks_data.perinatal.indicators import PerinatalIndicator

# The feature property holding the area code (gemeentecode or pc4), as drawn by folium_map.area_map.
CODE_PROPERTY = "area_code"


@dataclass(frozen=True)
class IndicatorFormat:
    """How an indicator's values are shown (from ks_data.perinatal.indicators.PerinatalIndicator)."""

    title: str
    unit: str
    decimals: int
    multiplier: float
    polarity: str | None = None


@dataclass(frozen=True)
class Layer:
    """A map layer ready to draw: features (GeoDataFrame), legend items, screen table, synthetic flag,
    source, and ``data``: the same areas with numbers as numbers for the CSV download."""

    frame: gpd.GeoDataFrame
    legend: list[tuple[str, str]]
    table: pd.DataFrame
    is_synthetic: bool
    source: str
    data: pd.DataFrame = field(default_factory=pd.DataFrame)
    national: str = ""  # what the areas are compared with: 'Nederland: 15,0% (RIVM-monitor, 2020).'


def national_text(values: pd.DataFrame, *, fmt: IndicatorFormat) -> str:
    """'Nederland: 15,0% (RIVM-monitor, 2020).', or that there is no national value ('' without rates)."""
    if values.empty or "national_label" not in values.columns:
        return ""
    value, label = values["national_value"].iloc[0], str(values["national_label"].iloc[0] or "")
    if value is None or pd.isna(value):
        return tm.NATIONAL_NONE.format(label=label) if label else ""
    return tm.NATIONAL_REFERENCE.format(value=tc.fmt_value(value, unit=fmt.unit, decimals=fmt.decimals), label=label)


def empty_rates() -> pd.DataFrame:
    """A rates frame with the area_rates columns and no rows (no data available)."""
    return pd.DataFrame(columns=list(mv.RATE_COLUMNS))


def _finish(frame: gpd.GeoDataFrame, *, mode: str, fmt: IndicatorFormat, breaks, with_code: bool = True,
            rates: pd.DataFrame | None = None) -> Layer:
    legend = mv.legend_items(frame, mode=mode, unit=fmt.unit, decimals=fmt.decimals, breaks=breaks)
    table = mv.area_table(frame, unit=fmt.unit, decimals=fmt.decimals, with_code=with_code)
    synthetic = bool(frame["is_synthetic"].fillna(False).astype(bool).any())
    sources = [s for s in frame["source"].dropna().astype(str).unique() if s]
    data = mv.export_table(frame, unit=fmt.unit, with_code=with_code)
    national = national_text(rates, fmt=fmt) if rates is not None else ""
    return Layer(frame, legend, table, synthetic, "; ".join(sources), data, national)


def national_layer(
    shapes: gpd.GeoDataFrame,
    rates: pd.DataFrame,
    *,
    year: int,
    mapping: pd.DataFrame,
    fmt: IndicatorFormat,
    mode: str = mv.MODE_VALUE,
    selected_2021: str | None = None,
) -> Layer:
    """Gemeenten of boundary ``year`` coloured by ``rates`` (keyed to 2021 codes); tooltips name the code.

    For year 2023 the rates are moved to the 2023 division with ``transfer_to_2023``; the selected 2021
    gemeente is outlined on its 2023 successor.
    """
    values = rates
    if year != geo.DATA_YEAR and len(rates):
        values = transfer_to_2023(rates, mapping, multiplier=fmt.multiplier, polarity=fmt.polarity)
    selected = geo_lookups.code_on_map(selected_2021, year=year, mapping=mapping)
    has_value = ~values["suppressed"].astype("boolean").fillna(False).astype(bool) if len(values) else None
    breaks = mv.quantile_breaks(values.loc[has_value, "value"], decimals=fmt.decimals) if len(values) else []
    frame = mv.layer_frame(shapes, values, key="gemeentecode", name_column="gemeentenaam", mode=mode,
                           unit=fmt.unit, decimals=fmt.decimals, breaks=breaks, selected=selected, show_code=True)
    return _finish(frame, mode=mode, fmt=fmt, breaks=breaks, rates=rates)


def selected_outline(shapes: gpd.GeoDataFrame, *, year: int, mapping: pd.DataFrame,
                     selected_2021: str | None) -> gpd.GeoDataFrame:
    """The polygon(s) to outline for the selected 2021 gemeente on the map of boundary ``year`` (may be empty)."""
    code = geo_lookups.code_on_map(selected_2021, year=year, mapping=mapping)
    return shapes.loc[shapes["gemeentecode"] == code, ["gemeentecode", "geometry"]]


def pc4_layer(shapes: gpd.GeoDataFrame, rates: pd.DataFrame, *, fmt: IndicatorFormat, mode: str = mv.MODE_VALUE) -> Layer:
    """PC4 areas of one gemeente coloured by their own quantile classes (or the comparison)."""
    values = rates.copy()
    values["area_name"] = [tm.PC4_AREA_NAME.format(pc4=c) for c in values["area_code"]] if len(values) else []
    has_value = ~values["suppressed"].astype("boolean").fillna(False).astype(bool) if len(values) else None
    breaks = mv.quantile_breaks(values.loc[has_value, "value"], decimals=fmt.decimals) if len(values) else []
    named = shapes.assign(area_label=[tm.PC4_AREA_NAME.format(pc4=c) for c in shapes["pc4"]])
    frame = mv.layer_frame(named, values, key="pc4", name_column="area_label", mode=mode, unit=fmt.unit,
                           decimals=fmt.decimals, breaks=breaks)
    return _finish(frame, mode=mode, fmt=fmt, breaks=breaks, with_code=False, rates=rates)


def clicked_code(feature: dict | None) -> str | None:
    """The area code of a clicked map feature (the GeoJSON feature the map returns on a click), or None.

    >>> clicked_code({"type": "Feature", "properties": {"area_code": "GM0363", "area_name": "Amsterdam"}})
    'GM0363'
    >>> clicked_code(None) is None, clicked_code({"type": "Feature", "properties": {}}) is None
    (True, True)
    """
    code = ((feature or {}).get("properties") or {}).get(CODE_PROPERTY)
    return str(code) if code else None


def transfer_to_2023(rates: pd.DataFrame, mapping: pd.DataFrame, *, multiplier: float,
                     polarity: str | None = None) -> pd.DataFrame:
    """Gemeente rates keyed to 2021 codes, re-keyed to the 2023 division.

    A gemeente that continues keeps its row. A 2023 gemeente merged from several 2021 gemeenten gets
    the summed numerator/denominator (value = sum/sum * multiplier, Wilson interval) only when every
    part is present and unsuppressed; otherwise it is suppressed, so no suppressed part can be
    recovered from the total. Merged rows are compared with ``national_value`` (when ``rates`` has it
    and ``polarity`` is given, else ``not_compared``) and carry a ``parts`` note.

    Returns the rate columns plus ``parts`` (str, '' for unchanged gemeenten).
    """
    joined = mapping.merge(rates, left_on="gemeentecode_2021", right_on="area_code", how="left")
    rows = []
    for code, group in joined.groupby("gemeentecode_2023", sort=True):
        if len(group) == 1 and group["gemeentecode_2021"].iloc[0] == code:
            row = group.iloc[0]
            if pd.isna(row["area_code"]):
                continue
            rows.append({**{c: row.get(c) for c in mv.RATE_COLUMNS}, "parts": ""})
            continue
        row = _merged_row(code, group, multiplier=multiplier)
        national = group["national_value"].dropna() if "national_value" in group else pd.Series(dtype=float)
        if polarity and not row["suppressed"] and len(national):
            row["comparison"] = compare(row["lower"], row["upper"], float(national.iloc[0]), polarity=polarity)
        rows.append(row)
    out = pd.DataFrame(rows, columns=[*mv.RATE_COLUMNS, "parts"])
    return out.astype({"suppressed": bool, "is_synthetic": bool}) if len(out) else out


def _merged_row(code: str, group: pd.DataFrame, *, multiplier: float) -> dict:
    present = group.dropna(subset=["area_code"])
    names = [str(n) for n in present["area_name"]]
    first = present.iloc[0] if len(present) else group.iloc[0]
    complete = len(present) == len(group) and not present["suppressed"].astype(bool).any()
    complete = complete and present["numerator"].notna().all() and present["denominator"].notna().all()
    row = {
        "area_code": code,
        "area_name": group["gemeentenaam_2023"].iloc[0],
        "period": first.get("period"),
        "numerator": np.nan, "denominator": np.nan, "value": np.nan, "lower": np.nan, "upper": np.nan,
        "suppressed": True,
        "suppression_reason": tm.MERGED_SUPPRESSED,
        "comparison": "not_compared",
        "is_synthetic": bool(present["is_synthetic"].astype(bool).any()) if len(present) else False,
        "source": first.get("source", ""),
        "parts": ", ".join(names),
        "derived": bool(present["derived"].fillna(False).astype(bool).any()) if "derived" in present else False,
        "national_value": first.get("national_value"), "national_label": first.get("national_label"),
    }
    if complete and len(present):
        events, n = float(present["numerator"].sum()), float(present["denominator"].sum())
        if n > 0:
            lower, upper = wilson_interval(int(events), int(n))
            row.update(numerator=events, denominator=n, value=events / n * multiplier,
                       lower=lower * multiplier, upper=upper * multiplier, suppressed=False,
                       suppression_reason="")
    return row


def explanation(indicator: PerinatalIndicator, *, period: str, data_source: str) -> str:
    """Dutch caption explaining the mapped number: definition, teller/noemer, unit, period and sources."""
    return tm.EXPLAIN.format(title=indicator.title, definition=indicator.definition,
                             numerator=indicator.numerator_label, denominator=indicator.denominator_label,
                             unit=indicator.unit, period=period, definition_source=indicator.source,
                             data_source=data_source or "-")


def format_of(indicator: PerinatalIndicator) -> IndicatorFormat:
    """IndicatorFormat of a perinatal indicator (or anything with those attributes)."""
    return IndicatorFormat(indicator.short_title, indicator.unit, int(indicator.decimals),
                           float(indicator.multiplier), indicator.polarity)


NO_INDICATOR = IndicatorFormat("", "%", 1, 100.0)
