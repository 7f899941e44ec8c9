"""Trends: coalitions 2019-2021 (switchable denominator), Big2 with its parts, families without kraamzorg."""

import streamlit as st

from ks_data import overview, trends
from ks_data.charts import indicators as charts
from ks_data.texts import indicators as ti
from ks_data.ui import blocks, presentation

catalogue = blocks.catalogue_or_stop()

st.title(ti.TRENDS_TITLE)
st.write(ti.TRENDS_INTRO)

# Coalitions (Tabel 1)
st.header(ti.COALITIONS_HEADER)
denominator = st.segmented_control(
    ti.DENOMINATOR_CHOICE,
    list(ti.DENOMINATOR_LABEL),
    format_func=ti.DENOMINATOR_LABEL.get,
    default="impuls",
    required=True,
    key="coalition_denominator",
)
shares = trends.coalition_shares(catalogue.coalitions, denominator=denominator)
coalitions = catalogue.get("coalitions")
blocks.chart_with_source(
    charts.coalition_chart(
        shares,
        subtitle=ti.COALITIONS_SUBTITLE.format(denominator=ti.DENOMINATOR_LABEL[denominator]),
        scale=presentation.chart_scale(),
    ),
    shares,
    source=overview.source_text(catalogue, coalitions),
    file_name=f"kansrijke_start_coalities_{denominator}.csv",
    key="download_coalitions",
)
st.caption(f"{ti.STATUS_OTHER_NOTE[denominator]} {ti.COALITIONS_NOTE}")
st.dataframe(trends.coalition_table(shares), hide_index=True, width="stretch")

# Big2 and kraamzorg: all stated years of each series
for indicator_id, header, title, note in (
    ("big2", ti.BIG2_HEADER, ti.BIG2_CHART_TITLE, ti.BIG2_NOTE),
    ("no_kraamzorg", ti.KRAAMZORG_HEADER, ti.KRAAMZORG_CHART_TITLE, None),
):
    indicator = catalogue.get(indicator_id)
    st.header(header)
    frame = charts.history_frame(
        catalogue.values_for(indicator_id),
        unit=indicator.unit,
        decimals=indicator.decimals,
        series_names={s.id: s.name for s in indicator.series} or {indicator.id: indicator.short_name},
    )
    blocks.chart_with_source(
        charts.history_chart(frame, title=title, unit=indicator.unit, scale=presentation.chart_scale()),
        frame,
        source=overview.source_text(catalogue, indicator),
        file_name=f"kansrijke_start_{indicator_id}.csv",
        key=f"download_{indicator_id}",
    )
    if note:
        st.caption(note)
    if indicator.caveat:
        st.caption(indicator.caveat)
