"""Shared fixtures: isolated user-data folders, the boundary source folder, the AppTest entry point."""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pytest

from tests.support import APP_FILE as APP_PATH
from tests.support import PROJECT_DIR  # noqa: F401 - tests import it from here

APP_FILE = str(APP_PATH)  # AppTest.from_file takes a str
TEST_DATA_DIR = Path(__file__).resolve().parent / "data"
FIXTURES_DIR = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture
def user_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point every user-data location (database, loaded files) at a fresh temporary folder."""
    from ks_data import paths

    folder = tmp_path / "userdata"
    folder.mkdir()
    monkeypatch.setattr(paths, "USER_DATA_DIR", folder)
    monkeypatch.setattr(paths, "DB_PATH", folder / "test.sqlite")
    return folder


@pytest.fixture
def media(monkeypatch: pytest.MonkeyPatch) -> list:
    """Every AppTest run's media file manager, so tests can fetch the files behind download buttons
    (``tests.support.downloads``)."""
    from streamlit.runtime.media_file_manager import MediaFileManager
    from streamlit.testing.v1 import app_test

    managers: list[MediaFileManager] = []

    class Recording(MediaFileManager):
        def __init__(self, *args, **kwargs) -> None:
            super().__init__(*args, **kwargs)
            managers.append(self)

    monkeypatch.setattr(app_test, "MediaFileManager", Recording)
    return managers


@dataclass
class CsvDownload:
    """One CSV a page built for a download button: the frame handed in and the bytes served."""

    frame: pd.DataFrame
    dutch: bool
    synthetic: bool
    data: bytes

    def read(self, **kwargs) -> pd.DataFrame:
        """The served CSV read back in its own notation (Dutch: ';' and decimal comma)."""
        return pd.read_csv(io.BytesIO(self.data), sep=";" if self.dutch else ",", decimal="," if self.dutch else ".",
                           encoding="utf-8-sig", **kwargs)


@pytest.fixture
def csv_downloads(monkeypatch: pytest.MonkeyPatch) -> list[CsvDownload]:
    """Every CSV a page offers for download (both notations of each 'Download data' menu), in page order.

    The app writes a CSV only when its button is clicked (a callable as ``data``); here every download
    button of a run is 'clicked' at once, so each file is built and recorded as the user would get it.
    """
    import streamlit as st

    from ks_data.core import export

    seen: list[CsvDownload] = []
    real = export.to_csv_bytes
    real_button = st.download_button

    def recording(frame: pd.DataFrame, *, dutch: bool = True, synthetic: bool = False) -> bytes:
        data = real(frame, dutch=dutch, synthetic=synthetic)
        seen.append(CsvDownload(frame.copy(), dutch, synthetic, data))
        return data

    def clicked(label: str, data, *args, **kwargs):
        return real_button(label, data() if callable(data) else data, *args, **kwargs)

    monkeypatch.setattr(export, "to_csv_bytes", recording)
    monkeypatch.setattr(st, "download_button", clicked)
    return seen


# --- geography (ks_data.geo.cache / geo_build): built once per session into temporary folders ---
GEO_MINI_DIR = FIXTURES_DIR / "geo_mini"


@pytest.fixture(scope="session")
def geo_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The boundary cache built once from ``paths.GEO_SOURCE_DIR`` (KS_GEO_SOURCE, e.g. ../shared/geo)."""
    from ks_data import paths
    from ks_data.geo import build as geo_build

    source = paths.GEO_SOURCE_DIR
    if not (source / "pc4_2020.geojson").is_file():
        pytest.skip(f"boundary source folder {source} is absent (set KS_GEO_SOURCE to a ../shared/geo copy)")
    return geo_build.build_from_folder(source, cache_dir=tmp_path_factory.mktemp("geo") / "cache").cache_dir


@pytest.fixture(scope="session")
def mini_geo_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A cache built from the hand-written polygons in tests/fixtures/geo_mini (always available)."""
    from ks_data.geo import build as geo_build

    return geo_build.build_from_folder(GEO_MINI_DIR, cache_dir=tmp_path_factory.mktemp("geo_mini") / "cache").cache_dir


# --- perinatal data (ks_data.perinatal.dataset, synthetic, rates): isolated data folders ---
@pytest.fixture
def perinatal_env(geo_cache: Path, tmp_path: Path, user_data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Real boundary cache + a fresh CACHE_DIR (synthetic set generated on first use) + empty user data."""
    from ks_data import paths

    cache = tmp_path / "cache"
    cache.mkdir()
    monkeypatch.setattr(paths, "CACHE_DIR", cache)
    monkeypatch.setattr(paths, "GEO_CACHE_DIR", geo_cache)
    monkeypatch.setenv("KS_PERINATAL_IMPORT_DIR", str(tmp_path / "import"))
    return cache


@pytest.fixture
def no_perinatal_env(tmp_path: Path, user_data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """No boundary cache, no synthetic set and no user file: the 'nothing available' state."""
    from ks_data import paths

    monkeypatch.setattr(paths, "CACHE_DIR", tmp_path / "empty_cache")
    monkeypatch.setattr(paths, "GEO_CACHE_DIR", tmp_path / "empty_cache" / "geo")
    monkeypatch.setenv("KS_PERINATAL_IMPORT_DIR", str(tmp_path / "import"))
    return tmp_path


# --- databases (ks_data.storage): the storage suite runs on SQLite and on a real PostgreSQL server (issue 17) ---
@pytest.fixture(scope="session")
def pg_server():
    """A PostgreSQL server from the Debian binaries on 127.0.0.1 for the whole run (tests/pg_server.py).

    Without the binaries the PostgreSQL variants are skipped, unless KS_REQUIRE_POSTGRES is set (CI), then fail.
    """
    import os

    from tests import pg_server as pg

    try:
        server = pg.start()
    except pg.PostgresUnavailable as exc:
        if os.environ.get("KS_REQUIRE_POSTGRES"):
            pytest.fail(f"PostgreSQL is required (KS_REQUIRE_POSTGRES is set): {exc}")
        pytest.skip(f"PostgreSQL not available: {exc}")
    yield server
    server.stop()


@pytest.fixture
def pg_database(pg_server, monkeypatch: pytest.MonkeyPatch) -> str:
    """A fresh, empty database on the test server, used by the app (paths.DATABASE_URL); dropped afterwards."""
    import uuid

    from ks_data import paths
    from ks_data.storage import db as storage_db
    from tests import pg_server as pg

    name = f"t_{uuid.uuid4().hex[:12]}"
    pg.create_database(pg_server, name)
    url = pg_server.url(name)
    monkeypatch.setattr(paths, "DATABASE_URL", url)
    yield url
    storage_db.dispose_engines()
    pg.drop_database(pg_server, name)


@pytest.fixture(params=["sqlite", "postgresql"])
def database(request: pytest.FixtureRequest, user_data_dir: Path) -> str:
    """The app's database on each engine in turn: the SQLite file in ``user_data_dir``, then PostgreSQL."""
    if request.param == "postgresql":
        return request.getfixturevalue("pg_database")
    return "sqlite"
