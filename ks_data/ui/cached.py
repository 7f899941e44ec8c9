"""Every st.cache_data / st.cache_resource wrapper, each around a plain loader that tests call directly."""

from __future__ import annotations

import streamlit as st


# --- geography (ks_data.geo): keyed by cache path + build stamp; GeoDataFrames via cache_resource ---
from pathlib import Path as _Path  # noqa: E402

from ks_data import geo as _geo  # noqa: E402
from ks_data import paths as _paths  # noqa: E402


def geo_cache_key() -> str:
    """Cache folder + build stamp ('' when missing): pass it to the geo wrappers below."""
    try:
        return _geo.cache_version(cache_dir=_paths.GEO_CACHE_DIR)
    except _geo.GeoCacheMissing:
        return ""


def _geo_dir(key: str) -> _Path:
    return _Path(key.rsplit(":", 1)[0]).parent


@st.cache_data(show_spinner=False)
def gemeenten(key: str, year: int) -> "pd.DataFrame":
    """geo.read_gemeenten for the cache identified by ``key`` (from geo_cache_key())."""
    return _geo.read_gemeenten(year=year, cache_dir=_geo_dir(key))


@st.cache_data(show_spinner=False)
def pc4_gemeente(key: str, year: int) -> "pd.DataFrame":
    """geo.read_pc4_gemeente for the cache identified by ``key``."""
    return _geo.read_pc4_gemeente(year=year, cache_dir=_geo_dir(key))


@st.cache_data(show_spinner=False)
def gemeente_mapping(key: str) -> "pd.DataFrame":
    """geo.read_gemeente_mapping for the cache identified by ``key``."""
    return _geo.read_gemeente_mapping(cache_dir=_geo_dir(key))


@st.cache_resource(show_spinner=False, max_entries=4)
def gemeente_shapes(key: str, year: int):
    """geo.read_gemeente_shapes (GeoDataFrame, shared and read-only: copy before changing)."""
    return _geo.read_gemeente_shapes(year=year, cache_dir=_geo_dir(key))


@st.cache_resource(show_spinner=False, max_entries=32)
def pc4_shapes(key: str, gemeentecode: str, year: int):
    """geo.read_pc4_shapes of one gemeente (GeoDataFrame, shared and read-only)."""
    return _geo.read_pc4_shapes(gemeentecode=gemeentecode, year=year, cache_dir=_geo_dir(key))

from pathlib import Path

from ks_data import indicators


@st.cache_data(show_spinner=False)
def indicator_catalogue(data_dir: str) -> indicators.Catalogue:
    """The validated national indicator data from ``data_dir`` (cached per folder)."""
    return indicators.load_catalogue(Path(data_dir))


# --- denkraam self-assessment (ks_data.assessment): the validated item bank, keyed by file path ---
from pathlib import Path as _ItemBankPath  # noqa: E402

from ks_data import assessment as _assessment  # noqa: E402


@st.cache_resource(show_spinner=False)
def item_bank(path: str) -> _assessment.ItemBank:
    """assessment.load_item_bank for ``path`` (frozen, shared read-only); raises ItemBankError."""
    return _assessment.load_item_bank(_ItemBankPath(path))


# --- map page: perinatal rates per area (ks_data.rates.area_rates over the active dataset) ---
def map_data_key() -> str:
    """Changes when the active perinatal dataset or the boundary cache changes (for the map caches)."""
    return f"{perinatal_key()}|{geo_cache_key()}"


@st.cache_data(show_spinner=False, max_entries=8)
def map_options(data_key: str) -> dict:
    """Indicators [(id, short_title)], periods, default period, is_synthetic and source of the active data.

    Raises perinatal.NoPerinatalData (not cached) when no dataset is available.
    """
    from ks_data import perinatal as _perinatal
    from ks_data import rates as _rates

    data = active_perinatal()
    return {
        "indicators": [(i.id, i.short_title) for i in _perinatal.available_indicators(data)],
        "periods": _rates.periods(data),
        "default_period": _rates.default_period(data),
        "is_synthetic": data.is_synthetic,
        "source": data.source_label,
    }


@st.cache_data(show_spinner=False, max_entries=64)
def map_rates(data_key: str, level: str, indicator_id: str, period: str, gemeentecode: str | None) -> "pd.DataFrame":
    """rates.area_rates of the active dataset (suppressed, with CIs) for one map layer."""
    from ks_data import rates as _rates

    return _rates.area_rates(active_perinatal(), level=level, indicator_id=indicator_id, period=period,
                             gemeentecode=gemeentecode)


@st.cache_data(show_spinner=False)
def gemeente_names(key: str, year: int) -> dict[str, str]:
    """Gemeente code -> name of ``year`` for the boundary cache identified by ``key``."""
    names = _geo.read_gemeenten(year=year, cache_dir=_geo_dir(key))
    return dict(zip(names["gemeentecode"], names["gemeentenaam"]))


