"""Shared widgets: the sidebar gemeente picker, the 'Bron:' caption, a text+colour legend and the map frontend."""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import NamedTuple

import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from st_keyup import st_keyup

from ks_data.core.validation import DataFileError
from ks_data.geo import cache as geo
from ks_data.geo import search as geo_search
from ks_data.texts import common as tc
from ks_data.texts import maps as tm
from ks_data.texts import search as ts
from ks_data.ui import adapters, cached, state

SEARCH_KEY = "ks_gemeente_zoek"  # st_keyup's own key may not start with "_" (its component key would hold "__")
HIT_KEY = "_gemeente_hit_{code}"


def _search_index(year: int) -> tuple[tuple, str | None]:
    """The search index of ``year`` (empty without a boundary cache) and a problem text for broken aliases."""
    key = cached.geo_cache_key()
    if not key:
        return (), None
    try:
        return cached.gemeente_search_index(key, year), None
    except DataFileError as exc:  # a broken data/gemeente_aliases.yaml must not cost the gemeente choice
        problem = "; ".join(p.message for p in exc.problems[:1])
        names = cached.gemeente_names(key, year)
        return geo_search.build_index(names), ts.ALIASES_BROKEN.format(problem=problem)


def _choose(code: str) -> None:
    """A click on a hit: choose it and empty the search box (the same box, so focus is not lost)."""
    state.set_selection(state.GEMEENTE, code)
    adapters.clear_keyup(SEARCH_KEY)


def _choose_first(year: int) -> None:
    """Enter in the search box: choose the best hit (nothing when there is none), shown ticked below the box.

    The typed text stays: streamlit-keyup ignores a value from Python while a keystroke is still on its way,
    so clearing here would leave the box out of step with the app after a fast "zwolle⏎".
    """
    hits = geo_search.search(_search_index(year)[0], st.session_state.get(SEARCH_KEY, "")).hits
    if hits:
        state.set_selection(state.GEMEENTE, hits[0].code)


def _results(area: DeltaGenerator, index: tuple, query: str, current: str | None) -> None:
    """The best hits as buttons (the chosen one ticked) and a count, or 'Geen resultaten'."""
    result = geo_search.search(index, query)
    if not result.hits:
        area.caption(ts.NO_RESULTS.format(query=query.strip()))
        return
    for hit in result.hits:
        text = geo_search.hit_label(hit)
        area.button(ts.HIT_CURRENT.format(label=text) if hit.code == current else text,
                    key=HIT_KEY.format(code=hit.code), on_click=_choose, args=(hit.code,), width="stretch",
                    type="tertiary")
    area.caption(ts.MORE_HITS.format(shown=len(result.hits), total=result.total) if result.total > len(result.hits)
                 else ts.ENTER_HINT)


def gemeente_picker(*, year: int = geo.DATA_YEAR, sidebar: bool = True) -> str | None:
    """The chosen gemeente and a search box (keystroke by keystroke) with the best hits as buttons below it.

    Bound to ``state.GEMEENTE`` and the URL. Matching ignores accents and case, knows common names
    ("Den Haag") and merged gemeenten (``ks_data.geo.search``); Enter chooses the first hit, "Geen
    resultaten" says when nothing matches. The stored value is a gemeente code of ``year`` (default the
    2021 division the perinatal data use; merged gemeenten show their 2023 successor). Returns the chosen
    code or None. Without a boundary cache it shows a short note and returns the stored code unchanged.
    """
    area = st.sidebar if sidebar else st
    index, problem = _search_index(year)
    current = state.get(state.GEMEENTE)
    if not index:
        area.caption(tm.PICKER_NO_CACHE)
        return current
    entry = next((e for e in index if e.code == current), None)
    current = entry.code if entry else None  # unknown code in URL/state: ignore rather than fail
    box = area.container(key="ks_gemeente_picker")
    box.container(key="ks_gemeente_current").markdown(
        ts.CURRENT.format(name=geo_search.display_name(entry.name, entry.successor)) if entry else ts.NONE_CHOSEN)
    search = box.container(key="ks_gemeente_search")  # in the sidebar the results float above it (style.css)
    with search:
        query = st_keyup(ts.SEARCH_LABEL, key=SEARCH_KEY, placeholder=ts.SEARCH_PLACEHOLDER, debounce=120,
                         on_submit=_choose_first, submit_args=(year,))
    if problem:
        search.caption(problem)
    if query.strip():
        _results(search.container(key="ks_gemeente_results"), index, query, current)
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

    defaults = {CLICK_COUNT: 0, CLICK_FEATURE: None} if clickable else {}  # as the map reports its start: no second run
    result = adapters.MAP_COMPONENT(
        script=args["script"], header=args["header"], html=args["html"], id=args["id"],
        css_links=args["css_links"], js_links=args["js_links"], height=height, width=None,
        returned_objects=list(defaults), default=defaults, zoom=None, center=None, feature_group=overlay,
        return_on_hover=False, layer_control=None, pixelated=False, wrap_longitude=False,
        key=f"{key}_{args['digest']}",
    )
    code = clicked_code((result or {}).get(CLICK_FEATURE)) if clickable else None
    return MapClick(code, int((result or {}).get(CLICK_COUNT) or 0)) if code else None
