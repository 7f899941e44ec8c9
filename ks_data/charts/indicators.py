"""Altair builders for the national indicator pages (history per indicator, coalitions, Big2, kraamzorg)."""

from __future__ import annotations

import altair as alt
import pandas as pd

from ks_data.charts.base import OKABE_ITO, finalize
from ks_data.texts import common as tc
from ks_data.texts import indicators as ti

STATUS_COLOURS = {"formed": OKABE_ITO[0], "in_development": OKABE_ITO[1], "other": "#A0A0A0"}
HEIGHT = 320


def history_frame(values: pd.DataFrame, *, unit: str, decimals: int, series_names: dict[str, str]) -> pd.DataFrame:
    """Plain (non-nullable) frame behind a history chart: one row per stated year and series.

    Returns:
        Columns year, series, value, label (Dutch formatted), range_min, range_max, source_ref.
    """
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


def history_chart(frame: pd.DataFrame, *, title: str, unit: str, scale: float = 1.0) -> alt.TopLevelMixin:
    """Bars for the stated years only, on an axis that shows every year in between (no interpolation)."""
    years = list(range(int(frame["year"].min()), int(frame["year"].max()) + 1))
    data = frame.assign(year=frame["year"].astype(str))
    x = alt.X("year:O", title=ti.AXIS_YEAR, scale=alt.Scale(domain=[str(y) for y in years]), axis=alt.Axis(labelAngle=0))
    y_title = ti.AXIS_PERCENT if unit == "%" else unit
    multi = data["series"].nunique() > 1
    colour = (
        alt.Color("series:N", title=ti.COL_SERIES, scale=alt.Scale(range=list(OKABE_ITO)), legend=alt.Legend(orient="top", direction="vertical", labelLimit=0, title=None))
        if multi
        else alt.value(OKABE_ITO[0])
    )
    base = alt.Chart(data).encode(x=x, xOffset=alt.XOffset("series:N") if multi else alt.XOffset())
    tooltip = [
        alt.Tooltip("year:O", title=ti.COL_YEAR),
        alt.Tooltip("series:N", title=ti.COL_SERIES),
        alt.Tooltip("label:N", title=ti.COL_VALUE),
        alt.Tooltip("source_ref:N", title=ti.COL_SOURCE),
    ]
    bars = base.mark_bar().encode(y=alt.Y("value:Q", title=y_title), color=colour, tooltip=tooltip)
    has_range = bool(frame["range_min"].notna().any())
    # With a spread line through the bar's centre, the value label moves to the right of it.
    label_mark = base.mark_text(dy=-8, dx=6, align="left", fontSize=13 * scale) if has_range else base.mark_text(dy=-8, fontSize=13 * scale)
    layers = [bars, label_mark.encode(y="value:Q", text="label:N")]
    subtitle = [ti.CHART_SUBTITLE]
    if has_range:
        layers.append(base.mark_rule(strokeWidth=2, color="#333333").encode(y="range_min:Q", y2="range_max:Q"))
        subtitle.append(ti.RANGE_SUBTITLE)
    chart = alt.layer(*layers).properties(
        title=alt.TitleParams(title, subtitle=subtitle), height=HEIGHT * scale, width="container"
    )
    return finalize(chart, scale=scale)


def coalition_chart(shares: pd.DataFrame, *, subtitle: str = "", scale: float = 1.0) -> alt.TopLevelMixin:
    """Stacked bars per year: share of municipalities per coalition status (shares from trends.coalition_shares)."""
    data = pd.DataFrame(
        {
            "year": shares["year"].astype(str),
            "status": [ti.STATUS_LABEL[s] for s in shares["status"]],
            "order": [list(STATUS_COLOURS).index(s) for s in shares["status"]],
            "percentage": shares["percentage"].astype(float),
            "count": shares["count"].astype(int),
            "label": [
                f"{tc.fmt_pct(p, decimals=0)} (n={c})" for p, c in zip(shares["percentage"], shares["count"])
            ],
        }
    )
    colour = alt.Color(
        "status:N",
        title=ti.COL_STATUS,
        scale=alt.Scale(domain=[ti.STATUS_LABEL[s] for s in STATUS_COLOURS], range=list(STATUS_COLOURS.values())),
        legend=alt.Legend(orient="top", labelLimit=0, title=None),
    )
    base = alt.Chart(data).encode(
        x=alt.X("year:O", title=ti.AXIS_YEAR, axis=alt.Axis(labelAngle=0)),
        y=alt.Y("percentage:Q", title=ti.COALITIONS_AXIS, stack="zero", scale=alt.Scale(domain=[0, 100])),
        order=alt.Order("order:Q"),
    )
    bars = base.mark_bar().encode(
        color=colour,
        tooltip=[
            alt.Tooltip("year:O", title=ti.COL_YEAR),
            alt.Tooltip("status:N", title=ti.COL_STATUS),
            alt.Tooltip("label:N", title=ti.COL_PERCENTAGE),
        ],
    )
    text = base.mark_text(color="white", fontSize=13 * scale, fontWeight="bold").encode(
        y=alt.Y("percentage:Q", stack="zero", bandPosition=0.5), text="label:N"
    )
    chart = alt.layer(bars, text).properties(
        title=alt.TitleParams(ti.COALITIONS_CHART_TITLE, subtitle=subtitle), height=HEIGHT * scale, width="container"
    )
    return finalize(chart, scale=scale)
