"""AppTest runs of app_pages/assessment_fill.py (Zelfevaluatie invullen) and app_pages/assessment_results.py."""

from __future__ import annotations

import json
from datetime import date

import pandas as pd
import pyarrow
import pytest
from streamlit.testing.v1 import AppTest

from ks_data import paths
from ks_data.core import export
from ks_data.assessment.items import AssessmentRecord
from ks_data.storage import assessments as storage_assessments
from ks_data.storage.db import StorageError
from ks_data.texts import assessment as ta
from ks_data.texts import storage as ts
from tests.note_box import note_data, type_note
from tests.support import downloads, open_page

FILL = "app_pages/assessment_fill.py"
RESULTS = "app_pages/assessment_results.py"


def _app(page: str, **query: str) -> AppTest:
    return open_page(page, **query)


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
    [summary] = storage_assessments.list_assessments()
    assert "**Coalitie Kansrijke Start Noord** · Utrecht · 23-11-2026" in _text(at)
    assert at.query_params["evaluatie"] == str(summary.id)  # the link that brings this evaluation back

    _radio(at, summary.id, "goals_vision").set_value(3).run()
    _radio(at, summary.id, "goals_domains").set_value("weet_niet").run()
    type_note(at, f"ks_note_{summary.id}_goals_next_step", "Cijfers delen in januari")  # no blur, no Ctrl+Enter
    # written through at once: the database holds every change
    saved = storage_assessments.get_assessment(summary.id)
    assert saved.answers == {"goals_vision": 3, "goals_domains": None}
    assert saved.notes == {"goals": {"next_step": "Cijfers delen in januari"}}
    assert "2 van 51 stellingen beantwoord" in at.get("progress")[0].proto.text

    # "server restart": a brand-new session that only has the link
    again = _app(FILL, evaluatie=str(summary.id))
    assert _radio(again, summary.id, "goals_vision").value == 3
    assert _radio(again, summary.id, "goals_domains").value == "weet_niet"
    assert _radio(again, summary.id, "goals_data").value is None
    assert note_data(again, f"ks_note_{summary.id}_goals_next_step")["value"] == "Cijfers delen in januari"


def test_a_new_session_without_link_can_resume_a_saved_assessment(user_data_dir):
    record = storage_assessments.open_assessment(coalition="Coalitie Zuid", assessment_date=date(2026, 5, 1))
    storage_assessments.save_answer(record.id, item_id="care_overview", value=4)
    at = _app(FILL)
    assert at.selectbox(key="ks_resume_choice").options == ["Coalitie Zuid — 01-05-2026 — 1 antwoorden"]
    at.button(key="ks_resume").click().run()
    assert _radio(at, record.id, "care_overview").value == 4


def test_the_statements_cite_the_dossier_section(user_data_dir):
    record = storage_assessments.open_assessment(coalition="C", assessment_date=date(2026, 5, 1))
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
    assert storage_assessments.list_assessments() == []


def test_unwritable_database_shows_a_dutch_error_and_keeps_the_answer(user_data_dir, monkeypatch):
    record = storage_assessments.open_assessment(coalition="C", assessment_date=date(2026, 5, 1))
    at = _app(FILL, evaluatie=str(record.id))
    with monkeypatch.context() as patch:
        patch.setattr(storage_assessments, "save_answer", _raise_read_only)
        _radio(at, record.id, "goals_vision").set_value(2).run()
        assert not at.exception
        assert ts.STORAGE_ERRORS["read_only"] in [e.value for e in at.error]
        assert ta.UNSAVED_NOTE in [w.value for w in at.warning]
        assert _radio(at, record.id, "goals_vision").value == 2  # still on screen
        assert storage_assessments.get_assessment(record.id).answers == {}
    at.button(key="ks_retry_pending").click().run()  # the disk is writable again
    assert storage_assessments.get_assessment(record.id).answers == {"goals_vision": 2}
    assert not at.error


