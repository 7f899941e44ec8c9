"""Every private Streamlit, Altair and streamlit-folium API the app relies on, in one module.

Each is tied to the versions pinned in requirements.txt and checked by tests/test_ui_adapters.py, which
fails loudly when an upgrade changes one of them:
- ``vega_lite_spec``: Streamlit's own Altair -> Vega-Lite converter (what ``st.altair_chart`` sends);
- ``skip_validation`` and ``index_schema_classes_once``: Altair speed-ups (no schema validation on every
  rerun; one schema-class index per class);
- ``MAP_COMPONENT`` and ``map_component_args``: streamlit-folium's frontend, declared without importing
  folium, and the arguments its ``st_folium`` would send, built from its private helpers;
- ``clear_keyup``: empties a streamlit-keyup search box through its component state.

Not here: folium's ``MacroElement._template`` in ``ks_data/maps/folium_map.py`` (attribution and scale bar).
It is folium's documented way to add a script to a map (its own plugins do the same), not a private API,
and ``maps`` may not import ``ui`` (.importlinter layers); tests/test_ui_adapters.py checks it all the same.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.util
from pathlib import Path
from typing import TYPE_CHECKING

import altair as alt
from altair.utils import schemapi
from streamlit.components import v1 as components

if TYPE_CHECKING:
    import folium


def vega_lite_spec(chart: alt.TopLevelMixin) -> dict | None:
    """The Vega-Lite spec (data as Arrow) of ``chart``, exactly as ``st.altair_chart`` sends it.

    None when this Streamlit no longer has its converter: the caller then draws the chart itself.
    """
    try:
        from streamlit.elements.vega_charts import _convert_altair_to_vega_lite_spec as convert
    except ImportError:  # pragma: no cover - depends on the Streamlit version
        return None
    skip_validation(chart)
    return convert(chart)


def skip_validation(chart: alt.TopLevelMixin) -> None:
    """Make ``chart.to_dict()`` (what st.altair_chart calls) skip the JSON-schema validation.

    Validating a layered chart against the Vega-Lite schema took about a quarter of a profile page's
    rerun (issue 7). The builders' output is validated by their unit tests (``to_dict()`` outside a
    Streamlit run), so repeating it on every rerun only costs time. ``to_dict(validate=True)`` still
    validates; copies of the chart (``.copy()``, ``.properties()``) validate as usual.

    >>> import pandas as pd
    >>> from ks_data.charts.base import finalize
    >>> chart = finalize(alt.Chart(pd.DataFrame({"v": [1]})).mark_point().encode(x="v:Q"))
    >>> chart["height"] = "tall"  # invalid: outside a Streamlit run, to_dict() says so
    >>> chart.to_dict()  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    altair.utils.schemapi.SchemaValidationError: ...
    >>> skip_validation(chart)
    >>> chart.to_dict()["height"]
    'tall'
    >>> chart.to_dict(validate=True)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    altair.utils.schemapi.SchemaValidationError: ...
    """
    object.__setattr__(chart, "to_dict", functools.partial(chart.to_dict, validate=False))


def index_schema_classes_once() -> None:
    """Let Altair build its index of schema classes once per class instead of once per channel.

    Altair 6.3 (``SchemaBase.from_dict``) hashes all ~570 Vega-Lite schema classes into a fresh
    ``_FromDict`` index for every shorthand channel such as ``x="value:Q"`` (~5 ms each): about a third
    of building the profile page's charts on every rerun (issue 7). The classes do not change while the
    app runs, so the index is kept per class; the conversion itself is Altair's own. Skipped when Altair
    no longer has this structure (then charts are simply built the slower way).

    >>> spec = {"field": "v", "type": "quantitative", "title": "Waarde"}
    >>> fresh = schemapi._FromDict(alt.X._default_wrapper_classes()).from_dict(spec, alt.X)
    >>> alt.X.from_dict(spec) == fresh and alt.X.from_dict(spec).to_dict() == spec
    True
    """
    original = schemapi.SchemaBase.__dict__.get("from_dict")
    if getattr(original, "__func__", None) is None or getattr(original.__func__, "ks_indexed", False) \
            or not hasattr(schemapi, "_FromDict"):
        return
    converters: dict[type, schemapi._FromDict] = {}

    def from_dict(cls, dct: dict, validate: bool = True) -> schemapi.SchemaBase:
        if validate:
            cls.validate(dct)
        converter = converters.get(cls)
        if converter is None:
            converter = converters[cls] = schemapi._FromDict(cls._default_wrapper_classes())
        return converter.from_dict(dct, cls)

    from_dict.ks_indexed = True
    from_dict.__doc__ = original.__func__.__doc__
    schemapi.SchemaBase.from_dict = classmethod(from_dict)


def folium_frontend_path() -> str:
    """streamlit-folium's built frontend folder, found without importing the package (and so folium)."""
    return str(Path(importlib.util.find_spec("streamlit_folium").submodule_search_locations[0]) / "frontend" / "build")


# streamlit-folium's map frontend, declared when the frame imports ks_data.ui (before st.navigation, so
# a shared /kaart link works on a fresh server). Declaring only the frontend keeps folium (~0.8 s of
# imports) out of app start: the map page builds the frontend's arguments with ``map_component_args``.
MAP_COMPONENT = components.declare_component("streamlit_folium", path=folium_frontend_path())


def map_component_args(fmap: folium.Map) -> dict[str, object]:
    """The arguments the streamlit-folium frontend draws ``fmap`` from (script, header, html, links, id).

    Rendering a folium map (Jinja templates, GeoJSON) is the slow part of showing it, so the page caches
    this result per layer (``ui.cached``) and ``ui.widgets.folium_map`` only sends it (through ``MAP_COMPONENT``). Uses the helpers
    of the pinned streamlit-folium (requirements.txt) that its own ``st_folium`` uses; imported here,
    not at app start, so pages without a map do not load folium.
    """
    import streamlit_folium as sf

    fmap.get_root().render()
    html = sf._get_html(fmap)  # before _get_map_string, which renames the map's elements
    header = sf._get_header(fmap)
    script = sf._get_map_string(fmap)
    css: list[str] = []
    js: list[str] = []
    for element in _walk(fmap):
        css += [href for _, href in getattr(element, "default_css", [])]
        js += [src for _, src in getattr(element, "default_js", [])]
    return {"script": script, "header": header, "html": html, "id": sf.get_full_id(fmap),
            "css_links": list(dict.fromkeys(css)), "js_links": list(dict.fromkeys(js)),
            "digest": hashlib.sha256(script.encode("utf-8")).hexdigest()[:16]}


def clear_keyup(key: str) -> None:
    """Empty the st_keyup box ``key`` on the next run (call from a callback), keeping the same element.

    streamlit-keyup 1.0.0 keeps its value in the components-v2 state ``_st_keyup_<key>`` ({"value": ...})
    and its script shows a value sent from Python whenever the user is not typing; its documented reset,
    a new key, draws a new box (focus lost, a flash of two boxes). Checked by tests/test_ui_adapters.py.
    """
    import streamlit as st

    st.session_state[f"_st_keyup_{key}"] = {"value": ""}


def _walk(element):
    yield element
    for child in getattr(element, "_children", {}).values():
        yield from _walk(child)


index_schema_classes_once()
