"""Presentation mode for a projector: no sidebar or toolbar, larger text and charts; `?presentatie=1`.

The sidebar is hidden, so the mode carries its own bar: previous / next page, a page menu, the gemeente
switch and the exit button, each link keeping the mode and the shared selections (gemeente, indicator, periode).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

import streamlit as st

from ks_data import paths
from ks_data.texts import common as tc
from ks_data.ui import state

if TYPE_CHECKING:
    from streamlit.navigation.page import StreamlitPage

KEY = "presentatie"
CHART_SCALE = 1.5
# HTML beside a map already grows with the page's root font (assets/presentation.css), so less extra here.
LEGEND_SCALE = 1.2
_ON_VALUES = {"1", "true", "ja", "aan"}
BAR_KEY = "ks_presentation_bar"


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


def link_params() -> dict[str, str]:
    """The query parameters a page link in presentation mode carries: the mode and the shared selections."""
    params = {key: value for key in state.SHARED_KEYS if (value := state.get(key))}
    return {**params, KEY: "1"} if is_on() else params


def _position(pages: Sequence[StreamlitPage], current: StreamlitPage | None) -> int:
    """Index of ``current`` in ``pages`` (by url path and title); -1 when it is not there."""
    for index, page in enumerate(pages):
        if current is not None and (page.url_path, page.title) == (current.url_path, current.title):
            return index
    return -1


def _step(pages: Sequence[StreamlitPage], index: int, *, label: str, icon: str, key: str) -> None:
    """A previous/next button: goes to ``pages[index]`` keeping the mode and selections (disabled at an end)."""
    target = pages[index] if 0 <= index < len(pages) else None
    if st.button(label, icon=icon, key=key, disabled=target is None,
                 help=tc.PRESENTATION_GO_TO.format(page=target.title) if target else None):
        st.switch_page(target, query_params=link_params())


def _bar(pages: Sequence[StreamlitPage], current: StreamlitPage | None, picker: Callable[..., object] | None) -> None:
    """The presentation bar above the page: previous, page menu, next, gemeente switch, exit."""
    index = _position(pages, current)
    with st.container(horizontal=True, vertical_alignment="bottom", key=BAR_KEY):
        if pages:
            _step(pages, index - 1 if index > 0 else -1, label=tc.PRESENTATION_PREVIOUS,
                  icon=":material/arrow_back:", key="presentation_prev")
            with st.popover(current.title if current else tc.PRESENTATION_PAGES, icon=":material/menu:",
                            key="ks_presentation_pages"):  # no help text: its tooltip would cover the list
                for page in pages:
                    st.page_link(page, label=page.title, icon=page.icon or None, query_params=link_params())
            _step(pages, index + 1 if index >= 0 else -1, label=tc.PRESENTATION_NEXT,
                  icon=":material/arrow_forward:", key="presentation_next")
        if picker is not None:  # in a popover: a search with its results would push the page down
            with st.popover(tc.PRESENTATION_GEMEENTE, icon=":material/location_city:", key="ks_presentation_gemeente"):
                picker(sidebar=False)
        st.button(tc.PRESENTATION_OFF, icon=":material/close_fullscreen:", on_click=_set, args=(False,),
                  key="presentation_off")


def render_controls(pages: Sequence[StreamlitPage] = (), current: StreamlitPage | None = None, *,
                    picker: Callable[..., object] | None = None) -> None:
    """The gemeente ``picker`` and the presentation toggle in the sidebar; or, in presentation mode (sidebar
    hidden), the CSS and a bar above the page that moves through ``pages`` (the app's navigation order) and
    holds the gemeente switch, without leaving the mode."""
    if is_on():
        st.html(f"<style>{(paths.ASSETS_DIR / 'presentation.css').read_text(encoding='utf-8')}</style>")
        _bar(list(pages), current, picker)
        return
    if picker is not None:
        picker()
    st.sidebar.button(
        tc.PRESENTATION_ON, icon=":material/open_in_full:", on_click=_set, args=(True,), help=tc.PRESENTATION_HELP,
        key="presentation_on",
    )
