"""Tables behind the municipality profile: overview per indicator, trend, peers and PC4 areas.

Each function returns exactly the frame a chart or table shows (and its download offers), built on
``rates.area_rates`` so suppression and comparison are already applied.
"""

from __future__ import annotations

import pandas as pd

from ks_data.perinatal import rates
from ks_data.perinatal.dataset import PerinatalDataset, frame_of
from ks_data.perinatal.indicators import PerinatalIndicator, available_indicators
from ks_data.texts import perinatal as tp

N_PEERS = 10


def gemeente_options(data: PerinatalDataset | pd.DataFrame) -> list[str]:
    """Gemeente codes with figures in ``data`` (own rows or PC4 rows), sorted."""
    frame = frame_of(data)
    codes = frame.loc[frame["level"] == "gemeente", "area_code"].dropna().tolist()
    codes += frame.loc[frame["level"] == "pc4", "gemeentecode"].dropna().tolist()
    return sorted(set(codes))


def overview(data: PerinatalDataset | pd.DataFrame, *, gemeentecode: str, period: str) -> pd.DataFrame:
    """One row per available indicator for one gemeente: rate, CI, national value, comparison.

    Adds indicator metadata (title, short_title, unit, decimals, definition, variant, source, polarity; the
    variant says so when the file counts from another week of pregnancy than the definition) and the
    difference with the national value (``diff``, ``diff_lower``, ``diff_upper``) for the spine chart.
    Empty when the gemeente has no rows.
    """
    rows = []
    for ind in available_indicators(frame_of(data)):
        found = rates.area_rates(data, level="gemeente", indicator_id=ind.id, period=period,
                                 gemeentecode=gemeentecode)
        if found.empty:
            continue
        row = found.iloc[0].to_dict()
        row.update(title=ind.title, short_title=ind.short_title, decimals=ind.decimals,
                   definition=ind.definition, variant=variant_text(ind, row.get("weeks")), indicator_source=ind.source,
                   polarity=ind.polarity, numerator_label=ind.numerator_label)
        rows.append(row)
    frame = pd.DataFrame(rows)
    if frame.empty:
        return frame
    for column in ("value", "lower", "upper", "national_value"):
        frame[column] = pd.to_numeric(frame[column], errors="coerce").astype("Float64")
    frame["diff"] = frame["value"] - frame["national_value"]
    frame["diff_lower"] = frame["lower"] - frame["national_value"]
    frame["diff_upper"] = frame["upper"] - frame["national_value"]
    return frame


def variant_text(ind: PerinatalIndicator, weeks: object) -> str:
    """The indicator's definition variant, or a note that the file counts from another week of pregnancy."""
    if weeks is None or pd.isna(weeks) or int(weeks) == ind.from_weeks:
        return ind.variant
    return tp.VARIANT_FILE_WEEKS.format(weeks=int(weeks), variant=ind.variant)


def area_name(profile: pd.DataFrame) -> str:
    """The gemeente's name as its ``overview`` (or ``spine``) rows carry it; '' for an empty profile."""
    return "" if profile.empty else str(profile["area_name"].iloc[0])


def national_basis(profile: pd.DataFrame) -> str:
    """What the national value of a profile's first indicator is: 'land', 'all', 'rivm', 'definition' or 'none'
    (see ``perinatal.reference``); each row has its own ``national_basis`` and ``national_label``."""
    return "" if profile.empty else str(profile["national_basis"].iloc[0])


def trend(data: PerinatalDataset | pd.DataFrame, *, gemeentecode: str, indicator_id: str) -> pd.DataFrame:
    """The gemeente and Nederland over successive (pooled) periods; empty when there is only one period.

    Columns: series ('gemeente' | 'land'), area_name, period, value, lower, upper, numerator, denominator,
    suppressed, suppression_reason, derived, national_label (of the 'land' rows: what Nederland is),
    is_synthetic, source. Nederland's value is empty for a period without a national reference.
    """
    rows = []
    for period in rates.trend_periods(data):
        local = rates.area_rates(data, level="gemeente", indicator_id=indicator_id, period=period,
                                 gemeentecode=gemeentecode)
        if local.empty:
            continue
        row = local.iloc[0]
        national = rates.national_value(data, indicator_id=indicator_id, period=period)
        rows.append({"series": "gemeente", "area_name": row["area_name"], "period": period, "value": row["value"],
                     "lower": row["lower"], "upper": row["upper"], "numerator": row["numerator"],
                     "denominator": row["denominator"], "suppressed": row["suppressed"],
                     "suppression_reason": row["suppression_reason"], "derived": row["derived"],
                     "is_synthetic": row["is_synthetic"], "source": row["source"]})
        rows.append({"series": "land", "area_name": None, "period": period, "value": national["value"],
                     "lower": national["lower"], "upper": national["upper"], "numerator": national["numerator"],
                     "denominator": national["denominator"], "suppressed": False, "suppression_reason": "",
                     "derived": False, "national_label": national["label"], "is_synthetic": row["is_synthetic"],
                     "source": row["source"]})
    return pd.DataFrame(rows)


