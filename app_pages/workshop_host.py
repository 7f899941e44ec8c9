"""Workshop shared screen: open a session with a short code and watch the group result update live."""

from functools import partial

import streamlit as st

from ks_data.assessment import views as assessment_tables
from ks_data.assessment import workshop as assessment_group
from ks_data.charts import assessment as charts
from ks_data.storage import workshops as storage_workshops
from ks_data.storage.db import StorageError
from ks_data.texts import storage as ts
from ks_data.texts import workshop as tw
from ks_data.ui import assessment_form as form
from ks_data.ui import assessment_session as session
from ks_data.ui import blocks, presentation, state

REFRESH_SECONDS = 3
HOST_SCALE = 1.2  # the shared screen is read from across the room; presentation mode enlarges further
URL_PART = "onderdeel"

st.title(tw.HOST_TITLE)
bank = form.item_bank_or_stop()

code = session.host_code()
if code is not None:
    try:
        title = storage_workshops.workshop_title(code)
    except StorageError as exc:
        st.error(ts.storage_error(exc.kind))
        session.set_host_code(None)
        code = None

if code is None:
    st.write(tw.HOST_INTRO)
    with st.form("ks_host_new"):
        new_title = st.text_input(tw.HOST_SESSION_TITLE, key="ks_host_title")
        started = st.form_submit_button(tw.HOST_START, type="primary")
    with st.form("ks_host_open"):
        typed = st.text_input(tw.HOST_OPEN_CODE, max_chars=9, key="ks_host_code")
        opened = st.form_submit_button(tw.HOST_OPEN)
    try:
        if started:
            session.set_host_code(storage_workshops.create_workshop(title=new_title))
            st.rerun()
        if opened:
            wanted = assessment_group.normalise_code(typed)
            if not assessment_group.is_valid_code(wanted):
                st.error(tw.JOIN_BAD_CODE)
            else:
                storage_workshops.workshop_title(wanted)
                session.set_host_code(wanted)
                st.rerun()
    except StorageError as exc:
        st.error(tw.JOIN_BAD_CODE if exc.kind == "not_found" else ts.storage_error(exc.kind))
    st.stop()

if title:
    st.subheader(title)
left, right = st.columns([1, 2])
left.metric(tw.HOST_CODE_LABEL, code)
right.markdown(tw.host_join_hint(code=code, address=session.join_address(code)))
right.button(tw.HOST_CLOSE, on_click=session.set_host_code, args=(None,), key="ks_host_close")
titles = {p.id: p.title for p in bank.parts}
part = state.url_widget(st.segmented_control, tw.HOST_PART, list(titles), param=URL_PART, default=bank.parts[0].id,
                        format_func=titles.get, required=True)


@st.fragment(run_every=REFRESH_SECONDS)
def live_result() -> None:
    """Group result, re-read from storage every few seconds."""
    try:
        answers = storage_workshops.workshop_answers(code)
        people = storage_workshops.workshop_participants(code)
    except StorageError as exc:
        st.error(ts.storage_error(exc.kind))
        return
    st.metric(tw.HOST_PARTICIPANTS, tw.participants_count(len(people)))
    if names := tw.given_names(p.name for p in people):
        st.caption(names)
    if not assessment_group.has_answers(answers):
        st.info(tw.HOST_NO_ANSWERS)
        return
    summary, individual = assessment_group.group_result(bank, answers, part=part)
    table = assessment_tables.group_table(summary)
    blocks.chart_with_source(
        partial(charts.group_chart, summary, individual, scale=max(HOST_SCALE, presentation.chart_scale())),
        assessment_tables.group_data(summary), source=tw.group_source(code=code, title=title, n=len(people)),
        file_name=f"workshop_{code}_{part}.csv", key="ks_dl_group", table=table,
        alt_text=tw.group_alt(part=titles[part], n=len(people),
                              means=assessment_tables.score_list(summary["short_title"], summary["mean"])),
        explanation=tw.group_explanation(part=titles[part]))
    st.table(table, hide_index=True)


live_result()
