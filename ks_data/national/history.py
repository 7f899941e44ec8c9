"""Tables and texts behind the national history and coalition charts: the frame, exports, alt texts."""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from ks_data.texts import common as tc
from ks_data.texts import national as ti


def history_frame(values: pd.DataFrame, *, unit: str, decimals: int, series_names: dict[str, str],
                  series_decimals: dict[str, int] | None = None) -> pd.DataFrame:
    """Plain (non-nullable) frame behind a history chart: one row per stated year and series.

    Rows follow the order of ``series_names`` (the indicator's own series order), then year. A series
    printed in whole percentages in the source keeps them (``series_decimals``).

    Returns:
        Columns year, series, value, label (Dutch formatted), range_min, range_max, range_basis
        ('organisations', 'years' or ''), range_from (first year of a range over years, else NaN),
        range_label (the range as text), source_ref.
    """
    places = series_decimals or {}
    order = {series: position for position, series in enumerate(series_names)}
    values = values.sort_values("year", kind="stable")
    values = values.sort_values("series", key=lambda s: s.map(lambda x: order.get(x, len(order))), kind="stable")
    frame = pd.DataFrame(
        {
            "year": values["year"].astype(int),
            "series": [series_names.get(s, s) for s in values["series"]],
            "value": values["value"].astype(float),
            "label": [tc.fmt_value(v, unit=unit, decimals=places.get(s, decimals))
                      for v, s in zip(values["value"], values["series"])],
            "range_min": values["range_min"].astype("float64"),
            "range_max": values["range_max"].astype("float64"),
            "range_basis": values["range_basis"].fillna("").astype(str) if "range_basis" in values else "",
            "range_from": values["range_from"].astype("float64") if "range_from" in values else float("nan"),
            "source_ref": values["source_ref"].astype(str),
        }
    )
    frame["range_label"] = [range_text(lo, hi, unit=unit, basis=b, first=f, year=y) for lo, hi, b, f, y in zip(
        frame["range_min"], frame["range_max"], frame["range_basis"], frame["range_from"], frame["year"])]
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


def range_text(low: object, high: object, *, unit: str, basis: str = "", first: object = None,
               year: object = None) -> str:
    """'7,5% - 19,5%'; a range over years says which ('6,7% - 6,9% (2016-2020)'); '' without a range.

    >>> range_text(7.5, 19.5, unit="%"), range_text(None, None, unit="%")
    ('7,5% - 19,5%', '')
    >>> range_text(6.7, 6.9, unit="%", basis="years", first=2016, year=2020)
    '6,7% - 6,9% (2016-2020)'
    """
    if pd.isna(low) or pd.isna(high):
        return ""
    text = f"{tc.fmt_value(low, unit=unit)} - {tc.fmt_value(high, unit=unit)}"
    return ti.RANGE_YEARS_CELL.format(range=text, years=f"{int(first)}-{int(year)}") if basis == "years" else text


def range_basis_label(basis: str, *, first: object = None, year: object = None) -> str:
    """What a range is, for downloads: 'tussen JGZ-organisaties' or 'over 2016-2020' ('' without a range).

    >>> range_basis_label("years", first=2016, year=2020), range_basis_label("")
    ('over 2016-2020', '')
    """
    if not basis:
        return ""
    years = f"{int(first)}-{int(year)}" if basis == "years" else ""
    return ti.RANGE_BASIS_LABEL[basis].format(years=years)


def range_header(bases: Iterable[str]) -> str:
    """Column header of the range column: spread between organisations, range over the years, or both.

    >>> range_header(["organisations", ""]), range_header(["years"]), range_header(["years", "organisations"])
    ('Spreiding tussen JGZ-organisaties', 'Bereik over de jaren', 'Spreiding of bereik')
    """
    kinds = {b for b in bases if b}
    if kinds == {"years"}:
        return ti.COL_RANGE_YEARS
    return ti.COL_RANGE_MIXED if len(kinds) > 1 else ti.COL_RANGE


def has_range(frame: pd.DataFrame) -> bool:
    """Whether a history frame has a spread (range_min/range_max) to plot for any year."""
    return bool(frame["range_min"].notna().any())


def _bases(frame: pd.DataFrame) -> pd.Series:
    """The range_basis column ('' for every row of a frame that has none)."""
    return frame["range_basis"] if "range_basis" in frame else pd.Series("", index=frame.index)


def range_years(frame: pd.DataFrame) -> str:
    """The period of the ranges over years in a history frame ('2016-2020'), or '' when it has none."""
    rows = frame[_bases(frame) == "years"]
    if rows.empty:
        return ""
    return f"{int(rows['range_from'].min())}-{int(rows['year'].max())}"


def range_subtitle(frame: pd.DataFrame) -> list[str]:
    """Chart subtitle lines explaining the black range lines of a history frame (none without ranges)."""
    if not has_range(frame):
        return []
    years = range_years(frame)
    lines = [ti.RANGE_YEARS_SUBTITLE.format(years=years)] if years else []
    if (_bases(frame) == "organisations").any() or not years:
        lines.append(ti.RANGE_SUBTITLE)
    return lines


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
        out[ti.COL_RANGE_BASIS] = [range_basis_label(b, first=f, year=y) if pd.notna(lo) else "" for b, f, y, lo
                                   in zip(frame["range_basis"], frame["range_from"], frame["year"], frame["range_min"])]
    out[ti.COL_SOURCE] = frame["source_ref"]
    return out


def history_screen_table(frame: pd.DataFrame, *, unit: str) -> pd.DataFrame:
    """The rows of a history chart as shown on screen (its text alternative): formatted values."""
    out = pd.DataFrame({ti.COL_YEAR: frame["year"], ti.COL_SERIES: frame["series"], ti.COL_VALUE: frame["label"]})
    if has_range(frame):
        out[range_header(frame["range_basis"])] = [
            range_text(lo, hi, unit=unit, basis=b, first=f, year=y)
            for lo, hi, b, f, y in zip(frame["range_min"], frame["range_max"], frame["range_basis"],
                                       frame["range_from"], frame["year"])
        ]
    out[ti.COL_SOURCE] = frame["source_ref"]
    return out


def history_alt_text(frame: pd.DataFrame, *, title: str, unit: str = "%") -> str:
    """What a history chart shows, in words: title, years and every plotted value."""
    multi = frame["series"].nunique() > 1
    per_series = []
    for series, rows in frame.groupby("series", sort=False):
        values = ", ".join(ti.HISTORY_ALT_VALUE.format(year=y, value=v) for y, v in zip(rows["year"], rows["label"]))
        per_series.append(ti.HISTORY_ALT_SERIES.format(series=series, values=values) if multi else values)
    text = ti.HISTORY_ALT.format(title=title, years=years_text(frame["year"]), values="; ".join(per_series))
    if (_bases(frame) == "years").any():
        rows = frame[_bases(frame) == "years"]
        ranges = ", ".join(ti.HISTORY_ALT_RANGE_PART.format(series=s, range=range_text(lo, hi, unit=unit))
                           for s, lo, hi in zip(rows["series"], rows["range_min"], rows["range_max"]))
        text += ti.HISTORY_ALT_RANGE_YEARS.format(years=range_years(frame), ranges=ranges)
    if (_bases(frame) == "organisations").any() or (has_range(frame) and not range_years(frame)):
        text += ti.HISTORY_ALT_RANGE
    return text


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
