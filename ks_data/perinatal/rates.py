"""Rates per area for one perinatal indicator: pooled, aggregated, suppressed and compared with Nederland.

``area_rates`` is the contract the map and profile pages use. Suppression (primary and secondary) is done
here, so no unsuppressed small count leaves ks_data through it.
"""

from __future__ import annotations

import re

import pandas as pd

from ks_data.core import stats
from ks_data.core.validation import UnknownIndicator
from ks_data.perinatal.dataset import PerinatalDataset, frame_of
from ks_data.perinatal.indicators import indicator
from ks_data.perinatal.schema import COUNT_COLUMNS
from ks_data.texts import perinatal as tp

LEVELS = ("gemeente", "pc4")
ALL_GEMEENTEN_MIN = 300  # at least this many gemeenten: the file total counts as "Nederland"
ROLLING_YEARS = 3
OUTPUT_COLUMNS = [
    "area_code", "area_name", "level", "indicator_id", "period", "numerator", "denominator", "value", "lower",
    "upper", "suppressed", "suppression_reason", "comparison", "is_synthetic", "source",
    # extras (provenance and context)
    "gemeentecode", "gemeentenaam", "unit", "ci_level", "method", "suppression_code", "national_value",
    "national_basis",
]


class UnknownPeriod(ValueError):
    """A period that is neither in the data nor poolable from its single years."""


# What computing rates for a chosen indicator and period can raise (a page shows a Dutch message for these).
RATE_ERRORS = (UnknownPeriod, UnknownIndicator)


def _years(frame: pd.DataFrame) -> list[int]:
    single = frame["period"].dropna().astype(str).unique()
    return sorted({int(p) for p in single if re.fullmatch(r"\d{4}", p)})


def _span(period: str) -> tuple[int, int] | None:
    match = re.fullmatch(r"(\d{4})(?:-(\d{4}))?", period)
    if not match:
        return None
    return int(match.group(1)), int(match.group(2) or match.group(1))


def periods(data: PerinatalDataset | pd.DataFrame) -> list[str]:
    """Periods that can be shown: those in the data plus pools of consecutive single years.

    Pools are the full span of the single years and rolling 3-year spans; sorted by end year, then span.
    """
    frame = frame_of(data)
    found = set(frame["period"].dropna().astype(str).unique())
    years = _years(frame)
    if len(years) >= 2 and years == list(range(years[0], years[-1] + 1)):
        found.add(stats.period_label(years))
        for start in range(years[0], years[-1] - ROLLING_YEARS + 2):
            found.add(stats.period_label(list(range(start, start + ROLLING_YEARS))))
    spans = {p: _span(p) for p in found}
    return sorted((p for p in found if spans[p]), key=lambda p: (spans[p][1], spans[p][0]))


def default_period(data: PerinatalDataset | pd.DataFrame) -> str:
    """The longest period ending in the latest year (pooled periods suit small areas best)."""
    options = periods(data)
    if not options:
        raise UnknownPeriod("no periods in the data")
    last = max(_span(p)[1] for p in options)
    return min((p for p in options if _span(p)[1] == last), key=lambda p: _span(p)[0])


def trend_periods(data: PerinatalDataset | pd.DataFrame) -> list[str]:
    """Successive periods for a trend: rolling 3-year pools when single years exist, else stored spans."""
    options = periods(data)
    rolling = [p for p in options if (s := _span(p)) and s[1] - s[0] + 1 == ROLLING_YEARS]
    if len(rolling) >= 2:
        return rolling
    stored = sorted(set(frame_of(data)["period"].dropna().astype(str)), key=lambda p: _span(p) or (0, 0))
    return stored if len(stored) >= 2 else []


_KEYS = ["area_code", "level", "gemeentecode"]
_COUNTS = list(COUNT_COLUMNS)


