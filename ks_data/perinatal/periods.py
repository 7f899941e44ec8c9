"""The periods a perinatal dataset can show: those in the data plus pools of consecutive single years."""

from __future__ import annotations

import re

import pandas as pd

from ks_data.core import stats
from ks_data.perinatal.dataset import PerinatalDataset, frame_of

ROLLING_YEARS = 3


class UnknownPeriod(ValueError):
    """A period that is neither in the data nor poolable from its single years."""


def years(frame: pd.DataFrame) -> list[int]:
    """The single years (rows with period '2019', not '2016-2020') of a tidy frame, sorted."""
    single = frame["period"].dropna().astype(str).unique()
    return sorted({int(p) for p in single if re.fullmatch(r"\d{4}", p)})


def span(period: str) -> tuple[int, int] | None:
    """(first, last) year of '2016-2020' or '2020'; None for anything else.

    >>> span("2016-2020"), span("2020"), span("vorig jaar")
    ((2016, 2020), (2020, 2020), None)
    """
    match = re.fullmatch(r"(\d{4})(?:-(\d{4}))?", str(period))
    if not match:
        return None
    return int(match.group(1)), int(match.group(2) or match.group(1))


def periods(data: PerinatalDataset | pd.DataFrame) -> list[str]:
    """Periods that can be shown: those in the data plus pools of consecutive single years.

    Pools are the full span of the single years and rolling 3-year spans; sorted by end year, then span.
    """
    frame = frame_of(data)
    found = set(frame["period"].dropna().astype(str).unique())
    single = years(frame)
    if len(single) >= 2 and single == list(range(single[0], single[-1] + 1)):
        found.add(stats.period_label(single))
        for start in range(single[0], single[-1] - ROLLING_YEARS + 2):
            found.add(stats.period_label(list(range(start, start + ROLLING_YEARS))))
    spans = {p: span(p) for p in found}
    return sorted((p for p in found if spans[p]), key=lambda p: (spans[p][1], spans[p][0]))


def default_period(data: PerinatalDataset | pd.DataFrame) -> str:
    """The longest period ending in the latest year (pooled periods suit small areas best)."""
    options = periods(data)
    if not options:
        raise UnknownPeriod("no periods in the data")
    last = max(span(p)[1] for p in options)
    return min((p for p in options if span(p)[1] == last), key=lambda p: span(p)[0])


def trend_periods(data: PerinatalDataset | pd.DataFrame) -> list[str]:
    """Successive periods for a trend: rolling 3-year pools when single years exist, else stored spans."""
    options = periods(data)
    rolling = [p for p in options if (s := span(p)) and s[1] - s[0] + 1 == ROLLING_YEARS]
    if len(rolling) >= 2:
        return rolling
    stored = sorted(set(frame_of(data)["period"].dropna().astype(str)), key=lambda p: span(p) or (0, 0))
    return stored if len(stored) >= 2 else []


def pools(data: PerinatalDataset | pd.DataFrame) -> list[list[str]]:
    """The year sets of every multi-year period that can be published (each one a 'total' of its years)."""
    spans = [span(p) for p in periods(data)]
    return [[str(y) for y in range(a, b + 1)] for a, b in spans if b > a]
