"""Every st.cache_data / st.cache_resource wrapper, each around a plain loader that tests call directly."""

from __future__ import annotations

import streamlit as st

from pathlib import Path

from ks_data import indicators


@st.cache_data(show_spinner=False)
def indicator_catalogue(data_dir: str) -> indicators.Catalogue:
    """The validated national indicator data from ``data_dir`` (cached per folder)."""
    return indicators.load_catalogue(Path(data_dir))
