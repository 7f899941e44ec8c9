"""Tests for ks_data.maps.folium_map: offline folium maps (local Leaflet, no tiles, no branca scale, attribution)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import folium
import geopandas as gpd
import pytest
import shapely

from ks_data import paths
from ks_data.maps import folium_map as maps
from ks_data.ui import adapters
from ks_data.texts import maps as tm


SERVED_STATIC_DIR = paths.STATIC_DIR  # before the fixture below points it at a temporary folder


def _layer() -> gpd.GeoDataFrame:
    return gpd.GeoDataFrame(
        {
            "area_code": ["GM9001", "GM9002"],
            "area_name": ["Aadorp", "Beekveld"],
            "fill": ["#41b6c4", "#d4d4d4"],
            "no_data": [False, True],
            "selected": [True, False],
            "tooltip": ["<b>Aadorp</b> (GM9001)<br>Waarde: 12,5%", "<b>Beekveld</b><br>Geen gegevens: reden"],
        },
        geometry=[shapely.box(5.0, 52.0, 5.1, 52.1), shapely.box(5.1, 52.0, 5.2, 52.1)],
        crs="EPSG:4326",
    )


@pytest.fixture(autouse=True)
def static_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The maps' static files go to a temporary folder (not the project's static/cache/)."""
    monkeypatch.setattr(paths, "STATIC_DIR", tmp_path / "static")
    return tmp_path / "static"


@pytest.fixture
def national_html() -> str:
    return maps.gemeente_map(_layer()).get_root().render()


def test_no_external_urls_and_local_leaflet(national_html: str) -> None:
    """The rendered map loads only /app/static/leaflet assets: nothing from a CDN."""
    assert maps.external_urls(maps.gemeente_map(_layer())) == []
    assert not re.search(r"https?://(?!www\.w3\.org)", national_html.split("<body>")[0])
    assert f"{maps.STATIC_URL}/leaflet.js" in national_html and f"{maps.STATIC_URL}/leaflet.css" in national_html
    assert "jquery" not in national_html.lower() and "bootstrap" not in national_html.lower()


def test_streamlit_folium_links_are_local() -> None:
    """streamlit-folium collects default_js/default_css of every element: all must be local (no d3 either)."""
    fmap = maps.pc4_map(_layer())
    links = [href for _, href in folium.Map.default_js + folium.Map.default_css]
    for child in fmap._children.values():
        links += [href for _, href in getattr(child, "default_js", []) + getattr(child, "default_css", [])]
    assert links and all(link.startswith("/app/static/") for link in links)
    assert "colormap" not in fmap.get_root().render().lower()


def test_vendored_leaflet_files_exist() -> None:
    """The files the map points at are in static/ (served by Streamlit at /app/static), with the licence."""
    folder = paths.PROJECT_DIR / "static" / "leaflet"
    for name in ("leaflet.js", "leaflet.css", "LICENSE"):
        assert (folder / name).is_file()
    assert "Leaflet" in (folder / "leaflet.js").read_text(encoding="utf-8")[:500]


def test_no_tiles(national_html: str) -> None:
    """tiles=None: no tile layer at all."""
    assert "tileLayer" not in national_html


@pytest.mark.parametrize(("builder", "text"), [
    (maps.gemeente_map, tm.ATTRIBUTION_GEMEENTEN),
    (maps.pc4_map, tm.ATTRIBUTION_PC4),
])
def test_attribution_per_layer(builder, text: str) -> None:
    """Gemeenten carry 'Bron: CBS'; PC4 carries '© Centraal Bureau voor de Statistiek, © ESRI Nederland'."""
    html = builder(_layer()).get_root().render()
    assert f"addAttribution({json.dumps(text)})" in html


def test_style_colours_and_no_data_dashes() -> None:
    """Fill colours come from the layer; no-data areas are dashed; the selected one is outlined thickly."""
    styled = maps.style_for({"fill": "#41b6c4", "no_data": False, "selected": True})
    assert styled["fillColor"] == "#41b6c4" and styled["weight"] == 3.0 and styled["dashArray"] is None
    assert maps.style_for({"fill": "#d4d4d4", "no_data": True})["dashArray"] == "3 3"
    drawn = {f["properties"]["area_code"]: f["properties"]["style"] for f in
             maps.drawn_features(maps.gemeente_map(_layer()))}
    assert drawn["GM9001"]["fillColor"] == "#41b6c4" and drawn["GM9001"]["weight"] == 3.0
    assert drawn["GM9002"]["fillColor"] == "#d4d4d4" and drawn["GM9002"]["dashArray"] == "3 3"


def test_tooltip_and_bounds(national_html: str) -> None:
    """Each area gets its tooltip (sticky, placed on the side with room); the map is fitted to the layer."""
    assert 'bindTooltip(value[1], {sticky: true, direction: "auto"' in national_html
    tooltips = {f["properties"]["area_code"]: f["properties"]["tooltip"]
                for f in maps.drawn_features(maps.gemeente_map(_layer()))}
    assert tooltips == dict(zip(_layer()["area_code"], _layer()["tooltip"]))
    assert "fitBounds" in national_html and "[52.0, 5.0]" in national_html


