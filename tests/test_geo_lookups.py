"""Tests for ks_data/geo/lookups.py: names of codes, PC4 -> gemeente and the 2021 <-> 2023 codes of mergers."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from ks_data.geo import cache as geo
from ks_data.geo import lookups

# Purmerend (GM0439) absorbed Beemster (GM0370); Heerhugowaard + Langedijk became Dijk en Waard (GM1980).
MAPPING = pd.DataFrame({
    "gemeentecode_2021": ["GM0363", "GM0370", "GM0439", "GM0398", "GM0416"],
    "gemeentecode_2023": ["GM0363", "GM0439", "GM0439", "GM1980", "GM1980"],
    "gemeentenaam_2023": ["Amsterdam", "Purmerend", "Purmerend", "Dijk en Waard", "Dijk en Waard"],
})


def test_merger_helpers(mini_geo_cache: Path) -> None:
    """2021 codes of a merged 2023 gemeente, and the successor names of merged 2021 gemeenten."""
    assert lookups.codes_2021_for("GM9004", cache_dir=mini_geo_cache) == ["GM9002", "GM9003"]
    assert lookups.successor_names(cache_dir=mini_geo_cache) == {"GM9002": "Dijkwaard", "GM9003": "Dijkwaard"}
    assert lookups.gemeente_name("GM9002", cache_dir=mini_geo_cache) == "Beekveld"
    assert lookups.gemeente_name("GM0000", cache_dir=mini_geo_cache) is None


def test_names_and_codes_over_both_divisions(mini_geo_cache: Path) -> None:
    """Known codes cover 2021 and 2023; a code in both divisions takes the name of the last year asked for."""
    assert lookups.known_gemeente_codes(cache_dir=mini_geo_cache) == {"GM9001", "GM9002", "GM9003", "GM9004"}
    both = lookups.gemeente_names(years=(2023, 2021), cache_dir=mini_geo_cache)
    assert both == {"GM9001": "Aadorp", "GM9004": "Dijkwaard", "GM9002": "Beekveld", "GM9003": "Cerdam"}
    older = pd.DataFrame({"gemeentecode": ["GM0001"], "gemeentenaam": ["Oud"]})
    newer = pd.DataFrame({"gemeentecode": ["GM0001"], "gemeentenaam": ["Nieuw"]})
    assert lookups.names_by_code(older, newer) == {"GM0001": "Nieuw"}
    assert lookups.pc4_gemeente_codes(cache_dir=mini_geo_cache) == {
        "1001": "GM9001", "1002": "GM9001", "2001": "GM9002", "3001": "GM9003", "3002": "GM9003"}


def test_a_merged_gemeente_lists_its_continuing_part_first() -> None:
    """Clicking Purmerend on the 2023 map selects Purmerend's 2021 data first, not Beemster (sorted lower)."""
    assert lookups.codes_2021_for("GM0439", mapping=MAPPING) == ["GM0439", "GM0370"]
    assert lookups.codes_2021_for("GM1980", mapping=MAPPING) == ["GM0398", "GM0416"]
    assert lookups.codes_2021_for("GM0000", mapping=MAPPING) == []
    assert lookups.data_codes_for("GM0439", year=2023, mapping=MAPPING) == ["GM0439", "GM0370"]
    assert lookups.data_codes_for("GM0370", year=2021, mapping=MAPPING) == ["GM0370"]


@pytest.mark.parametrize(("code_2021", "year", "shown"), [
    ("GM0370", 2023, "GM0439"), ("GM0416", 2023, "GM1980"), ("GM0363", 2023, "GM0363"), ("GM0370", 2021, "GM0370"),
    ("GM0000", 2023, None), (None, 2023, None),
])
def test_code_on_map_follows_the_boundary_year(code_2021: str | None, year: int, shown: str | None) -> None:
    assert lookups.code_on_map(code_2021, year=year, mapping=MAPPING) == shown


def test_successor_names_only_for_changed_codes() -> None:
    assert lookups.successor_names(MAPPING) == {"GM0370": "Purmerend", "GM0398": "Dijk en Waard",
                                                "GM0416": "Dijk en Waard"}


def test_lookups_read_the_cache_when_no_table_is_given(tmp_path: Path) -> None:
    """Without a table and without a cache the reading lookups raise the cache's own error (with `make data`)."""
    with pytest.raises(geo.GeoCacheMissing, match="make data"):
        lookups.successor_names(cache_dir=tmp_path)
