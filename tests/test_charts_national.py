"""Altair builders of the national pages (ks_data/charts/national.py), tested through their specs."""

from __future__ import annotations

import pytest

from ks_data.charts import national as charts
from ks_data.national import history
from ks_data.national.catalogue import load_catalogue
from ks_data.national.change import coalition_shares


@pytest.fixture(scope="module")
def catalogue():
    return load_catalogue()


def _dataset(spec: dict) -> list[dict]:
    (rows,) = spec["datasets"].values()
    return rows


def test_history_chart_plots_only_stated_years_with_dutch_locale(catalogue):
    ind = catalogue.get("no_kraamzorg")
    frame = history.history_frame(catalogue.values_for(ind.id), unit="%", decimals=1, series_names={})
    spec = charts.history_chart(frame, title="t", unit="%").to_dict()
    rows = _dataset(spec)
    assert sorted(r["year"] for r in rows) == ["2016", "2020"]
    assert [r["label"] for r in sorted(rows, key=lambda r: r["year"])] == ["6,3%", "9,5%"]
    # the axis shows the gap years, but no value is invented for them
    assert spec["layer"][0]["encoding"]["x"]["scale"]["domain"] == ["2016", "2017", "2018", "2019", "2020"]
    assert spec["config"]["locale"]["number"]["decimal"] == ","


def test_big2_chart_has_three_series_and_the_2016_2020_range_as_a_line(catalogue):
    """The monitor gives preterm and SGA over 2016-2020 only as a range ending at 2020: one bar per series in
    2020, the range as a rule, and the subtitle says so (no point for 2016)."""
    ind = catalogue.get("big2")
    frame = history.history_frame(catalogue.values_for("big2"), unit="%", decimals=1, series_names={s.id: s.name for s in ind.series})
    spec = charts.history_chart(frame, title="t", unit="%").to_dict()
    rows = _dataset(spec)
    assert {r["series"] for r in rows} == {s.name for s in ind.series}
    assert [r["year"] for r in rows] == ["2020"] * 3
    preterm = next(r for r in rows if r["series"].startswith("Vroeggeboorte"))
    assert (preterm["range_min"], preterm["range_max"], preterm["range_label"]) == (6.7, 6.9, "6,7% - 6,9% (2016-2020)")
    assert any(layer["mark"]["type"] == "rule" for layer in spec["layer"])
    assert any("laagste en hoogste waarde in 2016-2020" in line for line in spec["title"]["subtitle"])
    assert not any("JGZ" in line for line in spec["title"]["subtitle"])


def test_spread_is_drawn_when_present(catalogue):
    frame = history.history_frame(catalogue.values_for("speech_language"), unit="%", decimals=1, series_names={})
    spec = charts.history_chart(frame, title="t", unit="%").to_dict()
    assert any(layer["mark"]["type"] == "rule" for layer in spec["layer"])
    assert any("JGZ-organisaties" in line for line in spec["title"]["subtitle"])


def test_whole_percentage_series_keep_whole_percentages(catalogue):
    """Indicator 11's distribution is rounded to whole percentages in the monitor: 9%, 28%, 58%, not 9,0%."""
    ind = catalogue.get("vulnerable_families")
    frame = history.history_frame(catalogue.values_for(ind.id), unit="%", decimals=1,
                                  series_names={s.id: s.name for s in ind.series}, series_decimals=ind.series_decimals())
    labels = dict(zip(frame["series"], frame["label"]))
    assert labels == {"3 of meer risicofactoren": "4,9%", "2 risicofactoren": "9%", "1 risicofactor": "28%",
                      "Geen risicofactoren": "58%"}


def test_coalition_chart_stacks_to_100(catalogue):
    shares = coalition_shares(catalogue.coalitions, denominator="impuls")
    rows = _dataset(charts.coalition_chart(shares).to_dict())
    per_year = {}
    for r in rows:
        per_year[r["year"]] = per_year.get(r["year"], 0) + r["percentage"]
    assert all(total == pytest.approx(100) for total in per_year.values())
    assert "51% (n=140)" in {r["label"] for r in rows}


def _history(catalogue, indicator_id: str):
    ind = catalogue.get(indicator_id)
    names = {s.id: s.name for s in ind.series} or {ind.id: ind.short_name}
    return history.history_frame(catalogue.values_for(indicator_id), unit=ind.unit, decimals=ind.decimals,
                                 series_names=names, series_decimals=ind.series_decimals())


