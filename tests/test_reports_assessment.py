"""ks_data/reports/assessment.py: the printable one-page HTML report (self-contained, inline SVG, print CSS)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from datetime import date, datetime
from pathlib import Path

import pytest

from ks_data.reports import assessment as report
from ks_data.assessment.items import AssessmentRecord, load_item_bank
from ks_data.assessment.scoring import scores_frame, element_scores

CHROMIUM = shutil.which("chromium")


@pytest.fixture(scope="module")
def bank():
    return load_item_bank()


@pytest.fixture
def record() -> AssessmentRecord:
    return AssessmentRecord(
        coalition="Coalitie <Noord> & Co", gemeente="Utrecht", assessment_date=date(2026, 11, 23),
        answers={"goals_vision": 3, "goals_domains": 2, "goals_levels": None, "care_overview": 4},
        notes={"goals": {"next_step": "<script>alert(1)</script> cijfers delen"}},
    )


def test_report_shows_coalition_scores_counts_and_notes(bank, record):
    html = report.report_html(bank, record, generated=datetime(2026, 11, 23, 14, 5))
    assert "Coalitie &lt;Noord&gt; &amp; Co, Utrecht — evaluatie van 23-11-2026" in html
    assert "<td class='num'>2,5</td><td class='num'>2/7</td><td class='num'>1</td>" in html  # goals
    assert "<td class='num'>4,0</td>" in html  # palet van professionele zorg
    assert html.count("nog geen score") >= 3
    assert "&lt;script&gt;alert(1)&lt;/script&gt; cijfers delen" in html and "<script>" not in html
    assert "23-11-2026 14:05" in html
    assert "Pharos, inspiratiedossier" in html  # the source is cited


def test_report_is_self_contained_and_has_a_print_stylesheet(bank, record):
    html = report.report_html(bank, record)
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", html)
    assert "@import" not in html and "vega" not in html.lower()
    assert "@media print" in html and "@page { size: A4" in html
    assert html.count("<svg") == 2  # radar + bars for the five elements (themes not scored yet)


def test_themes_get_their_own_radar_once_scored(bank, record):
    scored = AssessmentRecord(coalition="C", gemeente="", assessment_date=date(2026, 1, 1),
                              answers={**record.answers, "attachment_knowledge": 2})
    html = report.report_html(bank, scored)
    assert html.count("<svg") == 2 and "Inhoudelijke thema&#x27;s" in html and "Van hoog naar laag" not in html


def test_radar_svg_places_points_by_score(bank):
    frame = scores_frame(element_scores(bank, {"goals_vision": 4, "monitoring_outcomes": 0}, part="denkraam"))
    svg = report.radar_svg(frame, size=300)
    # full score on the top spoke: x = centre (150), y = centre - radius (0.45*300 - 0.30*300 = 45)
    assert '<circle cx="150.0" cy="45.0"' in svg
    assert '<circle cx="150.0" cy="135.0"' in svg  # score 0 sits in the centre
    assert svg.count("<circle") == 2  # unscored elements have no point


def test_bar_svg_orders_highest_first(bank):
    frame = scores_frame(element_scores(bank, {"goals_vision": 1, "monitoring_outcomes": 3}, part="denkraam"))
    svg = report.bar_svg(frame)
    assert svg.index("Monitoring en leren") < svg.index("Doelen en uitkomsten") < svg.index("Regie op de keten")


@pytest.mark.browser
def test_full_report_prints_on_one_a4_page(bank, tmp_path: Path):
    if CHROMIUM is None:
        if os.environ.get("KS_REQUIRE_BROWSER"):
            pytest.fail("chromium is required (KS_REQUIRE_BROWSER is set)")
        pytest.skip("Debian chromium not installed")
    answers = {item.id: (n % 5 if n % 7 else None) for n, item in enumerate(bank.items)}
    notes = {e.id: {k: "Een notitie van een gewone lengte over de aanpak in de wijk."
                    for k in ("going_well", "to_improve", "next_step")} for e in bank.elements_of("denkraam")}
    full = AssessmentRecord(coalition="Coalitie Kansrijke Start Noord", gemeente="Utrecht",
                            assessment_date=date(2026, 11, 23), answers=answers, notes=notes)
    page = tmp_path / "rapport.html"
    page.write_text(report.report_html(bank, full), encoding="utf-8")
    pdf = tmp_path / "rapport.pdf"
    subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--no-pdf-header-footer", f"--print-to-pdf={pdf}", page.as_uri()],
        check=True, timeout=90, capture_output=True,
    )
    pages = re.findall(rb"/Type\s*/Page[^s]", pdf.read_bytes())
    assert len(pages) == 1
