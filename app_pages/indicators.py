"""Landelijke indicatoren: filter by type and period; definition, source, values and history per indicator."""

from functools import partial

import streamlit as st

from ks_data.charts import national as charts
from ks_data.national import headline, history
from ks_data.national import views
from ks_data.texts import common as tc
from ks_data.texts import national as ti
from ks_data.ui import blocks, presentation, state

catalogue = blocks.catalogue_or_stop()

st.title(ti.INDICATORS_TITLE)
st.write(ti.INDICATORS_INTRO)

type_choice = state.url_widget(
    st.segmented_control, ti.FILTER_TYPE, [ti.FILTER_ALL, *ti.TYPE_SHORT], param="soort", default=ti.FILTER_ALL,
    format_func={ti.FILTER_ALL: ti.FILTER_ALL_TYPES, **ti.TYPE_SHORT}.get, required=True,
)
period_choice = state.url_widget(
    st.segmented_control, ti.FILTER_PERIOD, [ti.FILTER_ALL, *ti.PERIOD_LABEL], param="fase", default=ti.FILTER_ALL,
    format_func={ti.FILTER_ALL: ti.FILTER_ALL_PERIODS, **ti.PERIOD_LABEL}.get, required=True,
)
for line in views.fact_lines(catalogue, period=period_choice):  # e.g. almost no data before pregnancy
    st.info(line, icon=":material/info:")
selected = views.filtered(catalogue, indicator_type=type_choice, period=period_choice)
if not selected:
    st.info(ti.NO_MATCH)
    st.stop()

with st.expander(ti.OVERVIEW_TABLE):
    st.dataframe(views.overview_table(catalogue, selected), hide_index=True, width="stretch")
    blocks.csv_download(views.overview_data(catalogue, selected), file_name=ti.FILE_OVERVIEW, key="download_overview")

names = {ind.id: views.indicator_label(ind) for ind in selected}
choice = state.bound_selectbox(ti.PICK_INDICATOR, list(names), state_key=state.INDICATOR, labels=names, store_shown=True)
indicator = catalogue.get(choice)
latest = headline.latest_for(catalogue, indicator)
source = headline.source_text(catalogue, indicator)

st.header(views.indicator_label(indicator))
left, right = st.columns([1, 2])
with left:
    st.metric(f"{ti.LABEL_LATEST} ({latest.year})", latest.value_text, delta=latest.delta_text, delta_color=latest.delta_colour, help=latest.help_text)
    if latest.counts_text:
        st.caption(latest.counts_text)
with right:
    st.markdown(f"**{ti.LABEL_NUMERATOR}:** {indicator.numerator}")
    st.markdown(f"**{ti.LABEL_DENOMINATOR}:** {indicator.denominator}")
    if indicator.definition_variant:
        st.markdown(f"**{ti.LABEL_DEFINITION}:** {indicator.definition_variant}")
    st.markdown(f"**{ti.LABEL_TYPE}:** {ti.TYPE_HEADER[indicator.type]} · **{ti.LABEL_PERIOD}:** {views.period_text(indicator)}")
    st.markdown(f"**{ti.LABEL_DIRECTION}:** {headline.direction_text(catalogue, indicator)}")
    st.markdown(f"**{ti.LABEL_SOURCE}:** {source}")
    if indicator.reference_date:
        st.markdown(f"**{ti.LABEL_REFERENCE_DATE}:** {indicator.reference_date}")
if indicator.caveat:
    st.warning(f"**{ti.CAVEAT_HEADER}.** {indicator.caveat}", icon=":material/warning:")
for line in views.trend_lines(catalogue, indicator):
    st.markdown(line)

view = views.history_view(catalogue, indicator, title=indicator.short_name)
if history.has_trend(view.frame):
    chart = partial(charts.history_chart, view.frame, title=indicator.short_name, unit=indicator.unit,
                    scale=presentation.chart_scale())
    blocks.chart_view(chart, view, key=f"download_{indicator.id}")
else:
    st.info(ti.ONLY_ONE_YEAR.format(year=latest.year))

st.subheader(ti.HISTORY_HEADER)
st.dataframe(views.history_table(catalogue, indicator), hide_index=True, width="stretch")
st.caption(tc.source_line(source))
blocks.csv_download(
    views.history_data(catalogue, indicator),
    file_name=ti.FILE_ALL_YEARS.format(indicator=indicator.id),
    key=f"download_all_years_{indicator.id}",
)

facts = views.fact_lines(catalogue, indicator=indicator)
if facts:
    st.subheader(ti.MORE_HEADER)
    st.markdown(views.bullets(facts))
