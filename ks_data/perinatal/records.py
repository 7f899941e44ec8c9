"""One record per area and period from a mapped table: cells parsed, rates turned into counts, hidden cells kept.

A wide table gives a record per row; a long table (one row per area, period and indicator) a record per area
and period, gathered from its rows. Each value remembers where it came from (row, column) for the messages.
Rates become counts with the births of the record (rounded, flagged ``<event>_derived``); a count the source
hid ('<10', '.', empty) stays hidden (``<count>_censored``), also when the file publishes its rate.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

from ks_data.core.validation import Problem
from ks_data.perinatal import cells
from ks_data.perinatal import schema as ps
from ks_data.perinatal.mapping import Mapping, event_of, rate_per
from ks_data.perinatal.table import RawTable
from ks_data.texts import perinatal as tp

META_ROLES = ("area_code", "area_name", "level", "gemeentecode", "period")


@dataclass(frozen=True)
class Cell:
    """A cell with the place it came from: file row and column (the header, or 'Waarde (Big2 %)' when long)."""

    value: object
    row: int
    column: str


def wide_cells(table: RawTable, mapping: Mapping) -> list[tuple[int, dict[str, Cell]]]:
    """(row, role -> Cell) for every body row of a wide table."""
    used = [(i, r) for i, r in enumerate(mapping.roles) if r != "ignore" and i < len(table.headers)]
    return [(int(row), {role: Cell(values[i], int(row), table.headers[i]) for i, role in used})
            for row, values in table.body.iterrows()]


def long_cells(table: RawTable, mapping: Mapping, name: str) -> tuple[list[tuple[int, dict[str, Cell]]], list[Problem]]:
    """(first row, role -> Cell) per area and period of a long table; duplicate indicators are errors."""
    roles = dict(mapping.indicators)
    meta = [(i, r) for i, r in enumerate(mapping.roles) if r in META_ROLES]
    indicator, value, unit = (mapping.position(r) for r in ("indicator", "value", "unit"))
    value_header = table.headers[value]
    groups: dict[tuple, tuple[int, dict[str, Cell]]] = {}
    issues: list[Problem] = []
    for row, values in table.body.iterrows():
        row = int(row)
        key = indicator_key(values[indicator], None if unit is None else values[unit])
        role = roles.get(key, "ignore")
        if role == "ignore":
            continue
        area = tuple(str(values[i]).strip() if not cells.is_blank(values[i]) else "" for i, _ in meta)
        first, found = groups.setdefault(area, (row, {r: Cell(values[i], row, table.headers[i]) for i, r in meta}))
        column = tp.LONG_COLUMN.format(value=value_header, indicator=indicator_label(key))
        if role in found:
            issues.append(Problem(name, tp.LONG_DUPLICATE.format(indicator=key[0], other=found[role].row), row=row,
                                  column=column))
            continue
        found[role] = Cell(values[value], row, column)
    return list(groups.values()), issues


def indicator_key(indicator: object, unit: object) -> tuple[str, str]:
    """The (indicator text, unit text) a long-format row is mapped by."""
    return ("" if cells.is_blank(indicator) else str(indicator).strip(),
            "" if cells.is_blank(unit) else str(unit).strip())


def indicator_label(key: tuple[str, str]) -> str:
    """'Big2 (%)' for the long-format key ('Big2', '%'); the indicator alone without a unit."""
    return f"{key[0]} ({key[1]})" if key[1] else key[0]


# How an area code is read, by level (the level comes from a 'niveau' column, the code itself or its header).
_CODE_PARSERS: dict[str, Callable[[object], str]] = {
    "pc4": cells.parse_pc4, "gemeente": cells.parse_gemeentecode, "land": lambda _cell: "NL"}


def parse_record(found: dict[str, Cell], *, name: str, row: int, code_hint: str | None,
                 has_gemeentecode: bool) -> tuple[dict[str, object] | None, list[Problem]]:
    """A tidy record (plus ``_row``, ``_where`` and ``_rates`` for the checks) from the cells of one area and period.

    Returns None as record when any cell cannot be read; every problem is returned, not only the first.
    """
    record: dict[str, object] = {"_row": row, "_where": {}, "_rates": []}
    issues: list[Problem] = []

    def fail(cell: Cell, code: str) -> None:
        issues.append(Problem(name, tp.CELL_MESSAGES[code].format(value=cell.value), row=cell.row, column=cell.column))

    def parsed(role: str, parse: Callable[[object], object]) -> object:
        try:
            return parse(found[role].value)
        except cells.CellError as err:
            fail(found[role], err.code)
            return None

    record["period"] = parsed("period", cells.parse_period) if "period" in found else None
    level = parsed("level", cells.parse_level) if "level" in found else None
    code = found["area_code"]
    if cells.is_blank(code.value):
        fail(code, "code_missing")
        return None, issues
    level = level or cells.infer_level(code.value, hint=code_hint) or ("pc4" if has_gemeentecode else None)
    if level in _CODE_PARSERS:
        record["area_code"] = parsed("area_code", _CODE_PARSERS[level])
    else:
        issues.append(Problem(name, tp.LEVEL_AMBIGUOUS.format(value=code.value), row=code.row, column=code.column))
    record["level"] = level
    record["_where"]["area_code"] = (code.row, code.column)
    if "gemeentecode" in found and level == "pc4" and not cells.is_blank(found["gemeentecode"].value):
        record["gemeentecode"] = parsed("gemeentecode", cells.parse_gemeentecode)
    if "area_name" in found:
        record["area_name"] = cells.clean_name(found["area_name"].value)
    _births(found, record, fail)
    for event in ps.EVENT_COLUMNS:
        _event(event, found, record, fail)
    return (None if issues else record), issues


def _count_cell(cell: Cell, fail: Callable[[Cell, str], None]) -> tuple[int | None, cells.Censored | None]:
    """(count, censoring) of a count cell; (None, None) with the problem recorded when it cannot be read."""
    hidden = cells.censored(cell.value)
    if hidden is not None:
        return None, hidden
    try:
        return cells.parse_count(cell.value), None
    except cells.CellError as err:
        fail(cell, err.code)
        return None, None


def _births(found: dict[str, Cell], record: dict, fail: Callable[[Cell, str], None]) -> None:
    if "births" not in found:
        return
    count, hidden = _count_cell(found["births"], fail)
    record["births"] = count
    record[ps.censored_column("births")] = hidden.label if hidden else None
    record["_births_bound"] = hidden.bound if hidden else None
    record["_where"]["births"] = (found["births"].row, found["births"].column)


def _event(event: str, found: dict[str, Cell], record: dict, fail: Callable[[Cell, str], None]) -> None:
    """The count of one event: from its count cell, else derived from its rate and the births (rounded)."""
    rate_roles = [r for r in found if event_of(r) == event and rate_per(r)]
    if event in found:
        count, hidden = _count_cell(found[event], fail)
        record[event] = count
        record[ps.censored_column(event)] = hidden.label if hidden else None
        record["_where"][event] = (found[event].row, found[event].column)
    for role in rate_roles:
        cell = found[role]
        hidden = cells.censored(cell.value)
        try:
            rate = None if hidden is not None else cells.parse_rate(cell.value, per=rate_per(role))
        except cells.CellError as err:
            fail(cell, err.code)
            continue
        if event in found:  # the count wins; the rate is only checked against it
            if rate is not None:
                record["_rates"].append((event, rate, rate_per(role), (cell.row, cell.column)))
            continue
        if event in record:  # a second rate of the same event (% and per 1.000): checked like a count
            if rate is not None:
                record["_rates"].append((event, rate, rate_per(role), (cell.row, cell.column)))
            continue
        record["_where"][event] = (cell.row, cell.column)
        if hidden is not None:
            record[event], record[ps.censored_column(event)] = None, hidden.label
            continue
        births = record.get("births")
        record[event] = None if births is None else int(math.floor(rate.fraction * births + 0.5))
        record[ps.rate_column(event)] = rate.fraction
        record[ps.derived_column(event)] = True
