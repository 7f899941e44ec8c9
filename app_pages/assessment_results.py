"""Results of a self-assessment: scores, radar and bar chart, ranking, notes, history, comparison, export, import."""

from functools import partial

import streamlit as st

from ks_data.assessment import scoring as assessment_scoring
from ks_data.assessment import transfer as assessment_io
from ks_data.assessment import views as assessment_tables
from ks_data.charts import assessment as charts
from ks_data.reports import assessment as report
from ks_data.storage import assessments as storage_assessments
from ks_data.storage.db import StorageError
from ks_data.texts import assessment as ta
from ks_data.texts import storage as ts
from ks_data.texts import workshop as tw
from ks_data.ui import assessment_form as form
from ks_data.ui import assessment_session as session
from ks_data.ui import blocks, presentation, state, workspace

URL_BEFORE, URL_AFTER = "eerder", "later"  # the compared moments (assessment ids), so a link shows the comparison
IMPORT_MESSAGE = "ks_import_message"
IMPORT_ROUND = "ks_import_round"  # bumped after an import so the uploader starts empty


def _part_scores(part, frame, *, record, who: str, stem: str, scale: float) -> None:
    """Radar and ranked bars of one part, each with explanation, source, table alternative and CSV."""
    source = ta.self_source(who=who, section=part.source_section)
    scores = assessment_tables.score_list(frame["short_title"], frame["score"])
    ranking = assessment_tables.ranking_data(frame)
    radar_col, bar_col = st.columns(2)
    with radar_col:
        blocks.chart_with_source(
            partial(charts.radar_chart, frame, scale=scale), assessment_tables.scores_data(frame, record=record),
            source=source, file_name=f"{stem}_{part.id}_scores.csv", key=f"ks_dl_radar_{part.id}",
            alt_text=ta.radar_alt(part=part.title, who=who, scores=scores),
            explanation=ta.scores_explanation(part=part.title, who=who), table=assessment_tables.score_table(frame))
    with bar_col:
        st.markdown(f"**{ta.RANKING_HEADER}**")
        blocks.chart_with_source(
            partial(charts.bar_chart, frame, scale=scale), ranking, source=source,
            file_name=f"{stem}_{part.id}_rangorde.csv", key=f"ks_dl_bars_{part.id}",
            alt_text=ta.bar_alt(part=part.title, who=who, scores=assessment_tables.score_list(
                ranking[ta.COLUMN_ELEMENT], ranking[ta.COLUMN_SCORE])), table=assessment_tables.ranking_table(frame))
        st.markdown("  \n".join(assessment_tables.ranking_lines(frame)))


def _comparison(bank, history: list[storage_assessments.AssessmentSummary], *, coalition: str, stem: str,
                scale: float) -> None:
    """Two moments of one coalition, chosen by link (?eerder=&later=): radar and dumbbell with the change."""
    by_id = {str(s.id): s for s in history}
    ids = list(by_id)
    left, right = st.columns(2)
    before = by_id[state.url_widget(left.selectbox, ta.COMPARE_BEFORE, ids, param=URL_BEFORE, default=ids[1],
                                    format_func=lambda i: assessment_tables.summary_label(by_id[i]))]
    after = by_id[state.url_widget(right.selectbox, ta.COMPARE_AFTER, ids, param=URL_AFTER, default=ids[0],
                                   format_func=lambda i: assessment_tables.summary_label(by_id[i]))]
    before_label, after_label = assessment_tables.moment_labels(before, after)
    part = bank.parts[0]
    earlier = storage_assessments.get_assessment(before.id, workspace=scope).answers
    later = storage_assessments.get_assessment(after.id, workspace=scope).answers
    comparison = assessment_scoring.compare_answers(bank, earlier, later, part=part.id)
    labels = {"before_label": before_label, "after_label": after_label}
    data = assessment_tables.comparison_data(comparison, **labels)
    table = assessment_tables.comparison_table(comparison, **labels)
    common = {"source": ta.self_source(who=coalition, section=part.source_section), "table": table,
              "explanation": ta.comparison_explanation(coalition=coalition, before=before_label, after=after_label)}
    changes = assessment_tables.change_list(comparison)
    radar_col, dumbbell_col = st.columns(2)
    for column, kind, chart, name in (
        (radar_col, ta.COMPARE_RADAR, partial(charts.comparison_radar, comparison, **labels, scale=scale), "radar"),
        (dumbbell_col, ta.COMPARE_DUMBBELL, partial(charts.comparison_chart, comparison, **labels, scale=scale),
         "punten"),
    ):
        with column:
            blocks.chart_with_source(
                chart, data, file_name=f"{stem}_vergelijking_{name}.csv", key=f"ks_dl_cmp_{name}",
                alt_text=ta.comparison_alt(kind=kind, coalition=coalition, before=before_label, after=after_label,
                                           changes=changes), **common)


st.title(ta.RESULTS_TITLE)
st.caption(ta.RESULTS_INTRO)

bank = form.item_bank_or_stop()
scope = workspace.require()  # hosted: a coalition's own workspace must be open
try:
    saved = storage_assessments.list_assessments(workspace=scope)
except StorageError as exc:
    st.error(ts.storage_error(exc.kind))
    st.stop()
