"""ks_data/assessment/transfer.py: CSV/JSON export, exact round trip, validated and all-or-nothing import."""

from __future__ import annotations

import json
import sqlite3
from datetime import date

import pytest

from ks_data.assessment import transfer as assessment_io
from ks_data.storage import assessments as storage_assessments
from ks_data.storage import db as storage_db
from ks_data.storage.db import StorageError
from ks_data.assessment.items import AssessmentRecord, load_item_bank
from ks_data.assessment.transfer import AssessmentImportError, parse_assessment_file
from ks_data.core.validation import Problem
from ks_data.texts import assessment as ta

DAY = date(2026, 11, 23)


@pytest.fixture(scope="module")
def bank():
    return load_item_bank()


@pytest.fixture
def record() -> AssessmentRecord:
    return AssessmentRecord(
        coalition="Coalitie \"Noord\"; Kansrijk", gemeente="Súdwest-Fryslân", assessment_date=DAY,
        answers={"goals_vision": 3, "goals_data": None, "care_overview": 0, "attachment_knowledge": 4},
        notes={"goals": {"going_well": "Visie staat;\nmet \"citaat\" en ‘quotes’", "next_step": "Data delen"},
               "attachment": {"to_improve": "Kennis bij wijkteams"}},
    )


def _saved(record: AssessmentRecord) -> AssessmentRecord:
    return storage_assessments.get_assessment(storage_assessments.replace_assessment(record))


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_export_import_export_round_trips_exactly(user_data_dir, bank, record, fmt):
    export = getattr(assessment_io, f"export_{fmt}")
    first = export(bank, _saved(record))
    new_id = storage_assessments.import_assessment(bank, first.encode("utf-8"), filename=f"x.{fmt}")
    again = storage_assessments.get_assessment(new_id)
    assert export(bank, again) == first
    assert again.answers == record.answers and again.notes == record.notes
    assert (again.coalition, again.gemeente, again.assessment_date) == (record.coalition, record.gemeente, DAY)


def test_import_of_another_coalition_creates_it(user_data_dir, bank, record):
    data = assessment_io.export_json(bank, record).encode()
    assert storage_assessments.list_assessments() == []
    new_id = storage_assessments.import_assessment(bank, data, filename="evaluatie.json")
    assert storage_assessments.get_assessment(new_id).answers["goals_vision"] == 3


def test_json_export_is_readable(bank, record):
    doc = json.loads(assessment_io.export_json(bank, record))
    assert doc["answers"] == {"goals_vision": 3, "goals_data": "weet_niet", "care_overview": 0,
                              "attachment_knowledge": 4}
    assert doc["element_scores"]["goals"] == 3.0 and doc["element_scores"]["monitoring"] is None


def test_csv_export_has_meta_and_end_rows_and_scale_labels(bank, record):
    lines = assessment_io.export_csv(bank, record).splitlines()
    assert lines[0] == ";".join(assessment_io.CSV_COLUMNS)
    assert ";meta;" in lines[1] and lines[-1].split(";")[-3:] == ["end", "7", ""]
    assert any(line.endswith(";answer;3;grotendeels ingevoerd") for line in lines)
    assert any(";answer;weet_niet;weet niet" in line for line in lines)


def _stored_state():
    return [(a.id, storage_assessments.get_assessment(a.id).answers, storage_assessments.get_assessment(a.id).notes)
            for a in storage_assessments.list_assessments()]


@pytest.mark.parametrize("fmt", ["csv", "json"])
@pytest.mark.parametrize("keep", [0.3, 0.6, 0.95])
def test_half_written_file_changes_nothing(user_data_dir, bank, record, fmt, keep):
    saved = _saved(record)
    export = getattr(assessment_io, f"export_{fmt}")
    changed = AssessmentRecord(coalition=record.coalition, gemeente=record.gemeente, assessment_date=DAY,
                               answers={"goals_vision": 1}, notes={})
    data = export(bank, changed).encode()
    # cut at a line boundary for CSV (the hardest case: every remaining row is well-formed)
    cut = data[: int(len(data) * keep)]
    if fmt == "csv":
        cut = cut[: cut.rfind(b"\n") + 1]
    before = _stored_state()
    with pytest.raises(AssessmentImportError) as info:
        storage_assessments.import_assessment(bank, cut, filename=f"x.{fmt}")
    assert info.value.problems[0].code in {"truncated", "not_json", "wrong_columns"}
    assert _stored_state() == before
    assert storage_assessments.get_assessment(saved.id).answers == record.answers


def test_storage_failure_during_import_changes_nothing(user_data_dir, bank, record, monkeypatch):
    saved = _saved(record)
    data = assessment_io.export_json(bank, AssessmentRecord(
        coalition=record.coalition, gemeente=record.gemeente, assessment_date=DAY,
        answers={"goals_vision": 0}, notes={"goals": {"next_step": "x"}})).encode()
    real_executemany = storage_db.Connection.executemany

    def disk_full_on_notes(self, sql, rows):  # the answers are written, then the disk "fills up"
        if "INSERT INTO note" in sql:
            raise sqlite3.OperationalError("database or disk is full")
        return real_executemany(self, sql, rows)

    with monkeypatch.context() as patch:
        patch.setattr(storage_db.Connection, "executemany", disk_full_on_notes)
        with pytest.raises(StorageError) as info:
            storage_assessments.import_assessment(bank, data, filename="x.json")
    assert info.value.kind == "disk_full"
    assert storage_assessments.get_assessment(saved.id).notes == record.notes
    assert storage_assessments.get_assessment(saved.id).answers == record.answers


def _problems(bank, data: bytes, filename: str) -> list[tuple]:
    with pytest.raises(AssessmentImportError) as info:
        parse_assessment_file(bank, data, filename=filename)
    return [(p.code, p.row, p.value) for p in info.value.problems]


