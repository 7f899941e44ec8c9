"""Bundled national indicator data (ks_data/national/catalogue.py) checked against the RIVM Monitor Kansrijke Start 2021."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pandas as pd
import pytest
import yaml

from ks_data import paths
from ks_data.core.validation import UnknownIndicator
from ks_data.national.catalogue import load_catalogue
from ks_data.core.validation import DataFileError

SEEDS = paths.PROJECT_DIR.parent / "shared" / "seeds"
MONITOR = SEEDS / "rivm-monitor-kansrijke-start-2021.txt"

# (indicator, series, year, value, numerator, denominator, a phrase from the monitor stating it)
MONITOR_FIGURES = [
    ("coalitions", "coalitions", 2019, 27, 40, 147, "Percentage t.o.v. gemeenten met Impuls Kansrijke Start 27% 21% 51%"),
    ("coalitions", "coalitions", 2020, 21, 59, 275, "Coalitie gevormd (aantal) n = 40 n = 59 n = 140"),
    ("coalitions", "coalitions", 2021, 51, 140, 273, "Daarvan gaven 140 gemeenten (51%) aan"),
    ("action_plan", "action_plan", 2021, 56, 153, 273, "(153 van de 217)"),
    ("action_plan", "action_plan", 2020, 48, None, None, "in 2020 had 48% van de gemeenten"),
    ("nu_niet_zwanger", "nu_niet_zwanger", 2021, 76, 38, 50, "in 38 van de 50 centrumgemeenten"),
    ("prenatal_home_visits", "prenatal_home_visits", 2021, 75, 169, 224, "75% (n=169) van de responderende gemeenten"),
    ("prenatal_home_visits", "prenatal_home_visits", 2020, 65, 181, None, "Het percentage steeg van 65% naar 75%"),
    ("voorzorg", "voorzorg", 2021, 43, 150, 352, "De JGZ-organisaties bieden VoorZorg aan in 43%"),
    ("voorzorg", "voorzorg", 2019, 33, 117, None, "ten minste 117 gemeenten (33%)"),
    ("voorzorg", "voorzorg", 2020, 37, 130, None, "in 130 gemeenten (37%)"),
    ("centering_pregnancy", "centering_pregnancy", 2021, 39, 229, 590, "In 39% (n=229) van alle verloskundigenpraktijken"),
    ("centering_pregnancy", "centering_pregnancy", 2019, 33, 194, None, "In 2019 was er 33% (n=194)"),
    ("centering_pregnancy", "centering_pregnancy", 2020, 35, 203, None, "In 2020 was dit 35% (n=203)"),
    ("late_start_pregnancy_care", "late_start_pregnancy_care", 2019, 14.5, None, None, "zwangerschapsbegeleiding ná de 10e week van de zwangerschap startte is 14,5%"),
    ("problem_debts", "problem_debts", 2020, 1.9, None, None, "In 2020 had 1,9% van de vrouwen"),
    ("problem_debts", "problem_debts", 2016, 3.1, None, None, "van 3,1% in 2016 tot 1,9% in 2020"),
    ("problem_debts", "payment_arrears", 2020, 1.7, None, None, "bij de zorgverzekeraar hadden (1,7%)"),
    ("problem_debts", "debt_restructuring", 2020, 0.2, None, None, "in de schuldsanering zaten (0,2%)"),
    ("centering_parenting", "centering_parenting", 2021, 25, 9, 36, "alle 9 JGZ-organisaties"),
    ("no_kraamzorg", "no_kraamzorg", 2020, 9.5, None, None, "In 2020 maakte 9,5% van de gezinnen geen gebruik van kraamzorg"),
    ("no_kraamzorg", "no_kraamzorg", 2016, 6.3, None, None, "gestegen van 6,3% naar 9,5%"),
    ("vulnerable_families", "vulnerable_families", 2019, 4.9, None, None, "4,9% van de kinderen is in 2019 geboren"),
    ("vulnerable_families", "risk_factors_2", 2019, 9, None, None, "gezin met 2 risicofactoren ongeveer 9%"),
    ("vulnerable_families", "risk_factors_1", 2019, 28, None, None, "met 1 risicofactor 28%"),
    ("vulnerable_families", "risk_factors_0", 2019, 58, None, None, "Ongeveer 58% van de kinderen is geboren in een gezin zonder risicofactoren"),
    ("big2", "big2", 2020, 15.0, None, None, "geboortegewicht voor de duur van de zwangerschap (Big2) 15,0%"),
    ("big2", "preterm", 2020, 6.7, None, None, "Van deze kinderen was 6,7% te"),
    ("big2", "sga", 2020, 9.8, None, None, "had 9,8% een laag geboortegewicht"),
    ("speech_language", "speech_language", 2018, 5.1, 4725, 91920, "91.920 91.092 58.480"),
    ("speech_language", "speech_language", 2019, 5.3, 4809, 91092, "(n=4.809)"),
    ("speech_language", "speech_language", 2020, 5.0, 2913, 58480, "5,0% (n=2.913)"),
    ("overweight", "overweight", 2018, 8.3, 7046, 84987, "84.987 83.909 45.414"),
    ("overweight", "overweight", 2019, 8.4, 7007, 83909, "(n= 7.007)"),
    ("overweight", "overweight", 2020, 9.4, 4274, 45414, "9,4% (n=4.274)"),
    ("out_of_home_placements", "out_of_home_placements", 2020, 1.8, None, None, "In 2020 is 1,8 per 1000 kinderen"),
    ("out_of_home_placements", "out_of_home_placements", 2016, 2.0, None, None, "van 2,0 per 1000 in 2016"),
]


@pytest.fixture(scope="module")
def catalogue():
    return load_catalogue()


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def test_all_fifteen_indicators_numbered_once(catalogue):
    assert [ind.number for ind in catalogue.indicators] == list(range(1, 16))
    assert len({ind.id for ind in catalogue.indicators}) == 15


@pytest.mark.parametrize("ind_id,series,year,value,num,den,phrase", MONITOR_FIGURES, ids=[f"{r[1]}-{r[2]}" for r in MONITOR_FIGURES])
def test_value_matches_monitor(catalogue, ind_id, series, year, value, num, den, phrase):
    rows = catalogue.values_for(ind_id, series=series)
    row = rows[rows["year"] == year]
    assert len(row) == 1, f"{ind_id}/{series} {year} missing"
    row = row.iloc[0]
    assert float(row["value"]) == pytest.approx(value)
    assert (None if row.isna()["numerator"] else int(row["numerator"])) == num
    assert (None if row.isna()["denominator"] else int(row["denominator"])) == den


@pytest.mark.skipif(not MONITOR.is_file(), reason="source document ../shared/seeds not present")
@pytest.mark.parametrize("phrase", sorted({r[6] for r in MONITOR_FIGURES}))
def test_phrase_stands_in_monitor(phrase):
    """Given the transcription table above, each quoted phrase really stands in the monitor text."""
    assert _squash(phrase) in _squash(MONITOR.read_text(encoding="utf-8"))


# Ranges the monitor states instead of a value per year: (series, year, low, high, basis, first year, phrase).
MONITOR_RANGES = [
    ("preterm", 2020, 6.7, 6.9, "years", 2016, "Tussen 2016 en 2020 varieerden deze percentages van 6,9% tot 6,7% voor vroeggeboorte"),
    ("sga", 2020, 9.8, 10.5, "years", 2016, "van 10,5% tot 9,8% voor laag geboortegewicht voor de zwangerschapsduur"),
    ("vulnerable_families", 2019, 4.9, 5.3, "years", 2016, "stabiel van 2016 tot en met 2019 (tussen de 5,3% en 4,9%)"),
    ("speech_language", 2020, 2.5, 10.3, "organisations", None, "Spreiding tussen JGZ-organisaties 2,8% - 8,9% 2,9% - 10,1% 2,5% - 10,3 %"),
    ("overweight", 2020, 7.5, 19.5, "organisations", None, "Spreiding tussen JGZ-organisaties 6,4% - 11,5 % 6,1% - 12,9% 7,5% - 19,5%"),
]


def test_every_bundled_value_is_covered_by_the_monitor_table(catalogue):
    """No figure in the dataset that the test table (traced to the monitor) does not know, except a derived one."""
    checked = {(r[0], r[1], r[2]) for r in MONITOR_FIGURES}
    extra = catalogue.values[
        [(r.indicator_id, r.series, int(r.year)) not in checked for r in catalogue.values.itertuples()]
    ]
    # One value computed from 8 of 36 (the monitor gives only the counts).
    assert set(extra["series"]) <= {"centering_parenting"}
    derived = extra[extra["series"] == "centering_parenting"]
    assert derived["value_derived"].all() and int(derived["numerator"].iloc[0]) == 8


@pytest.mark.parametrize("series,year,low,high,basis,first,phrase", MONITOR_RANGES, ids=[r[0] for r in MONITOR_RANGES])
def test_stated_ranges_are_ranges_not_points(catalogue, series, year, low, high, basis, first, phrase):
    """Big2's parts over 2016-2020 (and indicator 11 over 2016-2019) are a range ending at the last value, not
    a point for 2016; the JGZ spread is a spread between organisations."""
    rows = catalogue.values[catalogue.values["series"] == series]
    if basis == "years":
        assert rows["year"].tolist() == [year]  # no invented point for the first year of the range
    row = rows[rows["year"] == year].iloc[0]
    assert (float(row["range_min"]), float(row["range_max"]), row["range_basis"]) == (low, high, basis)
    assert (None if pd.isna(row["range_from"]) else int(row["range_from"])) == first
    if MONITOR.is_file():
        assert _squash(phrase) in _squash(MONITOR.read_text(encoding="utf-8"))


def _quoted_entries(raw: dict) -> list[tuple[str, str, str]]:
    """(where, document id, quote) of every quote in indicators.yaml."""
    default = raw["documents"][0]["id"]
    out = []
    for entry in raw["indicators"]:
        blocks = [(f, entry[f]) for f in ("polarity_basis", "trend_statement", "trend_caution") if f in entry]
        blocks += [(f"details[{i}]", d) for i, d in enumerate(entry.get("details", ()))]
        out += [(f"{entry['id']}.{name}", block.get("document", default), q) for name, block in blocks
                for q in block["quotes"]]
    for fact in raw.get("background", ()):
        out += [(f"background.{fact['id']}", fact.get("document", default), q) for q in fact["quotes"]]
    return out


RAW_YAML = yaml.safe_load((paths.DATA_DIR / "indicators.yaml").read_text(encoding="utf-8"))
QUOTES = _quoted_entries(RAW_YAML)
DOCUMENT_FILES = {d["id"]: SEEDS / d["file"] for d in RAW_YAML["documents"]}


@pytest.mark.skipif(not MONITOR.is_file(), reason="source documents ../shared/seeds not present")
@pytest.mark.parametrize("where,document,quote", QUOTES, ids=[f"{w}-{i}" for i, (w, _, _) in enumerate(QUOTES)])
def test_every_quote_in_indicators_yaml_stands_in_its_document(where, document, quote):
    """Trend sentences, the basis of a desired direction, cautions, details and background facts quote their
    source word for word (whitespace aside)."""
    assert _squash(quote) in _squash(DOCUMENT_FILES[document].read_text(encoding="utf-8")), where


def test_quotes_cover_the_facts_the_issue_asks_for():
    """Questionnaire response, Impuls background, coalitions without coalition, indicator 4's detail and the
    reflection on 'voor de zwangerschap' are all in the bundled data, each with a section."""
    joined = " | ".join(q for _, _, q in QUOTES)
    for phrase in ("217 gemeenten reageerden (respons: 79%)", "147 van de 150 GIDS-gemeenten", "273 van de 352",
                   "10 gemeenten (4%)", "tussen de 20e en 25e week", "vóór de 15e week", "vrijwel geen gegevens",
                   "vrijwel stabiel, maar neemt in 2019 iets toe", "sinds 2018 een lichte daling"):
        assert phrase in joined, phrase


def test_background_facts_carry_sections_and_reach_their_indicators(catalogue):
    assert [f.id for f in catalogue.background] == ["impuls", "questionnaire", "before_pregnancy"]
    assert all(f.section for f in catalogue.background)
    assert {f.id for f in catalogue.facts_for(indicator_id="prenatal_home_visits")} == {"questionnaire"}
    assert [f.id for f in catalogue.facts_for(period="voor")] == ["before_pregnancy"]
    assert catalogue.facts_for(indicator_id="big2") == ()


def test_out_of_home_placements_caveat_and_direction(catalogue):
    """Indicator 15: the monitor's caveats (sharper calculation and data updates; placement may be voluntary),
    and the desired direction 'lower' taken from the VWS factsheet's aim."""
    ind = catalogue.get("out_of_home_placements")
    assert "aanscherping van de berekening en updates van de data" in ind.caveat and "vrijwillig" in ind.caveat
    assert ind.polarity == "lower_is_better"
    assert ind.polarity_basis.document == "vws_factsheet_2019"
    assert catalogue.document_title(ind.polarity_basis.document).startswith("Ministerie van VWS")


