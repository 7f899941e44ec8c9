"""The workshop's shared screen: the join address and QR code, the trainer's controls and the live result.

The live part is a fragment that re-reads storage every few seconds (one snapshot: session, participants,
answers), so what another screen or the phones change shows up without a click. Results of a part stay
hidden until the trainer reveals them.
"""

from __future__ import annotations

from functools import partial
from html import escape

import streamlit as st

from ks_data.assessment import views as assessment_tables
from ks_data.assessment import workshop as assessment_group
from ks_data.assessment.items import ItemBank
from ks_data.charts import assessment as charts
from ks_data.reports.qr import qr_data_uri
from ks_data.storage import workshops as storage_workshops
from ks_data.storage.db import StorageError
from ks_data.texts import assessment as ta
from ks_data.texts import storage as ts
from ks_data.texts import workshop as tw
from ks_data.ui import assessment_session as session
from ks_data.ui import blocks, presentation, workspace
from ks_data.ui import workshop_session as workshop
from ks_data.ui.countdown import countdown

REFRESH_SECONDS = 3
HOST_SCALE = 1.2  # the shared screen is read from across the room; presentation mode enlarges further
SHOW_JOIN = "ks_host_show_join"
REMOVE_PICK = "ks_host_remove_pick"
COUNTDOWN_MINUTES = 3

# Sized by the screen's height, so the code can be scanned from the back of the room at 1280x720 and 1920x1080.
_JOIN_CSS = """<style>
.st-key-ks_host_head h1 { font-size: clamp(1.6rem, 5vh, 2.8rem); padding-bottom: 0.2rem; }
.ks-join { display: flex; gap: 2.5vw; align-items: center; justify-content: space-between; }
.ks-join__text { flex: 1 1 auto; min-width: 0; }
.ks-join__lead { font-size: clamp(1.1rem, 2.8vh, 2rem); margin: 0; }
.ks-join__url { font-family: ui-monospace, Menlo, Consolas, monospace; font-weight: 700; color: #0b3d5c;
  font-size: clamp(1.2rem, 3.4vh, 2.8rem); line-height: 1.2; overflow-wrap: anywhere; margin: 0.5rem 0; }
.ks-join__code { font-size: clamp(1.1rem, 3vh, 2.2rem); margin: 0; }
.ks-join__code b { font-family: ui-monospace, Menlo, Consolas, monospace; letter-spacing: 0.18em;
  font-size: 1.6em; color: #0b3d5c; }
.ks-join__qr { flex: 0 0 auto; width: clamp(220px, 40vh, 520px); height: auto; display: block; }
.ks-join--compact { gap: 1rem; }
.ks-join--compact .ks-join__text { display: flex; flex-wrap: wrap; align-items: baseline; column-gap: 1rem; }
.ks-join--compact .ks-join__lead, .ks-join--compact .ks-join__code { font-size: clamp(0.95rem, 2.2vh, 1.5rem); }
.ks-join--compact .ks-join__url { font-size: clamp(1rem, 2.6vh, 1.9rem); margin: 0; }
.ks-join--compact .ks-join__code b { font-size: 1.2em; }
.ks-join--compact .ks-join__qr { width: clamp(90px, 14vh, 180px); }
</style>"""


def act(function, *args, **kwargs) -> None:
    """Run one storage change of the open workspace (button callback); a failure becomes the page's Dutch
    storage error."""
    try:
        function(*args, workspace=workspace.current_id(), **kwargs)
    except StorageError as exc:
        st.session_state[session.ERROR] = exc.kind


