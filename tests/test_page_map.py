"""AppTest of app_pages/map.py (url 'kaart') and the shared sidebar gemeente picker, on the mini geography."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from ks_data import paths
from ks_data.texts import common as tc
from ks_data.texts import maps as tm
from ks_data.texts import perinatal as tp
from ks_data.texts import search as ts
from tests.conftest import APP_FILE
from tests.gemeente_search_box import choose, current_text, hit_buttons, hit_labels, type_search
from tests.support import open_page

MAP_PAGE = "app_pages/map.py"
NATIONAL_TABLE_KEY = "_kaart_nl_tabel"  # app_pages/map.py: the national table's expander


@pytest.fixture
def mini_env(mini_geo_cache: Path, tmp_path: Path, user_data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Boundary cache = the mini fixture; synthetic data generated into a fresh temporary cache folder."""
    monkeypatch.setattr(paths, "GEO_CACHE_DIR", mini_geo_cache)
    monkeypatch.setattr(paths, "CACHE_DIR", tmp_path / "cache")
    monkeypatch.setattr(paths, "STATIC_DIR", tmp_path / "static")  # the maps' static files
    return mini_geo_cache


def _map_page(**query: str) -> AppTest:
    return open_page(MAP_PAGE, **query)


def _returned_objects(at: AppTest) -> list[list[str] | None]:
    """What each map sends back (sorted: the order is the frontend's business)."""
    found = [json.loads(c.proto.json_args).get("returned_objects") for c in at.get("component_instance")]
    return [sorted(names) if names is not None else None for names in found]


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
    """The national map shows, labelled synthetic, on 2023 boundaries, and only returns the clicked area (feature)."""
    at = _map_page()
    assert [h.value for h in at.subheader] == [tm.NATIONAL_HEADING]
    captions = " ".join(c.value for c in at.caption)
    assert "gemeentegrenzen van 2023" in captions and "indeling van 2021" in captions
    assert "synthetisch voorbeeld" in captions
    assert _returned_objects(at) == [["last_active_drawing", "last_object_clicked_count"]]
    assert at.info[-1].value == tm.PC4_HINT
    assert at.selectbox(key="_kaart_indicator").value == "big2"


def test_picker_selects_gemeente_and_shows_pc4(mini_env: Path) -> None:
    """Picking Cerdam in the sidebar shows its PC4 map (no rerun on pan/zoom) and a table of its areas."""
    at = _map_page()
    type_search(at, "dijkwaard")  # the 2023 name finds both 2021 parts
    assert hit_labels(at) == ["Beekveld (nu Dijkwaard)", "Cerdam (nu Dijkwaard)"]
    hit_buttons(at)[1].click().run()
    assert at.query_params["gemeente"] == ["GM9003"] or at.query_params["gemeente"] == "GM9003"
    assert [h.value for h in at.subheader][-1] == tm.PC4_HEADING.format(name="Cerdam")
    table = at.dataframe[-1].value
    assert list(table[tm.COL_AREA]) == ["Postcode 3001", "Postcode 3002"]
    # every area says why it has no figure or that its figure is synthetic (the mini demo may give Cerdam no births)
    assert table[tm.COL_NOTE].isin(["synthetisch voorbeeld", *tp.SUPPRESSION_REASONS.values()]).all()
    assert _returned_objects(at) == [["last_active_drawing", "last_object_clicked_count"], []]
    assert any(tm.ATTRIBUTION_PC4 in c.value for c in at.caption)


def test_url_selection_and_boundary_year(mini_env: Path) -> None:
    """?gemeente=GM9002 preselects Beekveld; switching to 2021 boundaries says so on screen."""
    at = _map_page(gemeente="GM9002")
    assert current_text(at) == ts.CURRENT.format(name="Beekveld (nu Dijkwaard)")
    assert [h.value for h in at.subheader][-1] == tm.PC4_HEADING.format(name="Beekveld")
    at.radio(key="_url_grenzen").set_value("2021").run()
    captions = " ".join(c.value for c in at.caption)
    assert "gemeentegrenzen van 2021" in captions and "samengevoegd" not in captions
    assert at.query_params["grenzen"] in ("2021", ["2021"])


def test_unknown_gemeente_in_url_is_ignored(mini_env: Path) -> None:
    """A stale or mistyped code in the link does not break the page."""
    at = _map_page(gemeente="GM0000")
    assert current_text(at) == ts.NONE_CHOSEN
    assert at.info[-1].value == tm.PC4_HINT


def test_comparison_mode_legend(mini_env: Path) -> None:
    """Colouring by comparison with Nederland swaps the legend to Dutch category labels."""
    at = _map_page()
    at.radio(key="_url_kleur").set_value("vergelijking").run()
    legend_html = " ".join(str(h.proto) for h in at.get("html"))
    assert tm.LEGEND_TITLE_COMPARISON in legend_html


def _map_args(at: AppTest) -> list[dict]:
    return [json.loads(c.proto.json_args) for c in at.get("component_instance")]


