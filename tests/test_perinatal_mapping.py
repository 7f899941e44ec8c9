"""Tests for ks_data/perinatal/mapping.py: headers as people write them, the proposed mapping, remembering it."""

from __future__ import annotations

import pytest

from ks_data.perinatal import mapping as pm
from ks_data.perinatal.indicators import definition_weeks


@pytest.mark.parametrize(
    ("header", "role", "weeks", "days"),
    [
        ("Periode", "period", None, None), ("JAAR", "period", None, None), ("Gemeentecode", "area_code", None, None),
        ("Postcode", "area_code", None, None), ("Gemeentenaam", "area_name", None, None),
        ("Niveau", "level", None, None), ("Aantal geboorten", "births", None, None),
        ("Aantal geboorten (vanaf 24 weken)", "births", 24, None), ("geboorten_vanaf_22_weken", "births", 22, None),
        ("Aantal levend- en doodgeborenen", "births", None, None), ("Aantal Big2", "big2", None, None),
        ("Big2 (%)", "big2_pct", None, None), ("Percentage Big2", "big2_pct", None, None),
        ("% Big2", "big2_pct", None, None), ("Aantal vroeggeboorten", "preterm", None, None),
        ("Vroeggeboorte (%)", "preterm_pct", None, None), ("Vroeggeboorte (<37 weken) (%)", "preterm_pct", None, None),
        ("SGA p10", "sga", None, None), ("Laag geboortegewicht", "sga", None, None),
        ("Laag geboortegewicht voor zwangerschapsduur (%)", "sga_pct", None, None),
        ("Laag geboortegewicht voor de zwangerschapsduur (%)", "sga_pct", None, None),
        ("Perinatale sterfte", "perinatal_deaths", None, None),
        ("Perinatale sterfte (per 1.000)", "perinatal_deaths_permille", None, None),
        ("Perinatale sterfte (per 1000)", "perinatal_deaths_permille", None, None),
        ("Perinatale sterfte (‰)", "perinatal_deaths_permille", None, None),
        ("Perinatale sterfte tot 7 dagen", "perinatal_deaths", None, 7),
        ("Sterfte tot 28 dagen", "perinatal_deaths_28d", None, 28),
        ("Perinatale sterfte tot 28 dagen (per 1.000 geborenen)", "perinatal_deaths_28d_permille", None, 28),
        ("Perinatale sterfte vanaf 22 weken tot 7 dagen na de geboorte (per 1.000 levend en doodgeborenen)",
         "perinatal_deaths_permille", 22, 7),
        ("Indicator", "indicator", None, None), ("Waarde", "value", None, None), ("Eenheid", "unit", None, None),
        ("Opmerking", "ignore", None, None),
    ],
)
def test_headers_as_people_write_them(header: str, role: str, weeks: int | None, days: int | None) -> None:
    """Given headers from real exports (units in parentheses, the variant in words), then each gets its meaning."""
    meaning = pm.describe_header(header)
    assert (meaning.role, meaning.weeks, meaning.days) == (role, weeks, days)


def test_a_long_format_unit_cell_overrides_the_indicator_text() -> None:
    assert pm.describe_header("Perinatale sterfte", unit="per 1.000").role == "perinatal_deaths_permille"
    assert pm.describe_header("Big2", unit="aantal").role == "big2"
    assert pm.describe_header("Big2", unit="%").role == "big2_pct"


def test_waarstaatjegemeente_headers_are_all_recognised() -> None:
    headers = ["Gemeente", "Gemeentecode", "Periode", "Aantal geboorten (vanaf 24 weken)", "Big2 (%)",
               "Vroeggeboorte (%)", "Laag geboortegewicht voor zwangerschapsduur (%)", "Perinatale sterfte (per 1.000)"]
    mapping = pm.guess_mapping(headers, [["Zwolle", "GM0193", "2018-2020", "4.861", "14,2", "6,3", "9,4", "8,4"]])
    assert mapping.roles == ("area_name", "area_code", "period", "births", "big2_pct", "preterm_pct", "sga_pct",
                             "perinatal_deaths_permille")
    # no header names a week: as the definitions count (Big2 from 24, perinatal mortality from 22 weeks)
    assert (mapping.layout, mapping.big2_weeks, mapping.mortality_weeks) == ("wide", *definition_weeks())


