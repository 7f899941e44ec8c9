"""Mijn gemeente: what stands out against Nederland first, then the tiles, then one detail view at a time."""

import streamlit as st

from ks_data.perinatal import captions, rates, summary, tiles
from ks_data.perinatal import profile as rates_profile
from ks_data.perinatal import views as tables
from ks_data.texts import perinatal as tp
from ks_data.ui import blocks, cached, presentation, profile_details, state, widgets

head, picker = st.columns([3, 1], vertical_alignment="bottom")
head.title(tp.PROFILE_TITLE)
data, key, options = blocks.perinatal_or_stop(compact=presentation.is_on())
synthetic = data.is_synthetic

code = blocks.gemeente_or_stop(tp.PROFILE_PICK)
period = state.bound_selectbox(tp.PERIOD_LABEL, tables.period_order(options["periods"]), state_key=state.PERIOD,
                               widget_key="_profiel_periode", default=options["default_period"], area=picker)
try:
    spine = cached.perinatal_spine(key, code, period)
except rates.RATE_ERRORS:
    st.error(tp.ERROR_RATES.format(period=period))
    st.stop()
if spine.empty:
    st.warning(tp.PROFILE_UNKNOWN.format(code=code, source=data.source_label))
    st.stop()
profile = profile_details.Profile(key=key, code=code, name=rates_profile.area_name(spine), period=period,
                                  spine=spine, options=options, source_label=data.source_label,
                                  synthetic=synthetic, scale=presentation.chart_scale())

# --- the gist: where the gemeente differs significantly from Nederland, then one tile per indicator ------
st.header(tp.GIST_HEADING.format(name=profile.shown_name, period=period))
st.markdown("\n".join(f"- {line}" for line in summary.gist(spine).lines()))
st.html(tiles.tiles_html(spine, source=data.source_label))
st.caption(captions.national_note(spine))
widgets.source_caption(profile.overview_source, synthetic=synthetic)
st.caption(tp.PROFILE_INTRO)

# --- one detail view at a time, kept in the URL (?weergave=trend): only the chosen one is built -----------
detail = state.url_widget(st.segmented_control, tp.DETAIL_LABEL, list(tp.DETAIL_VIEWS),
                          param=profile_details.URL_PARAM, default=profile_details.DEFAULT,
                          format_func=tp.DETAIL_VIEWS.__getitem__, required=True)
st.subheader(tp.DETAIL_HEADINGS[detail].format(name=profile.shown_name))
profile_details.VIEWS[detail](profile)

st.page_link("app_pages/map.py", label=tp.MAP_LINK.format(name=profile.shown_name), icon=":material/map:")
st.page_link("app_pages/report.py", label=tp.REPORT_LINK, icon=":material/print:")