def level_counts(data: PerinatalDataset | pd.DataFrame, *, level: str, period: str) -> pd.DataFrame:
    """Counts per area of ``level`` for ``period`` (pooled from single years when needed).

    Gemeente rows come from the data, or are summed from its PC4 rows (NA when a PC4 cell is unknown).
    Returns area_code, level, gemeentecode, area_name, gemeentenaam, the count columns, is_synthetic, source.
    """
    if level not in LEVELS:
        raise ValueError(f"level must be one of {LEVELS}, got {level!r}")
    frame = frame_of(data)
    rows = frame[frame["period"].astype(str) == period]
    if rows.empty:
        span = _span(period)
        years = list(range(span[0], span[1] + 1)) if span else []
        if not span or not set(years) <= set(_years(frame)):
            raise UnknownPeriod(period)
        singles = frame[frame["period"].astype(str).isin([str(y) for y in years])]
        keys = ["area_code", "level"]
        rows = stats.pool_years(singles, years=years, keys=keys, columns=_COUNTS)
        rows = rows.merge(_attributes(singles), on=keys, how="left")
    pc4 = rows[rows["level"] == "pc4"]
    if level == "pc4":
        return pc4.reset_index(drop=True)
    own = rows[rows["level"] == "gemeente"]
    summed = stats.sum_complete(pc4.dropna(subset=["gemeentecode"]), by=["gemeentecode"], columns=_COUNTS)
    summed = summed[~summed["gemeentecode"].isin(own["area_code"])]
    attrs = pc4.drop_duplicates("gemeentecode")[["gemeentecode", "gemeentenaam", "is_synthetic", "source"]]
    summed = summed.merge(attrs, on="gemeentecode", how="left").assign(
        area_code=lambda d: d["gemeentecode"], area_name=lambda d: d["gemeentenaam"], level="gemeente")
    return pd.concat([own, summed], ignore_index=True)


def _attributes(frame: pd.DataFrame) -> pd.DataFrame:
    cols = ["area_code", "level", "gemeentecode", "area_name", "gemeentenaam", "is_synthetic", "source"]
    return frame[cols].drop_duplicates(["area_code", "level"], keep="last")


def national_value(data: PerinatalDataset | pd.DataFrame, *, indicator_id: str, period: str) -> dict:
    """The benchmark: the file's national row, else the sum of all gemeenten with known counts.

    Returns a dict with value, lower, upper, numerator, denominator (in the indicator's unit) and
    ``basis``: 'land' (a national row), 'all' (>= 300 gemeenten summed) or 'file' (only part of NL).
    """
    ind = indicator(indicator_id)
    frame = frame_of(data)
    land = frame[(frame["level"] == "land") & (frame["period"].astype(str) == period)]
    if not land.empty:
        num, den, basis = land[ind.numerator].iloc[0], land[ind.denominator].iloc[0], "land"
    else:
        counts = level_counts(data, level="gemeente", period=period)
        known = counts.dropna(subset=[ind.numerator, ind.denominator])
        num, den = known[ind.numerator].sum(), known[ind.denominator].sum()
        basis = "all" if known["area_code"].nunique() >= ALL_GEMEENTEN_MIN else "file"
    result = stats.proportion(None if pd.isna(num) else int(num), None if pd.isna(den) else int(den),
                              multiplier=ind.multiplier, min_count=1)
    return {"value": result.value, "lower": result.lower, "upper": result.upper, "numerator": num,
            "denominator": den, "basis": basis}


