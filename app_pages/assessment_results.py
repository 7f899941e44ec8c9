"""Results of a self-assessment: scores, radar and bar chart, ranking, notes, history, comparison, export, import."""

import streamlit as st

from ks_data import assessment_io, assessment_scoring, assessment_tables, report, storage
from ks_data.charts import assessment as charts
from ks_data.texts import assessment as ta
from ks_data.ui import assessment_form as form

IMPORT_MESSAGE = "ks_import_message"
IMPORT_ROUND = "ks_import_round"  # bumped after an import so the uploader starts empty
st.title(ta.RESULTS_TITLE)
st.caption(ta.RESULTS_INTRO)

bank = form.item_bank_or_stop()
try:
    saved = storage.list_assessments()
except storage.StorageError as exc:
    st.error(ta.storage_error(exc.kind))
    st.stop()
record = form.current_record()
form.show_storage_error()


def _label(summary: storage.AssessmentSummary) -> str:
    return ta.resume_option(coalition=summary.coalition, gemeente=summary.gemeente, day=summary.assessment_date,
                            n_answers=summary.n_answers)


if saved:
    ids = [s.id for s in saved]
    if record is None or record.id not in ids:
        form.set_current(storage.get_assessment(ids[0]))
        record = form.current_record()
    pick_key = f"ks_results_pick_{record.id}"  # a new widget whenever the open assessment changes
    st.selectbox(ta.PICK_ASSESSMENT, saved, index=ids.index(record.id), format_func=_label, key=pick_key,
                 on_change=form.open_selected, args=(pick_key,))
else:
    st.info(ta.NO_ASSESSMENT)
if message := st.session_state.pop(IMPORT_MESSAGE, None):
    st.success(message)

if record is not None:
    st.header(ta.SCORES_HEADER)
    for part in bank.parts:
        frame = assessment_scoring.scores_frame(assessment_scoring.element_scores(bank, record.answers, part=part.id))
        st.subheader(part.title)
        st.caption(ta.source_ref(part.source_section))
        if frame["n_scored"].sum() == 0:
            st.caption(ta.PART_NOT_SCORED)
            continue
        radar_col, bar_col = st.columns(2)
        radar_col.altair_chart(charts.radar_chart(frame), width="content")
        bar_col.markdown(f"**{ta.RANKING_HEADER}**")
        bar_col.altair_chart(charts.bar_chart(frame), width="content")
        bar_col.markdown("  \n".join(assessment_tables.ranking_lines(frame)))
        st.dataframe(assessment_tables.score_table(frame), hide_index=True, width="stretch")

    st.header(ta.NOTES_RESULTS_HEADER)
    notes = assessment_tables.notes_by_element(bank, record)
    if not notes:
        st.caption(ta.NO_NOTES)
    for heading, lines in notes:
        st.markdown(f"**{heading}**\n" + "\n".join(f"- *{label}* {text}" for label, text in lines))

    st.header(ta.HISTORY_HEADER)
    history = storage.list_assessments(coalition=record.coalition)
    st.dataframe(assessment_tables.history_table(history), hide_index=True, width="stretch")
    st.subheader(ta.COMPARE_HEADER)
    if len(history) < 2:
        st.caption(ta.COMPARE_NEED_TWO)
    else:
        left, right = st.columns(2)
        before = left.selectbox(ta.COMPARE_BEFORE, history, index=1, format_func=_label, key="ks_cmp_before")
        after = right.selectbox(ta.COMPARE_AFTER, history, index=0, format_func=_label, key="ks_cmp_after")
        before_label, after_label = ta.fmt_date(before.assessment_date), ta.fmt_date(after.assessment_date)
        if before_label == after_label:
            before_label, after_label = _label(before), _label(after)
        scores = [assessment_scoring.scores_frame(assessment_scoring.element_scores(bank, storage.get_assessment(s.id).answers,
                                                                    part=bank.parts[0].id)) for s in (before, after)]
        comparison = assessment_scoring.compare_scores(*scores)
        st.altair_chart(charts.comparison_chart(comparison, before_label=before_label, after_label=after_label),
                        width="content")
        st.dataframe(assessment_tables.comparison_table(comparison, before_label=before_label,
                                                        after_label=after_label), hide_index=True, width="stretch")

    st.header(ta.EXPORT_HEADER)
    stem = assessment_io.export_stem(record)
    a, b, c = st.columns(3)
    a.download_button(ta.EXPORT_CSV, assessment_io.export_csv(bank, record), file_name=f"{stem}.csv",
                      mime="text/csv", key="ks_dl_csv")
    b.download_button(ta.EXPORT_JSON, assessment_io.export_json(bank, record), file_name=f"{stem}.json",
                      mime="application/json", key="ks_dl_json")
    c.download_button(ta.EXPORT_REPORT, report.report_html(bank, record), file_name=f"{stem}_rapport.html",
                      mime="text/html", key="ks_dl_report", help=ta.EXPORT_HELP)

st.header(ta.IMPORT_HEADER)
upload_round = st.session_state.get(IMPORT_ROUND, 0)
upload = st.file_uploader(ta.IMPORT_LABEL, type=["csv", "json"], key=f"ks_import_file_{upload_round}")
if upload is not None:
    data = upload.getvalue()
    try:
        incoming = assessment_io.parse_assessment_file(bank, data, filename=upload.name)
        exists = storage.find_assessment(coalition=incoming.coalition, gemeente=incoming.gemeente,
                                         assessment_date=incoming.assessment_date) is not None
        if exists:
            st.warning(ta.IMPORT_OVERWRITE)
        confirmed = not exists or st.checkbox(ta.IMPORT_CONFIRM, key="ks_import_confirm")
        if st.button(ta.IMPORT_BUTTON, key="ks_import_go", disabled=not confirmed, type="primary"):
            new_id = assessment_io.import_assessment(bank, data, filename=upload.name)
            form.set_current(storage.get_assessment(new_id))
            st.session_state[IMPORT_MESSAGE] = ta.import_done(
                coalition=incoming.coalition, day=incoming.assessment_date, n_answers=len(incoming.answers))
            st.session_state[IMPORT_ROUND] = upload_round + 1
            st.rerun()
    except assessment_io.AssessmentImportError as exc:
        st.error(ta.IMPORT_FAILED + "\n\n" + "\n".join(f"- {ta.import_problem(p)}" for p in exc.problems))
    except storage.StorageError as exc:
        st.error(f"{ta.IMPORT_FAILED} {ta.storage_error(exc.kind)}")
