"""Build the boundary cache (see ``ks_data.geo.cache``) from a folder in the ../shared/geo format.

The command line is ``python -m ks_data.geo --from DIR`` (this module) or ``--download``
(``ks_data.geo.download`` writes such a folder from the official CBS/PDOK files, then calls this build).

Geometry is simplified per layer with ``topojson`` (topology kept: a border shared by two areas is one
arc, simplified once, so no gaps or overlaps are introduced), coordinates rounded to 5 decimals
(~1 m), and written as GeoParquet. An optional population file per PC4 becomes the births proxy of the
synthetic demo (``ks_data.geo.population``; without it the build warns). The folder is built next to the
target and swapped in at the end, so an interrupted build never leaves a half cache.
"""

from __future__ import annotations

import json
import shutil
import time
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd
import shapely

from ks_data import paths
from ks_data.geo import cache as geo
from ks_data.geo import population

if TYPE_CHECKING:
    import geopandas as gpd

# Simplification tolerance in degrees (~0.0001 deg = 7-11 m in NL).
GEMEENTE_TOLERANCE = 0.0005
PC4_TOLERANCE = 0.0002
DECIMALS = 5

SOURCE_FILES: dict[str, str] = {
    "gemeenten_2021": "gemeenten_2021.geojson",
    "gemeenten_2023": "gemeenten_2023.geojson",
    "pc4": "pc4_2020.geojson",
    "names_2021": "gemeenten_2021.csv",
    "names_2023": "gemeenten_2023.csv",
    "pc4_2021": "pc4_gemeente_2021.csv",
    "pc4_2023": "pc4_gemeente_2023.csv",
    "mapping": "gemeente_2021_to_2023.csv",
}


class GeoSourceError(RuntimeError):
    """The source folder (or download) lacks a file or a column the build needs."""


@dataclass(frozen=True)
class BuildReport:
    """What a build produced: folder, seconds, feature counts per layer, total bytes on disk, warnings."""

    cache_dir: Path
    seconds: float
    counts: dict[str, int]
    bytes_on_disk: int
    warnings: tuple[str, ...] = ()


def round_coordinates(geometry: np.ndarray, *, decimals: int = DECIMALS) -> np.ndarray:
    """Round every coordinate; identical vertices stay identical, so shared borders stay shared."""
    return shapely.transform(geometry, lambda coords: np.round(coords, decimals))


def polygonal(geometry: np.ndarray) -> np.ndarray:
    """Make geometries valid and keep only their (multi)polygon parts."""
    result = np.asarray(geometry, dtype=object).copy()
    invalid = ~shapely.is_valid(result)
    if invalid.any():
        result[invalid] = shapely.make_valid(result[invalid])
    for i, geom in enumerate(result):
        if geom is not None and geom.geom_type not in ("Polygon", "MultiPolygon"):
            parts = [p for p in shapely.get_parts(geom) if p.geom_type in ("Polygon", "MultiPolygon")]
            result[i] = shapely.union_all(parts) if parts else shapely.Polygon()
    return result


def simplify_layer(frame: gpd.GeoDataFrame, *, tolerance: float, decimals: int = DECIMALS) -> gpd.GeoDataFrame:
    """Topology-preserving simplification (topojson toposimplify) + rounding of a GeoDataFrame in EPSG:4326."""
    import topojson

    frame = frame.copy()
    frame["geometry"] = polygonal(frame.geometry.values)
    if tolerance > 0:
        frame = topojson.Topology(frame, prequantize=False, topology=True, toposimplify=tolerance).to_gdf()
    frame["geometry"] = polygonal(round_coordinates(frame.geometry.values, decimals=decimals))
    return frame.set_crs("EPSG:4326", allow_override=True)


def _require(source: Path) -> dict[str, Path]:
    if not source.is_dir():
        raise GeoSourceError(f"Bronmap bestaat niet / source folder does not exist: {source}")
    files = {key: source / name for key, name in SOURCE_FILES.items()}
    missing = [p.name for p in files.values() if not p.is_file()]
    if missing:
        raise GeoSourceError(f"Bestanden ontbreken in / files missing in {source}: {', '.join(missing)}")
    return files


def _read_csv(path: Path, columns: list[str]) -> pd.DataFrame:
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise GeoSourceError(f"{path.name}: kolommen ontbreken / columns missing: {', '.join(missing)}")
    frame = frame[columns].copy()
    if "pc4" in frame:
        frame["pc4"] = frame["pc4"].str.strip().str.zfill(4)
    return frame


