"""AppTest runs of the national pages: Start (app_pages/home.py), Landelijke indicatoren, Trends."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pandas as pd
import pytest
from streamlit import dataframe_util
from streamlit.testing.v1 import AppTest

from ks_data import paths
from tests.support import downloads, open_page

INDICATORS = "app_pages/indicators.py"
TRENDS = "app_pages/trends.py"


def _app(page: str | None = None, **query: str) -> AppTest:
    return open_page(page, **query)


def _markdown(at: AppTest) -> str:
    return "\n".join(m.value for m in at.markdown)


def _captions(at: AppTest) -> str:
    return "\n".join(c.value for c in at.caption)


def _downloads(at: AppTest, media: list) -> list[tuple[str, bytes]]:
    """(file name, bytes) of every download button of the last run, in page order."""
    return list(downloads(at, media).items())


def _read(content: bytes, *, dutch: bool) -> pd.DataFrame:
    text = content.decode("utf-8")
    assert text.startswith("\ufeff")  # BOM, so Excel reads UTF-8
    return pd.read_csv(io.StringIO(text[1:]), sep=";" if dutch else ",", decimal="," if dutch else ".")


def _pair(downloads: list[tuple[str, bytes]], file_name: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The Dutch and international download of ``file_name`` (checked for notation), as frames."""
    files = dict(downloads)
    dutch, international = files[file_name], files[file_name.replace(".csv", "_internationaal.csv")]
    assert dutch.decode("utf-8").splitlines()[0].count(";") > 0
    assert international.decode("utf-8").splitlines()[0].count(";") == 0
    return _read(dutch, dutch=True), _read(international, dutch=False)


def _charts(at: AppTest) -> list:
    return at.get("vega_lite_chart")


def _chart_data(chart) -> pd.DataFrame:
    """The rows a chart plots (its Arrow dataset)."""
    (dataset,) = chart.proto.datasets
    return dataframe_util.convert_arrow_bytes_to_pandas_df(dataset.data.data)


def test_start_shows_a_tile_per_indicator_with_value_year_and_trend():
    at = _app()
    assert at.title[0].value == "Kansrijke Start"
    text = _markdown(at)
    for label in ("1. Lokale coalities", "12. Big2", "10. Geen kraamzorg", "15. Uithuisplaatsingen"):
        assert f"**{label}**" in text
    assert "15,0%" in text and "9,5%" in text and "1,8 per 1000" in text
    assert "▲ verslechterd" in text  # kraamzorg 6,3% -> 9,5%
    assert "t.o.v. 2020: 21%" in text  # coalitions 21% -> 51%
    assert any(m.value.startswith("Kansrijke Start is het landelijke actieprogramma") for m in at.markdown)


def test_every_start_tile_explains_its_number_in_a_tooltip():
    at = _app()
    helps = {m.value: m.help for m in at.markdown if m.value.startswith("**") and m.help}
    assert len(helps) == 15
    for text in helps.values():
        assert all(part in text for part in ("**Teller:**", "**Noemer:**", "**Jaar:**", "**Bron:** RIVM, Monitor Kansrijke Start 2021"))
    assert "**Jaar:** 2021 (vergeleken met 2020)" in helps["**1. Lokale coalities**"]
    tiles = _markdown(at)
    assert "<div class='ks-tile-year'>2021</div>" in tiles  # the year stays visible next to the value


def test_indicator_page_shows_definition_source_and_history():
    at = _app(INDICATORS, indicator="speech_language")
    assert at.header[0].value.startswith("13. Kinderen die negatief scoren op spraak-taal")
    metric = at.metric[0]
    assert metric.value == "5,0%" and "2020" in metric.label
    assert "**Teller:**" in metric.help and "**Bron:** RIVM, Monitor Kansrijke Start 2021" in metric.help
    text = _markdown(at)
    assert "**Teller:**" in text and "**Noemer:**" in text and "Tabel 3" in text
    assert "coronapandemie" in at.warning[0].value
    history = at.dataframe[-1].value
    assert history["Waarde"].tolist() == ["5,1%", "5,3%", "5,0%"]


