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


# --- cells hidden in the source and published rates (issue 13) ---------------------------------------------
@pytest.mark.parametrize(("cell", "label", "bound"), [
    ("<10", "<10", 9), ("< 10", "<10", 9), ("<5", "<5", 4), ("1-4", "1-4", 4), ("1 – 4", "1-4", 4), ("≤4", "≤4", 4),
    ("<=4", "≤4", 4), ("*", "", None), ("x", "", None), (".", "", None), ("-", "", None), ("", "", None),
    (None, "", None), ("<0,5%", "<0,5%", 0.5),
])
def test_censored_cells_are_read_with_their_bound(cell, label, bound) -> None:
    """Given the ways exports hide small numbers, then each is a hidden cell with its stated upper bound."""
    assert cells.censored(cell) == cells.Censored(label, bound)


@pytest.mark.parametrize("cell", ["12", "0", 12, 3.5, "twaalf", "4-1", "n.v.t.", "2016-2020x"])
def test_values_and_other_text_are_not_censored(cell) -> None:
    assert cells.censored(cell) is None


@pytest.mark.parametrize(("cell", "per", "fraction", "decimals"), [
    ("15,3", 100, 0.153, 1), ("15.3", 100, 0.153, 1), ("15,3%", 100, 0.153, 1), (" 15,30 % ", 100, 0.153, 2),
    (9.8, 100, 0.098, 1), (15, 100, 0.15, 0), ("8,1", 1000, 0.0081, 1), ("8,1‰", 1000, 0.0081, 1),
    ("1.000,0", 1000, 1.0, 1), ("0", 100, 0.0, 0),
])
def test_parse_rate(cell, per, fraction, decimals) -> None:
    rate = cells.parse_rate(cell, per=per)
    assert rate.fraction == pytest.approx(fraction) and rate.decimals == decimals


@pytest.mark.parametrize(("cell", "per", "code"), [
    ("hoog", 100, "rate_not_number"), ("112,5", 100, "rate_too_high"), ("-1,2", 100, "rate_negative"),
    ("1.200,0", 1000, "rate_too_high_1000"), (True, 100, "rate_not_number"), (float("nan"), 100, "rate_not_number"),
])
def test_parse_rate_errors(cell, per, code) -> None:
    with pytest.raises(cells.CellError) as info:
        cells.parse_rate(cell, per=per)
    assert info.value.code == code


def test_clean_name_keeps_the_text_literal() -> None:
    """Names stay as written (screens escape them), without invisible characters or line breaks."""
    assert cells.clean_name('=HYPERLINK("http://x";"Velsen")') == '=HYPERLINK("http://x";"Velsen")'
    assert cells.clean_name("<b>Delft</b>\n") == "<b>Delft</b>"
    assert cells.clean_name("Súdwest\u200b-Fryslân") == "Súdwest-Fryslân" and cells.clean_name(" . ") is None


# --- property-based tests of the rate and censored-cell parsers --------------------------------------------
from hypothesis import given  # noqa: E402 - kept next to the properties they serve
from hypothesis import strategies as st  # noqa: E402

SPACES = st.sampled_from(["", " ", "  ", "\u00a0"])


def _dutch(value: float, decimals: int) -> str:
    return f"{value:,.{decimals}f}".replace(",", "\x00").replace(".", ",").replace("\x00", ".")


@given(st.integers(0, 100_000), st.integers(0, 3), st.sampled_from([100, 1000]), st.booleans(), SPACES,
       st.sampled_from(["", "%", "‰"]))
def test_any_published_rate_reads_back_within_its_rounding(tenths, decimals, per, comma, space, sign) -> None:
    """Given any rate up to its maximum written with a decimal comma or point (and a unit sign), then it reads
    back as value / per with the number of decimals it was written with. (Below 1.000: a lone '1.000' reads as
    1,0, a decimal point, since rates are written with decimals.)"""
    value = min(tenths / 10, 999.0 if per == 1000 else per)
    text = (_dutch(value, decimals) if comma else f"{value:.{decimals}f}") + space + sign
    rate = cells.parse_rate(text, per=per)
    assert rate.fraction == pytest.approx(round(value, decimals) / per, abs=1e-12)
    assert rate.decimals == decimals
    assert 0 <= rate.fraction <= 1


@given(st.floats(min_value=0, max_value=1e6, allow_nan=False), st.sampled_from([100, 1000]))
def test_a_rate_is_a_fraction_or_a_dutch_error(value, per) -> None:
    """Given any number, then parse_rate gives a fraction in [0, 1] or a CellError (never another exception)."""
    try:
        rate = cells.parse_rate(value, per=per)
    except cells.CellError as err:
        assert err.code == "rate_too_high" if per == 100 else err.code == "rate_too_high_1000"
        assert value > per
    else:
        assert 0 <= rate.fraction <= 1 and rate.fraction == pytest.approx(value / per)


@given(st.integers(1, 10_000), SPACES, st.sampled_from(["<", "< ", "<=", "≤", "=<"]))
def test_any_stated_bound_is_kept(bound, space, sign) -> None:
    """Given '<n', '< n', '<=n', '≤n', then the cell is hidden with bound n - 1 ('<') or n (at most)."""
    hidden = cells.censored(f"{space}{sign}{bound}{space}")
    assert hidden is not None
    assert hidden.bound == (bound - 1 if sign.strip() == "<" else bound)
    assert hidden.label.endswith(str(bound)) and hidden.label[0] in "<≤"


@given(st.integers(0, 500), st.integers(1, 500), SPACES)
def test_any_range_is_hidden_up_to_its_top(low, width, space) -> None:
    high = low + width
    assert cells.censored(f"{low}{space}-{space}{high}") == cells.Censored(f"{low}-{high}", float(high))


@given(st.integers(0, 10_000_000), st.booleans())
def test_a_count_is_never_taken_for_a_hidden_cell(count, dots) -> None:
    """Given any count (with or without thousands dots), then it is not hidden and reads back exactly."""
    text = f"{count:,}".replace(",", ".") if dots else str(count)
    assert cells.censored(text) is None
    assert cells.parse_count(text) == count


@given(st.text(max_size=12))
def test_any_text_is_hidden_a_count_or_a_dutch_error(text) -> None:
    """Given any cell text, then it is a hidden cell, a count, or a CellError whose code has a Dutch message."""
    from ks_data.texts import perinatal as tp

    if cells.censored(text) is not None:
        return
    try:
        assert cells.parse_count(text) >= 0
    except cells.CellError as err:
        assert err.code in tp.CELL_MESSAGES