def join_panel(code: str, *, compact: bool = False) -> None:
    """The address and QR code participants join by, large (``compact``: one line with a small QR code, while
    a result is on screen); or, when phones cannot reach this server, what to do (start with `make workshop`,
    or connect the laptop to a network)."""
    if not st.session_state.get(SHOW_JOIN, True):
        return
    address = workshop.join_address(code)
    if not address.reachable:
        st.warning(tw.JOIN_LOOPBACK_ONLY if address.problem == "loopback_only" else tw.JOIN_NO_NETWORK,
                   icon=":material/wifi_off:")
        st.caption(tw.join_local_fallback(code=code))
        return
    url, *others = address.urls
    st.html(_JOIN_CSS + (
        f"<div class='ks-join{' ks-join--compact' if compact else ''}'><div class='ks-join__text'><p class='ks-join__lead'>{tw.JOIN_SCAN}</p>"
        f"<p class='ks-join__url'>{escape(url)}</p><p class='ks-join__code'>{tw.HOST_CODE_LABEL}: <b>{code}</b></p></div>"
        f"<img class='ks-join__qr' alt='{tw.JOIN_QR_TITLE}' src=\"{qr_data_uri(url)}\"></div>"))
    if others:
        st.caption(tw.join_more_addresses(others))


def trainer_controls(snapshot: storage_workshops.Snapshot, *, part: str) -> None:
    """Reveal or hide the part on screen, close or reopen the session, and (folded) countdown, names,
    removing a participant, a new round and the join panel."""
    workshop_ = snapshot.workshop
    code = workshop_.code
    shown = part in workshop_.revealed
    st.button(tw.HIDE_RESULTS if shown else tw.SHOW_RESULTS, type="secondary" if shown else "primary",
              icon=":material/visibility_off:" if shown else ":material/visibility:",
              on_click=act, args=(storage_workshops.set_revealed, code, part, not shown), key="ks_host_reveal")
    accepting = workshop_.accepts_answers()
    st.button(tw.CLOSE_ANSWERS if accepting else tw.REOPEN_ANSWERS,
              icon=":material/lock:" if accepting else ":material/lock_open:",
              on_click=act, args=(storage_workshops.set_accepting, code, not accepting), key="ks_host_accepting")
    with st.popover(tw.MANAGE, icon=":material/tune:"):
        st.toggle(tw.JOIN_PANEL_TOGGLE, value=True, key=SHOW_JOIN)
        st.toggle(tw.SHOW_NAMES, value=workshop_.show_names, help=tw.SHOW_NAMES_HELP, key="ks_host_names",
                  on_change=lambda: act(storage_workshops.set_show_names, code, st.session_state["ks_host_names"]))
        _countdown_controls(workshop_)
        _remove_control(snapshot)
        st.markdown(f"**{tw.RESET_HEADER}**", help=tw.RESET_HELP)
        sure = st.checkbox(tw.RESET_CONFIRM, key="ks_host_reset_sure")
        st.button(tw.RESET_BUTTON, disabled=not sure, on_click=_reset, args=(code,), key="ks_host_reset")
        st.button(tw.HOST_CLOSE, on_click=workshop.set_host_code, args=(None,), key="ks_host_close")


def _countdown_controls(workshop_: storage_workshops.Workshop) -> None:
    st.number_input(tw.COUNTDOWN_MINUTES, min_value=1, max_value=240, value=COUNTDOWN_MINUTES, step=1,
                    help=tw.COUNTDOWN_HELP, key="ks_host_minutes")
    start, stop = st.columns(2)
    start.button(tw.COUNTDOWN_START, icon=":material/timer:", key="ks_host_countdown_start", on_click=lambda: act(
        storage_workshops.start_countdown, workshop_.code, seconds=round(st.session_state["ks_host_minutes"] * 60)))
    stop.button(tw.COUNTDOWN_STOP, disabled=workshop_.countdown_ends_at is None, key="ks_host_countdown_stop",
                on_click=act, args=(storage_workshops.stop_countdown, workshop_.code))


def _remove_control(snapshot: storage_workshops.Snapshot) -> None:
    workshop_ = snapshot.workshop
    if not snapshot.participants:
        st.caption(tw.REMOVE_NONE)
        return
    labels = {p.id: tw.participant_label(number=p.number, name=p.name, show_names=workshop_.show_names,
                                         n_answers=len(snapshot.answers.get(p.id, {}))) for p in snapshot.participants}
    st.selectbox(tw.REMOVE_LABEL, list(labels), format_func=labels.get, help=tw.REMOVE_HELP, key=REMOVE_PICK)
    st.button(tw.REMOVE_BUTTON, key="ks_host_remove", on_click=_remove, args=(workshop_.code, labels))


