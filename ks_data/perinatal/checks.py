"""Row checks of user perinatal files: consistency between columns, counts against rates, duplicates, known codes.

Used by ``perinatal.reader.apply_mapping`` after every cell has been parsed into records (``perinatal.records``);
each record says where its values came from (``_where``: column -> (row, column header)).
"""

from __future__ import annotations

from ks_data.core.validation import Problem
from ks_data.perinatal import schema as ps
from ks_data.texts import common as tc
from ks_data.texts import perinatal as tp


def _fmt_rate(value: float, decimals: int) -> str:
    return tc.fmt_number(value, decimals=decimals)


def check_records(records: list[dict], name: str, known_gemeenten: set[str] | None,
                  pc4_gemeente: dict[str, str] | None) -> list[Problem]:
    """Issues for parsed records: events > births (error), Big2 outside [max(preterm, SGA), preterm + SGA]
    (warning), 28-day below 7-day deaths (warning), a count and its published rate disagreeing beyond rounding
    (warning), duplicate area+period (error), unknown gemeente code (error), unknown PC4 (warning)."""
    issues: list[Problem] = []
    first_seen: dict[tuple, int] = {}
    for record in records:
        where = record["_where"]

        def at(column: str, message: str, severity: str = "error") -> None:
            row, header = where.get(column, (record["_row"], tp.COLUMN_LABELS.get(column, column)))
            issues.append(Problem(name, message, row=row, column=header, severity=severity))

        births, bound = record.get("births"), record.get("_births_bound")
        for column in ps.EVENT_COLUMNS:
            count = record.get(column)
            ceiling = births if births is not None else bound
            if count is not None and ceiling is not None and count > ceiling:
                shown = tc.fmt_number(births) if births is not None else record[ps.censored_column("births")]
                at(column, tp.EVENTS_EXCEED_BIRTHS.format(events=tp.COLUMN_LABELS[column], count=tc.fmt_number(count),
                                                          births=shown))
        big2, pre, sga = record.get("big2"), record.get("preterm"), record.get("sga")
        if None not in (big2, pre, sga) and not max(pre, sga) <= big2 <= pre + sga:
            at("big2", tp.BIG2_INCONSISTENT.format(
                big2=tc.fmt_number(big2), preterm=tc.fmt_number(pre), sga=tc.fmt_number(sga),
                low=tc.fmt_number(max(pre, sga)), high=tc.fmt_number(pre + sga)), "warning")
        d7, d28 = record.get("perinatal_deaths"), record.get("perinatal_deaths_28d")
        if d7 is not None and d28 is not None and d28 < d7:
            at("perinatal_deaths_28d", tp.DEATHS_28_BELOW_7.format(d28=tc.fmt_number(d28), d7=tc.fmt_number(d7)),
               "warning")
        issues += _rate_checks(record, name)
        key = (record["level"], record.get("area_code"), record.get("period"))
        if key in first_seen:
            at("area_code", tp.DUPLICATE_AREA.format(code=key[1], period=key[2], other=first_seen[key]))
        else:
            first_seen[key] = record["_row"]
        code = record.get("area_code")
        if record["level"] == "gemeente" and known_gemeenten is not None and code not in known_gemeenten:
            at("area_code", tp.UNKNOWN_GEMEENTE.format(code=code))
        if record["level"] == "pc4" and pc4_gemeente is not None and code not in pc4_gemeente:
            at("area_code", tp.UNKNOWN_PC4.format(code=code), "warning")
    if known_gemeenten is None or pc4_gemeente is None:
        issues.append(Problem(name, tp.NO_GEO_CHECK, severity="warning"))
    return issues


def _rate_checks(record: dict, name: str) -> list[Problem]:
    """A count and a published rate of the same event that disagree by more than the rate's rounding."""
    issues = []
    for event, rate, per, (row, column) in record["_rates"]:
        count, births = record.get(event), record.get("births")
        if count is None or not births:
            continue
        computed = count / births
        tolerance = 0.5 * 10 ** -rate.decimals / per + 1e-9
        if abs(computed - rate.fraction) > tolerance:
            issues.append(Problem(name, tp.RATE_MISMATCH.format(
                rate=_fmt_rate(rate.fraction * per, rate.decimals), unit=tp.RATE_UNITS[per],
                count=tc.fmt_number(count), births=tc.fmt_number(births),
                computed=_fmt_rate(computed * per, max(rate.decimals, 1))), severity="warning", row=row, column=column))
    return issues