def test_vulnerable_families_numerator_qualifiers_and_whole_percentages(catalogue):
    ind = catalogue.get("vulnerable_families")
    assert "laag huishoudinkomen (onder het 10e percentiel)" in ind.numerator
    assert "hoge zorguitgaven (in het jaar voorafgaand aan de zwangerschap)" in ind.numerator
    assert ind.series_decimals() == {"vulnerable_families": 1, "risk_factors_2": 0, "risk_factors_1": 0,
                                     "risk_factors_0": 0}
    parts = catalogue.values_for(ind.id)
    assert set(parts.loc[parts["series"] != "vulnerable_families", "source_ref"]) == {
        "Indicator 11, Beschrijving en verdieping"}


def test_kraamzorg_teller_describes_what_the_value_counts(catalogue):
    """The shown value is the share WITHOUT kraamzorg; the teller on screen says so and the definition notes
    that the monitor writes the complement."""
    ind = catalogue.get("no_kraamzorg")
    assert ind.numerator.startswith("Aantal levendgeborenen van wie de moeder géén declaratie voor kraamzorg had")
    assert "wél een kraamzorgdeclaratie" in ind.definition_variant


def test_jgz_indicators_carry_the_monitors_caution(catalogue):
    for indicator_id in ("speech_language", "overweight"):
        ind = catalogue.get(indicator_id)
        assert ind.trend_caution is not None and "voorzichtig" in ind.trend_caution.quotes[0]
        assert "selectie" in ind.caveat
    speech = catalogue.get("speech_language").caveat
    assert "telefonisch" in speech and "registratiegraad" in speech and "niet automatisch" in speech