def test_a_note_that_could_not_be_stored_says_so_and_is_saved_on_retry(user_data_dir, monkeypatch):
    """Given a database that refuses writes, when a note is typed, then the page says it is not saved (the box
    too: no 'Opgeslagen'), and after the retry the note is stored and the box says so again."""
    record = storage_assessments.open_assessment(coalition="C", assessment_date=date(2026, 5, 1))
    at = _app(FILL, evaluatie=str(record.id))
    key = f"ks_note_{record.id}_community_to_improve"
    assert note_data(at, key)["failed"] is False and "Alles is opgeslagen" not in _text(at)
    with monkeypatch.context() as patch:
        patch.setattr(storage_assessments, "save_note", _raise_read_only)
        type_note(at, key, "Meer sleutelpersonen")
        assert ts.STORAGE_ERRORS["read_only"] in [e.value for e in at.error]
        assert note_data(at, key)["failed"] is True and note_data(at, key)["value"] == "Meer sleutelpersonen"
        assert storage_assessments.get_assessment(record.id).notes == {}
    at.button(key="ks_retry_pending").click().run()
    assert storage_assessments.get_assessment(record.id).notes == {"community": {"to_improve": "Meer sleutelpersonen"}}
    assert note_data(at, key)["failed"] is False and not at.error


def _raise_read_only(*args, **kwargs):
    raise StorageError("read_only", "attempt to write a readonly database")


def test_database_folder_that_cannot_be_used_shows_a_dutch_error(user_data_dir, monkeypatch):
    folder = user_data_dir / "is_a_folder.sqlite"
    folder.mkdir()
    monkeypatch.setattr(paths, "DB_PATH", folder)
    at = _app(FILL)
    assert ts.STORAGE_ERRORS["unavailable"] in [e.value for e in at.error]


@pytest.fixture
def two_moments(user_data_dir) -> tuple[int, int]:
    early = storage_assessments.replace_assessment(AssessmentRecord(
        coalition="Coalitie Noord", gemeente="Utrecht", assessment_date=date(2025, 11, 3),
        answers={"goals_vision": 1, "goals_domains": 2, "monitoring_outcomes": 0},
        notes={"goals": {"next_step": "Visie opschrijven"}}))
    late = storage_assessments.replace_assessment(AssessmentRecord(
        coalition="Coalitie Noord", gemeente="Utrecht", assessment_date=date(2026, 11, 23),
        answers={"goals_vision": 3, "goals_domains": 4, "goals_data": None, "monitoring_outcomes": 2},
        notes={"community": {"going_well": "Sleutelpersonen actief"}}))
    storage_assessments.open_assessment(coalition="Andere coalitie", assessment_date=date(2026, 1, 1))
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


def test_results_keep_the_whole_assessment_exports(two_moments, media):
    """The CSV, JSON and report of the chosen moment are written on click and hold that moment's answers."""
    _, late = two_moments
    at = _app(RESULTS, evaluatie=str(late))
    labels = {b.key: b.proto.label for b in at.get("download_button")}
    assert (labels["ks_dl_csv"], labels["ks_dl_json"], labels["ks_dl_report"]) == (
        ta.EXPORT_CSV, ta.EXPORT_JSON, ta.EXPORT_REPORT)
    files = downloads(at, media)
    stem = next(name for name in files if name.endswith(".json"))[:-len(".json")]
    exported = json.loads(files[f"{stem}.json"].decode("utf-8"))
    assert exported["coalition"] == "Coalitie Noord" and exported["assessment_date"] == "2026-11-23"
    assert exported["answers"]["goals_vision"] == 3 and exported["answers"]["goals_domains"] == 4
    rows = files[f"{stem}.csv"].decode("utf-8").splitlines()
    assert any(";goals_vision;answer;3;" in row for row in rows) and rows[-1].split(";")[5] == "end"
    assert "Coalitie Noord" in files[f"{stem}_rapport.html"].decode("utf-8")



def _charts(at: AppTest) -> list[tuple[str, dict]]:
    return [(c.proto.alt, json.loads(c.proto.spec)) for c in at.get("vega_lite_chart")]