record = session.current_record()
form.show_storage_error()


if saved:
    ids = [s.id for s in saved]
    if record is None or record.id not in ids:  # nothing open: the latest of the chosen gemeente, else the newest
        linked = storage_assessments.latest_for_gemeente(*session.shared_gemeente(), workspace=scope)
        session.set_current(linked or storage_assessments.get_assessment(ids[0], workspace=scope))
        record = session.current_record()
    pick_key = f"ks_results_pick_{record.id}"  # a new widget whenever the open assessment changes
    st.selectbox(ta.PICK_ASSESSMENT, saved, index=ids.index(record.id), format_func=assessment_tables.summary_label,
                 key=pick_key, on_change=session.open_selected, args=(pick_key,))
else:
    st.info(ta.NO_ASSESSMENT)
if message := st.session_state.pop(IMPORT_MESSAGE, None):
    st.success(message)


if record is not None:
    scale = presentation.chart_scale()
    who = ta.who_and_when(coalition=record.coalition, gemeente=record.gemeente, day=record.assessment_date)
    if record.workshop_code:
        st.caption(tw.origin_note(workshop_code=record.workshop_code, n_participants=record.n_participants))
    stem = assessment_io.export_stem(record)
    st.header(ta.SCORES_HEADER)
    for part in bank.parts:
        frame = assessment_scoring.part_scores(bank, record.answers, part=part.id)
        st.subheader(part.title)
        st.caption(ta.source_ref(part.source_section))
        if not assessment_scoring.is_scored(frame):
            st.caption(ta.PART_NOT_SCORED)
            continue
        _part_scores(part, frame, record=record, who=who, stem=stem, scale=scale)

    st.header(ta.NOTES_RESULTS_HEADER)
    notes = assessment_tables.notes_markdown(bank, record)
    if not notes:
        st.caption(ta.NO_NOTES)
    for block in notes:
        st.markdown(block)

    st.header(ta.HISTORY_HEADER)
    try:
        history = storage_assessments.list_assessments(coalition=record.coalition, workspace=scope)
        history_table = assessment_tables.history_table(history)
        st.dataframe(history_table, hide_index=True, width="stretch")
        blocks.csv_download(history_table, file_name=f"{stem}_{ta.HISTORY_FILE}.csv", key="ks_dl_history")
        st.subheader(ta.COMPARE_HEADER)
        if len(history) < 2:
            st.caption(ta.COMPARE_NEED_TWO)
        else:
            _comparison(bank, history, coalition=record.coalition, stem=stem, scale=scale)
    except StorageError as exc:
        st.error(ts.storage_error(exc.kind))

    st.header(ta.EXPORT_HEADER)
    st.caption(ta.EXPORT_ALL_NOTE)
    a, b, c = st.columns(3)
    # Written when clicked (deferred), not on every rerun; a download does not rerun the page.
    a.download_button(ta.EXPORT_CSV, partial(assessment_io.export_csv, bank, record), file_name=f"{stem}.csv",
                      mime="text/csv", key="ks_dl_csv", on_click="ignore")
    b.download_button(ta.EXPORT_JSON, partial(assessment_io.export_json, bank, record), file_name=f"{stem}.json",
                      mime="application/json", key="ks_dl_json", on_click="ignore")
    c.download_button(ta.EXPORT_REPORT, partial(report.report_html, bank, record), file_name=f"{stem}_rapport.html",
                      mime="text/html", key="ks_dl_report", help=ta.EXPORT_HELP, on_click="ignore")

st.header(ta.IMPORT_HEADER)
upload_round = st.session_state.get(IMPORT_ROUND, 0)
upload = st.file_uploader(ta.IMPORT_LABEL, type=["csv", "json"], key=f"ks_import_file_{upload_round}",
                          max_upload_size=assessment_io.MAX_IMPORT_BYTES // 1_000_000)
if upload is not None:
    data = upload.getvalue()
    try:
        incoming = assessment_io.parse_assessment_file(bank, data, filename=upload.name)
        exists = storage_assessments.find_assessment(coalition=incoming.coalition, gemeente=incoming.gemeente,
                                                     assessment_date=incoming.assessment_date,
                                                     workspace=scope) is not None
        if exists:
            st.warning(ta.IMPORT_OVERWRITE)
        confirmed = not exists or st.checkbox(ta.IMPORT_CONFIRM, key="ks_import_confirm")
        if st.button(ta.IMPORT_BUTTON, key="ks_import_go", disabled=not confirmed, type="primary"):
            new_id = storage_assessments.import_assessment(bank, data, filename=upload.name, workspace=scope)
            session.set_current(storage_assessments.get_assessment(new_id, workspace=scope))
            st.session_state[IMPORT_MESSAGE] = ta.import_done(
                coalition=incoming.coalition, day=incoming.assessment_date, n_answers=len(incoming.answers))
            st.session_state[IMPORT_ROUND] = upload_round + 1
            st.rerun()
    except assessment_io.AssessmentImportError as exc:
        st.error(ta.import_failed(exc.problems))
    except StorageError as exc:
        st.error(f"{ta.IMPORT_FAILED} {ts.storage_error(exc.kind)}")
