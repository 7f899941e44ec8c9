"""Self-assessment widgets: answers in a plain session-state dict, written through storage on every change.

Widget state dies when its page is not rendered and session state dies on a browser reload, so the source of
truth is the database: the open assessment (or workshop participant) is remembered in the URL and reloaded
from storage when the session is new.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from datetime import date, datetime, timezone

import streamlit as st

from ks_data.storage import db as storage
from ks_data.storage import workshops as storage_workshop
from ks_data.assessment.items import NOTE_KINDS, Answer, AssessmentRecord, Element, ItemBank
from ks_data.texts import assessment as ta

CURRENT = "ks_assessment"  # dict: id, coalition, gemeente, date, answers, notes, updated_at
PARTICIPANT = "ks_workshop_participant"  # dict: id, token, code, name, answers
HOST_CODE = "ks_workshop_code"
ERROR = "ks_assessment_error"  # last StorageError kind from a callback
PENDING = "ks_assessment_pending"  # (kind, target id, key, value) writes that failed, for a retry

URL_ASSESSMENT = "evaluatie"
URL_PARTICIPANT = "deelnemer"
URL_SESSION = "sessie"
JOIN_URL_PATH = "workshop"  # url_path of app_pages/workshop_join.py in app.py



def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _as_state(record: AssessmentRecord) -> dict:
    return {"id": record.id, "coalition": record.coalition, "gemeente": record.gemeente,
            "date": record.assessment_date.isoformat(), "answers": dict(record.answers),
            "notes": {k: dict(v) for k, v in record.notes.items()}, "updated_at": record.updated_at}


def set_current(record: AssessmentRecord) -> None:
    """Make ``record`` the open assessment of this session and put its id in the URL."""
    st.session_state[CURRENT] = _as_state(record)
    st.query_params[URL_ASSESSMENT] = str(record.id)


def clear_current() -> None:
    st.session_state.pop(CURRENT, None)
    st.query_params.pop(URL_ASSESSMENT, None)


def current() -> dict | None:
    """The open assessment: from session state, else restored from storage by the id in the URL."""
    state = st.session_state.get(CURRENT)
    if state is None and st.query_params.get(URL_ASSESSMENT, "").isdigit():
        try:
            set_current(storage.get_assessment(int(st.query_params[URL_ASSESSMENT])))
        except storage.StorageError as exc:
            st.session_state[ERROR] = exc.kind
            st.query_params.pop(URL_ASSESSMENT, None)
            return None
        state = st.session_state[CURRENT]
    elif state is not None:
        _refresh(state)
        if st.query_params.get(URL_ASSESSMENT) != str(state["id"]):
            st.query_params[URL_ASSESSMENT] = str(state["id"])  # page switches drop the query string
    return state


def _refresh(state: dict) -> None:
    """Re-read the open assessment, so answers saved from another browser show up; unsaved input stays."""
    try:
        record = storage.get_assessment(state["id"])
    except storage.StorageError:
        return  # keep what is on screen; the error shows when the next save fails
    fresh = _as_state(record)
    for (kind, target, key), value in st.session_state.get(PENDING, {}).items():
        if target != state["id"]:
            continue
        if kind == "answer":
            fresh["answers"][key] = value
        elif kind == "note":
            element_id, note_kind = key.split("|")
            fresh["notes"].setdefault(element_id, {})[note_kind] = value
    state.update(fresh)


def open_selected(widget_key: str) -> None:
    """Selectbox callback: open the assessment (storage.AssessmentSummary) chosen in ``widget_key``."""
    summary = st.session_state.get(widget_key)
    if summary is None:
        return
    try:
        set_current(storage.get_assessment(summary.id))
    except storage.StorageError as exc:
        st.session_state[ERROR] = exc.kind


def current_record() -> AssessmentRecord | None:
    """The open assessment as a record (for scoring, export and the report)."""
    state = current()
    if state is None:
        return None
    return AssessmentRecord(id=state["id"], coalition=state["coalition"], gemeente=state["gemeente"],
                            assessment_date=date.fromisoformat(state["date"]), answers=dict(state["answers"]),
                            notes={k: dict(v) for k, v in state["notes"].items()}, updated_at=state["updated_at"])


def _write(kind: str, target: int, key: str, value: object) -> bool:
    """Run one storage write; on failure remember it for a retry and report the error kind."""
    try:
        if kind == "answer":
            storage.save_answer(target, item_id=key, value=value)
        elif kind == "participant":
            storage_workshop.save_participant_answer(target, item_id=key, value=value)
        else:
            element_id, note_kind = key.split("|")
            storage.save_note(target, element_id=element_id, kind=note_kind, text=str(value))
    except storage.StorageError as exc:
        pending = st.session_state.setdefault(PENDING, {})
        pending[(kind, target, key)] = value
        st.session_state[ERROR] = exc.kind
        return False
    pending = st.session_state.get(PENDING, {})
    pending.pop((kind, target, key), None)
    if not pending:
        st.session_state.pop(ERROR, None)  # storage works again and nothing is waiting
    return True


def retry_pending() -> None:
    """Try every failed write again (button callback)."""
    st.session_state.pop(ERROR, None)
    for (kind, target, key), value in list(st.session_state.get(PENDING, {}).items()):
        if not _write(kind, target, key, value):
            return


def show_storage_error() -> None:
    """Show the last storage error (Dutch) and a retry button when writes are pending."""
    kind = st.session_state.get(ERROR)
    if not kind:
        return
    st.error(ta.storage_error(kind))
    if not st.session_state.get(PENDING):
        st.session_state.pop(ERROR, None)  # nothing waiting: show it once
    else:
        st.warning(ta.UNSAVED_NOTE)
        st.button(ta.PENDING_BUTTON, on_click=retry_pending, key="ks_retry_pending")


def _option_label(bank: ItemBank) -> Callable[[object], str]:
    def label(option: object) -> str:
        if option == bank.scale.dont_know_code:
            return ta.scale_option(None, bank.scale.dont_know_label)
        return ta.scale_option(int(option), bank.scale.label(int(option)))
    return label


def _on_answer(widget_key: str, item_id: str, holder_key: str, kind: str, code: str) -> None:
    option = st.session_state.get(widget_key)
    if option is None:
        return
    value: Answer = None if option == code else int(option)
    holder = st.session_state[holder_key]
    holder["answers"][item_id] = value
    if _write(kind, holder["id"], item_id, value):
        holder["updated_at"] = _now()


def _on_note(widget_key: str, element_id: str, note_kind: str) -> None:
    text = st.session_state.get(widget_key, "")
    holder = st.session_state[CURRENT]
    holder["notes"].setdefault(element_id, {})[note_kind] = text
    if _write("note", holder["id"], f"{element_id}|{note_kind}", text):
        holder["updated_at"] = _now()


def element_items(bank: ItemBank, element: Element, *, holder_key: str, kind: str) -> None:
    """One radio per statement of ``element``; each change is written through to storage at once.

    ``holder_key`` is the session-state dict holding ``id`` and ``answers`` (an assessment or a participant);
    ``kind`` is "answer" (assessment) or "participant" (workshop).
    """
    holder = st.session_state[holder_key]
    code = bank.scale.dont_know_code
    options: list[object] = [*bank.scale.values, code]
    for item in element.items:
        widget_key = f"ks_{kind}_{holder['id']}_{item.id}"
        stored = holder["answers"].get(item.id, "unanswered")
        index = None if stored == "unanswered" else options.index(code if stored is None else stored)
        st.radio(item.text, options, index=index, format_func=_option_label(bank), horizontal=True,
                 key=widget_key, help=ta.source_ref(item.source_section),
                 on_change=_on_answer, args=(widget_key, item.id, holder_key, kind, code))


def element_notes(element: Element) -> None:
    """The three free-text notes of an element for the open assessment (saved on blur / Ctrl+Enter)."""
    holder = st.session_state[CURRENT]
    columns = st.columns(len(NOTE_KINDS))
    for column, note_kind in zip(columns, NOTE_KINDS):
        widget_key = f"ks_note_{holder['id']}_{element.id}_{note_kind}"
        with column:
            st.text_area(ta.NOTE_LABELS[note_kind], value=holder["notes"].get(element.id, {}).get(note_kind, ""),
                         key=widget_key, height=110, help=ta.NOTES_HELP,
                         on_change=_on_note, args=(widget_key, element.id, note_kind))


def item_bank_form(bank: ItemBank, *, holder_key: str, kind: str, with_notes: bool) -> None:
    """Every part and element of the item bank as expanders with their statements (and notes, if asked)."""
    for part in bank.parts:
        st.header(part.title)
        st.caption(ta.source_ref(part.source_section))
        for element in bank.elements_of(part.id):
            with st.expander(ta.element_heading(number=element.number, title=element.title),
                             expanded=part.id == bank.parts[0].id):
                st.markdown(f"*{element.purpose}*")
                st.caption(ta.source_ref(element.source_section))
                element_items(bank, element, holder_key=holder_key, kind=kind)
                if with_notes:
                    st.markdown(f"**{ta.NOTES_HEADER}**")
                    element_notes(element)


def shared_gemeente() -> tuple[str, ...]:
    """(name, code) of the gemeente chosen in the sidebar or the link (?gemeente=); (code,) without boundary
    cache; () when none is chosen. Saved assessments hold the gemeente as a typed name."""
    from ks_data.geo import cache as geo
    from ks_data.ui import cached, state

    code = state.get(state.GEMEENTE)
    if not code:
        return ()
    try:
        key = cached.geo_cache_key()
        name = cached.gemeente_names(key, geo.DATA_YEAR).get(code) if key else None
    except (OSError, ValueError):  # unreadable boundary cache: match the code only
        name = None
    return (name, code) if name else (code,)


# --- workshop ----------------------------------------------------------------------------------------------


def participant() -> dict | None:
    """This browser's workshop participation: from session state, else restored via the URL token."""
    state = st.session_state.get(PARTICIPANT)
    token = st.query_params.get(URL_PARTICIPANT)
    if state is None and token:
        try:
            found = storage_workshop.participant_by_token(token)
            answers = storage_workshop.participant_answers(found.id) if found else {}
        except storage.StorageError as exc:
            st.session_state[ERROR] = exc.kind
            return None
        if found is None:
            st.query_params.pop(URL_PARTICIPANT, None)
            return None
        state = st.session_state[PARTICIPANT] = {"id": found.id, "token": found.token, "code": found.workshop_code,
                                                 "name": found.name, "answers": answers}
    elif state is not None and token != state["token"]:
        st.query_params[URL_PARTICIPANT] = state["token"]
    return state


