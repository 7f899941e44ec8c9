"""Tests for ks_data/perinatal/cells.py: the cell parsers (counts, periods, codes, decimals) and their errors."""

from __future__ import annotations

import pytest

from ks_data.perinatal import cells


@pytest.mark.parametrize(("cell", "value"), [("1.234", 1234), ("87", 87), (".", None), ("", None), ("x", None),
                                             (None, None), (12.0, 12), ("12,0", 12), (" 1 234 ", 1234), (0, 0)])
def test_parse_count(cell, value) -> None:
    assert cells.parse_count(cell) == value


@pytest.mark.parametrize(("cell", "code"), [("12,5", "not_whole"), ("twaalf", "not_number"), ("-3", "negative"),
                                            (-3, "negative"), (2.5, "not_whole"), ("1.23", "not_whole")])
def test_parse_count_errors(cell, code) -> None:
    with pytest.raises(cells.CellError) as info:
        cells.parse_count(cell)
    assert info.value.code == code


@pytest.mark.parametrize(("cell", "value"), [("2020", "2020"), (2020, "2020"), (2020.0, "2020"),
                                             ("2016-2020", "2016-2020"), ("2016 t/m 2020", "2016-2020"),
                                             ("2016–2020", "2016-2020")])
def test_parse_period(cell, value) -> None:
    assert cells.parse_period(cell) == value


@pytest.mark.parametrize("cell", ["20", "2020-2016", "vorig jaar", "", "."])
def test_parse_period_errors(cell) -> None:
    with pytest.raises(cells.CellError):
        cells.parse_period(cell)


@pytest.mark.parametrize(("cell", "value"), [("GM0363", "GM0363"), ("gm363", "GM0363"), ("363", "GM0363"),
                                             (363, "GM0363"), (363.0, "GM0363"), ("0014", "GM0014")])
def test_parse_gemeentecode(cell, value) -> None:
    assert cells.parse_gemeentecode(cell) == value


@pytest.mark.parametrize("cell", ["GM", "Amsterdam", "0", "GM12345"])
def test_parse_gemeentecode_errors(cell) -> None:
    with pytest.raises(cells.CellError):
        cells.parse_gemeentecode(cell)


@pytest.mark.parametrize(("cell", "ok"), [(1011, "1011"), ("1011", "1011"), (1011.0, "1011")])
def test_parse_pc4(cell, ok) -> None:
    assert cells.parse_pc4(cell) == ok


@pytest.mark.parametrize("cell", ["0999", "101", "1011AB", "abcd"])
def test_parse_pc4_errors(cell) -> None:
    with pytest.raises(cells.CellError):
        cells.parse_pc4(cell)


def test_parse_decimal_with_comma_and_thousands() -> None:
    assert cells.parse_decimal("15,3") == 15.3
    assert cells.parse_decimal("1.234,5") == 1234.5
    assert cells.parse_decimal(".") is None


def test_level_words_and_inferred_levels() -> None:
    """Level words in Dutch map to the three levels; a code says 'land' or 'gemeente' itself, else the hint counts."""
    assert [cells.parse_level(w) for w in ("Gemeente", "postcode", "Nederland", ".")] == ["gemeente", "pc4", "land", None]
    with pytest.raises(cells.CellError) as info:
        cells.parse_level("wijk")
    assert info.value.code == "level_unknown" and info.value.value == "wijk"
    assert cells.infer_level("Nederland", hint="pc4") == "land" and cells.infer_level("gm0363", hint="pc4") == "gemeente"
    assert cells.infer_level("1011", hint="pc4") == "pc4" and cells.infer_level("1011", hint=None) is None


@pytest.mark.parametrize("cell", [None, float("nan"), "", " . ", "x", "-", "–", "?", "NaN", "None"])
def test_suppressed_and_empty_cells_are_blank(cell) -> None:
    assert cells.is_blank(cell) and cells.parse_count(cell) is None and cells.parse_decimal(cell) is None
