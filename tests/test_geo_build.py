"""Tests for ks_data.geo.build: the boundary cache built from a folder in the ../shared/geo format."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import geopandas as gpd
import numpy as np
import pytest
import shapely

from ks_data.geo import cache as geo
from ks_data.geo import build as geo_build
from tests.conftest import GEO_MINI_DIR


def test_mini_build_writes_every_cache_file(mini_geo_cache: Path) -> None:
    """Given the hand-written fixture, when built, then the cache is complete and the manifest counts match."""
    assert geo.cache_available(cache_dir=mini_geo_cache)
    manifest = json.loads((mini_geo_cache / geo.MANIFEST).read_text())
    assert manifest["counts"] == {"gemeenten_2021": 3, "gemeenten_2023": 2, "pc4": 5}
    assert manifest["decimals"] == geo_build.DECIMALS
    assert not mini_geo_cache.with_name(mini_geo_cache.name + ".building").exists()


def test_mini_build_keeps_shared_border_shared(mini_geo_cache: Path) -> None:
    """The zigzag border of Aadorp/Beekveld is simplified once: no gap and no overlap appear."""
    shapes = geo.read_gemeente_shapes(year=2021, cache_dir=mini_geo_cache).set_index("gemeentecode")
    a, b = shapes.loc["GM9001", "geometry"], shapes.loc["GM9002", "geometry"]
    assert len(shapely.get_coordinates(a)) < 11  # the +-0.0003 zigzag was simplified away
    assert a.intersection(b).area < 1e-12  # no overlap
    assert a.union(b).area == pytest.approx(a.area + b.area, rel=1e-9)
    # no gap: the union is one polygon without holes
    union = shapely.union(a, b)
    assert union.geom_type == "Polygon" and len(union.interiors) == 0


def test_coordinates_are_rounded_to_five_decimals(mini_geo_cache: Path) -> None:
    """Every stored vertex lies on the 1e-5 degree grid."""
    coords = shapely.get_coordinates(gpd.read_parquet(mini_geo_cache / geo.PC4_FILE).geometry.values)
    assert np.allclose(coords, np.round(coords, 5), atol=1e-12)


def test_pc4_codes_are_four_digit_strings(mini_geo_cache: Path) -> None:
    """PC4 codes are stored as 4-digit text with both gemeente codes attached."""
    pc4 = gpd.read_parquet(mini_geo_cache / geo.PC4_FILE)
    assert sorted(pc4["pc4"]) == ["1001", "1002", "2001", "3001", "3002"]
    assert dict(zip(pc4["pc4"], pc4["gemeentecode_2023"]))["3001"] == "GM9004"


def test_round_coordinates_keeps_identical_vertices_identical() -> None:
    """Rounding is deterministic per vertex, so two copies of one border stay equal."""
    line = shapely.LineString([(5.123456789, 52.987654321), (5.2, 52.1)])
    a, b = geo_build.round_coordinates(np.array([line, shapely.reverse(line)]))
    assert shapely.equals(a, b)
    assert shapely.get_coordinates(a)[0].tolist() == [5.12346, 52.98765]


def test_polygonal_repairs_invalid_bowtie() -> None:
    """An invalid self-crossing ring becomes a valid (multi)polygon."""
    bowtie = shapely.Polygon([(0, 0), (1, 1), (1, 0), (0, 1), (0, 0)])
    (fixed,) = geo_build.polygonal(np.array([bowtie], dtype=object))
    assert fixed.is_valid and fixed.geom_type in ("Polygon", "MultiPolygon") and fixed.area > 0


def test_missing_source_file_is_reported(tmp_path: Path) -> None:
    """A source folder without the PC4 file fails with GeoSourceError naming the file."""
    source = tmp_path / "src"
    shutil.copytree(GEO_MINI_DIR, source)
    (source / "pc4_2020.geojson").unlink()
    with pytest.raises(geo_build.GeoSourceError, match="pc4_2020.geojson"):
        geo_build.build_from_folder(source, cache_dir=tmp_path / "cache")
    assert not (tmp_path / "cache").exists()


@pytest.mark.geo
def test_real_build_counts_and_size(geo_cache: Path) -> None:
    """Built from ../shared/geo: all features kept, cache a few MB, every gemeente layer valid."""
    manifest = geo.read_manifest(cache_dir=geo_cache)
    assert manifest["counts"] == {"gemeenten_2021": 352, "gemeenten_2023": 342, "pc4": 4067}
    assert sum(p.stat().st_size for p in geo_cache.iterdir()) < 8_000_000
    for year in geo.GEMEENTE_YEARS:
        shapes = geo.read_gemeente_shapes(year=year, cache_dir=geo_cache)
        assert shapes.geometry.is_valid.all() and not shapes.geometry.is_empty.any()


@pytest.mark.geo
def test_real_build_introduces_no_overlaps(geo_cache: Path) -> None:
    """The simplified 2021 gemeenten tile the country: the areas add up to the area of their union."""
    shapes = geo.read_gemeente_shapes(year=2021, cache_dir=geo_cache).to_crs("EPSG:28992")
    total = shapes.geometry.area.sum()
    union = shapely.union_all(shapes.geometry.values).area
    assert (total - union) / total < 1e-4
