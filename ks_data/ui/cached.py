"""Every st.cache_data / st.cache_resource wrapper, each around a plain loader that tests call directly.

Sections: lazy imports (the map libraries), geography, national indicators, denkraam item bank, perinatal
data (profile), map page, charts. Each wrapper's key is its arguments: a cache path + build stamp
(``geo_cache_key``), a data folder or file, or a key that changes with the active data (``perinatal_key``,
``map_data_key``); ``chart_spec`` is keyed by the builder and its arguments (frames by content).
Frames come from st.cache_data (a copy per caller). Large results that every rerun reads (GeoDataFrames,
map layers, the indicator catalogue) come from st.cache_resource: shared and read-only (never change
them), because unpickling a fresh copy on every rerun cost more than the page's own work (issue 7).
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd
import streamlit as st

from ks_data import paths
from ks_data.assessment import items as assessment
from ks_data.geo import cache as geo
from ks_data.geo import lookups as geo_lookups
from ks_data.geo import search as geo_search
from ks_data.national import catalogue as national_catalogue
from ks_data.national import headline
from ks_data.perinatal import dataset as perinatal
from ks_data.perinatal import indicators as perinatal_indicators
from ks_data.perinatal import profile as rates_profile
from ks_data.perinatal import rates
from ks_data.perinatal import store as perinatal_store
from ks_data.perinatal import synthetic
from ks_data.perinatal.mapping import Mapping
from ks_data.perinatal.reader import LoadResult
from ks_data.ui import adapters, workspace

if TYPE_CHECKING:
    import geopandas as gpd

    from ks_data.maps.layers import Layer


# --- lazy imports: the frame imports this module at every app start; geopandas and folium load only when a
# map wrapper below first runs (ks_data.maps.layers, ks_data.maps.folium_map) --------------------------------
def _map_layers():
    from ks_data.maps import layers

    return layers


def _folium_map():
    from ks_data.maps import folium_map

    return folium_map


# --- geography (ks_data.geo.cache): keyed by cache path + build stamp -------------------------------------
def geo_cache_key() -> str:
    """Cache folder + build stamp ('' when missing): pass it to the geo wrappers below."""
    try:
        return geo.cache_version(cache_dir=paths.GEO_CACHE_DIR)
    except geo.GeoCacheMissing:
        return ""


def _geo_dir(key: str) -> Path:
    return Path(key.rsplit(":", 1)[0]).parent


@st.cache_data(show_spinner=False)
def gemeenten(key: str, year: int) -> pd.DataFrame:
    """geo.read_gemeenten for the cache identified by ``key`` (from geo_cache_key())."""
    return geo.read_gemeenten(year=year, cache_dir=_geo_dir(key))


@st.cache_data(show_spinner=False)
def gemeente_names(key: str, year: int) -> dict[str, str]:
    """Gemeente code -> name of ``year`` (sorted by name) for the boundary cache identified by ``key``."""
    return geo_lookups.gemeente_names(years=(year,), cache_dir=_geo_dir(key))


@st.cache_data(show_spinner=False)
def pc4_gemeente(key: str, year: int) -> pd.DataFrame:
    """geo.read_pc4_gemeente for the cache identified by ``key``."""
    return geo.read_pc4_gemeente(year=year, cache_dir=_geo_dir(key))


@st.cache_data(show_spinner=False)
def gemeente_mapping(key: str) -> pd.DataFrame:
    """geo.read_gemeente_mapping for the cache identified by ``key``."""
    return geo.read_gemeente_mapping(cache_dir=_geo_dir(key))


@st.cache_resource(show_spinner=False, max_entries=4)
def gemeente_search_index(key: str, year: int) -> tuple:
    """geo.search.gemeente_index (names, 2023 successors, data/gemeente_aliases.yaml) for the cache ``key``."""
    return geo_search.gemeente_index(year=year, cache_dir=_geo_dir(key))


@st.cache_resource(show_spinner=False, max_entries=4)
def gemeente_shapes(key: str, year: int) -> gpd.GeoDataFrame:
    """geo.read_gemeente_shapes (GeoDataFrame, shared and read-only: copy before changing)."""
    return geo.read_gemeente_shapes(year=year, cache_dir=_geo_dir(key))


@st.cache_resource(show_spinner=False, max_entries=32)
def pc4_shapes(key: str, gemeentecode: str, year: int) -> gpd.GeoDataFrame:
    """geo.read_pc4_shapes of one gemeente (GeoDataFrame, shared and read-only)."""
    return geo.read_pc4_shapes(gemeentecode=gemeentecode, year=year, cache_dir=_geo_dir(key))


# --- national indicators (ks_data.national.catalogue, ks_data.national.headline): keyed by data folder ----
@st.cache_resource(show_spinner=False, max_entries=4)
def indicator_catalogue(data_dir: str) -> national_catalogue.Catalogue:
    """The validated national indicator data from ``data_dir`` (cached per folder; shared, read-only).

    Raises validation.DataFileError (not cached) for broken files.
    """
    return national_catalogue.load_catalogue(Path(data_dir))


@st.cache_resource(show_spinner=False, max_entries=4)
def overview_tiles(data_dir: str) -> list[headline.Tile]:
    """headline.tiles of the catalogue in ``data_dir``: the Start page's tiles (shared, read-only)."""
    return headline.tiles(indicator_catalogue(data_dir))


