"""Counts per area of one level and period: as stored, pooled from single years, or summed from PC4 areas.

What is known about each count travels with it: hidden in the source (``<count>_censored``), derived from a
published rate (``<event>_derived``, with the rate in ``<event>_rate`` for stored rows) and, for a gemeente
summed from its PC4 areas, how many of those were hidden (``<count>_parts_hidden`` of ``parts``).
"""

from __future__ import annotations

import pandas as pd

from ks_data.core import stats
from ks_data.perinatal import schema as ps
from ks_data.perinatal.dataset import PerinatalDataset, frame_of
from ks_data.perinatal.memo import FrameMemo
from ks_data.perinatal.periods import UnknownPeriod, periods, span

LEVELS = ("gemeente", "pc4")
_KEYS = ["area_code", "level"]
_COUNTS = list(ps.COUNT_COLUMNS)
_CENSORED = [ps.censored_column(c) for c in ps.COUNT_COLUMNS]
_DERIVED = [ps.derived_column(c) for c in ps.EVENT_COLUMNS]
_ATTRIBUTES = ["gemeentecode", "area_name", "gemeentenaam", "is_synthetic", "source", "big2_weeks", "mortality_weeks"]


def parts_column(count: str) -> str:
    """Name of the column counting the PC4 areas whose ``count`` was hidden (gemeente summed from PC4)."""
    return f"{count}_parts_hidden"


def _pooled(singles: pd.DataFrame, wanted: list[str]) -> pd.DataFrame:
    """Single-year rows pooled per area: sums (NA when a year or a count is missing), hidden labels, flags."""
    pooled = stats.pool_years(singles, years=[int(y) for y in wanted], keys=_KEYS, columns=_COUNTS)
    grouped = singles.groupby(_KEYS, dropna=False)
    labels = grouped[_CENSORED].first().reset_index()  # the first label of a hidden year (first() skips NA)
    flags = grouped[_DERIVED].any().reset_index()
    attributes = singles[_KEYS + _ATTRIBUTES].drop_duplicates(_KEYS, keep="last")
    out = pooled.merge(labels, on=_KEYS, how="left").merge(flags, on=_KEYS, how="left")
    return out.merge(attributes, on=_KEYS, how="left")


def level_rows(frame: pd.DataFrame, *, level: str, period: str) -> pd.DataFrame:
    """The rows of ``level`` for ``period``: stored, else pooled from the level's single years (empty when
    neither); stored rows keep their published rates, pooled rows have none."""
    if not set(_CENSORED + _DERIVED) <= set(frame.columns):
        frame = ps.with_defaults(frame)
    rows = frame[(frame["level"] == level) & (frame["period"].astype(str) == period)]
    bounds = span(period)
    if not rows.empty or bounds is None or bounds[0] == bounds[1]:
        return rows.reset_index(drop=True)
    wanted = [str(y) for y in range(bounds[0], bounds[1] + 1)]
    singles = frame[(frame["level"] == level) & frame["period"].astype(str).isin(wanted)]
    if singles.empty or not set(wanted) <= set(singles["period"].astype(str)):
        return rows.reset_index(drop=True)
    return ps.with_defaults(_pooled(singles, wanted).assign(period=period))


def _summed(pc4: pd.DataFrame) -> pd.DataFrame:
    """Gemeente rows summed from their PC4 rows; a count with any hidden part is NA, its hidden parts counted."""
    pc4 = pc4.dropna(subset=["gemeentecode"])
    summed = stats.sum_complete(pc4, by=["gemeentecode"], columns=_COUNTS)
    by = pc4["gemeentecode"]
    hidden = pd.DataFrame({parts_column(c): pc4[c].isna().groupby(by).sum() for c in _COUNTS})
    hidden["parts"] = by.groupby(by).size()
    flags = pc4[_DERIVED].groupby(by).any()
    attributes = pc4.drop_duplicates("gemeentecode")[["gemeentecode", "gemeentenaam", "is_synthetic", "source",
                                                      "big2_weeks", "mortality_weeks"]]
    out = summed.merge(hidden.reset_index(), on="gemeentecode", how="left")
    out = out.merge(flags.reset_index(), on="gemeentecode", how="left").merge(attributes, on="gemeentecode", how="left")
    return ps.with_defaults(out.assign(area_code=lambda d: d["gemeentecode"], area_name=lambda d: d["gemeentenaam"],
                                       level="gemeente"))


MEMO = FrameMemo(size=32)  # per dataset frame, level and period: the same for every indicator and gemeente


def level_counts(data: PerinatalDataset | pd.DataFrame, *, level: str, period: str) -> pd.DataFrame:
    """Counts per area of ``level`` for ``period`` (pooled from single years when needed); computed once per
    dataset frame, level and period (``perinatal.memo``), a copy each call.

    Gemeente rows come from the data, or are summed from its PC4 rows (NA, with the number of hidden parts,
    when a PC4 cell is hidden). Returns area_code, level, gemeentecode, area_name, gemeentenaam, the count
    columns with their censored/derived/rate columns, the variant columns, is_synthetic, source and, for
    gemeenten, ``parts`` and ``<count>_parts_hidden``.

    Raises:
        UnknownPeriod: the period is neither in the data nor poolable from its single years.
    """
    if level not in LEVELS:
        raise ValueError(f"level must be one of {LEVELS}, got {level!r}")
    frame = frame_of(data)
    if period not in periods(frame):
        raise UnknownPeriod(period)
    return MEMO.get(frame, (level, period), lambda: _level_counts(frame, level=level, period=period))


def _level_counts(frame: pd.DataFrame, *, level: str, period: str) -> pd.DataFrame:
    pc4 = level_rows(frame, level="pc4", period=period)
    if level == "pc4":
        return pc4
    own = level_rows(frame, level="gemeente", period=period)
    summed = _summed(pc4)
    summed = summed[~summed["gemeentecode"].isin(own["area_code"])]
    own = own.assign(parts=pd.NA, **{parts_column(c): 0 for c in _COUNTS})
    return pd.concat([own, summed], ignore_index=True) if len(summed) else own.reset_index(drop=True)
