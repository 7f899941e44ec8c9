"""Folium builders returning folium.Map: local Leaflet, no tiles, no branca scale, data as static files.

The maps work without internet: Leaflet JS/CSS come from ``static/leaflet`` (served by Streamlit at
``/app/static/leaflet``), there is no tile layer and no colour-scale control (branca colormaps make
streamlit-folium load d3 from a CDN). Colours are precomputed per feature (see ``ks_data.maps.values``)
and the legend is drawn in Streamlit. The polygons and per-area values are published as static files
(``ks_data.maps.static_files``, fetched by a small script in the map) rather than inlined, so a page switch
does not resend them. This module touches no ``st.*``.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import folium
from folium.template import Template

from ks_data import paths
from ks_data.maps import static_files
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


HIGHLIGHT = {"weight": 3, "color": "#000000", "fillOpacity": 0.95}
# The map's own CSS: attribution wraps on a narrow map instead of covering the scale bar (bottom left, ~110 px);
# tooltips wrap within the map (Leaflet's default is one unbroken line, clipped by a narrow PC4 map); a clicked
# area keeps no focus box, while keyboard focus still shows (a thick outline on the focused area).
MAP_CSS = (
    f".leaflet-container{{background:{BACKGROUND};}}"
    ".leaflet-control-attribution{max-width:calc(100vw - 130px);line-height:1.3;}"
    ".leaflet-tooltip.ks-tooltip{white-space:normal;width:max-content;max-width:min(20rem,calc(50vw - 24px));"
    "overflow-wrap:break-word;line-height:1.35;}"
    ".leaflet-container path.leaflet-interactive:focus{outline:none;}"
    ".leaflet-container path.leaflet-interactive:focus-visible{stroke:#000000;stroke-width:4px;}"
    ".ks-map-error{background:#fff;border:1px solid #b00020;color:#b00020;padding:6px 10px;max-width:22rem;"
    "font:14px/1.4 sans-serif;}"
)
# The layer is drawn from two static files (ks_data.maps.static_files): the polygons of the boundary set
# (shared by every indicator) and this layer's styles and tooltips per area code. The URL is taken relative
# to the page the map frame lives on, so it also works below a base URL path (behind a proxy).
_LOADER = """(function () {
  var map = {{ this._parent.get_name() }};
  var base = window.location.pathname.split("/component/")[0];
  var values = {}, styles = [];
  map.createPane("ks-areas").style.zIndex = 390;  // below the overlay pane: a selection outline stays on top
  var layer = L.geoJson(null, {
    pane: "ks-areas",
    smoothFactor: 0.5,
    style: function (feature) {
      var value = values[feature.properties.area_code];
      return value ? styles[value[0]] : FALLBACK;
    },
    onEachFeature: function (feature, area) {
      var value = values[feature.properties.area_code];
      if (value) { area.bindTooltip(value[1], {sticky: true, direction: "auto", className: "ks-tooltip"}); }
      area.on({mouseover: function (e) { e.target.setStyle(HIGHLIGHT); },
               mouseout: function (e) { layer.resetStyle(e.target); }});
    }
  }).addTo(map);
  function load(file) {
    // The names carry a hash of the content: a copy in the browser cache is never stale, so use it even
    // though the server sends no cache lifetime (a warm switch back to the map then loads nothing).
    return fetch(base + "/app/static/" + file, {cache: "force-cache"}).then(function (response) {
      if (!response.ok) { throw new Error(file + ": " + response.status); }
      return response.json();
    });
  }
  Promise.all([load(SHAPES), load(VALUES)]).then(function (loaded) {
    values = loaded[1].areas;
    styles = loaded[1].styles;
    layer.addData(loaded[0]);
  }).catch(function (error) {
    console.error(error);
    var box = L.control({position: "topright"});
    box.onAdd = function () {
      var div = L.DomUtil.create("div", "ks-map-error");
      div.setAttribute("role", "alert");
      div.textContent = MESSAGE;
      return div;
    };
    box.addTo(map);
  });
})();"""


def layer_files(layer: gpd.GeoDataFrame, *, weight: float) -> tuple[str, str]:
    """Publish the layer as two static files: (polygons, values), paths relative to the static folder.

    Polygons: a GeoJSON FeatureCollection with ``area_code`` and ``area_name`` per feature (the same for
    every indicator on one boundary set, so the browser fetches it once). Values: ``{"styles": [...],
    "areas": {code: [style index, tooltip HTML]}}`` for this indicator, period and colour mode.
    """
    shapes = json.loads(layer[["area_code", "area_name", "geometry"]].to_json(drop_id=True))
    styles: list[dict] = []
    index: dict[str, int] = {}
    areas: dict[str, list] = {}
    for row in layer[["area_code", *STYLE_COLUMNS, TOOLTIP_COLUMN]].to_dict("records"):
        style = style_for(row, weight=weight)
        key = json.dumps(style, sort_keys=True)
        if key not in index:
            index[key] = len(styles)
            styles.append(style)
        areas[str(row["area_code"])] = [index[key], str(row[TOOLTIP_COLUMN] or "")]
    return (static_files.publish(shapes, kind="shapes"),
            static_files.publish({"styles": styles, "areas": areas}, kind="values"))


def area_map(
    layer: gpd.GeoDataFrame,
    *,
    attribution: str,
    name: str,
    height: int = 560,
    weight: float = 0.6,
    text_scale: float = 1.0,
) -> folium.Map:
    """A tile-free Leaflet map of one polygon layer, fitted to its bounds; its data come as static files.

    Args:
        layer: GeoDataFrame in EPSG:4326 with ``area_code``, ``area_name``, ``fill``, ``no_data``,
            ``selected`` and a preformatted HTML ``tooltip`` column (see ``maps.values.layer_frame``).
            Every feature keeps ``area_code`` as a property: a click on the map returns the clicked
            feature, so the code travels as data (``maps.layers.clicked_code``).
        attribution: text in the map's attribution control ("Bron: CBS", "© CBS, © ESRI Nederland").
        name: layer name (the prefix of its static files).
        weight: outline width in pixels.
        text_scale: tooltip text size relative to Leaflet's 12 px (presentation mode: larger).

    Returns:
        folium.Map with no tiles and only local Leaflet assets. The polygons and values are written to
        static/cache/ (``layer_files``) and fetched by the map's script; ``static_files`` on the returned
        map lists them (paths relative to the static folder).
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
    size = f".leaflet-tooltip.ks-tooltip{{font-size:{12 * text_scale:g}px;}}" if text_scale != 1 else ""
    fmap.get_root().header.add_child(folium.Element(f"<style>{MAP_CSS}{size}</style>"))
    shapes, values = layer_files(layer, weight=weight)
    fmap.static_files = [shapes, values]
    script = (_LOADER.replace("FALLBACK", json.dumps(style_for({}, weight=weight)))
              .replace("HIGHLIGHT", json.dumps(HIGHLIGHT)).replace("SHAPES", json.dumps(shapes))
              .replace("VALUES", json.dumps(values)).replace("MESSAGE", json.dumps(tm.MAP_LOAD_ERROR)))
    _add_script(fmap, script)
    bounds = [[float(south), float(west)], [float(north), float(east)]] if len(layer) else None
    if bounds:
        fmap.fit_bounds(bounds, padding=(8, 8))
    _add_controls(fmap, attribution, bounds)
    return fmap


