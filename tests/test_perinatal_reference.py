"""Tests for ks_data/perinatal/reference.py: the national reference of every indicator, always named.

Order: the file's national row; else the sum of all gemeenten when the file covers the country (>= 300); else the
bundled RIVM value (data/indicator_values.csv) for a year in the period; else none, said plainly.
"""

from __future__ import annotations

import pandas as pd
import pytest

from ks_data.perinatal import reference
from ks_data.perinatal import schema as ps
from tests.test_perinatal_rates import PC4_2020, tidy


def _gemeenten(n: int, *, period: str = "2020") -> pd.DataFrame:
    rows = pd.DataFrame({"period": period, "level": "gemeente", "area_code": [f"GM{i:04d}" for i in range(1, n + 1)],
                         "births": 1000, "big2": 160, "preterm": 70, "sga": 100})
    return ps.with_defaults(rows.assign(gemeentecode=rows["area_code"]))


def test_the_national_row_of_the_file_comes_first() -> None:
    land = tidy(PC4_2020).iloc[[0]].assign(level="land", area_code="NL", gemeentecode=pd.NA, births=10_000, big2=1_480)
    ref = reference.national_reference(pd.concat([tidy(PC4_2020), land]), indicator_id="big2", period="2020")
    assert (ref.basis, ref.label, ref.value) == ("land", "landelijke rij in het bestand", pytest.approx(14.8))
    assert ref.lower < 14.8 < ref.upper


def test_a_national_row_with_a_published_rate_keeps_that_rate() -> None:
    land = _gemeenten(1).assign(level="land", area_code="NL", births=168_000, big2=25_200)
    land[ps.rate_column("big2")], land[ps.derived_column("big2")] = 0.1503, True
    ref = reference.national_reference(land, indicator_id="big2", period="2020")
    assert ref.basis == "land" and ref.value == pytest.approx(15.03)


def test_all_gemeenten_of_the_country_are_summed() -> None:
    ref = reference.national_reference(_gemeenten(310), indicator_id="big2", period="2020")
    assert (ref.basis, ref.label, ref.value) == ("all", "som van alle gemeenten in het bestand", pytest.approx(16.0))


@pytest.mark.parametrize(("indicator", "period", "value", "label"), [
    ("big2", "2020", 15.0, "RIVM-monitor, 2020"), ("big2", "2016-2020", 15.0, "RIVM-monitor, 2020"),
    ("preterm", "2018-2020", 6.7, "RIVM-monitor, 2020"), ("sga", "2020", 9.8, "RIVM-monitor, 2020"),
])
def test_a_part_of_the_country_gets_the_rivm_value_of_a_year_in_its_period(indicator, period, value, label) -> None:
    """Given a few gemeenten, then the bundled RIVM Monitor value (indicator 12, bron Perined) of the latest year
    within the period, labelled with its year."""
    ref = reference.national_reference(_gemeenten(3, period=period), indicator_id=indicator, period=period)
    assert (ref.basis, ref.value, ref.label) == ("rivm", value, label)


@pytest.mark.parametrize(("indicator", "period"), [("big2", "2017-2019"), ("sga", "2015"), ("perinatal_mortality", "2020"),
                                                   ("perinatal_mortality_28d", "2016-2020")])
def test_without_any_reference_it_says_so(indicator, period) -> None:
    frame = _gemeenten(3, period=period).assign(perinatal_deaths=6, perinatal_deaths_28d=7)
    ref = reference.national_reference(frame, indicator_id=indicator, period=period)
    assert (ref.basis, ref.value, ref.label) == ("none", None, "geen landelijk cijfer beschikbaar")


def test_a_file_counting_from_22_weeks_is_not_compared_with_the_24_week_rivm_value() -> None:
    frame = _gemeenten(3).assign(big2_weeks=22)
    ref = reference.national_reference(frame, indicator_id="big2", period="2020")
    assert ref.basis == "definition" and ref.value is None and "vanaf 22 weken" in ref.label
    assert reference.national_reference(_gemeenten(3), indicator_id="big2", period="2020").basis == "rivm"
