"""Tests for ks_data/perinatal/captions.py: chart explanations (teller/noemer, period), notes and alt texts."""

from __future__ import annotations

import pandas as pd
import pytest

from ks_data.perinatal import captions
from ks_data.perinatal import profile as rates_profile
from tests.test_perinatal_rates import PC4_2020, tidy


def test_explanations_name_teller_noemer_and_period() -> None:
    assert captions.rate_explanation("perinatal_mortality", period="2016-2020") == (
        "Perinatale sterfte (7 dagen): teller perinataal overleden kinderen (tot 7 dagen); noemer levend- en "
        "doodgeboren kinderen vanaf 22 weken; waarde = teller / noemer × 1000 (per 1000). Periode 2016-2020.")
    spine = rates_profile.spine(tidy(PC4_2020), gemeentecode="GM0003", period="2020")
    assert captions.spine_explanation(spine, period="2020") == (
        "Periode 2020 (gepoold). Big2: teller kinderen met Big2, noemer geboren kinderen vanaf 24 weken.")


@pytest.mark.parametrize(("periods", "expected"), [(["2016-2018", "2017-2019", "2018-2020"],
                                                     "2016-2018 tot en met 2018-2020"), (["2020"], "2020")])
def test_periods_text(periods: list[str], expected: str) -> None:
    assert captions.periods_text(pd.DataFrame({"period": periods + periods})) == expected


def test_alt_texts_describe_the_charts_in_dutch() -> None:
    spine = rates_profile.spine(tidy(PC4_2020), gemeentecode="GM0003", period="2020")
    assert captions.spine_alt(spine, name="Cee", period="2020").startswith(
        "Vergelijkingsgrafiek van Cee met Nederland, 2020, voor 1 indicatoren (Big2)")
    peers = pd.DataFrame({"is_own": [True, False, False]})
    assert "Big2 in Cee en 2 vergelijkbare gemeenten, 2020" in captions.peers_alt(peers, indicator="Big2", name="Cee",
                                                                            period="2020")
    trend = pd.DataFrame({"period": ["2016-2018", "2018-2020"]})
    assert captions.trend_alt(trend, indicator="Big2", name="Cee").endswith("perioden 2016-2018 tot en met 2018-2020.")


def test_notes_say_what_the_national_value_is_and_where_definitions_come_from() -> None:
    """Given three gemeenten only, then the note names the bundled RIVM value as Nederland per indicator (and says
    plainly where there is none); the source line names each definition source once; the peers note counts the
    other gemeenten."""
    spine = rates_profile.spine(tidy(PC4_2020), gemeentecode="GM0003", period="2020")
    assert captions.national_note(spine) == "Landelijk cijfer: Big2: RIVM-monitor, 2020."
    both = rates_profile.spine(tidy(PC4_2020).assign(perinatal_deaths=12), gemeentecode="GM0003", period="2020")
    assert captions.national_note(both) == ("Landelijk cijfer: Big2: RIVM-monitor, 2020; Perinatale sterfte (7 dagen): "
                                            "geen landelijk cijfer beschikbaar.")
    assert captions.national_note(spine.iloc[0:0]) == ""
    assert captions.sources_text(pd.concat([spine, spine])) == (
        "RIVM, Monitor Kansrijke Start 2021, indicator 12 (Big2), bron Perined, jaar 2020")
    peers = rates_profile.peers(tidy(PC4_2020), gemeentecode="GM0003", indicator_id="big2", period="2020", n_peers=1)
    assert captions.peers_note(peers, name="Cee").startswith("De 1 gemeenten met het aantal geboorten")
    assert captions.spine_note("Cee")[0].startswith("Stip: Cee, zwarte streep")


def test_the_note_names_indicators_left_out_of_the_comparison() -> None:
    spine = rates_profile.spine(tidy(PC4_2020).assign(perinatal_deaths=12), gemeentecode="GM0003", period="2020")
    assert captions.not_compared_note(spine) == (
        "Niet in deze vergelijking, want er is geen landelijk cijfer: Perinatale sterfte (7 dagen).")
    assert captions.not_compared_note(rates_profile.spine(tidy(PC4_2020), gemeentecode="GM0003", period="2020")) == ""
