"""AppTest runs of app_pages/workshop_host.py (groepsscherm) and app_pages/workshop_join.py (meedoen)."""

from __future__ import annotations

import io
import json
import statistics
from datetime import date

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from ks_data.assessment.items import load_item_bank
from ks_data.core import network
from ks_data.storage import assessments as storage_assessments
from ks_data.storage import workshops as storage_workshop
from ks_data.texts import assessment as ta
from ks_data.texts import storage as ts
from ks_data.texts import workshop as tw
from tests.conftest import APP_FILE
from tests.note_box import type_note
from tests.support import downloads

HOST = "app_pages/workshop_host.py"
JOIN = "app_pages/workshop_join.py"
BANK = load_item_bank()
FIRST_ELEMENT = BANK.elements[0]


@pytest.fixture(autouse=True)
def no_lan(monkeypatch):
    """This machine's network cards must not leak into the tests: one fixed LAN address."""
    monkeypatch.setattr(network, "lan_addresses", lambda: ["192.168.1.20"])


def _app(page: str, *, url: str | None = None, **query: str) -> AppTest:
    at = AppTest.from_file(APP_FILE, default_timeout=60)
    if url:
        at.context = {"url": url}
    at.run()
    at.switch_page(page)
    at.query_params.update(query)
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def _join(code: str, name: str = "") -> AppTest:
    at = _app(JOIN)
    at.text_input(key="ks_join_code").input(code.lower())
    at.text_input(key="ks_join_name").input(name)
    at.button[0].click().run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    return at


def _radio(at: AppTest, item_id: str):
    pid = at.session_state["ks_workshop_participant"]["id"]
    return at.radio(key=f"ks_participant_{pid}_{item_id}")


def _texts(at: AppTest) -> str:
    return "\n".join([m.value for m in at.markdown] + [c.value for c in at.caption] + [i.value for i in at.info]
                     + [w.value for w in at.warning] + [e.value for e in at.error])


def _button(at: AppTest, label: str):
    return next(b for b in at.button if b.label == label)


def _new_session(title: str = "Regio Utrecht") -> tuple[AppTest, str]:
    host = _app(HOST)
    host.text_input(key="ks_host_title").input(title)
    host.button[0].click().run()
    return host, host.query_params["sessie"]


def test_answers_stay_hidden_until_the_trainer_reveals_them_then_the_group_result_is_correct(user_data_dir):
    host, code = _new_session()
    assert len(code) == 5 and storage_workshop.workshop_title(code) == "Regio Utrecht"
    assert [i.value for i in host.info] == [tw.HOST_NO_ANSWERS]

    scores = {"Fatima": (4, 2), "": (1, None), "Joost": (3, 3)}  # goals_vision, goals_domains
    for name, (vision, domains) in scores.items():
        at = _join(code, name)
        _radio(at, "goals_vision").set_value(vision).run()
        _radio(at, "goals_domains").set_value("weet_niet" if domains is None else domains).run()
        assert not at.exception

    host.run()
    assert [m.value for m in host.metric][:2] == ["3 deelnemers", "6 antwoorden"]
    assert tw.RESULTS_HIDDEN in _texts(host) and not host.table and not host.get("vega_lite_chart")
    assert "Fatima" not in _texts(host)  # anonymous unless the trainer shows names

    host.button(key="ks_host_reveal").click().run()
    assert storage_workshop.get_workshop(code).revealed == {"denkraam"}
    group = host.table[0].value.iloc[0]
    element_means = [3.0, 1.0, 3.0]
    assert group[ta.COLUMN_PARTICIPANTS] == 3
    assert group[ta.COLUMN_MEAN] == "2,3"  # 7/3
    assert group[ta.COLUMN_SD] == f"{statistics.stdev(element_means):.1f}".replace(".", ",")
    assert (group[ta.COLUMN_MIN], group[ta.COLUMN_MAX], group[ta.COLUMN_DONT_KNOW]) == ("1,0", "3,0", 1)
    assert host.button(key="ks_host_reveal").label == tw.HIDE_RESULTS

    host.toggle(key="ks_host_names").set_value(True).run()
    names = " ".join(c.value for c in host.caption)
    assert "Fatima" in names and "Joost" in names  # only names that were given

    host.button(key="ks_host_reveal").click().run()  # hidden again on demand
    assert not host.table and tw.RESULTS_HIDDEN in _texts(host)


