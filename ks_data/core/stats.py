"""Small-area statistics: Wilson intervals, pooled periods, aggregation, suppression, benchmark comparison.

Every function is pure (frames in, frames out). Results say how they were made (method, level, n), after
PHEindicatormethods. Suppression follows the field's rules (RIVM / Kansenkaart):

* a count below ``MIN_COUNT`` (10) is blanked;
* a rate is suppressed when its events or its non-events are below ``MIN_COUNT``;
* secondary suppression: a group (e.g. the PC4 areas of one gemeente) never has exactly one suppressed
  cell, so a hidden cell cannot be recovered as "group total minus the visible cells".
"""

from __future__ import annotations

from dataclasses import dataclass
from statistics import NormalDist

import numpy as np
import pandas as pd

MIN_COUNT = 10
METHOD_WILSON = "Wilson"

# Suppression codes (the Dutch wording lives in ks_data/texts/perinatal.py).
SUPPRESS_UNKNOWN = "unknown"
SUPPRESS_SMALL_DENOMINATOR = "small_denominator"
SUPPRESS_FEW_EVENTS = "few_events"
SUPPRESS_FEW_NON_EVENTS = "few_non_events"
SUPPRESS_SECONDARY = "secondary"

POLARITIES = ("higher_is_better", "lower_is_better", "none")
# (polarity, direction) -> comparison category; a lookup table, not an if-chain.
_CATEGORY = {
    ("lower_is_better", "higher"): "worse",
    ("lower_is_better", "lower"): "better",
    ("higher_is_better", "higher"): "better",
    ("higher_is_better", "lower"): "worse",
    ("none", "higher"): "higher",
    ("none", "lower"): "lower",
}


class StatsError(ValueError):
    """Invalid input for a statistic (negative counts, events above the denominator, unknown polarity)."""


def judge(difference: str, *, polarity: str) -> str:
    """The one polarity judgement: is a 'higher' or 'lower' value better, worse, or just higher/lower?

    Used for a trend (latest vs previous year) and for a comparison with a benchmark alike.

    >>> judge("higher", polarity="lower_is_better")
    'worse'
    >>> judge("lower", polarity="higher_is_better")
    'worse'
    >>> judge("lower", polarity="none")
    'lower'
    """
    if polarity not in POLARITIES:
        raise StatsError(f"unknown polarity {polarity!r}; expected one of {POLARITIES}")
    return _CATEGORY[(polarity, difference)]


@dataclass(frozen=True)
class Proportion:
    """A proportion with its interval and provenance; value/lower/upper are in ``multiplier`` units."""

    value: float | None
    lower: float | None
    upper: float | None
    level: float
    method: str
    n: int | None
    events: int | None
    suppressed: bool
    reason: str | None


def _z(level: float) -> float:
    if not 0 < level < 1:
        raise StatsError(f"level must be between 0 and 1, got {level}")
    return NormalDist().inv_cdf(0.5 + level / 2)


def wilson_interval(events: int, n: int, *, level: float = 0.95) -> tuple[float, float]:
    """Wilson score interval for a proportion (as fractions).

    Reference values: Newcombe (1998), Stat Med 17:857-872, table I, method 3 (Wilson score).

    >>> [round(x, 4) for x in wilson_interval(81, 263)]
    [0.2553, 0.3662]
    >>> [round(x, 4) for x in wilson_interval(15, 148)]
    [0.0624, 0.1605]
    >>> [round(x, 4) for x in wilson_interval(0, 20)]
    [0.0, 0.1611]
    >>> [round(x, 4) for x in wilson_interval(1, 29)]
    [0.0061, 0.1718]
    """
    if n <= 0 or events < 0 or events > n:
        raise StatsError(f"need 0 <= events <= n and n > 0, got events={events}, n={n}")
    lower, upper = _wilson_arrays(np.array([events], float), np.array([n], float), _z(level))
    return float(lower[0]), float(upper[0])


def _wilson_arrays(events: np.ndarray, n: np.ndarray, z: float) -> tuple[np.ndarray, np.ndarray]:
    with np.errstate(divide="ignore", invalid="ignore"):
        p = events / n
        denom = 1 + z**2 / n
        centre = (p + z**2 / (2 * n)) / denom
        half = z * np.sqrt(p * (1 - p) / n + z**2 / (4 * n**2)) / denom
        return np.clip(centre - half, 0, 1), np.clip(centre + half, 0, 1)


def suppression_code(events: float | None, n: float | None, *, min_count: int = MIN_COUNT) -> str | None:
    """Why a rate must not be shown (a code), or None when it may be shown.

    >>> suppression_code(9, 500)
    'few_events'
    >>> suppression_code(495, 500)
    'few_non_events'
    >>> suppression_code(3, 8)
    'small_denominator'
    >>> suppression_code(10, 20) is None
    True
    """
    if events is None or n is None or pd.isna(events) or pd.isna(n):
        return SUPPRESS_UNKNOWN
    if n < min_count:
        return SUPPRESS_SMALL_DENOMINATOR
    if events < min_count:
        return SUPPRESS_FEW_EVENTS
    if n - events < min_count:
        return SUPPRESS_FEW_NON_EVENTS
    return None