def test_counts_reproduce_stated_percentages(catalogue):
    rows = catalogue.values.dropna(subset=["numerator", "denominator"])
    assert len(rows) >= 12
    for row in rows.itertuples():
        ind = catalogue.get(row.indicator_id)
        computed = round(100 * row.numerator / row.denominator, ind.decimals)
        assert computed == pytest.approx(row.value, abs=10 ** -ind.decimals), (row.indicator_id, row.year)


def test_big2_definition_and_polarity(catalogue):
    big2 = catalogue.get("big2")
    assert "24 weken" in big2.numerator and "Hoftiezer" in big2.numerator
    assert big2.polarity == "lower_is_better"
    assert [s.id for s in big2.series] == ["big2", "preterm", "sga"]


def test_select_filters_by_type_and_period(catalogue):
    assert {i.id for i in catalogue.select(types=("programmabreed",))} == {"coalitions", "action_plan"}
    before = catalogue.select(periods=("voor",))
    assert "nu_niet_zwanger" in {i.id for i in before} and all("voor" in i.periods for i in before)
    assert len(catalogue.select()) == 15


def test_unknown_indicator_raises(catalogue):
    with pytest.raises(UnknownIndicator):
        catalogue.get("does_not_exist")


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    shutil.copytree(paths.DATA_DIR, folder, ignore=shutil.ignore_patterns("cache"))
    return folder


