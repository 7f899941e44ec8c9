"""ks_data/ui/cached.py: each wrapper returns what its plain loader returns, keyed as its docstring says.

Outside a Streamlit run the caches live in memory, as in the app; every test clears the wrappers it uses.
"""

from __future__ import annotations

import functools
import os
import shutil
from pathlib import Path

import altair as alt
import pandas as pd
import pytest

from ks_data import paths
from ks_data.assessment import items as assessment
from ks_data.charts.base import finalize
from ks_data.core.validation import DataFileError
from ks_data.geo import cache as geo
from ks_data.national import headline
from ks_data.national.catalogue import load_catalogue
from ks_data.ui import adapters, cached

BUILT: list[str] = []


def _bar_chart(frame: pd.DataFrame, *, title: str) -> alt.TopLevelMixin:
    """A chart builder that records every build."""
    BUILT.append(title)
    return finalize(alt.Chart(frame).mark_bar().encode(x="jaar:O", y="waarde:Q").properties(title=title))


def _frame(last: float = 14.0) -> pd.DataFrame:
    return pd.DataFrame({"jaar": ["2019", "2020"], "waarde": [12.5, last]})


@pytest.fixture
def national_copy(tmp_path: Path) -> Path:
    """A copy of the national data files in a folder of its own."""
    folder = tmp_path / "data"
    folder.mkdir()
    for name in ("indicators.yaml", "indicator_values.csv", "coalitions.csv"):
        shutil.copy(paths.DATA_DIR / name, folder / name)
    return folder


# --- national indicators: keyed by data folder, shared (cache_resource) ------------------------------------
def test_indicator_catalogue_is_the_loaded_catalogue_shared_per_folder(national_copy: Path) -> None:
    cached.indicator_catalogue.clear()
    catalogue = cached.indicator_catalogue(str(paths.DATA_DIR))
    loaded = load_catalogue(paths.DATA_DIR)
    assert catalogue.document == loaded.document and catalogue.indicators == loaded.indicators
    pd.testing.assert_frame_equal(catalogue.values, loaded.values)
    pd.testing.assert_frame_equal(catalogue.coalitions, loaded.coalitions)
    assert cached.indicator_catalogue(str(paths.DATA_DIR)) is catalogue  # one shared object per folder
    other = cached.indicator_catalogue(str(national_copy))
    assert other is not catalogue and other.indicators == catalogue.indicators


def test_a_broken_catalogue_raises_and_is_not_cached(national_copy: Path) -> None:
    cached.indicator_catalogue.clear()
    good = (national_copy / "indicators.yaml").read_text(encoding="utf-8")
    (national_copy / "indicators.yaml").write_text("indicators: [", encoding="utf-8")
    with pytest.raises(DataFileError):
        cached.indicator_catalogue(str(national_copy))
    (national_copy / "indicators.yaml").write_text(good, encoding="utf-8")
    assert len(cached.indicator_catalogue(str(national_copy)).indicators) == 15


def test_overview_tiles_are_the_headline_tiles(national_copy: Path) -> None:
    cached.indicator_catalogue.clear()
    cached.overview_tiles.clear()
    tiles = cached.overview_tiles(str(national_copy))
    assert tiles == headline.tiles(load_catalogue(national_copy)) and len(tiles) == 15
    assert cached.overview_tiles(str(national_copy)) is tiles


# --- denkraam item bank: keyed by file path -----------------------------------------------------------------
def test_item_bank_is_the_loaded_bank_per_path(tmp_path: Path) -> None:
    cached.item_bank.clear()
    path = paths.DATA_DIR / assessment.ITEM_BANK_FILE
    bank = cached.item_bank(str(path))
    assert bank == assessment.load_item_bank(path) and cached.item_bank(str(path)) is bank
    broken = tmp_path / "items.yaml"
    broken.write_text("elements: 3\n", encoding="utf-8")
    with pytest.raises(assessment.ItemBankError):
        cached.item_bank(str(broken))


# --- geography: keyed by cache folder + build stamp -----------------------------------------------------------
def test_geo_key_names_cache_and_build_and_is_empty_without_cache(mini_geo_cache: Path, tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(paths, "GEO_CACHE_DIR", mini_geo_cache)
    assert cached.geo_cache_key() == geo.cache_version(cache_dir=mini_geo_cache)
    monkeypatch.setattr(paths, "GEO_CACHE_DIR", tmp_path / "nothing")
    assert cached.geo_cache_key() == ""


def test_geo_wrappers_read_the_cache_the_key_names(mini_geo_cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(paths, "GEO_CACHE_DIR", mini_geo_cache)
    for wrapper in (cached.gemeenten, cached.pc4_gemeente, cached.gemeente_mapping, cached.gemeente_shapes):
        wrapper.clear()
    key = cached.geo_cache_key()
    frame = cached.gemeenten(key, 2021)
    pd.testing.assert_frame_equal(frame, geo.read_gemeenten(year=2021, cache_dir=mini_geo_cache))
    frame.loc[0, "gemeentenaam"] = "veranderd"  # cache_data: every caller gets its own copy
    assert cached.gemeenten(key, 2021).loc[0, "gemeentenaam"] != "veranderd"
    pd.testing.assert_frame_equal(cached.pc4_gemeente(key, 2021), geo.read_pc4_gemeente(year=2021,
                                                                                          cache_dir=mini_geo_cache))
    pd.testing.assert_frame_equal(cached.gemeente_mapping(key), geo.read_gemeente_mapping(cache_dir=mini_geo_cache))
    shapes = cached.gemeente_shapes(key, 2023)
    assert shapes.equals(geo.read_gemeente_shapes(year=2023, cache_dir=mini_geo_cache))
    assert cached.gemeente_shapes(key, 2023) is shapes  # cache_resource: shared, read-only


# --- perinatal data: the key follows the synthetic file and the stored user file ------------------------------
def test_perinatal_key_changes_with_the_synthetic_file(tmp_path: Path, user_data_dir: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(paths, "CACHE_DIR", tmp_path / "cache")
    without = cached.perinatal_key()
    demo = cached.synthetic.output_path()
    demo.parent.mkdir(parents=True)
    demo.write_bytes(b"eerste")
    first = cached.perinatal_key()
    os.utime(demo, ns=(1_000_000_000, 1_000_000_000))
    later = cached.perinatal_key()
    assert len({without, first, later}) == 3 and str(demo) in first and str(user_data_dir) in first
    assert cached.map_data_key() == f"{later}|{cached.geo_cache_key()}"


# --- charts: the spec of a builder call, built once per distinct input ----------------------------------------
def test_chart_spec_is_the_converters_spec_built_once_per_distinct_input() -> None:
    cached.chart_spec.clear()
    expected = adapters.vega_lite_spec(_bar_chart(_frame(), title="Big2"))
    BUILT.clear()
    spec = cached.chart_spec(functools.partial(_bar_chart, _frame(), title="Big2"))
    assert spec == expected and BUILT == ["Big2"]
    spec["title"] = "veranderd"  # a copy per caller
    again = cached.chart_spec(functools.partial(_bar_chart, _frame(), title="Big2"))  # an equal, new frame
    assert again == expected and BUILT == ["Big2"]
    cached.chart_spec(functools.partial(_bar_chart, _frame(last=15.0), title="Big2"))  # other data
    cached.chart_spec(functools.partial(_bar_chart, _frame(), title="Vroeggeboorte"))  # other option
    assert BUILT == ["Big2", "Big2", "Vroeggeboorte"]
