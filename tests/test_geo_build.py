"""Tests for ks_data.geo.build: the boundary cache built from a folder in the ../shared/geo format."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import geopandas as gpd
import pandas as pd
import numpy as np
import pytest
import shapely

from ks_data.geo import __main__ as geo_cli
from ks_data.geo import build as geo_build
from ks_data.geo import cache as geo
from ks_data.geo import download as geo_download
from ks_data.geo import population
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


# --- population step (ks_data.geo.population): the births proxy of the synthetic demo ---------------------

def test_mini_build_caches_young_children_per_year_as_births_proxy(mini_geo_cache: Path) -> None:
    """Given the invented population file, the cache holds children aged 0-4 / 5 per PC4; hidden cells stay NA."""
    table = population.read_births_proxy(cache_dir=mini_geo_cache).set_index("pc4")
    assert table.loc["1001", "births_proxy"] == 130.0 and table.loc["2001", "births_proxy"] == 80.0
    assert table.loc["3001", "births_proxy"] == 0.0 and pd.isna(table.loc["3002", "births_proxy"])
    assert int(table.loc["1002", "inhabitants"]) == 3500 and int(table.loc["1002", "young_children"]) == 180
    info = population.proxy_info(cache_dir=mini_geo_cache)
    assert (info["file"], info["age_years"], info["reference_date"]) == ("pc4_population_2021.csv", 5, "2021-01-01")
    assert info["births_proxy_total"] == pytest.approx((650 + 180 + 400 + 0 + 5) / 5)


def _source_without_population(tmp_path: Path) -> Path:
    source = tmp_path / "src"
    shutil.copytree(GEO_MINI_DIR, source)
    (source / "pc4_population_2021.csv").unlink()
    return source


def test_build_without_population_file_warns_and_falls_back(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    """No population file: the cache is complete, has no proxy table, and the CLI says so on stderr."""
    source = _source_without_population(tmp_path)
    report = geo_build.build_from_folder(source, cache_dir=tmp_path / "cache")
    assert geo.cache_available(cache_dir=tmp_path / "cache")
    assert population.read_births_proxy(cache_dir=tmp_path / "cache") is None
    assert population.proxy_info(cache_dir=tmp_path / "cache") is None
    assert len(report.warnings) == 1 and "pc4_population_2021.csv" in report.warnings[0]
    assert geo_cli.main(["--from", str(source), "--cache-dir", str(tmp_path / "cache2")]) == 0
    err = capsys.readouterr().err
    assert "LET OP / WARNING" in err and "oppervlakte van de postcodes" in err


def test_broken_population_file_is_refused_naming_row_and_column(tmp_path: Path) -> None:
    """A population file with text in a count column stops the build with file, row and column; no cache."""
    source = tmp_path / "src"
    shutil.copytree(GEO_MINI_DIR, source)
    path = source / "pc4_population_2021.csv"
    path.write_text(path.read_text().replace("2001,8000,400", "2001,8000,veel"), encoding="utf-8")
    with pytest.raises(geo_build.GeoSourceError, match=r"pc4_population_2021.csv, rij 4, kolom 'inhabitants_0_4'"):
        geo_build.build_from_folder(source, cache_dir=tmp_path / "cache")
    assert not (tmp_path / "cache").exists()
    path.write_text("pc4,inhabitants\n1001,10\n", encoding="utf-8")
    with pytest.raises(geo_build.GeoSourceError, match="inhabitants_0_4"):
        geo_build.build_from_folder(source, cache_dir=tmp_path / "cache")


def test_download_route_derives_the_proxy_from_the_cbs_pc4_file(tmp_path: Path) -> None:
    """Given CBS PC4 polygons with INWONER and INW_014 (a secret cell as -99997), the download writes
    pc4_population_2020.csv and the build turns aged 0-14 / 15 into the births proxy."""
    pc4 = gpd.read_file(GEO_MINI_DIR / "pc4_2020.geojson")
    pc4["pc4"] = pc4["pc4"].astype(str)
    pc4["INWONER"] = [12000, 3500, 8000, 25, -99997]
    pc4["INW_014"] = [1800, 510, 1200, 5, -99997]
    layers = [gpd.read_file(GEO_MINI_DIR / f"gemeenten_{year}.geojson") for year in geo.GEMEENTE_YEARS]
    folder = geo_download.write_source_folder(tmp_path / "download", *layers, pc4)
    written = pd.read_csv(folder / "pc4_population_2020.csv", dtype=str, keep_default_na=False)
    assert written.columns.tolist() == ["pc4", "inhabitants", "inhabitants_0_14"]
    assert written["inhabitants_0_14"].tolist() == ["1800", "510", "1200", "5", ""]
    assert set(gpd.read_file(folder / "pc4_2020.geojson").columns) == {"pc4", "geometry"}
    geo_build.build_from_folder(folder, cache_dir=tmp_path / "cache")
    table = population.read_births_proxy(cache_dir=tmp_path / "cache").set_index("pc4")
    assert table.loc["1001", "births_proxy"] == pytest.approx(120.0) and pd.isna(table.loc["3002", "births_proxy"])
    assert population.proxy_info(cache_dir=tmp_path / "cache")["age_years"] == 15


def test_cbs_pc4_file_without_inhabitants_gives_no_population_file(tmp_path: Path) -> None:
    """A CBS PC4 file without the inhabitants columns: no population file, so the build falls back with a warning."""
    pc4 = gpd.read_file(GEO_MINI_DIR / "pc4_2020.geojson")
    pc4["pc4"] = pc4["pc4"].astype(str)
    layers = [gpd.read_file(GEO_MINI_DIR / f"gemeenten_{year}.geojson") for year in geo.GEMEENTE_YEARS]
    folder = geo_download.write_source_folder(tmp_path / "download", *layers, pc4)
    assert population.find_source(folder) is None
    assert geo_build.build_from_folder(folder, cache_dir=tmp_path / "cache").warnings


@pytest.mark.geo
def test_real_build_population_proxy_matches_the_cbs_figures(geo_cache: Path) -> None:
    """From ../shared/geo: 857,540 children aged 0-4 nationally (SOURCES.md), and per gemeente the yearly
    proxy the issue names: Súdwest-Fryslân ~840, Putten ~260, Amsterdam ~8,900."""
    table = population.read_births_proxy(cache_dir=geo_cache)
    assert int(table["young_children"].sum()) == 857_540
    links = geo.read_pc4_gemeente(year=2021, cache_dir=geo_cache)
    per = table.merge(links, on="pc4").groupby("gemeentenaam")["births_proxy"].sum()
    assert per["Súdwest-Fryslân"] == pytest.approx(840, rel=0.05)
    assert per["Putten"] == pytest.approx(260, rel=0.05)
    assert per["Amsterdam"] == pytest.approx(8_900, rel=0.03)
