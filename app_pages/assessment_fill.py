"""Fill in the denkraam self-assessment: pick coalition and date, score the statements, write notes."""

from datetime import date

import streamlit as st

from ks_data.assessment import scoring as assessment_scoring
from ks_data.assessment import views as assessment_views
from ks_data.storage import assessments as storage_assessments
from ks_data.storage.db import StorageError
from ks_data.texts import assessment as ta
from ks_data.texts import storage as ts
from ks_data.ui import assessment_form as form
from ks_data.ui import assessment_session as session
from ks_data.ui import workspace

st.title(ta.FILL_TITLE)
st.write(ta.FILL_INTRO)

bank = form.item_bank_or_stop()
scope = workspace.require()  # hosted: a coalition's own workspace must be open

current = session.current()
form.show_storage_error()

if current is None:
    st.header(ta.CHOOSE_HEADER)
    with st.form("ks_open_assessment"):
        coalition = st.text_input(ta.COALITION_LABEL, help=ta.COALITION_HELP, key="ks_open_coalition")
        gemeente = st.text_input(ta.GEMEENTE_LABEL, value=session.shared_gemeente_name(), key="ks_open_gemeente")
        day = st.date_input(ta.DATE_LABEL, value=date.today(), format=ta.DATE_FORMAT, key="ks_open_date")
        submitted = st.form_submit_button(ta.OPEN_BUTTON, type="primary")
    if submitted:
        if not coalition.strip():
            st.error(ta.EMPTY_COALITION)
        else:
            try:
                session.set_current(storage_assessments.open_assessment(coalition=coalition, gemeente=gemeente,
                                                                        assessment_date=day, workspace=scope))
                st.rerun()
            except StorageError as exc:
                st.error(ts.storage_error(exc.kind))
    try:
        saved = storage_assessments.list_assessments(workspace=scope)
    except StorageError as exc:
        st.error(ts.storage_error(exc.kind))
        st.stop()
    if saved:
        st.header(ta.RESUME_HEADER)
        choice = st.selectbox(ta.RESUME_LABEL, saved, key="ks_resume_choice", format_func=assessment_views.summary_label)
        if st.button(ta.RESUME_BUTTON, key="ks_resume"):
            try:
                session.set_current(storage_assessments.get_assessment(choice.id,
                                                                       workspace=scope))
                st.rerun()
            except StorageError as exc:
                st.error(ts.storage_error(exc.kind))
    st.stop()

st.markdown(ta.current_assessment(coalition=current["coalition"], gemeente=current["gemeente"],
                                  day=date.fromisoformat(current["date"])))
answered, total = assessment_scoring.progress(bank, current["answers"])
st.progress(answered / total, text=ta.progress_text(answered=answered, total=total))
st.caption(ta.saved_text(updated_at=current["updated_at"]))
left, right = st.columns(2)
left.button(ta.SWITCH_BUTTON, on_click=session.clear_current, key="ks_switch")
right.page_link("app_pages/assessment_results.py", label=ta.RESULTS_LINK, icon=":material/radar:")
st.caption(ta.DONT_KNOW_HELP)

form.item_bank_form(bank, holder_key=session.CURRENT, kind="answer", with_notes=True)
