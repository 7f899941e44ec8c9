"""Data: which perinatal figures are active, loading a user file (upload or import folder), the check report."""

import streamlit as st

from ks_data.perinatal import dataset as perinatal
from ks_data.perinatal import reader
from ks_data.perinatal import views as tables
from ks_data.texts import common as tc
from ks_data.texts import perinatal as tp
from ks_data.ui import blocks, cached

LAST_RESULT = "_data_last_result"


def _handle(result: reader.LoadResult) -> None:
    """Store an accepted file (replacing the active data) or keep the old data; remember the report."""
    outcome = {"file": result.filename, "report": result.report(), "ok": result.ok, "n_errors": len(result.errors)}
    if result.ok:
        try:
            perinatal.save_user_file(result)
        except OSError as exc:  # disk full, no write access: keep what was loaded
            outcome.update(ok=False, failed=tp.disk_problem(exc.errno))
        else:
            outcome.update(summary=tables.dataset_summary(result.frame))
    st.session_state[LAST_RESULT] = outcome
    st.rerun()


st.title(tp.DATA_TITLE)
st.caption(tp.DATA_INTRO)

outcome = st.session_state.get(LAST_RESULT)
if outcome is not None:
    if outcome.get("failed"):
        st.error(tp.LOAD_FAILED.format(detail=outcome["failed"]))
    elif outcome["ok"]:
        st.success(tp.LOAD_OK.format(file=outcome["file"], **outcome["summary"]))
    else:
        st.error(tp.LOAD_REJECTED.format(file=outcome["file"], n=outcome["n_errors"]))
    with st.expander(tp.REPORT_HEADING, expanded=not outcome["ok"]):
        if outcome["report"].empty:
            st.write(tp.REPORT_NO_ISSUES)
        else:
            st.dataframe(outcome["report"], hide_index=True, width="stretch")
            blocks.csv_download(outcome["report"], file_name=tables.file_name("check_report", synthetic=False),
                                key="dl_check_report")

st.header(tp.ACTIVE_HEADING)
data = None
try:
    data = cached.active_perinatal()
except perinatal.NoPerinatalData as exc:
    st.info(exc.dutch())
except perinatal.StoredFileError:  # a damaged store: explain, and still offer loading a new file below
    st.error(tc.LOAD_ERROR)
if data is not None:
    summary = tables.dataset_summary(data.frame)
    if data.is_synthetic:
        st.warning(tc.SYNTHETIC_NOTE, icon=":material/science:")
        st.markdown(tp.ACTIVE_SYNTHETIC.format(**summary))
    else:
        st.success(tp.ACTIVE_USER.format(file=data.filename, loaded_at=data.loaded_at, **summary))
        if st.button(tp.RESET_BUTTON, key="_data_reset"):
            perinatal.clear_user_file()
            st.session_state.pop(LAST_RESULT, None)
            st.toast(tp.RESET_DONE)
            st.rerun()
    st.caption(tp.ACTIVE_SOURCE.format(source=data.source_label))
    with st.expander(tp.PREVIEW_HEADING):
        st.dataframe(tables.preview(data.frame), hide_index=True, width="stretch")
        blocks.csv_download(tables.preview_export(data.frame), synthetic=data.is_synthetic, key="dl_preview",
                            file_name=tables.file_name("preview", synthetic=data.is_synthetic))

st.header(tp.UPLOAD_HEADING)
with st.form("_data_upload", clear_on_submit=True):
    # any file type is accepted here, so a wrong one gets a Dutch message from the check
    upload = st.file_uploader(tp.UPLOAD_LABEL.format(limit=reader.MAX_UPLOAD_MB), help=tp.UPLOAD_HELP,
                              max_upload_size=reader.MAX_UPLOAD_MB)
    if st.form_submit_button(tp.UPLOAD_BUTTON, type="primary") and upload is not None:
        with st.spinner(tp.CHECKING):
            _handle(perinatal.check_file(upload.getvalue(), upload.name))

st.subheader(tp.FOLDER_HEADING)
st.caption(tp.FOLDER_NOTE.format(folder=perinatal.import_dir()))
files = perinatal.import_files()
if not files:
    st.info(tp.FOLDER_EMPTY)
else:
    chosen = st.selectbox(tp.FOLDER_PICK, files, format_func=lambda p: p.name, key="_data_folder_file")
    if st.button(tp.FOLDER_BUTTON, key="_data_folder_load"):
        with st.spinner(tp.CHECKING):
            _handle(perinatal.check_import_file(chosen))

with st.expander(tp.SCHEMA_HEADING):
    st.markdown(tp.SCHEMA_INTRO)
    st.dataframe(tables.schema_table(), hide_index=True, width="stretch")
    blocks.csv_download(tables.schema_table(), file_name=tables.file_name("schema", synthetic=False), key="dl_schema")
    st.markdown(tp.SCHEMA_NOTES)
