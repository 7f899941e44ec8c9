"""ks_data/assessment/workshop.py: workshop codes and the group result (mean and spread per element)."""

from __future__ import annotations

import math
import statistics
from datetime import date, datetime, timezone

import pandas as pd
import pytest

from ks_data.assessment import workshop as group
from ks_data.assessment.items import load_item_bank


@pytest.fixture(scope="module")
def bank():
    return load_item_bank()


def test_three_simulated_participants_give_the_hand_computed_aggregate(bank):
    # goals: A = mean(4, 2) = 3.0, B = mean(1) = 1.0 (+1 weet niet), C = mean(2, 2, 3) = 7/3
    participants = {
        "A": {"goals_vision": 4, "goals_domains": 2, "monitoring_outcomes": 3},
        "B": {"goals_vision": 1, "goals_data": None, "monitoring_outcomes": None},
        "C": {"goals_vision": 2, "goals_domains": 2, "goals_levels": 3, "monitoring_outcomes": 1},
    }
    summary = group.group_summary(bank, participants, part="denkraam").set_index("element_id")
    goals = summary.loc["goals"]
    expected = [3.0, 1.0, 7 / 3]
    assert goals["n_participants"] == 3
    assert goals["mean"] == pytest.approx(statistics.mean(expected))
    assert goals["sd"] == pytest.approx(statistics.stdev(expected))
    assert (goals["min"], goals["max"]) == (1.0, 3.0)
    assert goals["n_dont_know"] == 1
    monitoring = summary.loc["monitoring"]  # B only answered "weet niet": not counted in the mean
    assert monitoring["n_participants"] == 2
    assert monitoring["mean"] == pytest.approx(2.0)
    assert monitoring["sd"] == pytest.approx(math.sqrt(2))
    assert monitoring["n_dont_know"] == 1
    community = summary.loc["community"]
    assert community["n_participants"] == 0 and pd.isna(community["mean"])


def test_one_participant_has_a_mean_but_no_spread(bank):
    summary = group.group_summary(bank, {"solo": {"care_overview": 3}}, part="denkraam").set_index("element_id")
    assert summary.loc["professional_care", "mean"] == 3.0
    assert pd.isna(summary.loc["professional_care", "sd"])


def test_participant_scores_are_per_participant_and_element(bank):
    long = group.participant_scores(bank, {"p1": {"goals_vision": 4}, "p2": {}}, part="denkraam")
    assert len(long) == 10
    row = long[(long["participant"] == "p1") & (long["element_id"] == "goals")].iloc[0]
    assert row["score"] == 4.0


def test_session_codes_use_only_the_unambiguous_alphabet():
    codes = {group.new_session_code() for _ in range(300)}
    assert len(codes) > 290  # random, practically never repeating
    for code in codes:
        assert group.is_valid_code(code)
        assert not set(code) & set("0O1IL5S2Z8B")


@pytest.mark.parametrize(
    ("typed", "valid"),
    [(" acd-34 ", True), ("ACD3", False), ("ACD3O", False), ("acd34x", False), ("", False)],
)
def test_typed_codes_are_normalised_then_checked(typed, valid):
    assert group.is_valid_code(group.normalise_code(typed)) is valid


def test_group_result_keys_participants_by_their_id_as_text(bank):
    """Given answers per database id (as storage.workshops.workshop_answers returns them), then the group
    summary equals group_summary over the same answers and the individual scores name each id."""
    answers = {11: {"goals_vision": 4, "goals_domains": 2}, 12: {"goals_vision": 1}, 13: {}}
    summary, individual = group.group_result(bank, answers, part="denkraam")
    expected = group.group_summary(bank, {"11": answers[11], "12": answers[12], "13": {}}, part="denkraam")
    pd.testing.assert_frame_equal(summary, expected)
    goals = individual[individual["element_id"] == "goals"].set_index("participant")["score"]
    assert goals["11"] == 3.0 and goals["12"] == 1.0 and pd.isna(goals["13"])


def test_has_answers_counts_dont_know_but_not_empty_participants():
    assert not group.has_answers({})
    assert not group.has_answers({1: {}, 2: {}})
    assert group.has_answers({1: {}, 2: {"goals_vision": None}})


def test_the_group_becomes_one_assessment_with_the_mean_per_statement(bank):
    """Given three participants, then each statement holds the mean of those who scored it, 'weet niet' only
    when nobody scored it, nothing when nobody answered; participants without answers do not count."""
    answers = {1: {"goals_vision": 4, "goals_domains": None, "goals_data": None},
               2: {"goals_vision": 1, "goals_domains": 2, "goals_data": None},
               3: {"goals_vision": 2}, 4: {}}
    record = group.group_record(bank, answers, coalition="Coalitie Noord", gemeente="Ede", day=date(2026, 12, 1),
                                code="K7M3P", notes={"goals": {"next_step": "Visie", "going_well": " "},
                                                     "community": {"to_improve": ""}})
    assert record.answers == {"goals_vision": round(7 / 3, 2), "goals_domains": 2.0, "goals_data": None}
    assert record.notes == {"goals": {"next_step": "Visie"}}
    assert (record.coalition, record.gemeente, record.assessment_date) == ("Coalitie Noord", "Ede", date(2026, 12, 1))
    assert (record.workshop_code, record.n_participants) == ("K7M3P", 3)


def test_completion_counts_who_answered_every_statement_of_the_part(bank):
    denkraam = {i.id: 3 for e in bank.elements_of("denkraam") for i in e.items}
    all_but_one = dict(list(denkraam.items())[1:])
    answers = {1: denkraam, 2: {**all_but_one, "attachment_knowledge": 1}, 3: {}}
    assert group.completion(bank, answers, part="denkraam") == (1, 2)
    assert group.completion(bank, answers, part="themes") == (0, 2)


@pytest.mark.parametrize(("accepting", "ends", "expected"), [
    (True, None, True), (False, None, False), (True, "2026-12-01T10:00:01+00:00", True),
    (True, "2026-12-01T10:00:00+00:00", False), (False, "2026-12-01T11:00:00+00:00", False),
])
def test_answers_are_accepted_while_open_and_before_the_countdown_ends(accepting, ends, expected):
    at = datetime(2026, 12, 1, 10, 0, tzinfo=timezone.utc)
    assert group.accepts_answers(accepting=accepting, countdown_ends_at=ends, at=at) is expected


def test_part_results_cover_every_part_and_the_workshop_day_is_dutch():
    bank = load_item_bank()
    results = group.part_results(bank, {1: {"goals_vision": 2}})
    assert [p.id for p, _, _ in results] == [p.id for p in bank.parts]
    assert results[0][1].loc[0, "mean"] == 2.0 and results[1][1]["n_participants"].sum() == 0
    assert group.workshop_day("2026-06-30T22:30:00+00:00") == date(2026, 7, 1)  # 00:30 summer time
