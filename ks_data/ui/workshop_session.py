"""A browser's part in a workshop: the participant (restored by a token in the URL), the step on the phone,
the answers written through storage, the session on the group screen and the address phones join by.

As for the self-assessment (``assessment_session``) the database is the source of truth: a reload, a
second device or the trainer's reset all show what storage holds.
"""

from __future__ import annotations

import secrets

import streamlit as st

from ks_data.assessment.items import Answer, ItemBank
from ks_data.core import network
from ks_data.storage import workshops as storage_workshops
from ks_data.storage.db import StorageError
from ks_data.ui import assessment_session as session
from ks_data.ui import workspace

PARTICIPANT = "ks_workshop_participant"  # dict: id, token, code, name, number, removed, answers
HOST_CODE = "ks_workshop_code"
STEP = "ks_workshop_step"
MOVED = "ks_workshop_moved"  # set by 'Vorige'/'Volgende': the next draw scrolls to the top
SAVED = "ks_workshop_saved"  # item id of the answer just saved (for the toast), popped when shown
REFUSED = "ks_workshop_refused"  # kind of the last answer the session refused (closed, removed)

URL_PARTICIPANT = "deelnemer"
URL_SESSION = "sessie"
URL_STEP = "stap"
JOIN_URL_PATH = "workshop"  # url_path of app_pages/workshop_join.py in app.py


def _held(found: storage_workshops.Participant, answers: dict[str, Answer]) -> dict:
    return {"id": found.id, "token": found.token, "code": found.workshop_code, "name": found.name,
            "number": found.number, "removed": found.removed, "answers": answers}


def _with_pending(held: dict) -> dict:
    """Answers whose save failed (kept for a retry) stay on screen over what storage holds."""
    for (kind, target, key), value in st.session_state.get(session.PENDING, {}).items():
        if kind == "participant" and target == held["id"]:
            held["answers"][key] = value
    return held


def participant() -> dict | None:
    """This browser's workshop participation, re-read from storage (a reset or removal shows at once).

    Restored by the token in the URL (``?deelnemer=``) in a new session; None when not taking part.
    """
    token = (st.session_state.get(PARTICIPANT) or {}).get("token") or st.query_params.get(URL_PARTICIPANT)
    if not token:
        return None
    try:
        found = storage_workshops.participant_by_token(token)
        answers = storage_workshops.participant_answers(found.id) if found else {}
    except StorageError as exc:
        st.session_state[session.ERROR] = exc.kind
        return st.session_state.get(PARTICIPANT)  # keep what is on screen
    if found is None:
        leave()
        return None
    held = st.session_state[PARTICIPANT] = _with_pending(_held(found, answers))
    if st.query_params.get(URL_PARTICIPANT) != token:
        st.query_params[URL_PARTICIPANT] = token
    return held


def join(code: str, *, name: str) -> None:
    """Join workshop ``code`` as a new participant of this browser (raises StorageError; hosted: wrong codes are
    throttled per client, expired codes refused)."""
    token = secrets.token_urlsafe(12)
    found = storage_workshops.join_workshop(code, name=name, token=token, client=workspace.client())
    st.session_state[PARTICIPANT] = _held(found, {})
    st.query_params[URL_PARTICIPANT] = token
    go_to(0)


def leave() -> None:
    """Stop taking part in the workshop on this browser (button callback)."""
    st.session_state.pop(PARTICIPANT, None)
    st.session_state.pop(STEP, None)
    for key in (URL_PARTICIPANT, URL_STEP):
        st.query_params.pop(key, None)


# --- one element of the item bank at a time on the phone ----------------------------------------------------
def step(bank: ItemBank) -> int:
    """The element on screen (0-based; ``len(bank.elements)`` = the closing page), kept in the URL (``?stap=``)."""
    held = st.session_state.get(STEP)
    if held is None:
        text = st.query_params.get(URL_STEP, "1")
        held = int(text) - 1 if text.isdigit() else 0
    held = max(0, min(held, len(bank.elements)))
    go_to(held)
    return held


def go_to(number: int) -> None:
    """Show element ``number`` (0-based) on the phone (button callback)."""
    if st.session_state.get(STEP) != number:
        st.session_state[MOVED] = True
    st.session_state[STEP] = number
    if st.query_params.get(URL_STEP) != str(number + 1):
        st.query_params[URL_STEP] = str(number + 1)


def moved() -> bool:
    """Whether the phone just went to another element (then the page scrolls to its top); asked once per run."""
    return bool(st.session_state.pop(MOVED, False))


def save_answer(widget_key: str, item_id: str, dont_know_code: str) -> None:
    """Radio callback: write one answer through; a session that refuses it (closed, participant removed)
    leaves the stored answer on screen and says why."""
    option = st.session_state.get(widget_key)
    holder = st.session_state.get(PARTICIPANT)
    if option is None or holder is None:
        return
    previous = dict(holder["answers"])
    try:
        session.save_answer(PARTICIPANT, item_id=item_id, value=None if option == dont_know_code else int(option),
                            kind="participant")
    except StorageError as exc:
        holder["answers"] = previous
        st.session_state.pop(widget_key, None)  # drawn again from the stored answer
        st.session_state[REFUSED] = exc.kind
        return
    if ("participant", holder["id"], item_id) not in st.session_state.get(session.PENDING, {}):
        st.session_state[SAVED] = item_id  # reached storage: confirmed on the next draw


# --- the group screen -------------------------------------------------------------------------------------
def host_code() -> str | None:
    """The workshop shown on this (shared) screen, kept in session state and the URL."""
    code = st.session_state.get(HOST_CODE) or st.query_params.get(URL_SESSION)
    if code:
        st.session_state[HOST_CODE] = code
        if st.query_params.get(URL_SESSION) != code:
            st.query_params[URL_SESSION] = code
    return code


def set_host_code(code: str | None) -> None:
    """Show workshop ``code`` on this screen (None: back to the start form)."""
    if code:
        st.session_state[HOST_CODE] = code
        st.query_params[URL_SESSION] = code
    else:
        st.session_state.pop(HOST_CODE, None)
        st.query_params.pop(URL_SESSION, None)


def join_address(code: str) -> network.JoinAddress:
    """The address(es) participants' devices can open to join ``code``, or why there is none.

    Built from the trainer's browser address (``st.context.url``), the server's ``server.address`` and
    ``server.port`` and this machine's LAN addresses (see ``ks_data.core.network.join_address``).
    """
    return network.join_address(
        browser_url=st.context.url or "", listen_address=st.get_option("server.address") or "",
        port=int(st.get_option("server.port") or 8501), page=JOIN_URL_PATH, code=code, lan=network.lan_addresses())
