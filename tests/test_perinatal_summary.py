"""Tests for ks_data/perinatal/summary.py: the 'Wat valt op' gist of a gemeente against Nederland."""

from __future__ import annotations

import pandas as pd
import pytest

from ks_data.perinatal import profile as rates_profile
from ks_data.perinatal import summary
from ks_data.texts import perinatal as tp
from tests.test_perinatal_rates import PC4_2020, tidy


def _row(title: str, value: float | None, lower: float | None, upper: float | None, national: float | None, *,
         comparison: str, suppressed: bool = False, unit: str = "%") -> dict:
    return {"indicator_id": title.lower(), "short_title": title, "value": value, "lower": lower, "upper": upper,
            "national_value": national, "comparison": comparison, "suppressed": suppressed, "unit": unit,
            "decimals": 1}


def test_significant_rows_become_sentences_unfavourable_first() -> None:
    """Given a favourable, an unfavourable, a similar and a no-direction row, then the unfavourable one comes
    first, each sentence carries both values, the direction and 'significant', and the similar one is named."""
    frame = pd.DataFrame([
        _row("Vroeggeboorte", 6.1, 5.8, 6.4, 6.8, comparison="better"),
        _row("Big2", 17.14, 16.8, 17.5, 15.0, comparison="worse"),
        _row("Sterfte", 7.9, 7.0, 8.8, 7.7, comparison="similar", unit="per 1000"),
        _row("Tienermoeders", 2.2, 2.0, 2.4, 1.5, comparison="higher"),
    ])
    gist = summary.gist(frame)
    assert [f.title for f in gist.findings] == ["Big2", "Vroeggeboorte", "Tienermoeders"]
    assert gist.lines() == [
        "**Big2**: 17,1% tegen 15,0% in Nederland — hoger dan landelijk, ongunstig (significant)",
        "**Vroeggeboorte**: 6,1% tegen 6,8% in Nederland — lager dan landelijk, gunstig (significant)",
        "**Tienermoeders**: 2,2% tegen 1,5% in Nederland — hoger dan landelijk (significant)",
        tp.GIST_SIMILAR.format(indicators="Sterfte"),
    ]


def test_nothing_significant_is_said_plainly_and_suppressed_and_uncompared_rows_are_named() -> None:
    frame = pd.DataFrame([
        _row("Big2", 15.2, 14.0, 16.4, 15.0, comparison="similar"),
        _row("Vroeggeboorte", None, None, None, 6.8, comparison="not_compared", suppressed=True),
        _row("Sterfte", 7.9, 7.0, 8.8, None, comparison="not_compared", unit="per 1000"),
    ])
    assert summary.gist(frame).lines() == [
        tp.GIST_NONE_SIGNIFICANT.format(n=1),
        tp.GIST_SUPPRESSED.format(indicators="Vroeggeboorte"),
        tp.GIST_NOT_COMPARED.format(indicators="Sterfte"),
    ]


def test_an_empty_profile_says_there_is_nothing_to_compare() -> None:
    assert summary.gist(pd.DataFrame()).lines() == [tp.GIST_EMPTY]
    only_suppressed = pd.DataFrame([_row("Big2", None, None, None, 15.0, comparison="not_compared",
                                         suppressed=True)])
    assert summary.gist(only_suppressed).lines() == [tp.GIST_SUPPRESSED.format(indicators="Big2")]


@pytest.mark.parametrize("gemeente", ["GM0003"])
def test_the_gist_follows_the_confidence_interval_of_real_rates(gemeente: str) -> None:
    """Given rates computed from counts (Wilson interval), then an indicator is a finding exactly when its
    interval leaves out the national value."""
    profile = rates_profile.overview(tidy(PC4_2020), gemeentecode=gemeente, period="2020")
    gist = summary.gist(profile)
    outside = {row["short_title"] for _, row in profile.iterrows()
               if pd.notna(row["national_value"]) and not row["suppressed"]
               and (row["lower"] > row["national_value"] or row["upper"] < row["national_value"])}
    assert {f.title for f in gist.findings} == outside
    assert outside, "the fixture gemeente differs significantly on at least one indicator"
