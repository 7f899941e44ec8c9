"""Tests for ks_data/charts/perinatal.py through the Vega-Lite spec (AppTest cannot look inside charts)."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from ks_data.perinatal import rates
from ks_data.perinatal import profile as rates_profile
from ks_data.charts import perinatal as pchart
from ks_data.core.colours import COMPARISON_COLOURS
from tests.test_perinatal_rates import PC4_2020, tidy


@pytest.fixture
def data() -> pd.DataFrame:
    return pd.concat([tidy(PC4_2020, period=str(y), synthetic=True) for y in range(2016, 2021)], ignore_index=True)


def _spec(chart) -> dict:
    return chart.to_dict()


def _title(spec: dict) -> str:
    return spec["title"]["text"]


def test_spine_chart_is_labelled_synthetic_and_dutch(data: pd.DataFrame) -> None:
    spine = rates_profile.spine(data, gemeentecode="GM0003", period="2016-2020")
    spec = _spec(pchart.spine_chart(spine, name="Cee", period="2016-2020", synthetic=True, subtitle="x"))
    assert _title(spec) == "Cee vergeleken met Nederland, 2016-2020 (synthetisch voorbeeld)"
    assert spec["config"]["locale"]["number"]["decimal"] == ","
    text = json.dumps(spec)
    assert "s_lower" in text and "s_q25" in text and "s_max" in text  # CI whisker and spread bars


def test_spine_without_synthetic_has_plain_title(data: pd.DataFrame) -> None:
    spine = rates_profile.spine(data, gemeentecode="GM0003", period="2016-2020")
    spec = _spec(pchart.spine_chart(spine, name="Cee", period="2016-2020", synthetic=False))
    assert "synthetisch" not in _title(spec)


def test_forest_colours_follow_comparison_and_mark_own_area(data: pd.DataFrame) -> None:
    peers = rates_profile.peers(data, gemeentecode="GM0003", indicator_id="big2", period="2016-2020")
    spec = _spec(pchart.forest_chart(peers, title="t", unit="%", synthetic=True, own="GM0003"))
    text = json.dumps(spec)
    scale = next(layer["encoding"]["color"]["scale"] for layer in spec["layer"]
                 if "color" in layer.get("encoding", {}) and "scale" in layer["encoding"]["color"])
    assert scale["domain"] == ["gunstiger dan Nederland", "vergelijkbaar met Nederland", "ongunstiger dan Nederland"]
    assert scale["range"] == [COMPARISON_COLOURS[c] for c in ("better", "similar", "worse")]
    assert "Cee (gekozen gemeente)" in text and '"bold"' in text
    assert "Nederland: 15,0%" in text  # national line labelled: 5 x 300 / 5 x 1998 = 15,0%


def test_forest_keeps_suppressed_rows_visible_as_text(data: pd.DataFrame) -> None:
    pc4 = rates.area_rates(data, level="pc4", indicator_id="big2", period="2020", gemeentecode="GM0001")
    spec = _spec(pchart.forest_chart(pc4, title="t", unit="%", synthetic=False, label="area_code"))
    assert "afgeschermd" in json.dumps(spec)


def test_trend_chart_has_local_and_national_series(data: pd.DataFrame) -> None:
    trend = rates_profile.trend(data, gemeentecode="GM0003", indicator_id="big2")
    assert trend["period"].unique().tolist() == ["2016-2018", "2017-2019", "2018-2020"]
    spec = _spec(pchart.trend_chart(trend, title="Big2", unit="%", name="Cee", synthetic=True))
    assert _title(spec).endswith("(synthetisch voorbeeld)")
    assert ["Cee", "Nederland"] in [layer["encoding"]["color"]["scale"]["domain"] for layer in spec["layer"]
                                   if "color" in layer.get("encoding", {})]


def _font_sizes(spec: dict) -> tuple[float, float, float]:
    return (spec["config"]["axis"]["labelFontSize"], spec["config"]["legend"]["labelFontSize"],
            spec["config"]["title"]["fontSize"])


@pytest.mark.parametrize("builder", ["spine", "forest", "trend"])
def test_presentation_scale_enlarges_chart_text(data: pd.DataFrame, builder: str) -> None:
    """Given scale=1.5 (presentation mode), then axis, legend and title text are 1.5x the normal size."""
    def build(scale: float) -> dict:
        if builder == "spine":
            frame = rates_profile.spine(data, gemeentecode="GM0003", period="2016-2020")
            return _spec(pchart.spine_chart(frame, name="Cee", period="2016-2020", synthetic=True, scale=scale))
        if builder == "forest":
            frame = rates_profile.peers(data, gemeentecode="GM0003", indicator_id="big2", period="2016-2020")
            return _spec(pchart.forest_chart(frame, title="t", unit="%", synthetic=True, own="GM0003", scale=scale))
        frame = rates_profile.trend(data, gemeentecode="GM0003", indicator_id="big2")
        return _spec(pchart.trend_chart(frame, title="t", unit="%", name="Cee", synthetic=True, scale=scale))

    normal, large = _font_sizes(build(1.0)), _font_sizes(build(1.5))
    assert normal == (14, 14, 16)
    assert large == tuple(1.5 * size for size in normal)


def test_titles_subtitles_and_legends_grow_with_the_presentation_scale() -> None:
    """Given scale 1.5 (presentation mode), then title, subtitle, legend labels/titles and the label limits are
    1.5x their normal size in every perinatal chart (no chart pins its own subtitle size)."""
    from ks_data.charts import base

    trend = pd.DataFrame({"series": ["gemeente", "land"] * 2, "area_name": ["A", None] * 2,
                          "period": ["2016-2018", "2016-2018", "2017-2019", "2017-2019"],
                          "value": [15.0, 14.0, 16.0, 14.5], "lower": [14.0, 13.5, 15.0, 14.0],
                          "upper": [16.0, 14.5, 17.0, 15.0], "suppressed": [False] * 4})
    for scale in (1.0, 1.5):
        spec = pchart.trend_chart(trend, title="t", unit="%", name="A", synthetic=False, subtitle="sub",
                                  scale=scale).to_dict()
        config = spec["config"]
        assert config["title"]["subtitleFontSize"] == base.SUBTITLE_SIZE * scale
        assert config["title"]["fontSize"] == base.TITLE_SIZE * scale
        assert config["legend"]["labelFontSize"] == config["legend"]["titleFontSize"] == base.FONT_SIZE * scale
        assert config["legend"]["labelLimit"] == 320 * scale
        assert "subtitleFontSize" not in spec["title"]
