"""Tests for ks_data/geo/download.py: the real-setup route (PDOK WFS + CBS PC4 zip) with the network mocked.

``requests.get`` is replaced by a fake server that answers the WFS requests with the mini fixture's
gemeenten (as GeoJSON) and the PC4 zip with a GeoPackage of its postcodes, so the whole route runs offline:
files written in the ../shared/geo format, lookup tables derived by area overlap, the cache built from them.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import geopandas as gpd
import pandas as pd
import pytest
import requests

from ks_data import paths
from ks_data.geo import __main__ as geo_cli
from ks_data.geo import cache as geo
from ks_data.geo import download as geo_download
from ks_data.geo.build import GeoSourceError
from tests.conftest import GEO_MINI_DIR


class _Response:
    def __init__(self, url: str, content: bytes, status: int = 200) -> None:
        self.url, self.content, self.status_code = url, content, status

    def raise_for_status(self) -> None:
        if self.status_code >= 400:
            raise requests.HTTPError(f"{self.status_code} for {self.url}")


def _gemeenten_geojson(year: int) -> bytes:
    """The fixture's gemeenten as PDOK sends them: statcode, statnaam, geometry."""
    return (GEO_MINI_DIR / f"gemeenten_{year}.geojson").read_bytes()


def _pc4_zip(tmp_path: Path) -> bytes:
    """A CBS-like PC4 zip: a GeoPackage in RD New with the postcode as a number in column 'postcode'."""
    frame = gpd.read_file(GEO_MINI_DIR / "pc4_2020.geojson").rename(columns={"pc4": "postcode"})
    frame["postcode"] = frame["postcode"].astype(float)  # as some CBS files store it: 1001.0
    package = tmp_path / "cbs_pc4_2020_vol.gpkg"
    frame.to_crs("EPSG:28992").to_file(package, layer="cbs_pc4_2020", driver="GPKG")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.write(package, arcname=f"CBS-PC4-2020/{package.name}")
    return buffer.getvalue()


@pytest.fixture
def fake_server(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, dict | None]]:
    """requests.get answered offline; the first PC4 URL is gone (404), so the fallback URL is used. Returns the
    requests made (url, params)."""
    monkeypatch.setattr(paths, "CACHE_DIR", tmp_path / "data_cache")
    zip_bytes = _pc4_zip(tmp_path)
    gone, served = geo_download.PC4_URLS  # as published; a test may point PC4_URLS elsewhere
    calls: list[tuple[str, dict | None]] = []

    def get(url: str, params: dict | None = None, timeout: float | None = None) -> _Response:
        calls.append((url, params))
        for year in geo.GEMEENTE_YEARS:
            if url == geo_download.WFS_URL.format(year=year):
                return _Response(url, _gemeenten_geojson(year))
        if url == gone:
            return _Response(url, b"not found", status=404)
        if url == served:
            return _Response(url, zip_bytes)
        raise requests.ConnectionError(f"unexpected URL {url}")

    monkeypatch.setattr(requests, "get", get)
    return calls


def test_download_writes_the_source_folder_and_builds_the_cache(fake_server, tmp_path: Path) -> None:
    """Given the official files (mocked), then the three layers and five derived tables are written in the
    ../shared/geo format and the cache built from them has every gemeente and PC4 of the fixture."""
    report = geo_download.download_and_build(cache_dir=tmp_path / "cache")
    source = paths.CACHE_DIR / "geo_download" / "source"
    assert sorted(p.name for p in source.iterdir()) == sorted([
        "gemeenten_2021.geojson", "gemeenten_2023.geojson", "pc4_2020.geojson", "gemeenten_2021.csv",
        "gemeenten_2023.csv", "pc4_gemeente_2021.csv", "pc4_gemeente_2023.csv", "gemeente_2021_to_2023.csv"])
    assert report.counts == {"gemeenten_2021": 3, "gemeenten_2023": 2, "pc4": 5}
    assert geo.cache_available(cache_dir=tmp_path / "cache")
    links = pd.read_csv(source / "pc4_gemeente_2021.csv", dtype=str)
    assert dict(zip(links["pc4"], links["gemeentecode"])) == {
        "1001": "GM9001", "1002": "GM9001", "2001": "GM9002", "3001": "GM9003", "3002": "GM9003"}
    assert set(links["method"]) == {"area_overlap"}
    mapping = geo.read_gemeente_mapping(cache_dir=tmp_path / "cache")
    assert dict(zip(mapping["gemeentecode_2021"], mapping["gemeentecode_2023"])) == {
        "GM9001": "GM9001", "GM9002": "GM9004", "GM9003": "GM9004"}
    assert geo.read_gemeenten(year=2023, cache_dir=tmp_path / "cache")["gemeentenaam"].tolist() == [
        "Aadorp", "Dijkwaard"]