def test_the_maps_load_their_areas_from_static_files(mini_env: Path) -> None:
    """Both maps fetch their polygons and values from static/cache/ (served at /app/static/cache/): the files
    exist and hold every area of the layer with its tooltip; the page itself carries neither."""
    from ks_data.geo import cache as geo

    at = _map_page(gemeente="GM9003")
    national, pc4 = _map_args(at)
    expected = {"national": set(geo.read_gemeente_shapes(year=2023, cache_dir=mini_env)["gemeentecode"]),
                "pc4": {"3001", "3002"}}
    for name, args in (("national", national), ("pc4", pc4)):
        files = re.findall(r'"(cache/(?:shapes|values)-[0-9a-f]{20}\.json)"', args["script"])
        assert [f.split("/")[1].split("-")[0] for f in files] == ["shapes", "values"], name
        shapes, values = (json.loads((paths.STATIC_DIR / f).read_text(encoding="utf-8")) for f in files)
        assert {f["properties"]["area_code"] for f in shapes["features"]} == expected[name]
        assert set(values["areas"]) == expected[name]
        assert all(tooltip for _, tooltip in values["areas"].values())
        assert '"coordinates"' not in args["script"] and "Postcode 3001" not in args["script"]
    assert values["areas"]["3001"][1].startswith("<b>Postcode 3001</b>")  # the PC4 map's values (last loop)


def test_removed_static_files_are_written_again(mini_env: Path) -> None:
    """static/cache/ emptied while the server runs (cleaned, pruned): the next run writes the files again
    instead of sending a map whose data are gone."""
    import shutil

    at = _map_page(gemeente="GM9003")
    before = [re.findall(r'"(cache/[a-z]+-[0-9a-f]{20}\.json)"', args["script"]) for args in _map_args(at)]
    shutil.rmtree(paths.STATIC_DIR / "cache")
    at.run()
    after = [re.findall(r'"(cache/[a-z]+-[0-9a-f]{20}\.json)"', args["script"]) for args in _map_args(at)]
    assert after == before and all((paths.STATIC_DIR / f).is_file() for files in after for f in files)


def test_link_reproduces_colour_mode_and_boundary_year(mini_env: Path) -> None:
    """?kleur=vergelijking&grenzen=2021 opens the map coloured by comparison on 2021 boundaries."""
    at = _map_page(kleur="vergelijking", grenzen="2021")
    assert at.radio(key="_url_kleur").value == "vergelijking"
    assert at.radio(key="_url_grenzen").value == "2021"
    captions = " ".join(c.value for c in at.caption)
    assert "gemeentegrenzen van 2021" in captions
    assert tm.LEGEND_TITLE_COMPARISON in " ".join(str(h.proto) for h in at.get("html"))
    bad = _map_page(kleur="rood", grenzen="1999")  # unknown values fall back to the defaults
    assert bad.radio(key="_url_kleur").value == "waarde" and bad.radio(key="_url_grenzen").value == "2023"


def test_caption_explains_the_mapped_number(mini_env: Path) -> None:
    """Near the map: definition, teller and noemer, the period and the sources of the coloured number."""
    at = _map_page()
    period = at.selectbox(key="_kaart_periode").value
    explained = [c.value for c in at.caption if "Teller:" in c.value]
    assert len(explained) == 1
    assert "Noemer: geboren kinderen" in explained[0] and period in explained[0] and "Perined" in explained[0]


def test_national_table_and_downloads(mini_env: Path, csv_downloads) -> None:
    """The national map's values as a table (text alternative) with a Dutch and an international CSV;
    the PC4 table has its own pair; numbers are numbers and suppressed areas carry no figures."""
    at = _map_page(gemeente="GM9003")
    assert [e.label for e in at.expander] == [tm.NATIONAL_TABLE]
    assert len(at.dataframe) == 1 and len(at.get("download_button")) == 2  # closed: only the PC4 table is built
    at.session_state[NATIONAL_TABLE_KEY] = True  # the user opens the national table
    at.run()
    national = at.dataframe[0].value
    assert list(national[tm.COL_AREA]) == ["Aadorp", "Dijkwaard"]
    buttons = at.get("download_button")
    assert len(buttons) == 4
    names = [b.proto.label for b in buttons]
    assert names.count(tc.DOWNLOAD_DUTCH) == 2 and names.count(tc.DOWNLOAD_INTERNATIONAL) == 2
    nl, intl, pc4_nl, _ = csv_downloads[-4:]
    assert nl.dutch and not intl.dutch and nl.synthetic
    frame = nl.read()
    assert list(frame[tm.COL_AREA]) == ["Aadorp", "Dijkwaard"]
    value_column = next(c for c in frame.columns if c.startswith(tm.COL_VALUE))
    shown = frame[frame[tm.COL_NOTE].isna()]
    assert (shown[tm.COL_NUMERATOR] / shown[tm.COL_DENOMINATOR] * 100).round(1).tolist() == \
        shown[value_column].round(1).tolist()
    assert frame.loc[frame[tm.COL_NOTE].notna(), [tm.COL_NUMERATOR, value_column]].isna().all().all()
    assert b";" in nl.data.splitlines()[0] and intl.read()[tm.COL_AREA].tolist() == ["Aadorp", "Dijkwaard"]
    assert list(pc4_nl.read()[tm.COL_AREA]) == ["Postcode 3001", "Postcode 3002"]


