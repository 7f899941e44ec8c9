"""Cross-page selections (gemeente, indicator, period) in fixed session-state keys, mirrored to the URL."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import streamlit as st
from streamlit.delta_generator import DeltaGenerator

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


def bound_selectbox(
    label: str,
    options: Sequence[str],
    *,
    state_key: str,
    widget_key: str | None = None,
    labels: dict[str, str] | None = None,
    default: str | None = None,
    store_shown: bool = False,
    area: DeltaGenerator | None = None,
) -> str | None:
    """The one selectbox bound to a shared selection ``state_key`` (survives page switches, in the URL).

    A stored value that is not among ``options`` (e.g. an indicator of another page) is ignored and
    ``default`` (or the first option) is shown instead; the shared value is then left as it was, unless
    ``store_shown`` asks to store what is shown (the page's own choice becomes the shared one).
    """
    area = area or st
    if not options:
        return None
    widget_key = widget_key or f"_widget_{state_key}"
    stored = get(state_key)
    current = stored if stored in options else (default if default in options else options[0])
    if st.session_state.get(widget_key) != current:
        st.session_state[widget_key] = current

    def _changed() -> None:
        set_selection(state_key, st.session_state.get(widget_key))

    area.selectbox(label, list(options), key=widget_key, on_change=_changed,
                   format_func=(lambda v: labels.get(v, v)) if labels else str)
    if store_shown:
        set_selection(state_key, current)
    return current


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
