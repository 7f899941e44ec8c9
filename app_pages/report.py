"""Gemeenterapport: printable report of one gemeente (placeholder, being built)."""

import streamlit as st

from ks_data.texts import pages as tp

st.title(tp.REPORT)
