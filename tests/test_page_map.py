"""AppTest of app_pages/map.py (url 'kaart') and the shared sidebar gemeente picker, on the mini geography."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from ks_data import paths
from ks_data.texts import maps as tm
from tests.conftest import APP_FILE
from tests.support import open_page

MAP_PAGE = "app_pages/map.py"


@pytest.fixture
def mini_env(mini_geo_cache: Path, tmp_path: Path, user_data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Boundary cache = the mini fixture; synthetic data generated into a fresh temporary cache folder."""
    monkeypatch.setattr(paths, "GEO_CACHE_DIR", mini_geo_cache)
    monkeypatch.setattr(paths, "CACHE_DIR", tmp_path / "cache")
    return mini_geo_cache


def _map_page(**query: str) -> AppTest:
    return open_page(MAP_PAGE, **query)


def _returned_objects(at: AppTest) -> list[list[str] | None]:
    return [json.loads(c.proto.json_args).get("returned_objects") for c in at.get("component_instance")]


def test_without_cache_the_page_explains_how_to_build(tmp_path: Path, user_data_dir: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """Fresh machine: a Dutch explanation with `make data`, no map, no error; the picker says why it is absent."""
    monkeypatch.setattr(paths, "GEO_CACHE_DIR", tmp_path / "nothing")
    monkeypatch.setattr(paths, "CACHE_DIR", tmp_path / "cache")
    at = _map_page()
    assert at.warning[0].value == tm.NO_CACHE_TITLE
    assert "make data" in at.markdown[-1].value and "--from" in at.markdown[-1].value
    assert not at.get("component_instance") and not at.error
    assert tm.PICKER_NO_CACHE in [c.value for c in at.sidebar.caption]


def test_without_cache_other_pages_keep_working(tmp_path: Path, user_data_dir: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """The start page renders without a boundary cache (the sidebar picker must not break it)."""
    monkeypatch.setattr(paths, "GEO_CACHE_DIR", tmp_path / "nothing")
    at = AppTest.from_file(APP_FILE, default_timeout=60).run()
    assert not at.exception


def test_national_map_with_synthetic_data(mini_env: Path) -> None:
    """The national map shows, labelled synthetic, on 2023 boundaries, and only returns clicked tooltips."""
    at = _map_page()
    assert [h.value for h in at.subheader] == [tm.NATIONAL_HEADING]
    captions = " ".join(c.value for c in at.caption)
    assert "gemeentegrenzen van 2023" in captions and "indeling van 2021" in captions
    assert "synthetisch voorbeeld" in captions
    assert _returned_objects(at) == [["last_object_clicked_tooltip"]]
    assert at.info[-1].value == tm.PC4_HINT
    assert at.selectbox(key="_kaart_indicator").value == "big2"


def test_picker_selects_gemeente_and_shows_pc4(mini_env: Path) -> None:
    """Picking Cerdam in the sidebar shows its PC4 map (no rerun on pan/zoom) and a table of its areas."""
    at = _map_page()
    picker = at.sidebar.selectbox[0]
    assert picker.options == ["Aadorp", "Beekveld (nu Dijkwaard)", "Cerdam (nu Dijkwaard)"]
    picker.select("GM9003").run()
    assert at.query_params["gemeente"] == ["GM9003"] or at.query_params["gemeente"] == "GM9003"
    assert [h.value for h in at.subheader][-1] == tm.PC4_HEADING.format(name="Cerdam")
    table = at.dataframe[0].value
    assert list(table[tm.COL_AREA]) == ["Postcode 3001", "Postcode 3002"]
    assert set(table[tm.COL_NOTE]) == {"synthetisch voorbeeld"}
    assert _returned_objects(at) == [["last_object_clicked_tooltip"], []]
    assert any(tm.ATTRIBUTION_PC4 in c.value for c in at.caption)


def test_url_selection_and_boundary_year(mini_env: Path) -> None:
    """?gemeente=GM9002 preselects Beekveld; switching to 2021 boundaries says so on screen."""
    at = _map_page(gemeente="GM9002")
    assert at.sidebar.selectbox[0].value == "GM9002"
    assert [h.value for h in at.subheader][-1] == tm.PC4_HEADING.format(name="Beekveld")
    at.radio(key="_kaart_jaar").set_value(2021).run()
    captions = " ".join(c.value for c in at.caption)
    assert "gemeentegrenzen van 2021" in captions and "samengevoegd" not in captions


def test_unknown_gemeente_in_url_is_ignored(mini_env: Path) -> None:
    """A stale or mistyped code in the link does not break the page."""
    at = _map_page(gemeente="GM0000")
    assert at.sidebar.selectbox[0].value is None
    assert at.info[-1].value == tm.PC4_HINT


def test_comparison_mode_legend(mini_env: Path) -> None:
    """Colouring by comparison with Nederland swaps the legend to Dutch category labels."""
    at = _map_page()
    at.radio(key="_kaart_kleur").set_value("comparison").run()
    legend_html = " ".join(str(h.proto) for h in at.get("html"))
    assert tm.LEGEND_TITLE_COMPARISON in legend_html
