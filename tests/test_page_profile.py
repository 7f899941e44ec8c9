"""AppTest of app_pages/profile.py (url 'mijn-gemeente'): the municipality profile on synthetic and user data."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from ks_data import perinatal
from ks_data.texts import common as tc
from ks_data.texts import perinatal as tp
from tests.support import open_page

PROFILE_PAGE = "app_pages/profile.py"
DATA = Path(__file__).resolve().parent / "data"


def _profile(**query: str) -> AppTest:
    return open_page(PROFILE_PAGE, timeout=90, **query)


def _texts(at: AppTest) -> str:
    parts = [m.value for m in at.markdown] + [c.value for c in at.caption] + [h.value for h in at.header]
    parts += [h.value for h in at.subheader] + [w.value for w in at.warning] + [i.value for i in at.info]
    return "\n".join(str(p) for p in parts)


def test_synthetic_profile_of_amsterdam(perinatal_env: Path) -> None:
    """Given the synthetic demo and gemeente=GM0363 in the URL, the profile shows every section, labelled."""
    at = _profile(gemeente="GM0363")
    assert at.title[0].value == tp.PROFILE_TITLE
    assert at.warning[0].value == tc.SYNTHETIC_NOTE
    headers = [h.value for h in at.header]
    assert headers == [tp.OVERVIEW_HEADING.format(name="Amsterdam", period="2016-2020"), tp.INDICATOR_HEADING]
    subheaders = [h.value for h in at.subheader]
    assert tp.PC4_HEADING.format(name="Amsterdam") in subheaders and tp.TREND_HEADING in subheaders
    sources = [c.value for c in at.caption if c.value.startswith(tc.SOURCE_PREFIX)]
    assert len(sources) >= 4 and all(tc.SYNTHETIC_LABEL in s for s in sources)
    overview = at.dataframe[0].value
    assert len(overview) == 5 and overview["synthetisch voorbeeld"].eq(tc.SYNTHETIC_LABEL).all()
    assert "vanaf 24 weken" in " ".join(overview["definitie"])
    pc4 = at.dataframe[1].value
    assert pc4["code"].str.fullmatch(r"10\d\d|11\d\d").all()
    assert (pc4["waarde"] == tp.SUPPRESSED_MARK).any()  # small PC4 areas are suppressed
    assert len(at.get("download_button")) == 5  # overview table, spine, trend, peers, PC4 table
    assert "Hoftiezer" in _texts(at)


def test_indicator_choice_changes_definition_and_url(perinatal_env: Path) -> None:
    at = _profile(gemeente="GM0363")
    at.selectbox(key="_profiel_indicator").select("perinatal_mortality").run()
    assert not at.exception
    definition = [m.value for m in at.markdown if m.value.startswith("Definitie:")][0]
    assert "7 dagen" in definition
    assert "perinatal_mortality" in str(at.query_params["indicator"])


def test_without_gemeente_the_page_asks_for_one(perinatal_env: Path) -> None:
    at = _profile()
    assert at.info[0].value == tp.PROFILE_PICK
    assert not at.error


def test_without_any_data_a_dutch_explanation(no_perinatal_env: Path) -> None:
    at = _profile(gemeente="GM0363")
    assert at.info[0].value == tp.NO_DATA_GEO
    assert not at.error and not at.dataframe


def test_user_file_replaces_demo(perinatal_env: Path) -> None:
    """Given a loaded Perined gemeente file, the profile shows its figures, without the synthetic label."""
    name = "perined_gemeenten_2016-2020.csv"
    perinatal.save_user_file(perinatal.check_file((DATA / name).read_bytes(), name))
    at = _profile(gemeente="GM0363")
    assert tc.SYNTHETIC_NOTE not in [w.value for w in at.warning]
    overview = at.dataframe[0].value.set_index("indicator")
    big2 = overview.loc[perinatal.indicator("big2").title]
    assert big2["waarde"] == "15,3%" and big2["aantal"] == "6.890" and big2["geboorten"] == "45.123"
    assert big2["Nederland"] == "15,3%"  # the file's national row (130.512 / 853.017)
    assert "synthetisch voorbeeld" not in overview.columns
    texts = _texts(at)
    assert tp.TREND_NONE in texts and tp.PC4_NONE in texts
    assert tp.NATIONAL_BASIS["land"] in texts


def test_gemeente_without_rows_in_user_file(perinatal_env: Path) -> None:
    name = "perined_gemeenten_2016-2020.csv"
    perinatal.save_user_file(perinatal.check_file((DATA / name).read_bytes(), name))
    at = _profile(gemeente="GM0599")
    assert at.warning[-1].value.startswith("Voor gemeente GM0599 staan geen cijfers")
