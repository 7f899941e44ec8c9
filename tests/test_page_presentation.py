"""Presentation mode (ks_data/ui/presentation.py) through the app frame: URL switch, toggle, CSS, chart scale."""

from __future__ import annotations

import json

import pytest
from streamlit.testing.v1 import AppTest

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
