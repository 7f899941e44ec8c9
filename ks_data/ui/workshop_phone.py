"""The workshop on a participant's phone: one element at a time with large answer buttons, progress, a
confirmation per saved answer, and the session's state (open or closed, countdown) kept current.

A small fragment re-reads the session every few seconds; when the trainer closes it, starts a countdown,
resets the answers or removes this participant, the whole page is drawn again.
"""

from __future__ import annotations

import streamlit as st

from ks_data.assessment import scoring as assessment_scoring
from ks_data.assessment.items import Answer, ItemBank
from ks_data.storage import workshops as storage_workshops
from ks_data.storage.db import StorageError
from ks_data.texts import assessment as ta
from ks_data.texts import workshop as tw
from ks_data.ui import assessment_form as form
from ks_data.ui import assessment_session as session
from ks_data.ui import workshop_session as workshop
from ks_data.ui.countdown import countdown

REFRESH_SECONDS = 5
SEEN = "ks_phone_seen"  # what the page was last drawn for: (accepting, removed, countdown end)
ERROR_MESSAGES = {"closed": tw.ANSWER_REFUSED, "removed": tw.PHONE_REMOVED}

# Large tap targets on a phone: every answer is a full-width button of at least 48 px.
_CSS = """<style>
.st-key-ks_phone [role="radiogroup"] { gap: 0.45rem; width: 100%; }
.st-key-ks_phone [role="radiogroup"] > div { width: 100%; }
.st-key-ks_phone [data-testid="stRadioOption"] { width: 100%; box-sizing: border-box; min-height: 3rem; margin: 0;
  padding: 0.55rem 0.8rem; border: 1.5px solid rgba(49, 51, 63, 0.25); border-radius: 0.6rem; align-items: center; }
.st-key-ks_phone [data-testid="stRadioOption"]:has(input:checked) { border-color: #0b6e99; background: #e6f2f7; }
.st-key-ks_phone [data-testid="stRadioOption"] p { font-size: 1.05rem; }
.st-key-ks_phone [data-testid="stWidgetLabel"] p { font-size: 1.08rem; font-weight: 600; line-height: 1.35; }
.st-key-ks_phone_nav button { min-height: 3.2rem; font-size: 1.1rem; }
@media (max-width: 640px) {
  [data-testid="stMain"] h1 { font-size: 1.8rem; padding-top: 0; }
  [data-testid="stMain"] h3 { font-size: 1.3rem; }
}
</style>"""

# Drawn only in the run after 'Vorige'/'Volgende': shows the new element from its top, where a phone user expects
# it (an answer further down the page must not make the page jump).
_SCROLL = st.components.v2.component(
    "ks_scroll_top", html="<span></span>",
    js="""export default function({ parentElement }) {
  if (parentElement._done) return;
  parentElement._done = true;
  const main = document.querySelector('[data-testid="stMain"]');
  if (main) main.scrollTo({ top: 0 });
  window.scrollTo({ top: 0 });
}""")


def style() -> None:
    """The phone-sized answer buttons (scoped to the scoring block)."""
    st.html(_CSS)


def status(held: dict) -> None:
    """Remember what the page is drawn for (open or closed, removed, countdown); kept when storage cannot be read."""
    try:
        workshop_, me, _ = storage_workshops.participant_status(held["id"])
    except StorageError:
        return
    st.session_state[SEEN] = _signature(workshop_, me)


def _signature(workshop_: storage_workshops.Workshop, me: storage_workshops.Participant) -> tuple:
    return workshop_.accepts_answers(), me.removed, workshop_.countdown_ends_at


