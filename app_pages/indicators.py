"""Landelijke indicatoren: filter by type and period; definition, source, values and history per indicator."""

import streamlit as st

from ks_data import overview
from ks_data.charts import indicators as charts
from ks_data.texts import common as tc
from ks_data.texts import indicators as ti
from ks_data.ui import blocks, presentation, state

catalogue = blocks.catalogue_or_stop()

st.title(ti.INDICATORS_TITLE)
st.write(ti.INDICATORS_INTRO)

types = st.pills(
    ti.FILTER_TYPE, list(ti.TYPE_HEADER), format_func=ti.TYPE_HEADER.get, selection_mode="multi", key="filter_type"
)
periods = st.pills(
    ti.FILTER_PERIOD, list(ti.PERIOD_LABEL), format_func=ti.PERIOD_LABEL.get, selection_mode="multi", key="filter_period"
)
selected = catalogue.select(types=tuple(types), periods=tuple(periods))
if not selected:
    st.info(ti.NO_MATCH)
    st.stop()

with st.expander(ti.OVERVIEW_TABLE):
    st.dataframe(overview.overview_table(catalogue, selected), hide_index=True, width="stretch")

names = {ind.id: f"{ind.number}. {ind.name}" for ind in selected}
choice = state.bound_selectbox(ti.PICK_INDICATOR, list(names), key=state.INDICATOR, format_func=names.get)
indicator = catalogue.get(choice)
latest = overview.latest_for(catalogue, indicator)

st.header(f"{indicator.number}. {indicator.name}")
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
    st.markdown(f"**{ti.LABEL_TYPE}:** {ti.TYPE_HEADER[indicator.type]} · **{ti.LABEL_PERIOD}:** {overview.period_text(indicator)}")
    st.markdown(f"**{ti.LABEL_SOURCE}:** {overview.source_text(catalogue, indicator)}")
    if indicator.reference_date:
        st.markdown(f"**{ti.LABEL_REFERENCE_DATE}:** {indicator.reference_date}")
if indicator.caveat:
    st.warning(f"**{ti.CAVEAT_HEADER}.** {indicator.caveat}", icon=":material/warning:")

frame = charts.history_frame(
    catalogue.values_for(indicator.id),
    unit=indicator.unit,
    decimals=indicator.decimals,
    series_names={s.id: s.name for s in indicator.series} or {indicator.id: indicator.short_name},
)
if frame["year"].nunique() > 1 or frame["series"].nunique() > 1:
    blocks.chart_with_source(
        charts.history_chart(frame, title=indicator.short_name, unit=indicator.unit, scale=presentation.chart_scale()),
        frame,
        source=overview.source_text(catalogue, indicator),
        file_name=f"kansrijke_start_{indicator.id}.csv",
        key=f"download_{indicator.id}",
    )
else:
    st.info(ti.ONLY_ONE_YEAR.format(year=latest.year))

st.subheader(ti.HISTORY_HEADER)
st.dataframe(overview.history_table(catalogue, indicator), hide_index=True, width="stretch")
st.caption(tc.source_line(overview.source_text(catalogue, indicator)))
