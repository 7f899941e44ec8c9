"""Export of one self-assessment as CSV or JSON, and validation of those files for an import.

Both formats carry the same content (coalition, gemeente, date, answers, notes) and round-trip exactly:
export -> import -> export gives the same bytes. The CSV ends with an ``end`` row that holds the number of
data rows, so a file cut off halfway is refused instead of half imported.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import replace
from datetime import date

from ks_data.assessment.items import (
    NOTE_KINDS,
    Answer,
    AnswerError,
    AssessmentRecord,
    ItemBank,
    is_group_mean,
    validate_answer,
)
from ks_data.assessment.scoring import element_scores
from ks_data.core.export import quote_cell, unquote_cell
from ks_data.core.validation import Problem
from ks_data.texts import assessment as ta
from ks_data.texts import workshop as tw

FORMAT_NAME = "kansrijke-start-zelfevaluatie"
FORMAT_VERSION = 1
CSV_COLUMNS = ("coalition", "gemeente", "assessment_date", "element_id", "item_id", "field", "value", "label")
CSV_DELIMITER = ";"
MAX_IMPORT_BYTES = 2_000_000


def make_problem(code: str, *, row: int | None = None, column: str | None = None, value: str | None = None,
                 file: str = "") -> Problem:
    """One reason an import file was refused; ``code`` (e.g. "bad_value") selects the Dutch message.

    >>> p = make_problem("bad_value", row=5, column="value", value="9")
    >>> (p.code, p.row, p.severity, p.message)
    ('bad_value', 5, 'error', "Ongeldig antwoord '9' (verwacht 0 t/m 4 of 'weet_niet').")
    """
    message = ta.import_message(code, row=row, column=column, value=value)
    return Problem(file, message, row=row, column=column, code=code, value=value)


class AssessmentImportError(ValueError):
    """The import file is not a valid assessment export; ``problems`` lists every reason found."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("; ".join(p.code for p in problems))
        self.problems = problems


def export_stem(record: AssessmentRecord) -> str:
    """File name (without extension) for downloads of an assessment.

    >>> export_stem(AssessmentRecord(coalition="Coalitie Noord (Ede)", gemeente="", assessment_date=date(2026, 3, 1)))
    'zelfevaluatie_coalitie-noord-ede_2026-03-01'
    """
    slug = "".join(ch if ch.isalnum() else "-" for ch in record.coalition.casefold())
    slug = "-".join(part for part in slug.split("-") if part)[:40] or ta.EXPORT_FILE_FALLBACK
    return f"{ta.EXPORT_FILE_PREFIX}_{slug}_{record.assessment_date.isoformat()}"


def _answer_out(bank: ItemBank, value: Answer) -> int | float | str:
    return bank.scale.dont_know_code if value is None else value


def _answer_label(bank: ItemBank, value: Answer) -> str:
    """The scale label of an answer; a group mean (saved from a workshop) is labelled as such."""
    return tw.GROUP_MEAN_LABEL if is_group_mean(value) else bank.scale.label(value)


def _ordered_answers(bank: ItemBank, record: AssessmentRecord) -> list[tuple[str, str, Answer]]:
    """Answers in bank order; answers to retired statements last, so an export never drops a saved answer."""
    return [(i.element_id, i.id, record.answers[i.id]) for i in bank.all_items if i.id in record.answers]


def _ordered_notes(bank: ItemBank, record: AssessmentRecord) -> list[tuple[str, str, str]]:
    return [(e.id, kind, record.notes[e.id][kind]) for e in bank.elements for kind in NOTE_KINDS
            if record.notes.get(e.id, {}).get(kind, "").strip()]