def test_indicator_chart_is_explained_and_downloads_exactly_its_data(media):
    at = _app(INDICATORS, indicator="speech_language")
    (chart,) = _charts(at)
    assert chart.proto.alt == (
        "Staafgrafiek: Spraak-taal rond 2 jaar, 2018, 2019 en 2020. 5,1% in 2018, 5,3% in 2019, 5,0% in 2020."
        " Met de spreiding tussen de JGZ-organisaties als lijn."
    )
    captions = _captions(at)
    assert "**Noemer:** Aantal kinderen waarover gegevens" in captions
    assert "**Jaren in de grafiek:** 2018, 2019 en 2020." in captions
    table = at.dataframe[1].value  # the chart's text alternative (after the folded overview table)
    assert table["Spreiding tussen JGZ-organisaties"].tolist() == ["2,8% - 8,9%", "2,9% - 10,1%", "2,5% - 10,3%"]
    downloads = _downloads(at, media)
    assert len(downloads) == 6  # overview table, chart, full history: each in two notations
    dutch, international = _pair(downloads, "kansrijke_start_speech_language.csv")
    pd.testing.assert_frame_equal(dutch, international)
    plotted = _chart_data(chart)
    assert dutch["Jaar"].tolist() == plotted["year"].astype(int).tolist() == [2018, 2019, 2020]
    assert dutch["Waarde"].tolist() == plotted["value"].tolist() == [5.1, 5.3, 5.0]
    assert dutch["Spreiding hoogste"].tolist() == [8.9, 10.1, 10.3]
    raw = dict(downloads)["kansrijke_start_speech_language.csv"].decode("utf-8")
    assert "2020;Spraak-taal rond 2 jaar;5,0;%;2,5;10,3;tussen JGZ-organisaties;Indicator 13, Tabel 3" in raw
    raw = dict(downloads)["kansrijke_start_speech_language_internationaal.csv"].decode("utf-8")
    assert '2020,Spraak-taal rond 2 jaar,5.0,%,2.5,10.3,tussen JGZ-organisaties,"Indicator 13, Tabel 3"' in raw


def test_overview_and_history_tables_download_their_rows(media):
    at = _app(INDICATORS, indicator="speech_language", soort="uitkomst")
    downloads = _downloads(at, media)
    overview, overview_int = _pair(downloads, "kansrijke_start_indicatoren_overzicht.csv")
    pd.testing.assert_frame_equal(overview, overview_int)
    assert overview["Nr."].tolist() == at.dataframe[0].value["Nr."].tolist() == [7, 8, 10, 11, 12, 13, 14, 15]
    assert overview.set_index("Nr.").loc[15, ["Waarde", "Eenheid"]].tolist() == [1.8, "per 1000"]
    history, history_int = _pair(downloads, "kansrijke_start_speech_language_alle_jaren.csv")
    pd.testing.assert_frame_equal(history, history_int)
    shown = at.dataframe[-1].value
    assert history["Jaar"].tolist() == shown["Jaar"].tolist()
    assert history["Teller"].tolist() == [4725, 4809, 2913] and shown["Teller"].tolist() == ["4.725", "4.809", "2.913"]
    assert "2020;5,0;%;2913;58480" in dict(downloads)["kansrijke_start_speech_language_alle_jaren.csv"].decode("utf-8")


def test_indicator_filter_by_type_limits_the_choice_and_goes_into_the_url():
    at = _app(INDICATORS)
    at.button_group(key="_url_soort").set_value("programmabreed").run()
    assert not at.exception
    assert [o for o in at.selectbox[0].options] == [
        "1. Gemeenten met een lokale of regionale coalitie rondom de eerste 1000 levensdagen",
        "2. Gemeenten met een gezamenlijk plan van aanpak Kansrijke Start",
    ]
    assert at.query_params["soort"] == "programmabreed"


@pytest.mark.parametrize(
    "query,numbers",
    [({"soort": "programmabreed"}, [1, 2]), ({"fase": "voor"}, [3, 8]), ({"soort": "uitkomst", "fase": "tijdens"}, [7, 8, 12])],
)
def test_a_link_with_filters_reproduces_the_filtered_view(query, numbers):
    at = _app(INDICATORS, **query)
    overview = at.dataframe[0].value
    assert overview["Nr."].tolist() == numbers
    assert [int(o.split(".")[0]) for o in at.selectbox[0].options] == numbers
    assert at.header[0].value.startswith(f"{numbers[0]}. ")


def test_a_link_with_an_unknown_filter_value_shows_everything():
    at = _app(INDICATORS, soort="onzin")
    assert len(at.dataframe[0].value) == 15 and not at.error
def test_single_year_indicator_says_so():
    at = _app("app_pages/indicators.py", indicator="late_start_pregnancy_care")
    assert any("alleen het jaar 2019" in i.value for i in at.info)


