"""The detail views of 'Mijn gemeente' (comparison, trend, peers, PC4 areas, definitions): one is built per run."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

import pandas as pd
import streamlit as st

from ks_data.charts import perinatal as perinatal_charts
from ks_data.perinatal import captions
from ks_data.perinatal import indicators as perinatal_indicators
from ks_data.perinatal import profile as rates_profile
from ks_data.perinatal import views as tables
from ks_data.texts import common as tc
from ks_data.texts import perinatal as tp
from ks_data.ui import blocks, cached, state, widgets

URL_PARAM = "weergave"
DEFAULT = "vergelijking"


@dataclass(frozen=True)
class Profile:
    """What every detail view needs: the active data, the gemeente, the period and its overview rows."""

    key: str
    code: str
    name: str
    period: str
    spine: pd.DataFrame
    options: dict
    source_label: str
    synthetic: bool
    scale: float

    @property
    def shown_name(self) -> str:
        return tc.md_literal(self.name)  # a name from the user's file stays text in headings and links

    @property
    def overview_source(self) -> str:
        return tp.FIGURE_SOURCE.format(data=self.source_label, definition_source=captions.sources_text(self.spine))


def comparison(p: Profile) -> None:
    """The spine chart: every indicator against Nederland, with the spread over all gemeenten."""
    compared = rates_profile.compared(p.spine)
    if compared.empty:
        st.info(tp.NONE_COMPARED)
    else:
        blocks.chart_with_source(
            partial(perinatal_charts.spine_chart, compared, name=p.name, period=p.period, synthetic=p.synthetic,
                    subtitle=captions.spine_note(p.name), scale=p.scale),
            partial(tables.export_frame, compared, view="spine"), source=p.overview_source, synthetic=p.synthetic,
            key="dl_spine", file_name=tables.file_name("spine", synthetic=p.synthetic, code=p.code, period=p.period),
            alt_text=captions.spine_alt(compared, name=p.name, period=p.period),
            explanation=captions.spine_explanation(compared, period=p.period),
            table=tables.display(compared, view="spine"))
    if note := captions.not_compared_note(p.spine):
        st.caption(note)


def _indicator(p: Profile) -> tuple[str, perinatal_indicators.PerinatalIndicator, str]:
    """The indicator picker of the trend, peers and PC4 views, its definition and the figure source."""
    labels = dict(p.options["indicators"])
    indicator_id = state.bound_selectbox(tp.INDICATOR_LABEL, list(labels), state_key=state.INDICATOR,
                                         widget_key="_profiel_indicator", labels=labels)
    ind = perinatal_indicators.indicator(indicator_id)
    st.markdown(tp.DEFINITION.format(definition=ind.definition, variant=ind.variant))
    return indicator_id, ind, tp.FIGURE_SOURCE.format(data=p.source_label, definition_source=ind.source)


def trend(p: Profile) -> None:
    """The gemeente and Nederland over successive pooled periods, for one indicator."""
    indicator_id, ind, source = _indicator(p)
    found = cached.perinatal_trend(p.key, p.code, indicator_id)
    if found.empty:
        st.info(tp.TREND_NONE)
        return
    blocks.chart_with_source(
        partial(perinatal_charts.trend_chart, found,
                title=tp.CHART_TREND_TITLE.format(indicator=ind.short_title, name=p.name),
                unit=ind.unit, name=p.name, synthetic=p.synthetic, subtitle=ind.variant, scale=p.scale),
        partial(tables.export_frame, found, view="trend"), source=source, synthetic=p.synthetic, key="dl_trend",
        file_name=tables.file_name("trend", synthetic=p.synthetic, indicator=indicator_id, code=p.code),
        alt_text=captions.trend_alt(found, indicator=ind.short_title, name=p.name),
        explanation=captions.rate_explanation(indicator_id, period=captions.periods_text(found)),
        table=tables.display(found, view="trend"))


def peers(p: Profile) -> None:
    """The gemeente among the gemeenten with the nearest number of births, for one indicator."""
    indicator_id, ind, source = _indicator(p)
    found = cached.perinatal_peers(p.key, p.code, indicator_id, p.period)
    st.caption(captions.peers_note(found, name=p.shown_name))
    blocks.chart_with_source(
        partial(perinatal_charts.forest_chart, found,
                title=tp.CHART_PEERS_TITLE.format(indicator=ind.short_title, name=p.name, period=p.period),
                unit=ind.unit, synthetic=p.synthetic, subtitle=ind.variant, own=p.code, scale=p.scale),
        partial(tables.export_frame, found, view="peers"), source=source, synthetic=p.synthetic, key="dl_peers",
        file_name=tables.file_name("peers", synthetic=p.synthetic, indicator=indicator_id, code=p.code,
                                   period=p.period),
        alt_text=captions.peers_alt(found, indicator=ind.short_title, name=p.name, period=p.period),
        explanation=captions.rate_explanation(indicator_id, period=p.period),
        table=tables.display(found, view="peers"))


def pc4(p: Profile) -> None:
    """The PC4 areas of the gemeente (suppressed where small), for one indicator."""
    indicator_id, _, source = _indicator(p)
    found = cached.perinatal_pc4(p.key, p.code, indicator_id, p.period)
    if found.empty:
        st.info(tp.PC4_NONE)
        return
    st.caption(tp.PC4_NOTE)
    st.dataframe(tables.display(found, view="pc4"), hide_index=True, width="stretch")
    st.caption(captions.rate_explanation(indicator_id, period=p.period))
    widgets.source_caption(source, synthetic=p.synthetic)
    blocks.csv_download(partial(tables.export_frame, found, view="pc4"), synthetic=p.synthetic, key="dl_pc4",
                        file_name=tables.file_name("pc4", synthetic=p.synthetic, indicator=indicator_id,
                                                   code=p.code, period=p.period))


def definitions(p: Profile) -> None:
    """Every indicator in one table (counts, interval, Nederland, definition) and each definition in words."""
    st.dataframe(tables.display(p.spine, view="overview"), hide_index=True, width="stretch")
    blocks.csv_download(partial(tables.export_frame, p.spine, view="overview"), synthetic=p.synthetic, key="dl_overview",
                        file_name=tables.file_name("overview", synthetic=p.synthetic, code=p.code, period=p.period))
    st.subheader(tp.DEFINITIONS_HEADING)
    st.markdown("\n".join(f"- {line}" for line in captions.definition_lines(p.spine)))
    st.caption(captions.method_note(p.spine))
    widgets.source_caption(p.overview_source, synthetic=p.synthetic)


VIEWS: dict[str, Callable[[Profile], None]] = {
    "vergelijking": comparison, "trend": trend, "gemeenten": peers, "pc4": pc4, "definities": definitions,
}