def join(code: str, *, name: str) -> None:
    """Join workshop ``code`` as a new participant of this browser (raises StorageError)."""
    token = secrets.token_urlsafe(12)
    found = storage_workshop.join_workshop(code, name=name, token=token)
    st.session_state[PARTICIPANT] = {"id": found.id, "token": token, "code": code, "name": found.name, "answers": {}}
    st.query_params[URL_PARTICIPANT] = token


def leave() -> None:
    st.session_state.pop(PARTICIPANT, None)
    st.query_params.pop(URL_PARTICIPANT, None)


def host_code() -> str | None:
    """The workshop shown on this (shared) screen, kept in session state and the URL."""
    code = st.session_state.get(HOST_CODE) or st.query_params.get(URL_SESSION)
    if code:
        st.session_state[HOST_CODE] = code
        if st.query_params.get(URL_SESSION) != code:
            st.query_params[URL_SESSION] = code
    return code


def join_address(code: str) -> str:
    """The address participants type to join ``code``: full when the browser's URL is known, else relative.

    Called on the host page, whose URL is ``<app address>/<host page path>``.
    """
    page_url = st.context.url or ""
    base = page_url.rsplit("/", 1)[0] if "://" in page_url else ""
    return f"{base}/{JOIN_URL_PATH}?code={code}"


def set_host_code(code: str | None) -> None:
    if code:
        st.session_state[HOST_CODE] = code
        st.query_params[URL_SESSION] = code
    else:
        st.session_state.pop(HOST_CODE, None)
        st.query_params.pop(URL_SESSION, None)


def item_bank_or_stop():
    """The denkraam item bank, or a Dutch error and a stopped page when data/denkraam_items.yaml is broken."""
    from ks_data import paths
    from ks_data.assessment import items as assessment
    from ks_data.texts import assessment as ta
    from ks_data.ui import cached

    try:
        return cached.item_bank(str(paths.DATA_DIR / assessment.ITEM_BANK_FILE))
    except assessment.ItemBankError as exc:
        st.error(f"{ta.ITEM_BANK_ERROR} {exc}")
        st.stop()
