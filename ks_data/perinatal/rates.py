"""Rates per area for one perinatal indicator: pooled, aggregated, suppressed and compared with Nederland.

``area_rates`` is the contract the map, profile and report use. Suppression (primary and secondary) is done
here, so no unsuppressed small count leaves ks_data through it; a cell the source already hid counts as
hidden and says so ("afgeschermd in de bron (<10)"). Periods live in ``perinatal.periods``, counts per level
in ``perinatal.counts``, the national reference in ``perinatal.reference``.
"""

from __future__ import annotations

import pandas as pd

from ks_data.core import stats
from ks_data.core.validation import UnknownIndicator
from ks_data.perinatal import schema as ps
from ks_data.perinatal.counts import LEVELS, level_counts, parts_column  # noqa: F401 - part of the contract
from ks_data.perinatal.dataset import PerinatalDataset, frame_of
from ks_data.perinatal.indicators import PerinatalIndicator, indicator
from ks_data.perinatal.memo import FrameMemo
from ks_data.perinatal.periods import (UnknownPeriod, default_period, periods, pools, trend_periods,  # noqa: F401
                                       years)
from ks_data.perinatal.reference import exact_numerator, national_reference
from ks_data.texts import perinatal as tp

OUTPUT_COLUMNS = [
    "area_code", "area_name", "level", "indicator_id", "period", "numerator", "denominator", "value", "lower",
    "upper", "suppressed", "suppression_reason", "comparison", "is_synthetic", "source",
    # extras (provenance and context)
    "gemeentecode", "gemeentenaam", "unit", "ci_level", "method", "suppression_code", "national_value",
    "national_basis", "national_label", "derived", "weeks",
]
# Suppression codes of cells hidden before this module (in the file, or in the PC4 parts of a gemeente).
SOURCE, SOURCE_BIRTHS, PC4_HIDDEN, PC4_HIDDEN_BIRTHS = "source", "source_births", "pc4_hidden", "pc4_hidden_births"

# What computing rates for a chosen indicator and period can raise (a page shows a Dutch message for these).
RATE_ERRORS = (UnknownPeriod, UnknownIndicator)


def national_value(data: PerinatalDataset | pd.DataFrame, *, indicator_id: str, period: str) -> dict:
    """The benchmark as a dict: value, lower, upper, numerator, denominator, basis, label (``Reference``)."""
    ref = national_reference(data, indicator_id=indicator_id, period=period)
    return {"value": ref.value, "lower": ref.lower, "upper": ref.upper, "numerator": ref.numerator,
            "denominator": ref.denominator, "basis": ref.basis, "label": ref.label}


def _hidden_before(frame: pd.DataFrame, ind: PerinatalIndicator) -> pd.Series:
    """Why a count is unknown before any suppression here: hidden in the source, or hidden PC4 parts."""
    code = pd.Series(None, index=frame.index, dtype=object)
    checks = [(ps.censored_column(ind.denominator), SOURCE_BIRTHS, True),
              (ps.censored_column(ind.numerator), SOURCE, True),
              (parts_column(ind.denominator), PC4_HIDDEN_BIRTHS, False),
              (parts_column(ind.numerator), PC4_HIDDEN, False)]
    for column, name, is_label in reversed(checks):
        if column in frame.columns:
            values = frame[column]
            hit = values.notna() if is_label else pd.to_numeric(values, errors="coerce").fillna(0) > 0
            code = code.mask(hit.astype(bool), name)
    return code


def _reasons(frame: pd.DataFrame, ind: PerinatalIndicator) -> pd.Series:
    """The Dutch reason of every row ('' when shown); only rows hidden before this module need their labels."""
    reasons = frame["suppression_code"].map(tp.SUPPRESSION_REASONS).fillna("").astype(object)
    special = frame["suppression_code"].isin([SOURCE, SOURCE_BIRTHS, PC4_HIDDEN, PC4_HIDDEN_BIRTHS])
    if special.any():
        reasons[special] = [_reason(row, ind) for row in frame.loc[special].to_dict("records")]
    return reasons


def _reason(row: dict, ind: PerinatalIndicator) -> str:
    """The Dutch reason a rate is not shown (empty when shown)."""
    code = row.get("suppression_code")
    if code in (SOURCE, SOURCE_BIRTHS):
        label = row.get(ps.censored_column(ind.numerator if code == SOURCE else ind.denominator))
        text = tp.hidden_in_source(None if label is None or pd.isna(label) else str(label))
        return text if code == SOURCE else tp.BIRTHS_HIDDEN.format(hidden=text)
    if code in (PC4_HIDDEN, PC4_HIDDEN_BIRTHS):
        column = parts_column(ind.numerator if code == PC4_HIDDEN else ind.denominator)
        return tp.PC4_PARTS_HIDDEN.format(n=int(row.get(column) or 0), total=int(row.get("parts") or 0),
                                          what=tp.COLUMN_LABELS[ind.numerator if code == PC4_HIDDEN else "births"])
    return tp.SUPPRESSION_REASONS.get(code, "") if isinstance(code, str) else ""