def _add_script(fmap: folium.Map, js: str) -> None:
    """Add ``js`` (a Jinja template: ``{{ this._parent.get_name() }}`` is the map) to the map's script."""
    macro = folium.MacroElement()
    macro._template = Template("{% macro script(this, kwargs) %}" + js + "{% endmacro %}")
    fmap.add_child(macro)


def _add_controls(fmap: folium.Map, attribution: str, bounds: list[list[float]] | None) -> None:
    """Attribution text, a metric scale bar, and a re-fit once the iframe has its final size."""
    name = "{{ this._parent.get_name() }}"
    js = [f"{name}.attributionControl.setPrefix(false).addAttribution({json.dumps(attribution)});",
          f"L.control.scale({{imperial: false}}).addTo({name});"]
    if bounds:
        fit = f"{name}.fitBounds({json.dumps(bounds)}, {{padding: [8, 8]}});"
        js.append(f"setTimeout(function() {{ {name}.invalidateSize(); {fit} }}, 150);")
    _add_script(fmap, "\n".join(js))


def gemeente_map(layer: gpd.GeoDataFrame, *, height: int = 560, text_scale: float = 1.0) -> folium.Map:
    """National map of gemeenten with the CBS attribution."""
    return area_map(layer, attribution=tm.ATTRIBUTION_GEMEENTEN, name="gemeenten", height=height, weight=0.5,
                    text_scale=text_scale)


def pc4_map(layer: gpd.GeoDataFrame, *, height: int = 560, text_scale: float = 1.0) -> folium.Map:
    """Map of the PC4 areas of one gemeente with the CBS/ESRI attribution."""
    return area_map(layer, attribution=tm.ATTRIBUTION_PC4, name="pc4", height=height, weight=0.8,
                    text_scale=text_scale)


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


def drawn_features(fmap: folium.Map) -> list[dict]:
    """The features the map's script draws, read back from its static files: GeoJSON features whose
    properties are ``area_code`` and ``area_name`` (what a click returns) plus the ``style`` and ``tooltip``
    the browser gives them."""
    shapes, values = (json.loads((Path(paths.STATIC_DIR) / file).read_text(encoding="utf-8"))
                      for file in fmap.static_files)
    features = []
    for feature in shapes["features"]:
        style, tooltip = values["areas"][feature["properties"]["area_code"]]
        features.append({**feature, "properties": {**feature["properties"], "style": values["styles"][style],
                                                   "tooltip": tooltip}})
    return features


def geometry_bytes(fmap: folium.Map) -> int:
    """Bytes of the map's HTML/JS plus its static files (polygons, values) as a first visit loads them."""
    files = sum(static_files.size(file) for file in getattr(fmap, "static_files", []))
    return len(fmap.get_root().render().encode("utf-8")) + files


def external_urls(fmap: folium.Map) -> Sequence[str]:
    """Every http(s) URL the rendered map would load (must be empty for offline use)."""
    import re

    html = fmap.get_root().render()
    return sorted(set(re.findall(r"""(?:src|href)=["'](https?://[^"']+)""", html)))