def test_gemeente_switch_keeps_the_national_map(mini_env: Path) -> None:
    """Selecting another gemeente changes only the outline drawn on the national map, not the map itself."""
    at = _map_page()
    before = _map_args(at)[0]
    assert before["feature_group"] is None
    choose(at, "aadorp")
    after = _map_args(at)[0]
    assert after["script"] == before["script"] and after["feature_group"]
    assert "map_div.addLayer" in after["feature_group"]
    choose(at, "cerdam")
    assert _map_args(at)[0]["feature_group"] != after["feature_group"]


def test_presentation_mode_enlarges_the_legend(mini_env: Path) -> None:
    """In presentation mode the legend text beside the map is 1.2 times as large (on top of the larger page font)
    and the maps' tooltips 1.5 times (18 px)."""
    normal = " ".join(str(h.proto) for h in _map_page().get("html"))
    large = " ".join(str(h.proto) for h in _map_page(presentatie="1").get("html"))
    assert "font-size:1em" in normal and "font-size:1.2em" in large
    tooltips = [args["header"] for args in _map_args(_map_page(gemeente="GM9003", presentatie="1"))]
    assert len(tooltips) == 2 and all(".leaflet-tooltip.ks-tooltip{font-size:18px;}" in h for h in tooltips)


def test_map_click_selects_gemeente_and_only_new_clicks_count(mini_env: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A click on Aadorp selects it; after picking Cerdam the old click is not re-applied, a new one is."""
    from ks_data.ui import adapters

    clicks = {"count": None}

    def fake_component(**kwargs):
        if not kwargs["returned_objects"] or clicks["count"] is None:
            return kwargs["default"]
        feature = {"type": "Feature", "properties": {"area_code": "GM9001", "area_name": "Aadorp"}}
        return {"last_active_drawing": feature, "last_object_clicked_count": clicks["count"]}

    monkeypatch.setattr(adapters, "MAP_COMPONENT", fake_component)
    at = _map_page()
    clicks["count"] = 1
    at.run()
    assert current_text(at) == ts.CURRENT.format(name="Aadorp")
    assert [h.value for h in at.subheader][-1] == tm.PC4_HEADING.format(name="Aadorp")
    choose(at, "cerdam")
    assert current_text(at) == ts.CURRENT.format(name="Cerdam (nu Dijkwaard)")
    clicks["count"] = 2
    at.run()
    assert current_text(at) == ts.CURRENT.format(name="Aadorp") and not at.exception


def test_a_damaged_data_file_still_shows_the_boundaries(mini_env: Path, user_data_dir: Path) -> None:
    """Given a stored user file that cannot be read, then a Dutch error and the map of boundaries without figures."""
    folder = user_data_dir / "perinatal"
    folder.mkdir()
    (folder / "active.json").write_text("{kapot", encoding="utf-8")
    (folder / "active.parquet").write_bytes(b"geen parquet")
    at = _map_page()
    assert at.error[0].value == tm.DATA_ERROR
    assert len(at.get("component_instance")) == 1 and at.info[-1].value == tm.PC4_HINT


def test_the_users_own_exports_on_the_map(perinatal_env: Path) -> None:
    """Given a percentage-only gemeente export and a PC4 export with '<10' cells, then the map's tables mark the
    derived counts, name Nederland (RIVM-monitor, 2020) and say which PC4 cells the file hid."""
    from ks_data.perinatal import dataset as perinatal

    data = Path(__file__).resolve().parent / "data"
    for name in ("wsjg_gemeenten_percentages_2018-2020.csv", "perined_pc4_zwolle_2018-2020.csv"):
        perinatal.confirm_import(perinatal.check_file((data / name).read_bytes(), name))
    at = open_page(MAP_PAGE, timeout=120, gemeente="GM0193", grenzen="2021")
    at.session_state[NATIONAL_TABLE_KEY] = True  # open the national table
    at.run()
    assert not at.exception and tc.SYNTHETIC_NOTE not in [w.value for w in at.warning]
    national = at.dataframe[0].value.set_index(tm.COL_AREA)
    assert national.loc["Zwolle", tm.COL_VALUE] == "14,2%" and national.loc["Zwolle", tm.COL_NOTE] == tm.DERIVED
    assert national.loc["Schiermonnikoog", tm.COL_NOTE] == "afgeschermd in de bron"
    assert "Nederland: 15,0% (RIVM-monitor, 2020)." in [c.value for c in at.caption]
    pc4 = at.dataframe[-1].value.set_index(tm.COL_AREA)
    assert pc4.loc["Postcode 8014", tm.COL_NOTE] == "afgeschermd in de bron (<10)"
    assert pc4.loc["Postcode 8014", tm.COL_VALUE] == tm.VALUE_NOT_SHOWN
