"""Every file-system location the app uses, each overridable by an environment variable."""

from __future__ import annotations

import os
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent.parent
DATA_DIR = PROJECT_DIR / "data"
SCHEMA_DIR = DATA_DIR / "schemas"
STATIC_DIR = PROJECT_DIR / "static"
ASSETS_DIR = PROJECT_DIR / "assets"


def _env_path(name: str, default: Path) -> Path:
    value = os.environ.get(name, "").strip()
    return Path(value).expanduser().resolve() if value else default


def _user_data_home() -> Path:
    xdg = os.environ.get("XDG_DATA_HOME", "").strip()
    return Path(xdg) if xdg else Path.home() / ".local" / "share"


# Generated files (boundary cache, synthetic demo data): git-ignored, rebuilt by `make data`.
CACHE_DIR = _env_path("KS_CACHE_DIR", DATA_DIR / "cache")
GEO_CACHE_DIR = _env_path("KS_GEO_CACHE_DIR", CACHE_DIR / "geo")
# A local folder with CBS boundary files (format of ../shared/geo); used instead of downloading.
GEO_SOURCE_DIR = _env_path("KS_GEO_SOURCE", PROJECT_DIR.parent / "shared" / "geo")
# User data (self-assessments, loaded perinatal files): outside git, survives reinstalls.
USER_DATA_DIR = _env_path("KS_USER_DATA_DIR", _user_data_home() / "kansrijke-start")
DB_PATH = _env_path("KS_DB_PATH", USER_DATA_DIR / "kansrijke_start.sqlite")
# A database server shared by several app servers (SQLAlchemy URL, e.g. postgresql+psycopg://ks@db/kansrijke_start);
# empty: the SQLite file DB_PATH. Read at call time (ks_data.storage.engine.database_url), never cached.
DATABASE_URL = os.environ.get("KS_DATABASE_URL", "").strip()
