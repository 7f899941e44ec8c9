"""Reusable page blocks: a chart with its source line and data download, and data-error reporting."""

from __future__ import annotations

import altair as alt
import pandas as pd
import streamlit as st

from ks_data import export
from ks_data.texts import common as tc
from ks_data.validation import DataFileError


def chart_with_source(
    chart: alt.TopLevelMixin,
    data: pd.DataFrame,
    *,
    source: str,
    file_name: str,
    key: str,
    synthetic: bool = False,
    alt_text: str | None = None,
) -> None:
    """Show a chart, the 'Bron:' line under it and a download of exactly ``data``."""
    st.altair_chart(chart, width="stretch", alt=alt_text)
    st.caption(tc.source_line(source))
    st.download_button(
        tc.DOWNLOAD_CSV,
        data=export.to_csv_bytes(data, synthetic=synthetic),
        file_name=file_name,
        mime="text/csv",
        key=key,
        icon=":material/download:",
    )


def data_error(exc: DataFileError) -> None:
    """Show every problem of a data file as one Dutch error box (never a traceback)."""
    lines = "\n".join(f"- {problem}" for problem in exc.problems[:20])
    more = f"\n- … (+{len(exc.problems) - 20})" if len(exc.problems) > 20 else ""
    st.error(f"**{tc.LOAD_ERROR}** {exc.summary}\n\n{lines}{more}", icon=":material/error:")


def catalogue_or_stop():
    """The national indicator catalogue, or a Dutch error and a stopped page when the data are broken."""
    from ks_data import paths
    from ks_data.ui import cached

    try:
        return cached.indicator_catalogue(str(paths.DATA_DIR))
    except DataFileError as exc:
        data_error(exc)
        st.stop()
