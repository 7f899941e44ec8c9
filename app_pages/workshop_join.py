"""Workshop participant (phone): join a session with its code, then score the denkraam one element at a time."""

import streamlit as st

from ks_data.assessment import workshop as assessment_group
from ks_data.storage.db import StorageError
from ks_data.texts import assessment as ta
from ks_data.texts import storage as ts
from ks_data.texts import workshop as tw
from ks_data.ui import assessment_form as form
from ks_data.ui import workshop_phone as phone
from ks_data.ui import workshop_session as workshop

URL_CODE = "code"

st.title(tw.JOIN_TITLE)
bank = form.item_bank_or_stop()
phone.style()
me = workshop.participant()

if me is None or me["removed"]:
    form.show_storage_error(phone.ERROR_MESSAGES)
    if me is not None:
        st.warning(tw.PHONE_REMOVED, icon=":material/person_remove:")
        workshop.leave()
    st.write(tw.JOIN_INTRO)
    with st.form("ks_join"):
        typed = st.text_input(tw.JOIN_CODE, value=st.query_params.get(URL_CODE, ""), max_chars=9, key="ks_join_code")
        name = st.text_input(tw.JOIN_NAME, key="ks_join_name")
        submitted = st.form_submit_button(tw.JOIN_BUTTON, type="primary", width="stretch")
    if submitted:
        code = assessment_group.normalise_code(typed)
        if not assessment_group.is_valid_code(code):
            st.error(tw.JOIN_BAD_CODE)
        else:
            try:
                workshop.join(code, name=name)
                st.rerun()
            except StorageError as exc:
                st.error(tw.JOIN_BAD_CODE if exc.kind == "not_found" else ts.storage_error(exc.kind))
    st.stop()

phone.status(me)
st.markdown(f":material/how_to_reg: {tw.joined_as(code=me['code'], name=me['name'], number=me['number'])}")
phone.live_status(me)
phone.scoring(bank)
st.caption(ta.DONT_KNOW_HELP)
st.button(tw.JOIN_LEAVE, on_click=workshop.leave, key="ks_join_leave")
