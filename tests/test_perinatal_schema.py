"""Tests for ks_data/perinatal/schema.py: column aliases and how headers are mapped to canonical columns."""

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
