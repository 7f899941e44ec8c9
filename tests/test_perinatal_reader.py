"""Tests for ks_data/perinatal/reader.py: reading real-format files and every broken-file case."""

from __future__ import annotations

import io
from pathlib import Path

import pandas as pd
import pytest
from openpyxl import Workbook

from ks_data.perinatal import reader as pio

DATA = Path(__file__).resolve().parent / "data"
KNOWN = {"GM0014", "GM0363", "GM1900", "GM0088", "GM0096"}
PC4 = {"1011": "GM0363", "1012": "GM0363", "1013": "GM0363", "1015": "GM0363", "9711": "GM0014", "9712": "GM0014"}


def read(name: str, **kwargs) -> pio.LoadResult:
    kwargs.setdefault("known_gemeenten", KNOWN)
    kwargs.setdefault("pc4_gemeente", PC4)
    return pio.read_perinatal_file((DATA / name).read_bytes(), name, **kwargs)


def read_text(text: str, name: str = "test.csv", encoding: str = "utf-8", **kwargs) -> pio.LoadResult:
    kwargs.setdefault("known_gemeenten", KNOWN)
    kwargs.setdefault("pc4_gemeente", PC4)
    return pio.read_perinatal_file(text.encode(encoding), name, **kwargs)


# --- good files -------------------------------------------------------------------------------------------
def test_perined_gemeente_export_cp1252_semicolons_title_lines() -> None:
    """Given a Perined-style export (cp1252, ';', title lines, thousands dots, '.' suppressed, national row)."""
    result = read("perined_gemeenten_2016-2020.csv")
    assert result.ok, [i.text() for i in result.issues]
    frame = result.frame.set_index("area_code")
    assert frame.loc["GM0363", "births"] == 45123 and frame.loc["GM0363", "big2"] == 6890
    assert frame.loc["GM1900", "area_name"] == "Súdwest-Fryslân"  # cp1252 decoded
    assert pd.isna(frame.loc["GM0088", "big2"]) and frame.loc["GM0088", "births"] == 38  # '.' -> NA, never 0
    assert frame.loc["NL", "level"] == "land"
    assert set(frame["period"]) == {"2016-2020"}
    assert not frame["is_synthetic"].any()
    assert frame.loc["GM0363", "gemeentecode"] == "GM0363"


def test_wsjg_pc4_export_utf8_bom_commas_numbers_without_gm() -> None:
    result = read("wsjg_pc4_2016-2020.csv")
    assert result.ok, [i.text() for i in result.issues]
    frame = result.frame.set_index("area_code")
    assert list(frame.index) == ["1011", "1012", "1013", "1015", "9711", "9712"]
    assert (frame["level"] == "pc4").all()
    assert frame.loc["1011", "gemeentecode"] == "GM0363"  # '363' -> GM0363
    assert frame.loc["9712", "births"] == 388 and pd.isna(frame.loc["9712", "big2"])  # empty -> NA
    assert not any(i.severity == "warning" and "percentage" in i.message for i in result.issues)


def test_excel_export_with_numeric_codes_and_single_years() -> None:
    result = read("peristat_gemeenten_2018-2020.xlsx")
    assert result.ok, [i.text() for i in result.issues]
    frame = result.frame
    assert sorted(frame["period"].unique()) == ["2018", "2019", "2020"]
    assert set(frame["area_code"]) == {"GM0363", "GM0014", "GM0088"}
    row = frame[(frame["area_code"] == "GM0014") & (frame["period"] == "2020")].iloc[0]
    assert (row["births"], row["perinatal_deaths"], row["perinatal_deaths_28d"]) == (1889, 9, 10)


def test_utf8_and_cp1252_give_the_same_frame() -> None:
    text = "Jaar;Gemeentecode;Gemeentenaam;Geboorten;Big2\n2020;GM1900;Súdwest-Fryslân;800;120\n"
    a, b = read_text(text, encoding="utf-8"), read_text(text, encoding="cp1252")
    assert a.ok and b.ok
    pd.testing.assert_frame_equal(a.frame, b.frame)


def test_pc4_as_number_and_as_text_are_equal() -> None:
    a = read_text("pc4;jaar;geboorten;big2\n1011;2020;300;40\n")
    b = read_text('pc4;jaar;geboorten;big2\n"1011";2020;300;40\n')
    assert a.frame["area_code"].tolist() == b.frame["area_code"].tolist() == ["1011"]
    assert a.frame["gemeentecode"].tolist() == ["GM0363"]


def test_unknown_columns_are_reported_but_accepted() -> None:
    result = read_text("Jaar;Gemeentecode;Geboorten;Big2;Opmerking\n2020;GM0363;1000;150;x\n")
    assert result.ok and any("Opmerking" in i.message for i in result.issues)


