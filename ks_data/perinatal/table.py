"""A user file as a table: CSV or Excel (which sheet), the header row below title lines, footnotes below it.

``read_table`` never interprets cells: it returns the header texts and the body rows (numbered as in the file,
header = row 1 of the table when it is the first line) for ``perinatal.mapping`` to recognise and
``perinatal.reader`` to parse. A file that is no table at all raises ``TableRejected`` with a Dutch message.
"""

from __future__ import annotations

import csv
import io
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from ks_data.core.validation import Problem
from ks_data.perinatal import cells
from ks_data.perinatal.mapping import header_score
from ks_data.texts import perinatal as tp

MAX_UPLOAD_MB = 20
MAX_UPLOAD_BYTES = MAX_UPLOAD_MB * 1024 * 1024
CSV_SUFFIXES = (".csv", ".txt", ".tsv")
EXCEL_SUFFIXES = (".xlsx", ".xlsm")
ENCODINGS = ("utf-8-sig", "cp1252")
HEADER_SEARCH_ROWS = 15
SEPARATORS = (";", ",", "\t")


class TableRejected(Exception):
    """The file cannot be read as a table; ``problem`` says why (Dutch)."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.message)
        self.problem = problem


@dataclass(frozen=True)
class RawTable:
    """The cells of one sheet: ``headers`` and ``body`` (index = row number in the file, 1-based; columns
    0..n-1), the ``sheets`` of a workbook and the chosen ``sheet``, and the title/footnote lines skipped."""

    filename: str
    headers: tuple[str, ...]
    body: pd.DataFrame
    header_row: int
    sheets: tuple[str, ...] = ()
    sheet: str | None = None
    skipped: tuple[tuple[int, str], ...] = field(default=())

    def sample(self, rows: int = 30) -> list[list[object]]:
        """The first ``rows`` body rows as lists (for guessing what each column holds)."""
        return self.body.head(rows).to_numpy(dtype=object).tolist()

    def preview(self, rows: int = 8) -> pd.DataFrame:
        """The first ``rows`` body rows as text under the file's own headers (made unique), as the file shows them."""
        names, seen = [], {}
        for header in self.headers:
            base = header or "–"
            seen[base] = seen.get(base, 0) + 1
            names.append(base if seen[base] == 1 else f"{base} ({seen[base]})")
        shown = self.body.head(rows).map(lambda c: "" if c is None or (isinstance(c, float) and pd.isna(c)) else str(c))
        shown.columns = names
        return shown


def reject(filename: str, message: str) -> TableRejected:
    """A TableRejected naming ``filename``."""
    return TableRejected(Problem(filename, message))


def _decode(content: bytes, filename: str) -> str:
    for encoding in ENCODINGS:
        try:
            return content.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise reject(filename, tp.FILE_ENCODING)


def _csv_rows(content: bytes, filename: str) -> list[list[object]]:
    text = _decode(content, filename)
    if "\x00" in text:
        raise reject(filename, tp.FILE_BINARY)
    sample = "\n".join([line for line in text.splitlines() if line.strip()][:HEADER_SEARCH_ROWS])
    separator = max(SEPARATORS, key=lambda s: sample.count(s))
    try:
        return [list(r) for r in csv.reader(io.StringIO(text), delimiter=separator)]
    except csv.Error:
        raise reject(filename, tp.FILE_BAD_CSV) from None


def _excel_cell(cell) -> object:
    """The value of an openpyxl cell; a cell formatted as a percentage (0.153 shown as 15,3%) in percent."""
    value = cell.value
    if isinstance(value, (int, float)) and not isinstance(value, bool) and "%" in str(cell.number_format or ""):
        return round(float(value) * 100, 10)
    return value


def _workbook(content: bytes, filename: str):
    from openpyxl import load_workbook

    try:
        return load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, TypeError, IndexError) as exc:
        raise reject(filename, tp.FILE_BAD_EXCEL) from exc
    except Exception as exc:  # noqa: BLE001 - openpyxl raises many types for damaged workbooks
        raise reject(filename, tp.FILE_BAD_EXCEL) from exc


