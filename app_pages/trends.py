"""Trends: coalitions 2019-2021 (switchable denominator), Big2 with its parts, families without kraamzorg."""

from functools import partial

import streamlit as st

from ks_data.national import views as overview
from ks_data.charts import national as charts
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
coalitions = overview.coalition_view(catalogue, denominator=denominator)
blocks.chart_with_source(
    partial(
        charts.coalition_chart,
        coalitions.frame,
        subtitle=ti.COALITIONS_SUBTITLE.format(denominator=ti.DENOMINATOR_LABEL[denominator]),
        scale=presentation.chart_scale(),
    ),
    coalitions.data,
    source=coalitions.source,
    file_name=coalitions.file_name,
    key="download_coalitions",
    alt_text=coalitions.alt_text,
    explanation=coalitions.explanation,
    table=coalitions.table,
)
st.caption(ti.COALITIONS_NOTE)

# Big2 and kraamzorg: all stated years of each series
for indicator_id, header, title, note in (
    ("big2", ti.BIG2_HEADER, ti.BIG2_CHART_TITLE, ti.BIG2_NOTE),
    ("no_kraamzorg", ti.KRAAMZORG_HEADER, ti.KRAAMZORG_CHART_TITLE, None),
):
    indicator = catalogue.get(indicator_id)
    st.header(header)
    view = overview.history_view(catalogue, indicator, title=title)
    blocks.chart_with_source(
        partial(charts.history_chart, view.frame, title=title, unit=indicator.unit, scale=presentation.chart_scale()),
        view.data,
        source=view.source,
        file_name=view.file_name,
        key=f"download_{indicator_id}",
        alt_text=view.alt_text,
        explanation=view.explanation,
        table=view.table,
    )
    if note:
        st.caption(note)
    if indicator.caveat:
        st.caption(indicator.caveat)
