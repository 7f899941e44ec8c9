"""Altair builders of the national pages (ks_data/charts/indicators.py), tested through their specs."""

from __future__ import annotations

import pytest

from ks_data.charts import indicators as charts
from ks_data.indicators import load_catalogue
from ks_data.trends import coalition_shares


@pytest.fixture(scope="module")
def catalogue():
    return load_catalogue()


def _dataset(spec: dict) -> list[dict]:
    (rows,) = spec["datasets"].values()
    return rows


def test_history_chart_plots_only_stated_years_with_dutch_locale(catalogue):
    ind = catalogue.get("no_kraamzorg")
    frame = charts.history_frame(catalogue.values_for(ind.id), unit="%", decimals=1, series_names={})
    spec = charts.history_chart(frame, title="t", unit="%").to_dict()
    rows = _dataset(spec)
    assert sorted(r["year"] for r in rows) == ["2016", "2020"]
    assert [r["label"] for r in sorted(rows, key=lambda r: r["year"])] == ["6,3%", "9,5%"]
    # the axis shows the gap years, but no value is invented for them
    assert spec["layer"][0]["encoding"]["x"]["scale"]["domain"] == ["2016", "2017", "2018", "2019", "2020"]
    assert spec["config"]["locale"]["number"]["decimal"] == ","


def test_big2_chart_has_three_series(catalogue):
    ind = catalogue.get("big2")
    frame = charts.history_frame(catalogue.values_for("big2"), unit="%", decimals=1, series_names={s.id: s.name for s in ind.series})
    rows = _dataset(charts.history_chart(frame, title="t", unit="%").to_dict())
    assert {r["series"] for r in rows} == {s.name for s in ind.series}
    assert len(rows) == 5


def test_spread_is_drawn_when_present(catalogue):
    frame = charts.history_frame(catalogue.values_for("speech_language"), unit="%", decimals=1, series_names={})
    spec = charts.history_chart(frame, title="t", unit="%").to_dict()
    assert any(layer["mark"]["type"] == "rule" for layer in spec["layer"])


def test_coalition_chart_stacks_to_100(catalogue):
    shares = coalition_shares(catalogue.coalitions, denominator="impuls")
    rows = _dataset(charts.coalition_chart(shares).to_dict())
    per_year = {}
    for r in rows:
        per_year[r["year"]] = per_year.get(r["year"], 0) + r["percentage"]
    assert all(total == pytest.approx(100) for total in per_year.values())
    assert "51% (n=140)" in {r["label"] for r in rows}