def _excel_sheets(content: bytes, filename: str) -> dict[str, list[list[object]]]:
    workbook = _workbook(content, filename)
    try:
        return {sheet.title: [[_excel_cell(c) for c in row] for row in sheet.iter_rows()]
                for sheet in workbook.worksheets}
    except Exception as exc:  # noqa: BLE001 - a damaged sheet inside a readable workbook
        raise reject(filename, tp.FILE_BAD_EXCEL) from exc
    finally:
        workbook.close()


def _rows_of(content: bytes, filename: str) -> dict[str, list[list[object]]]:
    """Sheet name -> rows ('' for a CSV file)."""
    suffix = Path(filename).suffix.lower()
    if not content.strip():
        raise reject(filename, tp.FILE_EMPTY)
    if suffix == ".xls":
        raise reject(filename, tp.FILE_OLD_EXCEL)
    if suffix in EXCEL_SUFFIXES:
        return _excel_sheets(content, filename)
    if suffix not in CSV_SUFFIXES:
        raise reject(filename, tp.FILE_TYPE.format(suffix=suffix or "?"))
    return {"": _csv_rows(content, filename)}


def _filled(row: list[object]) -> int:
    return sum(1 for c in row if not cells.is_blank(c))


def _header_position(rows: list[list[object]]) -> int | None:
    """The row (within the first HEADER_SEARCH_ROWS filled rows) with the most recognised headers; None if empty."""
    filled = [i for i, r in enumerate(rows) if _filled(r)][:HEADER_SEARCH_ROWS]
    if not filled:
        return None
    best = max(filled, key=lambda i: (header_score(rows[i]), _filled(rows[i]) > 1, -i))
    return best if header_score(rows[best]) else next((i for i in filled if _filled(rows[i]) > 1), filled[0])


def read_table(content: bytes, filename: str, *, sheet: str | None = None,
               max_bytes: int = MAX_UPLOAD_BYTES) -> RawTable:
    """The table in a CSV or Excel file (``sheet``, default the sheet that looks most like a table of figures).

    Title lines above the header and footnote lines below the last row of figures (one filled cell, such as
    'Bron: Perined') are skipped and listed in ``skipped``.

    Raises:
        TableRejected: too large, empty, no table, wrong type, old or damaged Excel, unreadable characters, one
            column only (wrong separator).
    """
    name = Path(filename).name
    if len(content) > max_bytes:
        raise reject(name, tp.FILE_TOO_LARGE.format(size=f"{len(content) / 1048576:.1f}".replace(".", ","),
                                                    limit=max_bytes // 1048576))
    sheets = _rows_of(content, name)
    names = tuple(s for s in sheets if s)
    if sheet is None or sheet not in sheets:
        scores = {s: header_score(rows[p]) if (p := _header_position(rows)) is not None else -1
                  for s, rows in sheets.items()}
        sheet = max(sheets, key=lambda s: (scores[s], -list(sheets).index(s)))
    rows = sheets[sheet]
    position = _header_position(rows)
    if position is None:
        raise reject(name, tp.FILE_EMPTY if not names else tp.SHEET_EMPTY.format(sheet=sheet))
    width = max(len(r) for r in rows)
    grid = [list(r) + [None] * (width - len(r)) for r in rows]
    headers = ["" if cells.is_blank(c) else str(c).strip() for c in grid[position]]
    while headers and not headers[-1] and all(cells.is_blank(r[len(headers) - 1]) for r in grid[position:]):
        headers.pop()
    if len([h for h in headers if h]) <= 1 and len(headers) <= 1:
        raise reject(name, tp.FILE_ONE_COLUMN.format(header=headers[0] if headers else ""))
    skipped = [(i + 1, _line(grid[i])) for i in range(position) if _filled(grid[i])]
    data_rows = [i for i in range(position + 1, len(grid)) if _filled(grid[i])]
    last = max((i for i in data_rows if _filled(grid[i]) > 1), default=position)
    skipped += [(i + 1, _line(grid[i])) for i in data_rows if i > last]
    kept = [i for i in data_rows if i <= last]
    body = pd.DataFrame([grid[i][:len(headers)] for i in kept], index=[i + 1 for i in kept],
                        columns=range(len(headers)), dtype=object)
    return RawTable(name, tuple(headers), body, position + 1, names, sheet or None, tuple(skipped))


def _line(row: list[object]) -> str:
    return " ".join(str(c).strip() for c in row if not cells.is_blank(c))
