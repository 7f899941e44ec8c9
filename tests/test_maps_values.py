"""Tests for ks_data.maps.values (classes, colours, tooltips, legend, tables), on self-made rates and the mini geography."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from ks_data.geo import cache as geo
from ks_data.maps import layers as ml
from ks_data.maps import values as mv
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




def test_derived_counts_and_cells_hidden_in_the_source_in_tooltips_and_tables(mini_geo_cache: Path) -> None:
    """Given Aadorp's Big2 derived from a percentage and Beekveld hidden in the source, then the tooltip and the
    tables say 'afgeleid uit percentage' and 'afgeschermd in de bron (<10)'; the download gets a column for it."""
    shapes = geo.read_gemeente_shapes(year=2021, cache_dir=mini_geo_cache)
    rates = _rates([("GM9001", "Aadorp", 150, 1000, False), ("GM9002", "Beekveld", None, 400, True),
                    ("GM9003", "Cerdam", 90, 600, False)])
    rates["derived"] = [True, False, False]
    rates.loc[1, "suppression_reason"] = "afgeschermd in de bron (<10)"
    frame = mv.layer_frame(shapes, rates, key="gemeentecode", name_column="gemeentenaam", unit="%", decimals=1)
    tips = frame.set_index("area_code")["tooltip"]
    assert f"{tm.TT_COUNT}: 150 ({tm.DERIVED})" in tips["GM9001"] and tm.DERIVED not in tips["GM9003"]
    assert "afgeschermd in de bron (&lt;10)" in tips["GM9002"]
    table = mv.area_table(frame, unit="%", decimals=1).set_index(tm.COL_CODE)
    assert table.loc["GM9001", tm.COL_NOTE] == f"{tm.DERIVED}; synthetisch voorbeeld"
    assert table.loc["GM9002", tm.COL_NOTE] == "afgeschermd in de bron (<10)"
    download = mv.export_table(frame, unit="%").set_index(tm.COL_CODE)
    assert download.loc["GM9001", tm.COL_DERIVED] == tm.DERIVED and download.loc["GM9003", tm.COL_DERIVED] == ""
