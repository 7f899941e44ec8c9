"""Trends: coalitions 2019-2021 (switchable denominator), Big2 with its parts, families without kraamzorg."""

from functools import partial

import streamlit as st

from ks_data.charts import national as charts
from ks_data.national import views
from ks_data.texts import national as ti
from ks_data.ui import blocks, presentation, state

catalogue = blocks.catalogue_or_stop()

st.title(ti.TRENDS_TITLE)
st.write(ti.TRENDS_INTRO)

# Coalitions (Tabel 1); the denominator is part of the link
st.header(ti.COALITIONS_HEADER)
denominator = state.url_widget(
    st.segmented_control, ti.DENOMINATOR_CHOICE, list(ti.DENOMINATOR_LABEL), param="noemer", default="impuls",
    format_func=ti.DENOMINATOR_LABEL.get, required=True,
)
coalitions = views.coalition_view(catalogue, denominator=denominator)
chart = partial(charts.coalition_chart, coalitions.frame, scale=presentation.chart_scale(),
                subtitle=ti.COALITIONS_SUBTITLE.format(denominator=ti.DENOMINATOR_LABEL[denominator]))
blocks.chart_view(chart, coalitions, key="download_coalitions")
st.caption(ti.COALITIONS_NOTE)
with st.expander(ti.MORE_HEADER, icon=":material/info:"):
    st.markdown(views.bullets(views.fact_lines(catalogue, indicator=catalogue.get("coalitions"))))

# Big2 and kraamzorg: all stated years of each series
for indicator_id, header, title, note in (
    ("big2", ti.BIG2_HEADER, ti.BIG2_CHART_TITLE, ti.BIG2_NOTE),
    ("no_kraamzorg", ti.KRAAMZORG_HEADER, ti.KRAAMZORG_CHART_TITLE, None),
):
    indicator = catalogue.get(indicator_id)
    st.header(header)
    view = views.history_view(catalogue, indicator, title=title)
    chart = partial(charts.history_chart, view.frame, title=title, unit=indicator.unit,
                    scale=presentation.chart_scale())
    blocks.chart_view(chart, view, key=f"download_{indicator_id}")
    if note:
        st.caption(note)
    for line in views.trend_lines(catalogue, indicator):
        st.markdown(line)
    if indicator.caveat:
        st.caption(indicator.caveat)
