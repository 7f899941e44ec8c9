"""Tests for ks_data/perinatal/checks.py: the consistency checks of parsed records, each naming row and column.

``check_records`` gets the parsed records (``_row`` is the line number in the file, ``_where`` the row and
header of each value, ``_rates`` the published rates to check against counts); the end-to-end tests read a
small file through ``reader.read_perinatal_file``.
"""

from __future__ import annotations

import pytest

from ks_data.perinatal import schema as ps
from ks_data.perinatal.cells import Rate
from ks_data.perinatal.checks import check_records
from ks_data.texts import perinatal as tp
from tests.test_perinatal_reader import read_text

HEADERS = {"period": "Jaar", "area_code": "Code", "births": "Geboorten", "big2": "Big2", "preterm": "Vroeggeboorte",
           "sga": "SGA", "perinatal_deaths": "Sterfte 7 dagen", "perinatal_deaths_28d": "Sterfte 28 dagen"}
KNOWN = {"GM0014", "GM0088", "GM0363"}
PC4 = {"1011": "GM0363"}
FIELDS = ("_row", "level", "area_code", "period", "births", "big2", "preterm", "sga", "perinatal_deaths",
          "perinatal_deaths_28d")


def _record(*values, rates=(), headers=HEADERS, births_hidden=None) -> dict:
    record = dict(zip(FIELDS, values))
    record["_where"] = {column: (record["_row"], header) for column, header in headers.items()}
    record["_rates"] = [(event, Rate(value / per, 1), per, (record["_row"], header)) for event, value, per, header in rates]
    if births_hidden:
        record[ps.censored_column("births")], record["_births_bound"] = births_hidden
    return record


def _check(*records, known: set[str] | None = KNOWN, pc4: dict[str, str] | None = PC4) -> list:
    return [(p.severity, p.row, p.column, p.message) for p in check_records(list(records), "f.csv", known, pc4)]


def test_a_consistent_file_has_no_findings() -> None:
    assert _check(_record(2, "gemeente", "GM0363", "2020", 1000, 150, 67, 98, 5, 6, rates=[("big2", 15.0, 100, "%")]),
                  _record(3, "pc4", "1011", "2020", 200, 30, 12, 20, 1, 1)) == []


@pytest.mark.parametrize(("record", "expected"), [
    pytest.param(_record(2, "gemeente", "GM0363", "2020", 100, 101, None, None, None, None),
                 ("error", 2, "Big2", tp.EVENTS_EXCEED_BIRTHS.format(events="Big2", count="101", births="100")),
                 id="events-exceed-births"),
    pytest.param(_record(4, "gemeente", "GM0363", "2020", 100, None, None, None, 3, 150),
                 ("error", 4, "Sterfte 28 dagen", tp.EVENTS_EXCEED_BIRTHS.format(
                     events="perinatale sterfte (28 dagen)", count="150", births="100")), id="deaths-exceed-births"),
    pytest.param(_record(3, "pc4", "1011", "2020", None, 15, None, None, None, None, births_hidden=("<10", 9)),
                 ("error", 3, "Big2", tp.EVENTS_EXCEED_BIRTHS.format(events="Big2", count="15", births="<10")),
                 id="events-exceed-hidden-births"),
    pytest.param(_record(5, "gemeente", "GM0363", "2020", 1000, 150, None, None, None, None,
                         rates=[("big2", 18.5, 100, "% Big2")]),
                 ("warning", 5, "% Big2", tp.RATE_MISMATCH.format(rate="18,5", unit="%", count="150", births="1.000",
                                                                  computed="15,0")), id="percentage"),
    pytest.param(_record(5, "gemeente", "GM0363", "2020", 1000, None, None, None, 9, None,
                         rates=[("perinatal_deaths", 6.0, 1000, "Sterfte (‰)")]),
                 ("warning", 5, "Sterfte (‰)", tp.RATE_MISMATCH.format(rate="6,0", unit=" per 1.000", count="9",
                                                                       births="1.000", computed="9,0")),
                 id="per-1000"),
    pytest.param(_record(6, "gemeente", "GM0363", "2020", 1000, 300, 60, 90, None, None),
                 ("warning", 6, "Big2", tp.BIG2_INCONSISTENT.format(big2="300", preterm="60", sga="90", low="90",
                                                                    high="150")), id="big2-preterm-sga"),
    pytest.param(_record(7, "gemeente", "GM0363", "2020", 1000, None, None, None, 5, 3),
                 ("warning", 7, "Sterfte 28 dagen", tp.DEATHS_28_BELOW_7.format(d28="3", d7="5")), id="deaths-28-7"),
    pytest.param(_record(8, "gemeente", "GM9999", "2020", 1000, 150, None, None, None, None),
                 ("error", 8, "Code", tp.UNKNOWN_GEMEENTE.format(code="GM9999")), id="unknown-gemeente"),
    pytest.param(_record(9, "pc4", "9999", "2020", 1000, 150, None, None, None, None),
                 ("warning", 9, "Code", tp.UNKNOWN_PC4.format(code="9999")), id="unknown-pc4"),
])
def test_each_check_names_row_and_column(record: dict, expected: tuple) -> None:
    """Given one record breaking one rule, then exactly that finding, with the file's row and its own header."""
    assert _check(record) == [expected]


