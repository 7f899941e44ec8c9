"""Latest values, change judgement and the coalition table (ks_data/national/change.py)."""

from __future__ import annotations

import pandas as pd
import pytest

from ks_data.national.catalogue import load_catalogue
from ks_data.national.change import coalition_data, coalition_shares, coalition_table, judge, latest_value


@pytest.fixture(scope="module")
def catalogue():
    return load_catalogue()


@pytest.mark.parametrize("denominator", ["impuls", "respondents"])
def test_coalition_percentages_round_to_tabel_1(catalogue, denominator):
    """Given Tabel 1's counts, the computed percentages round to the percentages the monitor prints."""
    shares = coalition_shares(catalogue.coalitions, denominator=denominator)
    printed = shares.dropna(subset=["stated_percentage"])
    assert len(printed) == 6
    for row in printed.itertuples():
        assert round(row.percentage) == row.stated_percentage, (row.year, row.status)


def test_coalition_other_is_the_remainder(catalogue):
    shares = coalition_shares(catalogue.coalitions, denominator="respondents")
    year_2021 = shares[shares["year"] == 2021].set_index("status")["count"]
    # 217 respondents = 140 formed + 67 in development + 10 without a coalition (monitor, indicator 1)
    assert year_2021.to_dict() == {"formed": 140, "in_development": 67, "other": 10}
    impuls = coalition_shares(catalogue.coalitions, denominator="impuls")
    totals = impuls.groupby("year")["count"].sum().to_dict()
    assert totals == {2019: 147, 2020: 275, 2021: 273}


def test_coalition_table_is_dutch(catalogue):
    table = coalition_table(coalition_shares(catalogue.coalitions, denominator="impuls"))
    row = table[(table["Jaar"] == 2021) & (table["Stand"] == "Coalitie gevormd")].iloc[0]
    assert row["Percentage in Tabel 1"] == "51%" and row["Percentage (berekend)"] == "51,3%"


def test_coalition_data_is_the_table_with_plain_numbers(catalogue):
    shares = coalition_shares(catalogue.coalitions, denominator="respondents")
    data, table = coalition_data(shares), coalition_table(shares)
    assert data.columns.tolist() == table.columns.tolist() == [
        "Jaar", "Stand", "Aantal gemeenten", "Noemer", "Percentage (berekend)", "Percentage in Tabel 1", "Bron (sectie)"]
    assert data[["Jaar", "Stand"]].equals(table[["Jaar", "Stand"]])
    row = data[(data["Jaar"] == 2021) & (data["Stand"] == "Coalitie gevormd")].iloc[0]
    assert row["Percentage (berekend)"] == pytest.approx(100 * 140 / 217) and row["Percentage in Tabel 1"] == 65
    assert row["Noemer"] == 217
    other = data[data["Stand"] == "Geen coalitie of onbekend"]
    assert other["Percentage in Tabel 1"].isna().all()  # the monitor prints no percentage for the remainder


@pytest.mark.parametrize(
    "direction,polarity,expected",
    [("up", "higher_is_better", "better"), ("down", "higher_is_better", "worse"), ("up", "lower_is_better", "worse"),
     ("down", "lower_is_better", "better"), ("up", "none", "higher"), ("same", "lower_is_better", "same")],
)
def test_judge(direction, polarity, expected):
    assert judge(direction=direction, polarity=polarity) == expected


def test_judge_refuses_unknown_polarity():
    with pytest.raises(ValueError):
        judge(direction="up", polarity="sideways")


def test_latest_value_of_kraamzorg_is_worse(catalogue):
    latest = latest_value(catalogue.values_for("no_kraamzorg"), polarity="lower_is_better", decimals=1)
    assert (latest.year, latest.value, latest.previous_year, latest.previous_value) == (2020, 9.5, 2016, 6.3)
    assert latest.judgement == "worse"


def test_latest_value_single_year_has_no_previous():
    frame = pd.DataFrame({"year": [2019], "value": [14.5], "numerator": [pd.NA], "denominator": [pd.NA]})
    latest = latest_value(frame, polarity="lower_is_better", decimals=1)
    assert latest.judgement == "no_previous" and latest.previous_year is None
