"""Shared widgets: the sidebar gemeente picker, the 'Bron:' caption, a text+colour legend and the map frontend."""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import NamedTuple

import streamlit as st

from ks_data.geo import cache as geo
from ks_data.geo import lookups as geo_lookups
from ks_data.texts import common as tc
from ks_data.texts import maps as tm
from ks_data.ui import adapters, cached, state

PICKER_KEY = "_gemeente_picker"


def _label_options(year: int) -> dict[str, str] | None:
    """Code -> label ('Heerhugowaard (nu Dijk en Waard)') for the picker; None without cache."""
    key = cached.geo_cache_key()
    if not key:
        return None
    names = cached.gemeente_names(key, year)  # sorted by name
    successors = geo_lookups.successor_names(cached.gemeente_mapping(key)) if year == geo.DATA_YEAR else {}
    return {code: tm.PICKER_MERGED.format(name=name, successor=successors[code]) if code in successors else name
            for code, name in names.items()}


def _on_pick() -> None:
    state.set_selection(state.GEMEENTE, st.session_state.get(PICKER_KEY))


def gemeente_picker(*, year: int = geo.DATA_YEAR, sidebar: bool = True) -> str | None:
    """Searchable gemeente selectbox (type to search by name) bound to ``state.GEMEENTE`` and the URL.

    The stored value is a gemeente code of ``year`` (default the 2021 division the perinatal data
    uses; merged gemeenten show their 2023 successor). Returns the selected code or None. Without a
    boundary cache it shows a short note and returns the stored code (if any) unchanged.
    """
    area = st.sidebar if sidebar else st
    options = _label_options(year)
    current = state.get(state.GEMEENTE)
    if options is None:
        area.caption(tm.PICKER_NO_CACHE)
        return current
    if current is not None and current not in options:
        current = None  # unknown code in URL/state: ignore rather than fail
    if st.session_state.get(PICKER_KEY) != current:
        st.session_state[PICKER_KEY] = current  # sync after a map click or a URL change
    codes = list(options)
    area.selectbox(
        tm.PICKER_LABEL,
        codes,
        index=None,
        key=PICKER_KEY,
        format_func=options.__getitem__,
        placeholder=tm.PICKER_PLACEHOLDER,
        help=tm.PICKER_HELP,
        on_change=_on_pick,
    )
    return current


def source_caption(source: str, *, synthetic: bool = False) -> None:
    """The 'Bron: ...' line under a chart, map or table (plus 'synthetisch voorbeeld' when relevant)."""
    st.caption(tc.source_line(source, synthetic=synthetic))


def legend_markdown(items: Sequence[tuple], *, title: str | None = None, scale: float = 1.0) -> str:
    """HTML for a legend: one swatch + text label per (colour, label[, dashed]); never colour alone.

    ``scale`` > 1 enlarges text and swatches (presentation mode, ``presentation.chart_scale()``).

    >>> "abc" in legend_markdown([("#000000", "abc")])
    True
    >>> "dashed" in legend_markdown([("#cccccc", "geen gegevens", True)])
    True
    """
    rows = "".join(
        f'<div style="display:flex;align-items:center;gap:.5em;margin:.15em 0">'
        f'<span style="display:inline-block;flex:none;width:1.6em;height:1em;background:{item[0]};'
        f'border:1px {"dashed" if len(item) > 2 and item[2] else "solid"} #555"></span>'
        f'<span>{html.escape(item[1])}</span></div>'
        for item in items
    )
    heading = f"<div style='font-weight:600;margin-bottom:.2em'>{html.escape(title)}</div>" if title else ""
    return f'<div class="ks-legend" role="list" style="font-size:{scale:g}em">{heading}{rows}</div>'


def legend(items: Sequence[tuple], *, title: str | None = None, scale: float = 1.0) -> None:
    """Draw a legend (colour swatch + label per item, optional dashed outline) in Streamlit, e.g. beside a map."""
    st.html(legend_markdown(items, title=title, scale=scale))


# What the map frontend sends back on a click: the clicked GeoJSON feature (its properties carry the area
# code, maps.layers.CODE_PROPERTY) and the number of clicks so far. Nothing on pan or zoom.
CLICK_FEATURE = "last_active_drawing"
CLICK_COUNT = "last_object_clicked_count"


class MapClick(NamedTuple):
    """The last click on an area of a map: the area's code and the number of clicks so far (new per click)."""

    code: str
    count: int


def folium_map(args: dict, *, key: str, height: int, clickable: bool = False,
               overlay: str | None = None) -> MapClick | None:
    """Show a map full-width from ``adapters.map_component_args`` (cached); returns the last click on an area
    when ``clickable`` (None before any click).

    Only clicks on areas are sent back (nothing at all when not clickable), so panning and zooming do not
    rerun the page. ``overlay`` (``maps.outline_script``) is drawn on top; changing it keeps the map as
    drawn (same component key while the map itself is unchanged), so a click count tells a new click on
    the same area apart from the old one.
    """
    from ks_data.maps.layers import clicked_code

    defaults = {CLICK_FEATURE: None, CLICK_COUNT: None} if clickable else {}
    result = adapters.MAP_COMPONENT(
        script=args["script"], header=args["header"], html=args["html"], id=args["id"],
        css_links=args["css_links"], js_links=args["js_links"], height=height, width=None,
        returned_objects=list(defaults), default=defaults, zoom=None, center=None, feature_group=overlay,
        return_on_hover=False, layer_control=None, pixelated=False, wrap_longitude=False,
        key=f"{key}_{args['digest']}",
    )
    code = clicked_code((result or {}).get(CLICK_FEATURE)) if clickable else None
    return MapClick(code, int((result or {}).get(CLICK_COUNT) or 0)) if code else None
