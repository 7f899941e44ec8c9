"""ks_data/reports/gemeente.py: the printable Gemeenterapport (self-contained HTML, print CSS, PDF in Chromium)."""

from __future__ import annotations

import re
from datetime import date, datetime
from pathlib import Path

import pandas as pd
import pytest

from ks_data.reports import gemeente as mr
from ks_data.perinatal import indicators as perinatal
from ks_data.perinatal import schema as perinatal_schema
from ks_data.perinatal import profile as rates_profile
from ks_data.assessment.items import AssessmentRecord, load_item_bank
from ks_data.national.catalogue import load_catalogue
from tests.support import CHROMIUM, CHROMIUM_ARGS, require_chromium

EVIL = "<script>alert('x')</script> & Co"
# pc4, gemeente, births, big2, preterm, perinatal_deaths
ROWS = [
    ("1001", "GM0001", 200, 30, 12, 1), ("1002", "GM0001", 150, 5, 3, 0), ("1003", "GM0001", 100, 12, 7, 1),
    ("2001", "GM0002", 300, 45, 20, 5), ("2002", "GM0002", 120, 8, 9, 4), ("2003", "GM0002", 220, 40, 15, 3),
    ("3001", "GM0003", 500, 100, 40, 8), ("3002", "GM0003", 400, 60, 30, 6),
]
NAMES = {"GM0001": "Aa", "GM0002": "Bee", "GM0003": EVIL}


def tidy(*, synthetic: bool) -> pd.DataFrame:
    records = [{"period": "2016-2020", "level": "pc4", "area_code": pc4, "area_name": pc4, "gemeentecode": gm,
                "gemeentenaam": NAMES[gm], "births": births, "big2": big2, "preterm": preterm,
                "perinatal_deaths": deaths, "is_synthetic": synthetic, "source": "test"}
               for pc4, gm, births, big2, preterm, deaths in ROWS]
    out = pd.concat([perinatal_schema.empty_tidy(), pd.DataFrame(records)], ignore_index=True)
    for column in perinatal_schema.COUNT_COLUMNS:
        out[column] = out[column].astype("Int64")
    out["is_synthetic"] = out["is_synthetic"].astype(bool)
    return out


def content(code: str = "GM0003", *, synthetic: bool = True, pc4: tuple[str, ...] = ("big2",),
            **extra) -> mr.ReportContent:
    data = tidy(synthetic=synthetic)
    profile = rates_profile.spine(data, gemeentecode=code, period="2016-2020")
    tables = tuple(mr.Pc4Table(perinatal.indicator(i), rates_profile.pc4_areas(
        data, gemeentecode=code, indicator_id=i, period="2016-2020")) for i in pc4)
    source = "synthetisch voorbeeld, seed 1" if synthetic else "eigen bestand 'perined.csv'"
    return mr.ReportContent(code=code, name=str(profile["area_name"].iloc[0]), period="2016-2020",
                            profile=profile, data_source=source, synthetic=synthetic, pc4=tables, **extra)


@pytest.fixture(scope="module")
def bank():
    return load_item_bank()


def _record(gemeente: str = "Aa", **fields) -> AssessmentRecord:
    values = {"coalition": "Coalitie <Noord>", "gemeente": gemeente, "assessment_date": date(2026, 3, 2),
              "answers": {"goals_vision": 3, "goals_domains": 2, "care_overview": 4},
              "notes": {"goals": {"next_step": "<img src=x onerror=alert(1)> cijfers delen"}}}
    return AssessmentRecord(**{**values, **fields})


def test_profile_shows_every_indicator_dutch_formatted_with_ci_national_and_comparison() -> None:
    html = mr.report_html(content(), generated=datetime(2026, 11, 23, 14, 5))
    # GM0003: Big2 160/900, vroeggeboorte 70/900, perinatal deaths 14/900 (per 1000)
    for fragment in ("<td class='num'>17,8%</td>", "<td class='num'>7,8%</td>", "<td class='num'>15,6 per 1000</td>",
                     "<td class='num'>900</td>", "<td class='num'>160</td>", "15,0%", "ongunstiger dan Nederland"):
        assert fragment in html, fragment
    assert "Periode 2016-2020 · gemaakt op 23-11-2026 14:05" in html
    assert html.count("<dt>") == 3  # one definition per indicator, with teller and noemer
    assert "Teller: kinderen met Big2; noemer: geboren kinderen vanaf 24 weken" in html
    assert "95%-BI" in html and "Definities (teller en noemer)" in html


def test_suppressed_pc4_cells_are_marked_as_on_screen() -> None:
    html = mr.report_html(content("GM0001"))
    row = re.search(r"<tr><td>1002</td>.*?</tr>", html).group(0)  # 5 Big2 events: suppressed
    assert "afgeschermd" in row and "minder dan 10 gebeurtenissen" in row and "niet vergeleken" in row
    assert "<td>1001</td><td class='num'>30</td><td class='num'>200</td><td class='num'>15,0%</td>" in html


