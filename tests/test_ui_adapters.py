"""ks_data/ui/adapters.py: every private Streamlit, Altair, streamlit-folium and folium API the app relies on.

One test per adapter. Each fails with a message naming the library and what changed, so an upgrade that
breaks one of them says where to look (requirements.txt pins the versions these tests were written for).
"""

from __future__ import annotations

import json
from pathlib import Path

import altair as alt
import folium
import geopandas as gpd
import pandas as pd
import pytest
import shapely
from altair.utils import schemapi
from folium.template import Template
from streamlit.testing.v1 import AppTest

from ks_data.charts.base import finalize
from ks_data.maps import folium_map as maps
from ks_data.ui import adapters

SF_HELPERS = ("_get_html", "_get_header", "_get_map_string", "get_full_id")
SENT_ARGS = ("script", "header", "html", "id", "css_links", "js_links")


def _chart() -> alt.TopLevelMixin:
    return finalize(alt.Chart(pd.DataFrame({"v": [1, 2]})).mark_point().encode(x="v:Q"))


def _invalid_chart() -> alt.TopLevelMixin:
    chart = _chart()
    chart["height"] = "tall"  # not a Vega-Lite height: validation must reject it
    return chart


def _layer() -> gpd.GeoDataFrame:
    return gpd.GeoDataFrame(
        {"area_code": ["GM9001", "GM9002"], "area_name": ["Aadorp", "Beekveld"], "fill": ["#41b6c4", "#d4d4d4"],
         "no_data": [False, True], "selected": [False, False], "tooltip": ["Aadorp: 12,5%", "Beekveld: geen"]},
        geometry=[shapely.box(5.0, 52.0, 5.1, 52.1), shapely.box(5.1, 52.0, 5.2, 52.1)], crs="EPSG:4326",
    )


def _converter_and_altair_chart() -> None:
    """The same chart sent through adapters.vega_lite_spec + st.vega_lite_chart and through st.altair_chart."""
    import altair as alt
    import pandas as pd
    import streamlit as st

    from ks_data.charts.base import finalize
    from ks_data.ui import adapters

    def chart():
        frame = pd.DataFrame({"jaar": ["2019", "2020"], "waarde": [12.5, 14.0]})
        return finalize(alt.Chart(frame).mark_bar().encode(x="jaar:O", y="waarde:Q"))

    st.vega_lite_chart(spec=adapters.vega_lite_spec(chart()), width="stretch", alt="t")
    st.altair_chart(chart(), width="stretch", alt="t")


# --- Streamlit: the Altair -> Vega-Lite converter ------------------------------------------------------------
def test_streamlit_converter_exists_and_gives_the_spec_st_altair_chart_sends() -> None:
    spec = adapters.vega_lite_spec(_chart().properties(height=100))
    assert spec is not None, ("Streamlit no longer has streamlit.elements.vega_charts."
                              "_convert_altair_to_vega_lite_spec: charts are now drawn uncached (ui.cached.chart_spec)")
    assert "datasets" in spec and spec["height"] == 100, "Streamlit's converter returns another spec shape"
    at = AppTest.from_function(_converter_and_altair_chart, default_timeout=60).run()
    assert not at.exception, [e.message for e in at.exception]
    ours, streamlits = (element.proto for element in at.get("vega_lite_chart"))
    assert ours.spec == streamlits.spec, "Streamlit's st.altair_chart now sends another spec than its converter"
    assert [d.data.data for d in ours.datasets] == [d.data.data for d in streamlits.datasets], \
        "Streamlit's st.altair_chart now sends other datasets (Arrow) than its converter"


# --- Altair: skipping the schema validation when a page serialises a chart -----------------------------------
def test_skip_validation_skips_and_validate_true_still_validates() -> None:
    from streamlit.elements.vega_charts import _convert_altair_to_vega_lite_spec as convert

    with pytest.raises(schemapi.SchemaValidationError):
        convert(_invalid_chart())  # the converter validates through chart.to_dict() ...
    chart = _invalid_chart()
    adapters.skip_validation(chart)
    assert chart.to_dict()["height"] == "tall", "Altair's to_dict() no longer honours validate=False"
    assert convert(chart)["height"] == "tall", \
        "Streamlit's converter no longer calls chart.to_dict(): skip_validation has no effect (slower reruns)"
    with pytest.raises(schemapi.SchemaValidationError):
        chart.to_dict(validate=True)  # an explicit validation still validates
    copy = chart.copy()
    with pytest.raises(schemapi.SchemaValidationError):
        copy.to_dict()  # copies validate as usual


# --- Altair: one schema-class index per class ----------------------------------------------------------------
@pytest.mark.parametrize("cls, spec", [
    (alt.X, {"field": "v", "type": "quantitative", "title": "Waarde"}),
    (alt.Color, {"field": "series", "type": "nominal", "scale": {"range": ["#0072B2", "#E69F00"]}}),
    (alt.Tooltip, {"field": "label", "type": "nominal", "title": "Waarde"}),
    (alt.TitleParams, {"text": "Big2", "subtitle": ["Alleen de jaren die de monitor noemt"]}),
], ids=["X", "Color", "Tooltip", "TitleParams"])
def test_schema_index_is_installed_and_gives_identical_results(cls, spec) -> None:
    from_dict = schemapi.SchemaBase.__dict__.get("from_dict")
    assert hasattr(schemapi, "_FromDict") and getattr(getattr(from_dict, "__func__", None), "ks_indexed", False), \
        "Altair's SchemaBase.from_dict / schemapi._FromDict changed: index_schema_classes_once switched itself off"
    fresh = schemapi._FromDict(cls._default_wrapper_classes()).from_dict(spec, cls)
    indexed = cls.from_dict(spec)
    assert indexed == fresh and indexed.to_dict() == spec, f"Altair's from_dict of {cls.__name__} changed"


