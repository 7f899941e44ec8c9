"""Hosted mode (KS_HOSTED=1, issue 18) through AppTest: the Werkruimte page (code shown once, open, throttled wrong
codes, sign out), the prompt on every page that holds a coalition's work, and isolation: with workspace A open, no
page, URL parameter, download or import reaches workspace B."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone

import pytest
from streamlit.testing.v1 import AppTest

from ks_data import paths
from ks_data.assessment import items as assessment
from ks_data.assessment import transfer
from ks_data.storage import assessments as storage_assessments
from ks_data.storage import workshops as storage_workshops
from ks_data.storage import workspaces
from ks_data.storage.db import transaction
from ks_data.texts import hosting as th
from ks_data.texts import storage as ts
from ks_data.texts import workshop as tw
from tests.support import downloads, open_page

WORKSPACE = "app_pages/workspace.py"
FILL = "app_pages/assessment_fill.py"
RESULTS = "app_pages/assessment_results.py"
HOST = "app_pages/workshop_host.py"
JOIN = "app_pages/workshop_join.py"
DATA = "app_pages/data.py"
DAY = date(2026, 5, 4)
SECRET = "Geheim-van-B"  # in B's coalition name, notes and workshop title: must never show with A open


@pytest.fixture
def hosted(user_data_dir, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("KS_HOSTED", "1")
    return user_data_dir


@pytest.fixture
def two(hosted):
    """Workspaces A and B; B holds an answered assessment with a note and a workshop with an answer."""
    a, code_a = workspaces.create_workspace(name="Coalitie A", gemeente="Utrecht", client="test")
    b, code_b = workspaces.create_workspace(name="Coalitie B", gemeente="Utrecht", client="test")
    record = storage_assessments.open_assessment(coalition=f"Coalitie {SECRET}", gemeente="Utrecht",
                                                 assessment_date=DAY, workspace=b.id)
    storage_assessments.save_answer(record.id, item_id="goals_vision", value=3, workspace=b.id)
    storage_assessments.save_note(record.id, element_id="goals", kind="goes_well", text=f"notitie {SECRET}",
                                  workspace=b.id)
    code = storage_workshops.create_workshop(title=f"Workshop {SECRET}", workspace=b.id)
    me = storage_workshops.join_workshop(code, name=f"Deelnemer {SECRET}", token="b-phone")
    storage_workshops.save_participant_answer(me.id, item_id="goals_vision", value=2)
    return {"a": a, "code_a": code_a, "b": b, "code_b": code_b, "b_record": record, "b_workshop": code}


def _app(page: str, workspace: workspaces.Workspace | None = None, **query: str) -> AppTest:
    session = None if workspace is None else {  # as the Werkruimte page leaves it after the right code
        "ks_workspace": {"id": workspace.id, "name": workspace.name, "gemeente": workspace.gemeente}}
    return open_page(page, timeout=90, session=session, **query)


def _screen(at: AppTest) -> str:
    """Everything a page shows as text: titles, markdown, messages, codes, choices, table cells, input values."""
    parts = [e.value for kind in ("title", "header", "subheader", "markdown", "caption", "info", "warning", "error",
                                  "success", "code") for e in getattr(at, kind)]
    parts += [str(option) for box in at.selectbox for option in box.options]
    parts += [frame.value.to_string() for frame in at.dataframe]
    parts += [str(box.value) for box in at.text_input]
    return "\n".join(parts)


def test_without_a_workspace_the_coalition_pages_ask_for_one_and_the_public_pages_stay_open(hosted):
    for page in (FILL, RESULTS, HOST):
        at = _app(page)
        assert th.NEED_WORKSPACE in [i.value for i in at.info], page
        assert not at.text_input and not at.radio, page  # nothing to fill in before a workspace is open
    data = _app(DATA)
    assert th.NEED_WORKSPACE_DATA in [i.value for i in data.info] and not data.get("file_uploader")
    join = _app(JOIN)  # participants need only the workshop code
    assert join.text_input(key="ks_join_code") is not None and not join.info
    home = _app("app_pages/home.py")
    assert home.title and not home.info


def test_a_new_workspace_shows_its_code_once_then_opens_signs_out_and_opens_again_with_the_code(hosted):
    at = _app(WORKSPACE)
    at.text_input(key="ks_workspace_name").input("Coalitie <b>Noord</b>")
    at.text_input(key="ks_workspace_gemeente").input("Zwolle")
    at.button[1].click().run()  # 'Werkruimte aanmaken' (the second form)
    [shown] = [c.value for c in at.code]
    assert re.fullmatch(r"([A-Z2-9]{4}-){3}[A-Z2-9]{4}", shown)
    assert th.CODE_SHOWN_ONCE in [w.value for w in at.warning]
    assert any("Coalitie \\<b\\>Noord\\</b\\>" in s.value for s in at.success)  # typed markup stays text
    at.button(key="ks_workspace_code_done").click().run()
    assert not at.code and shown not in _screen(at)  # never shown again
    assert th.sidebar_status("Coalitie <b>Noord</b>") in [c.value for c in at.sidebar.caption]
    at.button(key="ks_workspace_sign_out").click().run()
    assert th.SIGNED_OUT in [i.value for i in at.info] and not at.sidebar.caption
    at.text_input(key="ks_workspace_code").input(shown.lower())
    at.button[0].click().run()
    assert any("**Coalitie \\<b\\>Noord\\</b\\>** (Zwolle) is geopend" in s.value for s in at.success)
    assert "ks_workspace" in at.session_state and "evaluatie" not in at.query_params  # never in the URL
    assert shown not in str(dict(at.query_params))


def test_wrong_access_codes_get_a_clear_message_and_are_throttled_after_five(two):
    at = _app(WORKSPACE)
    for _ in range(5):
        at.text_input(key="ks_workspace_code").input("AAAA-BBBB-CCCC-DDDD")
        at.button[0].click().run()
        assert ts.storage_error("wrong_code") in [e.value for e in at.error]
    at.text_input(key="ks_workspace_code").input(two["code_a"])
    at.button[0].click().run()
    assert "Te veel pogingen: probeer het over een minuut opnieuw." in [e.value for e in at.error]
    assert "ks_workspace" not in at.session_state


def test_the_fill_page_with_b_s_assessment_in_the_url_shows_nothing_of_b(two):
    at = _app(FILL, two["a"], evaluatie=str(two["b_record"].id))
    assert SECRET not in _screen(at)
    assert at.text_input(key="ks_open_coalition") is not None  # the chooser: nothing was opened
    assert ts.storage_error("not_found") in [e.value for e in at.error]
    assert not at.get("selectbox")  # A has no saved assessments; B's are not offered


def test_the_results_page_and_its_downloads_show_only_a_s_work(two, media):
    mine = storage_assessments.open_assessment(coalition="Coalitie A", gemeente="Utrecht", assessment_date=DAY,
                                               workspace=two["a"].id)
    storage_assessments.save_answer(mine.id, item_id="goals_vision", value=1, workspace=two["a"].id)
    at = _app(RESULTS, two["a"], evaluatie=str(two["b_record"].id), gemeente="GM0344")
    assert SECRET not in _screen(at) and "Coalitie A" in _screen(at)
    files = downloads(at, media)
    assert files and all(SECRET.encode() not in content.encode() if isinstance(content, str) else
                         SECRET.encode() not in content for content in files.values())


def test_an_import_cannot_overwrite_another_workspace_s_record(two):
    bank = assessment.load_item_bank(paths.DATA_DIR / assessment.ITEM_BANK_FILE)
    forged = storage_assessments.get_assessment(two["b_record"].id, workspace=two["b"].id)
    forged = assessment.AssessmentRecord(id=forged.id, coalition=forged.coalition, gemeente=forged.gemeente,
                                         assessment_date=forged.assessment_date, answers={"goals_vision": 0},
                                         notes={"goals": {"goes_well": "overschreven"}})
    at = _app(RESULTS, two["a"])
    at.file_uploader[0].set_value(("b.csv", transfer.export_csv(bank, forged).encode(), "text/csv")).run()
    assert not at.warning  # nothing of A's has this key, so no 'overwrite?' (and nothing says B has one)
    at.button(key="ks_import_go").click().run()
    assert not at.exception
    kept = storage_assessments.get_assessment(two["b_record"].id, workspace=two["b"].id)
    assert kept.answers == {"goals_vision": 3} and kept.notes == {"goals": {"goes_well": f"notitie {SECRET}"}}
    [imported] = storage_assessments.list_assessments(workspace=two["a"].id)
    assert imported.id != two["b_record"].id and imported.coalition == forged.coalition


def test_the_group_screen_does_not_open_b_s_workshop_by_url_or_by_typing_its_code(two):
    at = _app(HOST, two["a"], sessie=two["b_workshop"])
    assert SECRET not in _screen(at) and ts.storage_error("not_found") in [e.value for e in at.error]
    assert "sessie" not in at.query_params
    at.text_input(key="ks_host_code").input(two["b_workshop"])
    at.button[1].click().run()  # 'Openen'
    assert SECRET not in _screen(at) and tw.JOIN_BAD_CODE in [e.value for e in at.error]
    at.text_input(key="ks_host_title").input("Sessie A")
    at.button[0].click().run()
    mine = at.query_params["sessie"]
    assert storage_workshops.get_workshop(mine, workspace=two["a"].id).title == "Sessie A"


def test_wrong_workshop_codes_are_throttled_and_an_expired_code_says_so(two, monkeypatch):
    at = _app(JOIN)
    for attempt in range(5):
        at.text_input(key="ks_join_code").input(f"ACDE{'34679'[attempt]}")  # well-formed, unknown
        at.button[0].click().run()
        assert tw.JOIN_BAD_CODE in [e.value for e in at.error]
    at.text_input(key="ks_join_code").input(two["b_workshop"])
    at.button[0].click().run()
    assert "Te veel pogingen: probeer het over een minuut opnieuw." in [e.value for e in at.error]
    with transaction() as con:  # a minute later; the workshop began two hours ago, codes last one hour
        con.execute("DELETE FROM throttle")
        con.execute("UPDATE workshop SET created_at = ? WHERE code = ?",
                    ((datetime.now(timezone.utc) - timedelta(hours=2)).isoformat(), two["b_workshop"]))
    monkeypatch.setenv("KS_WORKSHOP_CODE_HOURS", "1")
    other = _app(JOIN)
    other.text_input(key="ks_join_code").input(two["b_workshop"])
    other.button[0].click().run()
    assert ts.storage_error("expired") in [e.value for e in other.error]
    assert SECRET not in _screen(other)


def test_laptop_mode_has_no_workspace_page_and_needs_no_code(user_data_dir):
    at = _app(FILL)
    assert not at.info and at.text_input(key="ks_open_coalition") is not None
    with pytest.raises(Exception):
        at.switch_page(WORKSPACE).run()
