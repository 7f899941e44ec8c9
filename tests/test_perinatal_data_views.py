"""Tests for ks_data/perinatal/data_views.py: the Data page's preview, schema table, file lines and check lines."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from ks_data.perinatal import data_views
from ks_data.perinatal import schema as ps
from ks_data.perinatal.store import StoredFile
from tests.test_perinatal_reader import read
from tests.test_perinatal_rates import PC4_2020, tidy

DATA = Path(__file__).resolve().parent / "data"


def test_preview_export_keeps_the_preview_rows_and_masks_small_counts() -> None:
    frame = data_views.preview_export(tidy(PC4_2020, synthetic=True), rows=4)
    assert frame["code"].tolist() == ["1001", "1002", "1003", "1004"]
    assert frame["Big2"].tolist() == [30, "afgeschermd", 12, "afgeschermd"]
    assert frame["geboorten"].tolist() == [200, 150, 100, "afgeschermd"]
    assert frame["synthetisch voorbeeld"].eq("ja").all()


def test_preview_masks_counts_below_ten_and_names_cells_hidden_in_the_source() -> None:
    data = tidy(PC4_2020)
    data.loc[2, "big2"], data.loc[2, ps.censored_column("big2")] = pd.NA, "<10"
    data.loc[0, ps.derived_column("big2")] = True
    preview = data_views.preview(data)
    assert preview.loc[1, "Big2"] == "afgeschermd"  # 5 events
    assert preview.loc[3, "geboorten"] == "afgeschermd"  # 8 births
    assert preview.loc[2, "Big2"] == "afgeschermd in de bron (<10)"
    assert preview.loc[0, "Big2"] == "30" and preview.loc[0, "herkomst aantal"] == "afgeleid uit percentage: Big2"
    assert "big2_censored" not in preview.columns and "big2_rate" not in preview.columns


def test_schema_table_lists_required_columns_units_and_aliases() -> None:
    table = data_views.schema_table().set_index("gegeven")
    assert table.loc["geboorten", "verplicht"] == "ja" and "geboorten" in table.loc["geboorten", "herkende kolomnamen"]
    assert table.loc["Big2", "verplicht"] == "nee" and "%" in table.loc["Big2", "als"]
    assert "waarde" in table.loc["waarde (lang formaat)", "herkende kolomnamen"]


def test_dataset_summary_formats_dutch() -> None:
    assert data_views.dataset_summary(tidy(PC4_2020)) == {"n_rows": "9", "n_areas": "9", "periods": "2020"}


def test_a_loaded_file_is_described_by_level_period_size_and_sheet() -> None:
    entry = StoredFile("x", "pc4.xlsx", "01-12-2026 10:00", "x.parquet", ("pc4",), ("2018-2020",), 1234, 25, "PC4")
    assert data_views.file_line(entry) == ("postcodegebieden (PC4) · 2018-2020 · 1.234 rijen, 25 gebieden · "
                                           "geladen 01-12-2026 10:00 · werkblad 'PC4'")


def test_check_lines_say_what_was_derived_hidden_and_which_definition() -> None:
    lines = data_views.check_lines(read("wsjg_gemeenten_percentages_2018-2020.csv"))
    assert lines[0] == "12 rijen, 12 gebieden (gemeenten), perioden 2018-2020."
    assert lines[1].startswith("Aantallen afgeleid uit percentage") and "Big2" in lines[1]
    assert lines[2].startswith("4 cellen zijn afgeschermd in de bron;")
    pc4 = data_views.check_lines(read("perined_pc4_zwolle_2018-2020.csv"))
    assert any("(zoals <10)" in line for line in pc4) and not any("afgeleid" in line for line in pc4)
    assert data_views.column_examples(read("perined_pc4_zwolle_2018-2020.csv").table, 3).startswith("Voorbeelden: 23 · 10")
