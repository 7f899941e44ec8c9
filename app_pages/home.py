"""Start: what Kansrijke Start is and a tile per national indicator with its latest value and trend."""

import streamlit as st

from ks_data import paths
from ks_data.texts import national as ti
from ks_data.ui import blocks, cached, state

blocks.catalogue_or_stop()  # a Dutch error instead of tiles when the data are broken

st.title(ti.HOME_TITLE)
st.write(ti.HOME_INTRO)
st.subheader(ti.HOME_TILES_HEADER)
st.caption(ti.JUDGEMENT_LEGEND)

tiles = cached.overview_tiles(str(paths.DATA_DIR))
for indicator_type in ti.TYPE_HEADER:
    group = [tile for tile in tiles if tile.type == indicator_type]
    st.markdown(f"#### {ti.TYPE_HEADER[indicator_type]}")
    columns = st.columns(4)
    for position, tile in enumerate(group):
        with columns[position % 4].container(border=True, height="stretch"):
            st.markdown(f"**{tile.number}. {tile.title}**", help=tile.help_text)
            st.markdown(
                f"<div class='ks-tile-value'>{tile.value_text}</div>"
                f"<div class='ks-tile-year'>{tile.year}</div>"
                f"<div class='ks-tile-trend' style='color:{tile.colour}'>{tile.arrow} {tile.judgement_text}</div>"
                f"<div class='ks-tile-since'>{tile.since_text}</div>",
                unsafe_allow_html=True,
            )
            st.page_link(
                "app_pages/indicators.py",
                label=ti.TILE_LINK,
                icon=":material/arrow_forward:",
                query_params={state.INDICATOR: tile.indicator_id},
            )
st.caption(ti.HOME_SOURCE)
