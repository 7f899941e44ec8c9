"""Column spec of user perinatal files: canonical columns, accepted header names (aliases), the tidy frame.

A file is read into a tidy table with these canonical columns (Dutch names accepted, see ``COLUMNS``):

========================  ========  ===========================================================
column                    required  meaning
========================  ========  ===========================================================
period                    yes       year (2020) or pooled period (2016-2020, 2016/2020, 2016 t/m 2020)
area_code                 yes       PC4 (1011, "1011") or gemeentecode (GM0363, 0363, 363), or NL
area_name                 no        name of the area
level                     no        gemeente / pc4 / land (else inferred from the column name or GM)
gemeentecode              no        gemeente of a PC4 row (else taken from the boundary cache)
births                    yes       children born from 24 weeks (the denominator)
big2, preterm, sga        one of    counts of children with Big2, born < 37 weeks, below p10 (Hoftiezer)
perinatal_deaths          these     perinatal deaths up to 7 days
perinatal_deaths_28d                perinatal deaths up to 28 days
big2_pct, preterm_pct,    no        percentages as published; only checked against the counts
sga_pct
========================  ========  ===========================================================

How each cell is read (suppressed markers, thousands dots, decimal commas) is in ``perinatal.cells``.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

import pandas as pd

COUNT_COLUMNS: tuple[str, ...] = ("births", "big2", "preterm", "sga", "perinatal_deaths", "perinatal_deaths_28d")
EVENT_COLUMNS: tuple[str, ...] = COUNT_COLUMNS[1:]
PCT_COLUMNS: dict[str, str] = {"big2_pct": "big2", "preterm_pct": "preterm", "sga_pct": "sga"}
LEVELS: tuple[str, ...] = ("land", "gemeente", "pc4")


@dataclass(frozen=True)
class ColumnSpec:
    """One canonical column: its name, whether required, and the accepted header names."""

    name: str
    required: bool
    aliases: tuple[str, ...]


_GEMEENTE_CODE_ALIASES = ("gemeentecode", "gemeente code", "gm code", "gmcode", "gemcode", "code gemeente",
                          "cbs gemeentecode", "gemeentecode gm")
_PC4_ALIASES = ("pc4", "pc 4", "postcode", "postcode4", "postcode 4", "postcodegebied", "pc4 code", "pc4code")
_GENERIC_CODE_ALIASES = ("area code", "gebiedscode", "code", "regiocode", "regio code", "codering", "gebied code")

COLUMNS: tuple[ColumnSpec, ...] = (
    ColumnSpec("period", True, ("period", "periode", "perioden", "jaar", "jaren", "year", "peiljaar",
                                "verslagjaar", "geboortejaar", "periode jaren")),
    ColumnSpec("area_code", True, _GENERIC_CODE_ALIASES + _PC4_ALIASES + _GEMEENTE_CODE_ALIASES),
    ColumnSpec("area_name", False, ("area name", "gebiedsnaam", "gemeentenaam", "naam", "regionaam", "regio",
                                    "gemeente", "gebied", "plaats", "woonplaats", "naam gebied")),
    ColumnSpec("level", False, ("level", "niveau", "gebiedsniveau", "regioniveau", "soort regio", "soort gebied")),
    ColumnSpec("births", True, ("births", "geboorten", "aantal geboorten", "geborenen", "aantal geborenen",
                                "aantal geboren kinderen", "geboren kinderen", "totaal geboren", "aantal kinderen",
                                "noemer", "n", "aantal geboorten vanaf 24 weken", "geboorten 24 weken",
                                "geboorten vanaf 24 weken", "totaal aantal geboorten")),
    ColumnSpec("big2", False, ("big2", "big 2", "aantal big2", "aantal big 2", "big2 aantal", "kinderen met big2",
                               "big2 teller", "aantal kinderen met big2")),
    ColumnSpec("preterm", False, ("preterm", "vroeggeboorte", "vroeggeboorten", "aantal vroeggeboorten",
                                  "aantal vroeggeboorte", "te vroeg geboren", "aantal te vroeg geboren",
                                  "vroeggeboorte aantal", "zwangerschapsduur 37 weken", "37 weken")),
    ColumnSpec("sga", False, ("sga", "aantal sga", "laag geboortegewicht", "aantal laag geboortegewicht",
                              "laag geboortegewicht voor de zwangerschapsduur", "sga p10", "p10",
                              "geboortegewicht p10", "aantal sga p10", "dysmatuur", "aantal dysmatuur")),
    ColumnSpec("perinatal_deaths", False, ("perinatal deaths", "perinatale sterfte", "aantal perinatale sterfte",
                                           "perinatale sterfte 7 dagen", "sterfte tot 7 dagen",
                                           "perinatale sterfte tot 7 dagen", "perinataal overleden",
                                           "aantal perinataal overleden")),
    ColumnSpec("perinatal_deaths_28d", False, ("perinatal deaths 28d", "perinatale sterfte 28 dagen",
                                               "sterfte tot 28 dagen", "perinatale sterfte tot 28 dagen")),
    ColumnSpec("gemeentecode", False, ()),  # filled only when a file has both a PC4 and a gemeente column
    ColumnSpec("big2_pct", False, ("big2 pct", "pct big2", "percentage big2", "big2 %", "% big2", "big2 percentage")),
    ColumnSpec("preterm_pct", False, ("preterm pct", "percentage vroeggeboorte", "vroeggeboorte %",
                                      "% vroeggeboorte", "vroeggeboorte percentage")),
    ColumnSpec("sga_pct", False, ("sga pct", "percentage sga", "sga %", "% sga", "percentage laag geboortegewicht",
                                  "laag geboortegewicht %", "% laag geboortegewicht")),
)
SPECS: dict[str, ColumnSpec] = {spec.name: spec for spec in COLUMNS}


def normalize_header(text: object) -> str:
    """Header text reduced to lowercase letters, digits, '%' and single spaces.

    >>> normalize_header("  Aantal_Big2 ") , normalize_header("Geboorten (≥24 wk)"), normalize_header("Big2 (%)")
    ('aantal big2', 'geboorten 24 wk', 'big2 %')
    """
    raw = unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode().lower()
    return re.sub(r"\s+", " ", re.sub(r"[^a-z0-9%]+", " ", raw)).strip()


_ALIAS_TO_COLUMN: dict[str, str] = {
    normalize_header(alias): spec.name for spec in COLUMNS for alias in spec.aliases
}


def level_hint(header: str) -> str | None:
    """'pc4' or 'gemeente' when a code column's header says which, else None.

    >>> level_hint("Postcode"), level_hint("GM code"), level_hint("Gebiedscode")
    ('pc4', 'gemeente', None)
    """
    norm = normalize_header(header)
    if norm in {normalize_header(a) for a in _PC4_ALIASES}:
        return "pc4"
    if norm in {normalize_header(a) for a in _GEMEENTE_CODE_ALIASES}:
        return "gemeente"
    return None


def map_headers(headers: list[object]) -> tuple[dict[str, int], list[str]]:
    """Canonical column -> position for recognised headers, plus the headers that were not recognised.

    A file with both a PC4 and a gemeente code column uses the PC4 column as area code and the gemeente
    column as ``gemeentecode``; a file with both a code-specific and a generic code column uses the specific.

    >>> map_headers(["Jaar", "Postcode", "Gemeentecode", "Geboorten", "Big2", "Opmerking"])
    ({'period': 0, 'area_code': 1, 'gemeentecode': 2, 'births': 3, 'big2': 4}, ['Opmerking'])
    """
    found: dict[str, int] = {}
    unknown: list[str] = []
    codes: list[int] = []
    for position, header in enumerate(headers):
        column = _ALIAS_TO_COLUMN.get(normalize_header(header))
        if column == "area_code":
            codes.append(position)
        elif column is not None and column not in found:
            found[column] = position
        elif column is None and normalize_header(header):
            unknown.append(str(header))
    hints = {position: level_hint(str(headers[position])) for position in codes}
    pc4 = [p for p in codes if hints[p] == "pc4"]
    gemeente = [p for p in codes if hints[p] == "gemeente"]
    generic = [p for p in codes if hints[p] is None]
    if pc4:
        found["area_code"] = pc4[0]
        if gemeente:
            found["gemeentecode"] = gemeente[0]
    elif gemeente:
        found["area_code"] = gemeente[0]
    elif generic:
        found["area_code"] = generic[0]
    return dict(sorted(found.items(), key=lambda item: item[1])), unknown


def empty_tidy() -> pd.DataFrame:
    """An empty tidy perinatal frame with the canonical columns and dtypes."""
    frame = pd.DataFrame({c: pd.Series(dtype="string") for c in
                          ("period", "level", "area_code", "area_name", "gemeentecode", "gemeentenaam")})
    for column in COUNT_COLUMNS:
        frame[column] = pd.Series(dtype="Int64")
    frame["is_synthetic"] = pd.Series(dtype=bool)
    frame["source"] = pd.Series(dtype="string")
    return frame