@pytest.mark.parametrize(("published", "decimals", "flagged"), [(15.0, 1, False), (15.00, 2, False), (15.01, 2, True), (15.1, 1, True),
                                                               (15.0, 0, False), (16.0, 0, True)])
def test_a_rate_may_differ_from_its_count_by_its_rounding_only(published, decimals, flagged) -> None:
    """Given 150 of 1.000 (15,0%), then a published rate within half its last decimal passes; beyond it warns."""
    record = _record(2, "gemeente", "GM0363", "2020", 1000, 150, None, None, None, None)
    record["_rates"] = [("big2", Rate(published / 100, decimals), 100, (2, "Big2 (%)"))]
    assert bool(_check(record)) is flagged


def test_duplicate_area_and_period_points_to_the_first_row() -> None:
    """The second row of the same area and period is refused and names the row it repeats; another period is fine."""
    assert _check(_record(2, "gemeente", "GM0363", "2020", 1000, 150, None, None, None, None),
                  _record(3, "gemeente", "GM0363", "2019", 1000, 150, None, None, None, None),
                  _record(5, "gemeente", "GM0363", "2020", 900, 140, None, None, None, None)) == [
        ("error", 5, "Code", tp.DUPLICATE_AREA.format(code="GM0363", period="2020", other=2))]


def test_headers_missing_from_the_file_fall_back_to_the_dutch_column_label() -> None:
    """A check on a column the file does not have by that header names the column in Dutch."""
    headers = {key: value for key, value in HEADERS.items() if key != "big2"}
    [problem] = check_records([_record(2, "gemeente", "GM0363", "2020", 100, 101, None, None, None, None,
                                       headers=headers)], "f.csv", KNOWN, PC4)
    assert problem.column == tp.COLUMN_LABELS["big2"] and problem.row == 2


def test_without_boundary_cache_codes_are_not_checked() -> None:
    """Without the boundary lookups unknown codes pass, and one file-level warning says so."""
    assert _check(_record(2, "gemeente", "GM9999", "2020", 1000, 150, None, None, None, None), known=None, pc4=None) \
        == [("warning", None, None, tp.NO_GEO_CHECK)]


# --- the same checks through the reader, on files as a user loads them -------------------------------------
def test_percentage_with_decimal_comma_is_checked_against_counts() -> None:
    result = read_text("Jaar;Gemeentecode;Geboorten;Big2;Percentage Big2\n2020;GM0363;1.000;150;18,5\n")
    assert result.ok  # a warning, not an error
    warning = [i for i in result.issues if i.severity == "warning" and i.column == "Percentage Big2"]
    assert warning and warning[0].row == 2 and "15,0%" in warning[0].message and "18,5%" in warning[0].message


def test_big2_inconsistent_with_preterm_and_sga_is_a_warning() -> None:
    result = read_text("Jaar;Gemeentecode;Geboorten;Big2;Vroeggeboorte;SGA\n2020;GM0363;1000;300;60;90\n")
    assert result.ok
    assert any(i.column == "Big2" and "tussen 90 en 150" in i.message for i in result.issues)


def test_without_geo_lookups_codes_are_not_checked_but_warned() -> None:
    result = read_text("Jaar;Gemeentecode;Geboorten;Big2\n2020;GM9999;1000;150\n", known_gemeenten=None,
                       pc4_gemeente=None)
    assert result.ok and any(i.severity == "warning" and "niet gecontroleerd" in i.message for i in result.issues)
