"""Tests for ks_data/core/stats.py: Wilson intervals, suppression rules, pooling, aggregation, comparison."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ks_data.core import stats


# --- Wilson score interval against independent published values --------------------------------------
@pytest.mark.parametrize(
    ("events", "n", "lower", "upper"),
    [
        pytest.param(81, 263, 0.2553, 0.3662, id="Newcombe1998-table1-81of263"),
        pytest.param(15, 148, 0.0624, 0.1605, id="Newcombe1998-table1-15of148"),
        pytest.param(0, 20, 0.0000, 0.1611, id="Newcombe1998-table1-0of20"),
        pytest.param(1, 29, 0.0061, 0.1718, id="Newcombe1998-table1-1of29"),
        pytest.param(10, 100, 0.0552, 0.1744, id="hand-computed-10of100"),
    ],
)
def test_wilson_matches_reference_values(events: int, n: int, lower: float, upper: float) -> None:
    """Given published Wilson limits, when computed here, then they agree to 4 decimals."""
    got = stats.wilson_interval(events, n)
    assert got == pytest.approx((lower, upper), abs=5e-5)


def test_wilson_99_percent_is_wider_than_95() -> None:
    lo95, up95 = stats.wilson_interval(81, 263)
    lo99, up99 = stats.wilson_interval(81, 263, level=0.99)
    assert lo99 < lo95 and up99 > up95


@pytest.mark.parametrize(("events", "n"), [(-1, 10), (11, 10), (0, 0)])
def test_wilson_rejects_impossible_counts(events: int, n: int) -> None:
    with pytest.raises(stats.StatsError):
        stats.wilson_interval(events, n)


def test_proportion_carries_provenance_in_multiplier_units() -> None:
    result = stats.proportion(81, 263, multiplier=1000)
    assert result.value == pytest.approx(1000 * 81 / 263)
    assert (result.lower, result.upper) == pytest.approx((255.3, 366.2), abs=0.05)
    assert (result.method, result.level, result.n, result.events, result.suppressed) == ("Wilson", 0.95, 263, 81, False)


# --- primary suppression: hand-computed boundaries ------------------------------------------------------
@pytest.mark.parametrize(
    ("events", "n", "code"),
    [
        pytest.param(10, 500, None, id="10-events-shown"),
        pytest.param(9, 500, "few_events", id="9-events-suppressed"),
        pytest.param(490, 500, None, id="10-non-events-shown"),
        pytest.param(491, 500, "few_non_events", id="9-non-events-suppressed"),
        pytest.param(0, 9, "small_denominator", id="9-births-blanked"),
        pytest.param(10, 19, "few_non_events", id="10-of-19"),
        pytest.param(10, 20, None, id="10-of-20-shown"),
        pytest.param(None, 500, "unknown", id="unknown-events"),
        pytest.param(pd.NA, 500, "unknown", id="NA-events"),
    ],
)
def test_suppression_code_rules(events, n, code) -> None:
    assert stats.suppression_code(events, n) == code


def test_add_rates_blanks_suppressed_numerators_and_small_denominators() -> None:
    frame = pd.DataFrame({"area_code": list("abcd"), "numerator": [81, 9, 495, 3], "denominator": [263, 500, 500, 8]})
    out = stats.add_rates(frame)
    assert out["suppressed"].tolist() == [False, True, True, True]
    assert out["numerator"].tolist()[0] == 81
    assert out["numerator"].isna().tolist() == [False, True, True, True]
    assert out["denominator"].isna().tolist() == [False, False, False, True]  # 8 births < 10 blanked
    assert out["value"].isna().tolist() == [False, True, True, True]
    assert out.loc[0, "value"] == pytest.approx(100 * 81 / 263)
    assert out.loc[0, "lower"] == pytest.approx(25.53, abs=0.005)


def test_add_rates_rejects_events_above_births_and_negative_counts() -> None:
    with pytest.raises(stats.StatsError):
        stats.add_rates(pd.DataFrame({"numerator": [12], "denominator": [11]}))
    with pytest.raises(stats.StatsError):
        stats.add_rates(pd.DataFrame({"numerator": [-1], "denominator": [11]}))


# --- secondary suppression ---------------------------------------------------------------------------
def _cells(group: list[str], counts: list[int], flags: list[bool]) -> pd.DataFrame:
    return pd.DataFrame({"g": group, "area_code": [f"{i:04d}" for i in range(len(group))], "numerator": counts,
                         "suppressed": flags, "suppression_code": ["few_events" if f else None for f in flags],
                         "value": [None if f else 1.0 for f in flags]})


def test_single_suppressed_cell_gets_a_partner_the_smallest_visible_cell() -> None:
    """Given a gemeente of 4 PC4s where one is hidden, when the total is published, then the smallest
    visible cell (12, not 30 or 50) is hidden too, so total - visible cells no longer reveals a cell."""
    cells = _cells(["A"] * 4, [4, 30, 12, 50], [True, False, False, False])
    out = stats.secondary_suppression(cells, group="g", count="numerator", order="area_code")
    assert out["suppressed"].tolist() == [True, False, True, False]
    assert out.loc[2, "suppression_code"] == "secondary"
    assert pd.isna(out.loc[2, "numerator"]) and pd.isna(out.loc[2, "value"])


@pytest.mark.parametrize(
    ("flags", "expected"),
    [
        pytest.param([False, False, False], [False, False, False], id="none-hidden"),
        pytest.param([True, True, False], [True, True, False], id="two-hidden-already-safe"),
        pytest.param([True, True, True], [True, True, True], id="all-hidden"),
    ],
)
def test_groups_without_exactly_one_hidden_cell_are_unchanged(flags, expected) -> None:
    out = stats.secondary_suppression(_cells(["A"] * 3, [5, 6, 40], flags), group="g", count="numerator")
    assert out["suppressed"].tolist() == expected


def test_secondary_suppression_is_per_group_and_ties_break_by_order() -> None:
    cells = _cells(["A", "A", "A", "B", "B"], [3, 20, 20, 40, 50], [True, False, False, False, False])
    out = stats.secondary_suppression(cells, group="g", count="numerator", order="area_code")
    assert out["suppressed"].tolist() == [True, True, False, False, False]  # 0001 before 0002 on the tie


def test_one_cell_group_is_left_alone() -> None:
    out = stats.secondary_suppression(_cells(["A"], [3], [True]), group="g", count="numerator")
    assert out["suppressed"].tolist() == [True]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.sampled_from("ABC"), st.integers(0, 60), st.booleans()), min_size=1, max_size=25))
def test_no_group_ever_keeps_exactly_one_hidden_cell(rows) -> None:
    """Property: after secondary suppression no group with 2+ cells has exactly one hidden cell."""
    cells = _cells([r[0] for r in rows], [r[1] for r in rows], [r[2] for r in rows])
    out = stats.secondary_suppression(cells, group="g", count="numerator", order="area_code")
    per_group = out.groupby("g")["suppressed"].agg(["sum", "size"])
    assert not ((per_group["sum"] == 1) & (per_group["size"] >= 2)).any()
    assert (out["suppressed"] | ~cells["suppressed"]).all()  # never un-hides a cell


# --- aggregation and pooling -------------------------------------------------------------------------
def test_sum_complete_gives_na_when_any_part_is_unknown() -> None:
    frame = pd.DataFrame({"gemeentecode": ["GM1", "GM1", "GM2"], "births": [100, 120, 40], "big2": [15, pd.NA, 7]})
    out = stats.sum_complete(frame, by=["gemeentecode"], columns=["births", "big2"]).set_index("gemeentecode")
    assert out.loc["GM1", "births"] == 220 and pd.isna(out.loc["GM1", "big2"])
    assert out.loc["GM2", "big2"] == 7


def test_pool_years_sums_complete_spans_only() -> None:
    frame = pd.DataFrame({
        "area_code": ["x"] * 3 + ["y"] * 2,
        "period": ["2018", "2019", "2020", "2019", "2020"],
        "births": [100, 110, 120, 50, 60], "big2": [10, 12, 14, 5, 6],
    })
    out = stats.pool_years(frame, years=[2018, 2019, 2020], keys=["area_code"], columns=["births", "big2"])
    out = out.set_index("area_code")
    assert out.loc["x", "births"] == 330 and out.loc["x", "big2"] == 36
    assert pd.isna(out.loc["y", "births"])  # 2018 missing for y: no partial sum
    assert set(out["period"]) == {"2018-2020"}


def test_period_label() -> None:
    assert stats.period_label([2020, 2016]) == "2016-2020"
    assert stats.period_label((2020,)) == "2020"


# --- comparison with the national value ---------------------------------------------------------------
@pytest.mark.parametrize(
    ("lower", "upper", "polarity", "expected"),
    [
        (16.0, 18.0, "lower_is_better", "worse"),
        (12.0, 14.0, "lower_is_better", "better"),
        (16.0, 18.0, "higher_is_better", "better"),
        (12.0, 14.0, "higher_is_better", "worse"),
        (16.0, 18.0, "none", "higher"),
        (12.0, 14.0, "none", "lower"),
        (14.0, 16.0, "lower_is_better", "similar"),
        (15.0, 16.0, "lower_is_better", "similar"),  # benchmark on the bound: not significant
        (14.0, 15.0, "none", "similar"),
        (None, None, "lower_is_better", "not_compared"),
    ],
)
def test_compare_with_benchmark_15(lower, upper, polarity, expected) -> None:
    assert stats.compare(lower, upper, 15.0, polarity=polarity) == expected


def test_compare_unknown_polarity_raises() -> None:
    with pytest.raises(stats.StatsError):
        stats.compare(1.0, 2.0, 3.0, polarity="up")
