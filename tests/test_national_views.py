"""Tables and charts of the national pages (ks_data/national/views.py)."""

from __future__ import annotations

import pytest

from ks_data.national import views as overview
from ks_data.national.catalogue import load_catalogue


@pytest.fixture(scope="module")
def catalogue():
    return load_catalogue()


def test_history_table_lists_all_years_with_spread(catalogue):
    table = overview.history_table(catalogue, catalogue.get("overweight"))
    assert table["Jaar"].tolist() == [2018, 2019, 2020]
    assert table["Waarde"].tolist() == ["8,3%", "8,4%", "9,4%"]
    assert table["Spreiding tussen JGZ-organisaties"].iloc[-1] == "7,5% - 19,5%"


def test_derived_value_is_flagged(catalogue):
    table = overview.history_table(catalogue, catalogue.get("centering_parenting"))
    assert "Berekend uit teller en noemer" in table["Toelichting"].iloc[0]


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
        f"**Teller:** {ind.numerator} **Noemer:** {ind.denominator} **Jaren in de grafiek:** 2020."
    )
    assert view.alt_text.startswith("Staafgrafiek: Big2, 2020.") and "bereik over 2016-2020" in view.alt_text
    assert len(view.data) == len(view.table) == len(view.frame) == 3
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


@pytest.mark.parametrize("indicator_type, period, numbers", [
    ("alle", "alle", list(range(1, 16))),
    ("proces", "alle", [3, 4, 5, 6, 9]),
    ("alle", "voor", [3, 8]),
    ("uitkomst", "na", [8, 10, 13, 14, 15]),
    ("programmabreed", "tijdens", []),
])
def test_filtered_selects_by_type_and_period_alle_means_all(catalogue, indicator_type, period, numbers):
    selected = overview.filtered(catalogue, indicator_type=indicator_type, period=period)
    assert [ind.number for ind in selected] == numbers


def test_indicator_label_is_number_and_name(catalogue):
    assert overview.indicator_label(catalogue.get("big2")).startswith("12. ")
    assert overview.indicator_label(catalogue.get("big2")) == f"12. {catalogue.get('big2').name}"


def test_history_table_of_indicator_11_follows_the_series_order_with_whole_percentages(catalogue):
    table = overview.history_table(catalogue, catalogue.get("vulnerable_families"))
    assert table["Reeks"].tolist() == ["3 of meer risicofactoren", "2 risicofactoren", "1 risicofactor",
                                       "Geen risicofactoren"]
    assert table["Waarde"].tolist() == ["4,9%", "9%", "28%", "58%"]
    assert table["Bereik over de jaren"].iloc[0] == "4,9% - 5,3% (2016-2019)"
    data = overview.history_data(catalogue, catalogue.get("vulnerable_families"))
    assert data["Soort spreiding"].tolist() == ["over 2016-2019", "", "", ""]


def test_trend_lines_quote_the_monitor_with_section(catalogue):
    (line,) = overview.trend_lines(catalogue, catalogue.get("late_start_pregnancy_care"))
    assert line.startswith("**Trend volgens de monitor:** Tussen 2014 en 2019 vrijwel stabiel")
    assert "“Dit percentage is tussen 2014 en 2019 heen vrijwel stabiel, maar neemt in 2019 iets toe”" in line
    assert "Indicator 7, Beschrijving en verdieping" in line
    assert overview.trend_lines(catalogue, catalogue.get("coalitions")) == []


def test_fact_lines_per_indicator_period_and_start_page(catalogue):
    phb = overview.fact_lines(catalogue, indicator=catalogue.get("prenatal_home_visits"))
    assert any("tussen week 20 en 25" in line for line in phb)
    assert any("217 (respons 79%)" in line and "Tekstbox 3" in line for line in phb)
    assert len(overview.fact_lines(catalogue)) == 3  # every background fact, on the Start page
    (before,) = overview.fact_lines(catalogue, period="voor")
    assert "vrijwel geen gegevens" in before and "Reflectie op methode" in before
    assert overview.fact_lines(catalogue, period="na") == []


def test_history_without_a_range_has_no_range_columns(catalogue):
    """An indicator without spread or range (placements) shows and downloads no empty range column."""
    table = overview.history_table(catalogue, catalogue.get("out_of_home_placements"))
    data = overview.history_data(catalogue, catalogue.get("out_of_home_placements"))
    assert not any(c.startswith(("Spreiding", "Bereik", "Soort spreiding")) for c in [*table.columns, *data.columns])
