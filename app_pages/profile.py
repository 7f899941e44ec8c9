"""Mijn gemeente: perinatal figures of one gemeente against Nederland, its peers and its PC4 areas."""

from functools import partial

import streamlit as st

from ks_data.charts import perinatal as perinatal_charts
from ks_data.perinatal import captions, rates, tiles
from ks_data.perinatal import indicators as perinatal_indicators
from ks_data.perinatal import profile as rates_profile
from ks_data.perinatal import views as tables
from ks_data.texts import common as tc
from ks_data.texts import perinatal as tp
from ks_data.ui import blocks, cached, presentation, state, widgets

st.title(tp.PROFILE_TITLE)
data, key, options = blocks.perinatal_or_stop()
synthetic = data.is_synthetic
st.caption(tp.PROFILE_INTRO)

code = blocks.gemeente_or_stop(tp.PROFILE_PICK)
period = state.bound_selectbox(tp.PERIOD_LABEL, options["periods"], state_key=state.PERIOD,
                                 widget_key="_profiel_periode", default=options["default_period"])
try:
    spine = cached.perinatal_spine(key, code, period)
except rates.RATE_ERRORS:
    st.error(tp.ERROR_RATES.format(period=period))
    st.stop()
if spine.empty:
    st.warning(tp.PROFILE_UNKNOWN.format(code=code, source=data.source_label))
    st.stop()
name = rates_profile.area_name(spine)
shown_name = tc.md_literal(name)  # a name from the user's file stays text in headings and links

# --- overview: one tile per indicator, the spine chart and the table behind both --------------------
scale = presentation.chart_scale()
st.header(tp.OVERVIEW_HEADING.format(name=shown_name, period=period))
overview_source = tp.FIGURE_SOURCE.format(data=data.source_label, definition_source=captions.sources_text(spine))
st.html(tiles.tiles_html(spine, source=data.source_label))
widgets.source_caption(overview_source, synthetic=synthetic)
st.caption(captions.national_note(spine))

st.subheader(tp.SPINE_HEADING)
compared = rates_profile.compared(spine)  # the chart places indicators against Nederland: those with a reference
if compared.empty:
    st.info(tp.NONE_COMPARED)
else:
    blocks.chart_with_source(
        partial(perinatal_charts.spine_chart, compared, name=name, period=period, synthetic=synthetic,
                subtitle=captions.spine_note(name), scale=scale),
        tables.export_frame(compared, view="spine"), source=overview_source, synthetic=synthetic, key="dl_spine",
        file_name=tables.file_name("spine", synthetic=synthetic, code=code, period=period),
        alt_text=captions.spine_alt(compared, name=name, period=period),
        explanation=captions.spine_explanation(compared, period=period), table=tables.display(compared, view="spine"))
if note := captions.not_compared_note(spine):
    st.caption(note)
st.dataframe(tables.display(spine, view="overview"), hide_index=True, width="stretch")
blocks.csv_download(tables.export_frame(spine, view="overview"), synthetic=synthetic, key="dl_overview",
                    file_name=tables.file_name("overview", synthetic=synthetic, code=code, period=period))

# --- one indicator in detail: definition, trend, peers, PC4 areas ----------------------------------
st.header(tp.INDICATOR_HEADING)
labels = dict(options["indicators"])
indicator_id = state.bound_selectbox(tp.INDICATOR_LABEL, list(labels), state_key=state.INDICATOR,
                                       widget_key="_profiel_indicator", labels=labels)
ind = perinatal_indicators.indicator(indicator_id)
st.markdown(tp.DEFINITION.format(definition=ind.definition, variant=ind.variant))
figure_source = tp.FIGURE_SOURCE.format(data=data.source_label, definition_source=ind.source)

st.subheader(tp.TREND_HEADING)
trend = cached.perinatal_trend(key, code, indicator_id)
if trend.empty:
    st.info(tp.TREND_NONE)
else:
    blocks.chart_with_source(
        partial(perinatal_charts.trend_chart, trend,
                title=tp.CHART_TREND_TITLE.format(indicator=ind.short_title, name=name),
                unit=ind.unit, name=name, synthetic=synthetic, subtitle=ind.variant, scale=scale),
        tables.export_frame(trend, view="trend"), source=figure_source, synthetic=synthetic, key="dl_trend",
        file_name=tables.file_name("trend", synthetic=synthetic, indicator=indicator_id, code=code),
        alt_text=captions.trend_alt(trend, indicator=ind.short_title, name=name),
        explanation=captions.rate_explanation(indicator_id, period=captions.periods_text(trend)),
        table=tables.display(trend, view="trend"))

st.subheader(tp.PEERS_HEADING)
peers = cached.perinatal_peers(key, code, indicator_id, period)
st.caption(captions.peers_note(peers, name=shown_name))
blocks.chart_with_source(
    partial(perinatal_charts.forest_chart, peers,
            title=tp.CHART_PEERS_TITLE.format(indicator=ind.short_title, name=name, period=period),
            unit=ind.unit, synthetic=synthetic, subtitle=ind.variant, own=code, scale=scale),
    tables.export_frame(peers, view="peers"), source=figure_source, synthetic=synthetic, key="dl_peers",
    file_name=tables.file_name("peers", synthetic=synthetic, indicator=indicator_id, code=code, period=period),
    alt_text=captions.peers_alt(peers, indicator=ind.short_title, name=name, period=period),
    explanation=captions.rate_explanation(indicator_id, period=period), table=tables.display(peers, view="peers"))

st.subheader(tp.PC4_HEADING.format(name=shown_name))
pc4 = cached.perinatal_pc4(key, code, indicator_id, period)
if pc4.empty:
    st.info(tp.PC4_NONE)
else:
    st.caption(tp.PC4_NOTE)
    st.dataframe(tables.display(pc4, view="pc4"), hide_index=True, width="stretch")
    st.caption(captions.rate_explanation(indicator_id, period=period))
    widgets.source_caption(figure_source, synthetic=synthetic)
    blocks.csv_download(tables.export_frame(pc4, view="pc4"), synthetic=synthetic, key="dl_pc4",
                        file_name=tables.file_name("pc4", synthetic=synthetic, indicator=indicator_id, code=code,
                                                   period=period))
st.page_link("app_pages/map.py", label=tp.MAP_LINK.format(name=shown_name), icon=":material/map:")
st.page_link("app_pages/report.py", label=tp.REPORT_LINK, icon=":material/print:")