def _formed_2021(table: pd.DataFrame) -> pd.Series:
    return table[(table["Jaar"] == 2021) & (table["Stand"] == "Coalitie gevormd")].iloc[0]


def test_trends_page_switches_denominator_and_keeps_it_in_the_url():
    at = _app(TRENDS)
    headers = [h.value for h in at.header]
    assert headers[:3] == ["Lokale coalities 2019-2021", "Big2: vroeggeboorte en/of laag geboortegewicht", "Gezinnen zonder kraamzorg"]
    assert _formed_2021(at.dataframe[0].value)["Percentage in Tabel 1"] == "51%"
    at.button_group(key="_url_noemer").set_value("respondents").run()
    formed = _formed_2021(at.dataframe[0].value)
    assert formed["Percentage in Tabel 1"] == "65%" and formed["Noemer"] == 217
    assert at.query_params["noemer"] == "respondents"
    assert "Bron: RIVM, Monitor Kansrijke Start 2021" in _captions(at)


def test_a_link_with_the_denominator_shows_that_view(media):
    at = _app(TRENDS, noemer="respondents")
    chart = _chart_data(_charts(at)[0])
    formed = chart[(chart["year"] == "2021") & (chart["status"] == "Coalitie gevormd")].iloc[0]
    assert formed["label"] == "65% (n=140)"
    assert "**Noemer:** gemeenten die de vragenlijst beantwoordden (2019: 140, 2020: 251, 2021: 217)" in _captions(at)
    assert _formed_2021(at.dataframe[0].value)["Noemer"] == 217
    dutch, _ = _pair(_downloads(at, media), "kansrijke_start_coalities_respondents.csv")
    assert set(dutch["Noemer"]) == {140, 251, 217}


def test_every_trends_chart_has_alt_text_explanation_table_and_both_downloads(media):
    at = _app(TRENDS)
    charts = _charts(at)
    alts = [c.proto.alt for c in charts]
    assert alts[0].startswith("Gestapelde staafgrafiek: gemeenten naar stand van de lokale coalitie, 2019, 2020 en 2021")
    assert alts[1].startswith("Staafgrafiek: Big2 en zijn onderdelen") and "Big2 (totaal): 15,0% in 2020" in alts[1]
    assert alts[2].startswith("Staafgrafiek: Gezinnen die geen gebruik maken van kraamzorg") and "9,5% in 2020" in alts[2]
    captions = _captions(at)
    assert captions.count("**Teller:**") == 3 and "**Jaren in de grafiek:** 2016 en 2020." in captions
    assert [e.label for e in at.expander] == ["Tabel bij deze grafiek", "Meer uit de monitor", "Tabel bij deze grafiek",
                                              "Tabel bij deze grafiek"]
    downloads = _downloads(at, media)
    assert len(downloads) == 6
    dutch, international = _pair(downloads, "kansrijke_start_coalities_impuls.csv")
    pd.testing.assert_frame_equal(dutch, international)
    chart = _chart_data(charts[0])
    assert dutch["Aantal gemeenten"].tolist() == chart["count"].tolist()
    assert dutch["Percentage (berekend)"].tolist() == pytest.approx(chart["percentage"].tolist())
    raw = dict(downloads)["kansrijke_start_coalities_impuls.csv"].decode("utf-8")
    assert "2021;Coalitie gevormd;140;273;51,28" in raw  # decimal comma, semicolons
    raw = dict(downloads)["kansrijke_start_coalities_impuls_internationaal.csv"].decode("utf-8")
    assert "2021,Coalitie gevormd,140,273,51.28" in raw
    for position, name in ((1, "kansrijke_start_big2.csv"), (2, "kansrijke_start_no_kraamzorg.csv")):
        dutch, international = _pair(downloads, name)
        pd.testing.assert_frame_equal(dutch, international)
        chart = _chart_data(charts[position])
        assert list(zip(dutch["Jaar"].astype(str), dutch["Reeks"], dutch["Waarde"])) == list(
            zip(chart["year"].astype(str), chart["series"], chart["value"])
        )
    assert "6,3" in dict(downloads)["kansrijke_start_no_kraamzorg.csv"].decode("utf-8")


@pytest.fixture
def corrupt_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "data"
    shutil.copytree(paths.DATA_DIR, folder, ignore=shutil.ignore_patterns("cache"))
    values = folder / "indicator_values.csv"
    lines = values.read_text(encoding="utf-8").splitlines()
    lines[5] = lines[5].replace(",2021,56,", ",2021,zesenvijftig,", 1)
    values.write_text("\n".join(lines) + "\n", encoding="utf-8")
    monkeypatch.setattr(paths, "DATA_DIR", folder)
    return folder