# --- denkraam self-assessment (ks_data.assessment.items): the validated item bank, keyed by file path ------
@st.cache_resource(show_spinner=False)
def item_bank(path: str) -> assessment.ItemBank:
    """assessment.load_item_bank for ``path`` (frozen, shared read-only); raises ItemBankError."""
    return assessment.load_item_bank(Path(path))


# --- perinatal data and the municipality profile (ks_data.perinatal.dataset, ks_data.perinatal.profile) ----------
def perinatal_key() -> str:
    """Changes whenever the loaded user file or the synthetic demo file changes (cache key); starts with the
    workspace whose files these are (hosted: the session's open one, 'none' without), so no cached dataset of
    one workspace is served to another."""
    scope = workspace.bind()
    synthetic_file = Path(synthetic.output_path())
    stamp = synthetic_file.stat().st_mtime_ns if synthetic_file.is_file() else 0
    owner = "none" if scope is None else scope
    return f"{owner}|{perinatal.store_version()}|{synthetic_file}:{stamp}|{paths.USER_DATA_DIR}"


@st.cache_data(show_spinner=False, max_entries=4)
def _active_perinatal(key: str) -> perinatal.PerinatalDataset:
    scope = key.split("|", 1)[0]  # load the files of the workspace the key names, whatever this run bound
    with perinatal_store.use_workspace(None if scope == "none" else int(scope)):
        return perinatal.load_active()


@st.cache_resource(show_spinner=False, max_entries=2)
def _shared_perinatal(key: str) -> perinatal.PerinatalDataset:
    """The dataset of ``key`` as one object shared by every session (read-only: never change it). The
    perinatal computations keep their country-wide counts and rates per dataset object (perinatal.memo), so
    a new gemeente, indicator or session reuses them instead of recomputing all areas (issue 15)."""
    return _active_perinatal(key)


def active_perinatal() -> perinatal.PerinatalDataset:
    """The active perinatal dataset (user file, else synthetic demo; frame, is_synthetic, source_label).

    Raises perinatal.NoPerinatalData (not cached) when neither exists; show ``exc.dutch()``; and
    perinatal.StoredFileError when the file found cannot be read.
    """
    return _active_perinatal(perinatal_key())


@st.cache_data(show_spinner=False, max_entries=4)
def import_draft(content: bytes, filename: str, sheet: str | None, memory: str) -> perinatal.ImportDraft | LoadResult:
    """perinatal.open_import of an uploaded file (its table and proposed mapping); ``memory`` is
    ``perinatal.mappings_version()``, so a mapping confirmed since is proposed."""
    return perinatal.open_import(content, filename, sheet=sheet)


@st.cache_data(show_spinner=False, max_entries=8)
def import_check(content: bytes, filename: str, sheet: str | None, mapping: Mapping, context: str) -> LoadResult:
    """perinatal.check_import of an opened file read with ``mapping``; ``context`` is ``map_data_key()`` (the
    loaded files and the boundary cache the check compares with)."""
    draft = import_draft(content, filename, sheet, perinatal.mappings_version())
    if isinstance(draft, LoadResult):
        return draft
    return perinatal.check_import(draft.table, mapping)


