"""Start tiles and the latest value of an indicator (ks_data/national/headline.py)."""

from __future__ import annotations

import pytest

from ks_data.national import headline
from ks_data.national.catalogue import load_catalogue


@pytest.fixture(scope="module")
def catalogue():
    return load_catalogue()


def test_one_tile_per_indicator_with_latest_value(catalogue):
    tiles = {t.indicator_id: t for t in headline.tiles(catalogue)}
    assert len(tiles) == 15
    assert (tiles["big2"].value_text, tiles["big2"].year) == ("15,0%", 2020)
    assert (tiles["coalitions"].value_text, tiles["coalitions"].year) == ("51%", 2021)
    assert tiles["out_of_home_placements"].value_text == "1,8 per 1000"


def test_tile_trend_colour_follows_polarity(catalogue):
    tiles = {t.indicator_id: t for t in headline.tiles(catalogue)}
    kraamzorg = tiles["no_kraamzorg"]  # 6.3% -> 9.5%: up, and lower is better
    assert (kraamzorg.arrow, kraamzorg.judgement_text, kraamzorg.colour) == ("▲", "verslechterd", "#B34D00")
    debts = tiles["problem_debts"]  # 3.1% -> 1.9%: down, lower is better
    assert (debts.arrow, debts.judgement_text, debts.colour) == ("▼", "verbeterd", "#0072B2")
    placements = tiles["out_of_home_placements"]  # no desired direction: grey, says 'lager'
    assert placements.colour == "#6E6E6E" and placements.judgement_text.startswith("lager")
    assert tiles["big2"].judgement_text == "geen eerder cijfer"
    assert "t.o.v. 2016: 6,3%" == kraamzorg.since_text


def test_latest_for_speech_language(catalogue):
    view = headline.latest_for(catalogue, catalogue.get("speech_language"))
    assert view.value_text == "5,0%" and view.counts_text == "2.913 van 58.480"
    assert view.delta_text == "-0,3 procentpunt t.o.v. 2019" and view.delta_colour == "blue"


@pytest.mark.parametrize("indicator_id", ["coalitions", "big2", "out_of_home_placements"])
def test_tile_tooltip_explains_teller_noemer_year_and_source(catalogue, indicator_id):
    tile = next(t for t in headline.tiles(catalogue) if t.indicator_id == indicator_id)
    ind = catalogue.get(indicator_id)
    assert f"**Teller:** {ind.numerator}" in tile.help_text
    assert f"**Noemer:** {ind.denominator}" in tile.help_text
    assert f"**Jaar:** {tile.year}" in tile.help_text
    assert f"**Bron:** RIVM, Monitor Kansrijke Start 2021, {ind.section}; {ind.source_org}" in tile.help_text


def test_tile_tooltip_names_the_year_compared_with(catalogue):
    tiles = {t.indicator_id: t for t in headline.tiles(catalogue)}
    assert "**Jaar:** 2020 (vergeleken met 2016)" in tiles["no_kraamzorg"].help_text
    assert "vergeleken" not in tiles["big2"].help_text  # Big2 itself has one stated year


def test_metric_tooltip_has_change_and_definition(catalogue):
    view = headline.latest_for(catalogue, catalogue.get("speech_language"))
    assert view.help_text.startswith("**Verandering:** verbeterd")
    assert "**Noemer:** Aantal kinderen waarover gegevens" in view.help_text and "Tabel 3" in view.help_text


def test_tiles_by_type_groups_in_start_page_order(catalogue):
    groups = headline.tiles_by_type(headline.tiles(catalogue))
    assert [heading for heading, _ in groups] == [
        "Programmabreed", "Proces: ingevoerde activiteiten", "Uitkomst: gezondheid en situatie van gezinnen"]
    assert [[tile.number for tile in tiles] for _, tiles in groups] == [
        [1, 2], [3, 4, 5, 6, 9], [7, 8, 10, 11, 12, 13, 14, 15]]


def test_tiles_by_type_keeps_a_type_without_tiles(catalogue):
    outcome_only = [t for t in headline.tiles(catalogue) if t.type == "uitkomst"][:2]
    groups = headline.tiles_by_type(outcome_only)
    assert [len(tiles) for _, tiles in groups] == [0, 0, 2]
