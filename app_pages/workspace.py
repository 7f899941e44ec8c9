"""Werkruimte (hosted instance): create a coalition's workspace (its access code shown once), open one, sign out."""

import streamlit as st

from ks_data.storage.db import StorageError
from ks_data.texts import hosting as th
from ks_data.texts import storage as ts
from ks_data.ui import workspace

st.title(th.PAGE_TITLE)
if not workspace.hosted():
    st.info(th.LAPTOP_NOTE, icon=":material/computer:")
    st.stop()
st.write(th.INTRO)

if fresh := st.session_state.get(workspace.NEW_CODE):
    name, code = fresh
    with st.container(border=True, key="ks_workspace_new"):
        st.success(th.created(name), icon=":material/key:")
        st.code(code, language=None)
        st.warning(th.CODE_SHOWN_ONCE, icon=":material/warning:")
        if st.button(th.CODE_DONE, key="ks_workspace_code_done", type="primary"):
            st.session_state.pop(workspace.NEW_CODE, None)
            st.rerun()
    st.stop()

if held := workspace.opened():
    st.success(th.open_as(held["name"], held["gemeente"]))
    if st.button(th.SIGN_OUT, key="ks_workspace_sign_out", icon=":material/logout:"):
        workspace.sign_out()
        st.session_state[workspace.MESSAGE] = th.SIGNED_OUT
        st.rerun()
    st.stop()

if message := st.session_state.pop(workspace.MESSAGE, None):
    st.info(message)

left, right = st.columns(2, gap="large")
with left:
    st.header(th.OPEN_HEADER)
    with st.form("ks_workspace_open"):
        typed = st.text_input(th.OPEN_CODE, help=th.OPEN_CODE_HELP, type="password", max_chars=40,
                              key="ks_workspace_code")
        opened = st.form_submit_button(th.OPEN_BUTTON, type="primary")
    if opened:
        try:
            workspace.open_with_code(typed)
            st.rerun()
        except StorageError as exc:
            st.error(ts.storage_error(exc.kind))
with right:
    st.header(th.CREATE_HEADER)
    with st.form("ks_workspace_create"):
        new_name = st.text_input(th.CREATE_NAME, max_chars=120, key="ks_workspace_name")
        new_gemeente = st.text_input(th.CREATE_GEMEENTE, max_chars=80, key="ks_workspace_gemeente")
        created = st.form_submit_button(th.CREATE_BUTTON)
    if created:
        if not new_name.strip():
            st.error(th.EMPTY_NAME)
        else:
            try:
                workspace.create(new_name, new_gemeente)
                st.rerun()
            except StorageError as exc:
                st.error(ts.storage_error(exc.kind))
