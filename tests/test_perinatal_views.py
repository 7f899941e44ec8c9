"""Tests for ks_data/perinatal/views.py: Dutch display, downloads, tiles, the schema table and preview."""

from __future__ import annotations

import html

import pandas as pd
import pytest

from ks_data.core import export
from ks_data.perinatal import rates
from ks_data.perinatal import profile as rates_profile
from ks_data.perinatal import views as ptab
from ks_data.core.colours import COMPARISON_COLOURS
from ks_data.texts import common as tc
from tests.test_perinatal_rates import PC4_2020, tidy


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


def test_tile_explains_its_number_on_screen_and_in_its_tooltip() -> None:
    """Given a tile, then teller, noemer and period are visible and its title (tooltip) adds the full
    definition, the data source and the definition source; only synthetic rows say 'synthetisch voorbeeld'."""
    row = rates_profile.overview(tidy(PC4_2020), gemeentecode="GM0003", period="2020").iloc[0]
    tile = ptab.tile_html(row, source="eigen bestand 'x.csv'")
    assert "Teller: kinderen met Big2; noemer: geboren kinderen vanaf 24 weken. Periode 2020." in tile
    tooltip = html.unescape(tile.split('title="', 1)[1].split('"', 1)[0])
    assert tooltip.startswith("Big2 (vroeggeboorte en/of laag geboortegewicht): Kinderen geboren na")
    assert "Bron: eigen bestand 'x.csv'. Definitie: RIVM, Monitor Kansrijke Start 2021, indicator 12" in tooltip
    assert tc.SYNTHETIC_LABEL not in tile
    synthetic = rates_profile.overview(tidy(PC4_2020, synthetic=True), gemeentecode="GM0003", period="2020").iloc[0]
    tile = ptab.tile_html(synthetic, source="s")
    assert f'class="ks-tile-synthetic" style="font-size:.8rem;font-style:italic">{tc.SYNTHETIC_LABEL}<' in tile
    assert tile.count(tc.SYNTHETIC_LABEL.capitalize()) == 1  # in the tooltip too


def test_tiles_html_passes_the_source_to_every_tile() -> None:
    frame = rates_profile.overview(tidy(PC4_2020), gemeentecode="GM0003", period="2020")
    assert ptab.tiles_html(frame, source="Perined-export").count("Bron: Perined-export") == len(frame)


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


def test_export_frame_has_dutch_headers_and_numbers_as_numbers() -> None:
    """Given PC4 rates, then the download frame has the table's Dutch headers, whole counts as integers,
    rates rounded to 3 decimals and suppressed values empty; the CSV writes it in both notations."""
    out = rates.area_rates(tidy(PC4_2020), level="pc4", indicator_id="big2")
    frame = ptab.export_frame(out, view="pc4")
    assert list(frame.columns) == ["code", "periode", "aantal", "geboorten", "waarde", "ondergrens 95%-BI",
                                   "bovengrens 95%-BI", "vergelijking", "afscherming", "bron", "synthetisch voorbeeld"]
    first = frame.iloc[0]
    assert (first["code"], first["aantal"], first["geboorten"], first["waarde"]) == ("1001", 30, 200, 15.0)
    assert str(frame["aantal"].dtype) == "Int64" and frame["waarde"].dtype == float
    assert frame.loc[out["suppressed"].to_numpy(), "waarde"].isna().all()
    assert frame["ondergrens 95%-BI"].round(3).equals(frame["ondergrens 95%-BI"])
    assert "1001,2020,30,200,15.0," in export.to_csv_bytes(frame, dutch=False).decode("utf-8-sig")
    assert ptab.export_csv(out, view="pc4") == export.to_csv_bytes(frame, dutch=True)


def test_preview_export_keeps_the_preview_rows_and_masks_small_counts() -> None:
    frame = ptab.preview_export(tidy(PC4_2020, synthetic=True), rows=4)
    assert frame["code"].tolist() == ["1001", "1002", "1003", "1004"]
    assert frame["Big2"].tolist() == [30, "afgeschermd", 12, "afgeschermd"]
    assert frame["geboorten"].tolist() == [200, 150, 100, "afgeschermd"]
    assert frame["synthetisch voorbeeld"].eq("ja").all()


def test_spine_display_formats_the_spread_in_the_unit() -> None:
    spine = rates_profile.spine(tidy(PC4_2020), gemeentecode="GM0003", period="2020")
    shown = ptab.display(spine, view="spine").iloc[0]
    assert (shown["laagste gemeente"], shown["hoogste gemeente"], shown["Nederland"]) == ("10,3%", "17,8%", "15,0%")


def test_explanations_name_teller_noemer_and_period() -> None:
    assert ptab.rate_explanation("perinatal_mortality", period="2016-2020") == (
        "Perinatale sterfte (7 dagen): teller perinataal overleden kinderen (tot 7 dagen); noemer geboren "
        "kinderen vanaf 24 weken; waarde = teller / noemer × 1000 (per 1000). Periode 2016-2020.")
    spine = rates_profile.spine(tidy(PC4_2020), gemeentecode="GM0003", period="2020")
    assert ptab.spine_explanation(spine, period="2020") == (
        "Periode 2020 (gepoold). Big2: teller kinderen met Big2, noemer geboren kinderen vanaf 24 weken.")


@pytest.mark.parametrize(("periods", "expected"), [(["2016-2018", "2017-2019", "2018-2020"],
                                                     "2016-2018 tot en met 2018-2020"), (["2020"], "2020")])
def test_periods_text(periods: list[str], expected: str) -> None:
    assert ptab.periods_text(pd.DataFrame({"period": periods + periods})) == expected


def test_alt_texts_describe_the_charts_in_dutch() -> None:
    spine = rates_profile.spine(tidy(PC4_2020), gemeentecode="GM0003", period="2020")
    assert ptab.spine_alt(spine, name="Cee", period="2020").startswith(
        "Vergelijkingsgrafiek van Cee met Nederland, 2020, voor 1 indicatoren (Big2)")
    peers = pd.DataFrame({"is_own": [True, False, False]})
    assert "Big2 in Cee en 2 vergelijkbare gemeenten, 2020" in ptab.peers_alt(peers, indicator="Big2", name="Cee",
                                                                            period="2020")
    trend = pd.DataFrame({"period": ["2016-2018", "2018-2020"]})
    assert ptab.trend_alt(trend, indicator="Big2", name="Cee").endswith("perioden 2016-2018 tot en met 2018-2020.")


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
