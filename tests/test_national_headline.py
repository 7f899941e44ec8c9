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
    placements = tiles["out_of_home_placements"]  # 2,0 -> 1,8 per 1000; VWS aims at fewer placements
    assert (placements.arrow, placements.judgement_text, placements.colour) == ("▼", "verbeterd", "#0072B2")
    vulnerable = tiles["vulnerable_families"]  # no desired direction and no earlier stated year
    assert (vulnerable.judgement_text, vulnerable.colour) == ("geen eerder cijfer", "#6E6E6E")
    assert tiles["big2"].judgement_text == "geen eerder cijfer"
    assert "t.o.v. 2016: 6,3%" == kraamzorg.since_text


@pytest.mark.parametrize("indicator_id,arrow,text", [("speech_language", "▼", "lager; voorzichtig interpreteren"),
                                                      ("overweight", "▲", "hoger; voorzichtig interpreteren")])
def test_jgz_tiles_never_say_better_or_worse_without_the_monitors_caution(catalogue, indicator_id, arrow, text):
    """Indicators 13 and 14: the monitor says the 2020 results 'moeten voorzichtig geïnterpreteerd worden',
    so the tile names the direction with that caution, in neutral grey, and its tooltip says why."""
    tile = next(t for t in headline.tiles(catalogue) if t.indicator_id == indicator_id)
    assert (tile.arrow, tile.judgement_text, tile.colour) == (arrow, text, "#6E6E6E")
    assert "verbeterd" not in tile.judgement_text and "verslechterd" not in tile.judgement_text
    assert "**Let op bij de trend:** De monitor vraagt de cijfers over 2020 voorzichtig te interpreteren" in tile.help_text


def test_a_tile_without_an_earlier_year_shows_the_monitors_own_trend_sentence(catalogue):
    tiles = {t.indicator_id: t for t in headline.tiles(catalogue)}
    assert tiles["late_start_pregnancy_care"].since_text == (
        "Monitor: Tussen 2014 en 2019 vrijwel stabiel, in 2019 iets hoger.")
    assert tiles["big2"].since_text == "Monitor: Vroeggeboorte en laag geboortegewicht dalen sinds 2018 licht."
    assert "**Trend volgens de monitor:**" in tiles["big2"].help_text


def test_direction_text_names_the_reason_and_its_source(catalogue):
    text = headline.direction_text(catalogue, catalogue.get("out_of_home_placements"))
    assert text.startswith("Lager is beter. Het actieprogramma wil dat minder baby's en jonge kinderen uit huis")
    assert "(Bron: Ministerie van VWS en Pharos, Factsheet Kansrijke Start (april 2019)" in text
    assert headline.direction_text(catalogue, catalogue.get("vulnerable_families")).startswith(
        "Geen gewenste richting (alleen hoger/lager). De indicator laat zien hoeveel kinderen")


def test_latest_for_speech_language(catalogue):
    view = headline.latest_for(catalogue, catalogue.get("speech_language"))
    assert view.value_text == "5,0%" and view.counts_text == "2.913 van 58.480"
    assert view.delta_text == "-0,3 procentpunt t.o.v. 2019" and view.delta_colour == "gray"  # to be read with care
    debts = headline.latest_for(catalogue, catalogue.get("problem_debts"))
    assert debts.delta_text == "-1,2 procentpunt t.o.v. 2016" and debts.delta_colour == "blue"


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
    assert view.help_text.startswith("**Verandering:** lager; voorzichtig interpreteren")
    assert "**Gewenste richting:** Lager is beter" in view.help_text
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