def _read_gemeenten(path: Path) -> gpd.GeoDataFrame:
    import geopandas as gpd

    frame = gpd.read_file(path)
    if frame.crs is None:
        frame = frame.set_crs("EPSG:4326")
    frame = frame.to_crs("EPSG:4326")
    if not {"statcode", "statnaam"} <= set(frame.columns):
        raise GeoSourceError(f"{path.name}: properties statcode/statnaam ontbreken / missing")
    return frame.rename(columns={"statcode": "gemeentecode", "statnaam": "gemeentenaam"})[
        ["gemeentecode", "gemeentenaam", "geometry"]
    ]


def _read_pc4(path: Path, links_2021: pd.DataFrame, links_2023: pd.DataFrame) -> gpd.GeoDataFrame:
    import geopandas as gpd

    frame = gpd.read_file(path)
    frame = (frame.set_crs("EPSG:4326") if frame.crs is None else frame).to_crs("EPSG:4326")
    if "pc4" not in frame.columns:
        raise GeoSourceError(f"{path.name}: property pc4 ontbreekt / missing")
    frame["pc4"] = frame["pc4"].astype(str).str.strip().str.zfill(4)
    frame = frame.merge(links_2021.rename(columns={"gemeentecode": "gemeentecode_2021"}), on="pc4", how="left")
    frame = frame.merge(links_2023.rename(columns={"gemeentecode": "gemeentecode_2023"}), on="pc4", how="left")
    return frame[["pc4", "gemeentecode_2021", "gemeentecode_2023", "geometry"]]


def build_from_folder(source: Path, *, cache_dir: Path | None = None) -> BuildReport:
    """Build the complete cache from a folder in the ../shared/geo format; returns a BuildReport.

    Raises:
        GeoSourceError: a file or column is missing in ``source``.
    """
    started = time.perf_counter()
    target = Path(cache_dir) if cache_dir is not None else paths.GEO_CACHE_DIR
    files = _require(Path(source))
    work = target.with_name(target.name + ".building")
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    counts: dict[str, int] = {}
    try:  # optional: young children per PC4, the synthetic demo's births proxy (ks_data.geo.population)
        population_entry = population.build_table(Path(source), work)
    except population.PopulationFileError as exc:
        shutil.rmtree(work, ignore_errors=True)
        raise GeoSourceError(str(exc)) from exc
    warnings = () if population_entry else (population.missing_warning(Path(source)),)

    for year in geo.GEMEENTE_YEARS:
        names = _read_csv(files[f"names_{year}"], ["gemeentecode", "gemeentenaam"])
        names.to_parquet(work / geo.table_file("gemeenten", year), index=False)
        links = _read_csv(files[f"pc4_{year}"], ["pc4", "gemeentecode", "gemeentenaam"])
        links.to_parquet(work / geo.table_file("pc4_gemeente", year), index=False)
        shapes = simplify_layer(_read_gemeenten(files[f"gemeenten_{year}"]), tolerance=GEMEENTE_TOLERANCE)
        shapes.to_parquet(work / geo.gemeenten_file(year), index=False)
        counts[f"gemeenten_{year}"] = len(shapes)

    mapping = _read_csv(files["mapping"], ["gemeentecode_2021", "gemeentecode_2023", "gemeentenaam_2023"])
    mapping.to_parquet(work / geo.MAPPING_FILE, index=False)
    link_2021 = pd.read_parquet(work / geo.table_file("pc4_gemeente", 2021))[["pc4", "gemeentecode"]]
    link_2023 = pd.read_parquet(work / geo.table_file("pc4_gemeente", 2023))[["pc4", "gemeentecode"]]
    pc4 = simplify_layer(_read_pc4(files["pc4"], link_2021, link_2023), tolerance=PC4_TOLERANCE)
    pc4.sort_values(["gemeentecode_2021", "pc4"]).to_parquet(work / geo.PC4_FILE, index=False, row_group_size=512)
    counts["pc4"] = len(pc4)

    manifest = {
        "format": geo.CACHE_FORMAT,
        "source": str(Path(source).resolve()),
        "built_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "gemeente_years": list(geo.GEMEENTE_YEARS),
        "pc4_year": geo.PC4_GEOMETRY_YEAR,
        "tolerance_deg": {"gemeenten": GEMEENTE_TOLERANCE, "pc4": PC4_TOLERANCE},
        "decimals": DECIMALS,
        "counts": counts,
        population.MANIFEST_KEY: population_entry,
    }
    (work / geo.MANIFEST).write_text(json.dumps(manifest, indent=2), encoding="utf-8")
    shutil.rmtree(target, ignore_errors=True)
    target.parent.mkdir(parents=True, exist_ok=True)
    work.rename(target)
    size = sum(p.stat().st_size for p in target.iterdir())
    return BuildReport(target, time.perf_counter() - started, counts, size, warnings)
