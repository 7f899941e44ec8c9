"""Downloads: CSV bytes of exactly the frame behind a chart or table, safe to open in Excel."""

from __future__ import annotations

import pandas as pd

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def needs_quote(text: str) -> bool:
    """Whether a spreadsheet could run ``text`` as a formula (also behind leading quotes, so that
    :func:`quote_cell` and :func:`unquote_cell` are exact inverses).

    >>> needs_quote("=1+1"), needs_quote("'=1+1"), needs_quote("'t Gooi"), needs_quote("ok")
    (True, True, False, False)
    """
    return text.lstrip("'").startswith(FORMULA_PREFIXES)


def quote_cell(value: object) -> object:
    """A text cell prefixed with a single quote when a spreadsheet would run it; other values unchanged."""
    return f"'{value}" if isinstance(value, str) and needs_quote(value) else value


def unquote_cell(text: str) -> str:
    """Undo :func:`quote_cell` on a cell read back from an exported file.

    >>> [unquote_cell(quote_cell(v)) for v in ("=cmd|' /C calc'!A0", "'=x", "'t Gooi", "''")]
    ["=cmd|' /C calc'!A0", "'=x", "'t Gooi", "''"]
    """
    return text[1:] if text.startswith("'") and needs_quote(text[1:]) else text


def neutralise_formulas(frame: pd.DataFrame) -> pd.DataFrame:
    """Prefix text cells that a spreadsheet would run as a formula with a single quote.

    >>> neutralise_formulas(pd.DataFrame({"a": ["=cmd|' /C calc'!A0", "ok", "-3 dagen"]}))["a"].tolist()
    ["'=cmd|' /C calc'!A0", 'ok', "'-3 dagen"]
    """
    out = frame.copy()
    for column in out.columns:
        if out[column].dtype == object or pd.api.types.is_string_dtype(out[column]):
            out[column] = out[column].map(quote_cell)
    return out


def to_csv_bytes(frame: pd.DataFrame, *, dutch: bool = True, synthetic: bool = False) -> bytes:
    """CSV of ``frame``: Dutch style (``;`` and decimal comma) or plain, UTF-8 with BOM for Excel.

    A ``synthetic`` frame gets a first column saying "synthetisch voorbeeld" on every row.
    """
    from ks_data.texts import common as tc

    out = neutralise_formulas(frame)
    if synthetic:
        out.insert(0, "let_op", tc.SYNTHETIC_LABEL)
    text = out.to_csv(index=False, sep=";" if dutch else ",", decimal="," if dutch else ".", lineterminator="\r\n")
    return ("\ufeff" + text).encode("utf-8")
