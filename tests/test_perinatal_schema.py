"""Tests for ks_data/perinatal/schema.py: column aliases and cell parsers."""

from __future__ import annotations

import pytest

from ks_data.perinatal import schema as ps


@pytest.mark.parametrize(
    ("header", "column"),
    [
        ("Periode", "period"), ("JAAR", "period"), ("Gemeentecode", "area_code"), ("Postcode", "area_code"),
        ("Aantal geboorten", "births"), ("geboorten_vanaf_24_weken", "births"), ("Aantal Big2", "big2"),
        ("Aantal vroeggeboorten", "preterm"), ("SGA p10", "sga"), ("Laag geboortegewicht", "sga"),
        ("Perinatale sterfte tot 7 dagen", "perinatal_deaths"), ("Sterfte tot 28 dagen", "perinatal_deaths_28d"),
        ("Big2 (%)", "big2_pct"), ("Niveau", "level"), ("Gemeentenaam", "area_name"),
    ],
)
def test_documented_aliases_map_to_canonical_columns(header: str, column: str) -> None:
    found, unknown = ps.map_headers([header])
    assert found == {column: 0} and unknown == []


def test_pc4_and_gemeente_columns_together() -> None:
    found, _ = ps.map_headers(["Gemeentecode", "Postcode", "Jaar", "Geboorten", "Big2"])
    assert found["area_code"] == 1 and found["gemeentecode"] == 0


@pytest.mark.parametrize(("cell", "value"), [("1.234", 1234), ("87", 87), (".", None), ("", None), ("x", None),
                                             (None, None), (12.0, 12), ("12,0", 12), (" 1 234 ", 1234), (0, 0)])
def test_parse_count(cell, value) -> None:
    assert ps.parse_count(cell) == value


@pytest.mark.parametrize(("cell", "code"), [("12,5", "not_whole"), ("twaalf", "not_number"), ("-3", "negative"),
                                            (-3, "negative"), (2.5, "not_whole"), ("1.23", "not_whole")])
def test_parse_count_errors(cell, code) -> None:
    with pytest.raises(ps.CellError) as info:
        ps.parse_count(cell)
    assert info.value.code == code


@pytest.mark.parametrize(("cell", "value"), [("2020", "2020"), (2020, "2020"), (2020.0, "2020"),
                                             ("2016-2020", "2016-2020"), ("2016 t/m 2020", "2016-2020"),
                                             ("2016–2020", "2016-2020")])
def test_parse_period(cell, value) -> None:
    assert ps.parse_period(cell) == value


@pytest.mark.parametrize("cell", ["20", "2020-2016", "vorig jaar", "", "."])
def test_parse_period_errors(cell) -> None:
    with pytest.raises(ps.CellError):
        ps.parse_period(cell)


@pytest.mark.parametrize(("cell", "value"), [("GM0363", "GM0363"), ("gm363", "GM0363"), ("363", "GM0363"),
                                             (363, "GM0363"), (363.0, "GM0363"), ("0014", "GM0014")])
def test_parse_gemeentecode(cell, value) -> None:
    assert ps.parse_gemeentecode(cell) == value


@pytest.mark.parametrize("cell", ["GM", "Amsterdam", "0", "GM12345"])
def test_parse_gemeentecode_errors(cell) -> None:
    with pytest.raises(ps.CellError):
        ps.parse_gemeentecode(cell)


@pytest.mark.parametrize(("cell", "ok"), [(1011, "1011"), ("1011", "1011"), (1011.0, "1011")])
def test_parse_pc4(cell, ok) -> None:
    assert ps.parse_pc4(cell) == ok


@pytest.mark.parametrize("cell", ["0999", "101", "1011AB", "abcd"])
def test_parse_pc4_errors(cell) -> None:
    with pytest.raises(ps.CellError):
        ps.parse_pc4(cell)


def test_parse_decimal_with_comma_and_thousands() -> None:
    assert ps.parse_decimal("15,3") == 15.3
    assert ps.parse_decimal("1.234,5") == 1234.5
    assert ps.parse_decimal(".") is None
