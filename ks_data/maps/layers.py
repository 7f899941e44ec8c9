"""The two layers of the map page (national gemeenten, PC4 of one gemeente) composed from shapes and rates.

Pure functions: the page passes cached shapes/rates in and gets back a ``Layer`` (GeoDataFrame for
``ks_data.maps.folium_map``, legend items and a display table), so ``app_pages/map.py`` does no frame arithmetic.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import pandas as pd

from ks_data.geo import cache as geo
from ks_data.maps import values as mv
from ks_data.texts import maps as tm

if TYPE_CHECKING:
    import geopandas as gpd

_GEMEENTE_CODE = re.compile(r"\b(GM\d{4})\b")


@dataclass(frozen=True)
class IndicatorFormat:
    """How an indicator's values are shown (from ks_data.perinatal.dataset.PerinatalIndicator)."""

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


def empty_rates() -> pd.DataFrame:
    """A rates frame with the area_rates columns and no rows (no data available)."""
    return pd.DataFrame(columns=list(mv.RATE_COLUMNS))


def _finish(frame: gpd.GeoDataFrame, *, mode: str, fmt: IndicatorFormat, breaks, with_code: bool = True) -> Layer:
    legend = mv.legend_items(frame, mode=mode, unit=fmt.unit, decimals=fmt.decimals, breaks=breaks)
    table = mv.area_table(frame, unit=fmt.unit, decimals=fmt.decimals, with_code=with_code)
    synthetic = bool(frame["is_synthetic"].fillna(False).astype(bool).any())
    sources = [s for s in frame["source"].dropna().astype(str).unique() if s]
    data = mv.export_table(frame, unit=fmt.unit, with_code=with_code)
    return Layer(frame, legend, table, synthetic, "; ".join(sources), data)


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
    """Gemeenten of boundary ``year`` coloured by ``rates`` (keyed to 2021 codes).

    For year 2023 the rates are moved to the 2023 division with ``map_values.transfer_to_2023``; the
    selected 2021 gemeente is outlined on its 2023 successor.
    """
    values = rates
    if year != geo.DATA_YEAR and len(rates):
        values = mv.transfer_to_2023(rates, mapping, multiplier=fmt.multiplier, polarity=fmt.polarity)
    selected = shown_code(selected_2021, year=year, mapping=mapping)
    has_value = ~values["suppressed"].astype("boolean").fillna(False).astype(bool) if len(values) else None
    breaks = mv.quantile_breaks(values.loc[has_value, "value"], decimals=fmt.decimals) if len(values) else []
    frame = mv.layer_frame(shapes, values, key="gemeentecode", name_column="gemeentenaam", mode=mode,
                           unit=fmt.unit, decimals=fmt.decimals, breaks=breaks, selected=selected)
    frame["tooltip"] = [t.replace("</b>", f"</b> ({code})", 1) for t, code in zip(frame["tooltip"], frame["area_code"])]
    return _finish(frame, mode=mode, fmt=fmt, breaks=breaks)


def shown_code(code_2021: str | None, *, year: int, mapping: pd.DataFrame) -> str | None:
    """The gemeente on the map of boundary ``year`` that holds the 2021 gemeente ``code_2021``.

    >>> m = pd.DataFrame({"gemeentecode_2021": ["GM0398"], "gemeentecode_2023": ["GM1980"]})
    >>> shown_code("GM0398", year=2023, mapping=m), shown_code("GM0398", year=2021, mapping=m)
    ('GM1980', 'GM0398')
    """
    if not code_2021 or year == geo.DATA_YEAR:
        return code_2021
    hit = mapping.loc[mapping["gemeentecode_2021"] == code_2021, "gemeentecode_2023"]
    return str(hit.iloc[0]) if len(hit) else None


def selected_outline(shapes: gpd.GeoDataFrame, *, year: int, mapping: pd.DataFrame,
                     selected_2021: str | None) -> gpd.GeoDataFrame:
    """The polygon(s) to outline for the selected 2021 gemeente on the map of boundary ``year`` (may be empty)."""
    code = shown_code(selected_2021, year=year, mapping=mapping)
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
    return _finish(frame, mode=mode, fmt=fmt, breaks=breaks, with_code=False)


def clicked_gemeente(tooltip_text: str | None) -> str | None:
    """The gemeente code shown in a clicked tooltip ('Amsterdam (GM0363) ...'), or None.

    >>> clicked_gemeente("Amsterdam (GM0363) Waarde: 7,1%")
    'GM0363'
    >>> clicked_gemeente(None) is None
    True
    """
    match = _GEMEENTE_CODE.search(tooltip_text or "")
    return match.group(1) if match else None


def data_codes_for(code: str, *, year: int, mapping: pd.DataFrame) -> list[str]:
    """The 2021 (data) gemeente codes behind a clicked gemeente of boundary ``year``, largest first.

    >>> m = pd.DataFrame({"gemeentecode_2021": ["GM0398", "GM0416", "GM0363"],
    ...                   "gemeentecode_2023": ["GM1980", "GM1980", "GM0363"]})
    >>> data_codes_for("GM1980", year=2023, mapping=m)
    ['GM0398', 'GM0416']
    >>> data_codes_for("GM0363", year=2021, mapping=m)
    ['GM0363']
    """
    if year == geo.DATA_YEAR:
        return [code]
    parts = mapping.loc[mapping["gemeentecode_2023"] == code, "gemeentecode_2021"].tolist()
    if code in parts:  # the continuing gemeente first (Amsterdam before Weesp)
        parts.remove(code)
        parts.insert(0, code)
    return parts


def explanation(indicator, *, period: str, data_source: str) -> str:
    """Dutch caption explaining the mapped number: definition, teller/noemer, unit, period and sources.

    ``indicator`` is a ks_data.perinatal.dataset.PerinatalIndicator (or anything with those attributes).
    """
    return tm.EXPLAIN.format(title=indicator.title, definition=indicator.definition,
                             numerator=indicator.numerator_label, denominator=indicator.denominator_label,
                             unit=indicator.unit, period=period, definition_source=indicator.source,
                             data_source=data_source or "-")


def format_of(indicator) -> IndicatorFormat:
    """IndicatorFormat of a ks_data.perinatal.dataset.PerinatalIndicator (or anything with those attributes)."""
    return IndicatorFormat(indicator.short_title, indicator.unit, int(indicator.decimals),
                           float(indicator.multiplier), indicator.polarity)


NO_INDICATOR = IndicatorFormat("", "%", 1, 100.0)
