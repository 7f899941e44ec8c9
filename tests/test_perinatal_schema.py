"""Tests for ks_data/perinatal/schema.py: the tidy frame's columns and the defaults older frames get."""

from __future__ import annotations

import pandas as pd

from ks_data.perinatal import schema as ps


def test_empty_tidy_has_every_column_with_its_dtype() -> None:
    frame = ps.empty_tidy()
    for count in ps.COUNT_COLUMNS:
        assert frame[count].dtype == "Int64" and frame[ps.censored_column(count)].dtype == "string"
    for event in ps.EVENT_COLUMNS:
        assert frame[ps.derived_column(event)].dtype == bool and frame[ps.rate_column(event)].dtype == "Float64"
    assert frame["big2_weeks"].dtype == "Int64" and frame["is_synthetic"].dtype == bool


def test_a_frame_without_the_new_columns_gets_defaults() -> None:
    """Given a frame as the synthetic demo writes it (no censored/derived/variant columns), then it gets them:
    nothing hidden in the source, nothing derived, counted as the definition says; its own values stay."""
    old = pd.DataFrame({"period": ["2020"], "level": ["pc4"], "area_code": ["1011"], "births": [120], "big2": [18],
                        "is_synthetic": [True]})
    frame = ps.with_defaults(old)
    assert frame.loc[0, "births"] == 120 and frame.loc[0, "big2"] == 18 and bool(frame.loc[0, "is_synthetic"])
    assert pd.isna(frame.loc[0, ps.censored_column("big2")]) and not frame.loc[0, ps.derived_column("big2")]
    assert pd.isna(frame.loc[0, "big2_weeks"]) and pd.isna(frame.loc[0, "mortality_weeks"])  # as the definition
    assert pd.isna(frame.loc[0, "sga"]) and list(old.columns) == ["period", "level", "area_code", "births", "big2",
                                                                 "is_synthetic"]


def test_weeks_column_of_each_event() -> None:
    assert ps.weeks_column("perinatal_deaths_28d") == "mortality_weeks" and ps.weeks_column("sga") == "big2_weeks"
