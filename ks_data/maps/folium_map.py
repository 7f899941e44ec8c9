"""Folium builders returning folium.Map: local Leaflet, no tiles, no branca colour scale, style_function colours.

The maps work without internet: Leaflet JS/CSS come from ``static/leaflet`` (served by Streamlit at
``/app/static/leaflet``), there is no tile layer and no colour-scale control (branca colormaps make
streamlit-folium load d3 from a CDN). Colours are precomputed per feature (see ``ks_data.maps.values``)
and the legend is drawn in Streamlit. This module touches no ``st.*``.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TYPE_CHECKING

import folium
from folium.template import Template

from ks_data.texts import maps as tm

if TYPE_CHECKING:
    import geopandas as gpd

STATIC_URL = "/app/static/leaflet"
LEAFLET_JS = [("leaflet", f"{STATIC_URL}/leaflet.js")]
LEAFLET_CSS = [("leaflet_css", f"{STATIC_URL}/leaflet.css")]
# Properties every feature of a layer must carry (see maps.values.layer_frame).
STYLE_COLUMNS = ("fill", "no_data", "selected")
TOOLTIP_COLUMN = "tooltip"
BACKGROUND = "#f4f6f8"
OUTLINE = "#444444"
NO_DATA_OUTLINE = "#777777"


def use_local_leaflet() -> None:
    """Point folium at the vendored Leaflet only (no jQuery/Bootstrap/Font Awesome from CDNs)."""
    folium.Map.default_js = list(LEAFLET_JS)
    folium.Map.default_css = list(LEAFLET_CSS)
    for cls in (folium.GeoJson, folium.GeoJsonTooltip):
        if getattr(cls, "default_js", None):
            cls.default_js = []
        if getattr(cls, "default_css", None):
            cls.default_css = []


def style_for(properties: dict, *, weight: float = 0.6) -> dict:
    """Leaflet path style of one feature: its precomputed fill, dashed grey outline when without data."""
    selected = bool(properties.get("selected"))
    no_data = bool(properties.get("no_data"))
    return {
        "fillColor": properties.get("fill", "#cccccc"),
        "fillOpacity": 0.85,
        "color": "#000000" if selected else (NO_DATA_OUTLINE if no_data else OUTLINE),
        "weight": 3.0 if selected else weight,
        "dashArray": "3 3" if no_data and not selected else None,
    }


def _highlight(_feature: dict) -> dict:
    return {"weight": 3, "color": "#000000", "fillOpacity": 0.95}


def area_map(
    layer: gpd.GeoDataFrame,
    *,
    attribution: str,
    name: str,
    height: int = 560,
    weight: float = 0.6,
) -> folium.Map:
    """A tile-free Leaflet map of one polygon layer, fitted to its bounds.

    Args:
        layer: GeoDataFrame in EPSG:4326 with ``area_code``, ``area_name``, ``fill``, ``no_data``,
            ``selected`` and a preformatted HTML ``tooltip`` column (see ``maps.values.layer_frame``).
            Every feature keeps ``area_code`` as a property: a click on the map returns the clicked
            feature, so the code travels as data (``maps.layers.clicked_code``).
        attribution: text in the map's attribution control ("Bron: CBS", "© CBS, © ESRI Nederland").
        name: layer name (used in the GeoJSON layer).
        weight: outline width in pixels.

    Returns:
        folium.Map with no tiles and only local Leaflet assets.
    """
    use_local_leaflet()
    west, south, east, north = layer.total_bounds if len(layer) else (3.3, 50.7, 7.3, 53.6)
    fmap = folium.Map(
        location=[(south + north) / 2, (west + east) / 2],
        tiles=None,
        zoom_control=True,
        prefer_canvas=False,
        attribution_control=True,
        height=height,
        control_scale=False,
        zoom_snap=0.25,
    )
    fmap.get_root().header.add_child(
        # On a narrow map the attribution wraps instead of covering the scale bar (bottom left, ~110 px).
        folium.Element(f"<style>.leaflet-container{{background:{BACKGROUND};}}"
                       ".leaflet-control-attribution{max-width:calc(100vw - 130px);line-height:1.3;}</style>")
    )
    properties = ["area_code", "area_name", *STYLE_COLUMNS, TOOLTIP_COLUMN]
    data = json.loads(layer[[*properties, "geometry"]].to_json(drop_id=True))
    folium.GeoJson(
        data,
        name=name,
        style_function=lambda feature: style_for(feature["properties"], weight=weight),
        highlight_function=_highlight,
        tooltip=folium.GeoJsonTooltip(fields=[TOOLTIP_COLUMN], labels=False, sticky=True),
        smooth_factor=0.5,
    ).add_to(fmap)
    bounds = [[float(south), float(west)], [float(north), float(east)]] if len(layer) else None
    if bounds:
        fmap.fit_bounds(bounds, padding=(8, 8))
    _add_controls(fmap, attribution, bounds)
    return fmap


def _add_controls(fmap: folium.Map, attribution: str, bounds: list[list[float]] | None) -> None:
    """Attribution text, a metric scale bar, and a re-fit once the iframe has its final size."""
    name = "{{ this._parent.get_name() }}"
    js = [f"{name}.attributionControl.setPrefix(false).addAttribution({json.dumps(attribution)});",
          f"L.control.scale({{imperial: false}}).addTo({name});"]
    if bounds:
        fit = f"{name}.fitBounds({json.dumps(bounds)}, {{padding: [8, 8]}});"
        js.append(f"setTimeout(function() {{ {name}.invalidateSize(); {fit} }}, 150);")
    macro = folium.MacroElement()
    macro._template = Template("{% macro script(this, kwargs) %}" + "\n".join(js) + "{% endmacro %}")
    fmap.add_child(macro)


def gemeente_map(layer: gpd.GeoDataFrame, *, height: int = 560) -> folium.Map:
    """National map of gemeenten with the CBS attribution."""
    return area_map(layer, attribution=tm.ATTRIBUTION_GEMEENTEN, name="gemeenten", height=height, weight=0.5)


def pc4_map(layer: gpd.GeoDataFrame, *, height: int = 560) -> folium.Map:
    """Map of the PC4 areas of one gemeente with the CBS/ESRI attribution."""
    return area_map(layer, attribution=tm.ATTRIBUTION_PC4, name="pc4", height=height, weight=0.8)


def outline_script(layer: gpd.GeoDataFrame) -> str | None:
    """JavaScript that draws ``layer``'s polygons as a thick black outline on an already drawn map.

    streamlit-folium's frontend runs it as a 'feature group' without redrawing the map, so selecting
    another gemeente only swaps this outline. Not clickable: clicks reach the gemeente below.
    """
    if layer is None or not len(layer):
        return None
    geojson = layer[["geometry"]].to_json(drop_id=True)
    style = json.dumps({"color": "#000000", "weight": 3.5, "fill": False, "interactive": False})
    return (f"var feature_group_feature_group_0 = L.geoJson({geojson}, {{style: function() {{ return {style}; }}, "
            f"interactive: false}});\n"
            "map_div.addLayer(feature_group_feature_group_0);\n"
            "window.feature_group = window.feature_group || [];\n"
            "window.feature_group.push(feature_group_feature_group_0);\n")


def geometry_bytes(fmap: folium.Map) -> int:
    """Bytes of the map's HTML/JS as sent to the browser (geometry dominates)."""
    return len(fmap.get_root().render().encode("utf-8"))


def external_urls(fmap: folium.Map) -> Sequence[str]:
    """Every http(s) URL the rendered map would load (must be empty for offline use)."""
    import re

    html = fmap.get_root().render()
    return sorted(set(re.findall(r"""(?:src|href)=["'](https?://[^"']+)""", html)))
