"""CSV column specs and problem reporting (ks_data/core/validation.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from ks_data.core.validation import Column, DataFileError, read_csv

SPEC = (Column("code"), Column("year", "int", minimum=2000), Column("value", "float", required=False), Column("ok", "bool"))


def _write(tmp_path: Path, text: str, name: str = "f.csv", encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def test_reads_typed_columns(tmp_path):
    frame = read_csv(_write(tmp_path, "code,year,value,ok\nA,2020,1.5,true\nB,2021,,false\n"), SPEC)
    assert frame["year"].tolist() == [2020, 2021]
    assert frame["value"].isna().tolist() == [False, True]
    assert frame["ok"].tolist() == [True, False]


def test_every_bad_cell_is_reported_with_row_and_column(tmp_path):
    path = _write(tmp_path, "code,year,value,ok\nA,twintig,1.5,true\n,1999,x,misschien\n")
    with pytest.raises(DataFileError) as err:
        read_csv(path, SPEC)
    found = {(p.row, p.column) for p in err.value.problems}
    assert found == {(2, "year"), (3, "code"), (3, "year"), (3, "value"), (3, "ok")}
    assert "f.csv, rij 2, kolom 'year': 'twintig' is geen geheel getal." in str(err.value)
    assert err.value.summary == "5 probleem/problemen gevonden in f.csv."


def test_missing_and_unknown_columns(tmp_path):
    with pytest.raises(DataFileError) as err:
        read_csv(_write(tmp_path, "code,year,ok,extra\nA,2020,true,1\n"), SPEC)
    assert {(p.column, p.row) for p in err.value.problems} == {("value", None), ("extra", None)}


def test_wrong_field_count_names_the_line(tmp_path):
    with pytest.raises(DataFileError) as err:
        read_csv(_write(tmp_path, "code,year,value,ok\nA,2020,1,true\nB,2021,1,5,true\n"), SPEC)
    (problem,) = err.value.problems
    assert problem.row == 3 and "5 velden, verwacht 4" in problem.message


def test_empty_and_non_utf8_files(tmp_path):
    with pytest.raises(DataFileError, match="leeg"):
        read_csv(_write(tmp_path, ""), SPEC)
    with pytest.raises(DataFileError, match="UTF-8"):
        read_csv(_write(tmp_path, "code,year,value,ok\nÉ,2020,1,true\n", encoding="cp1252"), SPEC)
    with pytest.raises(DataFileError, match="niet gevonden"):
        read_csv(tmp_path / "missing.csv", SPEC)


def test_duplicate_keys_point_at_both_rows(tmp_path):
    with pytest.raises(DataFileError) as err:
        read_csv(_write(tmp_path, "code,year,value,ok\nA,2020,1,true\nA,2020,2,true\n"), SPEC, key=("code", "year"))
    (problem,) = err.value.problems
    assert problem.row == 3 and "rij 2" in problem.message
