"""Cross-page selections (gemeente, indicator, period) in fixed session-state keys, mirrored to the URL."""

from __future__ import annotations

import streamlit as st

# Session-state key -> URL query parameter (Dutch, because users see and share the link).
GEMEENTE = "gemeente"
INDICATOR = "indicator"
PERIOD = "periode"
SHARED_KEYS: tuple[str, ...] = (GEMEENTE, INDICATOR, PERIOD)


def restore_from_url() -> None:
    """Copy selections present in the URL into session state (once per session, before widgets)."""
    for key in SHARED_KEYS:
        if key in st.query_params and key not in st.session_state:
            st.session_state[key] = st.query_params[key]


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
    if st.query_params.get(key) != value:
        st.query_params[key] = value


def mirror_to_url() -> None:
    """Write every current selection to the URL (call on each page run, after navigation)."""
    for key in SHARED_KEYS:
        value = st.session_state.get(key)
        if value and st.query_params.get(key) != value:
            st.query_params[key] = value
