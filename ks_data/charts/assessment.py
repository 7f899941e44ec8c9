"""Altair charts of the denkraam self-assessment: radar, ranked bars, comparison and workshop spread."""

from __future__ import annotations

import math

import altair as alt
import pandas as pd

from ks_data.charts.base import finalize
from ks_data.core.colours import OKABE_ITO
from ks_data.texts import assessment as ta

SCALE_MAX = 4
_LABEL_RADIUS = 1.22
_SIZE = 390


def radar_points(frame: pd.DataFrame, *, value: str = "score", scale_max: int = SCALE_MAX) -> pd.DataFrame:
    """Cartesian coordinates of each element on the radar (first element at the top, clockwise).

    Columns added: angle (radians), x, y (scaled so that ``scale_max`` lies on the unit circle).

    >>> pts = radar_points(pd.DataFrame({"short_title": ["a", "b", "c", "d"], "score": [4.0, 2.0, 0.0, 4.0]}))
    >>> [(round(x, 3), round(y, 3)) for x, y in zip(pts["x"], pts["y"])]
    [(0.0, 1.0), (0.5, 0.0), (0.0, -0.0), (-1.0, -0.0)]
    """
    out = frame.reset_index(drop=True).copy()
    n = len(out)
    out["angle"] = [2 * math.pi * i / n for i in range(n)]
    radius = out[value].astype("float64") / scale_max
    out["x"] = radius * out["angle"].map(math.sin)
    out["y"] = radius * out["angle"].map(math.cos)
    return out


def _grid(labels: list[str], *, scale_max: int) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    n = len(labels)
    rings = pd.DataFrame([
        {"ring": level, "order": i, "x": level / scale_max * math.sin(2 * math.pi * (i % n) / n),
         "y": level / scale_max * math.cos(2 * math.pi * (i % n) / n)}
        for level in range(1, scale_max + 1) for i in range(n + 1)
    ])
    spokes = pd.DataFrame([
        {"spoke": i, "x": r * math.sin(2 * math.pi * i / n), "y": r * math.cos(2 * math.pi * i / n)}
        for i in range(n) for r in (0.0, 1.0)
    ])
    label_frame = pd.DataFrame([
        {"label": label, "x": _LABEL_RADIUS * math.sin(2 * math.pi * i / n),
         "y": _LABEL_RADIUS * math.cos(2 * math.pi * i / n)}
        for i, label in enumerate(labels)
    ])
    return rings, spokes, label_frame


# Series (moments) differ in colour, line dash and point shape, so they never rely on colour alone:
# the first (earlier) is orange, dashed, squares; the second (later) blue, solid, dots.
SERIES_STYLES: tuple[tuple[str, list[int], str], ...] = (
    (OKABE_ITO[1], [6, 4], "square"),
    (OKABE_ITO[0], [1, 0], "circle"),
    (OKABE_ITO[2], [2, 3], "triangle-up"),
    (OKABE_ITO[3], [8, 3, 2, 3], "diamond"),
)
POINT_SUFFIX = " "  # the radar points' copy of the series field (see _series_encodings)
# The radar's x/y domains (labels sit outside the unit circle); see radar_chart for the pixel ranges.
_X_HALF, _Y_HALF = 2.0, 1.35


def _series_encodings(field: str, names: list[str], *, lines: bool = False, scale: float = 1.0) -> dict:
    """colour + strokeDash + shape on ``field`` with one merged text legend (never colour alone).

    ``lines``: the series are drawn as lines (the radar), so the legend symbol is a short stroke in the
    series' colour and dash, as drawn; otherwise (dots only) it is the series' point shape.
    """
    styles = [SERIES_STYLES[i % len(SERIES_STYLES)] for i in range(len(names))]
    legend = alt.Legend(title=None, orient="bottom", symbolSize=(400 if lines else 160) * scale,
                        symbolStrokeWidth=3 * scale, **({"symbolType": "stroke"} if lines else {}))
    colours = alt.Scale(domain=names, range=[c for c, _, _ in styles])
    # Vega-Lite draws every scale on the legend's field into its symbols: the radar's points therefore use a
    # copy of the field (POINT_SUFFIX), so their shapes do not end up on top of the legend's line strokes.
    points = f"{field}{POINT_SUFFIX}" if lines else field
    return {
        "color": alt.Color(f"{field}:N", sort=names, legend=legend, scale=colours),
        "point_color": alt.Color(f"{points}:N", sort=names, legend=None if lines else legend, scale=colours),
        "strokeDash": alt.StrokeDash(f"{field}:N", sort=names, legend=legend,
                                     scale=alt.Scale(domain=names, range=[d for _, d, _ in styles])),
        "shape": alt.Shape(f"{points}:N", sort=names, legend=None if lines else legend,
                           scale=alt.Scale(domain=names, range=[m for _, _, m in styles])),
    }