def test_outcome_columns_without_unit_are_rates_when_their_cells_have_decimals() -> None:
    """Given 'Big2' and 'Perinatale sterfte' without a unit, then decimals make them % and per 1.000; whole
    numbers (and a few decimals among counts, which the check then reports) keep them counts."""
    rates = pm.guess_mapping(["Code", "Jaar", "Geboorten", "Big2", "Perinatale sterfte"],
                             [["GM0363", "2020", "8.998", "14,8", "6,1"], ["GM0014", "2020", "1.889", "15,2", "5,0"]])
    assert rates.roles[3:] == ("big2_pct", "perinatal_deaths_permille")
    counts = pm.guess_mapping(["Code", "Jaar", "Geboorten", "Big2"],
                              [["GM0363", "2020", "8.998", "1.326"], ["GM0014", "2020", "1.889", "26,5"],
                               ["GM0088", "2020", "38", "."], ["GM0096", "2020", "41", "12"]])
    assert counts.roles[3] == "big2"


def test_pc4_and_gemeente_code_columns_together() -> None:
    mapping = pm.guess_mapping(["Gemeentecode", "Postcode", "Jaar", "Geboorten", "Big2"], [])
    assert mapping.roles[:2] == ("gemeentecode", "area_code")


def test_a_name_column_holding_codes_is_the_area_code() -> None:
    mapping = pm.guess_mapping(["Gemeente", "Jaar", "Geboorten", "Big2"], [["GM0363", "2020", "100", "15"]])
    assert mapping.roles[0] == "area_code"


def test_one_column_per_meaning() -> None:
    """Given two columns that read as the same item, the first keeps it and the second is not used."""
    mapping = pm.guess_mapping(["Jaar", "Code", "Geboorten", "Aantal geboorten", "Big2"], [])
    assert mapping.roles == ("period", "area_code", "births", "ignore", "big2")


def test_the_variant_is_read_from_the_headers() -> None:
    mapping = pm.guess_mapping(["Code", "Jaar", "Geboorten vanaf 22 weken", "Perinatale sterfte 22 weken (‰)"], [])
    assert (mapping.big2_weeks, mapping.mortality_weeks) == (22, 22)
    mapping = pm.guess_mapping(["Code", "Jaar", "Geboorten (vanaf 24 weken)", "Perinatale sterfte 24 weken (‰)"], [])
    assert (mapping.big2_weeks, mapping.mortality_weeks) == (24, 24)


def test_long_format_indicators_get_their_roles() -> None:
    pairs = [("Aantal geboorten", "aantal"), ("Big2", "%"), ("Perinatale sterfte", "per 1.000"), ("Roken", "%")]
    assert dict(pm.guess_indicators(pairs)) == {
        ("Aantal geboorten", "aantal"): "births", ("Big2", "%"): "big2_pct",
        ("Perinatale sterfte", "per 1.000"): "perinatal_deaths_permille", ("Roken", "%"): "ignore"}


def test_a_mapping_survives_its_dict_form_and_refuses_unknown_roles() -> None:
    mapping = pm.Mapping(("area_code", "period", "indicator", "value"), ((("Big2", "%"), "big2_pct"),), 24, 22)
    assert pm.Mapping.from_dict(mapping.to_dict()) == mapping
    with pytest.raises(ValueError):
        pm.Mapping.from_dict({"roles": ["area_code", "hack"]})
    with pytest.raises(ValueError):
        pm.Mapping.from_dict({"roles": ["area_code"], "big2_weeks": 30})


def test_header_signature_ignores_case_and_punctuation_but_not_order() -> None:
    assert pm.header_signature(["Big2 (%)", "Jaar"]) == pm.header_signature(["big2 %", " JAAR "])
    assert pm.header_signature(["Big2 (%)", "Jaar"]) != pm.header_signature(["Jaar", "Big2 (%)"])