def area_rates(
    data: PerinatalDataset | pd.DataFrame, *, level: str, indicator_id: str, period: str | None = None,
    gemeentecode: str | None = None,
) -> pd.DataFrame:
    """Suppressed rates with Wilson 95% CIs per area, compared with the national reference.

    Args:
        data: the active dataset (or its tidy frame).
        level: 'gemeente' or 'pc4'.
        indicator_id: an id of data/perinatal_indicators.yaml.
        period: e.g. '2016-2020' or '2020'; default ``default_period(data)``.
        gemeentecode: only this gemeente (gemeente level) or its PC4 areas (pc4 level).

    Returns:
        One row per area with ``OUTPUT_COLUMNS``; value/lower/upper in the indicator unit (% or per 1000);
        a count derived from a published rate keeps that rate as value, its interval from the rate and the
        births (``derived`` True). Suppression (counts < 10, events or non-events < 10, secondary within each
        gemeente for PC4 and within Nederland for gemeenten, and for a single year across the years of every
        published pool) is computed over all areas before filtering; cells hidden in the source count as hidden.
    """
    ind = indicator(indicator_id)
    period = period or default_period(data)
    # Suppression and the comparison are computed over all areas (they depend on the others), so the result
    # for every area is kept per dataset frame (perinatal.memo) and each gemeente is a filter on it.
    frame = MEMO.get(frame_of(data), (level, ind.id, period), lambda: _all_rates(data, level=level, ind=ind,
                                                                                   period=period))
    if gemeentecode is not None:
        frame = frame[frame["gemeentecode"] == gemeentecode]
    return frame.reset_index(drop=True)


MEMO = FrameMemo(size=256)  # per dataset frame, level, indicator and period


def _all_rates(data: PerinatalDataset | pd.DataFrame, *, level: str, ind: PerinatalIndicator,
               period: str) -> pd.DataFrame:
    """area_rates of every area of ``level`` (see there)."""
    single = [str(y) for y in years(frame_of(data))]
    # A single year is protected together with the other years, because pooled periods are published too.
    computed = single if period in single and len(single) > 1 else [period]
    counts = pd.concat([level_counts(data, level=level, period=p).assign(period=p) for p in computed],
                       ignore_index=True)
    frame = counts.assign(numerator=exact_numerator(counts, ind), denominator=counts[ind.denominator],
                          derived=counts[ps.derived_column(ind.numerator)].fillna(False).astype(bool),
                          weeks=counts[ps.weeks_column(ind.numerator)])
    frame = frame.assign(_before=_hidden_before(frame, ind))
    frame = stats.add_rates(frame, multiplier=ind.multiplier)
    frame["suppression_code"] = frame["_before"].where(frame["suppression_code"] == stats.SUPPRESS_UNKNOWN,
                                                       frame["suppression_code"]).fillna(frame["suppression_code"])
    frame = _protect(frame, level=level, pools=pools(data) if len(computed) > 1 else [])
    frame = frame[frame["period"] == period].drop(columns=["_before"])
    own_counts = counts[counts["period"] == period] if level == "gemeente" else None
    national = national_reference(data, indicator_id=ind.id, period=period, gemeente_counts=own_counts)
    frame["comparison"] = [stats.compare(lo, up, national.value, polarity=ind.polarity)
                           for lo, up in zip(frame["lower"].tolist(), frame["upper"].tolist())]
    frame["suppression_reason"] = _reasons(frame, ind)
    frame = frame.assign(indicator_id=ind.id, period=period, level=level, unit=ind.unit,
                         national_value=national.value, national_basis=national.basis, national_label=national.label)
    frame["is_synthetic"] = frame["is_synthetic"].fillna(False).astype(bool)
    frame["suppressed"] = frame["suppressed"].astype(bool)
    return frame[OUTPUT_COLUMNS].sort_values("area_code").reset_index(drop=True)


def _protect(frame: pd.DataFrame, *, level: str, pools: list[list[str]], rounds: int = 10) -> pd.DataFrame:
    """Secondary suppression until stable: per period within each gemeente (PC4) or within Nederland
    (gemeenten), and per area within each published pool of years (so pool minus years reveals nothing)."""
    frame = frame.assign(_geo=frame["gemeentecode"].astype(str) if level == "pc4" else "NL")
    frame["_geo"] = frame["_geo"] + "|" + frame["period"].astype(str)
    for _ in range(rounds):
        before = (int(frame["suppressed"].sum()), int(frame["denominator"].isna().sum()))
        frame = _secondary(frame, group="_geo")
        for pool in pools:
            inside = frame["period"].isin(pool)
            frame = pd.concat([_secondary(frame[inside], group="area_code"), frame[~inside]]).sort_index()
        if (int(frame["suppressed"].sum()), int(frame["denominator"].isna().sum())) == before:
            break
    return frame.drop(columns=["_geo"])


def _secondary(frame: pd.DataFrame, *, group: str) -> pd.DataFrame:
    """Secondary suppression on the numerator and on the births (denominator) within ``group``; births hidden
    for any reason (in the source, below 10, unknown) count as hidden."""
    frame = stats.secondary_suppression(frame, group=group, count="numerator", order="area_code")
    frame = frame.assign(_den_hidden=frame["denominator"].isna(), _den_code=None)
    frame = stats.secondary_suppression(frame, group=group, count="denominator", flag="_den_hidden",
                                        code="_den_code", order="area_code")
    newly = frame["_den_code"] == stats.SUPPRESS_SECONDARY
    frame.loc[newly, ["numerator", "value", "lower", "upper"]] = pd.NA
    frame.loc[newly, "suppressed"] = True
    frame.loc[newly, "suppression_code"] = stats.SUPPRESS_SECONDARY
    return frame.drop(columns=["_den_hidden", "_den_code"])