@st.cache_data(show_spinner=False, max_entries=8)
def perinatal_options(key: str) -> dict:
    """Periods, default period, indicators [(id, short_title)] and gemeente codes of the active dataset."""
    data = _shared_perinatal(key)
    return {"periods": rates.periods(data), "default_period": rates.default_period(data),
            "indicators": [(i.id, i.short_title) for i in perinatal_indicators.available_indicators(data.frame)],
            "gemeenten": rates_profile.gemeente_options(data)}


@st.cache_data(show_spinner=False, max_entries=64)
def perinatal_spine(key: str, gemeentecode: str, period: str) -> pd.DataFrame:
    """rates_profile.spine of the active dataset."""
    return rates_profile.spine(_shared_perinatal(key), gemeentecode=gemeentecode, period=period)


@st.cache_data(show_spinner=False, max_entries=64)
def perinatal_trend(key: str, gemeentecode: str, indicator_id: str) -> pd.DataFrame:
    """rates_profile.trend of the active dataset."""
    return rates_profile.trend(_shared_perinatal(key), gemeentecode=gemeentecode, indicator_id=indicator_id)


@st.cache_data(show_spinner=False, max_entries=64)
def perinatal_peers(key: str, gemeentecode: str, indicator_id: str, period: str) -> pd.DataFrame:
    """rates_profile.peers of the active dataset."""
    return rates_profile.peers(_shared_perinatal(key), gemeentecode=gemeentecode, indicator_id=indicator_id,
                               period=period)


@st.cache_data(show_spinner=False, max_entries=64)
def perinatal_pc4(key: str, gemeentecode: str, indicator_id: str, period: str) -> pd.DataFrame:
    """rates_profile.pc4_areas of the active dataset."""
    return rates_profile.pc4_areas(_shared_perinatal(key), gemeentecode=gemeentecode,
                                   indicator_id=indicator_id, period=period)


# --- map page: rates per area, ready-to-draw layers and the map frontend's arguments ------------------
def map_data_key() -> str:
    """Changes when the active perinatal dataset or the boundary cache changes (for the map caches)."""
    return f"{perinatal_key()}|{geo_cache_key()}"


@st.cache_data(show_spinner=False, max_entries=8)
def map_options(data_key: str) -> dict:
    """Indicators [(id, short_title)], periods, default period, is_synthetic and source of the active data.

    Raises perinatal.NoPerinatalData / StoredFileError (not cached) when no dataset can be read, and
    rates.UnknownPeriod when it has no periods.
    """
    data = active_perinatal()
    return {
        "indicators": [(i.id, i.short_title) for i in perinatal_indicators.available_indicators(data.frame)],
        "periods": rates.periods(data),
        "default_period": rates.default_period(data),
        "is_synthetic": data.is_synthetic,
        "source": data.source_label,
    }


@st.cache_data(show_spinner=False, max_entries=64)
def map_rates(data_key: str, level: str, indicator_id: str, period: str, gemeentecode: str | None) -> pd.DataFrame:
    """rates.area_rates of the active dataset (suppressed, with CIs) for one map layer."""
    return rates.area_rates(_shared_perinatal(perinatal_key()), level=level, indicator_id=indicator_id,
                            period=period, gemeentecode=gemeentecode)


def _map_format(indicator_id: str | None):
    map_layers = _map_layers()
    return map_layers.format_of(perinatal_indicators.indicator(indicator_id)) if indicator_id \
        else map_layers.NO_INDICATOR


@st.cache_resource(show_spinner=False, max_entries=16)
def map_national_layer(geo_key: str, data_key: str, indicator_id: str | None, period: str | None, year: int,
                       mode: str, selected: str | None = None) -> Layer:
    """map_layers.national_layer for the active data (empty rates when no indicator/period); shared, read-only.

    The map page passes no ``selected``: the selection is drawn as a separate outline (map_outline), so
    switching gemeente reuses the drawn national map.
    """
    map_layers = _map_layers()
    rates_ = map_rates(data_key, "gemeente", indicator_id, period, None) if indicator_id and period \
        else map_layers.empty_rates()
    return map_layers.national_layer(gemeente_shapes(geo_key, year), rates_, year=year,
                                     mapping=gemeente_mapping(geo_key), fmt=_map_format(indicator_id), mode=mode,
                                     selected_2021=selected)


