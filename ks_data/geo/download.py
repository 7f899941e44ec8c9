"""Real setup: download the official CBS/PDOK boundary files, derive the lookup tables, build the cache.

Sources (documented in docs/GEOGRAPHY.md):

- Gemeenten 2021 and 2023: CBS Gebiedsindelingen via the PDOK WFS, layer ``gemeente_gegeneraliseerd``
  (``https://service.pdok.nl/cbs/gebiedsindelingen/<year>/wfs/v1_0``), CC BY 4.0, "Bron: CBS".
- PC4 2020: CBS "Statistische gegevens per vierkant en postcode 2020" (final version),
  ``https://download.cbs.nl/postcode/2023-cbs_pc4_2020_vol.zip``; "© Centraal Bureau voor de
  Statistiek, © ESRI Nederland". Its inhabitants (``INWONER``) and inhabitants aged 0-14 (``INW_014``) per
  PC4 become ``pc4_population_2020.csv``, the births proxy of the synthetic demo (``ks_data.geo.population``).

The downloads are turned into a folder in the ../shared/geo format (``paths.CACHE_DIR/geo_download``,
git-ignored) and then built with ``ks_data.geo.build.build_from_folder``, so both routes share one
build. The command line is ``python -m ks_data.geo --download`` (``ks_data/geo/__main__.py``).
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from ks_data import paths
from ks_data.geo import cache as geo
from ks_data.geo import population
from ks_data.geo.build import BuildReport, GeoSourceError, build_from_folder

if TYPE_CHECKING:
    import geopandas as gpd

WFS_URL = "https://service.pdok.nl/cbs/gebiedsindelingen/{year}/wfs/v1_0"
WFS_LAYER = "gebiedsindelingen:gemeente_gegeneraliseerd"
PC4_URLS = (
    "https://download.cbs.nl/postcode/2023-cbs_pc4_2020_vol.zip",
    "https://download.cbs.nl/postcode/CBS-PC4-2020-v1.zip",
)
PC4_COLUMNS = ("postcode", "pc4", "PC4", "postcode4", "POSTCODE")
RD_NEW = "EPSG:28992"
TIMEOUT = 120


def wfs_params(year: int) -> dict[str, str]:
    """Query parameters of the PDOK WFS GetFeature request for the gemeenten of ``year`` (GeoJSON, RD New)."""
    return {"service": "WFS", "version": "2.0.0", "request": "GetFeature", "typeNames": WFS_LAYER,
            "outputFormat": "application/json", "srsName": RD_NEW, "count": "1000"}


def _get(url: str, *, params: dict[str, str] | None = None) -> bytes:
    import requests

    try:
        response = requests.get(url, params=params, timeout=TIMEOUT)
        response.raise_for_status()
    except requests.RequestException as exc:
        raise GeoSourceError(
            f"Downloaden mislukt / download failed: {url} ({exc}). Controleer de internetverbinding, of bouw "
            f"offline met `python -m ks_data.geo --from <map>` / check the connection or build offline."
        ) from exc
    return response.content


def download_gemeenten(year: int) -> gpd.GeoDataFrame:
    """The generalised gemeente polygons of ``year`` from PDOK, in EPSG:4326 (statcode, statnaam, geometry)."""
    import geopandas as gpd

    frame = gpd.read_file(io.BytesIO(_get(WFS_URL.format(year=year), params=wfs_params(year))))
    if frame.crs is None:
        frame = frame.set_crs(RD_NEW)
    if not {"statcode", "statnaam"} <= set(frame.columns) or frame.empty:
        raise GeoSourceError(f"PDOK gemeenten {year}: onverwacht antwoord / unexpected response")
    return frame[["statcode", "statnaam", "geometry"]].to_crs("EPSG:4326")


def read_pc4_zip(content: bytes) -> gpd.GeoDataFrame:
    """PC4 polygons (column ``pc4``, 4-digit str) from a CBS postcode zip (GeoPackage or shapefile), with
    the inhabitants columns of the CBS statistics (``population.CBS_COLUMNS``) where the file has them."""
    import geopandas as gpd
    import pyogrio

    folder = paths.CACHE_DIR / "geo_download" / "pc4_zip"
    folder.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        archive.extractall(folder)
    candidates = sorted(folder.rglob("*.gpkg")) + sorted(folder.rglob("*.shp"))
    for path in candidates:
        for layer, geometry_type in pyogrio.list_layers(path):
            if geometry_type and "polygon" in str(geometry_type).lower():
                frame = gpd.read_file(path, layer=layer)
                column = next((c for c in PC4_COLUMNS if c in frame.columns), None)
                if column:
                    frame["pc4"] = frame[column].astype(str).str.replace(r"\.0$", "", regex=True).str.zfill(4)
                    frame = frame.set_crs(RD_NEW) if frame.crs is None else frame
                    upper = {c.upper(): c for c in frame.columns}  # INWONER / inwoner, as the release has it
                    counts = {upper[c]: c for c in population.CBS_COLUMNS if c in upper}
                    frame = frame.rename(columns=counts)
                    return frame[["pc4", *counts.values(), "geometry"]].to_crs("EPSG:4326")
    raise GeoSourceError("CBS PC4-bestand: geen polygonen met postcode gevonden / no PC4 polygons in zip")


def largest_overlap(areas: gpd.GeoDataFrame, zones: gpd.GeoDataFrame, *, area_key: str,
                    zone_key: str) -> pd.DataFrame:
    """For every area: the zone with the largest area overlap (computed in EPSG:28992).

    Returns area_key, zone_key, area_share, second_<zone_key>, second_area_share (runner-up >= 0.1%).
    """
    import geopandas as gpd

    left = areas[[area_key, "geometry"]].to_crs(RD_NEW)
    right = zones[[zone_key, "geometry"]].to_crs(RD_NEW)
    left["geometry"] = left.geometry.make_valid()
    right["geometry"] = right.geometry.make_valid()
    pieces = gpd.overlay(left, right, how="intersection", keep_geom_type=True)
    pieces["overlap"] = pieces.geometry.area
    pieces = pieces.groupby([area_key, zone_key], as_index=False)["overlap"].sum()
    totals = left.assign(total=left.geometry.area)[[area_key, "total"]]
    pieces = pieces.merge(totals, on=area_key)
    pieces["area_share"] = (pieces["overlap"] / pieces["total"]).round(4)
    ranked = pieces.sort_values([area_key, "area_share"], ascending=[True, False])
    best = ranked.groupby(area_key).nth(0)[[area_key, zone_key, "area_share"]]
    second = ranked.groupby(area_key).nth(1)
    second = second[second["area_share"] >= 0.001][[area_key, zone_key, "area_share"]].rename(
        columns={zone_key: f"second_{zone_key}", "area_share": "second_area_share"})
    return best.merge(second, on=area_key, how="left").reset_index(drop=True)


def derive_tables(gemeenten_2021: gpd.GeoDataFrame, gemeenten_2023: gpd.GeoDataFrame,
                  pc4: gpd.GeoDataFrame) -> dict[str, pd.DataFrame]:
    """The CSV tables of the ../shared/geo format, derived from the three polygon layers by area overlap."""
    names = {year: g.rename(columns={"statcode": "gemeentecode", "statnaam": "gemeentenaam"})[
        ["gemeentecode", "gemeentenaam"]].sort_values("gemeentecode") for year, g in
        ((2021, gemeenten_2021), (2023, gemeenten_2023))}
    g21 = gemeenten_2021.rename(columns={"statcode": "gemeentecode"})
    g23 = gemeenten_2023.rename(columns={"statcode": "gemeentecode_2023"})
    pc4_2021 = largest_overlap(pc4, g21, area_key="pc4", zone_key="gemeentecode")
    pc4_2021 = pc4_2021.merge(names[2021], on="gemeentecode", how="left").assign(method="area_overlap")
    mapping = largest_overlap(g21.rename(columns={"gemeentecode": "gemeentecode_2021"}), g23,
                              area_key="gemeentecode_2021", zone_key="gemeentecode_2023")
    mapping = mapping.merge(names[2021].rename(columns={"gemeentecode": "gemeentecode_2021",
                                                        "gemeentenaam": "gemeentenaam_2021"}), on="gemeentecode_2021")
    mapping = mapping.merge(names[2023].rename(columns={"gemeentecode": "gemeentecode_2023",
                                                        "gemeentenaam": "gemeentenaam_2023"}), on="gemeentecode_2023")
    pc4_2023 = pc4_2021[["pc4", "gemeentecode"]].rename(columns={"gemeentecode": "gemeentecode_2021"}).merge(
        mapping[["gemeentecode_2021", "gemeentecode_2023", "gemeentenaam_2023"]], on="gemeentecode_2021")
    pc4_2023 = pc4_2023.rename(columns={"gemeentecode_2023": "gemeentecode", "gemeentenaam_2023": "gemeentenaam"})
    return {
        "gemeenten_2021.csv": names[2021],
        "gemeenten_2023.csv": names[2023],
        "pc4_gemeente_2021.csv": pc4_2021[["pc4", "gemeentecode", "gemeentenaam", "area_share",
                                           "second_gemeentecode", "second_area_share", "method"]],
        "pc4_gemeente_2023.csv": pc4_2023[["pc4", "gemeentecode", "gemeentenaam", "gemeentecode_2021"]],
        "gemeente_2021_to_2023.csv": mapping[["gemeentecode_2021", "gemeentenaam_2021", "gemeentecode_2023",
                                              "gemeentenaam_2023", "area_share"]],
    }


def write_source_folder(folder: Path, gemeenten_2021: gpd.GeoDataFrame, gemeenten_2023: gpd.GeoDataFrame,
                        pc4: gpd.GeoDataFrame) -> Path:
    """Write the three layers (GeoJSON) and derived tables (CSV) in the ../shared/geo format, plus the
    inhabitants per PC4 (``pc4_population_2020.csv``) when the CBS PC4 file carries them."""
    folder.mkdir(parents=True, exist_ok=True)
    gemeenten_2021.to_file(folder / "gemeenten_2021.geojson", driver="GeoJSON")
    gemeenten_2023.to_file(folder / "gemeenten_2023.geojson", driver="GeoJSON")
    people = population.from_cbs_pc4(pc4)
    if people is not None:
        people.to_csv(folder / population.DOWNLOAD_SOURCE.file, index=False)
    pc4 = pc4[["pc4", "geometry"]]
    pc4.to_file(folder / "pc4_2020.geojson", driver="GeoJSON")
    for name, table in derive_tables(gemeenten_2021, gemeenten_2023, pc4).items():
        table.to_csv(folder / name, index=False)
    return folder


def download_and_build(*, cache_dir: Path | None = None) -> BuildReport:
    """Download CBS/PDOK files, write them as a source folder, and build the cache from it."""
    layers = {year: download_gemeenten(year) for year in geo.GEMEENTE_YEARS}
    errors = []
    for url in PC4_URLS:
        try:
            pc4 = read_pc4_zip(_get(url))
            break
        except GeoSourceError as exc:
            errors.append(str(exc))
    else:
        raise GeoSourceError(" | ".join(errors))
    folder = write_source_folder(paths.CACHE_DIR / "geo_download" / "source", layers[2021], layers[2023], pc4)
    return build_from_folder(folder, cache_dir=cache_dir)