def test_history_frame_follows_the_indicators_series_order(catalogue):
    frame = _history(catalogue, "problem_debts")
    assert frame["series"].tolist()[:2] == ["Problematische schulden (totaal)"] * 2  # main series first, not a-z
    assert frame["year"].tolist()[:2] == [2016, 2020]


@pytest.mark.parametrize("indicator_id", ["big2", "no_kraamzorg", "speech_language", "out_of_home_placements"])
def test_history_export_holds_exactly_the_plotted_rows(catalogue, indicator_id):
    frame = _history(catalogue, indicator_id)
    unit = catalogue.get(indicator_id).unit
    plotted = _dataset(charts.history_chart(frame, title="t", unit=unit).to_dict())
    export = history.history_export(frame, unit=unit)
    assert [(str(r["year"]), r["series"], r["value"]) for r in plotted] == list(
        zip(export["Jaar"].astype(str), export["Reeks"], export["Waarde"])
    )
    assert set(export["Eenheid"]) == {unit}
    assert export["Waarde"].dtype == float  # numbers stay numbers; the CSV writer applies the notation


def test_history_export_has_spread_columns_only_when_the_chart_draws_them(catalogue):
    speech = history.history_export(_history(catalogue, "speech_language"), unit="%")
    assert speech[["Spreiding laagste", "Spreiding hoogste", "Soort spreiding"]].iloc[-1].tolist() == [
        2.5, 10.3, "tussen JGZ-organisaties"]
    big2 = history.history_export(_history(catalogue, "big2"), unit="%").set_index("Reeks")
    assert big2.loc["Vroeggeboorte (< 37 weken)", "Soort spreiding"] == "over 2016-2020"
    assert big2.loc["Big2 (totaal)", "Soort spreiding"] == ""
    kraamzorg = history.history_export(_history(catalogue, "no_kraamzorg"), unit="%")
    assert kraamzorg.columns.tolist() == ["Jaar", "Reeks", "Waarde", "Eenheid", "Bron (sectie)"]


def test_history_screen_table_is_formatted_like_the_chart_labels(catalogue):
    table = history.history_screen_table(_history(catalogue, "speech_language"), unit="%")
    assert table["Waarde"].tolist() == ["5,1%", "5,3%", "5,0%"]
    assert table["Spreiding tussen JGZ-organisaties"].iloc[-1] == "2,5% - 10,3%"
    big2 = history.history_screen_table(_history(catalogue, "big2"), unit="%")
    assert big2["Bereik over de jaren"].tolist() == ["", "6,7% - 6,9% (2016-2020)", "9,8% - 10,5% (2016-2020)"]


def test_history_alt_text_describes_chart_type_years_and_every_value(catalogue):
    text = history.history_alt_text(_history(catalogue, "big2"), title="Big2")
    assert text.startswith("Staafgrafiek: Big2, 2020.")
    assert "Big2 (totaal): 15,0% in 2020" in text and "Vroeggeboorte (< 37 weken): 6,7% in 2020" in text
    assert text.endswith("Met als lijn het bereik over 2016-2020: Vroeggeboorte (< 37 weken) 6,7% - 6,9%, "
                         "Laag geboortegewicht voor de zwangerschapsduur (< p10) 9,8% - 10,5%.")
    single = history.history_alt_text(_history(catalogue, "out_of_home_placements"), title="Uithuisplaatsingen")
    assert single == "Staafgrafiek: Uithuisplaatsingen, 2016 en 2020. 2,0 per 1000 in 2016, 1,8 per 1000 in 2020."
    assert history.history_alt_text(_history(catalogue, "speech_language"), title="t").endswith("als lijn.")


def test_coalition_alt_text_names_denominator_and_counts(catalogue):
    shares = coalition_shares(catalogue.coalitions, denominator="respondents")
    text = history.coalition_alt_text(shares, denominator_label="gemeenten die de vragenlijst beantwoordden")
    assert text.startswith("Gestapelde staafgrafiek: gemeenten naar stand van de lokale coalitie, 2019, 2020 en 2021,")
    assert "als percentage van de gemeenten die de vragenlijst beantwoordden" in text
    assert "2021: coalitie gevormd 65% (n=140), in ontwikkeling of in gesprek 31% (n=67), geen coalitie of onbekend 5% (n=10)" in text
