"""Tests for ks_data/perinatal/profile.py: the overview, spine, trend, peers and PC4 tables of one gemeente."""

from __future__ import annotations

import pandas as pd
import pytest

from ks_data.perinatal import indicators as perinatal_indicators
from ks_data.perinatal import profile as rates_profile
from ks_data.perinatal import rates
from tests.test_perinatal_rates import PC4_2020, tidy


def with_land(frame: pd.DataFrame) -> pd.DataFrame:
    """The frame plus its national row (the sum of its PC4 rows: 300 / 1998 per year), as an export can have."""
    land = frame.groupby("period", as_index=False)[["births", "big2"]].sum().assign(
        level="land", area_code="NL", area_name="Nederland", is_synthetic=False, source="test")
    return pd.concat([frame, land], ignore_index=True)


@pytest.fixture
def data() -> pd.DataFrame:
    return with_land(tidy(PC4_2020))


def test_overview_and_peers(data: pd.DataFrame) -> None:
    overview = rates_profile.overview(data, gemeentecode="GM0003", period="2020")
    assert overview["indicator_id"].tolist() == ["big2"]  # only indicators with data
    assert overview.loc[0, "diff"] == pytest.approx(100 * 160 / 900 - 100 * 300 / 1998)
    peers = rates_profile.peers(data, gemeentecode="GM0003", indicator_id="big2", period="2020", n_peers=1)
    assert peers["area_code"].tolist() == ["GM0002", "GM0003"]  # 640 births is nearest to 900 (458 is not)
    assert peers["is_own"].tolist() == [False, True]


def test_spine_scales_national_to_the_middle(data: pd.DataFrame) -> None:
    """Cee (160/900) has the largest distance to the national value at its upper CI bound, so that bound
    sits at the right edge (1.0) and everything else is scaled by the same half-width."""
    row = rates_profile.spine(data, gemeentecode="GM0003", period="2020").iloc[0]
    national = 100 * 300 / 1998
    half = row["upper"] - national
    assert row["s_upper"] == pytest.approx(1.0)
    assert row["s_value"] == pytest.approx(0.5 + (100 * 160 / 900 - national) / (2 * half))
    assert row["s_min"] == pytest.approx(0.5 - (national - 100 * 47 / 458) / (2 * half))  # Aa is the lowest
    assert row["g_max"] == pytest.approx(100 * 160 / 900)


def test_pc4_areas_of_unknown_gemeente_is_empty(data: pd.DataFrame) -> None:
    assert rates_profile.pc4_areas(data, gemeentecode="GM9999", indicator_id="big2", period="2020").empty


def test_spine_when_every_gemeente_is_suppressed() -> None:
    """Given counts so small that every gemeente is suppressed, the spine still has its row (no crash on NA)."""
    small = [("1001", "GM0001", 8, 1), ("2001", "GM0002", 9, 2), ("3001", "GM0003", 7, 0)]
    every = rates.area_rates(tidy(small), level="gemeente", indicator_id="big2", period="2020")
    assert every["suppressed"].all()
    row = rates_profile.spine(tidy(small), gemeentecode="GM0003", period="2020").iloc[0]
    assert row["indicator_id"] == "big2" and pd.isna(row["g_max"])


def test_overview_carries_metadata_and_the_difference_with_nederland(data: pd.DataFrame) -> None:
    """Given Cee (160/900 = 17,8%) and Nederland (300/1998 = 15,0%), then its one overview row holds the
    indicator's titles and definition, and the difference (and its interval) with the national value."""
    row = rates_profile.overview(data, gemeentecode="GM0003", period="2020").iloc[0]
    assert (row["indicator_id"], row["short_title"], row["unit"], row["comparison"]) == ("big2", "Big2", "%", "worse")
    assert "Hoftiezer" in row["definition"] and row["polarity"] == "lower_is_better"
    assert (row["numerator"], row["denominator"]) == (160, 900)
    assert row["diff_lower"] == pytest.approx(row["lower"] - 100 * 300 / 1998)
    assert row["diff_upper"] == pytest.approx(row["upper"] - 100 * 300 / 1998)
    assert rates_profile.area_name(rates_profile.overview(data, gemeentecode="GM0003", period="2020")) == "Cee"
    assert rates_profile.overview(data, gemeentecode="GM9999", period="2020").empty