def test_schema_index_rebuilds_whole_charts_identically() -> None:
    frame = pd.DataFrame({"year": ["2019", "2020"], "value": [1.0, 2.0], "label": ["1,0%", "2,0%"]})
    base = alt.Chart(frame).encode(x="year:O")
    chart = finalize(alt.layer(base.mark_bar().encode(y="value:Q"), base.mark_text().encode(y="value:Q", text="label:N")))
    spec = chart.to_dict()
    assert alt.LayerChart.from_dict(spec).to_dict() == spec, "Altair's from_dict no longer round-trips a chart"


# --- streamlit-folium: its frontend, declared without importing folium, and the arguments it is sent ---------
def test_streamlit_folium_frontend_folder_is_the_one_its_own_component_uses() -> None:
    import streamlit_folium as sf

    frontend = Path(adapters.folium_frontend_path())
    assert (frontend / "index.html").is_file(), f"streamlit-folium has no built frontend at {frontend}"
    assert Path(adapters.MAP_COMPONENT.path) == frontend == Path(sf._component_func.path), \
        "streamlit-folium now declares its frontend elsewhere than frontend/build"


def test_streamlit_folium_private_helpers_exist_and_give_st_folium_arguments(monkeypatch) -> None:
    import streamlit_folium as sf

    missing = [name for name in SF_HELPERS if not callable(getattr(sf, name, None))]
    assert not missing, f"streamlit-folium no longer has {missing}: adapters.map_component_args must be rewritten"
    sent: dict = {}
    monkeypatch.setattr(sf, "_component_func", lambda **kwargs: sent.update(kwargs) or kwargs.get("default"))
    sf.st_folium(maps.gemeente_map(_layer()))
    ours = adapters.map_component_args(maps.gemeente_map(_layer()))
    changed = [name for name in SENT_ARGS if sent.get(name) != ours[name]]
    assert not changed, f"streamlit-folium's st_folium now sends other {changed} than map_component_args builds"
    assert "var map_div = L.map" in ours["script"] and "L.geoJson(null" in ours["script"]


def test_the_map_widget_sends_every_argument_st_folium_sends(monkeypatch) -> None:
    import streamlit_folium as sf

    from ks_data.ui import widgets

    theirs: dict = {}
    monkeypatch.setattr(sf, "_component_func", lambda **kwargs: theirs.update(kwargs) or kwargs.get("default"))
    sf.st_folium(maps.gemeente_map(_layer()))
    ours: dict = {}
    monkeypatch.setattr(adapters, "MAP_COMPONENT", lambda **kwargs: ours.update(kwargs) or None)
    widgets.folium_map(adapters.map_component_args(maps.gemeente_map(_layer())), key="kaart", height=400)
    assert set(theirs) - {"on_change"} == set(ours), \
        "streamlit-folium's frontend now takes other arguments than ui.widgets.folium_map sends"


# --- folium: the MacroElement template pattern of ks_data/maps/folium_map.py ----------------------------------
def test_folium_macro_element_template_still_renders() -> None:
    fmap = folium.Map(location=[52.1, 5.1], zoom_start=8, tiles=None)
    macro = folium.MacroElement()
    macro._template = Template("{% macro script(this, kwargs) %}console.log({{ this._parent.get_name() | tojson }});"
                               "{% endmacro %}")
    fmap.add_child(macro)
    html = fmap.get_root().render()
    assert f"console.log({json.dumps(fmap.get_name())});" in html, \
        "folium's MacroElement no longer renders a _template's script macro (maps.folium_map._add_controls)"


def test_map_controls_reach_the_map_frontend() -> None:
    """The attribution and scale bar (folium_map's MacroElement) are in the script streamlit-folium draws."""
    script = adapters.map_component_args(maps.gemeente_map(_layer()))["script"]
    assert "map_div.attributionControl.setPrefix(false).addAttribution(" in script, \
        "folium's MacroElement script no longer reaches streamlit-folium's map script (attribution lost)"
    assert "L.control.scale({imperial: false}).addTo(map_div);" in script


def test_keyup_box_is_emptied_through_its_component_state() -> None:
    """streamlit-keyup keeps its value in '_st_keyup_<key>' and shows a value sent from Python while the user
    is not typing: adapters.clear_keyup relies on both (a new streamlit-keyup must be checked when this fails)."""
    import inspect

    import st_keyup

    source = inspect.getsource(st_keyup)
    assert 'internal_key = f"_st_keyup_{key}"' in source, "streamlit-keyup renamed its component state"
    assert 'current_value = state.get("value", value)' in source, "streamlit-keyup no longer reads it back"
    assert "} else if (!input._userTyping) {\n    input.value = pyValue;" in source, \
        "streamlit-keyup's script no longer adopts a value sent from Python"


def test_clear_keyup_empties_the_box_in_the_app() -> None:
    """Typed text, then clear_keyup in a callback: the next run sends an empty value to the same box."""
    from streamlit.testing.v1 import AppTest

    from tests.gemeente_search_box import box_data, type_search

    def script() -> None:
        import streamlit as st
        from st_keyup import st_keyup

        from ks_data.ui import adapters, widgets

        st_keyup("Zoek", key=widgets.SEARCH_KEY)
        st.button("Leeg", on_click=adapters.clear_keyup, args=(widgets.SEARCH_KEY,))

    at = AppTest.from_function(script).run()
    type_search(at, "zwolle")
    assert box_data(at)["value"] == "zwolle"
    at.button[0].click().run()
    assert box_data(at)["value"] == "" and at.session_state["ks_gemeente_zoek"] == ""
