"""Tests for ks_data/perinatal_tables.py: Dutch display, downloads, tiles, the schema table and preview."""

from __future__ import annotations

import pandas as pd

from ks_data import perinatal_tables as ptab
from ks_data import rates, rates_profile
from ks_data.charts.base import COMPARISON_COLOURS
from tests.test_rates import PC4_2020, tidy


def test_badge_has_colour_and_text() -> None:
    html = ptab.badge_html("better")
    assert COMPARISON_COLOURS["better"] in html and "gunstiger dan Nederland" in html
    assert "color:#000000" in ptab.badge_html("similar")  # dark text on the yellow badge


def test_tile_shows_value_ci_count_national_and_variant() -> None:
    row = rates_profile.overview(tidy(PC4_2020), gemeentecode="GM0003", period="2020").iloc[0]
    html = ptab.tile_html(row)
    for fragment in ("17,8%", "95%-BI (Wilson)", "160 van 900 geboren kinderen", "Nederland: 15,0%",
                     "vanaf 24 weken", "ongunstiger dan Nederland"):
        assert fragment in html


def test_tile_of_suppressed_rate_shows_reason() -> None:
    rows = [("1001", "GM0001", 40, 5), ("3001", "GM0003", 500, 100), ("3002", "GM0003", 400, 60)]
    row = rates_profile.overview(tidy(rows), gemeentecode="GM0001", period="2020").iloc[0]
    html = ptab.tile_html(row)
    assert "afgeschermd" in html and "reden: minder dan 10 gebeurtenissen" in html and "niet vergeleken" in html


def test_ci_range_puts_unit_once() -> None:
    assert ptab.ci_range(5.44, 7.61, unit="per 1000") == "5,4 – 7,6 per 1000"


def test_user_data_tables_have_no_synthetic_column_but_export_says_nee() -> None:
    out = rates.area_rates(tidy(PC4_2020), level="pc4", indicator_id="big2")
    assert "synthetisch voorbeeld" not in ptab.display(out, view="pc4").columns
    assert ptab.export_csv(out, view="pc4").decode("utf-8-sig").splitlines()[1].endswith(";nee")


def test_schema_table_lists_required_columns_and_aliases() -> None:
    table = ptab.schema_table().set_index("gegeven")
    assert table.loc["geboorten", "verplicht"] == "ja" and "aantal geboorten" in table.loc["geboorten", "herkende kolomnamen"]
    assert table.loc["Big2", "verplicht"] == "nee"


def test_preview_masks_counts_below_ten() -> None:
    preview = ptab.preview(tidy(PC4_2020))
    assert preview.loc[1, "Big2"] == "afgeschermd"  # 5 events
    assert preview.loc[3, "geboorten"] == "afgeschermd"  # 8 births
    assert preview.loc[0, "Big2"] == "30"


def test_file_names() -> None:
    assert ptab.file_name("overview", synthetic=False, code="GM0363", period="2020") == "profiel_GM0363_2020.csv"
    assert ptab.file_name("trend", synthetic=True, indicator="big2", code="GM0363").startswith("synthetisch_voorbeeld_")


def test_dataset_summary_formats_dutch() -> None:
    frame = pd.concat([tidy(PC4_2020)] * 1, ignore_index=True)
    assert ptab.dataset_summary(frame) == {"n_rows": "9", "n_areas": "9", "periods": "2020"}


def test_spine_export_holds_the_spread_behind_the_chart() -> None:
    spine = rates_profile.spine(tidy(PC4_2020), gemeentecode="GM0003", period="2020")
    header = ptab.export_csv(spine, view="spine").decode("utf-8-sig").splitlines()[0].split(";")
    assert {"laagste gemeente", "gemeenten 25e percentiel", "hoogste gemeente", "Nederland"} <= set(header)
