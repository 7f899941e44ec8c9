"""Cell parsers of user perinatal files: counts, rates, censored cells, periods, codes, levels and names.

Cells hidden in the source ("<10", "< 10", "<5", "1-4", "≤4", "*", "x", ".", "-" or empty) are read as
``Censored`` (an upper bound where the cell states one), never as 0 and never as an error. Counts may use
thousands dots (1.234); rates decimal commas (15,3) and a unit ('%', '‰'). A cell that cannot be read raises
``CellError`` with a code that selects the Dutch message (``texts.perinatal.CELL_MESSAGES``).
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass

from ks_data.perinatal.schema import normalize_header

SUPPRESSED_MARKERS = frozenset({"", ".", "x", "-", "–", "—", "*", "**", "?", "nan", "none"})


def is_blank(cell: object) -> bool:
    """True for an empty, NaN or suppressed cell ('.', 'x', '-', ...).

    >>> is_blank(" . "), is_blank(None), is_blank("0")
    (True, True, False)
    """
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


@dataclass(frozen=True)
class Censored:
    """A cell hidden in the source: ``label`` as shown ('<10', '1-4', '≤4'; '' for '.', '*', empty) and the
    largest value it can stand for (``bound``; None when the cell does not say)."""

    label: str
    bound: float | None = None


_NUMBER = r"\d+(?:[.,]\d+)?"
_BELOW = re.compile(rf"<\s*({_NUMBER})\s*(%|‰)?")
_AT_MOST = re.compile(rf"(?:≤|=<|<=)\s*({_NUMBER})\s*(%|‰)?")
_RANGE = re.compile(rf"({_NUMBER})\s*[-–]\s*({_NUMBER})\s*(%|‰)?")


def _number(text: str) -> float:
    return float(text.replace(",", "."))


def censored(cell: object) -> Censored | None:
    """The censoring of a cell hidden in the source, or None for a cell with a value (or any other text).

    '<10' may stand for 0-9 (bound 9); '≤4' and '1-4' for at most 4; markers and empty cells give no bound.

    >>> censored("< 10"), censored("1-4"), censored("≤4"), censored("."), censored("12"), censored("<0,5%")
    (Censored(label='<10', bound=9.0), Censored(label='1-4', bound=4.0), Censored(label='≤4', bound=4.0), \
Censored(label='', bound=None), None, Censored(label='<0,5%', bound=0.5))
    """
    if is_blank(cell):
        return Censored("")
    if not isinstance(cell, str):
        return None
    text = cell.strip().replace("\u00a0", " ")
    if match := _BELOW.fullmatch(text):
        bound, unit = _number(match.group(1)), match.group(2) or ""
        whole = bound == int(bound) and not unit and "," not in match.group(1) and "." not in match.group(1)
        return Censored(f"<{match.group(1)}{unit}", bound - 1 if whole else bound)
    if match := _AT_MOST.fullmatch(text):
        return Censored(f"≤{match.group(1)}{match.group(2) or ''}", _number(match.group(1)))
    if (match := _RANGE.fullmatch(text)) and _number(match.group(1)) < _number(match.group(2)):
        return Censored(f"{match.group(1)}-{match.group(2)}{match.group(3) or ''}", _number(match.group(2)))
    return None


@dataclass(frozen=True)
class Rate:
    """A published rate: ``fraction`` (0-1) and the decimals it was published with (for rounding checks)."""

    fraction: float
    decimals: int


def parse_rate(cell: object, *, per: int) -> Rate:
    """A rate per ``per`` (100 for %, 1000 for per 1.000) as a fraction, with its published decimals.

    >>> parse_rate("15,3", per=100), parse_rate("8,1‰", per=1000), parse_rate(9.8, per=100).fraction
    (Rate(fraction=0.153, decimals=1), Rate(fraction=0.0081, decimals=1), 0.098)
    >>> parse_rate("112", per=100)
    Traceback (most recent call last):
    ks_data.perinatal.cells.CellError: rate_too_high
    """
    if isinstance(cell, bool):
        raise CellError("rate_not_number", cell)
    if isinstance(cell, (int, float)):
        value = float(cell)  # a number from Excel: its decimals as stored (15.0 -> 0, 15.3 -> 1)
        decimals = 0 if math.isnan(value) or value == int(value) else _decimals(repr(value))
    else:
        text = str(cell).strip().replace("\u00a0", "").replace(" ", "").rstrip("%‰")
        if re.fullmatch(r"\d{1,3}(\.\d{3})+,\d+", text):
            text = text.replace(".", "")
        if not re.fullmatch(r"-?\d+(?:[.,]\d+)?", text):
            raise CellError("rate_not_number", cell)
        value, decimals = _number(text), _decimals(text)
    if math.isnan(value) or value < 0:
        raise CellError("rate_negative" if value < 0 else "rate_not_number", cell)
    if value > per:
        raise CellError("rate_too_high" if per == 100 else "rate_too_high_1000", cell)
    return Rate(round(value / per, 12), decimals)


def _decimals(text: str) -> int:
    """Decimals written after the decimal separator ('15,30' -> 2; '15' -> 0), at most 6."""
    part = re.split(r"[.,]", text, maxsplit=1)
    return min(len(part[1]), 6) if len(part) == 2 else 0


_INVISIBLE = dict.fromkeys(c for c in range(0x20) if c not in (0x09, 0x0A, 0x0D)) | dict.fromkeys(
    (0x7F, 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF))
MAX_NAME_LENGTH = 80


def clean_name(cell: object) -> str | None:
    """An area name from a file as plain text: invisible characters removed, line breaks made spaces, at most
    ``MAX_NAME_LENGTH`` characters; None when blank. The text stays literal: every screen escapes it.

    >>> clean_name("  Súdwest-\u200bFryslân  "), clean_name("."), len(clean_name("a" * 200))
    ('Súdwest-Fryslân', None, 80)
    """
    if is_blank(cell):
        return None
    text = unicodedata.normalize("NFC", str(cell)).translate(_INVISIBLE)
    text = re.sub(r"[\r\n\t\v\f]+", " ", text).strip()
    return text[:MAX_NAME_LENGTH] or None


def parse_count(cell: object) -> int | None:
    """A non-negative whole count; None for suppressed/unknown ('.', empty, 'x', '-').

    >>> parse_count("1.234"), parse_count(" 87 "), parse_count("."), parse_count(12.0), parse_count("12,0")
    (1234, 87, None, 12, 12)
    >>> parse_count("12,5")
    Traceback (most recent call last):
    ks_data.perinatal.cells.CellError: not_whole
    """
    if is_blank(cell):
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
    if is_blank(cell):
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
    if is_blank(cell):
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
    if is_blank(cell):
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