def test_the_phone_shows_one_element_at_a_time_with_progress_and_a_confirmation_per_answer(user_data_dir):
    code = storage_workshop.create_workshop()
    at = _join(code, "Ans")
    assert "Sessie **" + code + "** · deelnemer 1 (Ans)" in _texts(at)
    assert [r.label for r in at.radio] == [i.text for i in FIRST_ELEMENT.items]  # only the first element
    assert at.query_params["stap"] == "1"
    _radio(at, "goals_vision").set_value(3).run()
    assert "Opgeslagen: 3 · grotendeels ingevoerd" in _texts(at)
    assert [t.value for t in at.toast] == [tw.TOAST_SAVED]
    assert f"1 van {len(BANK.items)} stellingen beantwoord" in at.get("progress")[0].proto.text
    assert storage_workshop.participant_answers(at.session_state["ks_workshop_participant"]["id"]) == {
        "goals_vision": 3}

    at.button(key="ks_phone_next").click().run()
    assert [r.label for r in at.radio] == [i.text for i in BANK.elements[1].items]
    assert at.query_params["stap"] == "2" and "Element 2 van 10" in _texts(at)
    at.button(key="ks_phone_previous").click().run()
    assert _radio(at, "goals_vision").value == 3

    last = _app(JOIN, deelnemer=at.query_params["deelnemer"], stap=str(len(BANK.elements)))
    assert last.button(key="ks_phone_next").label == tw.FINISH
    last.button(key="ks_phone_next").click().run()
    assert tw.DONE_TITLE in last.success[0].value and f"1 van {len(BANK.items)} stellingen" in last.success[0].value
    last.button(key="ks_phone_review").click().run()
    assert last.query_params["stap"] == "1"


def test_participant_gets_their_answers_and_place_back_after_a_reload(user_data_dir):
    code = storage_workshop.create_workshop()
    at = _join(code, "Ans")
    at.button(key="ks_phone_next").click().run()
    at.button(key="ks_phone_next").click().run()
    at.button(key="ks_phone_next").click().run()  # element 4: professional care
    _radio(at, "care_overview").set_value(2).run()
    again = _app(JOIN, deelnemer=at.query_params["deelnemer"], stap=at.query_params["stap"])
    assert _radio(again, "care_overview").value == 2
    assert f"Sessie **{code}** · deelnemer 1 (Ans)" in _texts(again)


def test_closing_the_session_refuses_answers_and_reopening_accepts_them(user_data_dir):
    host, code = _new_session()
    phone, stale = _join(code), _join(code)
    host.button(key="ks_host_accepting").click().run()
    assert not storage_workshop.get_workshop(code).accepting
    assert tw.STATUS_CLOSED in _texts(host)
    assert host.button(key="ks_host_accepting").label == tw.REOPEN_ANSWERS

    phone.run()  # the phone's status fragment redraws the page for the closed session
    assert tw.PHONE_CLOSED in _texts(phone) and _radio(phone, "goals_vision").disabled
    _radio(stale, "goals_vision").set_value(4).run()  # a phone still drawn open sends an answer
    assert tw.ANSWER_REFUSED in [e.value for e in stale.error] and _radio(stale, "goals_vision").value is None
    assert storage_workshop.workshop_answers(code) == {1: {}, 2: {}}

    host.button(key="ks_host_accepting").click().run()
    phone.run()
    _radio(phone, "goals_vision").set_value(1).run()
    assert not phone.error and storage_workshop.workshop_answers(code)[1] == {"goals_vision": 1}


def test_countdown_shows_on_screen_and_phone_and_closes_answers_when_it_ends(user_data_dir):
    host, code = _new_session()
    phone = _join(code)
    host.number_input(key="ks_host_minutes").set_value(2)
    host.button(key="ks_host_countdown_start").click().run()
    ends = storage_workshop.get_workshop(code).countdown_ends_at
    assert ends is not None
    assert tw.countdown_until(clock=ta.local_time(ends)) in _texts(host)
    phone.run()
    countdowns = [json.loads(c.proto.json) for c in phone.get("bidi_component") if "ends_ms" in c.proto.json]
    assert len(countdowns) == 1 and countdowns[0]["texts"]["done"] == tw.COUNTDOWN_DONE

    _end_countdown(code)
    phone.run()
    assert tw.PHONE_TIME_UP in _texts(phone)
    with pytest.raises(storage_workshop.StorageError) as refused:
        storage_workshop.save_participant_answer(1, item_id="goals_vision", value=2)
    assert refused.value.kind == "closed"
    host.run()
    assert tw.STATUS_TIME_UP in _texts(host)
    host.button(key="ks_host_accepting").click().run()  # reopen: the countdown that ran out is gone
    assert storage_workshop.get_workshop(code).accepts_answers()


