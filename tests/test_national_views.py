"""Tiles and tables of the national pages (ks_data/national/views.py)."""

from __future__ import annotations

import pytest

from ks_data.national import views as overview
from ks_data.national.catalogue import load_catalogue


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
    assert (kraamzorg.arrow, kraamzorg.judgement_text, kraamzorg.colour) == ("▲", "verslechterd", "#B34D00")
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


@pytest.mark.parametrize("indicator_id", ["coalitions", "big2", "out_of_home_placements"])
def test_tile_tooltip_explains_teller_noemer_year_and_source(catalogue, indicator_id):
    tile = next(t for t in overview.tiles(catalogue) if t.indicator_id == indicator_id)
    ind = catalogue.get(indicator_id)
    assert f"**Teller:** {ind.numerator}" in tile.help_text
    assert f"**Noemer:** {ind.denominator}" in tile.help_text
    assert f"**Jaar:** {tile.year}" in tile.help_text
    assert f"**Bron:** RIVM, Monitor Kansrijke Start 2021, {ind.section}; {ind.source_org}" in tile.help_text


def test_tile_tooltip_names_the_year_compared_with(catalogue):
    tiles = {t.indicator_id: t for t in overview.tiles(catalogue)}
    assert "**Jaar:** 2020 (vergeleken met 2016)" in tiles["no_kraamzorg"].help_text
    assert "vergeleken" not in tiles["big2"].help_text  # Big2 itself has one stated year


def test_metric_tooltip_has_change_and_definition(catalogue):
    view = overview.latest_for(catalogue, catalogue.get("speech_language"))
    assert view.help_text.startswith("**Verandering:** verbeterd")
    assert "**Noemer:** Aantal kinderen waarover gegevens" in view.help_text and "Tabel 3" in view.help_text


def test_overview_data_is_the_screen_table_with_numbers(catalogue):
    selected = catalogue.select(types=("uitkomst",))
    data, table = overview.overview_data(catalogue, selected), overview.overview_table(catalogue, selected)
    assert data["Nr."].tolist() == table["Nr."].tolist() == [7, 8, 10, 11, 12, 13, 14, 15]
    placements = data.set_index("Nr.").loc[15]
    assert (placements["Waarde"], placements["Eenheid"], placements["Jaar"]) == (1.8, "per 1000", 2020)
    assert table.set_index("Nr.").loc[15, "Waarde"] == "1,8 per 1000"
    assert set(data["Soort"]) == {"Uitkomst"}


def test_history_data_keeps_counts_and_spread_as_numbers(catalogue):
    data = overview.history_data(catalogue, catalogue.get("speech_language"))
    last = data.iloc[-1]
    assert (last["Jaar"], last["Waarde"], last["Teller"], last["Noemer"]) == (2020, 5.0, 2913, 58480)
    assert (last["Spreiding laagste"], last["Spreiding hoogste"]) == (2.5, 10.3)
    table = overview.history_table(catalogue, catalogue.get("speech_language"))
    assert table["Teller"].iloc[-1] == "2.913" and len(table) == len(data)


def test_history_view_explains_the_chart(catalogue):
    ind = catalogue.get("big2")
    view = overview.history_view(catalogue, ind, title="Big2")
    assert view.explanation == (
        f"**Teller:** {ind.numerator} **Noemer:** {ind.denominator} **Jaren in de grafiek:** 2016 en 2020."
    )
    assert view.alt_text.startswith("Staafgrafiek: Big2, 2016 en 2020.")
    assert len(view.data) == len(view.table) == len(view.frame) == 5
    assert view.file_name == "kansrijke_start_big2.csv"
    assert view.source == "RIVM, Monitor Kansrijke Start 2021, Indicator 12 (Big2), Figuur 16; Perined"


@pytest.mark.parametrize(
    "denominator,counts", [("impuls", "2019: 147, 2020: 275, 2021: 273"), ("respondents", "2019: 140, 2020: 251, 2021: 217")]
)
def test_coalition_view_follows_the_denominator(catalogue, denominator, counts):
    view = overview.coalition_view(catalogue, denominator=denominator)
    assert f"({counts})" in view.explanation and "**Jaren in de grafiek:** 2019, 2020 en 2021." in view.explanation
    assert set(view.data["Noemer"]) == {int(n.split(": ")[1]) for n in counts.split(", ")}
    assert view.file_name == f"kansrijke_start_coalities_{denominator}.csv"
    assert "Tabel 1" in view.source
