"""Presentation mode (ks_data/ui/presentation.py) through the app frame: URL switch, toggle, CSS, chart scale."""

from __future__ import annotations

import json

from streamlit.testing.v1 import AppTest

from tests.conftest import APP_FILE


def _run(**query: str) -> AppTest:
    at = AppTest.from_file(APP_FILE, default_timeout=60)
    at.query_params.update(query)
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def _presentation_css_loaded(at: AppTest) -> bool:
    return any("stSidebar" in (getattr(h, "proto", None).body if hasattr(h, "proto") else "") for h in at.get("html"))


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


def _axis_font_on_trends(**query: str) -> float:
    at = _run(**query)
    at.switch_page("app_pages/trends.py")
    at.run()
    return json.loads(at.get("vega_lite_chart")[0].proto.spec)["config"]["axis"]["labelFontSize"]


def test_charts_are_larger_in_presentation_mode():
    assert _axis_font_on_trends(presentatie="1") == 14 * 1.5
    assert _axis_font_on_trends() == 14