# --- broken files: each rejected with a Dutch message naming file, row and column ------------------------
@pytest.mark.parametrize(
    ("name", "row", "column", "fragment"),
    [
        pytest.param("broken_separator.csv", None, None, "scheidingsteken", id="wrong-separator"),
        pytest.param("broken_missing_births.csv", None, None, "Verplichte kolom ontbreekt: geboorten", id="missing-column"),
        pytest.param("broken_text_in_count.csv", 3, "Big2", "gevonden 'twaalf'", id="text-in-count"),
        pytest.param("broken_text_in_count.csv", 4, "Vroeggeboorte", "geheel aantal, gevonden '26,5'", id="decimal-count"),
        pytest.param("broken_events_gt_births.csv", 3, "Big2", "groter dan het aantal geboorten (962)", id="events-gt-births"),
        pytest.param("broken_duplicate_area.csv", 4, "Gemeentecode", "GM0363 komt voor periode 2016-2020 ook voor in rij 2",
                     id="duplicate-area"),
        pytest.param("broken_unknown_gemeente.csv", 3, "Gemeentecode", "GM9999 bestaat niet", id="unknown-gemeente"),
        pytest.param("broken_empty.csv", None, None, "leeg", id="empty-file"),
        pytest.param("broken_header_only.csv", None, None, "geen rijen", id="header-only"),
        pytest.param("broken_period.csv", 2, "Periode", "gevonden 'vorig jaar'", id="period-text"),
        pytest.param("broken_period.csv", 3, "Periode", "gevonden '2020-2016'", id="period-reversed"),
        pytest.param("broken_ambiguous_code.csv", 2, "Code", "postcode (PC4) of een gemeentecode", id="ambiguous-code"),
        pytest.param("broken_old_format.xls", None, None, ".xlsx", id="old-excel"),
        pytest.param("broken_corrupt.xlsx", None, None, "geen leesbare Excel-werkmap", id="corrupt-excel"),
        pytest.param("broken_text_in_count.xlsx", 3, "Big2", "gevonden 'n.v.t.'", id="excel-text-in-count"),
    ],
)
def test_broken_file_is_rejected_with_precise_dutch_message(name, row, column, fragment) -> None:
    result = read(name)
    assert not result.ok and result.frame is None
    matches = [i for i in result.errors if fragment in i.message and i.row == row and i.column == column]
    assert matches, [i.text() for i in result.issues]
    text = matches[0].text()
    assert text.startswith(name)
    if row is not None:
        assert f"rij {row}" in text and f"kolom '{column}'" in text


def test_every_error_is_collected_not_just_the_first() -> None:
    result = read("broken_text_in_count.csv")
    assert {(i.row, i.column) for i in result.errors} == {(3, "Big2"), (4, "Vroeggeboorte")}


def test_size_cap_rejects_large_files_with_sizes_in_message() -> None:
    content = b"Jaar;Gemeentecode;Geboorten;Big2\n" + b"2020;GM0363;1000;150\n" * 60_000  # about 1.2 MB
    result = pio.read_perinatal_file(content, "groot.csv", max_bytes=1048576)
    assert not result.ok and result.frame is None
    assert "is 1,2 MB; het maximum is 1 MB" in result.errors[0].message
    too_big = pio.too_large("groot.csv", size=25 * 1048576)
    assert "25,0 MB" in too_big.errors[0].message and f"{pio.MAX_UPLOAD_MB} MB" in too_big.errors[0].message


def test_unsupported_suffix() -> None:
    result = pio.read_perinatal_file(b"%PDF-1.4", "cijfers.pdf")
    assert not result.ok and "'.pdf'" in result.errors[0].message


def test_negative_count_rejected() -> None:
    result = read_text("Jaar;Gemeentecode;Geboorten;Big2\n2020;GM0363;1000;-5\n")
    assert not result.ok and "negatief" in result.errors[0].message and result.errors[0].row == 2


def test_missing_code_cell_rejected() -> None:
    result = read_text("Jaar;Gemeentecode;Geboorten;Big2\n2020;;1000;150\n")
    assert not result.ok and result.errors[0].row == 2 and "ontbreekt" in result.errors[0].message


def test_no_outcome_column_rejected() -> None:
    result = read_text("Jaar;Gemeentecode;Geboorten\n2020;GM0363;1000\n")
    assert not result.ok and "uitkomstkolom" in result.errors[0].message


def test_report_is_a_dutch_table() -> None:
    report = read("broken_text_in_count.csv").report()
    assert list(report.columns) == ["soort", "rij", "kolom", "melding"]
    assert report["soort"].unique().tolist() == ["Fout"]
    assert report["rij"].tolist() == [3, 4]


def test_excel_built_in_memory_with_title_rows() -> None:
    """Excel sheets often start with a title; the header row is found below it."""
    wb = Workbook()
    ws = wb.active
    ws.append(["Perinatale kerncijfers 2020"])
    ws.append([])
    ws.append(["Jaar", "GM code", "Geboorten", "Big2"])
    ws.append([2020, "GM0363", 8998, 1326])
    buffer = io.BytesIO()
    wb.save(buffer)
    result = pio.read_perinatal_file(buffer.getvalue(), "titel.xlsx", known_gemeenten=KNOWN, pc4_gemeente=PC4)
    assert result.ok, [i.text() for i in result.issues]
    assert result.frame["births"].tolist() == [8998]
