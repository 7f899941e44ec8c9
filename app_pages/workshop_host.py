"""Workshop shared screen: open a session, show how to join (address + QR code), lead the room (reveal,
close, countdown, names, remove, new round), watch the group result, export it and save it for a coalition."""

import streamlit as st

from ks_data.assessment import workshop as assessment_group
from ks_data.storage import workshops as storage_workshops
from ks_data.storage.db import StorageError
from ks_data.texts import storage as ts
from ks_data.texts import workshop as tw
from ks_data.ui import assessment_form as form
from ks_data.ui import assessment_session as session
from ks_data.ui import state, workshop_after, workshop_screen
from ks_data.ui import workshop_session as workshop
from ks_data.ui import workspace

URL_PART = "onderdeel"

scope = workspace.require(title=tw.HOST_TITLE)  # hosted: the trainer's workspace (participants need only the code)
code = workshop.host_code()
snapshot, problem = None, None
if code is not None:
    try:
        snapshot = storage_workshops.workshop_snapshot(code, workspace=scope)
    except StorageError as exc:
        problem = ts.storage_error(exc.kind)
        workshop.set_host_code(None)

with st.container(key="ks_host_head"):
    st.title(tw.host_title(snapshot.workshop.title if snapshot else ""))
bank = form.item_bank_or_stop()
form.show_storage_error()
if problem:
    st.error(problem)

if snapshot is None:
    st.write(tw.HOST_INTRO)
    with st.form("ks_host_new"):
        new_title = st.text_input(tw.HOST_SESSION_TITLE, key="ks_host_title")
        started = st.form_submit_button(tw.HOST_START, type="primary")
    with st.form("ks_host_open"):
        typed = st.text_input(tw.HOST_OPEN_CODE, max_chars=9, key="ks_host_code")
        opened = st.form_submit_button(tw.HOST_OPEN)
    try:
        if started:
            workshop.set_host_code(storage_workshops.create_workshop(title=new_title, workspace=scope,
                                                                    client=workspace.client()))
            st.rerun()
        if opened:
            wanted = assessment_group.normalise_code(typed)
            if not assessment_group.is_valid_code(wanted):
                st.error(tw.JOIN_BAD_CODE)
            else:
                storage_workshops.get_workshop(wanted, workspace=scope)
                workshop.set_host_code(wanted)
                st.rerun()
    except StorageError as exc:
        st.error(tw.JOIN_BAD_CODE if exc.kind == "not_found" else ts.storage_error(exc.kind))
    st.stop()

current = snapshot.workshop
join_slot = st.container()  # above the part chosen below: compact while that part's result is on screen
titles = {p.id: p.title for p in bank.parts}
with st.container(horizontal=True, vertical_alignment="center"):
    part = state.url_widget(st.segmented_control, tw.HOST_PART, list(titles), param=URL_PART,
                            default=bank.parts[0].id, format_func=lambda p: tw.part_label(titles[p]), required=True,
                            label_visibility="collapsed")
    workshop_screen.trainer_controls(snapshot, part=part)
with join_slot:
    workshop_screen.join_panel(current.code, compact=part in current.revealed)
workshop_screen.live_result(bank, current.code, part=part, part_title=titles[part])

workshop_after.group_notes(bank, current.code, part=part)
st.header(tw.EXPORT_HEADER)
workshop_after.export_buttons(bank, current.code)
workshop_after.save_as_assessment(bank, current.code, day=assessment_group.workshop_day(current.created_at),
                                  gemeente=session.shared_gemeente_name())
