"""Cell parsers of user perinatal files: counts, decimals, periods, PC4 and gemeente codes, levels.

Cells "." "x" "-" or empty mean suppressed/unknown and become NA (never 0). Counts may use thousands dots
(1.234); percentages decimal commas (15,3). A cell that cannot be read raises ``CellError`` with a code
that selects the Dutch message (``texts.perinatal.CELL_MESSAGES``).
"""

from __future__ import annotations

import math
import re

from ks_data.perinatal.schema import normalize_header

SUPPRESSED_MARKERS = frozenset({"", ".", "x", "-", "–", "?", "nan", "none"})


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
