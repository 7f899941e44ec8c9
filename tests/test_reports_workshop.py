"""ks_data/reports/workshop.py: the printable one-page group report of a workshop (self-contained, inline SVG)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from datetime import date, datetime
from pathlib import Path

import pytest

from ks_data.assessment import workshop as assessment_group
from ks_data.assessment.items import load_item_bank
from ks_data.reports import workshop as report

CHROMIUM = shutil.which("chromium")
BANK = load_item_bank()


def _report(answers: dict, notes: dict | None = None) -> str:
    return report.group_report_html(BANK, assessment_group.part_results(BANK, answers), code="K7M3P",
                                    title="Regio <Noord>", day=date(2026, 12, 1), n_participants=len(answers),
                                    notes=notes, generated=datetime(2026, 12, 1, 15, 30))


def test_report_names_session_date_participants_and_the_numbers_of_each_element():
    html = _report({1: {"goals_vision": 1, "goals_domains": None}, 2: {"goals_vision": 4}},
                   notes={"goals": {"next_step": "<script>x</script> visie"}})
    assert "Regio &lt;Noord&gt; — sessie K7M3P, 01-12-2026, 2 deelnemers" in html
    goals = re.search(r"<tr><td>Doelen en uitkomsten</td>(.*?)</tr>", html).group(1)
    cells = re.findall(r"<td class='num'>(.*?)</td>", goals)
    assert cells == ["2", "2,5", "2,1", "1,0", "4,0", "1"]  # with score, mean, sd, min, max, weet niet
    assert "&lt;script&gt;x&lt;/script&gt; visie" in html and "<script>" not in html
    assert "Inhoudelijke thema's" not in html  # themes only once somebody scored them
    assert "01-12-2026 15:30" in html


def test_spread_chart_draws_every_participant_the_range_and_the_mean():
    summary, individual = assessment_group.group_result(BANK, {1: {"goals_vision": 0}, 2: {"goals_vision": 4},
                                                              3: {"goals_vision": 2}}, part="denkraam")
    svg = report.spread_svg(summary, individual, width=340)
    assert svg.count("<circle") == 3
    label_w, bar_w = 142, 340 - 142 - 22
    assert f'x1="{label_w:.1f}" y1="12.0" x2="{label_w + bar_w:.1f}" y2="12.0"' in svg  # range 0 to 4
    assert f'x1="{label_w + bar_w / 2:.1f}" y1="4.0"' in svg  # the mean (2,0) in the middle
    assert svg.count("nog geen score") == 4  # the other four elements


def test_report_is_self_contained():
    html = _report({1: {"goals_vision": 1}})
    assert "@media print" in html and "@page { size: A4" in html
    assert not re.search(r"(src|href)=['\"]?https?:", html)


def test_full_group_report_prints_on_one_a4_page(tmp_path: Path):
    if CHROMIUM is None:
        if os.environ.get("KS_REQUIRE_BROWSER"):
            pytest.fail("chromium is required (KS_REQUIRE_BROWSER is set)")
        pytest.skip("Debian chromium not installed")
    answers = {p: {item.id: (p + n) % 5 if (p + n) % 6 else None for n, item in enumerate(BANK.items)}
               for p in range(30)}
    notes = {e.id: {k: "Een notitie van een gewone lengte over de afspraak van de groep."
                    for k in ("going_well", "to_improve", "next_step")} for e in BANK.elements_of("denkraam")}
    page = tmp_path / "groep.html"
    page.write_text(_report(answers, notes), encoding="utf-8")
    pdf = tmp_path / "groep.pdf"
    subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--no-pdf-header-footer", f"--print-to-pdf={pdf}", page.as_uri()],
        check=True, timeout=90, capture_output=True,
    )
    assert len(re.findall(rb"/Type\s*/Page[^s]", pdf.read_bytes())) == 1