def export_json(bank: ItemBank, record: AssessmentRecord) -> str:
    """The assessment as JSON (answers: item id -> value or the "weet niet" code; scores for reading only)."""
    doc = {
        "format": FORMAT_NAME,
        "format_version": FORMAT_VERSION,
        "item_bank_version": bank.version,
        "coalition": record.coalition,
        "gemeente": record.gemeente,
        "assessment_date": record.assessment_date.isoformat(),
        "answers": {item: _answer_out(bank, value) for _, item, value in _ordered_answers(bank, record)},
        "notes": {},
        "element_scores": {s.element_id: s.score for s in element_scores(bank, record.answers)},
    }
    for element_id, kind, text in _ordered_notes(bank, record):
        doc["notes"].setdefault(element_id, {})[kind] = text
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def export_csv(bank: ItemBank, record: AssessmentRecord) -> str:
    """The assessment as semicolon-separated CSV: a meta row, one row per answer and note, an end row."""
    meta = (record.coalition, record.gemeente, record.assessment_date.isoformat())
    rows = [(*meta, "", "", "meta", FORMAT_VERSION, FORMAT_NAME)]
    for element_id, item_id, value in _ordered_answers(bank, record):
        rows.append((*meta, element_id, item_id, "answer", _answer_out(bank, value), _answer_label(bank, value)))
    for element_id, kind, text in _ordered_notes(bank, record):
        rows.append((*meta, element_id, "", kind, text, ""))
    rows.append((*meta, "", "", "end", len(rows) - 1, ""))
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=CSV_DELIMITER, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    writer.writerows([[quote_cell(c) for c in row] for row in rows])  # names and notes may look like formulas
    return buffer.getvalue()


# --- import ------------------------------------------------------------------------------------------------


def _parse_answer(bank: ItemBank, item_id: str, raw: object, *, row: int | None,
                  problems: list[Problem]) -> tuple[bool, Answer]:
    """A scale value, "weet niet", or a group mean (a decimal number, '2.33' or '2,33': saved from a workshop)."""
    value: object = raw
    if raw == bank.scale.dont_know_code:
        value = None
    elif isinstance(raw, str) and raw.strip().lstrip("-").isdigit():
        value = int(raw.strip())
    elif isinstance(raw, str):
        try:
            value = float(raw.strip().replace(",", "."))
        except ValueError:
            pass
    try:
        return True, validate_answer(bank, item_id=item_id, value=value, allow_mean=True)
    except AnswerError:
        known = any(i.id == item_id for i in bank.all_items)
        problems.append(make_problem("bad_value" if known else "unknown_item", row=row,
                                     column="value" if known else "item_id", value=str(raw if known else item_id)))
        return False, None


def _parse_date(raw: object, *, row: int | None, problems: list[Problem]) -> date | None:
    try:
        return date.fromisoformat(str(raw))
    except ValueError:
        problems.append(make_problem("bad_date", row=row, column="assessment_date", value=str(raw)))
        return None


def _check_note(bank: ItemBank, element_id: str, kind: str, *, row: int | None,
                problems: list[Problem]) -> bool:
    if element_id not in {e.id for e in bank.elements}:
        problems.append(make_problem("unknown_element", row=row, column="element_id", value=element_id))
        return False
    if kind not in NOTE_KINDS:
        problems.append(make_problem("unknown_field", row=row, column="field", value=kind))
        return False
    return True


def _parse_json(bank: ItemBank, text: str) -> AssessmentRecord:
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        raise AssessmentImportError([make_problem("not_json", row=exc.lineno)]) from None
    if not isinstance(doc, dict) or doc.get("format") != FORMAT_NAME:
        raise AssessmentImportError([make_problem("wrong_format")])
    problems: list[Problem] = []
    for key in ("coalition", "assessment_date", "answers", "notes"):
        if key not in doc:
            problems.append(make_problem("missing_field", column=key))
    if problems:
        raise AssessmentImportError(problems)
    if not isinstance(doc["answers"], dict) or not isinstance(doc["notes"], dict):
        raise AssessmentImportError([make_problem("wrong_format")])
    coalition, gemeente = str(doc["coalition"] or ""), str(doc.get("gemeente") or "")
    if not coalition.strip():
        problems.append(make_problem("empty_coalition", column="coalition"))
    day = _parse_date(doc["assessment_date"], row=None, problems=problems)
    answers: dict[str, Answer] = {}
    for item_id, raw in doc["answers"].items():
        ok, value = _parse_answer(bank, str(item_id), raw, row=None, problems=problems)
        if ok:
            answers[str(item_id)] = value
    notes: dict[str, dict[str, str]] = {}
    for element_id, kinds in doc["notes"].items():
        if not isinstance(kinds, dict):
            problems.append(make_problem("wrong_format", column="notes", value=str(element_id)))
            continue
        for kind, note in kinds.items():
            if _check_note(bank, str(element_id), str(kind), row=None, problems=problems):
                notes.setdefault(str(element_id), {})[str(kind)] = str(note)
    if problems or day is None:
        raise AssessmentImportError(problems)
    return AssessmentRecord(coalition=coalition, gemeente=gemeente, assessment_date=day, answers=answers, notes=notes)


