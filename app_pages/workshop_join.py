"""Workshop participant: join a session with its code and score the denkraam individually on your own device."""

import streamlit as st

from ks_data.assessment import scoring as assessment_scoring
from ks_data.assessment import workshop as assessment_group
from ks_data.storage.db import StorageError
from ks_data.texts import assessment as ta
from ks_data.texts import storage as ts
from ks_data.texts import workshop as tw
from ks_data.ui import assessment_form as form
from ks_data.ui import assessment_session as session

URL_CODE = "code"

st.title(tw.JOIN_TITLE)
bank = form.item_bank_or_stop()
me = session.participant()
form.show_storage_error()

if me is None:
    st.write(tw.JOIN_INTRO)
    with st.form("ks_join"):
        typed = st.text_input(tw.JOIN_CODE, value=st.query_params.get(URL_CODE, ""), max_chars=9, key="ks_join_code")
        name = st.text_input(tw.JOIN_NAME, key="ks_join_name")
        submitted = st.form_submit_button(tw.JOIN_BUTTON, type="primary")
    if submitted:
        code = assessment_group.normalise_code(typed)
        if not assessment_group.is_valid_code(code):
            st.error(tw.JOIN_BAD_CODE)
        else:
            try:
                session.join(code, name=name)
                st.rerun()
            except StorageError as exc:
                st.error(tw.JOIN_BAD_CODE if exc.kind == "not_found" else ts.storage_error(exc.kind))
    st.stop()

st.success(tw.joined_as(code=me["code"], name=me["name"]))
st.button(tw.JOIN_LEAVE, on_click=session.leave, key="ks_join_leave")
answered, total = assessment_scoring.progress(bank, me["answers"])
st.progress(answered / total, text=ta.progress_text(answered=answered, total=total))
st.caption(ta.DONT_KNOW_HELP)

form.item_bank_form(bank, holder_key=session.PARTICIPANT, kind="participant", with_notes=False)
