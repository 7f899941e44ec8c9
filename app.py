"""Frame and router of the Kansrijke Start dashboard: page config, shared state, navigation."""

from __future__ import annotations

import streamlit as st

from ks_data import paths
from ks_data.texts import common as tc
from ks_data.texts import pages as tp
from ks_data.ui import state


def _pages() -> dict[str, list[st.Page]]:
    """Navigation sections (Dutch titles) -> pages (English file names, Dutch url paths)."""
    return {
        tc.SECTION_NATIONAL: [
            st.Page("pages/home.py", title=tp.HOME, icon=":material/home:", url_path="start", default=True),
            st.Page("pages/indicators.py", title=tp.INDICATORS, icon=":material/monitoring:", url_path="indicatoren"),
            st.Page("pages/trends.py", title=tp.TRENDS, icon=":material/trending_up:", url_path="trends"),
        ],
    }


def run() -> None:
    """Render the frame and the selected page."""
    st.set_page_config(page_title=tc.APP_TITLE, page_icon=tc.APP_ICON, layout="wide")
    st.html(f"<style>{(paths.ASSETS_DIR / 'style.css').read_text(encoding='utf-8')}</style>")
    state.restore_from_url()
    page = st.navigation(_pages())
    page.run()
    state.mirror_to_url()


run()
