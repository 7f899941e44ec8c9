"""Downloads: CSV bytes of exactly the frame behind a chart or table, safe to open in Excel."""

from __future__ import annotations

import pandas as pd

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def neutralise_formulas(frame: pd.DataFrame) -> pd.DataFrame:
    """Prefix text cells that a spreadsheet would run as a formula with a single quote.

    >>> neutralise_formulas(pd.DataFrame({"a": ["=cmd|' /C calc'!A0", "ok", "-3 dagen"]}))["a"].tolist()
    ["'=cmd|' /C calc'!A0", 'ok', "'-3 dagen"]
    """
    out = frame.copy()
    for column in out.columns:
        if out[column].dtype == object or pd.api.types.is_string_dtype(out[column]):
            out[column] = out[column].map(
                lambda v: f"'{v}" if isinstance(v, str) and v.startswith(FORMULA_PREFIXES) else v
            )
    return out


def to_csv_bytes(frame: pd.DataFrame, *, dutch: bool = True, synthetic: bool = False) -> bytes:
    """CSV of ``frame``: Dutch style (``;`` and decimal comma) or plain, UTF-8 with BOM for Excel.

    A ``synthetic`` frame gets a first column saying "synthetisch voorbeeld" on every row.
    """
    from ks_data.texts import common as tc

    out = neutralise_formulas(frame)
    if synthetic:
        out.insert(0, "let_op", tc.SYNTHETIC_LABEL)
    text = out.to_csv(index=False, sep=";" if dutch else ",", decimal="," if dutch else ".")
    return ("\ufeff" + text).encode("utf-8")
