"""Read and validate user perinatal files (Perined / waarstaatjegemeente exports; CSV or Excel).

Three steps, each usable on its own (the Data page shows the result of each before the user confirms):
``table.read_table`` (which rows and columns), ``mapping.guess_mapping`` (what each column means) and
``apply_mapping`` (parse, derive counts from rates, check, tidy). ``read_perinatal_file`` runs all three with the
guessed mapping. Nothing here raises on bad content: a ``LoadResult`` carries every problem as a
``core.validation.Problem`` (file, row as numbered in the file, column header, Dutch message); only a result
without errors carries a frame.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from ks_data.core.export import neutralise_formulas
from ks_data.core.validation import Problem
from ks_data.perinatal import records as rec
from ks_data.perinatal import schema as ps
from ks_data.perinatal.cells import is_blank
from ks_data.perinatal.checks import check_records
from ks_data.perinatal.mapping import LONG_ROLES, Mapping, event_of, guess_indicators, guess_mapping, rate_per
from ks_data.perinatal.table import (CSV_SUFFIXES, EXCEL_SUFFIXES, MAX_UPLOAD_BYTES, MAX_UPLOAD_MB,  # noqa: F401
                                     RawTable, TableRejected, read_table)
from ks_data.texts import perinatal as tp
from ks_data.texts.perinatal_data import ROLE_LABELS


@dataclass(frozen=True)
class LoadResult:
    """Outcome of reading one file: the tidy frame (None when rejected), all issues, and how it was read."""

    filename: str
    frame: pd.DataFrame | None
    issues: tuple[Problem, ...] = field(default_factory=tuple)
    mapping: Mapping | None = None
    table: RawTable | None = None

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(i for i in self.issues if i.severity == "error")

    @property
    def warnings(self) -> tuple[Problem, ...]:
        return tuple(i for i in self.issues if i.severity == "warning")

    @property
    def ok(self) -> bool:
        return self.frame is not None and not self.errors

    def report(self) -> pd.DataFrame:
        """Issues as a Dutch table (soort, rij, kolom, melding): row a whole number or empty, never 'None'."""
        rows = [{"severity": tp.SEVERITY.get(i.severity, i.severity), "row": i.row, "column": i.column or "",
                 "message": i.message} for i in self.issues]
        frame = pd.DataFrame(rows, columns=list(tp.REPORT_COLUMNS)).astype({"row": "Int64"})
        # column headers come from the user's file; st.dataframe's own CSV download does not neutralise them
        return neutralise_formulas(frame).rename(columns=tp.REPORT_COLUMNS)

    def report_text(self) -> pd.DataFrame:
        """:meth:`report` for the screen: every cell text, the row a number or empty (a wrapping table)."""
        frame = self.report()
        row = tp.REPORT_COLUMNS["row"]
        frame[row] = [str(int(r)) if pd.notna(r) else "" for r in frame[row].tolist()]
        return frame


def too_large(filename: str, *, size: int, max_bytes: int = MAX_UPLOAD_BYTES) -> LoadResult:
    """The rejection of a file above the size cap (Dutch message with both sizes in MB)."""
    issue = Problem(filename, tp.FILE_TOO_LARGE.format(size=f"{size / 1048576:.1f}".replace(".", ","),
                                                       limit=max_bytes // 1048576))
    return LoadResult(filename, None, (issue,))


def suggest_mapping(table: RawTable) -> Mapping:
    """The guessed mapping of a table, with the indicators of a long-format file."""
    mapping = guess_mapping(list(table.headers), table.sample())
    if mapping.layout != "long":
        return mapping
    indicator, unit = mapping.position("indicator"), mapping.position("unit")
    pairs = list(dict.fromkeys(rec.indicator_key(r[indicator], None if unit is None else r[unit])
                               for r in table.body.to_numpy(dtype=object).tolist()))
    return Mapping(mapping.roles, guess_indicators(pairs), mapping.big2_weeks, mapping.mortality_weeks)


def read_perinatal_file(
    content: bytes, filename: str, *, known_gemeenten: set[str] | None = None,
    pc4_gemeente: dict[str, str] | None = None, max_bytes: int = MAX_UPLOAD_BYTES, sheet: str | None = None,
    mapping: Mapping | None = None,
) -> LoadResult:
    """Read, check and tidy one user file with ``mapping`` (default: the guessed one).

    Args:
        content: the raw bytes (upload or file on disk).
        filename: shown in every message; its suffix selects CSV or Excel.
        known_gemeenten: valid gemeente codes (CBS 2021 and 2023); None skips the check with a warning.
        pc4_gemeente: PC4 -> gemeentecode (2021); None skips the PC4 check with a warning.
        max_bytes: size cap.
        sheet: the sheet of a workbook (default: the one that looks most like a table of figures).
        mapping: the meaning of each column, as confirmed by the user.

    Returns:
        A LoadResult; ``frame`` has the columns of ``schema.empty_tidy()`` when ``ok``.
    """
    name = Path(filename).name
    try:
        table = read_table(content, name, sheet=sheet, max_bytes=max_bytes)
    except TableRejected as rejected:
        return LoadResult(name, None, (rejected.problem,))
    if mapping is None or len(mapping.roles) != len(table.headers):
        mapping = suggest_mapping(table)
    return apply_mapping(table, mapping, known_gemeenten=known_gemeenten, pc4_gemeente=pc4_gemeente)


def _column_issues(table: RawTable, mapping: Mapping, name: str) -> list[Problem]:
    """Problems of the mapping as a whole: required items missing, rates without births, no outcome."""
    roles = set(mapping.roles) | ({r for _, r in mapping.indicators} if mapping.layout == "long" else set())
    issues = []
    for column in ("period", "area_code"):
        if column not in roles:
            aliases = ", ".join(f"'{a}'" for a in ps.SPECS[column].aliases[:6])
            issues.append(Problem(name, tp.MISSING_COLUMN.format(column=tp.COLUMN_LABELS[column], aliases=aliases)))
    rates = [r for r in roles if rate_per(r)]
    events = [r for r in roles if event_of(r)]
    if "births" not in roles and rates:
        issues.append(Problem(name, tp.RATES_WITHOUT_BIRTHS.format(columns=", ".join(_labels(table, mapping, rates)))))
    elif "births" not in roles:
        aliases = ", ".join(f"'{a}'" for a in ps.SPECS["births"].aliases[:6])
        issues.append(Problem(name, tp.MISSING_COLUMN.format(column=tp.COLUMN_LABELS["births"], aliases=aliases)))
    if not events:
        issues.append(Problem(name, tp.NO_EVENT_LONG if mapping.layout == "long" else tp.NO_EVENT_COLUMN))
    for role in dict.fromkeys(r for r in mapping.roles if r != "ignore" and mapping.roles.count(r) > 1):
        columns = ", ".join(f"'{h}'" for h, r in zip(table.headers, mapping.roles) if r == role)
        issues.append(Problem(name, tp.DUPLICATE_ROLE.format(role=ROLE_LABELS.get(role, role), columns=columns)))
    if "value" in mapping.roles and "indicator" not in mapping.roles:
        issues.append(Problem(name, tp.VALUE_WITHOUT_INDICATOR))
    unused = [h for h, r in zip(table.headers, mapping.roles) if r == "ignore" and h]
    if unused:
        issues.append(Problem(name, tp.UNKNOWN_COLUMNS.format(columns=", ".join(unused)), severity="warning"))
    if mapping.layout == "long":
        unknown = [rec.indicator_label(key) for key, role in mapping.indicators if role == "ignore" and key[0]]
        if unknown:
            issues.append(Problem(name, tp.UNKNOWN_INDICATORS.format(indicators=", ".join(unknown)),
                                  severity="warning"))
    if table.skipped:
        lines = "; ".join(f"{row}: '{text[:60]}'" for row, text in table.skipped[:4])
        issues.append(Problem(name, tp.LINES_SKIPPED.format(lines=lines, n=len(table.skipped)), severity="info"))
    return issues


def _labels(table: RawTable, mapping: Mapping, roles: list[str]) -> list[str]:
    """The headers (wide) or indicator names (long) holding ``roles``."""
    labels = [h for h, r in zip(table.headers, mapping.roles) if r in roles]
    labels += [rec.indicator_label(key) for key, r in mapping.indicators if r in roles]
    return [f"'{label}'" for label in labels]


def apply_mapping(table: RawTable, mapping: Mapping, *, known_gemeenten: set[str] | None = None,
                  pc4_gemeente: dict[str, str] | None = None) -> LoadResult:
    """Parse every record of ``table`` as ``mapping`` says, check it and return the tidy result."""
    name = table.filename
    issues = _column_issues(table, mapping, name)
    if any(i.severity == "error" for i in issues):
        return LoadResult(name, None, tuple(issues), mapping, table)
    if table.body.empty:
        return LoadResult(name, None, (*issues, Problem(name, tp.FILE_NO_ROWS)), mapping, table)
    if mapping.layout == "long":
        groups, long_issues = rec.long_cells(table, mapping, name)
        issues += long_issues
    else:
        groups = rec.wide_cells(table, mapping)
    code_position = mapping.position("area_code")
    code_hint = ps.level_hint(table.headers[code_position]) if code_position is not None else None
    records = []
    for row, found in groups:
        if sum(1 for r in found if r not in LONG_ROLES and not _blank(found[r])) <= 1 and mapping.layout == "wide":
            issues.append(Problem(name, tp.ROW_SKIPPED.format(text=_first_text(found)), row=row, severity="info"))
            continue
        record, row_issues = rec.parse_record(found, name=name, row=row, code_hint=code_hint,
                                              has_gemeentecode="gemeentecode" in mapping.roles)
        issues += row_issues
        if record is not None:
            records.append(record)
    if records:
        issues += check_records(records, name, known_gemeenten, pc4_gemeente)
    if any(i.severity == "error" for i in issues) or not records:
        if not records and not any(i.severity == "error" for i in issues):
            issues.append(Problem(name, tp.FILE_NO_ROWS))
        return LoadResult(name, None, tuple(issues), mapping, table)
    return LoadResult(name, _tidy(records, name, pc4_gemeente, mapping), tuple(issues), mapping, table)


def _blank(cell: rec.Cell) -> bool:
    return is_blank(cell.value)


def _first_text(found: dict[str, rec.Cell]) -> str:
    return next((str(c.value).strip() for c in found.values() if not _blank(c)), "")[:60]


def _tidy(records: list[dict], name: str, pc4_gemeente: dict[str, str] | None, mapping: Mapping) -> pd.DataFrame:
    frame = pd.DataFrame.from_records([{k: v for k, v in r.items() if not k.startswith("_")} for r in records])
    out = ps.with_defaults(frame.reindex(columns=[c for c in ps.empty_tidy().columns if c in frame.columns]))
    out = out[list(ps.empty_tidy().columns)]
    own = out["area_code"].where(out["level"] == "gemeente").astype("string")
    lookup = out["area_code"].map(pc4_gemeente or {}).where(out["level"] == "pc4").astype("string")
    out["gemeentecode"] = out["gemeentecode"].astype("string").fillna(own).fillna(lookup)
    out["area_name"] = out["area_name"].where(out["level"] != "land", tp.SERIES_NATIONAL)
    out["is_synthetic"] = False
    out["source"] = name
    out["big2_weeks"], out["mortality_weeks"] = mapping.big2_weeks, mapping.mortality_weeks
    return ps.with_defaults(_types(out))


def _types(out: pd.DataFrame) -> pd.DataFrame:
    for column in ps.COUNT_COLUMNS:
        out[column] = pd.to_numeric(out[column]).astype("Int64")
        out[ps.censored_column(column)] = out[ps.censored_column(column)].astype("string")
    for column in ps.EVENT_COLUMNS:
        out[ps.rate_column(column)] = pd.to_numeric(out[ps.rate_column(column)]).astype("Float64")
    for column in (*ps.TEXT_COLUMNS, "source"):
        out[column] = out[column].astype("string")
    for column in ("big2_weeks", "mortality_weeks"):
        out[column] = out[column].astype("Int64")
    return out
