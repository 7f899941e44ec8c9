"""Column specs for CSV data files, readers for CSV and schema-checked YAML files, and the one Problem record."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, Sequence

import jsonschema
import pandas as pd
import yaml

from ks_data.texts import validation as tv

Kind = Literal["str", "int", "float", "bool"]
_TRUE = {"true", "1", "ja"}
_FALSE = {"false", "0", "nee"}


@dataclass(frozen=True)
class Column:
    """One expected column: its name, value kind and the rules its cells must follow."""

    name: str
    kind: Kind = "str"
    required: bool = True
    minimum: float | None = None
    maximum: float | None = None
    choices: frozenset[str] | None = None


@dataclass(frozen=True)
class Problem:
    """One finding in a data file, the one record every loader reports (indicators, perinatal files, imports).

    ``row`` is the line number as a spreadsheet shows it (header = 1); ``column`` the header as written;
    ``severity`` is ``"error"`` (the file is refused) or ``"warning"`` (loaded, but worth a look); ``code``
    and ``value`` are for loaders whose messages are chosen later by a stable code (assessment import).
    """

    file: str
    message: str
    row: int | None = None
    column: str | None = None
    severity: str = "error"
    code: str = ""
    value: str | None = None

    def __str__(self) -> str:
        """Dutch one-liner: 'bestand.csv, rij 5, kolom 'Big2': verwacht ...'."""
        parts = [tv.WHERE_FILE.format(file=self.file)]
        if self.row is not None:
            parts.append(tv.WHERE_ROW.format(row=self.row))
        if self.column is not None:
            parts.append(tv.WHERE_COLUMN.format(column=self.column))
        return f"{', '.join(parts)}: {self.message}"

    def text(self) -> str:
        """The same one-liner as ``str(problem)``."""
        return str(self)


class UnknownIndicator(KeyError):
    """An indicator id that the bundled metadata (indicators.yaml, perinatal_indicators.yaml) does not define."""


class DataFileError(Exception):
    """A data file failed validation; ``problems`` lists every problem found."""

    def __init__(self, file: str, problems: Sequence[Problem]) -> None:
        self.file = file
        self.problems = tuple(problems)
        super().__init__("\n".join(str(p) for p in self.problems))

    @property
    def summary(self) -> str:
        """One Dutch line saying how many problems were found in which file."""
        return tv.SUMMARY.format(count=len(self.problems), file=self.file)


def read_csv(path: Path, columns: Sequence[Column], *, key: Sequence[str] = ()) -> pd.DataFrame:
    """Read a comma-separated UTF-8 file and convert it to typed columns, checking every cell.

    Args:
        path: the CSV file.
        columns: the expected columns, in any order; other columns are rejected.
        key: columns whose combination must be unique.

    Returns:
        A frame with exactly ``columns``: str, nullable Int64, Float64 or boolean dtypes.

    Raises:
        DataFileError: listing every problem (file, row, column, what was expected).
    """
    name = Path(path).name
    raw = _read_raw(Path(path), name)
    problems = _check_header(raw, columns, name)
    if problems:
        raise DataFileError(name, problems)
    out = {}
    for col in columns:
        values, col_problems = _convert(raw[col.name], col, name)
        out[col.name] = values
        problems.extend(col_problems)
    frame = pd.DataFrame(out)
    problems.extend(_check_unique(frame, key, name))
    if problems:
        raise DataFileError(name, problems)
    return frame


def _read_raw(path: Path, name: str) -> pd.DataFrame:
    if not path.is_file():
        raise DataFileError(name, [Problem(name, tv.FILE_NOT_FOUND)])
    try:
        raw = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    except (pd.errors.ParserError, pd.errors.EmptyDataError, UnicodeDecodeError) as exc:
        if isinstance(exc, pd.errors.EmptyDataError):
            raise DataFileError(name, [Problem(name, tv.FILE_EMPTY)]) from exc
        raise DataFileError(name, [_parser_problem(exc, name)]) from exc
    raw.columns = [str(c).strip() for c in raw.columns]
    return raw


def _parser_problem(exc: Exception, name: str) -> Problem:
    """Turn a pandas tokenizer error into a Dutch problem with the line number where possible."""
    match = re.search(r"Expected (\d+) fields in line (\d+), saw (\d+)", str(exc))
    if match:
        expected, line, seen = (int(g) for g in match.groups())
        return Problem(name, tv.WRONG_FIELD_COUNT.format(expected=expected, seen=seen), row=line, column="*")
    if isinstance(exc, UnicodeDecodeError):
        return Problem(name, tv.NOT_UTF8)
    return Problem(name, tv.FILE_UNREADABLE.format(detail=type(exc).__name__))


def _check_header(raw: pd.DataFrame, columns: Sequence[Column], name: str) -> list[Problem]:
    expected = [c.name for c in columns]
    listing = ", ".join(expected)
    problems = [
        Problem(name, tv.MISSING_COLUMN.format(expected=listing), column=c) for c in expected if c not in raw.columns
    ]
    problems += [
        Problem(name, tv.UNKNOWN_COLUMN.format(expected=listing), column=c) for c in raw.columns if c not in expected
    ]
    return problems


def _convert(cells: pd.Series, col: Column, name: str) -> tuple[pd.Series, list[Problem]]:
    problems: list[Problem] = []
    converted: list[object] = []
    for index, cell in cells.items():
        text = str(cell).strip()
        row = int(index) + 2
        if text == "":
            converted.append(pd.NA)
            if col.required:
                problems.append(Problem(name, tv.EMPTY_CELL, row=row, column=col.name))
            continue
        value, message = _parse(text, col)
        converted.append(value)
        if message:
            problems.append(Problem(name, message, row=row, column=col.name))
    dtype = {"str": "string", "int": "Int64", "float": "Float64", "bool": "boolean"}[col.kind]
    clean = [v if v is not None else pd.NA for v in converted]
    return pd.Series(clean, index=cells.index, dtype=dtype if not problems else "object"), problems


def _parse(text: str, col: Column) -> tuple[object, str | None]:
    if col.kind == "str":
        if col.choices is not None and text not in col.choices:
            return None, tv.NOT_ALLOWED.format(value=text, expected=", ".join(sorted(col.choices)))
        return text, None
    if col.kind == "bool":
        low = text.lower()
        if low in _TRUE or low in _FALSE:
            return low in _TRUE, None
        return None, tv.NOT_BOOLEAN.format(value=text)
    try:
        number = float(text)
    except ValueError:
        return None, (tv.NOT_INTEGER if col.kind == "int" else tv.NOT_NUMBER).format(value=text)
    if col.kind == "int":
        if not number.is_integer():
            return None, tv.NOT_INTEGER.format(value=text)
        number = int(number)
    if col.minimum is not None and number < col.minimum:
        return None, tv.BELOW_MINIMUM.format(value=text, minimum=col.minimum)
    if col.maximum is not None and number > col.maximum:
        return None, tv.ABOVE_MAXIMUM.format(value=text, maximum=col.maximum)
    return number, None


def _check_unique(frame: pd.DataFrame, key: Sequence[str], name: str) -> list[Problem]:
    if not key or frame.empty:
        return []
    dup = frame.duplicated(subset=list(key), keep=False)
    problems = []
    seen: dict[tuple, int] = {}
    for index in frame.index[dup]:
        values = tuple(frame.loc[index, list(key)])
        row = int(index) + 2
        if values in seen:
            message = tv.DUPLICATE_KEY.format(columns=", ".join(key), other_row=seen[values])
            problems.append(Problem(name, message, row=row, column=key[0]))
        else:
            seen[values] = row
    return problems


def read_yaml(path: Path, *, schema_path: Path) -> object:
    """Read a YAML data file and validate it against its JSON Schema (draft 2020-12).

    Raises:
        DataFileError: the file is missing, is no valid YAML or breaks the schema (one problem per error,
            its ``column`` the path of the offending field, e.g. ``indicators/0/unit``).
    """
    name = Path(path).name
    try:
        document = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise DataFileError(name, [Problem(name, tv.FILE_NOT_FOUND)]) from exc
    except yaml.YAMLError as exc:
        raise DataFileError(name, [Problem(name, tv.YAML_INVALID.format(detail=exc))]) from exc
    schema = json.loads(Path(schema_path).read_text(encoding="utf-8"))
    errors = sorted(jsonschema.Draft202012Validator(schema).iter_errors(document), key=lambda e: list(e.path))
    if errors:
        raise DataFileError(name, [Problem(name, tv.YAML_INVALID.format(detail=error.message),
                                           column="/".join(str(p) for p in error.path) or None)
                                   for error in errors])
    return document
