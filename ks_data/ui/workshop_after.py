"""The workshop after the scoring: the group's notes, the export (CSV, printable report) and saving the group
result as a self-assessment of a coalition.

Downloads are written when clicked, from what storage holds at that moment (not from the last rerun of
the page), so a late answer is never missing from the file.
"""

from __future__ import annotations

from datetime import date, datetime
from functools import partial

import streamlit as st

from ks_data.assessment import views as assessment_tables
from ks_data.assessment import workshop as assessment_group
from ks_data.assessment.items import NOTE_KINDS, ItemBank
from ks_data.core import export
from ks_data.reports import workshop as workshop_report
from ks_data.storage import assessments as storage_assessments
from ks_data.storage import workshops as storage_workshops
from ks_data.storage.db import StorageError
from ks_data.texts import assessment as ta
from ks_data.texts import common as tc
from ks_data.texts import storage as ts
from ks_data.texts import workshop as tw
from ks_data.ui import assessment_session as session
from ks_data.ui import blocks
from ks_data.ui.note_input import note_input
from ks_data.ui.workspace import current_id as workspace_id

NOTE_FAILED = "ks_workshop_note_failed"  # note keys whose last save failed
SAVE_EXISTS = "ks_host_save_exists"  # the chosen coalition already has an assessment on that date
RESULTS_PAGE = "app_pages/assessment_results.py"


# --- the group's notes --------------------------------------------------------------------------------------
def _save_note(code: str, element_id: str, kind: str, text: str) -> bool:
    failed = st.session_state.setdefault(NOTE_FAILED, set())
    try:
        storage_workshops.save_workshop_note(code, element_id=element_id, kind=kind, text=text,
                                             workspace=workspace_id())
    except StorageError as exc:
        failed.add((code, element_id, kind))
        st.session_state[session.ERROR] = exc.kind
        return False
    failed.discard((code, element_id, kind))
    return True


def group_notes(bank: ItemBank, code: str, *, part: str) -> None:
    """Per element of ``part``: what goes well, what can improve, the next step, as the group agrees them."""
    st.header(tw.NOTES_HEADER)
    st.caption(tw.NOTES_INTRO)
    try:
        notes = storage_workshops.workshop_notes(code, workspace=workspace_id())
    except StorageError as exc:
        st.error(ts.storage_error(exc.kind))
        return
    failed = st.session_state.get(NOTE_FAILED, set())
    for element in bank.elements_of(part):
        with st.expander(ta.element_heading(number=element.number, title=element.title)):
            for column, kind in zip(st.columns(len(NOTE_KINDS)), NOTE_KINDS):
                with column:
                    note_input(ta.NOTE_LABELS[kind], key=f"ks_wnote_{code}_{element.id}_{kind}",
                               value=notes.get(element.id, {}).get(kind, ""),
                               on_change=partial(_save_note, code, element.id, kind),
                               failed=(code, element.id, kind) in failed,
                               draft_key=f"workshop:{code}:{element.id}:{kind}")


# --- export -------------------------------------------------------------------------------------------------
def _results(bank: ItemBank, code: str, workspace: int | None):
    snap = storage_workshops.workshop_snapshot(code, workspace=workspace)
    n = sum(1 for given in snap.answers.values() if given)
    return snap.workshop, assessment_group.part_results(bank, snap.answers), n


def export_csv(bank: ItemBank, code: str, *, dutch: bool, workspace: int | None = None) -> bytes:
    """The group result as CSV, from storage at the moment of the click (``workspace``: the trainer's)."""
    workshop_, parts, n = _results(bank, code, workspace)
    frame = assessment_tables.group_export_data(
        [(part.title, summary) for part, summary, _ in parts], code=code, title=workshop_.title,
        day=assessment_group.workshop_day(workshop_.created_at), n_participants=n)
    return export.to_csv_bytes(frame, dutch=dutch)


def export_report(bank: ItemBank, code: str, *, workspace: int | None = None) -> str:
    """The printable one-page group report, from storage at the moment of the click (``workspace``: the trainer's)."""
    workshop_, parts, n = _results(bank, code, workspace)
    return workshop_report.group_report_html(
        bank, parts, code=code, title=workshop_.title, day=assessment_group.workshop_day(workshop_.created_at),
        n_participants=n, notes=storage_workshops.workshop_notes(code, workspace=workspace),
        generated=datetime.now())