def test_every_figure_has_a_source_line_and_synthetic_label() -> None:
    html = mr.report_html(content(pc4=("big2", "preterm")))
    sources = re.findall(r"<p class='source'>(.*?)</p>", html)
    assert len(sources) == 3  # profile + two PC4 tables
    assert all(s.startswith("Bron: synthetisch voorbeeld, seed 1") and "Definitie: RIVM" in s for s in sources)
    assert html.count("<div class='synthetic'>synthetisch voorbeeld</div>") == 2  # each section
    assert "@bottom-left { content: \"Perinatale cijfers: synthetisch voorbeeld\"" in html  # every printed page
    assert "Let op: de perinatale cijfers in dit rapport zijn een synthetisch voorbeeld" in html


def test_user_data_carry_no_synthetic_label() -> None:
    html = mr.report_html(content(synthetic=False))
    assert "synthetisch voorbeeld" not in html
    assert "Bron: eigen bestand &#x27;perined.csv&#x27;. Definitie: RIVM" in html


def test_user_text_is_escaped(bank) -> None:
    html = mr.report_html(content(denkraam=mr.Denkraam(bank, _record(gemeente=EVIL))))
    assert "<script>" not in html and "<img" not in html
    assert "Gemeenterapport Kansrijke Start: &lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; Co" in html
    assert "&lt;img src=x onerror=alert(1)&gt; cijfers delen" in html and "Coalitie &lt;Noord&gt;" in html


def test_report_is_self_contained_with_a4_print_css(bank) -> None:
    catalogue = load_catalogue()
    html = mr.report_html(content(denkraam=mr.Denkraam(bank, _record()), national=mr.national_frame(catalogue),
                                  national_source=catalogue.document))
    assert not re.search(r"""(src|href)\s*=\s*["']?\s*(https?:)?//""", html, flags=re.IGNORECASE)
    assert "@import" not in html and "url(" not in html and "<link" not in html and "<script" not in html
    assert "@page { size: A4" in html and "break-before: page" in html and "tr, dt, dd, li, .source { break-inside: avoid" in html
    assert "@media print {\n  .print { display: none; }" in html  # no button on paper
    assert html.count("<section") == 4


def test_denkraam_section_only_with_an_assessment(bank) -> None:
    assert "Zelfevaluatie denkraam" not in mr.report_html(content())
    html = mr.report_html(content(denkraam=mr.Denkraam(bank, _record())))
    section = html[html.index("<section id='denkraam'>"):]
    assert "Coalitie &lt;Noord&gt;, Aa — evaluatie van 02-03-2026" in section
    assert section.count("<svg") == 1  # radar of the five elements; themes not scored
    assert "<td class='num'>2,5</td><td class='num'>2 van 7</td>" in section  # goals: (3 + 2) / 2
    assert "Bron: Pharos-inspiratiedossier" in section
    assert "synthetisch voorbeeld" not in section  # the self-assessment is not synthetic data


def test_national_context_lists_the_rivm_indicators() -> None:
    catalogue = load_catalogue()
    frame = mr.national_frame(catalogue)
    assert len(frame) == len(catalogue.indicators) and list(frame.columns)[:3] == ["Nr.", "Indicator", "Waarde"]
    html = mr.report_html(content(national=frame, national_source=catalogue.document))
    section = html[html.index("<section id='landelijk'>"):]
    assert f"Bron: {catalogue.document}" in section and "synthetisch voorbeeld" not in section


def test_map_snapshot_is_inline_svg_with_text_legend() -> None:
    import geopandas as gpd
    from shapely.geometry import MultiPolygon, box

    from ks_data.maps.layers import Layer

    frame = gpd.GeoDataFrame({
        "area_code": ["1001", "<b>"], "fill": ["#08306b", "#d4d4d4"], "no_data": [False, True],
        "geometry": [box(5.0, 52.0, 5.01, 52.01), MultiPolygon([box(5.01, 52.0, 5.02, 52.01)])],
    }, crs="EPSG:4326")
    legend = [("#08306b", "10,0% tot 20,0%"), ("#d4d4d4", "geen gegevens / onderdrukt", True)]
    layer = Layer(frame, legend, pd.DataFrame(), True, "synthetisch voorbeeld (seed 1)")
    snapshot = mr.map_snapshot(layer, indicator_id="big2", title="Big2 per postcodegebied (2016-2020)")
    html = mr.report_html(content("GM0001", pc4=("big2", "preterm"), pc4_map=snapshot))
    section = html[html.index("<section id='pc4'>"):]
    assert section.count("<svg") == 1 and section.index("<svg") < section.index("Vroeggeboorte")  # with Big2
    assert 'fill="#08306b" stroke="#555" stroke-width="0.6">' in section
    assert 'fill="#d4d4d4" stroke="#555" stroke-width="0.6" stroke-dasharray="3 2">' in section  # no data
    assert "<title>&lt;b&gt;</title>" in section and "<b>" not in section.replace("<b>Big2", "")
    # two boxes of 0.01 x 0.01 degree side by side: 600 wide, so each 300; height 300 / cos(52 degrees)
    assert '<path d="M300.0,487.3L300.0,0.0L0.0,0.0L0.0,487.3L300.0,487.3Z"' in section
    assert "<li><span class='swatch' style='background:#d4d4d4;border-style:dashed'></span>geen gegevens" in section
    assert "Bron: CBS postcodegebieden (PC4) 2020; © Centraal Bureau voor de Statistiek, © ESRI Nederland; " \
           "cijfers: synthetisch voorbeeld (seed 1)" in section