def proportion(
    events: int | None, n: int | None, *, level: float = 0.95, multiplier: float = 100,
    min_count: int = MIN_COUNT,
) -> Proportion:
    """A suppressed-where-needed proportion with a Wilson interval, in ``multiplier`` units.

    >>> r = proportion(81, 263)
    >>> round(r.value, 2), round(r.lower, 2), round(r.upper, 2), r.method, r.suppressed
    (30.8, 25.53, 36.62, 'Wilson', False)
    >>> proportion(9, 263).value is None
    True
    """
    reason = suppression_code(events, n, min_count=min_count)
    if reason is None and events > n:
        raise StatsError(f"events ({events}) exceed the denominator ({n})")
    if reason is not None:
        return Proportion(None, None, None, level, METHOD_WILSON, n, None, True, reason)
    lower, upper = wilson_interval(int(events), int(n), level=level)
    return Proportion(events / n * multiplier, lower * multiplier, upper * multiplier, level, METHOD_WILSON,
                      int(n), int(events), False, None)


def add_rates(
    frame: pd.DataFrame, *, numerator: str = "numerator", denominator: str = "denominator",
    multiplier: float = 100, level: float = 0.95, min_count: int = MIN_COUNT,
) -> pd.DataFrame:
    """Add value/lower/upper (Wilson, ``multiplier`` units) plus primary suppression to each row.

    Adds columns ``value``, ``lower``, ``upper``, ``ci_level``, ``method``, ``suppressed`` (bool) and
    ``suppression_code``. Suppressed rows get NA rate and NA numerator; a denominator below ``min_count``
    is blanked too.

    >>> df = pd.DataFrame({"numerator": [81, 9, 495, pd.NA], "denominator": [263, 500, 500, 40]})
    >>> out = add_rates(df)
    >>> out["suppression_code"].tolist()
    [None, 'few_events', 'few_non_events', 'unknown']
    >>> out["numerator"].tolist()
    [81, <NA>, <NA>, <NA>]
    """
    out = frame.copy()
    num = pd.to_numeric(out[numerator], errors="coerce").astype("Float64")
    den = pd.to_numeric(out[denominator], errors="coerce").astype("Float64")
    if ((num < 0) | (den < 0)).fillna(False).any():
        raise StatsError("counts must not be negative")
    if (num > den).fillna(False).any():
        raise StatsError("events exceed the denominator")
    codes = [suppression_code(e, n, min_count=min_count) for e, n in zip(num.tolist(), den.tolist())]
    show = np.array([c is None for c in codes], dtype=bool)
    e = num.to_numpy(dtype=float, na_value=np.nan)
    n = den.to_numpy(dtype=float, na_value=np.nan)
    lower, upper = _wilson_arrays(e, n, _z(level))
    with np.errstate(divide="ignore", invalid="ignore"):
        value = e / n
    out["value"] = pd.array(np.where(show, value * multiplier, np.nan), dtype="Float64")
    out["lower"] = pd.array(np.where(show, lower * multiplier, np.nan), dtype="Float64")
    out["upper"] = pd.array(np.where(show, upper * multiplier, np.nan), dtype="Float64")
    out["ci_level"] = level
    out["method"] = METHOD_WILSON
    out["suppressed"] = ~show
    out["suppression_code"] = pd.Series(codes, index=out.index, dtype=object)
    out[numerator] = pd.array(np.where(show, e, np.nan), dtype="Float64").round().astype("Int64")
    out[denominator] = pd.array(np.where(n < min_count, np.nan, n), dtype="Float64").round().astype("Int64")
    return out


def secondary_suppression(
    frame: pd.DataFrame, *, group: str, count: str, flag: str = "suppressed",
    code: str = "suppression_code", order: str | None = None,
) -> pd.DataFrame:
    """Suppress one more cell in every group that has exactly one suppressed cell.

    Otherwise the hidden cell equals the (published) group total minus the visible cells. The extra cell is
    the visible one with the smallest ``count`` (ties broken by ``order``, default the index), so the least
    information is lost. Its rate and ``count`` are blanked and its code becomes ``'secondary'``.

    >>> df = pd.DataFrame({"g": ["A"] * 3 + ["B"] * 2, "area": list("pqrst"),
    ...                    "numerator": [4, 30, 12, 50, 60], "suppressed": [True, False, False, False, False],
    ...                    "suppression_code": ["few_events", None, None, None, None], "value": [None, 5.0, 2.0, 1.0, 1.0]})
    >>> out = secondary_suppression(df, group="g", count="numerator", order="area")
    >>> out["suppressed"].tolist(), out["suppression_code"].tolist()[2]
    ([True, False, True, False, False], 'secondary')
    """
    out = frame.copy()
    flags = out[flag].astype(bool)
    keys = out[group]
    n_flagged = flags.groupby(keys).transform("sum")
    n_rows = flags.groupby(keys).transform("size")
    candidates = out[(n_flagged == 1) & (n_rows >= 2) & ~flags & keys.notna()]
    sort_cols = ["_c"] + ([order] if order else [])
    ranked = candidates.assign(_c=pd.to_numeric(candidates[count], errors="coerce")).sort_values(
        sort_cols, kind="stable", na_position="last")
    extra = list(ranked.groupby(group, sort=False).head(1).index)
    if extra:
        out.loc[extra, flag] = True
        out.loc[extra, code] = SUPPRESS_SECONDARY
        for column in ("value", "lower", "upper", count):
            if column in out.columns:
                out.loc[extra, column] = pd.NA
    return out


