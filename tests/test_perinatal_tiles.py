"""Tests for ks_data/perinatal/tiles.py: the indicator tiles of the profile and their comparison badges."""

from __future__ import annotations

import html

from ks_data.core.colours import COMPARISON_COLOURS
from ks_data.perinatal import profile as rates_profile
from ks_data.perinatal import tiles
from ks_data.texts import common as tc
from tests.test_perinatal_rates import PC4_2020, tidy


def test_badge_has_colour_and_text() -> None:
    html = tiles.badge_html("better")
    assert COMPARISON_COLOURS["better"] in html and "gunstiger dan Nederland" in html
    assert "color:#000000" in tiles.badge_html("similar")  # dark text on the yellow badge


def test_tile_shows_value_ci_count_national_and_variant() -> None:
    row = rates_profile.overview(tidy(PC4_2020), gemeentecode="GM0003", period="2020").iloc[0]
    html = tiles.tile_html(row)
    for fragment in ("17,8%", "95%-betrouwbaarheidsinterval", "160 van 900 geboren kinderen", "Nederland: 15,0%",
                     "vanaf 24 weken", "ongunstiger dan Nederland"):
        assert fragment in html


def test_tile_explains_its_number_on_screen_and_in_its_tooltip() -> None:
    """Given a tile, then teller, noemer and period are visible and its title (tooltip) adds the full
    definition, the data source and the definition source; only synthetic rows say 'synthetisch voorbeeld'."""
    row = rates_profile.overview(tidy(PC4_2020), gemeentecode="GM0003", period="2020").iloc[0]
    tile = tiles.tile_html(row, source="eigen bestand 'x.csv'")
    assert "Teller: kinderen met Big2; noemer: geboren kinderen vanaf 24 weken. Periode 2020." in tile
    tooltip = html.unescape(tile.split('title="', 1)[1].split('"', 1)[0])
    assert tooltip.startswith("Big2 (vroeggeboorte en/of laag geboortegewicht): Kinderen geboren na")
    assert "Bron: eigen bestand 'x.csv'. Definitie: RIVM, Monitor Kansrijke Start 2021, indicator 12" in tooltip
    # the label a wethouder reads names the interval; the method is in the explanation, not on the tile
    assert "(Wilson)" not in tile.split('title="', 1)[0] + tile.split('">', 1)[1]
    assert tooltip.endswith("Het 95%-betrouwbaarheidsinterval is berekend met de methode van Wilson.")
    assert tc.SYNTHETIC_LABEL not in tile
    synthetic = rates_profile.overview(tidy(PC4_2020, synthetic=True), gemeentecode="GM0003", period="2020").iloc[0]
    tile = tiles.tile_html(synthetic, source="s")
    assert f'class="ks-tile-synthetic" style="font-size:.8rem;font-style:italic">{tc.SYNTHETIC_LABEL}<' in tile
    assert tile.count(tc.SYNTHETIC_LABEL.capitalize()) == 1  # in the tooltip too


def test_tiles_html_passes_the_source_to_every_tile() -> None:
    frame = rates_profile.overview(tidy(PC4_2020), gemeentecode="GM0003", period="2020")
    assert tiles.tiles_html(frame, source="Perined-export").count("Bron: Perined-export") == len(frame)


def test_tile_of_suppressed_rate_shows_reason() -> None:
    rows = [("1001", "GM0001", 40, 5), ("3001", "GM0003", 500, 100), ("3002", "GM0003", 400, 60)]
    row = rates_profile.overview(tidy(rows), gemeentecode="GM0001", period="2020").iloc[0]
    html = tiles.tile_html(row)
    assert "afgeschermd" in html and "reden: minder dan 10 gebeurtenissen" in html and "niet vergeleken" in html


def test_a_tile_names_its_national_reference_or_says_there_is_none() -> None:
    row = {"short_title": "Big2", "unit": "%", "value": 14.2, "lower": 13.2, "upper": 15.2, "numerator": 690,
           "denominator": 4861, "national_value": 15.0, "national_label": "RIVM-monitor, 2020", "comparison": "better",
           "derived": True, "indicator_id": "big2", "period": "2018-2020", "ci_level": 0.95, "method": "Wilson"}
    html = tiles.tile_html(row)
    assert "Nederland: 15,0% (RIVM-monitor, 2020)" in html and "gunstiger dan Nederland" in html
    assert "690 van 4.861 geboren kinderen (afgeleid uit percentage)" in html
    none = tiles.tile_html({**row, "national_value": None, "national_label": "geen landelijk cijfer beschikbaar",
                            "comparison": "not_compared", "derived": False})
    assert "Nederland: geen landelijk cijfer beschikbaar" in none and "afgeleid" not in none


def test_a_tile_of_a_cell_hidden_in_the_source_gives_that_reason() -> None:
    row = {"short_title": "Big2", "unit": "%", "suppressed": True, "numerator": None, "denominator": None,
           "suppression_reason": "afgeschermd in de bron (<10)", "indicator_id": "big2", "comparison": "not_compared"}
    assert "reden: afgeschermd in de bron (&lt;10)" in tiles.tile_html(row)