def export_buttons(bank: ItemBank, code: str) -> None:
    """CSV (Dutch or international notation, as every download in the app) and the printable report."""
    stem = f"{tw.EXPORT_FILE}_{code}"
    csv_col, report_col = st.columns(2)
    with csv_col.popover(tw.EXPORT_CSV, icon=":material/download:", help=tc.DOWNLOAD_HELP, width="stretch"):
        for dutch, label, name in ((True, tc.DOWNLOAD_DUTCH, f"{stem}.csv"),
                                   (False, tc.DOWNLOAD_INTERNATIONAL, blocks.international_name(f"{stem}.csv"))):
            st.download_button(label, partial(export_csv, bank, code, dutch=dutch, workspace=workspace_id()),
                               file_name=name, mime="text/csv",
                               key=f"ks_dl_workshop_{'nl' if dutch else 'int'}", icon=":material/download:",
                               on_click="ignore")
    report_col.download_button(tw.EXPORT_REPORT, partial(export_report, bank, code, workspace=workspace_id()),
                               file_name=f"{stem}_rapport.html",
                               mime="text/html", help=tw.EXPORT_HELP, key="ks_dl_workshop_report",
                               icon=":material/print:", on_click="ignore", width="stretch")


# --- save as the coalition's self-assessment ---------------------------------------------------------------
def save_as_assessment(bank: ItemBank, code: str, *, day: date, gemeente: str = "") -> None:
    """A form: coalition (known ones offered, a new name typed), gemeente, date; overwriting asks first."""
    st.subheader(tw.SAVE_HEADER)
    st.markdown(tw.SAVE_INTRO)
    try:
        saved = storage_assessments.list_assessments(workspace=workspace_id())
        known = sorted({s.coalition for s in saved}, key=str.casefold)
    except StorageError as exc:
        st.error(ts.storage_error(exc.kind))
        return
    with st.form("ks_host_save"):
        coalition = st.selectbox(tw.SAVE_COALITION, known, index=None, accept_new_options=True,
                                 placeholder=tw.SAVE_COALITION_PLACEHOLDER, key="ks_host_save_coalition")
        place = st.text_input(tw.SAVE_GEMEENTE, value=gemeente, key="ks_host_save_gemeente")
        when = st.date_input(tw.SAVE_DATE, value=day, format=ta.DATE_FORMAT, key="ks_host_save_date")
        overwrite = False
        if st.session_state.get(SAVE_EXISTS):
            st.warning(tw.SAVE_OVERWRITE)
            overwrite = st.checkbox(tw.SAVE_CONFIRM, key="ks_host_save_overwrite")
        submitted = st.form_submit_button(tw.SAVE_BUTTON, type="primary", icon=":material/save:")
    if submitted:
        _save(bank, code, coalition=(coalition or "").strip(), gemeente=place, day=when, overwrite=overwrite)


def _save(bank: ItemBank, code: str, *, coalition: str, gemeente: str, day: date, overwrite: bool) -> None:
    if not coalition:
        st.error(tw.SAVE_EMPTY_COALITION)
        return
    try:
        scope = workspace_id()
        answers = storage_workshops.workshop_answers(code, workspace=scope)
        if not assessment_group.has_answers(answers):
            st.error(tw.SAVE_NO_ANSWERS)
            return
        exists = storage_assessments.find_assessment(coalition=coalition, gemeente=gemeente, assessment_date=day,
                                                     workspace=scope)
        if exists is not None and not overwrite:
            st.session_state[SAVE_EXISTS] = True
            st.rerun()  # the form again, now with the warning and 'overwrite'
        record = assessment_group.group_record(bank, answers, coalition=coalition, gemeente=gemeente, day=day,
                                               code=code, notes=storage_workshops.workshop_notes(code, workspace=scope))
        new_id = storage_assessments.replace_assessment(record, workspace=scope)
    except StorageError as exc:
        st.error(ts.storage_error(exc.kind))
        return
    st.session_state.pop(SAVE_EXISTS, None)
    st.success(tw.saved_as(coalition=record.coalition, day=day, n_items=len(record.answers),
                           n=record.n_participants or 0), icon=":material/check_circle:")
    st.page_link(RESULTS_PAGE, label=tw.SAVE_LINK, icon=":material/radar:", query_params={"evaluatie": str(new_id)})