def _end_countdown(code: str) -> None:
    from ks_data.storage.db import transaction

    with transaction() as con:
        con.execute("UPDATE workshop SET countdown_ends_at = '2020-01-01T00:00:00.000+00:00' WHERE code = ?", (code,))


def test_removing_a_participant_drops_their_answers_from_the_result(user_data_dir):
    host, code = _new_session()
    keep, drop = _join(code, "Blijft"), _join(code, "Weg")
    _radio(keep, "goals_vision").set_value(1).run()
    _radio(drop, "goals_vision").set_value(4).run()
    host.run()
    picker = host.selectbox(key="ks_host_remove_pick")
    assert picker.options == ["Deelnemer 1 · 1 antwoord", "Deelnemer 2 · 1 antwoord"]  # no names on screen
    picker.set_value(drop.session_state["ks_workshop_participant"]["id"])
    host.button(key="ks_host_remove").click().run()
    assert [m.value for m in host.metric][0] == "1 deelnemer"
    assert storage_workshop.workshop_answers(code) == {keep.session_state["ks_workshop_participant"]["id"]: {
        "goals_vision": 1}}
    drop.run()
    assert tw.PHONE_REMOVED in _texts(drop) and drop.text_input(key="ks_join_code")  # can join again


def test_a_new_round_wipes_the_answers_and_hides_the_results(user_data_dir):
    host, code = _new_session()
    phone = _join(code)
    _radio(phone, "goals_vision").set_value(2).run()
    host.run()
    host.button(key="ks_host_reveal").click().run()
    assert host.button(key="ks_host_reset").disabled  # asks for confirmation first
    host.checkbox(key="ks_host_reset_sure").check().run()
    host.button(key="ks_host_reset").click().run()
    assert storage_workshop.workshop_answers(code) == {1: {}}
    assert storage_workshop.get_workshop(code).revealed == frozenset()
    assert tw.reset_done(1) in [t.value for t in host.toast]
    phone.run()
    assert _radio(phone, "goals_vision").value is None  # the phone shows the wiped answer too


def test_wrong_code_gives_a_dutch_error(user_data_dir):
    storage_workshop.create_workshop()
    at = _app(JOIN)
    for typed in ("XYZ", "ACD34"):  # malformed, and well-formed but unknown
        at.text_input(key="ks_join_code").input(typed)
        at.button[0].click().run()
        assert [e.value for e in at.error] == [tw.JOIN_BAD_CODE]
    assert not at.exception


def test_host_link_with_unknown_session_falls_back_to_start(user_data_dir):
    at = _app(HOST, sessie="ACD34")
    assert ts.STORAGE_ERRORS["not_found"] in [e.value for e in at.error]
    assert at.button[0].label == tw.HOST_START


def test_join_link_with_code_prefills_the_code(user_data_dir):
    code = storage_workshop.create_workshop()
    at = _app(JOIN, code=code)
    assert at.text_input(key="ks_join_code").value == code
    at.button[0].click().run()
    assert at.session_state["ks_workshop_participant"]["code"] == code
    assert storage_workshop.workshop_participants(code)[0].name == ""  # anonymous unless a name is given


def test_unknown_participant_token_shows_the_join_form(user_data_dir):
    at = _app(JOIN, deelnemer="no-such-token")
    assert at.text_input(key="ks_join_code").value == ""
    assert "deelnemer" not in at.query_params


def _workshop_with_scores(*, reveal: bool = True) -> str:
    """A session where two anonymous participants scored goals_vision (1 and 3) and one theme item."""
    code = storage_workshop.create_workshop(title="Regio Noord")
    for n, (vision, theme) in enumerate(((1, 2), (3, 4))):
        person = storage_workshop.join_workshop(code, token=f"token-{n}")
        storage_workshop.save_participant_answer(person.id, item_id="goals_vision", value=vision)
        storage_workshop.save_participant_answer(person.id, item_id="attachment_knowledge", value=theme)
    for part in ("denkraam", "themes") if reveal else ():
        storage_workshop.set_revealed(code, part, True)
    return code


def _chart_specs(at: AppTest) -> list[dict]:
    return [json.loads(c.proto.spec) for c in at.get("vega_lite_chart")]


