"""Tests for ks_data.geo.cache: the read contract of the boundary cache."""

from __future__ import annotations

from pathlib import Path

import pytest

from ks_data import paths
from ks_data.geo import cache as geo
from ks_data.geo import lookups as geo_lookups


def test_missing_cache_raises_with_build_hint(tmp_path: Path) -> None:
    """Given an empty folder, readers raise GeoCacheMissing telling the user to run `make data`."""
    assert not geo.cache_available(cache_dir=tmp_path)
    with pytest.raises(geo.GeoCacheMissing, match="make data"):
        geo.read_gemeenten(cache_dir=tmp_path)


def test_default_folder_comes_from_paths_at_call_time(monkeypatch: pytest.MonkeyPatch, mini_geo_cache: Path) -> None:
    """Monkeypatching paths.GEO_CACHE_DIR redirects every reader (no import-time capture)."""
    monkeypatch.setattr(paths, "GEO_CACHE_DIR", mini_geo_cache)
    assert geo.cache_available()
    assert geo.read_gemeenten(year=2021)["gemeentecode"].tolist() == ["GM9001", "GM9002", "GM9003"]


def test_incomplete_cache_is_not_available(tmp_path: Path, mini_geo_cache: Path) -> None:
    """A cache with a file missing counts as absent."""
    import shutil

    copy = tmp_path / "copy"
    shutil.copytree(mini_geo_cache, copy)
    (copy / geo.PC4_FILE).unlink()
    assert not geo.cache_available(cache_dir=copy)


def test_unknown_year_is_rejected(mini_geo_cache: Path) -> None:
    """Only the years in the cache are accepted."""
    with pytest.raises(geo.UnknownYear):
        geo.read_gemeenten(year=2019, cache_dir=mini_geo_cache)


def test_contract_columns_on_mini(mini_geo_cache: Path) -> None:
    """Lookup tables have exactly the contract columns."""
    assert list(geo.read_gemeenten(cache_dir=mini_geo_cache).columns) == ["gemeentecode", "gemeentenaam"]
    assert list(geo.read_pc4_gemeente(cache_dir=mini_geo_cache).columns) == ["pc4", "gemeentecode", "gemeentenaam"]
    assert list(geo.read_gemeente_mapping(cache_dir=mini_geo_cache).columns) == [
        "gemeentecode_2021", "gemeentecode_2023", "gemeentenaam_2023"]


def test_pc4_shapes_of_one_gemeente_per_division(mini_geo_cache: Path) -> None:
    """PC4 polygons are filtered by the gemeente of the requested division (merger in 2023)."""
    assert geo.read_pc4_shapes(gemeentecode="GM9003", year=2021, cache_dir=mini_geo_cache)["pc4"].tolist() == [
        "3001", "3002"]
    merged = geo.read_pc4_shapes(gemeentecode="GM9004", year=2023, cache_dir=mini_geo_cache)
    assert merged["pc4"].tolist() == ["2001", "3001", "3002"]
    assert set(merged["gemeentenaam"]) == {"Dijkwaard"}
    assert geo.read_pc4_shapes(gemeentecode="GM0000", cache_dir=mini_geo_cache).empty


@pytest.mark.geo
def test_real_cache_contract(geo_cache: Path) -> None:
    """Built from ../shared/geo: 342/352 gemeenten, 4,067 PC4 rows, Amsterdam found, 14 reorganised codes."""
    g23 = geo.read_gemeenten(cache_dir=geo_cache)
    assert len(g23) == 342 and "GM0363" in set(g23["gemeentecode"])
    assert len(geo.read_gemeenten(year=2021, cache_dir=geo_cache)) == 352
    pc4 = geo.read_pc4_gemeente(cache_dir=geo_cache)
    assert len(pc4) == 4067 and pc4["pc4"].str.fullmatch(r"\d{4}").all()
    assert len(geo_lookups.successor_names(cache_dir=geo_cache)) == 14
    amsterdam = geo.read_pc4_shapes(gemeentecode="GM0363", cache_dir=geo_cache)
    assert len(amsterdam) > 50 and amsterdam.crs.to_epsg() == 4326