def test_bad_values_are_reported_with_their_row(bank, record):
    text = assessment_io.export_csv(bank, record)
    text = text.replace(";answer;3;", ";answer;7;").replace("care_overview", "no_such_item")
    problems = _problems(bank, text.encode(), "x.csv")
    codes = {(code, value) for code, _, value in problems}
    assert ("bad_value", "7") in codes and ("unknown_item", "no_such_item") in codes
    assert all(row is not None and row > 1 for _, row, _ in problems)


@pytest.mark.parametrize(
    ("data", "filename", "code"),
    [
        (b"", "x.csv", "empty_file"),
        (b"\xff\xfe\x00garbage", "x.csv", "not_utf8"),
        (b"a;b;c\n1;2;3\n", "x.csv", "wrong_columns"),
        (b'{"format": "iets anders"}', "x.json", "wrong_format"),
        (b'{"format": "kansrijke-start-zelfevaluatie", "answers": {}}', "x.json", "missing_field"),
        (b"<xml/>", "x.xlsx", "wrong_file_type"),
    ],
)
def test_wrong_files_get_a_specific_problem(bank, data, filename, code):
    assert _problems(bank, data, filename)[0][0] == code


def test_bad_date_and_empty_coalition_in_json(bank, record):
    doc = json.loads(assessment_io.export_json(bank, record))
    doc["assessment_date"], doc["coalition"] = "23-11-2026", " "
    codes = {p[0] for p in _problems(bank, json.dumps(doc).encode(), "x.json")}
    assert codes == {"bad_date", "empty_coalition"}


def test_duplicate_item_rows_are_refused(bank, record):
    lines = assessment_io.export_csv(bank, record).splitlines()
    answer = next(line for line in lines if ";answer;" in line)
    lines.insert(2, answer)
    lines[-1] = lines[-1].replace(";end;7;", ";end;8;")
    assert _problems(bank, "\n".join(lines).encode(), "x.csv")[0][0] == "duplicate_item"


def test_comma_separated_and_bom_files_from_excel_are_accepted(bank, record):
    text = assessment_io.export_csv(bank, record)
    import csv
    import io

    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows(rows)
    parsed = parse_assessment_file(bank, "\ufeff".encode() + out.getvalue().encode(), filename="x.csv")
    assert parsed.answers == record.answers and parsed.notes == record.notes


def test_every_problem_code_has_a_dutch_message_with_the_row(bank):
    problem = assessment_io.make_problem("bad_value", row=5, column="value", value="9")
    assert ta.import_problem(problem) == "Regel 5: Ongeldig antwoord '9' (verwacht 0 t/m 4 of 'weet_niet')."
    codes = {"empty_file", "too_large", "not_utf8", "not_json", "wrong_format", "wrong_file_type", "missing_field",
             "wrong_columns", "wrong_column_count", "truncated", "empty_coalition", "bad_date", "unknown_item",
             "bad_value", "unknown_element", "unknown_field", "duplicate_item", "mixed_assessments"}
    assert codes <= set(ta.IMPORT_ERRORS)


def test_import_problems_are_core_problems_naming_the_uploaded_file(bank, record):
    """Given a CSV with a bad answer, then each problem is a core.validation.Problem (error) with the file
    name, its row and column, and the Dutch message that texts.assessment.import_problem shows."""
    text = assessment_io.export_csv(bank, record).replace(";answer;3;", ";answer;7;")
    with pytest.raises(AssessmentImportError) as info:
        parse_assessment_file(bank, text.encode(), filename="evaluatie noord.csv")
    [problem] = info.value.problems
    assert isinstance(problem, Problem) and problem.severity == "error"
    assert (problem.file, problem.code, problem.column, problem.value) == ("evaluatie noord.csv", "bad_value", "value", "7")
    assert problem.message == "Ongeldig antwoord '7' (verwacht 0 t/m 4 of 'weet_niet')."
    assert ta.import_problem(problem) == f"Regel {problem.row}: {problem.message}"
    assert str(problem) == f"evaluatie noord.csv, rij {problem.row}, kolom 'value': {problem.message}"
    assert ta.import_failed(info.value.problems) == f"{ta.IMPORT_FAILED}\n\n- Regel {problem.row}: {problem.message}"


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_a_workshop_result_with_group_means_round_trips(user_data_dir, bank, fmt):
    """Given a self-assessment saved from a workshop (a mean per statement), then its export is labelled
    'groepsgemiddelde' and imports back to the same means."""
    group = AssessmentRecord(coalition="Coalitie Noord", gemeente="", assessment_date=DAY,
                             answers={"goals_vision": 2.33, "goals_domains": 3, "goals_data": None})
    export = getattr(assessment_io, f"export_{fmt}")
    text = export(bank, _saved(group))
    if fmt == "csv":
        assert "goals_vision;answer;2.33;groepsgemiddelde" in text
    again = parse_assessment_file(bank, text.encode("utf-8"), filename=f"x.{fmt}")
    assert again.answers == group.answers


def test_a_group_mean_outside_the_scale_is_refused(bank, record):
    text = assessment_io.export_csv(bank, record).replace("goals_vision;answer;3", "goals_vision;answer;4,5")
    with pytest.raises(AssessmentImportError) as info:
        parse_assessment_file(bank, text.encode("utf-8"), filename="x.csv")
    assert [(p.code, p.value) for p in info.value.problems] == [("bad_value", "4,5")]
    decimal_comma = assessment_io.export_csv(bank, record).replace("goals_vision;answer;3", "goals_vision;answer;2,5")
    assert parse_assessment_file(bank, decimal_comma.encode("utf-8"), filename="x.csv").answers["goals_vision"] == 2.5
