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
    folder = paths.STATIC_DIR / "leaflet"
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


def test_style_colours_and_no_data_dashes(national_html: str) -> None:
    """Fill colours come from the layer; no-data areas are dashed; the selected one is outlined thickly."""
    styled = maps.style_for({"fill": "#41b6c4", "no_data": False, "selected": True})
    assert styled["fillColor"] == "#41b6c4" and styled["weight"] == 3.0 and styled["dashArray"] is None
    assert maps.style_for({"fill": "#d4d4d4", "no_data": True})["dashArray"] == "3 3"
    assert "#41b6c4" in national_html and "#d4d4d4" in national_html


def test_tooltip_and_bounds(national_html: str) -> None:
    """The tooltip column is bound as tooltip; the map is fitted to the layer's bounds."""
    assert "bindTooltip" in national_html and "Aadorp" in national_html
    assert "fitBounds" in national_html and "[52.0, 5.0]" in national_html


def test_geometry_bytes_counts_the_payload() -> None:
    """geometry_bytes grows with the geometry sent to the browser."""
    small = maps.geometry_bytes(maps.gemeente_map(_layer()))
    big_layer = _layer()
    big_layer["geometry"] = shapely.buffer(big_layer.geometry.values, 0.01, quad_segs=64)
    assert maps.geometry_bytes(maps.gemeente_map(big_layer)) > small


def test_static_dir_is_beside_app() -> None:
    """Streamlit serves ./static next to app.py only: the vendored folder must be there."""
    assert paths.STATIC_DIR == Path(paths.PROJECT_DIR / "static")


def test_component_args_for_the_map_frontend() -> None:
    """The frontend gets the map script (map variable 'map_div', polygons, tooltips), only local links and a
    digest that changes with the map and not between two builds of the same map."""
    args = adapters.map_component_args(maps.gemeente_map(_layer()))
    assert "var map_div = L.map" in args["script"] and "Aadorp" in args["script"]
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
