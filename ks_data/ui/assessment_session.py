"""The open self-assessment of a session: a plain dict, written through storage (workshops: ``workshop_session``).

Widget state dies when its page is not rendered and session state dies on a browser reload, so the source of
truth is the database: the open assessment (or workshop participant) is remembered in the URL and reloaded
from storage when the session is new. Every change goes to storage at once; a write that fails is kept in
``PENDING`` for a retry and its error kind in ``ERROR`` (shown by ``assessment_form.show_storage_error``).
"""

from __future__ import annotations

from datetime import date, datetime, timezone

import streamlit as st

from ks_data.assessment.items import Answer, AssessmentRecord
from ks_data.geo import cache as geo
from ks_data.storage import assessments as storage_assessments
from ks_data.storage import workshops as storage_workshops
from ks_data.storage.db import StorageError
from ks_data.ui import cached, state, workspace

CURRENT = "ks_assessment"  # dict: id, coalition, gemeente, date, answers, notes, updated_at, workshop_code, …
ERROR = "ks_assessment_error"  # last StorageError kind from a callback
PENDING = "ks_assessment_pending"  # (kind, target id, key) -> value of writes that failed, for a retry

URL_ASSESSMENT = "evaluatie"


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _as_state(record: AssessmentRecord) -> dict:
    return {"id": record.id, "coalition": record.coalition, "gemeente": record.gemeente,
            "date": record.assessment_date.isoformat(), "answers": dict(record.answers),
            "notes": {k: dict(v) for k, v in record.notes.items()}, "updated_at": record.updated_at,
            "workshop_code": record.workshop_code, "n_participants": record.n_participants}


def set_current(record: AssessmentRecord) -> None:
    """Make ``record`` the open assessment of this session and put its id in the URL."""
    st.session_state[CURRENT] = _as_state(record)
    st.query_params[URL_ASSESSMENT] = str(record.id)


def clear_current() -> None:
    """Close the open assessment (button callback): the page shows the chooser again."""
    st.session_state.pop(CURRENT, None)
    st.query_params.pop(URL_ASSESSMENT, None)


def current() -> dict | None:
    """The open assessment: from session state, else restored from storage by the id in the URL.

    A link naming another assessment (``?evaluatie=``, e.g. from the workshop screen after saving) opens that one.
    """
    held = st.session_state.get(CURRENT)
    linked = st.query_params.get(URL_ASSESSMENT, "")
    if held is not None and linked.isdigit() and linked != str(held["id"]):
        held = None
    if held is None and linked.isdigit():
        try:
            set_current(storage_assessments.get_assessment(int(st.query_params[URL_ASSESSMENT]),
                                                          workspace=workspace.current_id()))
        except StorageError as exc:
            st.session_state[ERROR] = exc.kind
            st.query_params.pop(URL_ASSESSMENT, None)
            return None
        held = st.session_state[CURRENT]
    elif held is not None:
        _refresh(held)
        if st.query_params.get(URL_ASSESSMENT) != str(held["id"]):
            st.query_params[URL_ASSESSMENT] = str(held["id"])  # page switches drop the query string
    return held


def _refresh(held: dict) -> None:
    """Re-read the open assessment, so answers saved from another browser show up; unsaved input stays."""
    try:
        record = storage_assessments.get_assessment(held["id"], workspace=workspace.current_id())
    except StorageError:
        return  # keep what is on screen; the error shows when the next save fails
    fresh = _as_state(record)
    for (kind, target, key), value in st.session_state.get(PENDING, {}).items():
        if target != held["id"]:
            continue
        if kind == "answer":
            fresh["answers"][key] = value
        elif kind == "note":
            element_id, note_kind = key.split("|")
            fresh["notes"].setdefault(element_id, {})[note_kind] = value
    held.update(fresh)


def open_selected(widget_key: str) -> None:
    """Selectbox callback: open the assessment (storage.assessments.AssessmentSummary) chosen in ``widget_key``."""
    summary = st.session_state.get(widget_key)
    if summary is None:
        return
    try:
        set_current(storage_assessments.get_assessment(summary.id, workspace=workspace.current_id()))
    except StorageError as exc:
        st.session_state[ERROR] = exc.kind


