"""Tests for ks_data/geo/__main__.py: the one command line that builds the boundary cache (--from / --download)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from ks_data.geo import __main__ as geo_cli
from ks_data.geo import cache as geo
from tests.conftest import GEO_MINI_DIR, PROJECT_DIR


def test_cli_exit_codes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The CLI returns 0 and a summary on success, != 0 and a Dutch/English message on failure."""
    assert geo_cli.main(["--from", str(GEO_MINI_DIR), "--cache-dir", str(tmp_path / "ok")]) == 0
    assert "gebouwd / boundary cache built" in capsys.readouterr().out
    assert geo_cli.main(["--from", str(tmp_path / "nope"), "--cache-dir", str(tmp_path / "bad")]) != 0
    err = capsys.readouterr().err
    assert "FOUT / ERROR" in err and "Bronmap bestaat niet" in err


def test_python_dash_m_runs_the_build(tmp_path: Path) -> None:
    """`python -m ks_data.geo --from DIR --cache-dir OUT` is the command `make data` runs: it builds a complete cache."""
    out = subprocess.run([sys.executable, "-m", "ks_data.geo", "--from", str(GEO_MINI_DIR), "--cache-dir",
                          str(tmp_path / "cache")], cwd=PROJECT_DIR, capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    assert "boundary cache built" in out.stdout and geo.cache_available(cache_dir=tmp_path / "cache")
    assert json.loads((tmp_path / "cache" / geo.MANIFEST).read_text())["counts"]["pc4"] == 5


def test_from_and_download_exclude_each_other(capsys: pytest.CaptureFixture[str]) -> None:
    """Exactly one route must be chosen; argparse refuses none or both with exit code 2."""
    for argv in ([], ["--download", "--from", "x"]):
        with pytest.raises(SystemExit) as info:
            geo_cli.main(argv)
        assert info.value.code == 2
    assert "python -m ks_data.geo" in capsys.readouterr().err