def sum_complete(frame: pd.DataFrame, *, by: list[str], columns: list[str]) -> pd.DataFrame:
    """Sum ``columns`` per ``by``; a group with any missing (suppressed/unknown) value sums to NA.

    A sum over partly hidden cells would understate the total, so it is reported as unknown.

    >>> df = pd.DataFrame({"g": ["A", "A", "B"], "births": [10, 20, 5], "big2": [1, pd.NA, 2]})
    >>> sum_complete(df, by=["g"], columns=["births", "big2"]).to_dict("records")
    [{'g': 'A', 'births': 30, 'big2': None}, {'g': 'B', 'births': 5, 'big2': 2}]
    """
    values = frame[by + columns].copy()
    for column in columns:
        values[column] = pd.to_numeric(values[column], errors="coerce").astype("Int64")
    grouped = values.groupby(by, sort=True, dropna=False)
    sums = grouped[columns].sum(min_count=1)
    missing = values[columns].isna().groupby([values[b] for b in by], sort=True, dropna=False).any()
    for column in columns:
        sums[column] = sums[column].astype("Int64").mask(missing[column].astype(bool))
    return sums.reset_index()


def period_label(years: list[int] | tuple[int, ...]) -> str:
    """Label of a pooled period: one year ``'2020'`` or a span ``'2016-2020'``.

    >>> period_label([2018, 2016, 2017]), period_label([2020])
    ('2016-2018', '2020')
    """
    first, last = min(years), max(years)
    return str(first) if first == last else f"{first}-{last}"


def pool_years(
    frame: pd.DataFrame, *, years: list[int], keys: list[str], columns: list[str], period: str = "period",
) -> pd.DataFrame:
    """Pool single-year rows into one period (sum of counts) per ``keys``.

    An area must have every year of the span; a missing year or a missing count gives NA, never a
    partial sum. The result has ``keys``, ``columns`` and ``period`` = ``period_label(years)``.

    >>> df = pd.DataFrame({"area": ["x", "x", "y"], "period": ["2019", "2020", "2020"],
    ...                    "births": [100, 120, 50], "big2": [15, 20, 7]})
    >>> pool_years(df, years=[2019, 2020], keys=["area"], columns=["births", "big2"]).to_dict("records")
    [{'area': 'x', 'births': 220, 'big2': 35, 'period': '2019-2020'}, {'area': 'y', 'births': None, 'big2': None, 'period': '2019-2020'}]
    """
    wanted = {str(y) for y in years}
    rows = frame[frame[period].astype(str).isin(wanted)]
    pooled = sum_complete(rows, by=keys, columns=columns)
    counts = rows.groupby(keys, dropna=False)[period].nunique().reindex(
        pd.MultiIndex.from_frame(pooled[keys]) if len(keys) > 1 else pooled[keys[0]]).to_numpy()
    incomplete = counts < len(wanted)
    for column in columns:
        pooled[column] = pooled[column].mask(incomplete)
    pooled[period] = period_label(list(years))
    return pooled


def compare(lower: float | None, upper: float | None, benchmark: float | None, *, polarity: str) -> str:
    """Fingertips-style comparison of an interval with a benchmark value.

    Significantly higher/lower when the benchmark lies outside [lower, upper]; mapped to better/worse by
    ``polarity``, or kept as higher/lower when polarity is ``'none'``.

    >>> compare(16.0, 19.0, 15.0, polarity="lower_is_better")
    'worse'
    >>> compare(12.0, 14.9, 15.0, polarity="lower_is_better")
    'better'
    >>> compare(14.0, 16.0, 15.0, polarity="lower_is_better")
    'similar'
    >>> compare(16.0, 19.0, 15.0, polarity="none")
    'higher'
    >>> compare(None, None, 15.0, polarity="none")
    'not_compared'
    """
    if polarity not in POLARITIES:
        raise StatsError(f"unknown polarity {polarity!r}; expected one of {POLARITIES}")
    if any(v is None or pd.isna(v) for v in (lower, upper, benchmark)):
        return "not_compared"
    if lower > benchmark:
        return judge("higher", polarity=polarity)
    if upper < benchmark:
        return judge("lower", polarity=polarity)
    return "similar"