def current_record() -> AssessmentRecord | None:
    """The open assessment as a record (for scoring, export and the report)."""
    held = current()
    if held is None:
        return None
    return AssessmentRecord(id=held["id"], coalition=held["coalition"], gemeente=held["gemeente"],
                            assessment_date=date.fromisoformat(held["date"]), answers=dict(held["answers"]),
                            notes={k: dict(v) for k, v in held["notes"].items()}, updated_at=held["updated_at"],
                            workshop_code=held.get("workshop_code", ""), n_participants=held.get("n_participants"))


REFUSED = ("closed", "removed")  # a workshop answer the trainer's settings refuse: raised, not kept for a retry


def _write(kind: str, target: int, key: str, value: object) -> bool:
    """Run one storage write; on failure remember it for a retry and report the error kind.

    Raises:
        StorageError: of a kind in :data:`REFUSED` (not a storage problem, so no retry).
    """
    try:
        if kind == "answer":
            storage_assessments.save_answer(target, item_id=key, value=value, workspace=workspace.current_id())
        elif kind == "participant":
            storage_workshops.save_participant_answer(target, item_id=key, value=value)
        else:
            element_id, note_kind = key.split("|")
            storage_assessments.save_note(target, element_id=element_id, kind=note_kind, text=str(value),
                                          workspace=workspace.current_id())
    except StorageError as exc:
        if exc.kind in REFUSED:
            raise
        pending = st.session_state.setdefault(PENDING, {})
        pending[(kind, target, key)] = value
        st.session_state[ERROR] = exc.kind
        return False
    pending = st.session_state.get(PENDING, {})
    pending.pop((kind, target, key), None)
    if not pending:
        st.session_state.pop(ERROR, None)  # storage works again and nothing is waiting
    return True


def save_answer(holder_key: str, *, item_id: str, value: Answer, kind: str) -> None:
    """Put one answer in the session dict ``holder_key`` and write it through (``kind``: answer/participant)."""
    holder = st.session_state[holder_key]
    holder["answers"][item_id] = value
    if _write(kind, holder["id"], item_id, value):
        holder["updated_at"] = _now()


def save_note(*, element_id: str, note_kind: str, text: str) -> bool:
    """Put one note of the open assessment in its session dict and write it through; False if that failed."""
    holder = st.session_state[CURRENT]
    holder["notes"].setdefault(element_id, {})[note_kind] = text
    if _write("note", holder["id"], f"{element_id}|{note_kind}", text):
        holder["updated_at"] = _now()
        return True
    return False


def note_pending(*, element_id: str, note_kind: str) -> bool:
    """Whether this note of the open assessment is waiting for a retry (its last save failed)."""
    holder = st.session_state.get(CURRENT) or {}
    return ("note", holder.get("id"), f"{element_id}|{note_kind}") in st.session_state.get(PENDING, {})


def retry_pending() -> None:
    """Try every failed write again (button callback)."""
    st.session_state.pop(ERROR, None)
    for (kind, target, key), value in list(st.session_state.get(PENDING, {}).items()):
        try:
            if not _write(kind, target, key, value):
                return
        except StorageError as exc:  # a workshop answer the session no longer accepts: dropped, and said so
            st.session_state.get(PENDING, {}).pop((kind, target, key), None)
            st.session_state[ERROR] = exc.kind


def take_error() -> tuple[str | None, bool]:
    """(last storage error kind or None, whether writes are waiting); an error with nothing waiting is shown once."""
    kind = st.session_state.get(ERROR)
    waiting = bool(st.session_state.get(PENDING))
    if kind and not waiting:
        st.session_state.pop(ERROR, None)
    return kind, waiting


def shared_gemeente() -> tuple[str, ...]:
    """(name, code) of the gemeente chosen in the sidebar or the link (?gemeente=); (code,) without boundary
    cache; () when none is chosen. Saved assessments hold the gemeente as a typed name."""
    code = state.get(state.GEMEENTE)
    if not code:
        return ()
    try:
        key = cached.geo_cache_key()
        name = cached.gemeente_names(key, geo.DATA_YEAR).get(code) if key else None
    except (OSError, ValueError):  # unreadable boundary cache: match the code only
        name = None
    return (name, code) if name else (code,)


def shared_gemeente_name() -> str:
    """Name of the shared gemeente, to start a new assessment with ('' when unknown or none chosen)."""
    shared = shared_gemeente()
    return shared[0] if len(shared) == 2 else ""
