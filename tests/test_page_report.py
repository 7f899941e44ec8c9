"""AppTest of app_pages/report.py (url 'rapport'): the printable Gemeenterapport with preview and download."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from streamlit.testing.v1 import AppTest

from ks_data.perinatal import dataset as perinatal
from ks_data.storage import assessments as storage_assessments
from ks_data.storage.db import StorageError
from ks_data.texts import common as tc
from ks_data.texts import perinatal as tp
from ks_data.texts import reports as tr
from ks_data.texts import storage as ts
from tests.support import open_page

REPORT_PAGE = "app_pages/report.py"
DATA = Path(__file__).resolve().parent / "data"


def _report(**query: str) -> AppTest:
    return open_page(REPORT_PAGE, timeout=120, **query)


def _preview(at: AppTest) -> str:
    """The HTML document shown in the preview iframe (the same string the download button offers)."""
    [frame] = [e for e in at.main if getattr(e, "type", "") == "iframe"]
    return frame.proto.srcdoc


def _download(at: AppTest):
    [button] = at.get("download_button")
    return button.proto


def test_synthetic_report_of_amsterdam(perinatal_env: Path) -> None:
    """Given the synthetic demo and gemeente/periode in the URL, the page previews and offers the report."""
    at = _report(gemeente="GM0363", periode="2018-2020")
    assert at.warning[0].value == tc.SYNTHETIC_NOTE
    button = _download(at)
    assert button.label == tr.DOWNLOAD and button.url.endswith(".html")
    assert tr.PRINT_HOW in [c.value for c in at.caption]
    html = _preview(at)
    assert "<h1>Gemeenterapport Kansrijke Start: Amsterdam</h1>" in html and "Periode 2018-2020" in html
    assert html.count("<div class='synthetic'>synthetisch voorbeeld</div>") == 2  # profile + PC4 section
    assert re.search(r"<td class='num'>\d+,\d%</td>", html)  # Dutch decimal comma
    assert "<h3>Big2 (vroeggeboorte en/of laag geboortegewicht)</h3>" in html  # PC4 table of the indicator
    assert html.count("<h3>") == 2  # definitions + one PC4 table
    assert tp.SUPPRESSED_MARK in html
    pc4 = html[html.index("<section id='pc4'>"):]
    assert pc4.count("<svg") == 1 and "<title>1012</title>" in pc4  # map snapshot of the PC4 areas
    assert "Bron: CBS postcodegebieden (PC4) 2020" in pc4 and "geen gegevens / onderdrukt" in pc4
    assert "<section id='denkraam'>" not in html
    assert tr.NO_DENKRAAM.format(name="Amsterdam") in [c.value for c in at.caption]
    assert not re.search(r"""(src|href)\s*=\s*["']?\s*(https?:)?//""", html)


def test_all_indicators_and_national_context(perinatal_env: Path) -> None:
    at = _report(gemeente="GM0363", indicator="preterm")
    assert "<h3>Vroeggeboorte (korter dan 37 weken)</h3>" in _preview(at)
    at.toggle(key="_rapport_alle_pc4").set_value(True)
    at.toggle(key="_rapport_landelijk").set_value(True).run()
    assert not at.exception
    html = _preview(at)
    assert html.count("<table>") == 1 + 5 + 1  # profile, five PC4 tables, national indicators
    assert "<section id='landelijk'>" in html and "Bron: RIVM" in html


def test_denkraam_result_of_the_gemeente_is_included(perinatal_env: Path) -> None:
    record = storage_assessments.open_assessment(coalition="Coalitie <Mokum>", gemeente="amsterdam",
                                                 assessment_date=date(2026, 4, 1))
    storage_assessments.save_answer(record.id, item_id="goals_vision", value=4)
    at = _report(gemeente="GM0363")
    html = _preview(at)
    section = html[html.index("<section id='denkraam'>"):]
    assert "Coalitie &lt;Mokum&gt;, amsterdam — evaluatie van 01-04-2026" in section and "<svg" in section
    assert "<td class='num'>4,0</td>" in section
    assert any(c.value.startswith("Het rapport bevat de laatste zelfevaluatie") for c in at.caption)


def test_unreadable_assessments_give_a_warning_and_still_a_report(perinatal_env: Path, monkeypatch) -> None:
    def broken(*names: str, workspace: int | None = None):
        raise StorageError("corrupt", "file is not a database")

    monkeypatch.setattr(storage_assessments, "latest_for_gemeente", broken)
    at = _report(gemeente="GM0363")
    assert at.warning[-1].value == tr.DENKRAAM_UNAVAILABLE.format(detail=ts.storage_error("corrupt"))
    assert "<section id='denkraam'>" not in _preview(at) and _download(at).label == tr.DOWNLOAD


def test_user_file_report_has_no_synthetic_label(perinatal_env: Path) -> None:
    name = "perined_gemeenten_2016-2020.csv"
    perinatal.save_user_file(perinatal.check_file((DATA / name).read_bytes(), name))
    at = _report(gemeente="GM0363", periode="2016-2020")
    html = _preview(at)
    assert "<td class='num'>15,3%</td>" in html and "<td class='num'>6.890</td>" in html  # Big2 as on screen
    assert tc.SYNTHETIC_LABEL not in html and not at.warning
    assert tp.PC4_NONE in html and "<svg" not in html  # no PC4 figures: neither table nor map
    assert _download(at).url.endswith(".html")


def test_without_gemeente_the_page_asks_for_one(perinatal_env: Path) -> None:
    at = _report()
    assert at.info[0].value == tr.PICK
    assert not at.get("download_button")


def test_without_any_data_a_dutch_explanation(no_perinatal_env: Path) -> None:
    at = _report(gemeente="GM0363")
    assert at.info[0].value == tp.NO_DATA_GEO
    assert not at.error and not at.get("download_button")


def test_unknown_gemeente_gets_a_warning(perinatal_env: Path) -> None:
    name = "perined_gemeenten_2016-2020.csv"
    perinatal.save_user_file(perinatal.check_file((DATA / name).read_bytes(), name))
    at = _report(gemeente="GM0599")
    assert at.warning[-1].value.startswith("Voor gemeente GM0599 staan geen cijfers")
    assert not at.get("download_button")


def test_report_of_the_users_own_exports(perinatal_env: Path) -> None:
    """Given a percentage-only gemeente export and a PC4 export with '<10' cells, then Zwolle's report shows the
    published rate, the counts derived from it, Nederland named per indicator and the hidden PC4 cells."""
    for name in ("wsjg_gemeenten_percentages_2018-2020.csv", "perined_pc4_zwolle_2018-2020.csv"):
        perinatal.confirm_import(perinatal.check_file((DATA / name).read_bytes(), name))
    at = _report(gemeente="GM0193")
    assert not at.exception and tc.SYNTHETIC_NOTE not in [w.value for w in at.warning]
    html = _preview(at)
    assert "<h1>Gemeenterapport Kansrijke Start: Zwolle</h1>" in html and "synthetisch voorbeeld" not in html
    assert "<td class='num'>14,2%</td>" in html and "afgeleid uit percentage" in html
    assert "RIVM-monitor, 2020" in html and "geen landelijk cijfer beschikbaar" in html
    assert "afgeschermd in de bron (&lt;10)" in html
