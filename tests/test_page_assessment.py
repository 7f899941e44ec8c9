"""AppTest runs of app_pages/assessment_fill.py (Zelfevaluatie invullen) and app_pages/assessment_results.py."""

from __future__ import annotations

from datetime import date

import pytest
from streamlit.testing.v1 import AppTest

from ks_data import paths, storage
from ks_data.assessment import AssessmentRecord
from ks_data.texts import assessment as ta
from tests.conftest import APP_FILE

FILL = "app_pages/assessment_fill.py"
RESULTS = "app_pages/assessment_results.py"


def _app(page: str, **query: str) -> AppTest:
    at = AppTest.from_file(APP_FILE, default_timeout=60)
    at.query_params.update(query)
    at.run()
    at.switch_page(page)
    at.query_params.update(query)
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def _text(at: AppTest) -> str:
    return "\n".join([m.value for m in at.markdown] + [c.value for c in at.caption])


def _radio(at: AppTest, assessment_id: int, item_id: str):
    return at.radio(key=f"ks_answer_{assessment_id}_{item_id}")


def test_fill_in_leave_and_find_everything_after_a_restart(user_data_dir):
    at = _app(FILL)
    at.text_input(key="ks_open_coalition").input("Coalitie Kansrijke Start Noord")
    at.text_input(key="ks_open_gemeente").input("Utrecht")
    at.date_input(key="ks_open_date").set_value(date(2026, 11, 23))
    at.button[0].click().run()
    assert not at.exception
    [summary] = storage.list_assessments()
    assert "**Coalitie Kansrijke Start Noord** · Utrecht · 23-11-2026" in _text(at)
    assert at.query_params["evaluatie"] == str(summary.id)  # the link that brings this evaluation back

    _radio(at, summary.id, "goals_vision").set_value(3).run()
    _radio(at, summary.id, "goals_domains").set_value("weet_niet").run()
    at.text_area(key=f"ks_note_{summary.id}_goals_next_step").input("Cijfers delen in januari").run()
    # written through at once: the database holds every change
    saved = storage.get_assessment(summary.id)
    assert saved.answers == {"goals_vision": 3, "goals_domains": None}
    assert saved.notes == {"goals": {"next_step": "Cijfers delen in januari"}}
    assert "2 van 43 stellingen beantwoord" in at.get("progress")[0].proto.text

    # "server restart": a brand-new session that only has the link
    again = _app(FILL, evaluatie=str(summary.id))
    assert _radio(again, summary.id, "goals_vision").value == 3
    assert _radio(again, summary.id, "goals_domains").value == "weet_niet"
    assert _radio(again, summary.id, "goals_data").value is None
    assert again.text_area(key=f"ks_note_{summary.id}_goals_next_step").value == "Cijfers delen in januari"


def test_a_new_session_without_link_can_resume_a_saved_assessment(user_data_dir):
    record = storage.open_assessment(coalition="Coalitie Zuid", assessment_date=date(2026, 5, 1))
    storage.save_answer(record.id, item_id="care_overview", value=4)
    at = _app(FILL)
    assert at.selectbox(key="ks_resume_choice").options == ["Coalitie Zuid — 01-05-2026 — 1 antwoorden"]
    at.button(key="ks_resume").click().run()
    assert _radio(at, record.id, "care_overview").value == 4


def test_the_statements_cite_the_dossier_section(user_data_dir):
    record = storage.open_assessment(coalition="C", assessment_date=date(2026, 5, 1))
    at = _app(FILL, evaluatie=str(record.id))
    captions = [c.value for c in at.caption]
    assert "Bron: Pharos-inspiratiedossier, § 3.3, element 1" in captions
    assert "Bron: Pharos-inspiratiedossier, § 4.4" in captions
    radio = _radio(at, record.id, "goals_vision")
    assert radio.help == "Bron: Pharos-inspiratiedossier, § 3.3, element 1"
    assert radio.options[0] == "0 · nog niet gestart" and radio.options[-1] == "weet niet"


def test_empty_coalition_name_shows_a_dutch_error(user_data_dir):
    at = _app(FILL)
    at.button[0].click().run()
    assert [e.value for e in at.error] == [ta.EMPTY_COALITION]
    assert storage.list_assessments() == []


def test_unwritable_database_shows_a_dutch_error_and_keeps_the_answer(user_data_dir, monkeypatch):
    record = storage.open_assessment(coalition="C", assessment_date=date(2026, 5, 1))
    at = _app(FILL, evaluatie=str(record.id))
    with monkeypatch.context() as patch:
        patch.setattr(storage, "save_answer", _raise_read_only)
        _radio(at, record.id, "goals_vision").set_value(2).run()
        assert not at.exception
        assert ta.STORAGE_ERRORS["read_only"] in [e.value for e in at.error]
        assert ta.UNSAVED_NOTE in [w.value for w in at.warning]
        assert _radio(at, record.id, "goals_vision").value == 2  # still on screen
        assert storage.get_assessment(record.id).answers == {}
    at.button(key="ks_retry_pending").click().run()  # the disk is writable again
    assert storage.get_assessment(record.id).answers == {"goals_vision": 2}
    assert not at.error


