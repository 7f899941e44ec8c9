"""Tests for ks_data.maps.values and ks_data.maps.layers, on self-made rate frames and the mini geography."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from ks_data.geo import cache as geo
from ks_data.maps import layers as ml
from ks_data.maps import values as mv
from ks_data.core.stats import wilson_interval
from ks_data.texts import maps as tm

FMT = ml.IndicatorFormat("Big2", "%", 1, 100.0)


def _rates(rows: list[tuple[str, str, float | None, float | None, bool]]) -> pd.DataFrame:
    """Rates in the area_rates layout: (code, name, numerator, denominator, suppressed)."""
    frame = pd.DataFrame(rows, columns=["area_code", "area_name", "numerator", "denominator", "suppressed"])
    frame["value"] = frame["numerator"] / frame["denominator"] * 100
    frame["lower"] = frame["value"] - 1
    frame["upper"] = frame["value"] + 1
    frame.loc[frame["suppressed"], ["numerator", "value", "lower", "upper"]] = np.nan
    frame["suppression_reason"] = np.where(frame["suppressed"], "minder dan 10 gebeurtenissen", "")
    frame["comparison"] = np.where(frame["suppressed"], "not_compared", "similar")
    return frame.assign(level="gemeente", indicator_id="big2", period="2016-2020", is_synthetic=True,
                        source="test")


MAPPING = pd.DataFrame({
    "gemeentecode_2021": ["GM9001", "GM9002", "GM9003"],
    "gemeentecode_2023": ["GM9001", "GM9004", "GM9004"],
    "gemeentenaam_2023": ["Aadorp", "Dijkwaard", "Dijkwaard"],
})


def test_transfer_keeps_continuing_and_sums_merged() -> None:
    """A continuing gemeente keeps its row; a merger gets summed counts with a Wilson interval."""
    rates = _rates([("GM9001", "Aadorp", 50, 400, False), ("GM9002", "Beekveld", 30, 200, False),
                    ("GM9003", "Cerdam", 20, 300, False)])
    out = mv.transfer_to_2023(rates, MAPPING, multiplier=100).set_index("area_code")
    assert out.loc["GM9001", "value"] == pytest.approx(12.5) and out.loc["GM9001", "parts"] == ""
    merged = out.loc["GM9004"]
    assert merged["area_name"] == "Dijkwaard" and merged["parts"] == "Beekveld, Cerdam"
    assert merged["numerator"] == 50 and merged["denominator"] == 500 and merged["value"] == pytest.approx(10.0)
    low, high = wilson_interval(50, 500)
    assert merged["lower"] == pytest.approx(low * 100) and merged["upper"] == pytest.approx(high * 100)
    assert merged["comparison"] == "not_compared" and not merged["suppressed"]


def test_transfer_compares_merger_with_national_value() -> None:
    """With the national value and a polarity, the merged total gets its own better/similar/worse."""
    rates = _rates([("GM9001", "Aadorp", 50, 400, False), ("GM9002", "Beekveld", 300, 2000, False),
                    ("GM9003", "Cerdam", 200, 3000, False)]).assign(national_value=15.0)
    out = mv.transfer_to_2023(rates, MAPPING, multiplier=100, polarity="lower_is_better").set_index("area_code")
    assert out.loc["GM9004", "value"] == pytest.approx(10.0)
    assert out.loc["GM9004", "comparison"] == "better"  # 10,0% (95%-BI ~9,2-10,9) below 15%


def test_transfer_suppresses_merger_with_a_suppressed_part() -> None:
    """If one part is suppressed the merged total is too, so the part cannot be recovered by subtraction."""
    rates = _rates([("GM9001", "Aadorp", 50, 400, False), ("GM9002", "Beekveld", 3, 200, True),
                    ("GM9003", "Cerdam", 20, 300, False)])
    merged = mv.transfer_to_2023(rates, MAPPING, multiplier=100).set_index("area_code").loc["GM9004"]
    assert merged["suppressed"] and np.isnan(merged["value"]) and np.isnan(merged["numerator"])
    assert merged["suppression_reason"] == tm.MERGED_SUPPRESSED


def test_quantile_breaks_and_classes() -> None:
    """Five classes with about equal counts; missing values get class -1."""
    values = pd.Series([float(v) for v in range(1, 11)] + [np.nan])
    breaks = mv.quantile_breaks(values, classes=5, decimals=1)
    assert breaks == [1.0, 2.8, 4.6, 6.4, 8.2, 10.0]
    classes = mv.class_index(values, breaks)
    assert classes.tolist() == [0, 0, 1, 1, 2, 2, 3, 3, 4, 4, -1]


def test_layer_frame_colours_tooltips_and_no_data(mini_geo_cache: Path) -> None:
    """Areas without data are grey with the reason in the tooltip; others get a class colour, value, n, period."""
    shapes = geo.read_gemeente_shapes(year=2021, cache_dir=mini_geo_cache)
    rates = _rates([("GM9001", "Aadorp", 50, 400, False), ("GM9002", "Beekveld", 3, 200, True)])
    rates["gemeentenaam"] = rates["area_name"]  # area_rates extras must not clash with the shapes' columns
    frame = mv.layer_frame(shapes, rates, key="gemeentecode", name_column="gemeentenaam", unit="%", decimals=1,
                           selected="GM9001").set_index("area_code")
    assert frame.loc["GM9001", "fill"] in mv.SEQUENTIAL and frame.loc["GM9001", "selected"]
    tip = frame.loc["GM9001", "tooltip"]
    assert "Aadorp" in tip and "12,5%" in tip and "n: 400" in tip and "2016-2020" in tip
    assert tm.TT_SYNTHETIC in tip
    for code, reason in (("GM9002", "minder dan 10 gebeurtenissen"), ("GM9003", tm.NO_DATA_REASON)):
        assert frame.loc[code, "fill"] == mv.NO_DATA_COLOUR and frame.loc[code, "no_data"]
        assert reason in frame.loc[code, "tooltip"]


def test_comparison_mode_uses_category_colours(mini_geo_cache: Path) -> None:
    """In comparison mode the fill follows better/similar/worse and the legend names them in Dutch."""
    shapes = geo.read_gemeente_shapes(year=2021, cache_dir=mini_geo_cache)
    rates = _rates([("GM9001", "Aadorp", 50, 400, False), ("GM9003", "Cerdam", 20, 300, False)])
    rates["comparison"] = ["worse", "better"]
    frame = mv.layer_frame(shapes, rates, key="gemeentecode", name_column="gemeentenaam", unit="%", decimals=1,
                           mode=mv.MODE_COMPARISON)
    legend = mv.legend_items(frame, mode=mv.MODE_COMPARISON, unit="%", decimals=1)
    assert [item[1] for item in legend] == ["beter", "slechter", tm.LEGEND_NO_DATA]
    assert "Vergeleken met Nederland: slechter" in frame.set_index("area_code").loc["GM9001", "tooltip"]


def test_national_layer_on_2023_boundaries(mini_geo_cache: Path) -> None:
    """2021-keyed rates land on the 2023 map; the selected 2021 gemeente outlines its successor."""
    shapes = geo.read_gemeente_shapes(year=2023, cache_dir=mini_geo_cache)
    rates = _rates([("GM9001", "Aadorp", 50, 400, False), ("GM9002", "Beekveld", 30, 200, False),
                    ("GM9003", "Cerdam", 20, 300, False)])
    layer = ml.national_layer(shapes, rates, year=2023, mapping=MAPPING, fmt=FMT, selected_2021="GM9003")
    frame = layer.frame.set_index("area_code")
    assert frame.loc["GM9004", "selected"] and not frame.loc["GM9001", "selected"]
    assert "(GM9004)" in frame.loc["GM9004", "tooltip"] and "Beekveld, Cerdam" in frame.loc["GM9004", "tooltip"]
    assert layer.is_synthetic and layer.source == "test"
    assert list(layer.table["Gebied"]) == ["Aadorp", "Dijkwaard"]
    assert layer.table.set_index("Gebied").loc["Dijkwaard", tm.COL_VALUE] == "10,0%"


def test_pc4_layer_table_matches_tooltips(mini_geo_cache: Path) -> None:
    """PC4 areas get 'Postcode 3001' names; the table holds the same formatted values as the map."""
    shapes = geo.read_pc4_shapes(gemeentecode="GM9003", cache_dir=mini_geo_cache)
    rates = _rates([("3001", "3001", 12, 100, False), ("3002", "3002", 2, 50, True)]).assign(level="pc4")
    layer = ml.pc4_layer(shapes, rates, fmt=FMT)
    table = layer.table.set_index(tm.COL_AREA)
    assert table.loc["Postcode 3001", tm.COL_VALUE] == "12,0%" and table.loc["Postcode 3001", tm.COL_N] == "100"
    assert table.loc["Postcode 3002", tm.COL_VALUE] == tm.VALUE_NOT_SHOWN
    assert "minder dan 10" in table.loc["Postcode 3002", tm.COL_NOTE]
    assert tm.COL_CODE not in layer.table.columns
    assert layer.legend[-1] == (mv.NO_DATA_COLOUR, tm.LEGEND_NO_DATA, True)


def test_empty_rates_give_a_grey_map(mini_geo_cache: Path) -> None:
    """Without any data every area is grey, with 'geen cijfers' in the tooltip (boundaries still shown)."""
    shapes = geo.read_gemeente_shapes(year=2021, cache_dir=mini_geo_cache)
    layer = ml.national_layer(shapes, ml.empty_rates(), year=2021, mapping=MAPPING, fmt=ml.NO_INDICATOR)
    assert layer.frame["no_data"].all() and set(layer.frame["fill"]) == {mv.NO_DATA_COLOUR}


def test_click_helpers() -> None:
    """A clicked 2023 merger selects its first 2021 part; a continuing code maps to itself."""
    assert ml.clicked_gemeente("Dijkwaard (GM9004)\nWaarde: 10,0%") == "GM9004"
    assert ml.data_codes_for("GM9004", year=2023, mapping=MAPPING) == ["GM9002", "GM9003"]
    assert ml.data_codes_for("GM9001", year=2023, mapping=MAPPING) == ["GM9001"]


def test_export_table_has_numbers_and_hides_suppressed(mini_geo_cache: Path) -> None:
    """The download frame holds the figures as numbers; a suppressed area keeps its row and reason only."""
    shapes = geo.read_gemeente_shapes(year=2021, cache_dir=mini_geo_cache)
    rates = _rates([("GM9001", "Aadorp", 50, 400, False), ("GM9002", "Beekveld", 3, 20, True)])
    rates.loc[1, "denominator"] = 20  # a leaked count must still not reach the download
    layer = ml.national_layer(shapes, rates, year=2021, mapping=MAPPING, fmt=FMT)
    data = layer.data.set_index(tm.COL_AREA)
    assert list(data.index) == ["Aadorp", "Beekveld", "Cerdam"]
    assert data.loc["Aadorp", tm.COL_NUMERATOR] == 50 and data.loc["Aadorp", tm.COL_DENOMINATOR] == 400
    assert data.loc["Aadorp", "Waarde (%)"] == pytest.approx(12.5) and data.loc["Aadorp", "Periode"] == "2016-2020"
    assert data.loc["Beekveld", [tm.COL_NUMERATOR, tm.COL_DENOMINATOR, "Waarde (%)"]].isna().all()
    assert data.loc["Beekveld", tm.COL_NOTE] == "minder dan 10 gebeurtenissen"
    assert data.loc["Cerdam", tm.COL_NOTE] == tm.NO_DATA_REASON
    assert data["Waarde (%)"].dtype == float


def test_selected_outline_follows_the_boundary_year(mini_geo_cache: Path) -> None:
    """The outline of 2021 gemeente Cerdam is its own polygon in 2021 and its successor Dijkwaard in 2023."""
    for year, expected in ((2021, ["GM9003"]), (2023, ["GM9004"])):
        shapes = geo.read_gemeente_shapes(year=year, cache_dir=mini_geo_cache)
        outline = ml.selected_outline(shapes, year=year, mapping=MAPPING, selected_2021="GM9003")
        assert list(outline["gemeentecode"]) == expected
    assert ml.selected_outline(shapes, year=2023, mapping=MAPPING, selected_2021=None).empty


def test_explanation_names_teller_noemer_period_and_sources() -> None:
    """The caption under the map spells out what the coloured number is."""
    from ks_data.perinatal import dataset as perinatal

    text = ml.explanation(perinatal.indicator("big2"), period="2016-2020", data_source="synthetisch voorbeeld")
    assert "Teller: kinderen met Big2" in text and "Noemer: geboren kinderen vanaf 24 weken" in text
    assert "2016-2020" in text and "Perined" in text and "Cijfers: synthetisch voorbeeld" in text