def _parse_csv(bank: ItemBank, text: str) -> AssessmentRecord:
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") >= first_line.count(",") else ","
    rows = [[unquote_cell(c) for c in row] for row in csv.reader(io.StringIO(text), delimiter=delimiter)]
    if not rows or tuple(c.strip() for c in rows[0]) != CSV_COLUMNS:
        raise AssessmentImportError([make_problem("wrong_columns", row=1, value=", ".join(CSV_COLUMNS))])
    body = [(number, row) for number, row in enumerate(rows[1:], start=2) if any(c.strip() for c in row)]
    problems: list[Problem] = []
    for number, row in body:
        if len(row) != len(CSV_COLUMNS):
            problems.append(make_problem("wrong_column_count", row=number, value=str(len(row))))
    if problems:
        raise AssessmentImportError(problems)
    records = [(number, dict(zip(CSV_COLUMNS, row))) for number, row in body]
    if not records or records[0][1]["field"] != "meta" or records[-1][1]["field"] != "end":
        raise AssessmentImportError([make_problem("truncated")])
    end = records[-1][1]["value"]
    if not end.isdigit() or int(end) != len(records) - 2:
        raise AssessmentImportError([make_problem("truncated", row=records[-1][0])])
    meta = records[0][1]
    coalition, gemeente = meta["coalition"], meta["gemeente"]
    if not coalition.strip():
        problems.append(make_problem("empty_coalition", row=records[0][0], column="coalition"))
    day = _parse_date(meta["assessment_date"], row=records[0][0], problems=problems)
    answers: dict[str, Answer] = {}
    notes: dict[str, dict[str, str]] = {}
    for number, rec in records[1:-1]:
        if (rec["coalition"], rec["gemeente"], rec["assessment_date"]) != (
                coalition, gemeente, meta["assessment_date"]):
            problems.append(make_problem("mixed_assessments", row=number, column="coalition"))
            continue
        if rec["field"] == "answer":
            if rec["item_id"] in answers:
                problems.append(make_problem("duplicate_item", row=number, column="item_id", value=rec["item_id"]))
                continue
            ok, value = _parse_answer(bank, rec["item_id"], rec["value"], row=number, problems=problems)
            if ok:
                answers[rec["item_id"]] = value
        elif _check_note(bank, rec["element_id"], rec["field"], row=number, problems=problems):
            notes.setdefault(rec["element_id"], {})[rec["field"]] = rec["value"]
    if problems or day is None:
        raise AssessmentImportError(problems)
    return AssessmentRecord(coalition=coalition, gemeente=gemeente, assessment_date=day, answers=answers, notes=notes)


def parse_assessment_file(bank: ItemBank, data: bytes, *, filename: str) -> AssessmentRecord:
    """Validate an exported CSV or JSON file and return its assessment (not yet saved).

    Raises:
        AssessmentImportError: with every problem found (file type, encoding, rows, values); each
            problem's ``file`` is ``filename``.
    """
    try:
        return _parse_file(bank, data, filename=filename)
    except AssessmentImportError as exc:
        raise AssessmentImportError([replace(p, file=filename) for p in exc.problems]) from None


def _parse_file(bank: ItemBank, data: bytes, *, filename: str) -> AssessmentRecord:
    if not data.strip():
        raise AssessmentImportError([make_problem("empty_file")])
    if len(data) > MAX_IMPORT_BYTES:
        raise AssessmentImportError([make_problem("too_large", value=str(len(data)))])
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise AssessmentImportError([make_problem("not_utf8")]) from None
    suffix = filename.lower().rsplit(".", 1)[-1] if "." in filename else ""
    if suffix == "json" or (suffix != "csv" and text.lstrip().startswith("{")):
        return _parse_json(bank, text)
    if suffix in ("csv", "txt", ""):
        return _parse_csv(bank, text)
    raise AssessmentImportError([make_problem("wrong_file_type", value=suffix)])
