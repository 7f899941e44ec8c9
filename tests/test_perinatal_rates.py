"""Tests for ks_data/perinatal/rates.py: the area_rates contract (pooling, suppression, comparison).

The fixture ``tidy`` and ``PC4_2020`` are shared by the profile, views, tiles and captions tests.
"""

from __future__ import annotations

import pandas as pd
import pytest

from ks_data.perinatal import schema as perinatal_schema
from ks_data.perinatal import rates
from ks_data.texts import perinatal as tp

# (pc4, gemeentecode, births, big2) in 2020, chosen so every rule fires once (see the tests).
PC4_2020 = [
    ("1001", "GM0001", 200, 30), ("1002", "GM0001", 150, 5), ("1003", "GM0001", 100, 12), ("1004", "GM0001", 8, 0),
    ("2001", "GM0002", 300, 45), ("2002", "GM0002", 120, 8), ("2003", "GM0002", 220, 40),
    ("3001", "GM0003", 500, 100), ("3002", "GM0003", 400, 60),
]
NAMES = {"GM0001": "Aa", "GM0002": "Bee", "GM0003": "Cee"}


def tidy(rows: list[tuple], *, period: str = "2020", synthetic: bool = False) -> pd.DataFrame:
    frame = perinatal_schema.empty_tidy()
    records = [{"period": period, "level": "pc4", "area_code": pc4, "area_name": pc4, "gemeentecode": gm,
                "gemeentenaam": NAMES[gm], "births": births, "big2": big2, "is_synthetic": synthetic,
                "source": "test"} for pc4, gm, births, big2 in rows]
    out = pd.concat([frame, pd.DataFrame(records)], ignore_index=True)
    for column in perinatal_schema.COUNT_COLUMNS:
        out[column] = out[column].astype("Int64")
    out["is_synthetic"] = out["is_synthetic"].astype(bool)
    return out


@pytest.fixture
def data() -> pd.DataFrame:
    return tidy(PC4_2020)


def test_contract_columns(data: pd.DataFrame) -> None:
    out = rates.area_rates(data, level="pc4", indicator_id="big2")
    assert list(out.columns)[:15] == ["area_code", "area_name", "level", "indicator_id", "period", "numerator",
                                      "denominator", "value", "lower", "upper", "suppressed", "suppression_reason",
                                      "comparison", "is_synthetic", "source"]
    assert out["suppressed"].dtype == bool and out["is_synthetic"].dtype == bool


def test_pc4_primary_and_secondary_suppression(data: pd.DataFrame) -> None:
    out = rates.area_rates(data, level="pc4", indicator_id="big2", period="2020").set_index("area_code")
    code = out["suppression_code"].to_dict()
    assert code["1002"] == "few_events"  # 5 events
    assert code["1004"] == "small_denominator"  # 8 births, blanked
    assert pd.isna(out.loc["1004", "denominator"])
    # GM0001: only 1004's births are hidden -> the smallest other births (1003: 100) are hidden too
    assert code["1003"] == "secondary" and pd.isna(out.loc["1003", "denominator"])
    assert pd.isna(out.loc["1003", "value"]) and pd.isna(out.loc["1003", "numerator"])
    # GM0002: only 2002's count is hidden -> the smaller visible count (2003: 40 < 45) is hidden too
    assert code["2002"] == "few_events" and code["2003"] == "secondary"
    assert out.loc["2001", "numerator"] == 45 and not out.loc["2001", "suppressed"]
    # GM0003: nothing to hide
    assert not out.loc[["3001", "3002"], "suppressed"].any()
    assert out.loc["1002", "suppression_reason"] == "minder dan 10 gebeurtenissen"
    assert out.loc["3001", "suppression_reason"] == ""


def test_no_hidden_cell_can_be_recovered_from_the_gemeente_total(data: pd.DataFrame) -> None:
    pc4 = rates.area_rates(data, level="pc4", indicator_id="big2")
    per_gemeente = pc4.groupby("gemeentecode").agg(hidden=("numerator", lambda s: s.isna().sum()),
                                                   hidden_births=("denominator", lambda s: s.isna().sum()))
    assert not (per_gemeente["hidden"] == 1).any()
    assert not (per_gemeente["hidden_births"] == 1).any()


def test_gemeente_rates_are_aggregated_from_pc4_with_wilson_ci(data: pd.DataFrame) -> None:
    out = rates.area_rates(data, level="gemeente", indicator_id="big2").set_index("area_code")
    assert out.loc["GM0001", "numerator"] == 47 and out.loc["GM0001", "denominator"] == 458
    assert out.loc["GM0001", "value"] == pytest.approx(100 * 47 / 458)
    # hand-computed Wilson 95%: 47/458 -> 7.805% .. 13.380%
    assert (out.loc["GM0001", "lower"], out.loc["GM0001", "upper"]) == pytest.approx((7.805, 13.380), abs=0.01)
    assert out.loc["GM0001", "area_name"] == "Aa"
    # 3 gemeenten without a national row are not the country: the bundled RIVM value of 2020 (15,0%) is the
    # reference. Aa lower (better), Bee 93/640 similar, Cee 160/900 = 17.8% higher (worse)
    assert out["national_value"].iloc[0] == pytest.approx(15.0)
    assert (out["national_basis"] == "rivm").all() and (out["national_label"] == "RIVM-monitor, 2020").all()
    assert out["comparison"].to_dict() == {"GM0001": "better", "GM0002": "similar", "GM0003": "worse"}


