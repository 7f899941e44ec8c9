"""AppTest runs of the national pages: Start (app_pages/home.py), Landelijke indicatoren, Trends."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from ks_data import paths
from tests.support import open_page


def _app(page: str | None = None, **query: str) -> AppTest:
    return open_page(page, **query)


def _markdown(at: AppTest) -> str:
    return "\n".join(m.value for m in at.markdown)


def test_start_shows_a_tile_per_indicator_with_value_year_and_trend():
    at = _app()
    assert at.title[0].value == "Kansrijke Start"
    text = _markdown(at)
    for label in ("1. Lokale coalities", "12. Big2", "10. Geen kraamzorg", "15. Uithuisplaatsingen"):
        assert f"**{label}**" in text
    assert "15,0%" in text and "9,5%" in text and "1,8 per 1000" in text
    assert "▲ verslechterd" in text  # kraamzorg 6,3% -> 9,5%
    assert "t.o.v. 2020: 21%" in text  # coalitions 21% -> 51%
    assert any(m.value.startswith("Kansrijke Start is het landelijke actieprogramma") for m in at.markdown)


def test_indicator_page_shows_definition_source_and_history():
    at = _app("app_pages/indicators.py", indicator="speech_language")
    assert at.header[0].value.startswith("13. Kinderen die negatief scoren op spraak-taal")
    metric = at.metric[0]
    assert metric.value == "5,0%" and "2020" in metric.label
    text = _markdown(at)
    assert "**Teller:**" in text and "**Noemer:**" in text and "Tabel 3" in text
    assert "coronapandemie" in at.warning[0].value
    history = at.dataframe[-1].value
    assert history["Waarde"].tolist() == ["5,1%", "5,3%", "5,0%"]


def test_indicator_filter_by_type_limits_the_choice():
    at = _app("app_pages/indicators.py")
    at.button_group(key="filter_type").set_value(["programmabreed"]).run()
    assert not at.exception
    assert [o for o in at.selectbox[0].options] == [
        "1. Gemeenten met een lokale of regionale coalitie rondom de eerste 1000 levensdagen",
        "2. Gemeenten met een gezamenlijk plan van aanpak Kansrijke Start",
    ]


def test_single_year_indicator_says_so():
    at = _app("app_pages/indicators.py", indicator="late_start_pregnancy_care")
    assert any("alleen het jaar 2019" in i.value for i in at.info)


def test_trends_page_switches_denominator():
    at = _app("app_pages/trends.py")
    headers = [h.value for h in at.header]
    assert headers[:3] == ["Lokale coalities 2019-2021", "Big2: vroeggeboorte en/of laag geboortegewicht", "Gezinnen zonder kraamzorg"]
    table = at.dataframe[0].value
    formed_2021 = table[(table["Jaar"] == 2021) & (table["Stand"] == "Coalitie gevormd")].iloc[0]
    assert formed_2021["Percentage in Tabel 1"] == "51%"
    at.button_group(key="coalition_denominator").set_value("respondents").run()
    table = at.dataframe[0].value
    formed_2021 = table[(table["Jaar"] == 2021) & (table["Stand"] == "Coalitie gevormd")].iloc[0]
    assert formed_2021["Percentage in Tabel 1"] == "65%" and formed_2021["Noemer"] == 217
    assert any("Bron: RIVM, Monitor Kansrijke Start 2021" in c.value for c in at.caption)


@pytest.fixture
def corrupt_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "data"
    shutil.copytree(paths.DATA_DIR, folder, ignore=shutil.ignore_patterns("cache"))
    values = folder / "indicator_values.csv"
    lines = values.read_text(encoding="utf-8").splitlines()
    lines[5] = lines[5].replace(",2021,56,", ",2021,zesenvijftig,", 1)
    values.write_text("\n".join(lines) + "\n", encoding="utf-8")
    monkeypatch.setattr(paths, "DATA_DIR", folder)
    return folder


@pytest.mark.parametrize("page", [None, "app_pages/indicators.py", "app_pages/trends.py"])
def test_corrupt_csv_shows_a_dutch_error_not_a_traceback(corrupt_data, page):
    at = _app(page)
    assert not at.exception
    message = at.error[0].value
    assert "De gegevens konden niet worden geladen." in message
    assert "indicator_values.csv, rij 6, kolom 'value': 'zesenvijftig' is geen getal." in message
