"""Altair builders for the municipality profile: spine chart, forest chart (peers, PC4) and trend.

Builders take the frames of ``ks_data.perinatal.profile`` and return finalized charts; no ``st.*`` here.
Colours are the colour-blind-safe ``COMPARISON_COLOURS``; every mark also has a text label/tooltip.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from ks_data.charts.base import finalize
from ks_data.core.colours import COMPARISON_COLOURS, OKABE_ITO
from ks_data.texts import common as tc
from ks_data.texts import perinatal as tp

_CATEGORIES = list(COMPARISON_COLOURS)


def _title(text: str, *, subtitle: str | list[str] | None, synthetic: bool) -> alt.TitleParams:
    if synthetic:
        text += tp.CHART_SYNTHETIC_SUFFIX
    lines = [subtitle] if isinstance(subtitle, str) else list(subtitle or [])
    return alt.TitleParams(text=text, subtitle=lines)  # sizes from base.finalize: they grow with its scale


def _colour(present: pd.Series, legend: bool = True) -> alt.Color:
    """Comparison colours; the legend lists only the categories present (order and colours fixed)."""
    categories = [c for c in _CATEGORIES if c in set(present)] or ["not_compared"]
    labels = [tp.COMPARISON_LABELS[c] for c in categories]
    return alt.Color(
        "comparison_label:N", title=tp.LEGEND_COMPARISON,
        scale=alt.Scale(domain=labels, range=[COMPARISON_COLOURS[c] for c in categories]),
        legend=alt.Legend(orient="bottom", columns=3) if legend else None,  # label limit: base.finalize
    )


def _with_labels(frame: pd.DataFrame) -> pd.DataFrame:
    out = frame.copy()
    out["comparison_label"] = out["comparison"].map(tp.COMPARISON_LABELS)
    for column in ("value", "lower", "upper", "national_value", "numerator", "denominator"):
        if column in out.columns:
            out[column] = pd.to_numeric(out[column], errors="coerce").astype(float)
    return out


def spine_chart(frame: pd.DataFrame, *, name: str, period: str, synthetic: bool, subtitle: str | list[str] | None = None,
                scale: float = 1.0) -> alt.TopLevelMixin:
    """Fingertips-style spine: per indicator the spread of all gemeenten (light: min-max, dark: middle
    50%), the national value as the centre line, and the gemeente as a dot coloured by comparison."""
    data = _with_labels(frame)
    data["label_x"] = data[["s_value", "s_upper"]].max(axis=1)
    data["value_text"] = [tc.fmt_value(v, unit=u) if pd.notna(v) else tp.SUPPRESSED_MARK
                          for v, u in zip(data["value"], data["unit"])]
    y = alt.Y("short_title:N", title=None, sort=list(data["short_title"]), axis=alt.Axis(labelLimit=260 * scale))
    x_axis = alt.Axis(labels=False, ticks=False, grid=False, title=tp.SPINE_AXIS)
    base = alt.Chart(data).encode(y=y)
    full = base.mark_bar(color="#E0E0E0", size=18).encode(x=alt.X("s_min:Q", scale=alt.Scale(domain=[0, 1]),
                                                                 axis=x_axis), x2="s_max:Q")
    middle = base.mark_bar(color="#A6A6A6", size=18).encode(x="s_q25:Q", x2="s_q75:Q")
    centre = alt.Chart(pd.DataFrame({"x": [0.5]})).mark_rule(color="#000000", strokeWidth=2).encode(x="x:Q")
    tooltip = [alt.Tooltip("title:N", title=tp.INDICATOR_LABEL), alt.Tooltip("value:Q", title=tp.TOOLTIP_VALUE,
               format=",.1f"), alt.Tooltip("lower:Q", title=tp.TABLE_COLUMNS["lower"], format=",.1f"),
               alt.Tooltip("upper:Q", title=tp.TABLE_COLUMNS["upper"], format=",.1f"),
               alt.Tooltip("national_value:Q", title=tp.SERIES_NATIONAL, format=",.1f"),
               alt.Tooltip("unit:N", title=tp.TABLE_COLUMNS["unit"]),
               alt.Tooltip("comparison_label:N", title=tp.LEGEND_COMPARISON)]
    dots = base.mark_point(filled=True, size=260 * scale, stroke="#000000", strokeWidth=1, opacity=1).encode(
        x="s_value:Q", color=_colour(data["comparison"]), tooltip=tooltip)
    whiskers = base.transform_filter("isValid(datum.s_lower)").mark_rule(color="#000000", strokeWidth=3).encode(
        x="s_lower:Q", x2="s_upper:Q")
    labels = base.mark_text(align="left", dx=10, fontSize=13 * scale).encode(
        x=alt.X("label_x:Q"), text="value_text:N")
    chart = alt.layer(full, middle, centre, whiskers, dots, labels).properties(
        title=_title(tp.CHART_SPINE_TITLE.format(name=name, period=period), subtitle=subtitle, synthetic=synthetic),
        width="container", height=alt.Step(44 * scale))
    return finalize(chart, scale=scale)


def forest_chart(frame: pd.DataFrame, *, title: str, unit: str, synthetic: bool, subtitle: str | list[str] | None = None,
                 label: str = "area_name", own: str | None = None, scale: float = 1.0) -> alt.TopLevelMixin:
    """Areas sorted by value with 95% CI bars, coloured by comparison, and a national reference line.

    ``own`` is the area_code to highlight (bold label, larger dot). Suppressed areas are left out of the
    marks but keep their row label so they are visibly missing.
    """
    data = _with_labels(frame)
    data["is_own"] = data["area_code"] == own if own else False
    data["label"] = data[label].astype(str)
    data.loc[data["is_own"], "label"] = data.loc[data["is_own"], "label"] + tp.OWN_MARK
    order = list(data.sort_values("value", na_position="last")["label"])
    weight = {"condition": {"test": f"datum.value == {_own_label(data)!r}", "value": "bold"}, "value": "normal"}
    y = alt.Y("label:N", sort=order, title=None, axis=alt.Axis(labelLimit=260 * scale, labelFontWeight=weight))
    base = alt.Chart(data).encode(y=y)
    bars = base.transform_filter("isValid(datum.value)").mark_rule(strokeWidth=2, color="#555555").encode(
        x=alt.X("lower:Q", title=tp.AXIS_VALUE.format(unit=unit), scale=alt.Scale(zero=False)), x2="upper:Q")
    tooltip = [alt.Tooltip("label:N", title=tp.AXIS_AREA), alt.Tooltip("value:Q", title=tp.TOOLTIP_VALUE, format=",.1f"),
               alt.Tooltip("lower:Q", title=tp.TABLE_COLUMNS["lower"], format=",.1f"),
               alt.Tooltip("upper:Q", title=tp.TABLE_COLUMNS["upper"], format=",.1f"),
               alt.Tooltip("denominator:Q", title=tp.TOOLTIP_N, format=",d"),
               alt.Tooltip("comparison_label:N", title=tp.LEGEND_COMPARISON)]
    dots = base.transform_filter("isValid(datum.value)").mark_point(filled=True, stroke="#000000", opacity=1).encode(
        x="value:Q", color=_colour(data["comparison"]), tooltip=tooltip,
        size=alt.condition("datum.is_own", alt.value(300 * scale), alt.value(110 * scale)),
        strokeWidth=alt.condition("datum.is_own", alt.value(2.5), alt.value(0.5)))
    hidden = base.transform_filter("!isValid(datum.value)").mark_text(align="left", color="#555555").encode(
        x=alt.value(4), text=alt.value(tp.SUPPRESSED_MARK))
    layers = [bars, dots, hidden]
    national = data["national_value"].dropna()
    if not national.empty:
        reference = alt.Chart(pd.DataFrame({"national": [national.iloc[0]], "text": [
            f"{tp.SERIES_NATIONAL}: {tc.fmt_value(national.iloc[0], unit=unit)}"]}))
        layers.append(reference.mark_rule(color="#000000", strokeDash=[6, 4], strokeWidth=2).encode(x="national:Q"))
        layers.append(reference.mark_text(align="left", dx=4, dy=-6, fontSize=12 * scale).encode(
            x="national:Q", y=alt.value(0), text="text:N"))
    chart = alt.layer(*layers).properties(title=_title(title, subtitle=subtitle, synthetic=synthetic),
                                          width="container", height=alt.Step(26 * scale))
    return finalize(chart, scale=scale)


def _own_label(data: pd.DataFrame) -> str:
    own = data.loc[data["is_own"], "label"]
    return str(own.iloc[0]) if not own.empty else ""


def trend_chart(frame: pd.DataFrame, *, title: str, unit: str, name: str, synthetic: bool,
                subtitle: str | list[str] | None = None, scale: float = 1.0) -> alt.TopLevelMixin:
    """The gemeente (line, points, 95% CI band) and Nederland (dashed) over pooled periods."""
    data = _with_labels(frame.assign(comparison="not_compared"))
    data["series_label"] = data["series"].map({"gemeente": name, "land": tp.SERIES_NATIONAL})
    colour = alt.Color("series_label:N", title=None, scale=alt.Scale(domain=[name, tp.SERIES_NATIONAL],
                       range=[OKABE_ITO[0], "#000000"]), legend=alt.Legend(orient="bottom", symbolType="stroke",
                                                                  symbolStrokeWidth=3))
    x = alt.X("period:O", title=tp.AXIS_PERIOD, sort=list(dict.fromkeys(data["period"])),
              axis=alt.Axis(labelAngle=0))
    y_title = tp.AXIS_VALUE.format(unit=unit)
    local = alt.Chart(data[data["series"] == "gemeente"])
    band = local.transform_filter("isValid(datum.value)").mark_area(opacity=0.2, color=OKABE_ITO[0]).encode(
        x=x, y=alt.Y("lower:Q", title=y_title, scale=alt.Scale(zero=False)), y2="upper:Q")
    tooltip = [alt.Tooltip("series_label:N", title=tp.AXIS_AREA), alt.Tooltip("period:O", title=tp.AXIS_PERIOD),
               alt.Tooltip("value:Q", title=tp.TOOLTIP_VALUE, format=",.1f"),
               alt.Tooltip("lower:Q", title=tp.TABLE_COLUMNS["lower"], format=",.1f"),
               alt.Tooltip("upper:Q", title=tp.TABLE_COLUMNS["upper"], format=",.1f")]
    lines = alt.Chart(data).transform_filter("isValid(datum.value)").mark_line(point=True, strokeWidth=3).encode(
        x=x, y=alt.Y("value:Q", title=y_title, scale=alt.Scale(zero=False)), color=colour,
        strokeDash=alt.StrokeDash("series_label:N", legend=None, scale=alt.Scale(
            domain=[name, tp.SERIES_NATIONAL], range=[[1, 0], [6, 4]])), tooltip=tooltip)
    chart = alt.layer(band, lines).properties(title=_title(title, subtitle=subtitle, synthetic=synthetic),
                                              width="container", height=300 * scale)
    return finalize(chart, scale=scale)
