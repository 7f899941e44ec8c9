"""Reusable page blocks: a chart with its explanation, text alternative and download; tiles; data errors."""

from __future__ import annotations

import functools
import re
from pathlib import PurePosixPath
from collections.abc import Callable
from typing import TYPE_CHECKING, Union

import altair as alt
import pandas as pd
import streamlit as st

from ks_data import paths
from ks_data.core import export
from ks_data.core.validation import DataFileError, UnknownIndicator
from ks_data.perinatal import dataset as perinatal
from ks_data.perinatal import rates
from ks_data.texts import common as tc
from ks_data.texts import national as tn
from ks_data.texts import perinatal as tp
from ks_data.ui import adapters, cached, state, widgets

if TYPE_CHECKING:
    from ks_data.national.catalogue import Catalogue
    from ks_data.national.headline import Tile
    from ks_data.national.views import ChartView


# A frame, or a function that builds it: a download's frame is then built only when the file is asked for.
FrameSource = Union[pd.DataFrame, Callable[[], pd.DataFrame]]


def _csv_bytes(data: FrameSource, *, dutch: bool, synthetic: bool) -> bytes:
    return export.to_csv_bytes(data() if callable(data) else data, dutch=dutch, synthetic=synthetic)


def international_name(file_name: str) -> str:
    """File name of the international-notation download.

    >>> international_name("kansrijke_start_big2.csv")
    'kansrijke_start_big2_internationaal.csv'
    """
    path = PurePosixPath(file_name)
    return f"{path.stem}{tc.INTERNATIONAL_SUFFIX}{path.suffix or '.csv'}"


def csv_download(
    data: FrameSource,
    *,
    file_name: str,
    key: str,
    synthetic: bool = False,
    label: str = tc.DOWNLOAD_CSV,
) -> None:
    """A 'Download data' menu offering exactly ``data`` as CSV in Dutch or in international notation.

    Both files neutralise formula-like cells and carry 'synthetisch voorbeeld' on every row when
    ``synthetic``; the Dutch one (``;`` and decimal comma) opens correctly in Dutch Excel. A file is
    written when it is clicked (Streamlit's deferred download), not on every rerun of the page, and the
    click does not rerun the page.
    """
    with st.popover(label, icon=":material/download:", help=tc.DOWNLOAD_HELP):
        for dutch, text, name, suffix in ((True, tc.DOWNLOAD_DUTCH, file_name, "nl"),
                                          (False, tc.DOWNLOAD_INTERNATIONAL, international_name(file_name), "int")):
            st.download_button(
                text,
                data=functools.partial(_csv_bytes, data, dutch=dutch, synthetic=synthetic),
                file_name=name,
                mime="text/csv",
                key=f"{key}_{suffix}",
                icon=":material/download:",
                on_click="ignore",
            )


def show_chart(chart: alt.TopLevelMixin | functools.partial, *, alt_text: str) -> None:
    """Draw ``chart`` at page width with its alt text.

    ``chart`` is an Altair chart, or a ``functools.partial`` of a chart builder and its arguments: then the
    chart is built and converted once per distinct input (``cached.chart_spec``), which makes reruns of
    chart pages several times faster (issue 7).
    """
    if isinstance(chart, functools.partial):
        spec = cached.chart_spec(chart)
        if spec is not None:
            st.vega_lite_chart(spec=spec, width="stretch", alt=alt_text)
            return
        chart = chart()
    adapters.skip_validation(chart)
    st.altair_chart(chart, width="stretch", alt=alt_text)


def chart_with_source(
    chart: alt.TopLevelMixin | functools.partial,
    data: FrameSource,
    *,
    source: str,
    file_name: str,
    key: str,
    alt_text: str,
    synthetic: bool = False,
    explanation: str | None = None,
    table: pd.DataFrame | None = None,
) -> None:
    """A chart with everything that explains it: alt text, 'Bron:' line, optional definition caption,
    the table behind it (text alternative, folded) and a CSV download of exactly ``data``.

    ``chart``: an Altair chart or, cached, a ``functools.partial`` of a chart builder (see ``show_chart``).
    ``table`` is the screen version of ``data`` (formatted strings); ``data`` itself is shown when omitted.
    ``data`` may be a function building the frame: with ``table`` given, it then runs only for a download.
    """
    show_chart(chart, alt_text=alt_text)
    if explanation:
        st.caption(explanation)
    widgets.source_caption(source, synthetic=synthetic)
    with st.expander(tc.TABLE_ALTERNATIVE, icon=":material/table:"):
        shown = table if table is not None else data() if callable(data) else data
        st.dataframe(shown, hide_index=True, width="stretch")
    csv_download(data, file_name=file_name, key=key, synthetic=synthetic)