@st.cache_resource(show_spinner=False, max_entries=32)
def map_pc4_layer(geo_key: str, data_key: str, indicator_id: str | None, period: str | None, gemeentecode: str,
                  mode: str) -> Layer:
    """map_layers.pc4_layer of one gemeente (2021 division) for the active data; shared, read-only."""
    map_layers = _map_layers()
    rates_ = map_rates(data_key, "pc4", indicator_id, period, gemeentecode) if indicator_id and period \
        else map_layers.empty_rates()
    return map_layers.pc4_layer(pc4_shapes(geo_key, gemeentecode, geo.DATA_YEAR), rates_,
                                fmt=_map_format(indicator_id), mode=mode)


def _map_args(fmap) -> dict:
    """The frontend's arguments plus the static files the map's script fetches (maps.static_files)."""
    return {**adapters.map_component_args(fmap), "static_files": list(fmap.static_files)}


def _present(cached_args, *args) -> dict:
    """``cached_args(*args)``, rebuilt when one of its static files has gone (static/cache/ cleaned or pruned
    while the server ran): the map would otherwise fetch a missing file."""
    from ks_data.maps import static_files

    result = cached_args(*args)
    if not all(static_files.exists(file) for file in result["static_files"]):
        cached_args.clear()
        result = cached_args(*args)
    return result


@st.cache_data(show_spinner=False, max_entries=16)
def _map_national_args(geo_key: str, data_key: str, indicator_id: str | None, period: str | None, year: int,
                       mode: str, text_scale: float) -> dict:
    maps = _folium_map()
    layer = map_national_layer(geo_key, data_key, indicator_id, period, year, mode)
    return _map_args(maps.gemeente_map(layer.frame, text_scale=text_scale))


def map_national_args(geo_key: str, data_key: str, indicator_id: str | None, period: str | None, year: int,
                      mode: str, text_scale: float = 1.0) -> dict:
    """adapters.map_component_args of the national map (rendered once per layer, not on every rerun); its
    polygons and values are static files (``static_files``), so the arguments themselves are small."""
    return _present(_map_national_args, geo_key, data_key, indicator_id, period, year, mode, text_scale)


@st.cache_data(show_spinner=False, max_entries=32)
def _map_pc4_args(geo_key: str, data_key: str, indicator_id: str | None, period: str | None, gemeentecode: str,
                  mode: str, text_scale: float) -> dict:
    maps = _folium_map()
    layer = map_pc4_layer(geo_key, data_key, indicator_id, period, gemeentecode, mode)
    return _map_args(maps.pc4_map(layer.frame, text_scale=text_scale))


def map_pc4_args(geo_key: str, data_key: str, indicator_id: str | None, period: str | None, gemeentecode: str,
                 mode: str, text_scale: float = 1.0) -> dict:
    """adapters.map_component_args of one gemeente's PC4 map (static files as for map_national_args)."""
    return _present(_map_pc4_args, geo_key, data_key, indicator_id, period, gemeentecode, mode, text_scale)


@st.cache_data(show_spinner=False, max_entries=64)
def map_outline(geo_key: str, year: int, selected: str | None) -> str | None:
    """maps.outline_script of the selected 2021 gemeente on the national map of boundary ``year``."""
    map_layers, maps = _map_layers(), _folium_map()
    shapes = map_layers.selected_outline(gemeente_shapes(geo_key, year), year=year,
                                         mapping=gemeente_mapping(geo_key), selected_2021=selected)
    return maps.outline_script(shapes)


# --- charts: the Vega-Lite spec of a chart builder call, converted once per distinct input ----------------
def _chart_call_key(call: functools.partial) -> tuple:
    """What identifies a chart: the builder (module + name) and every argument (frames by content)."""
    return call.func.__module__, call.func.__qualname__, call.args, call.keywords


@st.cache_data(show_spinner=False, max_entries=256, hash_funcs={functools.partial: _chart_call_key})
def chart_spec(call: functools.partial) -> dict | None:
    """The Vega-Lite spec (data as Arrow) of the chart ``call()`` builds, exactly as st.altair_chart sends it.

    Building a layered Altair chart and converting it took most of a chart page's rerun (profile page:
    ~0.55 of 0.66 s, issue 7); the same gemeente, indicator and period give the same spec, so it is built
    once. None when this Streamlit no longer has its converter: the caller then draws ``call()`` itself.
    """
    return adapters.vega_lite_spec(call())
