"""Data: the loaded perinatal files (remove one), and loading a file in steps: preview, column meanings, check, confirm."""

import hashlib

import streamlit as st

from ks_data.perinatal import data_views
from ks_data.perinatal import dataset as perinatal
from ks_data.perinatal import reader
from ks_data.perinatal import views as tables
from ks_data.texts import common as tc
from ks_data.texts import hosting as th
from ks_data.texts import perinatal as tp
from ks_data.texts import perinatal_data as td
from ks_data.ui import blocks, cached, import_form, workspace

LAST_RESULT = "_data_last_result"  # the message of the last confirm / remove / cancel
DRAFT = "_data_import"  # the opened file: {"name", "content", "id"}
UPLOADS = "_data_upload_round"  # changes the uploader's key, which empties it after a confirm or cancel


def _open(content: bytes, name: str) -> None:
    """Open a file in the import step (nothing is loaded yet); hosted, a file over the size limit is refused."""
    if problem := workspace.upload_problem(len(content)):
        st.session_state[LAST_RESULT] = {"kind": "error", "text": problem}
        st.session_state[UPLOADS] = st.session_state.get(UPLOADS, 0) + 1  # empties the uploader
        return
    st.session_state[DRAFT] = {"name": name, "content": content,
                               "id": hashlib.sha1(content + name.encode()).hexdigest()[:10]}
    st.session_state.pop(LAST_RESULT, None)


def _close(message: dict | None) -> None:
    st.session_state.pop(DRAFT, None)
    st.session_state[UPLOADS] = st.session_state.get(UPLOADS, 0) + 1
    st.session_state[LAST_RESULT] = message
    st.rerun()


def _confirm(result: reader.LoadResult) -> None:
    try:
        entry = perinatal.confirm_import(result)
    except OSError as exc:  # disk full, no write access: the previous data stay active
        _close({"kind": "error", "text": td.LOAD_FAILED.format(detail=td.disk_problem(exc.errno)), "at_upload": True})
    else:
        summary = data_views.dataset_summary(result.frame)
        _close({"kind": "success", "text": td.LOAD_OK.format(file=tc.md_literal(entry.filename), **summary),
                "at_upload": True, "toast": True})  # shown where the user clicked too, not only at the top


def _rejected(result: reader.LoadResult) -> None:
    """The rejection box: the first cause in words, the count of all errors."""
    first = tc.md_literal(result.errors[0].message) if result.errors else ""
    st.error(td.LOAD_REJECTED.format(file=tc.md_literal(result.filename), first=first, n=len(result.errors)),
             icon=":material/block:")


def _import_step(opened: dict) -> None:
    """The opened file: preview, meanings, variant, check report and confirm / cancel."""
    sheet_key = f"_import_sheet_{opened['id']}"
    sheet = st.session_state.get(sheet_key)
    draft = cached.import_draft(opened["content"], opened["name"], sheet, perinatal.mappings_version())
    st.subheader(td.STEP_PREVIEW.format(file=tc.md_literal(opened["name"])))
    if isinstance(draft, reader.LoadResult):  # not a table at all
        _rejected(draft)
        import_form.check_report(draft, key="dl_check_report")
        if st.button(td.CANCEL_BUTTON, key="_import_cancel"):
            _close({"kind": "info", "text": td.CANCEL_DONE, "at_upload": True})
        return
    table = draft.table
    if problem := workspace.upload_problem(len(opened["content"]), len(table.body)):
        _close({"kind": "error", "text": problem})
    if len(table.sheets) > 1:
        st.selectbox(td.SHEET_LABEL, table.sheets, index=table.sheets.index(table.sheet), key=sheet_key,
                     help=td.SHEET_HELP)
    st.caption(td.PREVIEW_NOTE.format(row=table.header_row))
    st.dataframe(table.preview(), hide_index=True, width="stretch")
    if table.skipped:
        st.caption(td.SKIPPED_NOTE.format(lines=data_views.skipped_text(table)))
    key = f"_import_{opened['id']}_{table.sheet or ''}"
    mapping = import_form.mapping_form(draft, key)
    result = cached.import_check(opened["content"], opened["name"], table.sheet, mapping, cached.map_data_key())
    st.subheader(td.STEP_CHECK)
    if result.ok:
        st.success(td.CHECK_OK.format(warnings=td.CHECK_OK_WARNINGS.format(n=len(result.warnings))
                                      if result.warnings else ""), icon=":material/check_circle:")
        st.markdown("\n".join(f"- {line}" for line in data_views.check_lines(result)))
    else:
        _rejected(result)
    with st.expander(td.REPORT_HEADING, expanded=not result.ok or bool(result.warnings)):
        import_form.check_report(result, key="dl_check_report")
    confirm, cancel = st.columns([1, 1])
    if confirm.button(td.CONFIRM_BUTTON, type="primary", disabled=not result.ok, key="_import_confirm"):
        _confirm(result)
    if cancel.button(td.CANCEL_BUTTON, key="_import_cancel"):
        _close({"kind": "info", "text": td.CANCEL_DONE, "at_upload": True})


