"""Tests for ks_data/perinatal/checks.py: the consistency checks of parsed rows, each naming row and column.

``check_rows`` gets the parsed rows (``_row`` is the line number in the file) and the file's own headers;
the end-to-end tests read a small file through ``reader.read_perinatal_file``.
"""

from __future__ import annotations

import pandas as pd
import pytest

from ks_data.perinatal.checks import check_rows
from ks_data.texts import perinatal as tp
from tests.test_perinatal_reader import read_text

HEADERS = ["Jaar", "Code", "Geboorten", "Big2", "Vroeggeboorte", "SGA", "Sterfte 7 dagen", "Sterfte 28 dagen", "% Big2"]
FOUND = {"period": 0, "area_code": 1, "births": 2, "big2": 3, "preterm": 4, "sga": 5, "perinatal_deaths": 6,
         "perinatal_deaths_28d": 7, "big2_pct": 8}
KNOWN = {"GM0014", "GM0088", "GM0363"}
PC4 = {"1011": "GM0363"}
COLUMNS = ["_row", "level", "area_code", "period", "births", "big2", "preterm", "sga", "perinatal_deaths",
           "perinatal_deaths_28d", "big2_pct"]


def _rows(*rows: tuple) -> pd.DataFrame:
    return pd.DataFrame(list(rows), columns=COLUMNS)


def _check(frame: pd.DataFrame, *, known: set[str] | None = KNOWN, pc4: dict[str, str] | None = PC4) -> list:
    return [(p.severity, p.row, p.column, p.message) for p in check_rows(frame, "f.csv", FOUND, HEADERS, known, pc4)]


def test_a_consistent_file_has_no_findings() -> None:
    frame = _rows((2, "gemeente", "GM0363", "2020", 1000, 150, 67, 98, 5, 6, 15.0),
                  (3, "pc4", "1011", "2020", 200, 30, 12, 20, 1, 1, None))
    assert _check(frame) == []


@pytest.mark.parametrize(("row", "expected"), [
    pytest.param((2, "gemeente", "GM0363", "2020", 100, 101, None, None, None, None, None),
                 ("error", 2, "Big2", tp.EVENTS_EXCEED_BIRTHS.format(events="Big2", count="101", births="100")),
                 id="events-exceed-births"),
    pytest.param((4, "gemeente", "GM0363", "2020", 100, None, None, None, 3, 150, None),
                 ("error", 4, "Sterfte 28 dagen", tp.EVENTS_EXCEED_BIRTHS.format(
                     events="perinatale sterfte (28 dagen)", count="150", births="100")), id="deaths-exceed-births"),
    pytest.param((5, "gemeente", "GM0363", "2020", 1000, 150, None, None, None, None, 18.5),
                 ("warning", 5, "% Big2", tp.PCT_MISMATCH.format(pct="18,5", computed="15,0")), id="percentage"),
    pytest.param((6, "gemeente", "GM0363", "2020", 1000, 300, 60, 90, None, None, None),
                 ("warning", 6, "Big2", tp.BIG2_INCONSISTENT.format(big2="300", preterm="60", sga="90", low="90",
                                                                    high="150")), id="big2-preterm-sga"),
    pytest.param((7, "gemeente", "GM0363", "2020", 1000, None, None, None, 5, 3, None),
                 ("warning", 7, "Sterfte 28 dagen", tp.DEATHS_28_BELOW_7.format(d28="3", d7="5")), id="deaths-28-7"),
    pytest.param((8, "gemeente", "GM9999", "2020", 1000, 150, None, None, None, None, None),
                 ("error", 8, "Code", tp.UNKNOWN_GEMEENTE.format(code="GM9999")), id="unknown-gemeente"),
    pytest.param((9, "pc4", "9999", "2020", 1000, 150, None, None, None, None, None),
                 ("warning", 9, "Code", tp.UNKNOWN_PC4.format(code="9999")), id="unknown-pc4"),
])
def test_each_check_names_row_and_column(row: tuple, expected: tuple) -> None:
    """Given one row breaking one rule, then exactly that finding, with the file's row and its own header."""
    assert _check(_rows(row)) == [expected]


def test_duplicate_area_and_period_points_to_the_first_row() -> None:
    """The second row of the same area and period is refused and names the row it repeats; another period is fine."""
    frame = _rows((2, "gemeente", "GM0363", "2020", 1000, 150, None, None, None, None, None),
                  (3, "gemeente", "GM0363", "2019", 1000, 150, None, None, None, None, None),
                  (5, "gemeente", "GM0363", "2020", 900, 140, None, None, None, None, None))
    assert _check(frame) == [("error", 5, "Code", tp.DUPLICATE_AREA.format(code="GM0363", period="2020", other=2))]


def test_headers_missing_from_the_file_fall_back_to_the_dutch_column_label() -> None:
    """A check on a column the file does not have by that header names the column in Dutch."""
    frame = _rows((2, "gemeente", "GM0363", "2020", 100, 101, None, None, None, None, None))
    found = {key: value for key, value in FOUND.items() if key != "big2"}
    [problem] = check_rows(frame, "f.csv", found, HEADERS, KNOWN, PC4)
    assert problem.column == tp.COLUMN_LABELS["big2"] and problem.row == 2


def test_without_boundary_cache_codes_are_not_checked() -> None:
    """Without the boundary lookups unknown codes pass, and one file-level warning says so."""
    frame = _rows((2, "gemeente", "GM9999", "2020", 1000, 150, None, None, None, None, None))
    assert _check(frame, known=None, pc4=None) == [("warning", None, None, tp.NO_GEO_CHECK)]


# --- the same checks through the reader, on files as a user loads them -------------------------------------
def test_percentage_with_decimal_comma_is_checked_against_counts() -> None:
    result = read_text("Jaar;Gemeentecode;Geboorten;Big2;Percentage Big2\n2020;GM0363;1.000;150;18,5\n")
    assert result.ok  # a warning, not an error
    warning = [i for i in result.issues if i.severity == "warning" and i.column == "Percentage Big2"]
    assert warning and warning[0].row == 2 and "15,0" in warning[0].message


def test_big2_inconsistent_with_preterm_and_sga_is_a_warning() -> None:
    result = read_text("Jaar;Gemeentecode;Geboorten;Big2;Vroeggeboorte;SGA\n2020;GM0363;1000;300;60;90\n")
    assert result.ok
    assert any(i.column == "Big2" and "tussen 90 en 150" in i.message for i in result.issues)


def test_without_geo_lookups_codes_are_not_checked_but_warned() -> None:
    result = read_text("Jaar;Gemeentecode;Geboorten;Big2\n2020;GM9999;1000;150\n", known_gemeenten=None,
                       pc4_gemeente=None)
    assert result.ok and any(i.severity == "warning" and "niet gecontroleerd" in i.message for i in result.issues)
