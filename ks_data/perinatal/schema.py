"""Column spec of user perinatal files: accepted column names (aliases) and cell parsers.

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

Cells "." "x" "-" or empty mean suppressed/unknown and become NA (never 0). Counts may use thousands dots
(1.234); percentages decimal commas (15,3).
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass

import pandas as pd

COUNT_COLUMNS: tuple[str, ...] = ("births", "big2", "preterm", "sga", "perinatal_deaths", "perinatal_deaths_28d")
EVENT_COLUMNS: tuple[str, ...] = COUNT_COLUMNS[1:]
PCT_COLUMNS: dict[str, str] = {"big2_pct": "big2", "preterm_pct": "preterm", "sga_pct": "sga"}
LEVELS: tuple[str, ...] = ("land", "gemeente", "pc4")
SUPPRESSED_MARKERS = frozenset({"", ".", "x", "-", "–", "?", "nan", "none"})


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


def _is_blank(cell: object) -> bool:
    if cell is None:
        return True
    if isinstance(cell, float) and math.isnan(cell):
        return True
    return str(cell).strip().lower() in SUPPRESSED_MARKERS


class CellError(ValueError):
    """A cell that cannot be parsed; ``code`` selects the Dutch message in texts.perinatal."""

    def __init__(self, code: str, value: object) -> None:
        super().__init__(code)
        self.code = code
        self.value = value


def parse_count(cell: object) -> int | None:
    """A non-negative whole count; None for suppressed/unknown ('.', empty, 'x', '-').

    >>> parse_count("1.234"), parse_count(" 87 "), parse_count("."), parse_count(12.0), parse_count("12,0")
    (1234, 87, None, 12, 12)
    >>> parse_count("12,5")
    Traceback (most recent call last):
    ks_data.perinatal.schema.CellError: not_whole
    """
    if _is_blank(cell):
        return None
    if isinstance(cell, bool):
        raise CellError("not_number", cell)
    if isinstance(cell, (int, float)):
        if float(cell) != int(cell):
            raise CellError("not_whole", cell)
        value = int(cell)
    else:
        text = str(cell).strip().replace("\u00a0", "").replace(" ", "")
        if re.fullmatch(r"\d{1,3}(\.\d{3})+", text):
            text = text.replace(".", "")
        if re.fullmatch(r"\d+([.,]0+)?", text):
            value = int(re.split(r"[.,]", text)[0])
        elif re.fullmatch(r"-?\d+([.,]\d+)?", text):
            raise CellError("negative" if text.startswith("-") else "not_whole", cell)
        else:
            raise CellError("not_number", cell)
    if value < 0:
        raise CellError("negative", cell)
    return value


def parse_decimal(cell: object) -> float | None:
    """A decimal number with a decimal comma (15,3) or point (15.3); thousands dots allowed (1.234,5).

    >>> parse_decimal("15,3"), parse_decimal("1.234,5"), parse_decimal("."), parse_decimal(9.8)
    (15.3, 1234.5, None, 9.8)
    """
    if _is_blank(cell):
        return None
    if isinstance(cell, (int, float)) and not isinstance(cell, bool):
        return float(cell)
    text = str(cell).strip().replace("\u00a0", "").replace(" ", "").rstrip("%")
    if "," in text:
        text = text.replace(".", "").replace(",", ".")
    try:
        return float(text)
    except ValueError:
        raise CellError("not_number", cell) from None


def parse_period(cell: object) -> str:
    """Normalised period label: '2020' or '2016-2020'.

    >>> parse_period(2020), parse_period("2016 – 2020"), parse_period("2016 t/m 2020"), parse_period("2016/2020")
    ('2020', '2016-2020', '2016-2020', '2016-2020')
    """
    if _is_blank(cell):
        raise CellError("period_missing", cell)
    text = str(cell).strip()
    if isinstance(cell, float) and cell == int(cell):
        text = str(int(cell))
    match = re.fullmatch(r"((?:19|20)\d{2})(?:\s*(?:-|–|—|/|t/m|tot en met)\s*((?:19|20)\d{2}))?", text)
    if not match:
        raise CellError("period_format", cell)
    first, last = match.group(1), match.group(2) or match.group(1)
    if int(last) < int(first):
        raise CellError("period_format", cell)
    return first if first == last else f"{first}-{last}"


def parse_pc4(cell: object) -> str:
    """PC4 as a 4-digit string; accepts numbers (1011, 1011.0) and text ('1011').

    >>> parse_pc4(1011), parse_pc4("9999"), parse_pc4(1011.0)
    ('1011', '9999', '1011')
    """
    text = str(int(cell)) if isinstance(cell, float) and not math.isnan(cell) else str(cell).strip()
    if not re.fullmatch(r"[1-9]\d{3}", text):
        raise CellError("pc4_format", cell)
    return text


def parse_gemeentecode(cell: object) -> str:
    """Gemeentecode in CBS form 'GM0363'; accepts 'GM0363', 'gm363', '0363', 363.

    >>> parse_gemeentecode("gm363"), parse_gemeentecode(363), parse_gemeentecode("0014")
    ('GM0363', 'GM0363', 'GM0014')
    """
    text = str(int(cell)) if isinstance(cell, float) and not math.isnan(cell) else str(cell).strip()
    match = re.fullmatch(r"(?i)(?:GM)?\s*(\d{1,4})", text)
    if not match or int(match.group(1)) == 0:
        raise CellError("gemeente_format", cell)
    return f"GM{int(match.group(1)):04d}"


_LEVEL_WORDS = {"gemeente": "gemeente", "gemeenten": "gemeente", "gm": "gemeente", "pc4": "pc4",
                "postcode": "pc4", "postcode4": "pc4", "postcodegebied": "pc4", "land": "land",
                "nederland": "land", "nl": "land", "totaal": "land"}
NATIONAL_CODES = frozenset({"nl", "nl01", "nl00", "nederland", "totaal", "land"})


def parse_level(cell: object) -> str | None:
    """Level word ('Gemeente', 'PC4', 'Nederland') -> 'gemeente' | 'pc4' | 'land'; None when blank.

    >>> parse_level("Gemeente"), parse_level("PC4"), parse_level(None)
    ('gemeente', 'pc4', None)
    """
    if _is_blank(cell):
        return None
    word = _LEVEL_WORDS.get(normalize_header(cell).replace(" ", ""))
    if word is None:
        raise CellError("level_unknown", cell)
    return word


def infer_level(code: object, *, hint: str | None) -> str | None:
    """Level of one area code: 'land' for NL/Nederland, 'gemeente' for GM codes, else ``hint``.

    >>> infer_level("GM0363", hint=None), infer_level("NL01", hint="pc4"), infer_level("1011", hint=None)
    ('gemeente', 'land', None)
    """
    text = str(code).strip().lower()
    if text in NATIONAL_CODES:
        return "land"
    if text.startswith("gm"):
        return "gemeente"
    return hint


def empty_tidy() -> pd.DataFrame:
    """An empty tidy perinatal frame with the canonical columns and dtypes."""
    frame = pd.DataFrame({c: pd.Series(dtype="string") for c in
                          ("period", "level", "area_code", "area_name", "gemeentecode", "gemeentenaam")})
    for column in COUNT_COLUMNS:
        frame[column] = pd.Series(dtype="Int64")
    frame["is_synthetic"] = pd.Series(dtype=bool)
    frame["source"] = pd.Series(dtype="string")
    return frame