# --- perinatal data and the municipality profile (ks_data.perinatal, ks_data.rates_profile) ---
from ks_data import perinatal as _perinatal_mod  # noqa: E402
from ks_data import rates_profile as _rates_profile  # noqa: E402


def perinatal_key() -> str:
    """Changes whenever the loaded user file or the synthetic demo file changes (cache key)."""
    from ks_data import synthetic as _synthetic

    synthetic_file = _Path(_synthetic.output_path())
    stamp = synthetic_file.stat().st_mtime_ns if synthetic_file.is_file() else 0
    return f"{_perinatal_mod.store_version()}|{synthetic_file}:{stamp}|{_paths.USER_DATA_DIR}"


@st.cache_data(show_spinner=False, max_entries=4)
def _active_perinatal(key: str) -> _perinatal_mod.PerinatalDataset:
    return _perinatal_mod.load_active()


def active_perinatal() -> _perinatal_mod.PerinatalDataset:
    """The active perinatal dataset (user file, else synthetic demo; frame, is_synthetic, source_label).

    Raises perinatal.NoPerinatalData (not cached) when neither exists; show ``exc.dutch()``.
    """
    return _active_perinatal(perinatal_key())


@st.cache_data(show_spinner=False, max_entries=64)
def perinatal_spine(key: str, gemeentecode: str, period: str) -> "pd.DataFrame":
    """rates_profile.spine of the active dataset."""
    return _rates_profile.spine(_active_perinatal(key), gemeentecode=gemeentecode, period=period)


@st.cache_data(show_spinner=False, max_entries=64)
def perinatal_trend(key: str, gemeentecode: str, indicator_id: str) -> "pd.DataFrame":
    """rates_profile.trend of the active dataset."""
    return _rates_profile.trend(_active_perinatal(key), gemeentecode=gemeentecode, indicator_id=indicator_id)


@st.cache_data(show_spinner=False, max_entries=64)
def perinatal_peers(key: str, gemeentecode: str, indicator_id: str, period: str) -> "pd.DataFrame":
    """rates_profile.peers of the active dataset."""
    return _rates_profile.peers(_active_perinatal(key), gemeentecode=gemeentecode, indicator_id=indicator_id,
                                period=period)


@st.cache_data(show_spinner=False, max_entries=64)
def perinatal_pc4(key: str, gemeentecode: str, indicator_id: str, period: str) -> "pd.DataFrame":
    """rates_profile.pc4_areas of the active dataset."""
    return _rates_profile.pc4_areas(_active_perinatal(key), gemeentecode=gemeentecode,
                                    indicator_id=indicator_id, period=period)


@st.cache_data(show_spinner=False, max_entries=8)
def perinatal_options(key: str) -> dict:
    """Periods, default period, indicators [(id, short_title)] and gemeente codes of the active dataset."""
    from ks_data import rates as _rates

    data = _active_perinatal(key)
    return {"periods": _rates.periods(data), "default_period": _rates.default_period(data),
            "indicators": [(i.id, i.short_title) for i in _perinatal_mod.available_indicators(data)],
            "gemeenten": _rates_profile.gemeente_options(data)}


# --- map page: ready-to-draw layers (GeoDataFrame + legend + table), keyed by every input ---
def _map_format(indicator_id: str | None):
    from ks_data import map_layers as _ml

    return _ml.format_of(_perinatal_mod.indicator(indicator_id)) if indicator_id else _ml.NO_INDICATOR


@st.cache_data(show_spinner=False, max_entries=32)
def map_national_layer(geo_key: str, data_key: str, indicator_id: str | None, period: str | None, year: int,
                       mode: str, selected: str | None):
    """map_layers.national_layer for the active data (empty rates when no indicator/period)."""
    from ks_data import map_layers as _ml

    rates = map_rates(data_key, "gemeente", indicator_id, period, None) if indicator_id and period \
        else _ml.empty_rates()
    return _ml.national_layer(gemeente_shapes(geo_key, year), rates, year=year, mapping=gemeente_mapping(geo_key),
                              fmt=_map_format(indicator_id), mode=mode, selected_2021=selected)


@st.cache_data(show_spinner=False, max_entries=32)
def map_pc4_layer(geo_key: str, data_key: str, indicator_id: str | None, period: str | None, gemeentecode: str,
                  mode: str):
    """map_layers.pc4_layer of one gemeente (2021 division) for the active data."""
    from ks_data import map_layers as _ml

    rates = map_rates(data_key, "pc4", indicator_id, period, gemeentecode) if indicator_id and period \
        else _ml.empty_rates()
    return _ml.pc4_layer(pc4_shapes(geo_key, gemeentecode, _geo.DATA_YEAR), rates, fmt=_map_format(indicator_id),
                         mode=mode)
