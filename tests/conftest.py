"""Shared fixtures: isolated user-data folders, the boundary source folder, the AppTest entry point."""

from __future__ import annotations

from pathlib import Path

import pytest

PROJECT_DIR = Path(__file__).resolve().parent.parent
APP_FILE = str(PROJECT_DIR / "app.py")
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