def test_layer_data_are_static_files_named_by_content(static_dir: Path) -> None:
    """Polygons and values are written once under static/cache/ as JSON named by their content: another
    colouring of the same areas writes a new values file and reuses the polygons file."""
    fmap = maps.gemeente_map(_layer())
    shapes, values = fmap.static_files
    assert shapes.startswith("cache/shapes-") and values.startswith("cache/values-")
    polygons = json.loads((static_dir / shapes).read_text(encoding="utf-8"))
    assert polygons["type"] == "FeatureCollection" and len(polygons["features"]) == 2
    assert polygons["features"][0]["properties"] == {"area_code": "GM9001", "area_name": "Aadorp"}
    assert polygons["features"][0]["geometry"]["type"] == "Polygon"
    content = json.loads((static_dir / values).read_text(encoding="utf-8"))
    assert content["areas"]["GM9002"][1] == "<b>Beekveld</b><br>Geen gegevens: reden"
    assert maps.gemeente_map(_layer()).static_files == [shapes, values]
    other = maps.gemeente_map(_layer().assign(fill=["#253494", "#d4d4d4"])).static_files
    assert other[0] == shapes and other[1] != values
    assert sorted(p.name for p in (static_dir / "cache").iterdir()) == sorted(
        Path(f).name for f in {shapes, values, other[1]})


def test_script_fetches_its_files_and_sends_no_geometry(national_html: str) -> None:
    """The map's script fetches both files below /app/static/ relative to the page (a base URL path behind a
    proxy keeps working); neither the polygons nor the tooltips are in the page itself."""
    fmap = maps.gemeente_map(_layer())
    script = adapters.map_component_args(fmap)["script"]
    assert 'window.location.pathname.split("/component/")[0]' in script and 'base + "/app/static/" + file' in script
    for file in fmap.static_files:
        assert json.dumps(file) in script
    assert "Aadorp" not in script and "5.05" not in script
    assert json.dumps(tm.MAP_LOAD_ERROR) in script  # what the map says when a file cannot be loaded


def test_map_css_wraps_tooltips_and_drops_the_click_focus_box(national_html: str) -> None:
    """Tooltips wrap inside a narrow map; a clicked area keeps no focus box; keyboard focus stays visible."""
    css = national_html.split("<style>.leaflet-container")[1].split("</style>")[0]
    assert ".leaflet-tooltip.ks-tooltip{white-space:normal;" in css and "max-width:min(20rem,calc(50vw - 24px))" in css
    assert "path.leaflet-interactive:focus{outline:none;}" in css
    assert "path.leaflet-interactive:focus-visible{stroke:#000000;stroke-width:4px;}" in css
    assert "font-size" not in css
    large = maps.pc4_map(_layer(), text_scale=1.5).get_root().render()
    assert ".leaflet-tooltip.ks-tooltip{font-size:18px;}" in large  # presentation mode: larger tooltips


def test_publish_keeps_the_folder_bounded(static_dir: Path) -> None:
    """Writing past the limit removes the oldest files; a file still in use is written again when needed."""
    from ks_data.maps import static_files

    names = [static_files.publish({"n": n}, kind="values") for n in range(5)]
    static_files.prune(keep=3)
    left = sorted(p.name for p in (static_dir / "cache").glob("*.json"))
    assert len(left) == 3 and not list((static_dir / "cache").glob(".tmp-*"))
    gone = [name for name in names if not static_files.exists(name)]
    assert len(gone) == 2
    assert static_files.publish({"n": names.index(gone[0])}, kind="values") == gone[0]
    assert static_files.exists(gone[0])


def test_geometry_bytes_counts_the_payload() -> None:
    """geometry_bytes grows with the geometry sent to the browser."""
    small = maps.geometry_bytes(maps.gemeente_map(_layer()))
    big_layer = _layer()
    big_layer["geometry"] = shapely.buffer(big_layer.geometry.values, 0.01, quad_segs=64)
    assert maps.geometry_bytes(maps.gemeente_map(big_layer)) > small


def test_static_dir_is_beside_app() -> None:
    """Streamlit serves ./static next to app.py only: the vendored folder must be there."""
    assert SERVED_STATIC_DIR == Path(paths.PROJECT_DIR / "static")


def test_component_args_for_the_map_frontend() -> None:
    """The frontend gets the map script (map variable 'map_div', polygons, tooltips), only local links and a
    digest that changes with the map and not between two builds of the same map."""
    args = adapters.map_component_args(maps.gemeente_map(_layer()))
    assert "var map_div = L.map" in args["script"] and "L.geoJson(null" in args["script"]
    assert args["js_links"] == [f"{maps.STATIC_URL}/leaflet.js"]
    assert args["css_links"] == [f"{maps.STATIC_URL}/leaflet.css"]
    assert adapters.map_component_args(maps.gemeente_map(_layer()))["digest"] == args["digest"]
    other = _layer().assign(fill=["#253494", "#d4d4d4"])
    assert adapters.map_component_args(maps.gemeente_map(other))["digest"] != args["digest"]


def test_outline_script_draws_a_non_clickable_outline() -> None:
    """The selection outline is a Leaflet GeoJSON layer added to the drawn map, without fill or clicks."""
    script = maps.outline_script(_layer().iloc[:1])
    assert script.startswith("var feature_group_feature_group_0 = L.geoJson(")
    assert "map_div.addLayer(feature_group_feature_group_0)" in script
    assert '"fill": false' in script and "interactive: false" in script and "5.1" in script
    assert maps.outline_script(_layer().iloc[:0]) is None