def test_empty_map_layer_gives_no_snapshot() -> None:
    from ks_data.maps.layers import Layer

    assert mr.map_snapshot(Layer(pd.DataFrame(), [], pd.DataFrame(), False, ""), indicator_id="big2", title="t") is None
    grey = pd.DataFrame({"area_code": ["1001"], "no_data": [True]})  # shapes without any figure
    assert mr.map_snapshot(Layer(grey, [], pd.DataFrame(), False, ""), indicator_id="big2", title="t") is None


@pytest.mark.browser
def test_report_prints_to_a_non_empty_pdf_in_chromium(bank, tmp_path: Path) -> None:
    require_chromium()
    from playwright.sync_api import sync_playwright

    html = mr.report_html(content("GM0001", pc4=("big2", "preterm"), denkraam=mr.Denkraam(bank, _record())))
    external: list[str] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page()
        page.on("request", lambda request: external.append(request.url)
                if not request.url.startswith(("data:", "about:")) else None)
        page.set_content(html)
        pdf = page.pdf(format="A4", print_background=True)
        browser.close()
    assert external == []
    assert pdf.startswith(b"%PDF") and len(pdf) > 10_000
    n_pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
    assert 3 <= n_pages <= 8  # profile, PC4 tables and denkraam each start on a new page


# --- the user's own figures (issue 13) --------------------------------------------------------------------------
def test_hidden_cells_derived_counts_and_the_named_reference_reach_the_report() -> None:
    """Given a PC4 cell hidden in the source and Big2 counts derived from a percentage, then the report's tables say
    'afgeschermd in de bron (<10)' and 'afgeleid uit percentage', and its note names Nederland per indicator."""
    data = tidy(synthetic=False)
    data["big2_rate"], data["big2_derived"] = data["big2"] / data["births"], True
    hidden = data["area_code"] == "3002"
    data.loc[hidden, "preterm"], data.loc[hidden, "preterm_censored"] = pd.NA, "<10"
    profile = rates_profile.spine(data, gemeentecode="GM0001", period="2016-2020")
    tables = tuple(mr.Pc4Table(perinatal.indicator(i), rates_profile.pc4_areas(
        data, gemeentecode="GM0003", indicator_id=i, period="2016-2020")) for i in ("big2", "preterm"))
    html = mr.report_html(mr.ReportContent(code="GM0001", name="Aa", period="2016-2020", profile=profile,
                                           data_source="eigen bestand 'w.csv'", synthetic=False, pc4=tables))
    assert "afgeschermd in de bron (&lt;10)" in html and "afgeleid uit percentage" in html
    assert "Landelijk cijfer: Big2, Vroeggeboorte: RIVM-monitor, 2020; Perinatale sterfte (7 dagen): geen landelijk " \
           "cijfer beschikbaar." in html


@pytest.mark.browser
def test_printed_page_one_holds_the_title_and_the_profile_not_only_the_title(bank) -> None:
    """Given the report in Chromium's print media, then the first section (profile) does not break to a new page
    (so page 1 holds title plus the first figures) while every later section does; the PDF has one page less
    than with a break before every section."""
    require_chromium()
    from playwright.sync_api import sync_playwright

    html = mr.report_html(content("GM0001", pc4=("big2",), denkraam=mr.Denkraam(bank, _record())))
    every_break = html.replace("section:first-of-type { margin-top: 4mm; break-before: auto; }", "")
    assert every_break != html
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page()
        page.set_content(html)
        page.emulate_media(media="print")
        breaks = page.evaluate("[...document.querySelectorAll('section')].map(s => getComputedStyle(s).breakBefore)")
        pages = len(re.findall(rb"/Type\s*/Page[^s]", page.pdf(format="A4", print_background=True)))
        page.set_content(every_break)
        pages_before = len(re.findall(rb"/Type\s*/Page[^s]", page.pdf(format="A4", print_background=True)))
        browser.close()
    assert breaks[0] == "auto" and set(breaks[1:]) == {"page"} and len(breaks) >= 3
    assert pages == pages_before - 1