@pytest.mark.parametrize("page", [None, "app_pages/indicators.py", "app_pages/trends.py"])
def test_corrupt_csv_shows_a_dutch_error_not_a_traceback(corrupt_data, page):
    at = _app(page)
    assert not at.exception
    message = at.error[0].value
    assert "De gegevens konden niet worden geladen." in message
    assert "indicator_values.csv, rij 6, kolom 'value': 'zesenvijftig' is geen getal." in message


def test_start_page_flags_cautious_trends_and_shows_the_background_facts():
    """Given the Start page, the JGZ tiles (13, 14) say 'voorzichtig interpreteren' instead of better/worse,
    placements (15) count as improved (VWS aims at fewer), and the background facts stand with their section."""
    at = _app()
    text = _markdown(at)
    assert "▼ lager; voorzichtig interpreteren" in text and "▲ hoger; voorzichtig interpreteren" in text
    assert text.count("verslechterd") == 1  # only kraamzorg; overweight's rise is shown with the caution
    assert "Monitor: Tussen 2014 en 2019 vrijwel stabiel, in 2019 iets hoger." in text
    assert "Achtergrond bij de cijfers" in [s.value for s in at.subheader]
    assert "147 deden dat" in text and "(Bron: RIVM, Monitor Kansrijke Start 2021, Tekstbox 3" in text
    assert "vrijwel geen gegevens" in text


def test_indicator_page_gives_direction_trend_sentence_and_more_facts():
    at = _app(INDICATORS, indicator="out_of_home_placements")
    text = _markdown(at)
    assert "**Gewenste richting:** Lager is beter. Het actieprogramma wil dat minder baby's" in text
    assert "Factsheet Kansrijke Start (april 2019)" in text
    assert "aanscherping van de berekening en updates van de data" in at.warning[0].value
    assert "**Trend volgens de monitor:** Tussen 2016 en 2020 iets afgenomen" in text
    at = _app(INDICATORS, indicator="prenatal_home_visits")
    assert "Meer uit de monitor" in [s.value for s in at.subheader]
    assert "In de meeste gemeenten (69%) vindt het huisbezoek plaats tussen week 20 en 25" in _markdown(at)


def test_indicator_page_for_late_start_quotes_the_monitors_trend():
    at = _app(INDICATORS, indicator="late_start_pregnancy_care")
    assert any("alleen het jaar 2019" in i.value for i in at.info)
    assert "“Dit percentage is tussen 2014 en 2019 heen vrijwel stabiel, maar neemt in 2019 iets toe”" in _markdown(at)


def test_kraamzorg_teller_on_screen_counts_births_without_kraamzorg():
    at = _app(INDICATORS, indicator="no_kraamzorg")
    text = _markdown(at)
    assert "**Teller:** Aantal levendgeborenen van wie de moeder géén declaratie voor kraamzorg had" in text
    assert "wél een kraamzorgdeclaratie" in text


def test_vulnerable_families_shows_whole_percentages_and_the_range():
    at = _app(INDICATORS, indicator="vulnerable_families")
    history = at.dataframe[-1].value
    assert history["Waarde"].tolist() == ["4,9%", "9%", "28%", "58%"]
    assert history["Bereik over de jaren"].iloc[0] == "4,9% - 5,3% (2016-2019)"
    assert "(onder het 10e percentiel)" in _markdown(at)


def test_period_filter_before_pregnancy_says_there_is_almost_no_data():
    at = _app(INDICATORS, fase="voor")
    assert any("vrijwel geen gegevens" in i.value and "Reflectie op methode" in i.value for i in at.info)
    assert not any("vrijwel geen gegevens" in i.value for i in _app(INDICATORS, fase="na").info)


def test_trends_big2_shows_the_2016_2020_range_not_a_2016_point():
    at = _app(TRENDS)
    big2 = _chart_data(_charts(at)[1])
    assert set(big2["year"]) == {"2020"}
    preterm = big2[big2["series"].str.startswith("Vroeggeboorte")].iloc[0]
    assert (preterm["range_min"], preterm["range_max"]) == (6.7, 6.9)
    assert "**Trend volgens de monitor:** Vroeggeboorte en laag geboortegewicht dalen sinds 2018 licht." in _markdown(at)
    assert any("10 gemeenten (4%)" in m.value for m in at.markdown)