def area_rates(
    data: PerinatalDataset | pd.DataFrame, *, level: str, indicator_id: str, period: str | None = None,
    gemeentecode: str | None = None,
) -> pd.DataFrame:
    """Suppressed rates with Wilson 95% CIs per area, compared with the national value.

    Args:
        data: the active dataset (or its tidy frame).
        level: 'gemeente' or 'pc4'.
        indicator_id: an id of data/perinatal_indicators.yaml.
        period: e.g. '2016-2020' or '2020'; default ``default_period(data)``.
        gemeentecode: only this gemeente (gemeente level) or its PC4 areas (pc4 level).

    Returns:
        One row per area with ``OUTPUT_COLUMNS``; value/lower/upper in the indicator unit (% or per 1000).
        Suppression (counts < 10, events or non-events < 10, secondary within each gemeente for PC4 and
        within Nederland for gemeenten, and for a single year across the years of every published pool)
        is computed over all areas before filtering.
    """
    ind = indicator(indicator_id)
    period = period or default_period(data)
    years = [str(y) for y in _years(frame_of(data))]
    # A single year is protected together with the other years, because pooled periods are published too.
    computed = years if period in years and len(years) > 1 else [period]
    counts = pd.concat([level_counts(data, level=level, period=p).assign(period=p) for p in computed],
                       ignore_index=True)
    frame = counts.rename(columns={ind.numerator: "numerator", ind.denominator: "denominator"})
    frame = frame.assign(_births_known=frame["denominator"].notna())
    frame = stats.add_rates(frame, multiplier=ind.multiplier)
    frame = _protect(frame, level=level, pools=_pools(data) if len(computed) > 1 else [])
    frame = frame[frame["period"] == period].drop(columns=["_births_known"])
    national = national_value(data, indicator_id=indicator_id, period=period)
    frame["comparison"] = [stats.compare(lo, up, national["value"], polarity=ind.polarity)
                           for lo, up in zip(frame["lower"].tolist(), frame["upper"].tolist())]
    frame["suppression_reason"] = frame["suppression_code"].map(tp.SUPPRESSION_REASONS).fillna("")
    frame = frame.assign(indicator_id=ind.id, period=period, level=level, unit=ind.unit,
                         national_value=national["value"], national_basis=national["basis"])
    if gemeentecode is not None:
        frame = frame[frame["gemeentecode"] == gemeentecode]
    frame["is_synthetic"] = frame["is_synthetic"].fillna(False).astype(bool)
    frame["suppressed"] = frame["suppressed"].astype(bool)
    return frame[OUTPUT_COLUMNS].sort_values("area_code").reset_index(drop=True)


def _pools(data: PerinatalDataset | pd.DataFrame) -> list[list[str]]:
    """The year sets of every multi-year period that can be published (each one a 'total' of its years)."""
    spans = [_span(p) for p in periods(data)]
    return [[str(y) for y in range(a, b + 1)] for a, b in spans if b > a]


def _protect(frame: pd.DataFrame, *, level: str, pools: list[list[str]], rounds: int = 10) -> pd.DataFrame:
    """Secondary suppression until stable: per period within each gemeente (PC4) or within Nederland
    (gemeenten), and per area within each published pool of years (so pool minus years reveals nothing)."""
    frame = frame.assign(_geo=frame["gemeentecode"].astype(str) if level == "pc4" else "NL")
    frame["_geo"] = frame["_geo"] + "|" + frame["period"].astype(str)
    for _ in range(rounds):
        before = (int(frame["suppressed"].sum()), int(frame["denominator"].isna().sum()))
        frame = _secondary(frame, group="_geo")
        for years in pools:
            inside = frame["period"].isin(years)
            frame = pd.concat([_secondary(frame[inside], group="area_code"), frame[~inside]]).sort_index()
        if (int(frame["suppressed"].sum()), int(frame["denominator"].isna().sum())) == before:
            break
    return frame.drop(columns=["_geo"])


def _secondary(frame: pd.DataFrame, *, group: str) -> pd.DataFrame:
    """Secondary suppression on the numerator and on the births (denominator) within ``group``."""
    frame = stats.secondary_suppression(frame, group=group, count="numerator", order="area_code")
    hidden_births = frame["_births_known"] & frame["denominator"].isna()
    frame = frame.assign(_den_hidden=hidden_births, _den_code=None)
    frame = stats.secondary_suppression(frame, group=group, count="denominator", flag="_den_hidden",
                                        code="_den_code", order="area_code")
    newly = frame["_den_code"] == stats.SUPPRESS_SECONDARY
    frame.loc[newly, ["numerator", "value", "lower", "upper"]] = pd.NA
    frame.loc[newly, "suppressed"] = True
    frame.loc[newly, "suppression_code"] = stats.SUPPRESS_SECONDARY
    return frame.drop(columns=["_den_hidden", "_den_code"])
