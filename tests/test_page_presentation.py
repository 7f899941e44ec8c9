"""Presentation mode (ks_data/ui/presentation.py) through the app frame: URL switch, toggle, CSS, chart scale."""

from __future__ import annotations

import json

import pytest
from streamlit.testing.v1 import AppTest

from ks_data.texts import common as tc
from tests.conftest import APP_FILE


def _run(**query: str) -> AppTest:
    at = AppTest.from_file(APP_FILE, default_timeout=60)
    at.query_params.update(query)
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def _presentation_css_loaded(at: AppTest) -> bool:
    """Whether assets/presentation.css (the rule hiding the sidebar) is on the page."""
    rule = '[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"]'
    return any(rule in getattr(getattr(h, "proto", None), "body", "") for h in at.get("html"))


def test_url_switches_presentation_on_and_exit_button_turns_it_off():
    at = _run(presentatie="1")
    assert [b.label for b in at.button if b.key == "presentation_off"] == ["Presentatiemodus uit"]
    assert _presentation_css_loaded(at)
    at.button(key="presentation_off").click().run()
    assert "presentatie" not in at.query_params
    assert [b.label for b in at.sidebar.button if b.key == "presentation_on"] == ["Presentatiemodus"]
    assert not _presentation_css_loaded(at)


def test_sidebar_toggle_turns_it_on_and_keeps_the_indicator():
    at = _run(indicator="big2")
    at.sidebar.button(key="presentation_on").click().run()
    assert at.query_params["presentatie"] == "1"
    assert at.session_state["indicator"] == "big2"


def _chart_fonts(page: str, **query: str) -> list[tuple[float, float]]:
    """(axis label size, value label size) of every chart on ``page``."""
    at = _run(**query)
    at.switch_page(page)
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    fonts = []
    for chart in at.get("vega_lite_chart"):
        spec = json.loads(chart.proto.spec)
        text_layers = [layer for layer in spec["layer"] if layer["mark"]["type"] == "text"]
        fonts.append((spec["config"]["axis"]["labelFontSize"], text_layers[0]["mark"]["fontSize"]))
    return fonts


@pytest.mark.parametrize("page,charts", [("app_pages/trends.py", 3), ("app_pages/indicators.py", 1)])
def test_every_national_chart_is_larger_in_presentation_mode(page, charts):
    assert _chart_fonts(page, presentatie="1", indicator="big2") == [(14 * 1.5, 13 * 1.5)] * charts
    assert _chart_fonts(page, indicator="big2") == [(14, 13)] * charts


# --- steering presentation mode (issue 15): previous / next, page menu, gemeente switch -------------------------
def _presenting(page: str = "app_pages/profile.py", **query: str) -> AppTest:
    at = _run(presentatie="1", **query)
    at.switch_page(page).run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def _menu_label(at: AppTest) -> str:
    """The page menu's label: the title of the page on screen."""
    return at.get("popover")[0].proto.popover.label


def test_presentation_bar_moves_to_the_next_and_previous_page_keeping_mode_and_gemeente(perinatal_env):
    """Given Mijn gemeente in presentation mode, then 'Volgende' opens Kaart and, from Kaart, 'Vorige' opens Mijn
    gemeente, with ?presentatie=1 and the gemeente kept (AppTest reruns from the page it last switched to, so
    each step starts from its own page)."""
    from ks_data.texts import pages as tp

    at = _presenting(gemeente="GM0363")
    assert _menu_label(at) == tp.PROFILE
    at.button(key="presentation_next").click().run()
    assert not at.exception and _menu_label(at) == tp.MAP
    assert (at.query_params["presentatie"], at.query_params["gemeente"]) in (("1", "GM0363"), (["1"], ["GM0363"]))
    assert _presentation_css_loaded(at)
    back = _presenting("app_pages/map.py", gemeente="GM0363")
    back.button(key="presentation_prev").click().run()
    assert not back.exception and _menu_label(back) == tp.PROFILE
    assert back.header[0].value.startswith("Wat valt op in Amsterdam")


def test_first_page_has_no_previous_and_last_page_has_no_next():
    at = _presenting("app_pages/home.py")
    assert at.button(key="presentation_prev").disabled and not at.button(key="presentation_next").disabled
    last = _presenting("app_pages/data.py")
    assert last.button(key="presentation_next").disabled and not last.button(key="presentation_prev").disabled


def test_page_menu_links_every_page_with_presentation_and_gemeente(perinatal_env):
    """Given presentation mode, then the page menu holds a link to every page of the app, each carrying
    presentatie=1 and the chosen gemeente, so a click stays in the mode."""
    from tests.support import app_url_paths

    at = _presenting(gemeente="GM0363")
    links = [(link.proto.page, link.proto.query_string) for link in at.get("page_link")
             if "presentatie=1" in link.proto.query_string]
    pages = [page for page, _ in links]
    assert sorted(p or "start" for p in pages) == sorted(p or "start" for p in app_url_paths())
    assert all("gemeente=GM0363" in query for _, query in links)


def test_gemeente_switch_in_presentation_mode_without_the_sidebar(perinatal_env):
    """Given presentation mode, then the gemeente search sits in the bar (not the hidden sidebar), and choosing
    a hit there switches the profile to that gemeente."""
    from tests.gemeente_search_box import type_search
    from ks_data.ui import widgets

    at = _presenting(gemeente="GM0363")
    assert [p.proto.popover.label for p in at.get("popover")][1] == tc.PRESENTATION_GEMEENTE
    assert not at.sidebar.button and not [m for m in at.sidebar.markdown if m.value.startswith("Gemeente")]
    type_search(at, "zwolle")
    hits = [b for b in at.main.button if str(b.key).startswith(widgets.HIT_KEY.split("{")[0])]
    assert hits, "typing in the presentation bar's search shows hits"
    next(b for b in hits if b.key.endswith("GM0193")).click().run()
    assert not at.exception and at.session_state["gemeente"] == "GM0193"
    assert at.header[0].value.startswith("Wat valt op in Zwolle")