def test_trend_pairs_the_gemeente_with_nederland_per_rolling_period() -> None:
    """Given five identical years, then the trend has the gemeente and Nederland for each 3-year pool, with the
    pooled counts (3 x 160 / 3 x 900) and the same rate every period; one year only gives no trend."""
    data = with_land(pd.concat([tidy(PC4_2020, period=str(year)) for year in range(2016, 2021)], ignore_index=True))
    trend = rates_profile.trend(data, gemeentecode="GM0003", indicator_id="big2")
    assert trend["period"].tolist() == ["2016-2018"] * 2 + ["2017-2019"] * 2 + ["2018-2020"] * 2
    assert trend["series"].tolist() == ["gemeente", "land"] * 3
    own, land = trend[trend["series"] == "gemeente"], trend[trend["series"] == "land"]
    assert own["numerator"].tolist() == [480] * 3 and own["denominator"].tolist() == [2700] * 3
    assert own["value"].tolist() == pytest.approx([100 * 160 / 900] * 3)
    assert land["value"].tolist() == pytest.approx([100 * 300 / 1998] * 3) and not land["suppressed"].any()
    assert own["area_name"].eq("Cee").all() and land["area_name"].isna().all()
    assert land["national_label"].eq("landelijke rij in het bestand").all()
    assert rates_profile.trend(tidy(PC4_2020), gemeentecode="GM0003", indicator_id="big2").empty


def test_peers_are_the_nearest_gemeenten_by_births_sorted_by_value(data: pd.DataFrame) -> None:
    """Given Aa (458 births), Bee (640) and Cee (900), then Aa's two peers are Bee and Cee, sorted by value."""
    peers = rates_profile.peers(data, gemeentecode="GM0001", indicator_id="big2", period="2020")
    assert peers["area_code"].tolist() == ["GM0001", "GM0002", "GM0003"]  # 10,3% < 14,4% < 17,8%
    assert peers["is_own"].tolist() == [True, False, False] and "births" not in peers.columns
    assert rates_profile.peers(data, gemeentecode="GM9999", indicator_id="big2", period="2020").empty


def test_pc4_areas_of_one_gemeente_are_its_suppressed_rates(data: pd.DataFrame) -> None:
    """Given GM0002, then its three PC4 areas come back with the same suppression as ``area_rates`` gives them."""
    pc4 = rates_profile.pc4_areas(data, gemeentecode="GM0002", indicator_id="big2", period="2020")
    assert pc4["area_code"].tolist() == ["2001", "2002", "2003"]
    assert pc4["suppression_code"].tolist() == [None, "few_events", "secondary"]
    assert pc4.loc[0, "value"] == pytest.approx(15.0) and pc4.loc[0, "comparison"] == "similar"
    everything = rates.area_rates(data, level="pc4", indicator_id="big2", period="2020")
    expected = everything[everything["gemeentecode"] == "GM0002"].reset_index(drop=True)
    pd.testing.assert_frame_equal(pc4, expected)


def test_gemeente_options_come_from_gemeente_and_pc4_rows(data: pd.DataFrame) -> None:
    """Gemeenten with own rows and those behind PC4 rows are offered once each, sorted."""
    own = data.iloc[[0]].assign(level="gemeente", area_code="GM0009", gemeentecode="GM0009")
    assert rates_profile.gemeente_options(pd.concat([data, own], ignore_index=True)) == [
        "GM0001", "GM0002", "GM0003", "GM0009"]


def test_without_a_national_row_the_overview_names_the_rivm_value() -> None:
    """Given three gemeenten only (no national row), then Nederland is the RIVM value of 2020, named as such."""
    row = rates_profile.overview(tidy(PC4_2020), gemeentecode="GM0003", period="2020").iloc[0]
    assert (row["national_value"], row["national_label"], row["comparison"]) == (15.0, "RIVM-monitor, 2020", "worse")


def test_the_variant_says_when_the_file_counts_from_another_week() -> None:
    ind = perinatal_indicators.indicator("big2")
    assert rates_profile.variant_text(ind, 24) == ind.variant and rates_profile.variant_text(ind, None) == ind.variant
    assert rates_profile.variant_text(ind, 22) == f"in dit bestand vanaf 22 weken (de standaarddefinitie: {ind.variant})"
    other = 24 if perinatal_indicators.indicator("perinatal_mortality").from_weeks == 22 else 22
    frame = tidy(PC4_2020).assign(perinatal_deaths=12, mortality_weeks=other)
    row = rates_profile.overview(frame, gemeentecode="GM0003", period="2020").set_index("indicator_id")
    assert row.loc["perinatal_mortality", "variant"].startswith(f"in dit bestand vanaf {other} weken")
    assert row.loc["big2", "variant"] == perinatal_indicators.indicator("big2").variant


def test_only_indicators_with_a_reference_go_into_the_comparison_chart() -> None:
    spine = rates_profile.spine(tidy(PC4_2020).assign(perinatal_deaths=12), gemeentecode="GM0003", period="2020")
    assert spine["indicator_id"].tolist() == ["big2", "perinatal_mortality"]
    assert rates_profile.compared(spine)["indicator_id"].tolist() == ["big2"]
    assert rates_profile.compared(spine.iloc[0:0]).empty
