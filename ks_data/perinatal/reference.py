"""The national reference of a perinatal indicator, always named: the file's national row, else the sum of all
gemeenten when the file covers the country, else the bundled RIVM value for that indicator and year, else none.

The RIVM values come from the national catalogue (``data/indicator_values.csv`` via ``ks_data.national``);
which national series an indicator matches is its ``national_reference`` in ``data/perinatal_indicators.yaml``.
A bundled value is only used when the file counts from the same week of pregnancy as the definition.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pandas as pd

from ks_data import paths
from ks_data.core import stats
from ks_data.core.validation import DataFileError, UnknownIndicator
from ks_data.national.catalogue import VALUES_FILE, Catalogue, load_catalogue
from ks_data.perinatal import schema as ps
from ks_data.perinatal.counts import level_counts, level_rows
from ks_data.perinatal.dataset import PerinatalDataset, frame_of
from ks_data.perinatal.indicators import PerinatalIndicator, indicator
from ks_data.perinatal.periods import span
from ks_data.texts import perinatal as tp

ALL_GEMEENTEN_MIN = 300  # at least this many gemeenten with known counts: their sum counts as "Nederland"
BASES = ("land", "all", "rivm", "definition", "none")


@dataclass(frozen=True)
class Reference:
    """The national value of one indicator and period (indicator units) and what it is (``basis``, ``label``)."""

    value: float | None
    lower: float | None
    upper: float | None
    numerator: float | None
    denominator: float | None
    basis: str
    label: str


def exact_numerator(rows: pd.DataFrame, ind: PerinatalIndicator) -> pd.Series:
    """The numerator of each row: the published rate times the births where the count was derived from a rate
    (so a published 15,3% stays 15,3%), else the count."""
    rate = pd.to_numeric(rows.get(ps.rate_column(ind.numerator)), errors="coerce") if ps.rate_column(
        ind.numerator) in rows.columns else pd.Series(float("nan"), index=rows.index)
    births = pd.to_numeric(rows[ind.denominator], errors="coerce").astype(float)
    exact = rate.astype(float) * births
    return exact.where(exact.notna(), pd.to_numeric(rows[ind.numerator], errors="coerce").astype(float))


@lru_cache(maxsize=4)
def _catalogue(data_dir: str, stamp: int) -> Catalogue | None:
    try:
        return load_catalogue(Path(data_dir))
    except (DataFileError, OSError):
        return None


def rivm_value(ind: PerinatalIndicator, period: str) -> tuple[float, str] | None:
    """(value, year) of the bundled RIVM figure for ``ind`` in the latest year within ``period``, or None."""
    reference, bounds = ind.national_reference, span(period)
    if not reference or bounds is None:
        return None
    values_file = paths.DATA_DIR / VALUES_FILE
    stamp = values_file.stat().st_mtime_ns if values_file.is_file() else 0
    catalogue = _catalogue(str(paths.DATA_DIR), stamp)
    if catalogue is None:
        return None
    try:
        national = catalogue.get(reference["indicator"])
        values = catalogue.values_for(national.id, series=reference.get("series", national.main_series))
    except UnknownIndicator:
        return None
    within = values[(values["year"] >= bounds[0]) & (values["year"] <= bounds[1])].sort_values("year")
    if within.empty or national.unit != ind.unit:
        return None
    return float(within["value"].iloc[-1]), str(int(within["year"].iloc[-1]))


def data_weeks(data: PerinatalDataset | pd.DataFrame, ind: PerinatalIndicator, period: str) -> int:
    """From which week of pregnancy the rows of ``period`` (or its single years) count ``ind`` (most rows; rows
    without a stated variant count as the definition)."""
    frame = frame_of(data)
    column = ps.weeks_column(ind.numerator)
    if column not in frame.columns:
        return ind.from_weeks
    bounds = span(period) or (0, 0)
    inside = frame["period"].astype(str).isin([period, *[str(y) for y in range(bounds[0], bounds[1] + 1)]])
    weeks = pd.to_numeric(frame.loc[inside, column], errors="coerce").fillna(ind.from_weeks)
    return int(weeks.mode().iloc[0]) if len(weeks) else ind.from_weeks


def _proportion(num: float | None, den: float | None, ind: PerinatalIndicator, basis: str) -> Reference | None:
    if num is None or den is None or pd.isna(num) or pd.isna(den) or den <= 0:
        return None
    result = stats.proportion(round(float(num)), int(den), multiplier=ind.multiplier, min_count=1)
    value = float(num) / float(den) * ind.multiplier if result.value is not None else None
    return Reference(value, result.lower, result.upper, float(num), float(den), basis, tp.NATIONAL_LABELS[basis])


def national_reference(data: PerinatalDataset | pd.DataFrame, *, indicator_id: str, period: str,
                       gemeente_counts: pd.DataFrame | None = None) -> Reference:
    """The benchmark of one indicator and period (see the module docstring for the order); ``gemeente_counts``
    are ``level_counts(data, level="gemeente", period=period)`` when the caller has them already."""
    ind = indicator(indicator_id)
    frame = frame_of(data)
    land = level_rows(frame, level="land", period=period)
    if not land.empty:
        found = _proportion(exact_numerator(land, ind).iloc[0], land[ind.denominator].iloc[0], ind, "land")
        if found is not None:
            return found
    counts = gemeente_counts if gemeente_counts is not None else level_counts(data, level="gemeente", period=period)
    known = counts.dropna(subset=[ind.numerator, ind.denominator])
    if known["area_code"].nunique() >= ALL_GEMEENTEN_MIN:
        found = _proportion(known[ind.numerator].sum(), known[ind.denominator].sum(), ind, "all")
        if found is not None:
            return found
    rivm = rivm_value(ind, period)
    weeks = data_weeks(frame, ind, period)
    if rivm is not None and weeks == ind.from_weeks:
        return Reference(rivm[0], None, None, None, None, "rivm", tp.NATIONAL_LABELS["rivm"].format(year=rivm[1]))
    if rivm is not None:  # the bundled figure counts from another week of pregnancy
        label = tp.NATIONAL_LABELS["definition"].format(weeks=weeks, reference=ind.from_weeks)
        return Reference(None, None, None, None, None, "definition", label)
    return Reference(None, None, None, None, None, "none", tp.NATIONAL_LABELS["none"])
