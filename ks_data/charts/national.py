"""Altair builders for the national indicator pages (history per indicator, coalitions, Big2, kraamzorg)."""

from __future__ import annotations

import altair as alt
import pandas as pd

from ks_data.charts.base import finalize
from ks_data.core.colours import OKABE_ITO, STATUS_COLOURS
from ks_data.national.history import has_range, range_subtitle
from ks_data.texts import common as tc
from ks_data.texts import national as ti

HEIGHT = 320


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
    if has_range(frame):
        tooltip.insert(3, alt.Tooltip("range_label:N", title=ti.COL_RANGE_MIXED))
    bars = base.mark_bar().encode(y=alt.Y("value:Q", title=y_title), color=colour, tooltip=tooltip)
    spread = has_range(frame)
    # With a spread line through the bar's centre, the value label moves to the right of it.
    label_mark = base.mark_text(dy=-8, dx=9, align="left", fontSize=13 * scale) if spread else base.mark_text(dy=-8, fontSize=13 * scale)
    layers = [bars, label_mark.encode(y="value:Q", text="label:N")]
    subtitle = [ti.CHART_SUBTITLE, *range_subtitle(frame)]
    if spread:  # a vertical line from lowest to highest value, with caps so it reads as a range
        layers.append(base.mark_rule(strokeWidth=2, color="#333333").encode(y="range_min:Q", y2="range_max:Q"))
        for end in ("range_min", "range_max"):
            layers.append(base.mark_tick(color="#333333", thickness=2, size=12 * scale).encode(y=f"{end}:Q"))
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