def test_gemeentecode_filter_returns_same_suppression(data: pd.DataFrame) -> None:
    everything = rates.area_rates(data, level="pc4", indicator_id="big2")
    one = rates.area_rates(data, level="pc4", indicator_id="big2", gemeentecode="GM0002")
    expected = everything[everything["gemeentecode"] == "GM0002"].reset_index(drop=True)
    pd.testing.assert_frame_equal(one, expected)


def test_single_suppressed_gemeente_gets_a_partner_within_nederland() -> None:
    rows = [("1001", "GM0001", 40, 5), ("2001", "GM0002", 300, 45), ("3001", "GM0003", 500, 100)]
    out = rates.area_rates(tidy(rows), level="gemeente", indicator_id="big2").set_index("area_code")
    assert out.loc["GM0001", "suppression_code"] == "few_events"
    assert out.loc["GM0002", "suppression_code"] == "secondary"  # smallest visible count (45 < 100)
    assert not out.loc["GM0003", "suppressed"]


def test_pooled_period_from_single_years_and_incomplete_areas() -> None:
    data = pd.concat([tidy(PC4_2020, period="2020"), tidy(PC4_2020[-2:], period="2019")], ignore_index=True)
    assert "2019-2020" in rates.periods(data)
    assert rates.default_period(data) == "2019-2020"
    out = rates.area_rates(data, level="pc4", indicator_id="big2", period="2019-2020").set_index("area_code")
    assert out.loc["3001", "numerator"] == 200 and out.loc["3001", "denominator"] == 1000
    assert out.loc["1001", "suppression_code"] == "unknown"  # 2019 missing: no partial pool


def test_unknown_period_raises(data: pd.DataFrame) -> None:
    with pytest.raises(rates.UnknownPeriod):
        rates.area_rates(data, level="pc4", indicator_id="big2", period="2011-2015")


def test_trend_periods_are_rolling_three_year_pools() -> None:
    years = [tidy(PC4_2020, period=str(y)) for y in range(2016, 2021)]
    data = pd.concat(years, ignore_index=True)
    assert rates.trend_periods(data) == ["2016-2018", "2017-2019", "2018-2020"]
    assert rates.default_period(data) == "2016-2020"


def test_national_row_in_file_is_the_benchmark(data: pd.DataFrame) -> None:
    land = data.iloc[[0]].assign(level="land", area_code="NL", gemeentecode=pd.NA, births=10_000, big2=1_500)
    out = rates.area_rates(pd.concat([data, land], ignore_index=True), level="gemeente", indicator_id="big2")
    assert out["national_value"].iloc[0] == pytest.approx(15.0)
    assert (out["national_basis"] == "land").all()


def test_synthetic_flag_travels_with_rows() -> None:
    out = rates.area_rates(tidy(PC4_2020, synthetic=True), level="gemeente", indicator_id="big2")
    assert out["is_synthetic"].all()


def test_per_1000_unit_for_mortality() -> None:
    data = tidy(PC4_2020)
    data["perinatal_deaths"] = pd.array([2, 1, 0, 0, 3, 1, 2, 4, 3], dtype="Int64")
    out = rates.area_rates(data, level="gemeente", indicator_id="perinatal_mortality").set_index("area_code")
    assert (out["unit"] == "per 1000").all()
    assert out["suppressed"].all()  # at most 7 deaths per gemeente: all below 10
    assert out["numerator"].isna().all()


def test_single_years_cannot_be_recovered_from_the_pooled_period() -> None:
    """Given 3001 with Big2 12, 5, 14 in 2018-2020 and the pool 2018-2020 (31) published, when the single
    years are shown, then 2019 (5) is hidden and so is at least one other year of 3001; and every published
    group (a gemeente in one year, an area over the pooled years) has 0 or 2+ hidden cells."""
    rows = {2018: 12, 2019: 5, 2020: 14}
    frames = [tidy([("3001", "GM0003", 100, big2), ("3002", "GM0003", 400, 60), ("3003", "GM0003", 300, 50)],
                   period=str(year)) for year, big2 in rows.items()]
    data = pd.concat(frames, ignore_index=True)
    pooled = rates.area_rates(data, level="pc4", indicator_id="big2", period="2018-2020").set_index("area_code")
    assert pooled.loc["3001", "numerator"] == 31  # the pool itself is publishable
    years = pd.concat([rates.area_rates(data, level="pc4", indicator_id="big2", period=str(y)) for y in rows],
                      ignore_index=True)
    own = years[years["area_code"] == "3001"].set_index("period")
    assert own.loc["2019", "suppression_code"] == "few_events"
    assert own["numerator"].isna().sum() >= 2
    for key in ("period", "area_code"):
        hidden = years.groupby(key)["numerator"].agg(lambda s: int(s.isna().sum()))
        assert not (hidden == 1).any(), key