def _remove(code: str, labels: dict[int, str]) -> None:
    chosen = st.session_state.get(REMOVE_PICK)  # read at the click: the choice may have changed with it
    if chosen is None:
        return
    act(storage_workshops.remove_participant, code, chosen)
    if not st.session_state.get(session.ERROR):
        st.toast(tw.removed_done(labels.get(chosen, "")))


def _reset(code: str) -> None:
    try:
        st.toast(tw.reset_done(storage_workshops.reset_answers(code, workspace=workspace.current_id())))
    except StorageError as exc:
        st.session_state[session.ERROR] = exc.kind
    st.session_state["ks_host_reset_sure"] = False


def _status(workshop_: storage_workshops.Workshop, *, compact: bool) -> None:
    """Open or closed (with why, and until when), and the countdown ticking in the browser."""
    ends = workshop_.countdown_ends_at
    if ends and workshop_.accepting:
        with st.container(width="content"):
            countdown(ends, key="ks_host_countdown", size="1.5rem" if compact else "2.2rem")
    if workshop_.accepts_answers():
        until = f" · {tw.countdown_until(clock=ta.local_time(ends))}" if ends else ""
        st.markdown(f":blue-badge[:material/lock_open: {tw.STATUS_OPEN}{until}]", width="content")
    else:
        time_up = workshop_.accepting and ends is not None
        st.markdown(f":orange-badge[:material/lock: {tw.STATUS_TIME_UP if time_up else tw.STATUS_CLOSED}]",
                    width="content")


@st.fragment(run_every=REFRESH_SECONDS)
def live_result(bank: ItemBank, code: str, *, part: str, part_title: str) -> None:
    """Participants, answers, open/closed and countdown, and (once revealed) the group result of ``part``."""
    try:
        snap = storage_workshops.workshop_snapshot(code, workspace=workspace.current_id())
    except StorageError as exc:
        st.error(ts.storage_error(exc.kind))
        return
    people, answers = snap.participants, snap.answers
    revealed = part in snap.workshop.revealed and assessment_group.has_answers(answers)
    with st.container(horizontal=True, vertical_alignment="center", gap="large"):
        if revealed:  # one line, so the result fits on the projector
            st.markdown(f"**{tw.participants_count(len(people))}** · {tw.answers_count(snap.n_answers)}",
                        width="content")
        else:
            st.metric(tw.HOST_PARTICIPANTS, tw.participants_count(len(people)), width="content")
            st.metric(tw.HOST_ANSWERS, tw.answers_count(snap.n_answers), width="content")
        _status(snap.workshop, compact=revealed)
    if snap.workshop.show_names and (names := tw.given_names(p.name for p in people)):
        st.caption(names)
    if not assessment_group.has_answers(answers):
        st.info(tw.HOST_NO_ANSWERS)
        return
    if not revealed:
        st.info(tw.RESULTS_HIDDEN, icon=":material/visibility_off:")
        complete, started = assessment_group.completion(bank, answers, part=part)
        st.caption(tw.complete_count(complete=complete, started=started, part=part_title))
        return
    summary, individual = assessment_group.group_result(bank, answers, part=part)
    table = assessment_tables.group_table(summary)
    blocks.chart_with_source(
        partial(charts.group_chart, summary, individual, scale=max(HOST_SCALE, presentation.chart_scale())),
        assessment_tables.group_data(summary), source=tw.group_source(code=code, title=snap.workshop.title,
                                                                      n=len(people)),
        file_name=f"{tw.EXPORT_FILE}_{code}_{part}.csv", key="ks_dl_group", table=table,
        alt_text=tw.group_alt(part=part_title, n=len(people),
                              means=assessment_tables.score_list(summary["short_title"], summary["mean"])),
        explanation=tw.group_explanation(part=part_title))
    st.table(table, hide_index=True)
