"""Tables and texts behind the national history and coalition charts: the frame, exports, alt texts."""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from ks_data.texts import common as tc
from ks_data.texts import national as ti


def history_frame(values: pd.DataFrame, *, unit: str, decimals: int, series_names: dict[str, str]) -> pd.DataFrame:
    """Plain (non-nullable) frame behind a history chart: one row per stated year and series.

    Rows follow the order of ``series_names`` (the indicator's own series order), then year.

    Returns:
        Columns year, series, value, label (Dutch formatted), range_min, range_max, source_ref.
    """
    order = {series: position for position, series in enumerate(series_names)}
    values = values.sort_values("year", kind="stable")
    values = values.sort_values("series", key=lambda s: s.map(lambda x: order.get(x, len(order))), kind="stable")
    frame = pd.DataFrame(
        {
            "year": values["year"].astype(int),
            "series": [series_names.get(s, s) for s in values["series"]],
            "value": values["value"].astype(float),
            "label": [tc.fmt_value(v, unit=unit, decimals=decimals) for v in values["value"]],
            "range_min": values["range_min"].astype("float64"),
            "range_max": values["range_max"].astype("float64"),
            "source_ref": values["source_ref"].astype(str),
        }
    )
    return frame.reset_index(drop=True)


def years_text(years: Iterable[int]) -> str:
    """The distinct years in Dutch, in order.

    >>> years_text([2020, 2016, 2020])
    '2016 en 2020'
    >>> years_text([2019, 2018, 2020])
    '2018, 2019 en 2020'
    """
    ordered = [str(y) for y in sorted({int(y) for y in years})]
    if len(ordered) < 2:
        return "".join(ordered)
    return f"{', '.join(ordered[:-1])} {ti.AND} {ordered[-1]}"


def range_text(low: object, high: object, *, unit: str) -> str:
    """'7,5% - 19,5%', or '' without a spread.

    >>> range_text(7.5, 19.5, unit="%"), range_text(None, None, unit="%")
    ('7,5% - 19,5%', '')
    """
    if pd.isna(low) or pd.isna(high):
        return ""
    return f"{tc.fmt_value(low, unit=unit)} - {tc.fmt_value(high, unit=unit)}"


def has_range(frame: pd.DataFrame) -> bool:
    """Whether a history frame has a spread (range_min/range_max) to plot for any year."""
    return bool(frame["range_min"].notna().any())


def has_trend(frame: pd.DataFrame) -> bool:
    """Whether a history frame has something to compare: more than one year or more than one series.

    >>> has_trend(pd.DataFrame({"year": [2020, 2020], "series": ["Big2", "Vroeggeboorte"]}))
    True
    >>> has_trend(pd.DataFrame({"year": [2020], "series": ["Big2"]}))
    False
    """
    return frame["year"].nunique() > 1 or frame["series"].nunique() > 1


def history_export(frame: pd.DataFrame, *, unit: str) -> pd.DataFrame:
    """Exactly the rows of a history chart with Dutch column names and plain numbers (the download).

    Returns:
        Columns Jaar, Reeks, Waarde, Eenheid, Spreiding laagste/hoogste (only when plotted), Bron (sectie).
    """
    out = pd.DataFrame({ti.COL_YEAR: frame["year"], ti.COL_SERIES: frame["series"], ti.COL_VALUE: frame["value"]})
    out[ti.COL_UNIT] = unit
    if has_range(frame):
        out[ti.COL_RANGE_MIN] = frame["range_min"]
        out[ti.COL_RANGE_MAX] = frame["range_max"]
    out[ti.COL_SOURCE] = frame["source_ref"]
    return out


def history_screen_table(frame: pd.DataFrame, *, unit: str) -> pd.DataFrame:
    """The rows of a history chart as shown on screen (its text alternative): formatted values."""
    out = pd.DataFrame({ti.COL_YEAR: frame["year"], ti.COL_SERIES: frame["series"], ti.COL_VALUE: frame["label"]})
    if has_range(frame):
        out[ti.COL_RANGE] = [range_text(lo, hi, unit=unit) for lo, hi in zip(frame["range_min"], frame["range_max"])]
    out[ti.COL_SOURCE] = frame["source_ref"]
    return out


def history_alt_text(frame: pd.DataFrame, *, title: str) -> str:
    """What a history chart shows, in words: title, years and every plotted value."""
    multi = frame["series"].nunique() > 1
    per_series = []
    for series, rows in frame.groupby("series", sort=False):
        values = ", ".join(ti.HISTORY_ALT_VALUE.format(year=y, value=v) for y, v in zip(rows["year"], rows["label"]))
        per_series.append(ti.HISTORY_ALT_SERIES.format(series=series, values=values) if multi else values)
    text = ti.HISTORY_ALT.format(title=title, years=years_text(frame["year"]), values="; ".join(per_series))
    return text + ti.HISTORY_ALT_RANGE if has_range(frame) else text


def coalition_alt_text(shares: pd.DataFrame, *, denominator_label: str) -> str:
    """What the coalition chart shows, in words: per year the share and count of every status."""
    per_year = []
    for year, rows in shares.groupby("year"):
        parts = ", ".join(
            ti.COALITIONS_ALT_PART.format(status=ti.STATUS_LABEL[s].lower(), percentage=tc.fmt_pct(p, decimals=0), count=c)
            for s, p, c in zip(rows["status"], rows["percentage"], rows["count"])
        )
        per_year.append(ti.COALITIONS_ALT_YEAR.format(year=year, parts=parts))
    years = years_text(shares["year"])
    return ti.COALITIONS_ALT.format(years=years, denominator=denominator_label, values="; ".join(per_year))
