"""Read the simplified CBS boundary cache (GeoParquet + lookup tables) built by ``python -m ks_data.geo``.

Cache layout in ``paths.GEO_CACHE_DIR`` (git-ignored, rebuilt by ``make data``):

- ``manifest.json``: format version, source, build time, years present
- ``gemeenten_<year>.parquet``: GeoParquet, columns gemeentecode, gemeentenaam, geometry (EPSG:4326)
- ``pc4.parquet``: GeoParquet, columns pc4, gemeentecode_2021, gemeentecode_2023, geometry
- ``table_gemeenten_<year>.parquet``, ``table_pc4_gemeente_<year>.parquet``,
  ``table_gemeente_2021_to_2023.parquet``: plain tables, no geometry (fast)

Names of codes and the 2021 -> 2023 lookups over these tables are in ``ks_data.geo.lookups``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from ks_data import paths

if TYPE_CHECKING:
    import geopandas as gpd

CACHE_FORMAT = 1
GEMEENTE_YEARS: tuple[int, ...] = (2021, 2023)
PC4_GEOMETRY_YEAR = 2020
# Perinatal data (synthetic set and real exports) is keyed to the 2021 municipal division.
DATA_YEAR = 2021
MAP_YEAR = 2023
MANIFEST = "manifest.json"
PC4_FILE = "pc4.parquet"
MAPPING_FILE = "table_gemeente_2021_to_2023.parquet"
BUILD_COMMAND = "make data"


class GeoCacheMissing(RuntimeError):
    """The boundary cache has not been built (or is incomplete) on this machine."""

    def __init__(self, folder: Path, missing: str = "") -> None:
        detail = f" (ontbreekt: {missing})" if missing else ""
        super().__init__(
            f"Geen grenzenbestand gevonden in {folder}{detail}. Bouw het met `{BUILD_COMMAND}` "
            f"(of `python -m ks_data.geo --from ../shared/geo`). / Boundary cache missing in "
            f"{folder}{detail}: build it with `{BUILD_COMMAND}`."
        )
        self.folder = folder


class UnknownYear(ValueError):
    """A boundary year that the cache does not hold."""


def gemeenten_file(year: int) -> str:
    """File name of the gemeente geometry for ``year``."""
    return f"gemeenten_{year}.parquet"


def table_file(name: str, year: int) -> str:
    """File name of a plain lookup table (``gemeenten`` or ``pc4_gemeente``) for ``year``."""
    return f"table_{name}_{year}.parquet"


def expected_files() -> list[str]:
    """Every file a complete cache holds."""
    files = [MANIFEST, PC4_FILE, MAPPING_FILE]
    for year in GEMEENTE_YEARS:
        files += [gemeenten_file(year), table_file("gemeenten", year), table_file("pc4_gemeente", year)]
    return files


def _folder(cache_dir: Path | None) -> Path:
    return Path(cache_dir) if cache_dir is not None else paths.GEO_CACHE_DIR


def _check_year(year: int) -> None:
    if year not in GEMEENTE_YEARS:
        raise UnknownYear(f"Boundary year {year} not in cache; available: {GEMEENTE_YEARS}")


def cache_available(*, cache_dir: Path | None = None) -> bool:
    """True when every cache file exists and the manifest has the current format."""
    folder = _folder(cache_dir)
    if not all((folder / name).is_file() for name in expected_files()):
        return False
    try:
        return json.loads((folder / MANIFEST).read_text(encoding="utf-8")).get("format") == CACHE_FORMAT
    except (OSError, ValueError):
        return False


def _path(name: str, cache_dir: Path | None) -> Path:
    folder = _folder(cache_dir)
    path = folder / name
    if not path.is_file():
        raise GeoCacheMissing(folder, name)
    return path


def cache_version(*, cache_dir: Path | None = None) -> str:
    """A string that changes whenever the cache is rebuilt (for cache keys)."""
    path = _path(MANIFEST, cache_dir)
    return f"{path}:{path.stat().st_mtime_ns}"


def read_manifest(*, cache_dir: Path | None = None) -> dict:
    """The build manifest: format, source, built_at, years."""
    return json.loads(_path(MANIFEST, cache_dir).read_text(encoding="utf-8"))


def read_gemeenten(*, year: int = MAP_YEAR, cache_dir: Path | None = None) -> pd.DataFrame:
    """Gemeenten of ``year``, sorted by name; columns gemeentecode ("GM0363"), gemeentenaam. No geometry."""
    _check_year(year)
    frame = pd.read_parquet(_path(table_file("gemeenten", year), cache_dir))
    return frame.sort_values("gemeentenaam", key=lambda s: s.str.lower()).reset_index(drop=True)


def read_pc4_gemeente(*, year: int = DATA_YEAR, cache_dir: Path | None = None) -> pd.DataFrame:
    """PC4 -> gemeente of ``year``; columns pc4 (4-digit str), gemeentecode, gemeentenaam."""
    _check_year(year)
    frame = pd.read_parquet(_path(table_file("pc4_gemeente", year), cache_dir))
    return frame[["pc4", "gemeentecode", "gemeentenaam"]].reset_index(drop=True)


def read_gemeente_mapping(*, cache_dir: Path | None = None) -> pd.DataFrame:
    """Municipal reorganisations; columns gemeentecode_2021, gemeentecode_2023, gemeentenaam_2023."""
    frame = pd.read_parquet(_path(MAPPING_FILE, cache_dir))
    return frame[["gemeentecode_2021", "gemeentecode_2023", "gemeentenaam_2023"]].reset_index(drop=True)


def read_gemeente_shapes(*, year: int = MAP_YEAR, cache_dir: Path | None = None) -> gpd.GeoDataFrame:
    """Simplified gemeente polygons of ``year`` as a GeoDataFrame (gemeentecode, gemeentenaam, geometry)."""
    import geopandas as gpd

    _check_year(year)
    return gpd.read_parquet(_path(gemeenten_file(year), cache_dir))


def read_pc4_shapes(*, gemeentecode: str, year: int = DATA_YEAR, cache_dir: Path | None = None) -> gpd.GeoDataFrame:
    """Simplified PC4 polygons of ONE gemeente (division of ``year``), sorted by pc4.

    Returns a GeoDataFrame with columns pc4, gemeentecode, gemeentenaam, geometry; empty for an
    unknown code.
    """
    import geopandas as gpd

    _check_year(year)
    column = f"gemeentecode_{year}"
    shapes = gpd.read_parquet(
        _path(PC4_FILE, cache_dir), columns=["pc4", column, "geometry"], filters=[(column, "==", gemeentecode)]
    ).rename(columns={column: "gemeentecode"})
    names = read_gemeenten(year=year, cache_dir=cache_dir)
    shapes = shapes.merge(names, on="gemeentecode", how="left")
    return shapes[["pc4", "gemeentecode", "gemeentenaam", "geometry"]].sort_values("pc4").reset_index(drop=True)


def read_pc4_areas(*, cache_dir: Path | None = None) -> pd.DataFrame:
    """Land area of every PC4 polygon in km² (simplified shapes, RD New); columns pc4, area_km2."""
    import geopandas as gpd

    shapes = gpd.read_parquet(_path(PC4_FILE, cache_dir), columns=["pc4", "geometry"])
    return pd.DataFrame({"pc4": shapes["pc4"].astype(str).to_numpy(),
                         "area_km2": (shapes.to_crs(28992).area / 1e6).to_numpy()})
