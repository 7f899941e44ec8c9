"""Shared widgets: the sidebar gemeente picker, the 'Bron:' caption and a text+colour legend."""

from __future__ import annotations

import html
from collections.abc import Sequence

import streamlit as st

# Imported here (the frame imports widgets before st.navigation) so the st_folium component is declared
# before the first page run: declaring it during a page's first run made Streamlit show "Page not found".
from streamlit_folium import st_folium

from ks_data import geo
from ks_data.texts import common as tc
from ks_data.texts import maps as tm
from ks_data.ui import cached, state

PICKER_KEY = "_gemeente_picker"


def _label_options(year: int) -> dict[str, str] | None:
    """Code -> label ('Heerhugowaard (nu Dijk en Waard)') for the picker; None without cache."""
    key = cached.geo_cache_key()
    if not key:
        return None
    names = cached.gemeenten(key, year)
    successors: dict[str, str] = {}
    if year == 2021:
        mapping = cached.gemeente_mapping(key)
        changed = mapping[mapping["gemeentecode_2021"] != mapping["gemeentecode_2023"]]
        successors = dict(zip(changed["gemeentecode_2021"], changed["gemeentenaam_2023"]))
    return {
        code: tm.PICKER_MERGED.format(name=name, successor=successors[code]) if code in successors else name
        for code, name in zip(names["gemeentecode"], names["gemeentenaam"])
    }


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
    text = tc.source_line(source)
    if synthetic and tc.SYNTHETIC_LABEL not in text:
        text = f"{text} · {tc.SYNTHETIC_LABEL}"
    st.caption(text)


def legend_markdown(items: Sequence[tuple], *, title: str | None = None) -> str:
    """HTML for a legend: one swatch + text label per (colour, label[, dashed]); never colour alone.

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
    return f'<div class="ks-legend" role="list">{heading}{rows}</div>'


def legend(items: Sequence[tuple], *, title: str | None = None) -> None:
    """Draw a legend (colour swatch + label per item, optional dashed outline) in Streamlit, e.g. beside a map."""
    st.html(legend_markdown(items, title=title))


def bound_selectbox(
    label: str,
    options: Sequence[str],
    *,
    state_key: str,
    widget_key: str,
    labels: dict[str, str] | None = None,
    default: str | None = None,
    area=None,
) -> str | None:
    """A selectbox whose value lives in the shared selection ``state_key`` (and so in the URL).

    A stored value that is not among ``options`` (e.g. an indicator of another page) is ignored and
    ``default`` (or the first option) is shown instead, without overwriting the shared value.
    """
    area = area or st
    if not options:
        return None
    stored = state.get(state_key)
    current = stored if stored in options else (default if default in options else options[0])
    if st.session_state.get(widget_key) != current:
        st.session_state[widget_key] = current

    def _changed() -> None:
        state.set_selection(state_key, st.session_state.get(widget_key))

    area.selectbox(label, list(options), key=widget_key, on_change=_changed,
                   format_func=(lambda v: labels.get(v, v)) if labels else str)
    return current


CLICK_TOOLTIP = "last_object_clicked_tooltip"


def folium_map(fmap, *, key: str, height: int, clickable: bool = False) -> str | None:
    """Show a folium.Map full-width; returns the text of the last clicked tooltip when ``clickable``.

    Only the clicked tooltip is sent back (nothing at all when not clickable), so panning and zooming
    do not rerun the page.
    """
    result = st_folium(fmap, key=key, height=height, use_container_width=True,
                       returned_objects=[CLICK_TOOLTIP] if clickable else [])
    return (result or {}).get(CLICK_TOOLTIP) if clickable else None