@st.fragment(run_every=REFRESH_SECONDS)
def live_status(held: dict) -> None:
    """The countdown or 'gesloten', re-read every few seconds; the page is redrawn when the session changed."""
    try:
        workshop_, me, count = storage_workshops.participant_status(held["id"])
    except StorageError:
        return
    waiting = sum(1 for kind, target, _ in st.session_state.get(session.PENDING, {}) if
                  kind == "participant" and target == held["id"])
    wiped = count < len(held["answers"]) - waiting  # the trainer started a new round
    if wiped or _signature(workshop_, me) != st.session_state.get(SEEN):
        st.rerun()  # the trainer changed something: draw the whole page for the new state
    if not workshop_.accepts_answers():
        time_up = workshop_.accepting and workshop_.countdown_ends_at is not None
        st.warning(tw.PHONE_TIME_UP if time_up else tw.PHONE_CLOSED, icon=":material/lock:")
    elif workshop_.countdown_ends_at:
        countdown(workshop_.countdown_ends_at, key="ks_phone_countdown", size="1.6rem")


def _confirm(bank: ItemBank):
    def show(item_id: str, value: Answer) -> None:
        st.markdown(f":green[:material/check_circle: {tw.answer_saved(form.answer_label(bank, value))}]")
    return show


@st.fragment
def scoring(bank: ItemBank) -> None:
    """Progress, the element on screen and its navigation. An answer or 'Volgende' reruns only this part, not
    the whole app: that keeps a full room fast on one laptop (tests/test_load_workshop.py)."""
    held = st.session_state.get(workshop.PARTICIPANT)
    if held is None:
        return
    form.show_storage_error(ERROR_MESSAGES)
    saved_toast()
    answered, total = assessment_scoring.progress(bank, held["answers"])
    st.progress(answered / total, text=ta.progress_text(answered=answered, total=total))
    number = workshop.step(bank)
    if number < len(bank.elements):
        scoring_step(bank, number=number, accepting=st.session_state.get(SEEN, (True,))[0])
    else:
        done_step(answered=answered, total=total)


def scoring_step(bank: ItemBank, *, number: int, accepting: bool) -> None:
    """Element ``number`` with its statements as large vertical buttons, then 'Vorige' and 'Volgende'."""
    element = bank.elements[number]
    part = next(p for p in bank.parts if p.id == element.part)
    if workshop.moved():
        _SCROLL(key=f"ks_phone_scroll_{number}")
    st.caption(tw.step_heading(part=part.title, position=number + 1, total=len(bank.elements)))
    st.subheader(f"{element.number}. {element.title}", anchor=False)
    st.caption(element.purpose)
    with st.container(key="ks_phone"):
        form.element_items(bank, element, holder_key=workshop.PARTICIPANT, kind="participant", horizontal=False,
                           confirm=_confirm(bank), disabled=not accepting, on_answer=workshop.save_answer)
    last = number == len(bank.elements) - 1
    with st.container(key="ks_phone_nav", horizontal=True):
        st.button(tw.PREVIOUS, icon=":material/arrow_back:", disabled=number == 0, width="stretch",
                  on_click=workshop.go_to, args=(number - 1,), key="ks_phone_previous")
        st.button(tw.FINISH if last else tw.NEXT, icon=":material/check:" if last else ":material/arrow_forward:",
                  type="primary", width="stretch", on_click=workshop.go_to, args=(number + 1,), key="ks_phone_next")


def done_step(*, answered: int, total: int) -> None:
    """The closing page: thanks, how many statements were answered, and the way back to change answers."""
    if workshop.moved():
        _SCROLL(key="ks_phone_scroll_done")
    st.success(f"**{tw.DONE_TITLE}** {tw.done_text(answered=answered, total=total)}", icon=":material/celebration:")
    st.button(tw.REVIEW, icon=":material/edit:", width="stretch", on_click=workshop.go_to, args=(0,),
              key="ks_phone_review")


def saved_toast() -> None:
    """'Antwoord opgeslagen' once after an answer reached storage; the reason when the session refused one."""
    if st.session_state.pop(workshop.SAVED, None):
        st.toast(tw.TOAST_SAVED, icon=":material/check_circle:")
    if refused := st.session_state.pop(workshop.REFUSED, None):
        st.error(ERROR_MESSAGES.get(refused, tw.ANSWER_REFUSED))
