"""Bundled national indicator data (ks_data/national/catalogue.py) checked against the RIVM Monitor Kansrijke Start 2021."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from ks_data import paths
from ks_data.core.validation import UnknownIndicator
from ks_data.national.catalogue import load_catalogue
from ks_data.core.validation import DataFileError

MONITOR = paths.PROJECT_DIR.parent / "shared" / "seeds" / "rivm-monitor-kansrijke-start-2021.txt"

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
    ("big2", "big2", 2020, 15.0, None, None, "geboortegewicht voor de duur van de zwangerschap (Big2) 15,0%"),
    ("big2", "preterm", 2020, 6.7, None, None, "Van deze kinderen was 6,7% te"),
    ("big2", "sga", 2020, 9.8, None, None, "had 9,8% een laag geboortegewicht"),
    ("big2", "preterm", 2016, 6.9, None, None, "varieerden deze percentages van 6,9% tot 6,7%"),
    ("big2", "sga", 2016, 10.5, None, None, "van 10,5% tot 9,8% voor laag geboortegewicht"),
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


def test_every_bundled_value_is_covered_by_the_monitor_table(catalogue):
    """No figure in the dataset that the test table (traced to the monitor) does not know, except a derived one."""
    checked = {(r[0], r[1], r[2]) for r in MONITOR_FIGURES}
    extra = catalogue.values[
        [(r.indicator_id, r.series, int(r.year)) not in checked for r in catalogue.values.itertuples()]
    ]
    # Figuur 15 distribution (rounded whole percentages) and one value computed from 8 of 36.
    assert set(extra["series"]) <= {"risk_factors_0", "risk_factors_1", "risk_factors_2", "centering_parenting"}
    derived = extra[extra["series"] == "centering_parenting"]
    assert derived["value_derived"].all() and int(derived["numerator"].iloc[0]) == 8


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


def test_schema_violation_in_yaml_is_reported(data_copy):
    meta = data_copy / "indicators.yaml"
    meta.write_text(meta.read_text(encoding="utf-8").replace("polarity: none", "polarity: sideways", 1), encoding="utf-8")
    with pytest.raises(DataFileError) as err:
        load_catalogue(data_copy)
    assert err.value.file == "indicators.yaml"
    assert any("sideways" in p.message for p in err.value.problems)