def test_unknown_series_is_reported_with_row_and_column(data_copy):
    values = data_copy / "indicator_values.csv"
    lines = values.read_text(encoding="utf-8").splitlines()
    lines[3] = lines[3].replace("coalitions,coalitions", "coalitions,typo", 1)
    values.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(DataFileError) as err:
        load_catalogue(data_copy)
    (problem,) = err.value.problems
    assert (problem.file, problem.row, problem.column) == ("indicator_values.csv", 4, "series")
    assert "typo" in problem.message


def test_a_range_without_its_basis_is_reported(data_copy):
    values = data_copy / "indicator_values.csv"
    text = values.read_text(encoding="utf-8").replace("6.7,6.9,years,2016", "6.7,6.9,,2016", 1)
    values.write_text(text, encoding="utf-8")
    with pytest.raises(DataFileError) as err:
        load_catalogue(data_copy)
    (problem,) = err.value.problems
    assert (problem.file, problem.column) == ("indicator_values.csv", "range_basis")


def test_a_value_outside_its_range_is_reported(data_copy):
    values = data_copy / "indicator_values.csv"
    text = values.read_text(encoding="utf-8").replace("9.8,,,false,9.8,10.5", "9.8,,,false,9.9,10.5", 1)
    values.write_text(text, encoding="utf-8")
    with pytest.raises(DataFileError) as err:
        load_catalogue(data_copy)
    assert [(p.column, p.row) for p in err.value.problems] == [("value", 31)]


def test_a_quote_from_an_unlisted_document_is_reported(data_copy):
    meta = data_copy / "indicators.yaml"
    meta.write_text(meta.read_text(encoding="utf-8").replace("document: vws_factsheet_2019", "document: krant", 1),
                    encoding="utf-8")
    with pytest.raises(DataFileError) as err:
        load_catalogue(data_copy)
    assert any("krant" in p.message and p.column == "document" for p in err.value.problems)


def test_schema_violation_in_yaml_is_reported(data_copy):
    meta = data_copy / "indicators.yaml"
    meta.write_text(meta.read_text(encoding="utf-8").replace("polarity: none", "polarity: sideways", 1), encoding="utf-8")
    with pytest.raises(DataFileError) as err:
        load_catalogue(data_copy)
    assert err.value.file == "indicators.yaml"
    assert any("sideways" in p.message for p in err.value.problems)
