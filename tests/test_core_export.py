"""CSV downloads (ks_data/core/export.py)."""

from __future__ import annotations

import pandas as pd

from ks_data.core.export import to_csv_bytes


def test_dutch_csv_uses_semicolon_and_decimal_comma():
    text = to_csv_bytes(pd.DataFrame({"jaar": [2020], "waarde": [9.5]})).decode("utf-8")
    assert text.startswith("\ufeff") and text.splitlines()[1] == "2020;9,5"


def test_plain_csv_and_synthetic_label():
    text = to_csv_bytes(pd.DataFrame({"a": [1.5]}), dutch=False, synthetic=True).decode("utf-8-sig")
    assert text.splitlines() == ["let_op,a", "synthetisch voorbeeld,1.5"]


def test_formula_cells_are_neutralised():
    text = to_csv_bytes(pd.DataFrame({"naam": ["=HYPERLINK(\"x\")", "@SUM(A1)", "Utrecht"]})).decode("utf-8-sig")
    assert text.splitlines()[1:] == ['"\'=HYPERLINK(""x"")"', "'@SUM(A1)", "Utrecht"]
