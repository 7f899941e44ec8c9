"""Latest value, change since the previous stated year, and the coalition table as shares."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import pandas as pd

from ks_data.core import stats

Direction = Literal["up", "down", "same"]
Judgement = Literal["better", "worse", "same", "higher", "lower", "no_previous"]
Denominator = Literal["impuls", "respondents"]

COALITION_STATUSES = ("formed", "in_development", "other")
_DENOMINATOR_COLUMN = {"impuls": "impuls_gemeenten", "respondents": "respondents"}


@dataclass(frozen=True)
class LatestValue:
    """The most recent stated value of a series and the one stated before it (if any)."""

    year: int
    value: float
    numerator: int | None
    denominator: int | None
    previous_year: int | None
    previous_value: float | None
    judgement: Judgement


def trend_direction(*, latest: float, previous: float, decimals: int) -> Direction:
    """Direction of change, judged on the values as published (rounded to ``decimals``).

    >>> trend_direction(latest=9.5, previous=6.3, decimals=1)
    'up'
    >>> trend_direction(latest=15.04, previous=14.96, decimals=1)
    'same'
    """
    now, before = round(latest, decimals), round(previous, decimals)
    if now > before:
        return "up"
    if now < before:
        return "down"
    return "same"


def judge(*, direction: Direction, polarity: str) -> Judgement:
    """Whether a change is better or worse given the indicator's polarity (``core.stats.judge``).

    >>> judge(direction="up", polarity="lower_is_better")
    'worse'
    >>> judge(direction="down", polarity="none")
    'lower'
    """
    if direction == "same":
        return "same"
    return stats.judge("higher" if direction == "up" else "lower", polarity=polarity)


def latest_value(values: pd.DataFrame, *, polarity: str, decimals: int) -> LatestValue | None:
    """Latest and previous stated value of one series (``values``: rows of one series, any order)."""
    if values.empty:
        return None
    rows = values.sort_values("year")
    last = rows.iloc[-1]
    prev = rows.iloc[-2] if len(rows) > 1 else None
    judgement: Judgement = "no_previous"
    if prev is not None:
        direction = trend_direction(latest=float(last["value"]), previous=float(prev["value"]), decimals=decimals)
        judgement = judge(direction=direction, polarity=polarity)
    return LatestValue(
        year=int(last["year"]),
        value=float(last["value"]),
        numerator=_int_or_none(last.get("numerator")),
        denominator=_int_or_none(last.get("denominator")),
        previous_year=None if prev is None else int(prev["year"]),
        previous_value=None if prev is None else float(prev["value"]),
        judgement=judgement,
    )


def coalition_shares(coalitions: pd.DataFrame, *, denominator: Denominator) -> pd.DataFrame:
    """Tabel 1 as counts and percentages per status, against Impuls municipalities or respondents.

    "other" is the remainder: municipalities without a coalition or without an answer.

    Returns:
        Columns year, status, count, denominator, percentage (count / denominator x 100),
        stated_percentage (as printed in Tabel 1; empty for "other"), source_ref.
    """
    denom_col = _DENOMINATOR_COLUMN[denominator]
    suffix = "impuls" if denominator == "impuls" else "respondents"
    rows = []
    for _, rec in coalitions.sort_values("year").iterrows():
        total = int(rec[denom_col])
        counts = {
            "formed": int(rec["formed"]),
            "in_development": int(rec["in_development"]),
        }
        counts["other"] = total - counts["formed"] - counts["in_development"]
        for status in COALITION_STATUSES:
            stated = rec.get(f"pct_{status}_of_{suffix}") if status != "other" else pd.NA
            rows.append(
                {
                    "year": int(rec["year"]),
                    "status": status,
                    "count": counts[status],
                    "denominator": total,
                    "percentage": 100.0 * counts[status] / total,
                    "stated_percentage": stated,
                    "source_ref": rec["source_ref"],
                }
            )
    frame = pd.DataFrame(rows)
    frame["stated_percentage"] = frame["stated_percentage"].astype("Int64")
    return frame


def _int_or_none(value: object) -> int | None:
    return None if value is None or pd.isna(value) else int(value)


def coalition_data(shares: pd.DataFrame) -> pd.DataFrame:
    """Tabel 1 as downloaded: Dutch column names, counts and percentages as plain numbers.

    Returns:
        Columns Jaar, Stand, Aantal gemeenten, Noemer, Percentage (berekend), Percentage in Tabel 1, Bron (sectie).
    """
    from ks_data.texts import national as ti

    return pd.DataFrame(
        {
            ti.COL_YEAR: shares["year"],
            ti.COL_STATUS: [ti.STATUS_LABEL[s] for s in shares["status"]],
            ti.COL_COUNT: shares["count"],
            ti.LABEL_DENOMINATOR: shares["denominator"],
            ti.COL_PERCENTAGE: shares["percentage"],
            ti.COL_STATED: shares["stated_percentage"],
            ti.COL_SOURCE: shares["source_ref"],
        }
    )


def coalition_table(shares: pd.DataFrame) -> pd.DataFrame:
    """Tabel 1 for display: :func:`coalition_data` with the computed and printed percentage formatted."""
    from ks_data.texts import common as tc
    from ks_data.texts import national as ti

    table = coalition_data(shares)
    table[ti.COL_PERCENTAGE] = [tc.fmt_pct(p, decimals=1) for p in table[ti.COL_PERCENTAGE]]
    table[ti.COL_STATED] = [tc.fmt_pct(p, decimals=0) if pd.notna(p) else "" for p in table[ti.COL_STATED]]
    return table
