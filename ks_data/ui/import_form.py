"""The import step's forms on the Data page: what each column means, the definition variant, the check report."""

from __future__ import annotations

import streamlit as st

from ks_data.perinatal import data_views
from ks_data.perinatal import schema as perinatal_schema
from ks_data.perinatal.dataset import ImportDraft
from ks_data.perinatal.mapping import ROLES, VALUE_ROLES, Mapping
from ks_data.perinatal.reader import LoadResult
from ks_data.perinatal.views import file_name
from ks_data.texts import perinatal_data as td
from ks_data.ui import blocks


def check_report(result: LoadResult, *, key: str) -> None:
    """The check report: a wrapping table (row and column as the file numbers them) and its download."""
    report = result.report_text()
    if report.empty:
        st.write(td.REPORT_NO_ISSUES)
        return
    st.table(report, hide_index=True)
    blocks.csv_download(result.report(), file_name=file_name("check_report", synthetic=False), key=key)


def mapping_form(draft: ImportDraft, key: str) -> Mapping:
    """Step 2 and 3: a selectbox per column (and per long-format indicator), the definition variant."""
    table, proposed = draft.table, draft.mapping
    st.subheader(td.STEP_COLUMNS)
    st.caption(td.COLUMNS_NOTE)
    if draft.remembered:
        st.info(td.MAPPING_REMEMBERED, icon=":material/history:")
    roles = []
    grid = st.columns(3)
    for i, header in enumerate(table.headers):
        roles.append(grid[i % 3].selectbox(header or "–", ROLES, index=ROLES.index(proposed.roles[i]),
                                           format_func=data_views.role_label, key=f"{key}_col_{i}",
                                           help=data_views.column_examples(table, i)))
    indicators = []
    if "indicator" in roles and "value" in roles and proposed.indicators:
        st.markdown(td.INDICATORS_NOTE)
        grid = st.columns(3)
        for j, (pair, role) in enumerate(proposed.indicators):
            chosen = grid[j % 3].selectbox(data_views.indicator_label(pair), VALUE_ROLES,
                                           index=VALUE_ROLES.index(role), format_func=data_views.role_label,
                                           key=f"{key}_ind_{j}")
            indicators.append((pair, chosen))
    mapping = Mapping(tuple(roles), tuple(indicators), proposed.big2_weeks, proposed.mortality_weeks)
    st.subheader(td.STEP_VARIANT)
    weeks = list(perinatal_schema.WEEKS)
    left, right = st.columns(2)
    big2 = left.radio(td.VARIANT_BIG2, weeks, index=weeks.index(proposed.big2_weeks), key=f"{key}_big2_weeks",
                      format_func=data_views.weeks_labels("big2").get,
                      disabled=not data_views.uses_variant(mapping, "big2"))
    mortality = right.radio(td.VARIANT_MORTALITY, weeks, index=weeks.index(proposed.mortality_weeks),
                            key=f"{key}_mortality_weeks", format_func=data_views.weeks_labels("mortality").get,
                            disabled=not data_views.uses_variant(mapping, "mortality"))
    right.caption(td.VARIANT_DAYS_NOTE)
    return Mapping(mapping.roles, mapping.indicators, big2, mortality)