def radar_chart(frame: pd.DataFrame, *, series: str | None = None, scale_max: int = SCALE_MAX,
                title: str = "", scale: float = 1.0) -> alt.TopLevelMixin:
    """Radar (spider) chart of element scores; one closed polygon per value of ``series`` (if given).

    ``frame`` needs short_title and score (NA scores are left out of the polygon), in element order.
    Several series differ in colour, dash and point shape (see SERIES_STYLES) and get a text legend.
    """
    labels = list(dict.fromkeys(frame["short_title"]))
    rings, spokes, label_frame = _grid(labels, scale_max=scale_max)
    axis_off = alt.Axis(labels=False, ticks=False, domain=False, grid=False, title=None)
    # Equal pixels per unit on both axes (whatever the page width), centred: the circle stays round.
    unit = f"min(width / {2 * _X_HALF}, height / {2 * _Y_HALF})"
    x_scale = alt.Scale(domain=[-_X_HALF, _X_HALF], nice=False, range=[
        alt.ExprRef(expr=f"width / 2 - {unit} * {_X_HALF}"), alt.ExprRef(expr=f"width / 2 + {unit} * {_X_HALF}")])
    y_scale = alt.Scale(domain=[-_Y_HALF, _Y_HALF], nice=False, range=[
        alt.ExprRef(expr=f"height / 2 + {unit} * {_Y_HALF}"), alt.ExprRef(expr=f"height / 2 - {unit} * {_Y_HALF}")])
    enc = {"x": alt.X("x:Q", scale=x_scale, axis=axis_off), "y": alt.Y("y:Q", scale=y_scale, axis=axis_off)}
    grid = alt.Chart(rings).mark_line(color="#cccccc", strokeWidth=1).encode(
        **enc, detail="ring:N", order="order:Q")
    spoke_lines = alt.Chart(spokes).mark_line(color="#cccccc", strokeWidth=1).encode(**enc, detail="spoke:N")
    text = alt.Chart(label_frame).mark_text(fontSize=13 * scale, fontWeight="bold", color="#333333").encode(
        **enc, text="label:N")
    groups = [(None, frame)] if series is None else list(frame.groupby(series, sort=False))
    polygons = []
    for name, sub in groups:
        pts = radar_points(sub, scale_max=scale_max)
        pts["order"] = range(len(pts))
        pts = pts.dropna(subset=["x"])
        if pts.empty:
            continue
        closed = pd.concat([pts, pts.iloc[[0]].assign(order=len(sub))], ignore_index=True)
        closed[ta.CHART_SERIES] = name if name is not None else ""
        polygons.append(closed)
    ticks = pd.DataFrame({"x": [0.04] * scale_max, "y": [lv / scale_max for lv in range(1, scale_max + 1)],
                          "tick": [str(lv) for lv in range(1, scale_max + 1)]})
    tick_text = alt.Chart(ticks).mark_text(align="left", dy=-6, fontSize=10 * scale, color="#888888").encode(
        **enc, text="tick:N")
    layers = [grid, spoke_lines, text, tick_text]
    if polygons:
        data = pd.concat(polygons, ignore_index=True).rename(columns={"short_title": ta.CHART_ELEMENT})
        data[ta.CHART_SCORE] = data["score"].astype("float64")
        data[f"{ta.CHART_SERIES}{POINT_SUFFIX}"] = data[ta.CHART_SERIES]
        if series is None:
            line_style = point_style = {"color": alt.value(OKABE_ITO[0])}
        else:
            styles = _series_encodings(ta.CHART_SERIES, [str(n) for n, _ in groups], lines=True, scale=scale)
            line_style = {"color": styles["color"], "strokeDash": styles["strokeDash"]}
            point_style = {"color": styles["point_color"], "shape": styles["shape"]}  # legend: the lines
        tooltip = [f"{ta.CHART_ELEMENT}:N", alt.Tooltip(f"{ta.CHART_SCORE}:Q", format=",.1f")]
        if series is not None:
            tooltip.insert(0, f"{ta.CHART_SERIES}:N")
        layers.append(alt.Chart(data).mark_line(strokeWidth=3 * scale).encode(
            **enc, order="order:Q", detail=f"{ta.CHART_SERIES}:N", **line_style))
        layers.append(alt.Chart(data).mark_point(filled=True, size=80 * scale, opacity=1).encode(
            **enc, tooltip=tooltip, **point_style))
    chart = alt.layer(*layers).properties(width=_SIZE * scale, height=_SIZE * 0.87 * scale, title=title)
    if series is not None:  # the points' colours (same domain and range) stay off the lines' legend
        chart = chart.resolve_scale(color="independent", strokeDash="independent", shape="independent")
    return finalize(chart.configure_view(stroke=None), scale=scale)


