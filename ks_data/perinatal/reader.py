"""Read and validate user perinatal files (Perined / waarstaatjegemeente exports; CSV or Excel).

``read_perinatal_file`` never raises on bad content: it returns a ``LoadResult`` with every problem as
a ``core.validation.Problem`` (file, row as numbered in the file, column header, Dutch message). Only a result without
errors carries a frame. See ``perinatal.schema`` for the columns and ``perinatal.cells`` for the cells.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from ks_data.perinatal import cells
from ks_data.perinatal import schema as ps
from ks_data.core.export import neutralise_formulas
from ks_data.core.validation import Problem
from ks_data.perinatal.checks import check_rows
from ks_data.texts import perinatal as tp

MAX_UPLOAD_MB = 20
MAX_UPLOAD_BYTES = MAX_UPLOAD_MB * 1024 * 1024
CSV_SUFFIXES = (".csv", ".txt", ".tsv")
EXCEL_SUFFIXES = (".xlsx", ".xlsm")
ENCODINGS = ("utf-8-sig", "cp1252")
HEADER_SEARCH_ROWS = 10


@dataclass(frozen=True)
class LoadResult:
    """Outcome of reading one file: the tidy frame (None when rejected) and all issues."""

    filename: str
    frame: pd.DataFrame | None
    issues: tuple[Problem, ...] = field(default_factory=tuple)

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(i for i in self.issues if i.severity == "error")

    @property
    def ok(self) -> bool:
        return self.frame is not None and not self.errors

    def report(self) -> pd.DataFrame:
        """Issues as a Dutch table (soort, rij, kolom, melding)."""
        rows = [{"severity": tp.SEVERITY[i.severity], "row": i.row, "column": i.column, "message": i.message}
                for i in self.issues]
        frame = pd.DataFrame(rows, columns=list(tp.REPORT_COLUMNS)).astype({"row": "Int64"})
        # column headers come from the user's file; st.dataframe's own CSV download does not neutralise them
        return neutralise_formulas(frame).rename(columns=tp.REPORT_COLUMNS)


def too_large(filename: str, *, size: int, max_bytes: int = MAX_UPLOAD_BYTES) -> LoadResult:
    """The rejection of a file above the size cap (Dutch message with both sizes in MB)."""
    issue = Problem(filename, tp.FILE_TOO_LARGE.format(size=f"{size / 1048576:.1f}".replace(".", ","),
                                                    limit=max_bytes // 1048576))
    return LoadResult(filename, None, (issue,))


class _Rejected(Exception):
    def __init__(self, issue: Problem) -> None:
        super().__init__(issue.message)
        self.issue = issue


def _decode(content: bytes, filename: str) -> str:
    for encoding in ENCODINGS:
        try:
            return content.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise _Rejected(Problem(filename, tp.FILE_ENCODING))


def _read_raw(content: bytes, filename: str) -> pd.DataFrame:
    """All cells as text/objects, no header interpretation; the index is the 0-based file row."""
    suffix = Path(filename).suffix.lower()
    if not content.strip():
        raise _Rejected(Problem(filename, tp.FILE_EMPTY))
    if suffix == ".xls":
        raise _Rejected(Problem(filename, tp.FILE_OLD_EXCEL))
    if suffix in EXCEL_SUFFIXES:
        try:
            raw = pd.read_excel(io.BytesIO(content), header=None, dtype=object, sheet_name=0)
        except Exception:  # noqa: BLE001 - openpyxl raises many types for broken workbooks
            raise _Rejected(Problem(filename, tp.FILE_BAD_EXCEL)) from None
        raw.index = range(len(raw))
        return raw
    if suffix not in CSV_SUFFIXES:
        raise _Rejected(Problem(filename, tp.FILE_TYPE.format(suffix=suffix or "?")))
    text = _decode(content, filename)
    lines = [line for line in text.splitlines() if line.strip()][:HEADER_SEARCH_ROWS]
    sample = "\n".join(lines)
    separator = max((";", ",", "\t"), key=lambda s: sample.count(s))
    try:
        rows = list(csv.reader(io.StringIO(text), delimiter=separator))
    except csv.Error:
        raise _Rejected(Problem(filename, tp.FILE_BAD_CSV)) from None
    width = max((len(r) for r in rows), default=0)
    return pd.DataFrame([r + [""] * (width - len(r)) for r in rows], dtype=object)


def _find_header(raw: pd.DataFrame) -> tuple[int, dict[str, int], list[str]]:
    """The first row (within HEADER_SEARCH_ROWS) naming a code and a births column; title lines skipped."""
    best: tuple[int, dict[str, int], list[str]] | None = None
    for row in list(raw.index[:HEADER_SEARCH_ROWS]):
        headers = ["" if cells.is_blank(c) else str(c) for c in raw.loc[row].tolist()]
        found, unknown = ps.map_headers(headers)
        if "area_code" in found and "births" in found:
            return row, found, unknown
        if best is None and any(h.strip() for h in headers):
            best = (row, found, unknown)
    return best if best is not None else (0, {}, [])


def read_perinatal_file(
    content: bytes, filename: str, *, known_gemeenten: set[str] | None = None,
    pc4_gemeente: dict[str, str] | None = None, max_bytes: int = MAX_UPLOAD_BYTES,
) -> LoadResult:
    """Read, check and tidy one user file.

    Args:
        content: the raw bytes (upload or file on disk).
        filename: shown in every message; its suffix selects CSV or Excel.
        known_gemeenten: valid gemeente codes (CBS 2021 and 2023); None skips the check with a warning.
        pc4_gemeente: PC4 -> gemeentecode (2021); None skips the PC4 check with a warning.
        max_bytes: size cap.

    Returns:
        A LoadResult; ``frame`` has the columns of ``schema.empty_tidy()`` when ``ok``.
    """
    name = Path(filename).name
    if len(content) > max_bytes:
        return too_large(name, size=len(content), max_bytes=max_bytes)
    try:
        raw = _read_raw(content, name)
        header_row, found, unknown = _find_header(raw)
        headers = ["" if cells.is_blank(c) else str(c).strip() for c in raw.loc[header_row].tolist()]
        if sum(1 for h in headers if h) <= 1 and raw.shape[1] <= 1:
            raise _Rejected(Problem(name, tp.FILE_ONE_COLUMN.format(header=headers[0] if headers else "")))
    except _Rejected as rejected:
        return LoadResult(name, None, (rejected.issue,))
    issues: list[Problem] = []
    for column in ("period", "area_code", "births"):
        if column not in found:
            aliases = ", ".join(f"'{a}'" for a in ps.SPECS[column].aliases[:6])
            issues.append(Problem(name, tp.MISSING_COLUMN.format(column=tp.COLUMN_LABELS[column], aliases=aliases)))
    if not any(c in found for c in ps.EVENT_COLUMNS):
        issues.append(Problem(name, tp.NO_EVENT_COLUMN))
    if unknown:
        issues.append(Problem(name, tp.UNKNOWN_COLUMNS.format(columns=", ".join(unknown)), severity="warning"))
    if any(i.severity == "error" for i in issues):
        return LoadResult(name, None, tuple(issues))
    body = raw.loc[header_row + 1:]
    body = body[~body.apply(lambda r: all(cells.is_blank(c) for c in r), axis=1)]
    if body.empty:
        return LoadResult(name, None, tuple(issues) + (Problem(name, tp.FILE_NO_ROWS),))
    code_hint = ps.level_hint(headers[found["area_code"]])
    records = []
    for index, row_cells in body.iterrows():
        record, row_issues = _parse_row(row_cells.tolist(), found, headers, name, int(index) + 1, code_hint)
        issues += row_issues
        if record is not None:
            records.append(record)
    frame = pd.DataFrame.from_records(records) if records else None
    if frame is not None:
        issues += check_rows(frame, name, found, headers, known_gemeenten, pc4_gemeente)
    if any(i.severity == "error" for i in issues) or frame is None:
        return LoadResult(name, None, tuple(issues))
    return LoadResult(name, _tidy(frame, name, pc4_gemeente), tuple(issues))


# How an area code is read, by level (the level comes from a 'niveau' column, the code itself or its header).
_CODE_PARSERS: dict[str, Callable[[object], str]] = {
    "pc4": cells.parse_pc4, "gemeente": cells.parse_gemeentecode, "land": lambda _cell: "NL"}


def _parse_row(row_cells: list, found: dict[str, int], headers: list[str], name: str, row: int,
               code_hint: str | None) -> tuple[dict[str, object] | None, list[Problem]]:
    record: dict[str, object] = {"_row": row}
    issues: list[Problem] = []

    def cell(column: str) -> object:
        return row_cells[found[column]]

    def fail(column: str, code: str, value: object) -> None:
        issues.append(Problem(name, tp.CELL_MESSAGES[code].format(value=value), row=row,
                            column=headers[found[column]]))

    def parsed(column: str, parse: Callable[[object], object]) -> object:
        """The cell read by ``parse``; None, with the Dutch issue recorded, when it cannot be read."""
        try:
            return parse(cell(column))
        except cells.CellError as err:
            fail(column, err.code, err.value)
            return None

    for column in (*ps.COUNT_COLUMNS, *ps.PCT_COLUMNS):
        if column in found:
            record[column] = parsed(column, cells.parse_decimal if column in ps.PCT_COLUMNS else cells.parse_count)
    record["period"] = parsed("period", cells.parse_period)
    level = parsed("level", cells.parse_level) if "level" in found else None
    code = cell("area_code")
    if cells.is_blank(code):
        fail("area_code", "code_missing", code)
        return None, issues
    level = level or cells.infer_level(code, hint=code_hint)
    if level is None and "gemeentecode" in found:
        level = "pc4"
    if level in _CODE_PARSERS:
        record["area_code"] = parsed("area_code", _CODE_PARSERS[level])
    else:
        issues.append(Problem(name, tp.LEVEL_AMBIGUOUS.format(value=code), row=row,
                              column=headers[found["area_code"]]))
    record["level"] = level
    if "gemeentecode" in found and level == "pc4" and not cells.is_blank(cell("gemeentecode")):
        record["gemeentecode"] = parsed("gemeentecode", cells.parse_gemeentecode)
    if "area_name" in found and not cells.is_blank(cell("area_name")):
        record["area_name"] = str(cell("area_name")).strip()
    return (None if issues else record), issues


def _tidy(frame: pd.DataFrame, name: str, pc4_gemeente: dict[str, str] | None) -> pd.DataFrame:
    frame = frame.reset_index(drop=True)
    out = pd.DataFrame(index=frame.index)
    for column in ps.empty_tidy().columns:
        out[column] = frame[column] if column in frame.columns else pd.NA
    own = frame["area_code"].where(frame["level"] == "gemeente")
    lookup = frame["area_code"].map(pc4_gemeente or {}).where(frame["level"] == "pc4")
    out["gemeentecode"] = out["gemeentecode"].fillna(own).fillna(lookup)
    out["is_synthetic"] = False
    out["source"] = name
    for column in ps.COUNT_COLUMNS:
        out[column] = pd.to_numeric(out[column]).astype("Int64")
    for column in ("period", "level", "area_code", "area_name", "gemeentecode", "gemeentenaam", "source"):
        out[column] = out[column].astype("string")
    out["is_synthetic"] = out["is_synthetic"].astype(bool)
    return out
