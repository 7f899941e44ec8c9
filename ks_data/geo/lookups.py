"""Gemeente lookups: names of codes, PC4 -> gemeente, and 2021 <-> 2023 codes of merged gemeenten.

The one place these are computed; the sidebar picker, the map and the perinatal checks call them. Each
takes the table it needs (as ``ks_data.geo.cache`` reads it, e.g. from a page's cache) or, when that is
not given, reads it from the boundary cache (``cache_dir``, default ``paths.GEO_CACHE_DIR``). The
perinatal data use the 2021 division (``cache.DATA_YEAR``); the map also shows 2023 boundaries.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from ks_data.geo import cache

Mapping = pd.DataFrame  # read_gemeente_mapping: gemeentecode_2021, gemeentecode_2023, gemeentenaam_2023


def _mapping(mapping: Mapping | None, cache_dir: Path | None) -> Mapping:
    return mapping if mapping is not None else cache.read_gemeente_mapping(cache_dir=cache_dir)


def names_by_code(*tables: pd.DataFrame) -> dict[str, str]:
    """Gemeente code -> name over ``read_gemeenten`` tables; a later table wins for a code in several.

    >>> names_by_code(pd.DataFrame({"gemeentecode": ["GM0363"], "gemeentenaam": ["Amsterdam"]}))
    {'GM0363': 'Amsterdam'}
    """
    names: dict[str, str] = {}
    for table in tables:
        names.update(zip(table["gemeentecode"], table["gemeentenaam"]))
    return names


def gemeente_names(*, years: tuple[int, ...] = (cache.DATA_YEAR,), cache_dir: Path | None = None) -> dict[str, str]:
    """Gemeente code -> name of the divisions ``years``; the last year wins for a code in several."""
    return names_by_code(*(cache.read_gemeenten(year=year, cache_dir=cache_dir) for year in years))


def gemeente_name(gemeentecode: str, *, year: int = cache.DATA_YEAR, cache_dir: Path | None = None) -> str | None:
    """The name of a gemeente code in ``year``, or None when unknown."""
    return gemeente_names(years=(year,), cache_dir=cache_dir).get(gemeentecode)


def known_gemeente_codes(*, cache_dir: Path | None = None) -> set[str]:
    """Every gemeente code of the divisions in the cache (2021 and 2023)."""
    return set(gemeente_names(years=cache.GEMEENTE_YEARS, cache_dir=cache_dir))


def pc4_gemeente_codes(pc4_table: pd.DataFrame | None = None, *, year: int = cache.DATA_YEAR,
                       cache_dir: Path | None = None) -> dict[str, str]:
    """PC4 (4-digit text) -> gemeentecode of ``year`` (from ``pc4_table``, a ``read_pc4_gemeente`` table).

    >>> pc4_gemeente_codes(pd.DataFrame({"pc4": [1011], "gemeentecode": ["GM0363"]}))
    {'1011': 'GM0363'}
    """
    table = pc4_table if pc4_table is not None else cache.read_pc4_gemeente(year=year, cache_dir=cache_dir)
    return dict(zip(table["pc4"].astype(str), table["gemeentecode"]))


def successor_names(mapping: Mapping | None = None, *, cache_dir: Path | None = None) -> dict[str, str]:
    """2021 code -> 2023 name, only for gemeenten that merged or changed code by 2023.

    >>> m = pd.DataFrame({"gemeentecode_2021": ["GM0398", "GM0363"], "gemeentecode_2023": ["GM1980", "GM0363"],
    ...                   "gemeentenaam_2023": ["Dijk en Waard", "Amsterdam"]})
    >>> successor_names(m)
    {'GM0398': 'Dijk en Waard'}
    """
    table = _mapping(mapping, cache_dir)
    changed = table[table["gemeentecode_2021"] != table["gemeentecode_2023"]]
    return dict(zip(changed["gemeentecode_2021"], changed["gemeentenaam_2023"]))


def codes_2021_for(code_2023: str, *, mapping: Mapping | None = None, cache_dir: Path | None = None) -> list[str]:
    """The 2021 gemeente codes that make up a 2023 gemeente: the continuing gemeente first, the others sorted.

    >>> m = pd.DataFrame({"gemeentecode_2021": ["GM0439", "GM0370", "GM0398", "GM0416"],
    ...                   "gemeentecode_2023": ["GM0439", "GM0439", "GM1980", "GM1980"]})
    >>> codes_2021_for("GM0439", mapping=m), codes_2021_for("GM1980", mapping=m)
    (['GM0439', 'GM0370'], ['GM0398', 'GM0416'])
    """
    table = _mapping(mapping, cache_dir)
    parts = sorted(table.loc[table["gemeentecode_2023"] == code_2023, "gemeentecode_2021"])
    return sorted(parts, key=lambda code: code != code_2023)  # stable sort: only the continuing code moves


def code_on_map(code_2021: str | None, *, year: int, mapping: Mapping) -> str | None:
    """The gemeente on the map of boundary ``year`` that holds the 2021 gemeente ``code_2021`` (None: unknown).

    >>> m = pd.DataFrame({"gemeentecode_2021": ["GM0398"], "gemeentecode_2023": ["GM1980"]})
    >>> code_on_map("GM0398", year=2023, mapping=m), code_on_map("GM0398", year=2021, mapping=m)
    ('GM1980', 'GM0398')
    """
    if not code_2021 or year == cache.DATA_YEAR:
        return code_2021
    hit = mapping.loc[mapping["gemeentecode_2021"] == code_2021, "gemeentecode_2023"]
    return str(hit.iloc[0]) if len(hit) else None


def data_codes_for(code: str, *, year: int, mapping: Mapping) -> list[str]:
    """The 2021 (data) gemeente codes behind gemeente ``code`` of boundary ``year``, the continuing one first.

    >>> m = pd.DataFrame({"gemeentecode_2021": ["GM0398", "GM0416", "GM0363"],
    ...                   "gemeentecode_2023": ["GM1980", "GM1980", "GM0363"]})
    >>> data_codes_for("GM1980", year=2023, mapping=m)
    ['GM0398', 'GM0416']
    >>> data_codes_for("GM0363", year=2021, mapping=m)
    ['GM0363']
    """
    return [code] if year == cache.DATA_YEAR else codes_2021_for(code, mapping=mapping)