def bar_chart(frame: pd.DataFrame, *, scale_max: int = SCALE_MAX, scale: float = 1.0) -> alt.TopLevelMixin:
    """Horizontal bars of element scores, highest first, with the value written at the end of each bar."""
    data = frame.rename(columns={"short_title": ta.CHART_ELEMENT}).copy()
    data[ta.CHART_SCORE] = data["score"].astype("float64")
    order = list(data.sort_values(ta.CHART_SCORE, ascending=False, na_position="last")[ta.CHART_ELEMENT])
    y = alt.Y(f"{ta.CHART_ELEMENT}:N", sort=order, title=None, axis=alt.Axis(labelLimit=260 * scale))
    x = alt.X(f"{ta.CHART_SCORE}:Q", scale=alt.Scale(domain=[0, scale_max]), axis=alt.Axis(tickCount=scale_max))
    bars = alt.Chart(data).mark_bar(color=OKABE_ITO[0], height=22 * scale).encode(
        x=x, y=y, tooltip=[f"{ta.CHART_ELEMENT}:N", alt.Tooltip(f"{ta.CHART_SCORE}:Q", format=",.1f")])
    labels = alt.Chart(data).mark_text(align="left", dx=4, fontSize=14 * scale).encode(
        x=x, y=y, text=alt.Text(f"{ta.CHART_SCORE}:Q", format=",.1f"))
    chart = alt.layer(bars, labels).properties(width=340 * scale, height=alt.Step(34 * scale))
    return finalize(chart, scale=scale)


def comparison_chart(comparison: pd.DataFrame, *, before_label: str, after_label: str,
                     scale_max: int = SCALE_MAX, scale: float = 1.0) -> alt.TopLevelMixin:
    """Dumbbell chart: per element the earlier and later score joined by a line.

    ``comparison`` is the output of ``assessment_scoring.compare_scores``. The moments differ in colour and
    point shape (SERIES_STYLES: earlier orange squares, later blue dots) and are named in the legend.
    """
    data = comparison.rename(columns={"short_title": ta.CHART_ELEMENT})
    long = data.melt(id_vars=[ta.CHART_ELEMENT, "number"], value_vars=["score_before", "score_after"],
                     var_name="moment", value_name=ta.CHART_SCORE)
    long[ta.CHART_MOMENT] = long["moment"].map({"score_before": before_label, "score_after": after_label})
    long[ta.CHART_SCORE] = long[ta.CHART_SCORE].astype("float64")
    order = list(data[ta.CHART_ELEMENT])
    x = alt.X(f"{ta.CHART_SCORE}:Q", scale=alt.Scale(domain=[0, scale_max]), axis=alt.Axis(tickCount=scale_max))
    y = alt.Y(f"{ta.CHART_ELEMENT}:N", sort=order, title=None, axis=alt.Axis(labelLimit=260 * scale))
    rule = alt.Chart(long).mark_line(color="#999999", strokeWidth=2 * scale).encode(
        x=x, y=y, detail=f"{ta.CHART_ELEMENT}:N")
    moments = _series_encodings(ta.CHART_MOMENT, [before_label, after_label], scale=scale)
    dots = alt.Chart(long).mark_point(filled=True, size=160 * scale, opacity=1).encode(
        x=x, y=y, color=moments["color"], shape=moments["shape"],
        tooltip=[f"{ta.CHART_ELEMENT}:N", f"{ta.CHART_MOMENT}:N", alt.Tooltip(f"{ta.CHART_SCORE}:Q", format=",.1f")],
    )
    chart = alt.layer(rule, dots).properties(width=460 * scale, height=alt.Step(40 * scale))
    return finalize(chart, scale=scale)


