"""Self-assessment widgets: statements as radios, notes, the storage-error banner and the item bank loader.

Widgets hold no answers of their own: each change goes to ``assessment_session`` (a plain session-state dict,
written through storage), and every widget is drawn from that dict.
"""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from ks_data import paths
from ks_data.assessment.items import ITEM_BANK_FILE, NOTE_KINDS, Answer, Element, ItemBank, ItemBankError
from ks_data.texts import assessment as ta
from ks_data.texts import storage as ts
from ks_data.ui import assessment_session as session
from ks_data.ui import cached


def show_storage_error() -> None:
    """Show the last storage error (Dutch) and a retry button when writes are pending."""
    kind, waiting = session.take_error()
    if not kind:
        return
    st.error(ts.storage_error(kind))
    if waiting:
        st.warning(ta.UNSAVED_NOTE)
        st.button(ta.PENDING_BUTTON, on_click=session.retry_pending, key="ks_retry_pending")


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
    session.save_answer(holder_key, item_id=item_id, value=value, kind=kind)


def _on_note(widget_key: str, element_id: str, note_kind: str) -> None:
    session.save_note(element_id=element_id, note_kind=note_kind, text=st.session_state.get(widget_key, ""))


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
    holder = st.session_state[session.CURRENT]
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


def item_bank_or_stop() -> ItemBank:
    """The denkraam item bank, or a Dutch error and a stopped page when data/denkraam_items.yaml is broken."""
    try:
        return cached.item_bank(str(paths.DATA_DIR / ITEM_BANK_FILE))
    except ItemBankError as exc:
        st.error(f"{ta.ITEM_BANK_ERROR} {exc}")
        st.stop()
