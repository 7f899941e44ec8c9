"""ks_data/assessment/views.py and texts/assessment.py formatters: what the result tables show."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from ks_data.assessment import workshop as assessment_group
from ks_data.assessment import views as assessment_tables
from ks_data.assessment.items import AssessmentRecord, load_item_bank
from ks_data.assessment.scoring import compare_scores, element_scores, scores_frame
from ks_data.storage.assessments import AssessmentSummary
from ks_data.texts import assessment as ta
from ks_data.texts import workshop as tw


@pytest.fixture(scope="module")
def bank():
    return load_item_bank()


def test_score_table_shows_dutch_decimals_counts_and_no_score(bank):
    answers = {"goals_vision": 3, "goals_domains": 2, "goals_levels": None}
    table = assessment_tables.score_table(scores_frame(element_scores(bank, answers, part="denkraam")))
    first, second = table.iloc[0], table.iloc[1]
    assert first[ta.COLUMN_SCORE] == "2,5" and first[ta.COLUMN_SCORED] == "2 van 7"
    assert first[ta.COLUMN_DONT_KNOW] == 1 and first[ta.COLUMN_OPEN] == 4 and first[ta.COLUMN_RANK] == "1"
    assert second[ta.COLUMN_SCORE] == "nog geen score" and second[ta.COLUMN_RANK] == ""


def test_comparison_table_signs_the_change(bank):
    before = scores_frame(element_scores(bank, {"goals_vision": 3, "monitoring_outcomes": 1}, part="denkraam"))
    after = scores_frame(element_scores(bank, {"goals_vision": 2, "monitoring_outcomes": 3}, part="denkraam"))
    table = assessment_tables.comparison_table(compare_scores(before, after), before_label="A", after_label="B")
    assert table[ta.COLUMN_CHANGE].tolist()[:3] == ["−1,0", "+2,0", "–"]
    assert table["A"].tolist()[0] == "3,0" and table["B"].tolist()[1] == "3,0"


def test_group_table_formats_mean_and_spread(bank):
    summary = assessment_group.group_summary(
        bank, {"a": {"goals_vision": 1}, "b": {"goals_vision": 2}, "c": {"goals_vision": 4}}, part="denkraam")
    row = assessment_tables.group_table(summary).iloc[0]
    assert row[ta.COLUMN_MEAN] == "2,3" and row[ta.COLUMN_SD] == "1,5"
    assert row[ta.COLUMN_MIN] == "1,0" and row[ta.COLUMN_MAX] == "4,0" and row[ta.COLUMN_PARTICIPANTS] == 3


def test_history_table_newest_first_as_given():
    rows = [AssessmentSummary(2, "C", "Utrecht", date(2026, 3, 1), "2026-03-01T10:00:00.000+00:00", 12),
            AssessmentSummary(1, "C", "Utrecht", date(2025, 3, 1), "2025-03-02T09:30:00.000+00:00", 30)]
    table = assessment_tables.history_table(rows)
    assert table[ta.COLUMN_DATE].tolist() == ["01-03-2026", "01-03-2025"]
    assert table[ta.COLUMN_ANSWERS].tolist() == [12, 30]
    assert table[ta.COLUMN_CHANGED].tolist() == ["01-03-2026 11:00", "02-03-2025 10:30"]  # Dutch local time


def test_notes_by_element_skips_empty_notes(bank):
    record = AssessmentRecord(coalition="C", gemeente="", assessment_date=date(2026, 1, 1),
                              notes={"community": {"next_step": "Sleutelpersonen", "going_well": "  "}})
    assert assessment_tables.notes_by_element(bank, record) == [
        ("3. Community-aanpak", [("Volgende stap", "Sleutelpersonen")])]


@pytest.mark.parametrize(("value", "text"), [(0.3, "+0,3"), (-1.25, "−1,2"), (0.0, "0,0"), (None, "–")])
def test_fmt_change(value, text):
    assert ta.fmt_change(value) == text


def test_download_frames_hold_numbers_not_text(bank):
    record = AssessmentRecord(coalition="C", gemeente="Ede", assessment_date=date(2026, 3, 1))
    frame = scores_frame(element_scores(bank, {"goals_vision": 3, "monitoring_outcomes": 4}, part="denkraam"))
    data = assessment_tables.scores_data(frame, record=record)
    assert data[ta.COLUMN_SCORE].tolist()[:2] == [3.0, 4.0] and data[ta.COLUMN_SCORE].isna().sum() == 3
    assert data[ta.COLUMN_RANK].tolist()[:2] == [2, 1] and data[ta.COLUMN_DATE].tolist()[0] == "01-03-2026"
    ranking = assessment_tables.ranking_data(frame)
    assert ranking[ta.COLUMN_ELEMENT].tolist()[:2] == ["Monitoring en leren", "Doelen en uitkomsten"]
    assert assessment_tables.ranking_table(frame)[ta.COLUMN_SCORE].tolist()[:3] == ["4,0", "3,0", "nog geen score"]
    later = scores_frame(element_scores(bank, {"goals_vision": 1}, part="denkraam"))
    compared = assessment_tables.comparison_data(compare_scores(frame, later), before_label="A", after_label="B")
    assert compared.columns.tolist() == [ta.COLUMN_ELEMENT, "Score A", "Score B", ta.COLUMN_CHANGE]
    assert compared.iloc[0, 1:].tolist() == [3.0, 1.0, -2.0]


def test_group_data_keeps_unrounded_numbers(bank):
    summary = assessment_group.group_summary(
        bank, {"a": {"goals_vision": 1}, "b": {"goals_vision": 2}, "c": {"goals_vision": 4}}, part="denkraam")
    row = assessment_tables.group_data(summary).iloc[0]
    assert row[ta.COLUMN_MEAN] == pytest.approx(7 / 3) and row[ta.COLUMN_MAX] == 4.0
    assert row[ta.COLUMN_PARTICIPANTS] == 3


def test_summary_and_moment_labels_name_the_date_or_the_whole_assessment():
    early = AssessmentSummary(1, "Coalitie Noord", "Utrecht", date(2025, 3, 1), "2025-03-01T10:00:00.000+00:00", 12)
    late = AssessmentSummary(2, "Coalitie Noord", "", date(2026, 3, 1), "2026-03-01T10:00:00.000+00:00", 30)
    same_day = AssessmentSummary(3, "Coalitie Zuid", "", date(2026, 3, 1), "2026-03-01T11:00:00.000+00:00", 1)
    assert assessment_tables.summary_label(early) == "Coalitie Noord (Utrecht) — 01-03-2025 — 12 antwoorden"
    assert assessment_tables.moment_labels(early, late) == ("01-03-2025", "01-03-2026")
    assert assessment_tables.moment_labels(late, same_day) == (
        "Coalitie Noord — 01-03-2026 — 30 antwoorden", "Coalitie Zuid — 01-03-2026 — 1 antwoorden")


def test_notes_markdown_has_one_block_per_element_in_element_order(bank):
    record = AssessmentRecord(coalition="C", gemeente="", assessment_date=date(2026, 1, 1), notes={
        "community": {"next_step": "Sleutelpersonen"},
        "goals": {"to_improve": "Data", "going_well": "Visie", "next_step": " "}})
    assert assessment_tables.notes_markdown(bank, record) == [
        "**1. Overkoepelende programmadoelen en gezamenlijke uitkomsten**\n- *Wat gaat goed?* Visie\n"
        "- *Wat kan beter?* Data",
        "**3. Community-aanpak**\n- *Volgende stap* Sleutelpersonen",
    ]


def test_history_says_which_assessment_came_from_a_workshop():
    rows = [AssessmentSummary(2, "C", "", date(2026, 12, 1), "2026-12-01T10:00:00.000+00:00", 40, "K7M3P", 23),
            AssessmentSummary(1, "C", "", date(2025, 3, 1), "2025-03-02T09:30:00.000+00:00", 30)]
    assert assessment_tables.history_table(rows)[tw.COLUMN_ORIGIN].tolist() == [
        "workshop K7M3P (23 deelnemers)", "eigen invulling"]


def test_group_export_has_one_row_per_element_of_every_part_with_rounded_numbers(bank):
    answers = {"a": {"goals_vision": 1, "attachment_knowledge": 2}, "b": {"goals_vision": 2},
               "c": {"goals_vision": 2, "goals_data": None}}
    parts = [(p.title, assessment_group.group_summary(bank, answers, part=p.id)) for p in bank.parts]
    frame = assessment_tables.group_export_data(parts, code="K7M3P", title="Regio", day=date(2026, 12, 1),
                                                n_participants=3)
    assert len(frame) == len(bank.elements) and frame["Sessie"].unique().tolist() == ["K7M3P"]
    goals = frame.iloc[0]
    assert (goals[ta.COLUMN_MEAN], goals[ta.COLUMN_SD]) == (1.67, 0.58)  # 5/3 and sd of 1, 2, 2
    assert goals[ta.COLUMN_DONT_KNOW] == 1 and goals["Deelnemers"] == 3 and goals["Datum"] == "01-12-2026"
    attachment = frame[frame[ta.COLUMN_ELEMENT] == "Gehechtheid"].iloc[0]
    assert attachment[ta.COLUMN_MEAN] == 2.0 and pd.isna(attachment[ta.COLUMN_SD])
