"""Row checks of user perinatal files: consistency between columns, duplicates, known area codes.

Used by ``perinatal.reader.read_perinatal_file`` after every cell has been parsed.
"""

from __future__ import annotations

import pandas as pd

from ks_data.core.validation import Problem
from ks_data.perinatal import schema as ps
from ks_data.texts import perinatal as tp
from ks_data.texts.common import fmt_number

PCT_TOLERANCE = 0.15  # percentage points; published percentages are rounded to one decimal


def check_rows(frame: pd.DataFrame, name: str, found: dict[str, int], headers: list[str],
               known_gemeenten: set[str] | None, pc4_gemeente: dict[str, str] | None) -> list[Problem]:
    """Issues for parsed rows: events > births (error), Big2 outside [max(preterm, SGA), preterm + SGA]
    (warning), 28-day below 7-day deaths (warning), percentages off the counts (warning), duplicate
    area+period (error), unknown gemeente code (error), unknown PC4 (warning)."""
    issues: list[Problem] = []

    def header(column: str) -> str:
        return headers[found[column]] if column in found else tp.COLUMN_LABELS[column]

    def val(row: pd.Series, column: str):
        value = row.get(column)
        return None if value is None or pd.isna(value) else value

    first_seen: dict[tuple, int] = {}
    for _, row in frame.iterrows():
        r = int(row["_row"])
        births = val(row, "births")
        for column in ps.EVENT_COLUMNS:
            count = val(row, column)
            if count is not None and births is not None and count > births:
                issues.append(Problem(name, tp.EVENTS_EXCEED_BIRTHS.format(
                    events=tp.COLUMN_LABELS[column], count=fmt_number(count), births=fmt_number(births)), row=r,
                    column=header(column)))
        big2, pre, sga = val(row, "big2"), val(row, "preterm"), val(row, "sga")
        if None not in (big2, pre, sga) and not max(pre, sga) <= big2 <= pre + sga:
            issues.append(Problem(name, tp.BIG2_INCONSISTENT.format(
                big2=fmt_number(big2), preterm=fmt_number(pre), sga=fmt_number(sga), low=fmt_number(max(pre, sga)),
                high=fmt_number(pre + sga)), severity="warning", row=r, column=header("big2")))
        d7, d28 = val(row, "perinatal_deaths"), val(row, "perinatal_deaths_28d")
        if d7 is not None and d28 is not None and d28 < d7:
            issues.append(Problem(name, tp.DEATHS_28_BELOW_7.format(d28=fmt_number(d28), d7=fmt_number(d7)),
                                severity="warning", row=r,
                                column=header("perinatal_deaths_28d")))
        for pct_col, count_col in ps.PCT_COLUMNS.items():
            pct, count = val(row, pct_col), val(row, count_col)
            if pct is not None and count is not None and births:
                computed = 100 * count / births
                if abs(computed - pct) > PCT_TOLERANCE:
                    issues.append(Problem(name, tp.PCT_MISMATCH.format(pct=str(pct).replace(".", ","),
                                        computed=f"{computed:.1f}".replace(".", ",")), severity="warning",
                                        row=r, column=header(pct_col)))
        key = (row["level"], row.get("area_code"), row.get("period"))
        if key in first_seen:
            issues.append(Problem(name, tp.DUPLICATE_AREA.format(code=key[1], period=key[2], other=first_seen[key]),
                                row=r, column=header("area_code")))
        else:
            first_seen[key] = r
        code = row.get("area_code")
        if row["level"] == "gemeente" and known_gemeenten is not None and code not in known_gemeenten:
            issues.append(Problem(name, tp.UNKNOWN_GEMEENTE.format(code=code), row=r, column=header("area_code")))
        if row["level"] == "pc4" and pc4_gemeente is not None and code not in pc4_gemeente:
            issues.append(Problem(name, tp.UNKNOWN_PC4.format(code=code), severity="warning", row=r,
                                column=header("area_code")))
    if known_gemeenten is None or pc4_gemeente is None:
        issues.append(Problem(name, tp.NO_GEO_CHECK, severity="warning"))
    return issues
