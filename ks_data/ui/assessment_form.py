"""Self-assessment widgets: statements as radios, notes, the storage-error banner and the item bank loader.

Widgets hold no answers of their own: each change goes to ``assessment_session`` (a plain session-state dict,
written through storage), and every widget is drawn from that dict. Notes are note boxes saved while typing
(``note_input``), so a note is stored even when nobody clicks outside the box.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

import streamlit as st

from ks_data import paths
from ks_data.assessment.items import (
    ITEM_BANK_FILE,
    NOTE_KINDS,
    Answer,
    Element,
    ItemBank,
    ItemBankError,
    is_group_mean,
)
from ks_data.texts import assessment as ta
from ks_data.texts import common as tc
from ks_data.texts import storage as ts
from ks_data.texts import workshop as tw
from ks_data.ui import assessment_session as session
from ks_data.ui import cached
from ks_data.ui.note_input import note_input

UNANSWERED = "unanswered"


def show_storage_error(messages: Mapping[str, str] | None = None) -> None:
    """Show the last storage error (Dutch) and a retry button when writes are pending.

    ``messages`` overrides the text of some error kinds (e.g. a workshop that is closed for answers).
    """
    kind, waiting = session.take_error()
    if not kind:
        return
    st.error((messages or {}).get(kind) or ts.storage_error(kind))
    if waiting:
        st.warning(ta.UNSAVED_NOTE)
        st.button(ta.PENDING_BUTTON, on_click=session.retry_pending, key="ks_retry_pending")


def option_label(bank: ItemBank) -> Callable[[object], str]:
    """Label of a radio option (a scale value or the "weet niet" code): '3 · grotendeels ingevoerd'."""
    def label(option: object) -> str:
        if option == bank.scale.dont_know_code:
            return ta.scale_option(None, bank.scale.dont_know_label)
        return ta.scale_option(int(option), bank.scale.label(int(option)))
    return label


def answer_label(bank: ItemBank, value: Answer) -> str:
    """How a stored answer reads on screen ('3 · grotendeels ingevoerd', 'weet niet', 'groepsgemiddelde 2,33')."""
    if is_group_mean(value):
        return f"{tw.GROUP_MEAN_LABEL} {tc.fmt_number(value, decimals=2)}"
    return option_label(bank)(bank.scale.dont_know_code if value is None else int(value))


def _on_answer(widget_key: str, item_id: str, holder_key: str, kind: str, code: str) -> None:
    option = st.session_state.get(widget_key)
    if option is None:
        return
    value: Answer = None if option == code else int(option)
    session.save_answer(holder_key, item_id=item_id, value=value, kind=kind)


def element_items(bank: ItemBank, element: Element, *, holder_key: str, kind: str, horizontal: bool = True,
                  confirm: Callable[[str, Answer], None] | None = None, disabled: bool = False,
                  on_answer: Callable[..., None] | None = None) -> None:
    """One radio per statement of ``element``; each change is written through to storage at once.

    ``holder_key`` is the session-state dict holding ``id`` and ``answers`` (an assessment or a participant);
    ``kind`` is "answer" (assessment) or "participant" (workshop). ``confirm(item_id, value)`` is drawn under
    each answered statement; ``on_answer(widget_key, item_id, dont_know_code)`` replaces the default saving.
    A stored group mean (a workshop saved as a self-assessment) selects no option and is shown as a caption.
    """
    holder = st.session_state[holder_key]
    code = bank.scale.dont_know_code
    options: list[object] = [*bank.scale.values, code]
    for item in element.items:
        widget_key = f"ks_{kind}_{holder['id']}_{item.id}"
        stored = holder["answers"].get(item.id, UNANSWERED)
        mean = stored != UNANSWERED and is_group_mean(stored)
        index = None if stored == UNANSWERED or mean else options.index(code if stored is None else int(stored))
        if widget_key in st.session_state and st.session_state[widget_key] != (None if index is None else options[index]):
            del st.session_state[widget_key]  # storage changed (another device, a reset): draw what it holds
        callback, args = ((on_answer, (widget_key, item.id, code)) if on_answer
                          else (_on_answer, (widget_key, item.id, holder_key, kind, code)))
        st.radio(item.text, options, index=index, format_func=option_label(bank), horizontal=horizontal,
                 key=widget_key, help=ta.source_ref(item.source_section), disabled=disabled,
                 on_change=callback, args=args)
        if mean:
            st.caption(tw.group_mean_caption(float(stored)))
        elif confirm is not None and stored != UNANSWERED:
            confirm(item.id, stored)


def _on_note(element_id: str, note_kind: str) -> Callable[[str], bool]:
    return lambda text: session.save_note(element_id=element_id, note_kind=note_kind, text=text)


def element_notes(element: Element) -> None:
    """The three free-text notes of an element for the open assessment, saved while typing."""
    holder = st.session_state[session.CURRENT]
    columns = st.columns(len(NOTE_KINDS))
    for column, note_kind in zip(columns, NOTE_KINDS):
        with column:
            note_input(ta.NOTE_LABELS[note_kind], key=f"ks_note_{holder['id']}_{element.id}_{note_kind}",
                       value=holder["notes"].get(element.id, {}).get(note_kind, ""),
                       on_change=_on_note(element.id, note_kind),
                       failed=session.note_pending(element_id=element.id, note_kind=note_kind),
                       draft_key=f"assessment:{holder['id']}:{element.id}:{note_kind}")


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
                    st.markdown(f"**{ta.NOTES_HEADER}**", help=ta.NOTES_HELP)
                    element_notes(element)


def item_bank_or_stop() -> ItemBank:
    """The denkraam item bank, or a Dutch error and a stopped page when data/denkraam_items.yaml is broken."""
    try:
        return cached.item_bank(str(paths.DATA_DIR / ITEM_BANK_FILE))
    except ItemBankError as exc:
        st.error(f"{ta.ITEM_BANK_ERROR} {exc}")
        st.stop()
