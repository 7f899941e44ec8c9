"""Kaart: national choropleth of gemeenten and, for the selected gemeente, a map + table of its PC4 areas."""

import streamlit as st

from ks_data import paths
from ks_data.geo import cache as geo
from ks_data.geo import lookups as geo_lookups
from ks_data.maps import layers as map_layers
from ks_data.maps import values as map_values
from ks_data.perinatal import dataset as perinatal
from ks_data.perinatal import indicators as perinatal_indicators
from ks_data.perinatal import rates
from ks_data.texts import common as tc
from ks_data.texts import maps as tm
from ks_data.ui import blocks, cached, presentation, state, widgets

CLICK_HANDLED = "_kaart_click_handled"
NATIONAL_TABLE_KEY = "_kaart_nl_tabel"  # the expander of the national table: open or closed
# A broken or unusable data file must not take the map down: the boundaries are shown without figures.
DATA_ERRORS = (perinatal.NoPerinatalData, perinatal.StoredFileError, *rates.RATE_ERRORS)


def _options(data_key: str) -> dict | None:
    try:
        return cached.map_options(data_key)
    except perinatal.NoPerinatalData as exc:
        st.info(exc.dutch())
    except DATA_ERRORS:
        st.error(tm.DATA_ERROR)
    return None


def _handle_click(click: widgets.MapClick | None, *, geo_key: str, year: int, selected: str | None) -> None:
    """A (new) click on the national map selects that gemeente (its 2021 code) for every page."""
    if click is None:
        st.session_state.pop(CLICK_HANDLED, None)
        return
    if click == st.session_state.get(CLICK_HANDLED):
        return
    st.session_state[CLICK_HANDLED] = click
    codes = geo_lookups.data_codes_for(click.code, year=year, mapping=cached.gemeente_mapping(geo_key))
    if codes and codes[0] != selected:
        state.set_selection(state.GEMEENTE, codes[0])
        st.rerun()


def _pc4_section(geo_key: str, data_key: str, *, indicator_id: str | None, period: str | None, mode: str,
                 selected: str | None, legend_title: str) -> None:
    names = cached.gemeente_names(geo_key, geo.DATA_YEAR)
    if not selected or selected not in names:
        st.info(tm.PC4_HINT, icon=":material/touch_app:")
        return
    try:
        pc4 = cached.map_pc4_layer(geo_key, data_key, indicator_id, period, selected, mode)
        args = cached.map_pc4_args(geo_key, data_key, indicator_id, period, selected, mode, presentation.chart_scale())
    except DATA_ERRORS:
        st.error(tm.DATA_ERROR)
        indicator_id = period = None
        pc4 = cached.map_pc4_layer(geo_key, data_key, None, None, selected, mode)
        args = cached.map_pc4_args(geo_key, data_key, None, None, selected, mode, presentation.chart_scale())
    st.subheader(tm.PC4_HEADING.format(name=names[selected]))
    st.caption(tm.PC4_NOTE.format(pc4_year=geo.PC4_GEOMETRY_YEAR, year=geo.DATA_YEAR))
    if pc4.frame.empty:
        st.info(tm.PC4_NONE)
        return
    source = tm.SOURCE_PC4.format(year=geo.PC4_GEOMETRY_YEAR)
    if pc4.source:
        source = f"{source}; {tm.SOURCE_DATA.format(source=pc4.source)}"
    col_map, col_table = st.columns([1, 1])
    with col_map:
        widgets.folium_map(args, key="kaart_pc4", height=520)
        widgets.source_caption(source, synthetic=pc4.is_synthetic)
    with col_table:
        widgets.legend(pc4.legend, title=legend_title, scale=presentation.legend_scale())
        if pc4.national:
            st.caption(pc4.national)
        st.dataframe(pc4.table, hide_index=True, width="stretch", height=380)
        blocks.csv_download(pc4.data, key="kaart_pc4_csv", synthetic=pc4.is_synthetic,
                            file_name=tm.DOWNLOAD_PC4_FILE.format(code=selected, indicator=indicator_id or "geen",
                                                                  period=period or "geen"))


def _explain(indicator_id: str | None, period: str | None, data_source: str) -> None:
    """What the coloured number is: definition, teller/noemer, unit, period and sources."""
    if indicator_id and period:
        st.caption(map_layers.explanation(perinatal_indicators.indicator(indicator_id), period=period,
                                          data_source=data_source))


def _national_table(layer, *, indicator_id: str | None, period: str | None, year: int) -> None:
    """Text alternative of the national map: every gemeente's values, with the CSV download of them. Built only
    while opened: its 342 rows are not sent again on every visit of the page (issue 15)."""
    box = st.expander(tm.NATIONAL_TABLE, icon=":material/table:", key=NATIONAL_TABLE_KEY, on_change="rerun")
    if not box.open:
        return
    with box:
        st.dataframe(layer.table, hide_index=True, width="stretch")
        blocks.csv_download(layer.data, key="kaart_nl_csv", synthetic=layer.is_synthetic,
                            file_name=tm.DOWNLOAD_NATIONAL_FILE.format(indicator=indicator_id or "geen",
                                                                       period=period or "geen", year=year))


