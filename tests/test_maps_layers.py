"""Tests for ks_data.maps.layers: the national and PC4 layers (codes, colours, 2021 -> 2023) and the click -> code path."""

from __future__ import annotations

import json
from pathlib import Path

import folium
import numpy as np
import pytest

from ks_data import paths
from ks_data.core.stats import wilson_interval
from ks_data.geo import cache as geo
from ks_data.geo import lookups as geo_lookups
from ks_data.maps import folium_map as maps
from ks_data.maps import layers as ml
from ks_data.maps import values as mv
from ks_data.texts import maps as tm
from tests.test_maps_values import FMT, MAPPING, _rates


@pytest.fixture(autouse=True)
def _static_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The maps' static files go to a temporary folder (not the project's static/cache/)."""
    monkeypatch.setattr(paths, "STATIC_DIR", tmp_path / "static")


def _features(fmap: folium.Map) -> list[dict]:
    """The GeoJSON features of the map's area layer, as the browser gets (and a click returns) them, with the
    fill the browser gives each and its tooltip (read from the map's static files)."""
    features = maps.drawn_features(fmap)
    for feature in features:
        feature["properties"]["fill"] = feature["properties"]["style"]["fillColor"]
    return json.loads(json.dumps(features))


def test_transfer_keeps_continuing_and_sums_merged() -> None:
    """A continuing gemeente keeps its row; a merger gets summed counts with a Wilson interval."""
    rates = _rates([("GM9001", "Aadorp", 50, 400, False), ("GM9002", "Beekveld", 30, 200, False),
                    ("GM9003", "Cerdam", 20, 300, False)])
    out = ml.transfer_to_2023(rates, MAPPING, multiplier=100).set_index("area_code")
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
    out = ml.transfer_to_2023(rates, MAPPING, multiplier=100, polarity="lower_is_better").set_index("area_code")
    assert out.loc["GM9004", "value"] == pytest.approx(10.0)
    assert out.loc["GM9004", "comparison"] == "better"  # 10,0% (95%-BI ~9,2-10,9) below 15%


def test_transfer_suppresses_merger_with_a_suppressed_part() -> None:
    """If one part is suppressed the merged total is too, so the part cannot be recovered by subtraction."""
    rates = _rates([("GM9001", "Aadorp", 50, 400, False), ("GM9002", "Beekveld", 3, 200, True),
                    ("GM9003", "Cerdam", 20, 300, False)])
    merged = ml.transfer_to_2023(rates, MAPPING, multiplier=100).set_index("area_code").loc["GM9004"]
    assert merged["suppressed"] and np.isnan(merged["value"]) and np.isnan(merged["numerator"])
    assert merged["suppression_reason"] == tm.MERGED_SUPPRESSED


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
    feature = {"type": "Feature", "properties": {"area_code": "GM9004", "tooltip": "<b>Dijkwaard</b> (GM9004)"}}
    assert ml.clicked_code(feature) == "GM9004"
    assert geo_lookups.data_codes_for("GM9004", year=2023, mapping=MAPPING) == ["GM9002", "GM9003"]
    assert geo_lookups.data_codes_for("GM9001", year=2023, mapping=MAPPING) == ["GM9001"]


def test_selected_outline_follows_the_boundary_year(mini_geo_cache: Path) -> None:
    """The outline of 2021 gemeente Cerdam is its own polygon in 2021 and its successor Dijkwaard in 2023."""
    for year, expected in ((2021, ["GM9003"]), (2023, ["GM9004"])):
        shapes = geo.read_gemeente_shapes(year=year, cache_dir=mini_geo_cache)
        outline = ml.selected_outline(shapes, year=year, mapping=MAPPING, selected_2021="GM9003")
        assert list(outline["gemeentecode"]) == expected
    assert ml.selected_outline(shapes, year=2023, mapping=MAPPING, selected_2021=None).empty


def test_explanation_names_teller_noemer_period_and_sources() -> None:
    """The caption under the map spells out what the coloured number is."""
    from ks_data.perinatal import indicators as perinatal

    text = ml.explanation(perinatal.indicator("big2"), period="2016-2020", data_source="synthetisch voorbeeld")
    assert "Teller: kinderen met Big2" in text and "Noemer: geboren kinderen vanaf 24 weken" in text
    assert "2016-2020" in text and "Perined" in text and "Cijfers: synthetisch voorbeeld" in text


def test_national_layer_carries_each_gemeente_code_as_data(mini_geo_cache: Path) -> None:
    """Every drawn feature holds its own gemeentecode; a click on Dijkwaard (2023) reads GM9004 from the feature
    and selects the first 2021 part (Beekveld), on the 2021 map Cerdam selects itself."""
    rates = _rates([("GM9001", "Aadorp", 50, 400, False), ("GM9002", "Beekveld", 30, 200, False),
                    ("GM9003", "Cerdam", 20, 300, False)])
    for year, clicked, selected in ((2023, "GM9004", "GM9002"), (2021, "GM9003", "GM9003")):
        shapes = geo.read_gemeente_shapes(year=year, cache_dir=mini_geo_cache)
        layer = ml.national_layer(shapes, rates, year=year, mapping=MAPPING, fmt=FMT)
        features = _features(maps.gemeente_map(layer.frame))
        codes = [ml.clicked_code(feature) for feature in features]
        assert sorted(codes) == sorted(shapes["gemeentecode"]) == sorted(layer.frame["area_code"])
        feature = features[codes.index(clicked)]
        assert f"({clicked})" in feature["properties"]["tooltip"]  # the code is also shown, not parsed back
        assert geo_lookups.data_codes_for(ml.clicked_code(feature), year=year, mapping=MAPPING)[0] == selected


def test_national_layer_colours_follow_the_value_classes(mini_geo_cache: Path) -> None:
    """Given Aadorp 12,5% and the merger Dijkwaard 10,0%, then five classes from 10,0% to 12,5%: Dijkwaard gets the
    lightest and Aadorp the darkest class colour, each legend class names its range, and the drawn fill is that colour."""
    shapes = geo.read_gemeente_shapes(year=2023, cache_dir=mini_geo_cache)
    rates = _rates([("GM9001", "Aadorp", 50, 400, False), ("GM9002", "Beekveld", 30, 200, False),
                    ("GM9003", "Cerdam", 20, 300, False)])
    layer = ml.national_layer(shapes, rates, year=2023, mapping=MAPPING, fmt=FMT)
    fill = layer.frame.set_index("area_code")["fill"]
    colours = [item[0] for item in layer.legend]
    assert colours == list(mv.SEQUENTIAL)
    assert fill["GM9004"] == colours[0] and fill["GM9001"] == colours[-1]
    labels = [item[1] for item in layer.legend]
    assert labels[0] == "10,0% tot 10,5%" and labels[-1] == "12,0% tot 12,5%" and len(labels) == 5
    styled = {f["properties"]["area_code"]: f["properties"]["fill"] for f in _features(maps.gemeente_map(layer.frame))}
    assert styled == fill.to_dict()


def test_pc4_layer_carries_postcodes_and_greys_suppressed_areas(mini_geo_cache: Path) -> None:
    """PC4 features carry their postcode as code, tooltips name 'Postcode 3001' without a code suffix, and a
    suppressed area is grey with its reason in the tooltip."""
    shapes = geo.read_pc4_shapes(gemeentecode="GM9003", cache_dir=mini_geo_cache)
    rates = _rates([("3001", "3001", 12, 100, False), ("3002", "3002", 2, 50, True)]).assign(level="pc4")
    layer = ml.pc4_layer(shapes, rates, fmt=FMT, mode=mv.MODE_COMPARISON)
    features = {ml.clicked_code(f): f["properties"] for f in _features(maps.pc4_map(layer.frame))}
    assert sorted(features) == ["3001", "3002"]
    assert features["3001"]["tooltip"].startswith("<b>Postcode 3001</b><br>")
    assert features["3001"]["fill"] == mv.COMPARISON_COLOURS["similar"]
    assert features["3002"]["fill"] == mv.NO_DATA_COLOUR and features["3002"]["style"]["dashArray"] == "3 3"
    assert "minder dan 10 gebeurtenissen" in features["3002"]["tooltip"]