def test_group_chart_has_alt_text_source_table_and_csv_of_the_group_result(user_data_dir, csv_downloads):
    code = _workshop_with_scores()
    host = _app(HOST, sessie=code)
    [chart] = host.get("vega_lite_chart")
    assert chart.proto.alt.startswith("Puntdiagram per element van Denkraam: vijf elementen")
    assert "2 deelnemers" in chart.proto.alt and "Doelen en uitkomsten 2,0" in chart.proto.alt
    captions = [c.value for c in host.caption]
    assert (f"Bron: eigen zelfevaluatie van de deelnemers aan workshop 'Regio Noord' (sessie {code}, 2 deelnemers); "
            "stellingen: denkraam Pharos-inspiratiedossier") in captions
    assert any("oranje streep = groepsgemiddelde" in c for c in captions)
    group = next(d.frame for d in csv_downloads if d.dutch)  # numbers, not text
    assert group.iloc[0][[ta.COLUMN_MEAN, ta.COLUMN_MIN, ta.COLUMN_MAX]].tolist() == [2.0, 1.0, 3.0]
    assert group.iloc[0][ta.COLUMN_SD] == pytest.approx(statistics.stdev([1, 3]))


def test_host_link_with_part_shows_that_part_and_charts_scale_for_the_projector(user_data_dir):
    code = _workshop_with_scores()
    themes = _app(HOST, sessie=code, onderdeel="themes")
    assert themes.table[0].value[ta.COLUMN_ELEMENT].tolist()[0] == "Vroegsignalering"
    assert "Gehechtheid" in themes.table[0].value[ta.COLUMN_ELEMENT].tolist()
    assert themes.query_params["onderdeel"] == "themes"
    assert _chart_specs(_app(HOST, sessie=code))[0]["config"]["axis"]["labelFontSize"] == pytest.approx(14 * 1.2)
    projector = _app(HOST, sessie=code, presentatie="1")
    assert projector.query_params["presentatie"] == "1"
    spec = _chart_specs(projector)[0]
    assert spec["config"]["axis"]["labelFontSize"] == spec["config"]["axis"]["titleFontSize"] == 21


def _join_html(at: AppTest) -> str:
    return "".join(h.proto.body for h in at.get("html") if "ks-join__url" in h.proto.body)


def test_host_screen_shows_a_reachable_join_address_and_its_qr_code(user_data_dir):
    code = storage_workshop.create_workshop()
    hosted = _app(HOST, url="https://dashboard.example.nl/ks/workshop-scherm", sessie=code)
    assert f"https://dashboard.example.nl/ks/workshop?code={code}" in _join_html(hosted)
    assert "data:image/svg+xml" in _join_html(hosted)  # the QR code, made on this machine
    laptop = _app(HOST, url="http://localhost:8501/workshop-scherm", sessie=code)  # `make workshop`: all interfaces
    assert f"http://192.168.1.20:8501/workshop?code={code}" in _join_html(laptop)
    assert "localhost" not in _join_html(laptop)


@pytest.fixture
def listen_on():
    """Set the server's ``server.address`` (as `make run` / `make workshop` do) for one test."""
    from streamlit import config

    before = config.get_option("server.address")
    yield lambda address: config.set_option("server.address", address)
    config.set_option("server.address", before)


def test_host_screen_explains_what_to_do_when_phones_cannot_reach_the_server(user_data_dir, monkeypatch, listen_on):
    code = storage_workshop.create_workshop()
    listen_on("127.0.0.1")  # `make run`
    at = _app(HOST, url="http://localhost:8501/workshop-scherm", sessie=code)
    assert not _join_html(at)
    assert any("make workshop" in w.value and "alleen op deze computer" in w.value for w in at.warning)
    assert tw.join_local_fallback(code=code) in _texts(at)
    listen_on("0.0.0.0")  # `make workshop`, on a laptop without any network
    monkeypatch.setattr(network, "lan_addresses", lambda: [])
    offline = _app(HOST, url="http://localhost:8501/workshop-scherm", sessie=code)
    assert [w.value for w in offline.warning] == [tw.JOIN_NO_NETWORK]