def peers(
    data: PerinatalDataset | pd.DataFrame, *, gemeentecode: str, indicator_id: str, period: str,
    n_peers: int = N_PEERS,
) -> pd.DataFrame:
    """The gemeente plus the ``n_peers`` gemeenten with the nearest number of births; ``is_own`` marks it.

    Births are compared on the pooled period. Sorted by value (suppressed last). Same columns as
    ``rates.area_rates`` plus ``is_own``.
    """
    every = rates.area_rates(data, level="gemeente", indicator_id=indicator_id, period=period)
    births = rates.level_counts(data, level="gemeente", period=period)[["area_code", "births"]]
    every = every.merge(births, on="area_code", how="left")
    own = every[every["area_code"] == gemeentecode]
    if own.empty:
        return own.assign(is_own=pd.Series(dtype=bool))
    target = own["births"].iloc[0]
    others = every[(every["area_code"] != gemeentecode) & every["births"].notna()]
    distance = (pd.to_numeric(others["births"]) - target).abs()
    chosen = others.loc[distance.sort_values(kind="stable").index[:n_peers]]
    out = pd.concat([own, chosen]).assign(is_own=lambda d: d["area_code"] == gemeentecode)
    out = out.sort_values(["suppressed", "value"], kind="stable", na_position="last")
    return out.drop(columns=["births"]).reset_index(drop=True)


def pc4_areas(
    data: PerinatalDataset | pd.DataFrame, *, gemeentecode: str, indicator_id: str, period: str,
) -> pd.DataFrame:
    """The PC4 areas of one gemeente for one indicator (suppressed, with CI and comparison)."""
    return rates.area_rates(data, level="pc4", indicator_id=indicator_id, period=period,
                            gemeentecode=gemeentecode)


def spine(data: PerinatalDataset | pd.DataFrame, *, gemeentecode: str, period: str) -> pd.DataFrame:
    """Overview rows plus the spread over all gemeenten, scaled Fingertips-style (national = 0.5).

    Adds g_min, g_q25, g_q75, g_max (unscaled, over unsuppressed gemeenten) and their scaled versions
    s_min, s_q25, s_q75, s_max plus s_value, s_lower, s_upper, each in [0, 1] with the national value at 0.5.
    """
    base = overview(data, gemeentecode=gemeentecode, period=period)
    if base.empty:
        return base
    spreads = []
    for ind_id, national, lower, upper in zip(base["indicator_id"], base["national_value"], base["lower"],
                                              base["upper"]):
        every = rates.area_rates(data, level="gemeente", indicator_id=ind_id, period=period)
        values = pd.to_numeric(every.loc[~every["suppressed"], "value"]).dropna()
        spread = {"g_min": values.min(), "g_q25": values.quantile(0.25), "g_q75": values.quantile(0.75),
                  "g_max": values.max()}
        # every gemeente suppressed (or no national value): no spread to scale by, so skip missing distances
        distances = [abs(v - national) for v in (spread["g_max"], spread["g_min"], lower, upper)
                     if pd.notna(v) and pd.notna(national)]
        half = max([1e-9, *distances])
        spread.update({f"s_{k[2:]}": 0.5 + (v - national) / (2 * half) for k, v in spread.items()})
        spread["_half"] = half
        spreads.append(spread)
    out = pd.concat([base.reset_index(drop=True), pd.DataFrame(spreads)], axis=1)
    for column in ("value", "lower", "upper"):
        out[f"s_{column}"] = (0.5 + (out[column] - out["national_value"]) / (2 * out["_half"])).clip(0, 1)
    return out.drop(columns=["_half"])


def compared(spine_rows: pd.DataFrame) -> pd.DataFrame:
    """The spine rows that have a national reference (the rows the 'compared with Nederland' chart can place)."""
    if spine_rows.empty:
        return spine_rows
    return spine_rows[spine_rows["national_value"].notna()].reset_index(drop=True)