def _plotted(at: AppTest, index: int, column: str) -> pd.DataFrame:
    """The dataset of chart ``index`` that has ``column`` (Streamlit sends chart data as Arrow)."""
    for dataset in at.get("vega_lite_chart")[index].proto.datasets:
        frame = pyarrow.ipc.open_stream(dataset.data.data).read_pandas()
        if column in frame.columns:
            return frame
    raise AssertionError(f"no dataset with {column}")


def test_every_results_chart_has_alt_text_explanation_table_and_its_own_csv(two_moments, csv_downloads):
    _, late = two_moments
    at = _app(RESULTS, evaluatie=str(late))
    charts = _charts(at)
    assert len(charts) == 4  # radar + bars of the five elements, radar + dots of the comparison
    radar_alt, radar_spec = charts[0]
    assert radar_alt.startswith("Radardiagram van de score per element (schaal 0 (nog niet gestart) tot 4")
    assert "Coalitie Noord (Utrecht), 23-11-2026: Doelen en uitkomsten 3,5; Monitoring en leren 2,0;" in radar_alt
    bars_alt = charts[1][0]  # highest first
    assert "23-11-2026: Doelen en uitkomsten 3,5; Monitoring en leren 2,0; Community-aanpak nog geen score" in bars_alt
    assert "03-11-2025 en 23-11-2026: Doelen en uitkomsten 1,5 → 3,5" in charts[2][0]
    captions = [c.value for c in at.caption]
    assert ("Bron: eigen zelfevaluatie Coalitie Noord (Utrecht), 23-11-2026; stellingen: denkraam "
            "Pharos-inspiratiedossier (§ 3.2–3.3)") in captions
    assert any(c.startswith("Denkraam: vijf elementen") and "'weet niet' telt niet mee" in c for c in captions)
    assert any("(eerder: oranje, stippellijn, vierkantjes)" in c for c in captions)
    assert [e.label for e in at.expander].count("Tabel bij deze grafiek") == 4

    scores, ranking, history, comparison, _ = [d.frame for d in csv_downloads if d.dutch]
    assert scores[ta.COLUMN_SCORE].tolist()[:2] == [3.5, 2.0] and scores[ta.COLUMN_SCORE].isna().sum() == 3
    assert set(scores[ta.COLUMN_COALITION]) == {"Coalitie Noord"} and scores[ta.COLUMN_DONT_KNOW].tolist()[0] == 1
    plotted = _plotted(at, 0, ta.CHART_SCORE)[ta.CHART_SCORE].tolist()
    assert plotted == [3.5, 2.0, 3.5]  # the two scored elements, closed: exactly the downloaded scores
    assert ranking[ta.COLUMN_ELEMENT].tolist()[:2] == ["Doelen en uitkomsten", "Monitoring en leren"]
    assert history[ta.COLUMN_DATE].tolist() == ["23-11-2026", "03-11-2025"]
    assert comparison.iloc[0].tolist() == ["Doelen en uitkomsten", 1.5, 3.5, 2.0]
    assert list(comparison.columns)[1:3] == ["Score 03-11-2025", "Score 23-11-2026"]
    csv = export.to_csv_bytes(comparison).decode("utf-8-sig")
    assert "Doelen en uitkomsten;1,5;3,5;2,0" in csv  # Dutch notation


def test_presentation_mode_scales_every_results_chart(two_moments):
    _, late = two_moments
    for query, size in (({}, 14), ({"presentatie": "1"}, 21)):
        at = _app(RESULTS, evaluatie=str(late), **query)
        fonts = {(spec["config"]["axis"]["labelFontSize"], spec["config"]["legend"]["labelFontSize"])
                 for _, spec in _charts(at)}
        assert fonts == {(size, size)}, query


@pytest.fixture
def three_moments(two_moments) -> tuple[int, int, int]:
    early, late = two_moments
    middle = storage_assessments.replace_assessment(AssessmentRecord(
        coalition="Coalitie Noord", gemeente="Utrecht", assessment_date=date(2026, 5, 4),
        answers={"goals_vision": 2, "goals_domains": 2}))
    return early, middle, late