def chart_view(chart: functools.partial, view: ChartView, *, key: str) -> None:
    """:func:`chart_with_source` for a national ``ChartView``: its data, screen table, texts and file name."""
    chart_with_source(chart, view.data, source=view.source, file_name=view.file_name, key=key,
                      alt_text=view.alt_text, explanation=view.explanation, table=view.table)


def breakable(title: str) -> str:
    """``title`` with a soft hyphen inside joined names, so a narrow tile breaks 'Centering-Zwangerschap' there
    and not mid-syllable ('CenteringZwangerscha-p').

    >>> breakable("CenteringZwangerschap") == "Centering\u00adZwangerschap", breakable("Big2")
    (True, 'Big2')
    """
    return re.sub(r"(?<=[a-z])(?=[A-Z][a-z])", "\u00ad", title)


def indicator_tiles(tiles: list[Tile], *, page: str, per_row: int = 4) -> None:
    """A grid of Start tiles (``national.headline.Tile``): title with tooltip, value, year, trend arrow and
    judgement in its colour, the value compared with, and a link to the indicator on ``page``."""
    columns = st.columns(per_row)
    for position, tile in enumerate(tiles):
        with columns[position % per_row].container(border=True, height="stretch"):
            st.markdown(f"**{tile.number}. {breakable(tile.title)}**", help=tile.help_text)
            st.markdown(
                f"<div class='ks-tile-value'>{tile.value_text}</div>"
                f"<div class='ks-tile-year'>{tile.year}</div>"
                f"<div class='ks-tile-trend' style='color:{tile.colour}'>{tile.arrow} {tile.judgement_text}</div>"
                f"<div class='ks-tile-since'>{tile.since_text}</div>",
                unsafe_allow_html=True,
            )
            st.page_link(page, label=tn.TILE_LINK, icon=":material/arrow_forward:",
                         query_params={state.INDICATOR: tile.indicator_id})


def data_error(exc: DataFileError) -> None:
    """Show every problem of a data file as one Dutch error box (never a traceback)."""
    lines = "\n".join(f"- {problem}" for problem in exc.problems[:20])
    more = f"\n- … (+{len(exc.problems) - 20})" if len(exc.problems) > 20 else ""
    st.error(f"**{tc.LOAD_ERROR}** {exc.summary}\n\n{lines}{more}", icon=":material/error:")


def catalogue_or_stop() -> Catalogue:
    """The national indicator catalogue, or a Dutch error and a stopped page when the data are broken."""
    try:
        return cached.indicator_catalogue(str(paths.DATA_DIR))
    except DataFileError as exc:
        data_error(exc)
        st.stop()


def perinatal_or_stop(*, compact: bool = False) -> tuple[perinatal.PerinatalDataset, str, dict]:
    """The active perinatal data, its cache key and its options (periods, indicators), or a Dutch message
    and a stopped page; warns 'synthetisch voorbeeld' when the data are generated (``compact``: in one line,
    for a projector's first screen)."""
    try:
        data = cached.active_perinatal()
        key = cached.perinatal_key()
        options = cached.perinatal_options(key)
    except perinatal.NoPerinatalData as exc:
        st.info(exc.dutch())
        st.stop()
    except perinatal.StoredFileError:  # a damaged store must not show a traceback
        st.error(tp.STORE_DAMAGED, icon=":material/error:")
        st.stop()
    except rates.UnknownPeriod:  # data without any period the pages can show
        st.error(tp.NO_PERIODS, icon=":material/error:")
        st.stop()
    except UnknownIndicator as exc:  # a loaded column whose indicator is no longer described
        st.error(tp.ERROR_INDICATOR.format(detail=tp.INDICATOR_UNKNOWN.format(indicator=exc.args[0])))
        st.stop()
    if data.is_synthetic:
        st.warning(tp.SYNTHETIC_SHORT if compact else tc.SYNTHETIC_NOTE, icon=":material/science:")
    return data, key, options


def gemeente_or_stop(hint: str) -> str:
    """The gemeente code chosen in the sidebar, or ``hint`` (where to choose one) and a stopped page."""
    code = state.get(state.GEMEENTE)
    if not code:
        st.info(hint, icon=":material/location_city:")
        st.stop()
    return code