def test_export_writes_csv_in_both_notations_and_a_one_page_report_with_the_answers_at_click_time(
        user_data_dir, media):
    code = _workshop_with_scores(reveal=False)
    host = _app(HOST, sessie=code)
    late = storage_workshop.join_workshop(code, token="late")  # after the page was drawn, before the click
    storage_workshop.save_participant_answer(late.id, item_id="goals_vision", value=None)
    files = downloads(host, media)
    dutch = pd.read_csv(io.BytesIO(files[f"workshop_{code}.csv"]), sep=";", decimal=",", encoding="utf-8-sig")
    world = pd.read_csv(io.BytesIO(files[f"workshop_{code}_internationaal.csv"]), encoding="utf-8-sig")
    pd.testing.assert_frame_equal(dutch, world)
    goals = dutch.iloc[0]
    assert (goals["Sessie"], goals["Titel"], goals["Deelnemers"]) == (code, "Regio Noord", 3)
    assert goals["Datum"] == ta.fmt_date(date.today())
    assert (goals[ta.COLUMN_MEAN], goals[ta.COLUMN_SD], goals[ta.COLUMN_MIN], goals[ta.COLUMN_MAX]) == (
        2.0, 1.41, 1.0, 3.0)
    assert goals[ta.COLUMN_DONT_KNOW] == 1 and goals[ta.COLUMN_PARTICIPANTS] == 2
    assert len(dutch) == len(BANK.elements) and set(dutch["Onderdeel"]) == {p.title for p in BANK.parts}
    report = files[f"workshop_{code}_rapport.html"].decode("utf-8")
    assert tw.REPORT_TITLE in report and f"sessie {code}" in report and "3 deelnemers" in report
    assert "<svg" in report and "http" not in report.split("<footer>")[0].replace("http://www.w3.org", "")


def test_save_as_coalition_self_assessment_appears_in_its_history(user_data_dir):
    code = _workshop_with_scores()
    storage_assessments.replace_assessment(storage_assessments.AssessmentRecord(
        coalition="Coalitie Noord", gemeente="", assessment_date=date(2025, 5, 1), answers={"goals_vision": 1}))
    host = _app(HOST, sessie=code)
    type_note(host, f"ks_wnote_{code}_goals_next_step", "Visie vaststellen in maart")
    assert storage_workshop.workshop_notes(code) == {"goals": {"next_step": "Visie vaststellen in maart"}}
    picker = host.selectbox(key="ks_host_save_coalition")
    assert picker.options == ["Coalitie Noord"]
    picker.set_value("Coalitie Noord")
    host.date_input(key="ks_host_save_date").set_value(date(2026, 12, 1))
    _button(host, tw.SAVE_BUTTON).click().run()
    assert not host.exception and "Opgeslagen als zelfevaluatie van Coalitie Noord op 01-12-2026" in host.success[0].value
    history = storage_assessments.list_assessments(coalition="Coalitie Noord")
    assert [s.assessment_date for s in history] == [date(2026, 12, 1), date(2025, 5, 1)]
    saved = storage_assessments.get_assessment(history[0].id)
    assert saved.answers == {"goals_vision": 2.0, "attachment_knowledge": 3.0}  # the group's mean per statement
    assert saved.notes == {"goals": {"next_step": "Visie vaststellen in maart"}}
    assert (saved.workshop_code, saved.n_participants) == (code, 2)

    results = _app("app_pages/assessment_results.py", evaluatie=str(saved.id))
    table = next(d.value for d in results.dataframe if tw.COLUMN_ORIGIN in d.value.columns)
    assert table[tw.COLUMN_ORIGIN].tolist() == [f"workshop {code} (2 deelnemers)", tw.ORIGIN_OWN]


def test_saving_over_an_existing_assessment_asks_first(user_data_dir):
    code = _workshop_with_scores()
    storage_assessments.replace_assessment(storage_assessments.AssessmentRecord(
        coalition="Coalitie Zuid", gemeente="", assessment_date=date(2026, 12, 1), answers={"care_overview": 4}))
    host = _app(HOST, sessie=code)
    host.selectbox(key="ks_host_save_coalition").set_value("Coalitie Zuid")
    host.date_input(key="ks_host_save_date").set_value(date(2026, 12, 1))
    _button(host, tw.SAVE_BUTTON).click().run()
    assert tw.SAVE_OVERWRITE in [w.value for w in host.warning]
    [summary] = storage_assessments.list_assessments(coalition="Coalitie Zuid")
    assert storage_assessments.get_assessment(summary.id).answers == {"care_overview": 4}  # untouched
    host.checkbox(key="ks_host_save_overwrite").check()
    _button(host, tw.SAVE_BUTTON).click().run()
    assert storage_assessments.get_assessment(summary.id).answers == {"goals_vision": 2, "attachment_knowledge": 3}
