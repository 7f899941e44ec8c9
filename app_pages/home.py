"""Start: what Kansrijke Start is, a tile per national indicator with its latest value and trend, background facts."""

import streamlit as st

from ks_data import paths
from ks_data.national import headline, views
from ks_data.texts import national as ti
from ks_data.ui import blocks, cached

catalogue = blocks.catalogue_or_stop()  # a Dutch error instead of tiles when the data are broken

st.title(ti.HOME_TITLE)
st.write(ti.HOME_INTRO)
st.subheader(ti.HOME_TILES_HEADER)
st.caption(ti.JUDGEMENT_LEGEND)

for heading, tiles in headline.tiles_by_type(cached.overview_tiles(str(paths.DATA_DIR))):
    st.markdown(f"#### {heading}")
    blocks.indicator_tiles(tiles, page="app_pages/indicators.py")
st.caption(ti.HOME_SOURCE)

st.subheader(ti.BACKGROUND_HEADER)
st.markdown(views.bullets(views.fact_lines(catalogue)))
