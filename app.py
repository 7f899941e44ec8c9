"""Frame and router of the Kansrijke Start dashboard: page config, shared state, navigation."""

from __future__ import annotations

import streamlit as st

from ks_data import paths
from ks_data.texts import common as tc
from ks_data.texts import pages as tp
from ks_data.ui import dutch, presentation, redirects, state, widgets, workspace


def _pages() -> dict[str, list[st.Page]]:
    """Navigation sections (Dutch titles) -> pages (English file names, Dutch url paths)."""
    return {
        **workspace.section(),  # hosted only (KS_HOSTED=1): the coalition's own workspace
        tc.SECTION_NATIONAL: [
            st.Page("app_pages/home.py", title=tp.HOME, icon=":material/home:", url_path="", default=True),
            st.Page("app_pages/indicators.py", title=tp.INDICATORS, icon=":material/monitoring:", url_path="indicatoren"),
            st.Page("app_pages/trends.py", title=tp.TRENDS, icon=":material/trending_up:", url_path="trends"),
        ],
        tc.SECTION_LOCAL: [
            st.Page("app_pages/profile.py", title=tp.PROFILE, icon=":material/location_city:", url_path="mijn-gemeente"),
            st.Page("app_pages/map.py", title=tp.MAP, icon=":material/map:", url_path="kaart"),
            st.Page("app_pages/report.py", title=tp.REPORT, icon=":material/print:", url_path="rapport"),
        ],
        tc.SECTION_ASSESSMENT: [
            st.Page("app_pages/assessment_fill.py", title=tp.ASSESSMENT_FILL, icon=":material/checklist:",
                    url_path="zelfevaluatie"),
            st.Page("app_pages/assessment_results.py", title=tp.ASSESSMENT_RESULTS, icon=":material/radar:",
                    url_path="zelfevaluatie-resultaten"),
            st.Page("app_pages/workshop_join.py", title=tp.WORKSHOP_JOIN, icon=":material/group_add:",
                    url_path="workshop"),
            st.Page("app_pages/workshop_host.py", title=tp.WORKSHOP_HOST, icon=":material/groups:",
                    url_path="workshop-scherm"),
        ],
        tc.SECTION_DATA: [
            st.Page("app_pages/data.py", title=tp.DATA, icon=":material/upload_file:", url_path="data"),
        ],
    }


def run() -> None:
    """Render the frame and the selected page."""
    st.set_page_config(page_title=tc.APP_TITLE, page_icon=str(paths.ASSETS_DIR / "favicon.png"), layout="wide")
    st.html(f"<style>{(paths.ASSETS_DIR / 'style.css').read_text(encoding='utf-8')}</style>")
    dutch.install()  # Streamlit's own English (uploader, tooltips, aria-labels) in Dutch, <html lang="nl">
    state.restore_from_url()
    presentation.restore_from_url()
    workspace.bind()  # this run's loaded files: the open workspace's (hosted), the laptop's otherwise
    pages = _pages()
    page = st.navigation(redirects.with_old_links(pages), position="hidden" if presentation.is_on() else "sidebar")
    # the gemeente picker in the sidebar, or in presentation mode in the bar with previous/next and the page menu
    presentation.render_controls([p for section in pages.values() for p in section], page,
                                 picker=widgets.gemeente_picker)
    state.mirror_to_url()  # before the page too: a page that calls st.stop() must not drop them from the link
    page.run()
    state.mirror_to_url()


run()