def test_a_link_reproduces_the_compared_moments(three_moments):
    early, middle, late = three_moments
    default = _app(RESULTS, evaluatie=str(late))
    assert _comparison(default).columns.tolist()[1:3] == ["04-05-2026", "23-11-2026"]  # the latest two

    shared = _app(RESULTS, evaluatie=str(late), eerder=str(early))
    assert _comparison(shared).columns.tolist()[1:3] == ["03-11-2025", "23-11-2026"]
    assert _comparison(shared).iloc[0].tolist() == ["Doelen en uitkomsten", "1,5", "3,5", "+2,0"]

    default.selectbox(key="_url_later").set_value(str(middle)).run()  # choosing writes the link
    assert (default.query_params["eerder"], default.query_params["later"]) == (str(middle), str(middle))
    assert default.query_params["evaluatie"] == str(late)


def _comparison(at: AppTest) -> pd.DataFrame:
    return next(d.value for d in at.dataframe if ta.COLUMN_CHANGE in d.value.columns)


def test_results_without_any_assessment_say_where_to_start(user_data_dir):
    at = _app(RESULTS)
    assert [i.value for i in at.info] == [ta.NO_ASSESSMENT]


def test_two_browser_sessions_on_one_assessment_keep_both_answers(user_data_dir):
    record = storage_assessments.open_assessment(coalition="Gedeeld", assessment_date=date(2026, 5, 1))
    first = _app(FILL, evaluatie=str(record.id))
    second = _app(FILL, evaluatie=str(record.id))
    _radio(first, record.id, "goals_vision").set_value(1).run()
    _radio(second, record.id, "monitoring_outcomes").set_value(4).run()
    _radio(first, record.id, "care_overview").set_value("weet_niet").run()
    assert storage_assessments.get_assessment(record.id).answers == {
        "goals_vision": 1, "monitoring_outcomes": 4, "care_overview": None}
    # the first browser's results include what the second one scored
    first.switch_page(RESULTS).run()
    scores = first.dataframe[0].value
    assert scores.iloc[1][ta.COLUMN_SCORE] == "4,0"
    assert "3 van 51 stellingen beantwoord" in second.switch_page(FILL).run().get("progress")[0].proto.text


def test_a_stale_or_garbled_link_shows_the_chooser_not_a_traceback(user_data_dir):
    storage_assessments.list_assessments()  # an empty database
    at = _app(FILL, evaluatie="999")
    assert ts.STORAGE_ERRORS["not_found"] in [e.value for e in at.error]
    assert at.text_input(key="ks_open_coalition") is not None
    garbled = _app(FILL, evaluatie="1; DROP TABLE answer")
    assert not garbled.error and garbled.header[0].value == ta.CHOOSE_HEADER


def test_a_gemeente_link_opens_the_latest_assessment_of_that_gemeente(two_moments, mini_geo_cache, monkeypatch):
    monkeypatch.setattr(paths, "GEO_CACHE_DIR", mini_geo_cache)
    beekveld = storage_assessments.replace_assessment(AssessmentRecord(
        coalition="Coalitie Beek", gemeente="beekveld", assessment_date=date(2024, 6, 1), answers={"goals_vision": 4}))
    at = _app(RESULTS, gemeente="GM9002")  # Beekveld in the test boundaries; not the newest assessment
    assert at.query_params["evaluatie"] == str(beekveld)
    assert at.dataframe[0].value.iloc[0][ta.COLUMN_SCORE] == "4,0"
    assert _app(RESULTS).query_params["evaluatie"] == str(two_moments[1])  # no gemeente: the newest


def test_new_assessment_starts_with_the_chosen_gemeente(user_data_dir, mini_geo_cache, monkeypatch):
    monkeypatch.setattr(paths, "GEO_CACHE_DIR", mini_geo_cache)
    assert _app(FILL, gemeente="GM9002").text_input(key="ks_open_gemeente").value == "Beekveld"
    assert _app(FILL).text_input(key="ks_open_gemeente").value == ""