def _active_files(data: perinatal.PerinatalDataset) -> None:
    """The loaded files, each with what it holds and a button to remove it."""
    summary = data_views.dataset_summary(data.frame)
    st.success(td.ACTIVE_USER.format(n_files=len(data.files), **summary), icon=":material/folder_open:")
    for entry in data.files:
        with st.container(border=True):
            text, button = st.columns([5, 1], vertical_alignment="center")
            text.markdown(f"**{tc.md_literal(data_views.file_title(entry))}**  \n"
                          f"{tc.md_literal(data_views.file_line(entry))}")
            if button.button(td.REMOVE_BUTTON, key=f"_data_remove_{entry.id}", help=td.REMOVE_HELP,
                             icon=":material/delete:"):
                perinatal.remove_user_file(entry.id)
                st.session_state[LAST_RESULT] = {"kind": "info", "text": td.REMOVE_DONE.format(file=tc.md_literal(entry.filename))}
                st.rerun()
    st.caption(td.FILES_NOTE)
    if len(data.files) > 1 and st.button(td.RESET_BUTTON, key="_data_reset"):
        perinatal.clear_user_file()
        st.session_state[LAST_RESULT] = {"kind": "info", "text": td.RESET_DONE}
        st.rerun()


st.title(td.DATA_TITLE)
st.caption(td.DATA_INTRO)
message = st.session_state.get(LAST_RESULT)
if message:
    getattr(st, message["kind"])(message["text"])
    if message.pop("toast", False):  # once: the user confirmed at the bottom of the page
        st.toast(message["text"], icon=":material/check_circle:")

st.header(td.ACTIVE_HEADING)
data = None
try:
    data = cached.active_perinatal()
except perinatal.NoPerinatalData as exc:
    st.info(exc.dutch())
except perinatal.StoredFileError:  # a damaged store: explain, offer to clear it, and still offer loading
    st.error(tp.STORE_DAMAGED, icon=":material/error:")
    if st.button(td.RESET_BUTTON, key="_data_reset_damaged"):
        perinatal.clear_user_file()
        st.rerun()
if data is not None:
    if data.is_synthetic:
        st.warning(tc.SYNTHETIC_NOTE, icon=":material/science:")
        st.markdown(td.ACTIVE_SYNTHETIC.format(**data_views.dataset_summary(data.frame)))
    else:
        _active_files(data)
    st.caption(td.ACTIVE_SOURCE.format(source=tc.md_literal(data.source_label)))
    with st.expander(td.PREVIEW_HEADING):
        st.dataframe(data_views.preview(data.frame), hide_index=True, width="stretch")
        blocks.csv_download(data_views.preview_export(data.frame), synthetic=data.is_synthetic, key="dl_preview",
                            file_name=tables.file_name("preview", synthetic=data.is_synthetic))

st.header(td.UPLOAD_HEADING)
st.caption(td.UPLOAD_INTRO)
workspace.require(th.NEED_WORKSPACE_DATA)  # hosted: own files only inside a workspace
opened = st.session_state.get(DRAFT)
if opened is None and message and message.get("at_upload"):  # the result of the import step, where it was
    getattr(st, message["kind"])(message["text"])
if opened is None:
    # any file type is accepted here, so a wrong one gets a Dutch message from the check
    upload = st.file_uploader(td.UPLOAD_LABEL.format(limit=reader.MAX_UPLOAD_MB), help=td.UPLOAD_HELP,
                              max_upload_size=reader.MAX_UPLOAD_MB, key=f"_data_upload_{st.session_state.get(UPLOADS, 0)}")
    if upload is not None:
        _open(upload.getvalue(), upload.name)
        st.rerun()
    st.subheader(td.FOLDER_HEADING)
    st.caption(td.FOLDER_NOTE.format(folder=perinatal.import_dir()))
    files = perinatal.import_files()
    if not files:
        st.info(td.FOLDER_EMPTY)
    else:
        chosen = st.selectbox(td.FOLDER_PICK, files, format_func=lambda p: p.name, key="_data_folder_file")
        if st.button(td.FOLDER_BUTTON, key="_data_folder_load"):
            content = perinatal.read_import_file(chosen)
            if isinstance(content, reader.LoadResult):  # above the size cap: not read at all
                st.error(content.errors[0].message)
            else:
                _open(content, chosen.name)
                st.rerun()
else:
    _import_step(opened)

with st.expander(td.SCHEMA_HEADING):
    st.markdown(td.SCHEMA_INTRO)
    st.dataframe(data_views.schema_table(), hide_index=True, width="stretch")
    blocks.csv_download(data_views.schema_table(), file_name=tables.file_name("schema", synthetic=False), key="dl_schema")
    st.markdown(td.SCHEMA_NOTES)
