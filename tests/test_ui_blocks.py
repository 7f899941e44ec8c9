"""ks_data/ui/blocks.py: charts drawn from a cached spec look exactly like st.altair_chart's, and are built once."""

from __future__ import annotations

import functools

from streamlit.testing.v1 import AppTest

from ks_data.charts import national as charts


def _two_ways() -> None:
    """The Big2 history chart drawn via blocks.show_chart (cached spec) and via st.altair_chart."""
    import functools

    import streamlit as st

    from ks_data.national import views as overview
    from ks_data.charts import national as charts
    from ks_data.ui import blocks

    catalogue = blocks.catalogue_or_stop()
    view = overview.history_view(catalogue, catalogue.get("big2"), title="Big2")
    call = functools.partial(charts.history_chart, view.frame, title="Big2", unit="%", scale=1.0)
    blocks.show_chart(call, alt_text="Big2 per jaar")
    st.altair_chart(call(), width="stretch", alt="Big2 per jaar")


def _indicator_chart() -> None:
    """The history chart of the indicator and at the scale held in session state."""
    import functools

    import streamlit as st

    from ks_data.national import views as overview
    from ks_data.charts import national as charts
    from ks_data.ui import blocks

    catalogue = blocks.catalogue_or_stop()
    indicator = catalogue.get(st.session_state.get("indicator", "big2"))
    view = overview.history_view(catalogue, indicator, title=indicator.short_name)
    blocks.show_chart(functools.partial(charts.history_chart, view.frame, title=indicator.short_name,
                                        unit=indicator.unit, scale=st.session_state.get("scale", 1.0)), alt_text="t")


def test_cached_chart_is_the_chart_streamlit_would_send() -> None:
    at = AppTest.from_function(_two_ways, default_timeout=60).run()
    assert not at.exception, [e.message for e in at.exception]
    cached_chart, direct = (c.proto for c in at.get("vega_lite_chart"))
    assert cached_chart.spec == direct.spec and cached_chart.alt == direct.alt == "Big2 per jaar"
    assert len(cached_chart.datasets) >= 1
    assert [d.data.data for d in cached_chart.datasets] == [d.data.data for d in direct.datasets]


def test_a_chart_is_built_once_per_distinct_input(monkeypatch) -> None:
    """Reruns with the same data reuse the spec; other data or another scale build a new one."""
    built: list[tuple[str, float]] = []
    real = charts.history_chart

    @functools.wraps(real)
    def counting(frame, **kwargs):
        built.append((kwargs["title"], kwargs["scale"]))
        return real(frame, **kwargs)

    monkeypatch.setattr(charts, "history_chart", counting)
    at = AppTest.from_function(_indicator_chart, default_timeout=60)
    at.session_state["scale"] = 1.25  # a scale no other test uses: the first build happens here
    at.run()
    at.run()
    assert not at.exception and built == [("Big2", 1.25)]
    at.session_state["indicator"] = "no_kraamzorg"
    at.run()
    at.session_state["scale"] = 1.75
    at.run()
    at.run()
    assert [scale for _, scale in built] == [1.25, 1.25, 1.75] and built[1][0] != "Big2"