# --- cells hidden in the source, counts derived from rates, gemeenten summed from PC4 (issue 13) ----------------
def _hide(frame: pd.DataFrame, code: str, column: str, label: str = "<10") -> pd.DataFrame:
    out = frame.copy()
    row = out["area_code"] == code
    out.loc[row, column] = pd.NA
    out.loc[row, perinatal_schema.censored_column(column)] = label
    return perinatal_schema.with_defaults(out)


def test_a_cell_hidden_in_the_source_says_so_and_counts_as_hidden() -> None:
    """Given GM0003's 3001 hidden in the source ('<10'), then it reads 'afgeschermd in de bron (<10)' and, as the
    only hidden cell of its gemeente, it gets a partner (3002): the source's cell cannot be recovered either."""
    out = rates.area_rates(_hide(tidy(PC4_2020), "3001", "big2"), level="pc4", indicator_id="big2").set_index("area_code")
    assert out.loc["3001", "suppression_code"] == "source"
    assert out.loc["3001", "suppression_reason"] == "afgeschermd in de bron (<10)"
    assert out.loc["3002", "suppression_code"] == "secondary"
    births = rates.area_rates(_hide(tidy(PC4_2020), "3001", "births", ""), level="pc4", indicator_id="big2")
    assert births.set_index("area_code").loc["3001", "suppression_reason"] == "aantal geboorten afgeschermd in de bron"


def test_a_gemeente_summed_from_pc4_with_hidden_cells_says_why_and_which_file_helps() -> None:
    out = rates.area_rates(_hide(tidy(PC4_2020), "3001", "big2"), level="gemeente", indicator_id="big2")
    row = out.set_index("area_code").loc["GM0003"]
    assert row["suppressed"] and row["suppression_code"] == "pc4_hidden"
    assert row["suppression_reason"] == tp.PC4_PARTS_HIDDEN.format(n=1, total=2, what="Big2")
    assert "per gemeente" in row["suppression_reason"]


def test_a_gemeente_row_wins_over_the_sum_of_its_pc4_areas() -> None:
    """Given a PC4 file with a hidden cell and a gemeente row for the same gemeente, then the gemeente's figure
    comes from its own row."""
    pc4 = _hide(tidy(PC4_2020), "3001", "big2")
    own = pc4.iloc[[0]].assign(level="gemeente", area_code="GM0003", gemeentecode="GM0003", births=900, big2=160)
    own[perinatal_schema.censored_column("big2")] = pd.NA
    out = rates.area_rates(pd.concat([pc4, own], ignore_index=True), level="gemeente", indicator_id="big2")
    row = out.set_index("area_code").loc["GM0003"]
    assert not row["suppressed"] and (row["numerator"], row["denominator"]) == (160, 900)


def _derived(rows: list[tuple], rate: float) -> pd.DataFrame:
    frame = tidy(rows)
    frame["big2"] = (frame["births"] * rate).round().astype("Int64")
    frame[perinatal_schema.rate_column("big2")] = rate
    frame[perinatal_schema.derived_column("big2")] = True
    return frame


def test_a_count_derived_from_a_rate_keeps_the_published_rate_and_its_interval() -> None:
    """Given Big2 published as 15,3% of 1.234 births (count derived: 189), then the value is 15,3% (not 189/1234 =
    15,32%), the interval is Wilson from rate and births, and the row says it was derived."""
    data = _derived([("3001", "GM0003", 1234, 0), ("3002", "GM0003", 1500, 0)], 0.153)
    out = rates.area_rates(data, level="pc4", indicator_id="big2").set_index("area_code")
    row = out.loc["3001"]
    assert row["numerator"] == 189 and row["value"] == pytest.approx(15.3) and bool(row["derived"])
    # Wilson score interval written out for p = 0,153 and n = 1.234 (Newcombe 1998, method 3)
    p, n, z = 0.153, 1234, 1.959964
    centre, half = (p + z * z / (2 * n)) / (1 + z * z / n), z * (p * (1 - p) / n + z * z / (4 * n * n)) ** 0.5 / (1 + z * z / n)
    assert (row["lower"], row["upper"]) == pytest.approx((100 * (centre - half), 100 * (centre + half)), abs=1e-4)


def test_suppression_applies_to_a_derived_count() -> None:
    """Given 4,0% of 100 births (4 events derived), then it is suppressed like a count of 4."""
    data = _derived([("3001", "GM0003", 100, 0), ("3002", "GM0003", 1500, 0), ("3003", "GM0003", 900, 0)], 0.04)
    out = rates.area_rates(data, level="pc4", indicator_id="big2").set_index("area_code")
    assert out.loc["3001", "suppression_code"] == "few_events" and pd.isna(out.loc["3001", "numerator"])