def test_download_asks_pdok_for_both_years_and_falls_back_to_the_second_pc4_url(fake_server, tmp_path: Path) -> None:
    """The WFS is asked for the generalised gemeenten in RD New as GeoJSON; a missing PC4 zip tries the next URL."""
    geo_download.download_and_build(cache_dir=tmp_path / "cache")
    urls = [url for url, _ in fake_server]
    assert urls == [geo_download.WFS_URL.format(year=2021), geo_download.WFS_URL.format(year=2023),
                    *geo_download.PC4_URLS]
    params = fake_server[0][1]
    assert params["typeNames"] == "gebiedsindelingen:gemeente_gegeneraliseerd" and params["srsName"] == "EPSG:28992"
    assert params["outputFormat"] == "application/json" and params["request"] == "GetFeature"


def test_every_pc4_url_failing_names_them_all(fake_server, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """When no PC4 zip can be fetched, the error lists each URL tried and no cache is written."""
    monkeypatch.setattr(geo_download, "PC4_URLS", (geo_download.PC4_URLS[0], "https://download.cbs.nl/x.zip"))
    with pytest.raises(GeoSourceError) as info:
        geo_download.download_and_build(cache_dir=tmp_path / "cache")
    assert geo_download.PC4_URLS[0] in str(info.value) and "x.zip" in str(info.value)
    assert " | " in str(info.value) and not (tmp_path / "cache").exists()


def test_a_zip_without_postcode_polygons_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A PC4 zip whose layers lack a postcode column gives a clear GeoSourceError, not a crash later on."""
    monkeypatch.setattr(paths, "CACHE_DIR", tmp_path / "data_cache")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("leesmij.txt", "geen kaart")
    with pytest.raises(GeoSourceError, match="geen polygonen met postcode"):
        geo_download.read_pc4_zip(buffer.getvalue())


def test_download_failure_is_clear(monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                   capsys: pytest.CaptureFixture[str]) -> None:
    """Without internet, --download exits != 0 with a message that names the URL and the offline route."""
    import requests

    def refuse(*_args, **_kwargs):
        raise requests.ConnectionError("no network in test")

    monkeypatch.setattr(requests, "get", refuse)
    assert geo_cli.main(["--download", "--cache-dir", str(tmp_path / "c")]) != 0
    err = capsys.readouterr().err
    assert "service.pdok.nl/cbs/gebiedsindelingen" in err and "--from" in err


def test_derive_tables_on_mini_fixture() -> None:
    """The download route derives the same tables as the hand-written fixture from the polygons alone."""
    g21 = gpd.read_file(GEO_MINI_DIR / "gemeenten_2021.geojson")[["statcode", "statnaam", "geometry"]]
    g23 = gpd.read_file(GEO_MINI_DIR / "gemeenten_2023.geojson")[["statcode", "statnaam", "geometry"]]
    pc4 = gpd.read_file(GEO_MINI_DIR / "pc4_2020.geojson").assign(pc4=lambda d: d["pc4"].astype(str))
    tables = geo_download.derive_tables(g21, g23, pc4)
    expected = pd.read_csv(GEO_MINI_DIR / "pc4_gemeente_2023.csv", dtype=str)
    got = tables["pc4_gemeente_2023.csv"].sort_values("pc4").reset_index(drop=True)
    assert got[["pc4", "gemeentecode", "gemeentecode_2021"]].equals(expected[["pc4", "gemeentecode", "gemeentecode_2021"]])
    mapping = tables["gemeente_2021_to_2023.csv"].set_index("gemeentecode_2021")["gemeentecode_2023"].to_dict()
    assert mapping == {"GM9001": "GM9001", "GM9002": "GM9004", "GM9003": "GM9004"}
