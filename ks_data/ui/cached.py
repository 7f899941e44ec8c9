"""Every st.cache_data / st.cache_resource wrapper, each around a plain loader that tests call directly."""

from __future__ import annotations

import streamlit as st
