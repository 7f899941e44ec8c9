"""Tiles and tables of the national pages (ks_data/overview.py)."""

from __future__ import annotations

import pytest

from ks_data import overview
from ks_data.indicators import load_catalogue


@pytest.fixture(scope="module")
def catalogue():
    return load_catalogue()


def test_one_tile_per_indicator_with_latest_value(catalogue):
    tiles = {t.indicator_id: t for t in overview.tiles(catalogue)}
    assert len(tiles) == 15
    assert (tiles["big2"].value_text, tiles["big2"].year) == ("15,0%", 2020)
    assert (tiles["coalitions"].value_text, tiles["coalitions"].year) == ("51%", 2021)
    assert tiles["out_of_home_placements"].value_text == "1,8 per 1000"


def test_tile_trend_colour_follows_polarity(catalogue):
    tiles = {t.indicator_id: t for t in overview.tiles(catalogue)}
    kraamzorg = tiles["no_kraamzorg"]  # 6.3% -> 9.5%: up, and lower is better
    assert (kraamzorg.arrow, kraamzorg.judgement_text, kraamzorg.colour) == ("▲", "verslechterd", "#D55E00")
    debts = tiles["problem_debts"]  # 3.1% -> 1.9%: down, lower is better
    assert (debts.arrow, debts.judgement_text, debts.colour) == ("▼", "verbeterd", "#0072B2")
    placements = tiles["out_of_home_placements"]  # no desired direction: grey, says 'lager'
    assert placements.colour == "#6E6E6E" and placements.judgement_text.startswith("lager")
    assert tiles["big2"].judgement_text == "geen eerder cijfer"
    assert "t.o.v. 2016: 6,3%" == kraamzorg.since_text


def test_latest_for_speech_language(catalogue):
    view = overview.latest_for(catalogue, catalogue.get("speech_language"))
    assert view.value_text == "5,0%" and view.counts_text == "2.913 van 58.480"
    assert view.delta_text == "-0,3 procentpunt t.o.v. 2019" and view.delta_colour == "blue"


def test_history_table_lists_all_years_with_spread(catalogue):
    table = overview.history_table(catalogue, catalogue.get("overweight"))
    assert table["Jaar"].tolist() == [2018, 2019, 2020]
    assert table["Waarde"].tolist() == ["8,3%", "8,4%", "9,4%"]
    assert table["Spreiding tussen JGZ-organisaties"].iloc[-1] == "7,5% - 19,5%"


def test_derived_value_is_flagged(catalogue):
    table = overview.history_table(catalogue, catalogue.get("centering_parenting"))
    assert "Berekend uit teller en noemer" in table["Toelichting"].iloc[0]