def _raise_read_only(*args, **kwargs):
    raise storage.StorageError("read_only", "attempt to write a readonly database")


def test_database_folder_that_cannot_be_used_shows_a_dutch_error(user_data_dir, monkeypatch):
    folder = user_data_dir / "is_a_folder.sqlite"
    folder.mkdir()
    monkeypatch.setattr(paths, "DB_PATH", folder)
    at = _app(FILL)
    assert ta.STORAGE_ERRORS["unavailable"] in [e.value for e in at.error]


@pytest.fixture
def two_moments(user_data_dir) -> tuple[int, int]:
    early = storage.replace_assessment(AssessmentRecord(
        coalition="Coalitie Noord", gemeente="Utrecht", assessment_date=date(2025, 11, 3),
        answers={"goals_vision": 1, "goals_domains": 2, "monitoring_outcomes": 0},
        notes={"goals": {"next_step": "Visie opschrijven"}}))
    late = storage.replace_assessment(AssessmentRecord(
        coalition="Coalitie Noord", gemeente="Utrecht", assessment_date=date(2026, 11, 23),
        answers={"goals_vision": 3, "goals_domains": 4, "goals_data": None, "monitoring_outcomes": 2},
        notes={"community": {"going_well": "Sleutelpersonen actief"}}))
    storage.open_assessment(coalition="Andere coalitie", assessment_date=date(2026, 1, 1))
    return early, late


def test_results_show_scores_ranking_notes_and_history(two_moments):
    early, late = two_moments
    at = _app(RESULTS, evaluatie=str(late))
    scores = at.dataframe[0].value
    goals = scores.iloc[0]
    assert goals[ta.COLUMN_SCORE] == "3,5" and goals[ta.COLUMN_DONT_KNOW] == 1 and goals[ta.COLUMN_RANK] == "1"
    assert scores.iloc[1][ta.COLUMN_SCORE] == "2,0"
    text = _text(at)
    assert "1. Doelen en uitkomsten — 3,5  \n2. Monitoring en leren — 2,0" in text
    assert "- *Wat gaat goed?* Sleutelpersonen actief" in text
    history = next(d.value for d in at.dataframe if ta.COLUMN_DATE in d.value.columns)
    assert history[ta.COLUMN_DATE].tolist() == ["23-11-2026", "03-11-2025"]  # not the other coalition


def test_results_compare_two_moments_with_change_per_element(two_moments):
    early, late = two_moments
    at = _app(RESULTS, evaluatie=str(late))
    comparison = next(d.value for d in at.dataframe if ta.COLUMN_CHANGE in d.value.columns)
    assert comparison.iloc[0].tolist() == ["Doelen en uitkomsten", "1,5", "3,5", "+2,0"]
    assert comparison.iloc[1].tolist() == ["Monitoring en leren", "0,0", "2,0", "+2,0"]
    assert comparison.iloc[2][ta.COLUMN_CHANGE] == "–"


def test_results_offer_csv_json_and_report_downloads(two_moments):
    _, late = two_moments
    at = _app(RESULTS, evaluatie=str(late))
    labels = [b.proto.label for b in at.get("download_button")]
    assert labels == [ta.EXPORT_CSV, ta.EXPORT_JSON, ta.EXPORT_REPORT]


def test_results_without_any_assessment_say_where_to_start(user_data_dir):
    at = _app(RESULTS)
    assert [i.value for i in at.info] == [ta.NO_ASSESSMENT]


def test_two_browser_sessions_on_one_assessment_keep_both_answers(user_data_dir):
    record = storage.open_assessment(coalition="Gedeeld", assessment_date=date(2026, 5, 1))
    first = _app(FILL, evaluatie=str(record.id))
    second = _app(FILL, evaluatie=str(record.id))
    _radio(first, record.id, "goals_vision").set_value(1).run()
    _radio(second, record.id, "monitoring_outcomes").set_value(4).run()
    _radio(first, record.id, "care_overview").set_value("weet_niet").run()
    assert storage.get_assessment(record.id).answers == {
        "goals_vision": 1, "monitoring_outcomes": 4, "care_overview": None}
    # the first browser's results include what the second one scored
    first.switch_page(RESULTS).run()
    scores = first.dataframe[0].value
    assert scores.iloc[1][ta.COLUMN_SCORE] == "4,0"
    assert "3 van 43 stellingen beantwoord" in second.switch_page(FILL).run().get("progress")[0].proto.text


def test_a_stale_or_garbled_link_shows_the_chooser_not_a_traceback(user_data_dir):
    storage.list_assessments()  # an empty database
    at = _app(FILL, evaluatie="999")
    assert ta.STORAGE_ERRORS["not_found"] in [e.value for e in at.error]
    assert at.text_input(key="ks_open_coalition") is not None
    garbled = _app(FILL, evaluatie="1; DROP TABLE answer")
    assert not garbled.error and garbled.header[0].value == ta.CHOOSE_HEADER
