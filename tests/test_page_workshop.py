"""AppTest runs of app_pages/workshop_host.py (groepsscherm) and app_pages/workshop_join.py (meedoen)."""

from __future__ import annotations

import json
import statistics

import pytest
from streamlit.testing.v1 import AppTest

from ks_data.storage import workshops as storage_workshop
from ks_data.texts import assessment as ta
from ks_data.texts import storage as ts
from ks_data.texts import workshop as tw
from tests.conftest import APP_FILE

HOST = "app_pages/workshop_host.py"
JOIN = "app_pages/workshop_join.py"


def _app(page: str, **query: str) -> AppTest:
    at = AppTest.from_file(APP_FILE, default_timeout=60)
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


def _participant_radio(at: AppTest, item_id: str):
    pid = at.session_state["ks_workshop_participant"]["id"]
    return at.radio(key=f"ks_participant_{pid}_{item_id}")


def test_workshop_with_three_participants_shows_the_correct_group_result(user_data_dir):
    host = _app(HOST)
    host.text_input(key="ks_host_title").input("Regio Utrecht")
    host.button[0].click().run()
    code = host.metric[0].value
    assert len(code) == 5 and storage_workshop.workshop_title(code) == "Regio Utrecht"
    assert host.query_params["sessie"] == code
    assert [i.value for i in host.info] == [tw.HOST_NO_ANSWERS]

    scores = {"Fatima": (4, 2), "": (1, None), "Joost": (3, 3)}  # goals_vision, goals_domains
    for name, (vision, domains) in scores.items():
        at = _join(code, name)
        _participant_radio(at, "goals_vision").set_value(vision).run()
        _participant_radio(at, "goals_domains").set_value("weet_niet" if domains is None else domains).run()
        assert not at.exception

    host.run()
    assert host.metric[1].value == "3 deelnemers"
    group = host.table[0].value.iloc[0]
    element_means = [3.0, 1.0, 3.0]
    assert group[ta.COLUMN_PARTICIPANTS] == 3
    assert group[ta.COLUMN_MEAN] == "2,3"  # 7/3
    assert group[ta.COLUMN_SD] == f"{statistics.stdev(element_means):.1f}".replace(".", ",")
    assert (group[ta.COLUMN_MIN], group[ta.COLUMN_MAX], group[ta.COLUMN_DONT_KNOW]) == ("1,0", "3,0", 1)
    names = " ".join(c.value for c in host.caption)
    assert "Fatima" in names and "Joost" in names  # only names that were given
    assert len(storage_workshop.workshop_answers(code)) == 3


def test_participant_gets_their_answers_back_after_a_reload(user_data_dir):
    code = storage_workshop.create_workshop()
    at = _join(code, "Ans")
    _participant_radio(at, "care_overview").set_value(2).run()
    token = at.query_params["deelnemer"]
    again = _app(JOIN, deelnemer=token)
    assert _participant_radio(again, "care_overview").value == 2
    assert f"sessie **{code}** als Ans" in again.success[0].value


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


def _workshop_with_scores() -> str:
    """A session where two anonymous participants scored goals_vision (1 and 3) and one theme item."""
    code = storage_workshop.create_workshop(title="Regio Noord")
    for n, (vision, theme) in enumerate(((1, 2), (3, 4))):
        person = storage_workshop.join_workshop(code, token=f"token-{n}")
        storage_workshop.save_participant_answer(person.id, item_id="goals_vision", value=vision)
        storage_workshop.save_participant_answer(person.id, item_id="attachment_knowledge", value=theme)
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


def test_host_screen_shows_the_full_join_address_with_the_code(user_data_dir):
    code = storage_workshop.create_workshop()
    at = AppTest.from_file(APP_FILE, default_timeout=60)
    at.context = {"url": "https://dashboard.example.nl/ks/workshop-scherm"}
    at.run()
    at.switch_page(HOST)
    at.query_params.update(sessie=code)
    at.run()
    hint = next(m.value for m in at.markdown if code in m.value)
    assert f"**https://dashboard.example.nl/ks/workshop?code={code}**" in hint
    unknown_url = _app(HOST, sessie=code)  # no browser URL (e.g. a test client): the path alone
    assert any(f"**/workshop?code={code}**" in m.value for m in unknown_url.markdown)
