"""Presentation mode for a projector: no sidebar or toolbar, larger text and charts; `?presentatie=1`."""

from __future__ import annotations

import streamlit as st

from ks_data import paths
from ks_data.texts import common as tc

KEY = "presentatie"
CHART_SCALE = 1.5
# HTML beside a map already grows with the page's root font (assets/presentation.css), so less extra here.
LEGEND_SCALE = 1.2
_ON_VALUES = {"1", "true", "ja", "aan"}


def restore_from_url() -> None:
    """Switch presentation mode on or off from the URL (a shared link carries it)."""
    value = st.query_params.get(KEY)
    if value is not None:
        st.session_state[KEY] = value.lower() in _ON_VALUES


def is_on() -> bool:
    """Whether presentation mode is on for this session."""
    return bool(st.session_state.get(KEY, False))


def chart_scale() -> float:
    """Font scale for charts: larger in presentation mode."""
    return CHART_SCALE if is_on() else 1.0


def legend_scale() -> float:
    """Font scale for an HTML legend beside a map: somewhat larger in presentation mode."""
    return LEGEND_SCALE if is_on() else 1.0


def _set(on: bool) -> None:
    st.session_state[KEY] = on
    if on:
        st.query_params[KEY] = "1"
    elif KEY in st.query_params:
        del st.query_params[KEY]


def render_controls() -> None:
    """The toggle in the sidebar, or (sidebar hidden) a small exit button above the page, plus the CSS."""
    if is_on():
        st.html(f"<style>{(paths.ASSETS_DIR / 'presentation.css').read_text(encoding='utf-8')}</style>")
        st.button(tc.PRESENTATION_OFF, icon=":material/close_fullscreen:", on_click=_set, args=(False,), key="presentation_off")
    else:
        st.sidebar.button(
            tc.PRESENTATION_ON, icon=":material/open_in_full:", on_click=_set, args=(True,), help=tc.PRESENTATION_HELP,
            key="presentation_on",
        )