def group_chart(summary: pd.DataFrame, individual: pd.DataFrame, *, scale_max: int = SCALE_MAX,
                scale: float = 1.0) -> alt.TopLevelMixin:
    """Workshop spread per element: each participant's score (dots), the range (line) and the group mean (bar tick).

    ``summary`` from ``assessment_group.group_summary``; ``individual`` from ``participant_scores``
    (participant ids are not shown).
    """
    order = list(summary["short_title"])
    x = alt.X(f"{ta.CHART_SCORE}:Q", scale=alt.Scale(domain=[0, scale_max]), axis=alt.Axis(tickCount=scale_max),
              title=ta.CHART_SCORE)
    y = alt.Y(f"{ta.CHART_ELEMENT}:N", sort=order, title=None, axis=alt.Axis(labelLimit=260 * scale))
    agg = summary.rename(columns={"short_title": ta.CHART_ELEMENT}).copy()
    for column in ("mean", "min", "max", "sd"):
        agg[column] = agg[column].astype("float64")
    agg[ta.CHART_SCORE] = agg["mean"]
    ind = individual[["short_title", "score"]].rename(columns={"short_title": ta.CHART_ELEMENT})
    ind = ind.dropna(subset=["score"]).copy()  # participant ids are dropped: dots are anonymous
    ind[ta.CHART_SCORE] = ind["score"].astype("float64")
    ranges = alt.Chart(agg).mark_rule(color="#999999", strokeWidth=3 * scale).encode(
        x=alt.X("min:Q", scale=alt.Scale(domain=[0, scale_max]), title=ta.CHART_SCORE), x2="max:Q", y=y)
    dots = alt.Chart(ind).mark_circle(size=110 * scale, opacity=0.55, color=OKABE_ITO[4]).encode(
        x=x, y=alt.Y(f"{ta.CHART_ELEMENT}:N", sort=order, title=None))
    mean = alt.Chart(agg).mark_tick(color=OKABE_ITO[5], thickness=5 * scale, size=30 * scale).encode(
        x=x, y=y, tooltip=[f"{ta.CHART_ELEMENT}:N", alt.Tooltip("mean:Q", title=ta.CHART_MEAN, format=",.1f"),
                           alt.Tooltip("sd:Q", title=ta.COLUMN_SD, format=",.1f"),
                           alt.Tooltip("n_participants:Q", title=ta.COLUMN_PARTICIPANTS)])
    labels = alt.Chart(agg).mark_text(align="left", dx=10, dy=-14 * scale, fontSize=14 * scale).encode(
        x=x, y=y, text=alt.Text("mean:Q", format=",.1f"))
    chart = alt.layer(ranges, dots, mean, labels).properties(width=520 * scale, height=alt.Step(40 * scale))
    return finalize(chart, scale=scale)


def comparison_radar(comparison: pd.DataFrame, *, before_label: str, after_label: str,
                     scale_max: int = SCALE_MAX, scale: float = 1.0) -> alt.TopLevelMixin:
    """Radar of two moments (``assessment_scoring.compare_scores`` output): earlier dashed, later solid."""
    moments = pd.concat([
        comparison[["short_title"]].assign(score=comparison["score_before"], moment=before_label),
        comparison[["short_title"]].assign(score=comparison["score_after"], moment=after_label),
    ], ignore_index=True)
    return radar_chart(moments, series="moment", scale_max=scale_max, scale=scale)
