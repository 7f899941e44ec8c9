"""The tidy perinatal frame (one row per area and period) and the data items a user file may hold, with names.

A file is read (``perinatal.reader``) into a tidy table with these columns:

========================  ========================================================================
column                    meaning
========================  ========================================================================
period                    year (2020) or pooled period (2016-2020)
level, area_code          land / gemeente / pc4 and NL, GM0363 or 1011
area_name                 CBS name for a known code, else the file's name (plain text)
gemeentecode/-naam        the gemeente of the row (a PC4's from the file or the boundary cache)
births                    children born from 24 (or 22) weeks: the denominator
big2, preterm, sga,       counts of children with the outcome; derived from a published rate when the file
perinatal_deaths(_28d)    gives a rate and births (then ``<count>_derived`` is True, ``<count>_rate`` the rate)
<count>_censored          hidden in the source: '' (no bound) or the cell's text ('<10', '1-4'); NA otherwise
big2_weeks,               definition variant of the row: Big2/preterm/SGA and perinatal mortality counted
mortality_weeks           from 24 or 22 weeks of pregnancy; NA: as the definition (7 or 28 days: two columns)
is_synthetic, source      synthetic demo or the name of the file the row came from
========================  ========================================================================

How each cell is read (censored markers, thousands dots, decimal commas, units) is in ``perinatal.cells``; how a
header is recognised in ``perinatal.mapping``.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

import pandas as pd

COUNT_COLUMNS: tuple[str, ...] = ("births", "big2", "preterm", "sga", "perinatal_deaths", "perinatal_deaths_28d")
EVENT_COLUMNS: tuple[str, ...] = COUNT_COLUMNS[1:]
MORTALITY_COLUMNS: tuple[str, ...] = ("perinatal_deaths", "perinatal_deaths_28d")
LEVELS: tuple[str, ...] = ("land", "gemeente", "pc4")
WEEKS = (24, 22)  # gestational age from which births and events count (the definitions: perinatal.indicators)
TEXT_COLUMNS = ("period", "level", "area_code", "area_name", "gemeentecode", "gemeentenaam")


def censored_column(count: str) -> str:
    """Name of the column saying a count was hidden in the source ('' or its bound, NA otherwise)."""
    return f"{count}_censored"


def derived_column(event: str) -> str:
    """Name of the flag saying an event count was derived from a published rate and births."""
    return f"{event}_derived"


def rate_column(event: str) -> str:
    """Name of the column holding the published rate (a fraction) an event count was derived from."""
    return f"{event}_rate"


def weeks_column(event: str) -> str:
    """The definition-variant column of an event count: ``mortality_weeks`` or ``big2_weeks``."""
    return "mortality_weeks" if event in MORTALITY_COLUMNS else "big2_weeks"


@dataclass(frozen=True)
class ColumnSpec:
    """One data item a file may hold: its name, whether required, and the header names that mean it."""

    name: str
    required: bool
    aliases: tuple[str, ...]


_GEMEENTE_CODE_ALIASES = ("gemeentecode", "gemeente code", "gm code", "gmcode", "gemcode", "code gemeente",
                          "cbs gemeentecode", "gemeentecode gm", "gwb code", "regiocode gemeente")
_PC4_ALIASES = ("pc4", "pc 4", "postcode", "postcode4", "postcode 4", "postcodegebied", "pc4 code", "pc4code",
                "postcode 4 cijfers", "postcodegebied pc4", "viercijferige postcode")
_GENERIC_CODE_ALIASES = ("area code", "gebiedscode", "code", "regiocode", "regio code", "codering", "gebied code",
                         "regio id", "gebied id")

COLUMNS: tuple[ColumnSpec, ...] = (
    ColumnSpec("period", True, ("period", "periode", "perioden", "jaar", "jaren", "year", "peiljaar",
                                "verslagjaar", "geboortejaar", "periode jaren", "jaartal")),
    ColumnSpec("area_code", True, _GENERIC_CODE_ALIASES + _PC4_ALIASES + _GEMEENTE_CODE_ALIASES),
    ColumnSpec("area_name", False, ("area name", "gebiedsnaam", "gemeentenaam", "naam", "regionaam", "regio",
                                    "gemeente", "gebied", "plaats", "woonplaats", "naam gebied", "regio s", "regios")),
    ColumnSpec("level", False, ("level", "niveau", "gebiedsniveau", "regioniveau", "soort regio", "soort gebied")),
    ColumnSpec("births", True, ("births", "geboorten", "geborenen", "geboren kinderen", "totaal geboren",
                                "kinderen", "noemer", "totaal geboorten", "levend en doodgeborenen",
                                "levend en doodgeboren kinderen", "totaal kinderen", "bevallingen kinderen")),
    ColumnSpec("big2", False, ("big2", "big 2", "kinderen met big2", "big2 teller", "big2 totaal")),
    ColumnSpec("preterm", False, ("preterm", "vroeggeboorte", "vroeggeboorten", "te vroeg geboren",
                                  "te vroeg geboren kinderen", "zwangerschapsduur 37 weken", "37 weken",
                                  "geboren voor 37 weken", "vroeggeboorte 37 weken", "premature geboorte")),
    ColumnSpec("sga", False, ("sga", "sga p10", "p10", "laag geboortegewicht", "geboortegewicht p10",
                              "laag geboortegewicht voor zwangerschapsduur",
                              "laag geboortegewicht voor de zwangerschapsduur",
                              "laag geboortegewicht voor duur zwangerschap", "laag geboortegewicht p10",
                              "dysmatuur", "dysmaturiteit", "small for gestational age", "klein voor zwangerschapsduur")),
    ColumnSpec("perinatal_deaths", False, ("perinatal deaths", "perinatale sterfte", "perinataal overleden",
                                           "perinatale mortaliteit", "perinatal mortality", "sterfte perinataal",
                                           "sterfte", "perinatale sterfte 7 dagen")),
    ColumnSpec("perinatal_deaths_28d", False, ("perinatal deaths 28d", "perinatale sterfte 28 dagen",
                                               "sterfte 28 dagen")),
    ColumnSpec("gemeentecode", False, ()),  # filled only when a file has both a PC4 and a gemeente column
    # long format: one row per area, period and indicator
    ColumnSpec("indicator", False, ("indicator", "indicatoren", "onderwerp", "kenmerk", "variabele", "maat",
                                    "kerncijfer", "topic", "onderwerpen")),
    ColumnSpec("value", False, ("value", "waarde", "waarden", "cijfer", "uitkomst", "getal", "score")),
    ColumnSpec("unit", False, ("unit", "eenheid", "maateenheid", "soort waarde", "type waarde", "eenheden")),
)
SPECS: dict[str, ColumnSpec] = {spec.name: spec for spec in COLUMNS}


def normalize_header(text: object) -> str:
    """Header text reduced to lowercase letters, digits, '%' and single spaces.

    >>> normalize_header("  Aantal_Big2 ") , normalize_header("Geboorten (≥24 wk)"), normalize_header("Big2 (%)")
    ('aantal big2', 'geboorten 24 wk', 'big2 %')
    """
    raw = unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode().lower()
    return re.sub(r"\s+", " ", re.sub(r"[^a-z0-9%]+", " ", raw)).strip()


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


def empty_tidy() -> pd.DataFrame:
    """An empty tidy perinatal frame with every column (see the module docstring) and its dtype."""
    return with_defaults(pd.DataFrame({c: pd.Series(dtype="string") for c in TEXT_COLUMNS}))


def with_defaults(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` with every tidy column: missing ones added with their defaults (nothing censored or derived,
    counted as the definition says), so frames written before a column existed (the synthetic demo, older
    stores) still load."""
    out = frame.copy()
    n = len(out)
    for column in TEXT_COLUMNS + ("source",):
        if column not in out.columns:
            out[column] = pd.Series([pd.NA] * n, index=out.index, dtype="string")
    for column in COUNT_COLUMNS:
        if column not in out.columns:
            out[column] = pd.Series([pd.NA] * n, index=out.index, dtype="Int64")
        if censored_column(column) not in out.columns:
            out[censored_column(column)] = pd.Series([pd.NA] * n, index=out.index, dtype="string")
    for column in EVENT_COLUMNS:
        if derived_column(column) not in out.columns:
            out[derived_column(column)] = False
        out[derived_column(column)] = out[derived_column(column)].fillna(False).astype(bool)
        if rate_column(column) not in out.columns:
            out[rate_column(column)] = pd.Series([pd.NA] * n, index=out.index, dtype="Float64")
    for column in ("big2_weeks", "mortality_weeks"):  # NA: counted as the indicator's definition says
        if column not in out.columns:
            out[column] = pd.Series([pd.NA] * n, index=out.index, dtype="Int64")
        out[column] = pd.to_numeric(out[column]).astype("Int64")
    if "is_synthetic" not in out.columns:
        out["is_synthetic"] = False
    out["is_synthetic"] = out["is_synthetic"].fillna(False).astype(bool)
    return out
