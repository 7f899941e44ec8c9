"""Tests for ks_data/perinatal/table.py: finding the table in a file (header row, title and footnote lines, sheets)."""

from __future__ import annotations

import io

import pytest
from openpyxl import Workbook

from ks_data.perinatal import table as pt
from ks_data.texts import perinatal as tp


def test_the_header_is_found_below_title_lines_and_footnotes_are_left_out() -> None:
    text = ("Perinatale kerncijfers\nbron: Perined;;\n;;;\nJaar;Gemeentecode;Geboorten;Big2\n2020;GM0363;1000;150\n"
            "2020;GM0014;900;140\n;;;\nBron: Perined (fictief)\n* = minder dan 10\n")
    table = pt.read_table(text.encode(), "f.csv")
    assert table.headers == ("Jaar", "Gemeentecode", "Geboorten", "Big2") and table.header_row == 4
    assert list(table.body.index) == [5, 6]  # rows numbered as in the file
    assert [row for row, _ in table.skipped] == [1, 2, 8, 9]
    assert table.skipped[2] == (8, "Bron: Perined (fictief)")


def test_trailing_empty_columns_are_dropped_and_the_preview_keeps_the_file_headers() -> None:
    table = pt.read_table(b"Jaar;Code;Geboorten;Big2;;\n2020;GM0363;1000;150;;\n", "f.csv")
    assert table.headers == ("Jaar", "Code", "Geboorten", "Big2")
    assert table.preview().columns.tolist() == ["Jaar", "Code", "Geboorten", "Big2"]
    assert table.preview().iloc[0].tolist() == ["2020", "GM0363", "1000", "150"]


@pytest.mark.parametrize(("content", "name", "message"), [
    (b"", "leeg.csv", tp.FILE_EMPTY),
    (b"Jaar|Code|Geboorten\n2020|GM0363|1000\n", "pijp.csv", tp.FILE_ONE_COLUMN.format(header="Jaar|Code|Geboorten")),
    (b"%PDF-1.4", "cijfers.pdf", tp.FILE_TYPE.format(suffix=".pdf")),
    (b"a\x00b;c\n", "binair.csv", tp.FILE_BINARY),
    (b"PK\x03\x04kapot", "kapot.xlsx", tp.FILE_BAD_EXCEL),
])
def test_a_file_that_is_no_table_is_refused_in_dutch(content: bytes, name: str, message: str) -> None:
    with pytest.raises(pt.TableRejected) as info:
        pt.read_table(content, name)
    assert info.value.problem.message == message and info.value.problem.file == name


def _workbook(*sheets: tuple[str, list[list]]) -> bytes:
    book = Workbook()
    book.remove(book.active)
    for title, rows in sheets:
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_the_sheet_with_a_table_is_chosen_and_another_can_be_asked_for() -> None:
    content = _workbook(("Uitleg", [["Lees dit eerst"]]), ("Cijfers", [["Jaar", "Code", "Geboorten", "Big2"],
                                                                    [2020, "GM0363", 1000, 150]]),
                        ("Leeg", []))
    table = pt.read_table(content, "w.xlsx")
    assert table.sheets == ("Uitleg", "Cijfers", "Leeg") and table.sheet == "Cijfers"
    with pytest.raises(pt.TableRejected) as info:
        pt.read_table(content, "w.xlsx", sheet="Leeg")
    assert info.value.problem.message == tp.SHEET_EMPTY.format(sheet="Leeg")


def test_a_cell_formatted_as_percentage_is_read_in_percent() -> None:
    book = Workbook()
    sheet = book.active
    sheet.append(["Jaar", "Code", "Geboorten", "Big2"])
    sheet.append([2020, "GM0363", 1000, 0.153])
    sheet["D2"].number_format = "0.0%"
    buffer = io.BytesIO()
    book.save(buffer)
    assert pt.read_table(buffer.getvalue(), "p.xlsx").body.iloc[0, 3] == pytest.approx(15.3)
