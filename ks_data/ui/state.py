"""Cross-page selections (gemeente, indicator, period) in fixed session-state keys, mirrored to the URL."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import streamlit as st

# Session-state key -> URL query parameter (Dutch, because users see and share the link).
GEMEENTE = "gemeente"
INDICATOR = "indicator"
PERIOD = "periode"
SHARED_KEYS: tuple[str, ...] = (GEMEENTE, INDICATOR, PERIOD)


_LAST_URL = "_url_last_{key}"


def restore_from_url() -> None:
    """Adopt selections from the URL when it holds a value this session has not seen yet.

    That covers opening a shared link and following an in-app link with query parameters, while a
    value the app itself wrote to the URL does not override later choices.
    """
    for key in SHARED_KEYS:
        value = st.query_params.get(key)
        last = st.session_state.get(_LAST_URL.format(key=key))
        if value and value != last:
            st.session_state[key] = value
            st.session_state[_LAST_URL.format(key=key)] = value


def get(key: str, default: str | None = None) -> str | None:
    """The current cross-page selection for ``key``."""
    return st.session_state.get(key, default)


def set_selection(key: str, value: str | None) -> None:
    """Store a selection and mirror it to the URL so the view can be shared by link."""
    if value is None or value == "":
        st.session_state.pop(key, None)
        if key in st.query_params:
            del st.query_params[key]
        return
    st.session_state[key] = value
    _write_url(key, value)


def _write_url(key: str, value: str) -> None:
    st.session_state[_LAST_URL.format(key=key)] = value
    if st.query_params.get(key) != value:
        st.query_params[key] = value


def bound_selectbox(label: str, options: list[str], *, key: str, format_func=str, **kwargs) -> str | None:
    """A selectbox whose choice lives in the shared selection ``key`` (survives page switches, in the URL)."""
    if not options:
        return None
    widget_key = f"_widget_{key}"
    current = st.session_state.get(key)
    st.session_state[widget_key] = current if current in options else options[0]

    def _copy() -> None:
        set_selection(key, st.session_state[widget_key])

    choice = st.selectbox(label, options, key=widget_key, format_func=format_func, on_change=_copy, **kwargs)
    set_selection(key, choice)
    return choice


def mirror_to_url() -> None:
    """Write every current selection to the URL (call on each page run, after navigation)."""
    for key in SHARED_KEYS:
        value = st.session_state.get(key)
        if value:
            _write_url(key, value)


def url_widget(widget: Callable, label: str, options: Sequence[str], *, param: str, default: str, **kwargs) -> str:
    """A page-local choice (``st.radio``, ``st.segmented_control``, ``st.selectbox``) kept in the URL as ``param``.

    A shared link with ``?param=value`` opens the page with that choice; an unknown value falls back to
    ``default``. Unlike gemeente/indicator/period, the choice belongs to one page only.
    """
    options = list(options)
    widget_key = f"_url_{param}"
    wanted = st.query_params.get(param)
    if wanted in options and wanted != st.session_state.get(_LAST_URL.format(key=param)):
        st.session_state[widget_key] = wanted
    elif st.session_state.get(widget_key) not in options:
        st.session_state[widget_key] = default
    choice = widget(label, options, key=widget_key, **kwargs)
    if choice is None:  # a segmented control can be cleared; keep the last choice instead
        choice = default
    _write_url(param, str(choice))
    return choice
