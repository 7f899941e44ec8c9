"""ks_data/assessment/scoring.py: score per element (mean without "weet niet"), ranking, comparison, progress."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from ks_data.assessment import scoring as assessment_scoring
from ks_data.assessment.items import load_item_bank
from ks_data.assessment.scoring import element_scores, score_items, scores_frame


@pytest.fixture(scope="module")
def bank():
    return load_item_bank()


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        ([4, 2, None, 3], (3.0, 3, 1)),
        ([None, None], (None, 0, 2)),
        ([], (None, 0, 0)),
        ([0, 0, 1], (1 / 3, 3, 0)),
        ([4], (4.0, 1, 0)),
    ],
)
def test_score_is_mean_of_answered_items_without_dont_know(values, expected):
    assert score_items(values) == pytest.approx(expected)


@given(st.lists(st.one_of(st.none(), st.integers(min_value=0, max_value=4)), max_size=12))
def test_score_lies_on_the_scale_and_counts_add_up(values):
    mean, n_scored, n_dont_know = score_items(values)
    assert n_scored + n_dont_know == len(values)
    if n_scored:
        assert 0 <= mean <= 4
        assert mean == pytest.approx(sum(v for v in values if v is not None) / n_scored)
    else:
        assert mean is None


def test_element_scores_count_scored_dont_know_and_open(bank):
    answers = {"goals_vision": 4, "goals_domains": 3, "goals_levels": None, "care_overview": 0}
    scores = {s.element_id: s for s in element_scores(bank, answers)}
    goals = scores["goals"]
    assert (goals.score, goals.n_scored, goals.n_dont_know, goals.n_open) == (3.5, 2, 1, 4)
    assert scores["professional_care"].score == 0.0
    assert scores["monitoring"].score is None and scores["monitoring"].n_open == 4


def test_ranking_puts_highest_first_ties_share_a_rank_and_unscored_last(bank):
    answers = {"goals_vision": 2, "monitoring_outcomes": 3, "community_places": 2}
    frame = scores_frame(element_scores(bank, answers, part="denkraam"))
    assert frame["rank"].fillna(-1).tolist() == [2, 1, 2, -1, -1]
    ordered = assessment_scoring.ranked(frame)["element_id"].tolist()
    assert ordered == ["monitoring", "goals", "community", "professional_care", "care_coordination"]


def test_compare_scores_gives_change_per_element_and_na_when_missing(bank):
    before = scores_frame(element_scores(bank, {"goals_vision": 1, "monitoring_outcomes": 2}, part="denkraam"))
    after = scores_frame(element_scores(bank, {"goals_vision": 3, "community_places": 4}, part="denkraam"))
    cmp = assessment_scoring.compare_scores(before, after).set_index("element_id")
    assert cmp.loc["goals", "change"] == 2.0
    assert pd.isna(cmp.loc["monitoring", "change"]) and cmp.loc["monitoring", "score_before"] == 2.0
    assert pd.isna(cmp.loc["community", "change"]) and cmp.loc["community", "score_after"] == 4.0
    assert list(cmp.index) == [e.id for e in bank.elements_of("denkraam")]


def test_progress_counts_dont_know_as_answered_and_ignores_unknown_ids(bank):
    answered, total = assessment_scoring.progress(bank, {"goals_vision": None, "goals_data": 2, "stale_item": 1})
    assert (answered, total) == (2, len(bank.items))


def test_part_scores_and_is_scored(bank):
    """A part with only 'weet niet' answers has no score; one scored item makes it scored."""
    frame = assessment_scoring.part_scores(bank, {"goals_vision": None, "goals_data": None}, part="denkraam")
    pd.testing.assert_frame_equal(frame, scores_frame(element_scores(bank, {"goals_vision": None, "goals_data": None},
                                                                     part="denkraam")))
    assert set(frame["part"]) == {"denkraam"} and not assessment_scoring.is_scored(frame)
    scored = assessment_scoring.part_scores(bank, {"goals_vision": None, "monitoring_outcomes": 2}, part="denkraam")
    assert assessment_scoring.is_scored(scored)
    assert not assessment_scoring.is_scored(assessment_scoring.part_scores(bank, {"goals_vision": 2}, part="themes"))


def test_compare_answers_gives_the_change_per_element(bank):
    comparison = assessment_scoring.compare_answers(
        bank, {"goals_vision": 1, "monitoring_outcomes": 4}, {"goals_vision": 3, "goals_data": 4}, part="denkraam")
    rows = comparison.set_index("element_id")
    assert rows.loc["goals", ["score_before", "score_after", "change"]].tolist() == [1.0, 3.5, 2.5]
    assert rows.loc["monitoring", "score_before"] == 4.0 and pd.isna(rows.loc["monitoring", "change"])
