"""ks_data/charts/assessment.py: the radar, bar, comparison and workshop charts (inspected via to_dict)."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from ks_data.assessment import workshop as assessment_group
from ks_data.assessment.items import load_item_bank
from ks_data.assessment.scoring import compare_scores, element_scores, scores_frame
from ks_data.charts import assessment as charts
from ks_data.texts import assessment as ta


@pytest.fixture(scope="module")
def bank():
    return load_item_bank()


@pytest.fixture
def frame(bank):
    answers = {"goals_vision": 4, "monitoring_outcomes": 2, "community_places": 3, "care_overview": 1}
    return scores_frame(element_scores(bank, answers, part="denkraam"))


def _datasets(spec: dict) -> list[list[dict]]:
    return list(spec.get("datasets", {}).values())


def test_radar_points_put_full_score_on_the_unit_circle(frame):
    pts = charts.radar_points(frame.assign(score=4.0))
    assert all(math.isclose(math.hypot(x, y), 1.0) for x, y in zip(pts["x"], pts["y"]))
    assert (round(pts["x"][0], 6), round(pts["y"][0], 6)) == (0.0, 1.0)  # first element at the top


def test_radar_chart_draws_a_closed_polygon_of_the_scored_elements(frame):
    spec = charts.radar_chart(frame).to_dict()
    assert spec["config"]["locale"]["number"]["decimal"] == ","
    polygon = next(d for d in _datasets(spec) if d and ta.CHART_SCORE in d[0])
    # four scored elements + the first repeated to close the line; the unscored fifth is left out
    assert len(polygon) == 5
    assert polygon[0][ta.CHART_ELEMENT] == polygon[-1][ta.CHART_ELEMENT] == "Doelen en uitkomsten"
    labels = next(d for d in _datasets(spec) if d and "label" in d[0])
    assert [d["label"] for d in labels] == frame["short_title"].tolist()


def test_radar_chart_with_series_has_one_polygon_per_moment(frame):
    two = pd.concat([frame.assign(moment="2025"), frame.assign(moment="2026")])
    spec = charts.radar_chart(two, series="moment").to_dict()
    polygon = next(d for d in _datasets(spec) if d and ta.CHART_SCORE in d[0])
    assert {row[ta.CHART_SERIES] for row in polygon} == {"2025", "2026"}


def test_bar_chart_sorts_highest_first_and_fixes_the_scale(frame):
    spec = charts.bar_chart(frame).to_dict()
    bar = spec["layer"][0]["encoding"]
    assert bar["y"]["sort"][:4] == ["Doelen en uitkomsten", "Community-aanpak", "Monitoring en leren",
                                    "Professionele zorg"]
    assert bar["x"]["scale"]["domain"] == [0, 4]


def test_comparison_chart_has_both_moments(bank, frame):
    later = scores_frame(element_scores(bank, {"goals_vision": 2}, part="denkraam"))
    spec = charts.comparison_chart(compare_scores(frame, later), before_label="03-11-2025",
                                   after_label="23-11-2026").to_dict()
    rows = _datasets(spec)[0]
    assert {r[ta.CHART_MOMENT] for r in rows} == {"03-11-2025", "23-11-2026"}


def test_group_chart_shows_individual_dots_without_names(bank):
    people = {"Fatima": {"goals_vision": 1}, "Joost": {"goals_vision": 3}}
    summary = assessment_group.group_summary(bank, people, part="denkraam")
    individual = assessment_group.participant_scores(bank, people, part="denkraam")
    spec = charts.group_chart(summary, individual).to_dict()
    dots = next(d for d in _datasets(spec) if d and "score" in d[0] and "mean" not in d[0])
    assert sorted(r[ta.CHART_SCORE] for r in dots) == [1.0, 3.0]
    assert "Fatima" not in str(spec) and "Joost" not in str(spec)
    assert not any("participant" in row for rows in _datasets(spec) for row in rows)


def _layer_with(spec: dict, channel: str) -> dict:
    return next(layer["encoding"] for layer in spec["layer"] if channel in layer.get("encoding", {}))


def test_two_moments_on_the_radar_differ_in_dash_and_shape_not_only_colour(bank, frame):
    later = scores_frame(element_scores(bank, {"goals_vision": 2, "care_overview": 3}, part="denkraam"))
    spec = charts.comparison_radar(compare_scores(frame, later), before_label="03-11-2025",
                                   after_label="23-11-2026").to_dict()
    dash = _layer_with(spec, "strokeDash")["strokeDash"]
    shape = _layer_with(spec, "shape")["shape"]
    for channel in (dash, shape, _layer_with(spec, "shape")["color"]):
        assert channel["scale"]["domain"] == ["03-11-2025", "23-11-2026"]
    assert dash["scale"]["range"][0] != dash["scale"]["range"][1]  # dashed earlier, solid later
    assert shape["scale"]["range"][:2] == ["square", "circle"]
    # one text legend, drawn as the lines are (a stroke in the moment's colour and dash); the points' shapes
    # use their own copy of the field, so they are not stamped on top of the legend's strokes
    line = _layer_with(spec, "strokeDash")
    assert line["color"]["field"] == dash["field"] and line["color"]["legend"] == dash["legend"]
    assert dash["legend"]["symbolType"] == "stroke" and dash["legend"]["title"] is None
    assert dash["legend"]["orient"] == "bottom"
    assert shape["legend"] is None and shape["field"] != dash["field"]
    assert spec["resolve"]["scale"]["color"] == "independent"  # the points' colours make no second legend


def test_comparison_dots_differ_in_shape_and_scale_for_presentation(bank, frame):
    later = scores_frame(element_scores(bank, {"goals_vision": 2}, part="denkraam"))
    spec = charts.comparison_chart(compare_scores(frame, later), before_label="A", after_label="B",
                                   scale=1.5).to_dict()
    dots = _layer_with(spec, "shape")
    assert dots["shape"]["scale"] == {"domain": ["A", "B"], "range": ["square", "circle"]}
    assert spec["config"]["axis"]["labelFontSize"] == spec["config"]["legend"]["labelFontSize"] == 21


def test_radar_stays_round_and_inside_the_chart_at_any_width(frame):
    encoding = charts.radar_chart(frame).to_dict()["layer"][0]["encoding"]
    unit = "min(width / 4.0, height / 2.7)"  # pixels per unit: the smaller of the two axes decides
    assert [r["expr"] for r in encoding["x"]["scale"]["range"]] == [f"width / 2 - {unit} * 2.0",
                                                                    f"width / 2 + {unit} * 2.0"]
    assert [r["expr"] for r in encoding["y"]["scale"]["range"]] == [f"height / 2 + {unit} * 1.35",
                                                                    f"height / 2 - {unit} * 1.35"]


@pytest.mark.parametrize("builder", ["radar_chart", "bar_chart"])
def test_scores_charts_scale_text_for_presentation(frame, builder):
    spec = getattr(charts, builder)(frame, scale=1.5).to_dict()
    assert spec["config"]["axis"]["labelFontSize"] == 21 and spec["config"]["title"]["fontSize"] == 24