def _map_page(geo_key: str) -> None:
    st.caption(tm.INTRO)
    data_key = cached.map_data_key()
    options = _options(data_key)
    labels = dict(options["indicators"]) if options else {}
    if options and not labels:
        st.info(tm.NO_INDICATORS)
    c_ind, c_period, c_mode, c_year = st.columns([3, 2, 3, 3])
    indicator_id = state.bound_selectbox(tm.INDICATOR_LABEL, list(labels), state_key=state.INDICATOR,
                                           widget_key="_kaart_indicator", labels=labels, area=c_ind)
    period = state.bound_selectbox(tm.PERIOD_LABEL, options["periods"] if options else [], state_key=state.PERIOD,
                                     widget_key="_kaart_periode", default=options["default_period"] if options else None,
                                     area=c_period)
    colour = state.url_widget(c_mode.radio, tm.COLOUR_BY_LABEL, list(tm.COLOUR_OPTIONS), param="kleur",
                              default="waarde", horizontal=True, format_func=tm.COLOUR_OPTIONS.get)
    mode = map_values.MODE_BY_PARAM[colour]
    year = int(state.url_widget(c_year.radio, tm.BOUNDARY_YEAR_LABEL, [str(y) for y in tm.BOUNDARY_YEARS],
                                param="grenzen", default=str(next(iter(tm.BOUNDARY_YEARS))), horizontal=True,
                                format_func=lambda y: tm.BOUNDARY_YEARS[int(y)]))
    if options and options["is_synthetic"]:
        st.warning(tc.SYNTHETIC_NOTE, icon=":material/science:")
    if not (indicator_id and period):
        indicator_id = period = None
    selected = state.get(state.GEMEENTE)
    try:
        layer = cached.map_national_layer(geo_key, data_key, indicator_id, period, year, mode)
        args = cached.map_national_args(geo_key, data_key, indicator_id, period, year, mode, presentation.chart_scale())
    except DATA_ERRORS:  # show the boundaries without figures rather than nothing
        st.error(tm.DATA_ERROR)
        indicator_id = period = None
        layer = cached.map_national_layer(geo_key, data_key, None, None, year, mode)
        args = cached.map_national_args(geo_key, data_key, None, None, year, mode, presentation.chart_scale())
    source = tm.SOURCE_GEMEENTEN.format(year=year)
    if layer.source:
        source = f"{source}; {tm.SOURCE_DATA.format(source=layer.source)}"

    st.subheader(tm.NATIONAL_HEADING)
    legend_title = tm.LEGEND_TITLE_VALUE.format(indicator=labels.get(indicator_id, ""), period=period or "") \
        if mode == map_values.MODE_VALUE else tm.LEGEND_TITLE_COMPARISON
    col_map, col_legend = st.columns([3, 1] if presentation.is_on() else [4, 1])
    with col_map:
        click = widgets.folium_map(args, key="kaart_nl", height=600, clickable=True,
                                   overlay=cached.map_outline(geo_key, year, selected))
        widgets.source_caption(source, synthetic=layer.is_synthetic)
    with col_legend:
        widgets.legend(layer.legend, title=legend_title, scale=presentation.legend_scale())
        if mode == map_values.MODE_VALUE:
            st.caption(tm.LEGEND_NOTE)
        if layer.national:
            st.caption(layer.national)
    # what the map shows under it, so the map itself is on the first screen (also on a projector)
    note = tm.BOUNDARY_NOTE.format(year=year, data_year=geo.DATA_YEAR)
    st.caption(note + (tm.BOUNDARY_NOTE_MAPPED.format(data_year=geo.DATA_YEAR) if year != geo.DATA_YEAR else ""))
    _explain(indicator_id, period, layer.source)
    _national_table(layer, indicator_id=indicator_id, period=period, year=year)
    _handle_click(click, geo_key=geo_key, year=year, selected=selected)

    st.divider()
    _pc4_section(geo_key, data_key, indicator_id=indicator_id, period=period, mode=mode, selected=selected,
                 legend_title=legend_title)


st.title(tm.TITLE)
_geo_key = cached.geo_cache_key()
if _geo_key:
    _map_page(_geo_key)
else:  # fresh machine without boundary cache: explain how to build it (no st.stop: the frame runs on)
    st.warning(tm.NO_CACHE_TITLE, icon=":material/map:")
    st.markdown(tm.NO_CACHE_BODY.format(folder=paths.GEO_CACHE_DIR))
