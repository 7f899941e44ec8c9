"""Gemeenterapport: one printable HTML report of the chosen gemeente (profile, PC4 table, denkraam result)."""

import streamlit as st

from ks_data import paths
from ks_data.assessment import items as assessment
from ks_data.core.validation import UnknownIndicator
from ks_data.geo import cache as geo
from ks_data.perinatal import indicators as perinatal_indicators
from ks_data.perinatal import profile as rates_profile
from ks_data.perinatal import rates
from ks_data.perinatal.views import period_order
from ks_data.storage import assessments as storage_assessments
from ks_data.storage.db import StorageError
from ks_data.maps import values as map_values
from ks_data.reports import gemeente as mr
from ks_data.texts import assessment as ta
from ks_data.texts import common as tc
from ks_data.texts import pages as tpages
from ks_data.texts import perinatal as tp
from ks_data.texts import reports as tr
from ks_data.texts import storage as ts
from ks_data.ui import blocks, cached, presentation, state, workspace

st.title(tpages.REPORT)
st.html(f"<style>{(paths.ASSETS_DIR / 'report_print.css').read_text(encoding='utf-8')}</style>")  # Ctrl+P: the report
data, key, options = blocks.perinatal_or_stop(compact=presentation.is_on())
synthetic = data.is_synthetic
st.caption(tr.PAGE_INTRO)

code = blocks.gemeente_or_stop(tr.PICK)
left, right = st.columns(2)
period = state.bound_selectbox(tr.PERIOD_LABEL, period_order(options["periods"]), state_key=state.PERIOD,
                                 widget_key="_rapport_periode", default=options["default_period"], area=left)
labels = dict(options["indicators"])
indicator_id = state.bound_selectbox(tr.INDICATOR_LABEL, list(labels), state_key=state.INDICATOR,
                                       widget_key="_rapport_indicator", labels=labels, area=right)
all_pc4 = st.toggle(tr.ALL_PC4, key="_rapport_alle_pc4")
with_national = st.toggle(tr.WITH_NATIONAL, key="_rapport_landelijk")

try:
    spine = cached.perinatal_spine(key, code, period)
    chosen = list(labels) if all_pc4 else [i for i in (indicator_id,) if i]
    pc4 = tuple(mr.Pc4Table(perinatal_indicators.indicator(i), cached.perinatal_pc4(key, code, i, period))
                for i in chosen)
except rates.RATE_ERRORS:
    st.error(tp.ERROR_RATES.format(period=period))
    st.stop()
if spine.empty:
    st.warning(tp.PROFILE_UNKNOWN.format(code=code, source=data.source_label))
    st.stop()
name = rates_profile.area_name(spine)

pc4_map = None
geo_key = cached.geo_cache_key()
if geo_key and indicator_id:
    try:  # the map snapshot is extra: without it the report still has the PC4 table
        layer = cached.map_pc4_layer(geo_key, cached.map_data_key(), indicator_id, period, code,
                                     map_values.MODE_VALUE)
        pc4_map = mr.map_snapshot(layer, indicator_id=indicator_id,
                                  title=tr.MAP_TITLE.format(indicator=labels[indicator_id], period=period))
    except (geo.GeoCacheMissing, OSError, *rates.RATE_ERRORS):  # boundary cache gone or unreadable
        st.caption(tr.MAP_UNAVAILABLE)

national, national_source = None, ""
if with_national:
    catalogue = blocks.catalogue_or_stop()
    national, national_source = mr.national_frame(catalogue), catalogue.document

denkraam = None
try:
    bank = cached.item_bank(str(paths.DATA_DIR / assessment.ITEM_BANK_FILE))
    record = storage_assessments.latest_for_gemeente(name, code, workspace=workspace.current_id())
except StorageError as exc:
    st.warning(tr.DENKRAAM_UNAVAILABLE.format(detail=ts.storage_error(exc.kind)))
except assessment.ItemBankError as exc:
    st.warning(tr.DENKRAAM_UNAVAILABLE.format(detail=f"{ta.ITEM_BANK_ERROR} {exc}"))
else:
    if record is None:
        st.caption(tr.NO_DENKRAAM.format(name=tc.md_literal(name)))
    else:
        denkraam = mr.Denkraam(bank, record)
        st.caption(tr.DENKRAAM_FOUND.format(subtitle=ta.report_subtitle(
            coalition=record.coalition, gemeente=record.gemeente, day=record.assessment_date)))

content = mr.ReportContent(code=code, name=name, period=period, profile=spine, data_source=data.source_label,
                           synthetic=synthetic, pc4=pc4, pc4_map=pc4_map, national=national, national_source=national_source,
                           denkraam=denkraam)
try:
    html = mr.report_html(content)
except UnknownIndicator as exc:  # a profile row whose indicator is no longer described
    st.error(tr.ERROR.format(detail=tp.INDICATOR_UNKNOWN.format(indicator=exc.args[0])))
    st.stop()

st.download_button(tr.DOWNLOAD, html.encode("utf-8"), file_name=mr.file_name(code, period, synthetic=synthetic),
                   mime="text/html", key="dl_rapport", icon=":material/print:", help=tr.DOWNLOAD_HELP)
st.caption(tr.PRINT_HOW)
st.subheader(tr.PREVIEW_HEADING)
st.iframe(html, height="content", alt=tr.PREVIEW_ALT.format(name=name))  # its full height: Ctrl+P prints it whole
