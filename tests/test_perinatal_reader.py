"""Tests for ks_data/perinatal/reader.py: reading real-format files and every broken-file case."""

from __future__ import annotations

import io
from pathlib import Path

import pandas as pd
import pytest
from openpyxl import Workbook

from ks_data.perinatal import reader as pio
from ks_data.perinatal import schema as ps
from ks_data.texts import perinatal as tp

DATA = Path(__file__).resolve().parent / "data"
KNOWN = {"GM0014", "GM0363", "GM1900", "GM0088", "GM0096", "GM0193", "GM0503", "GM0599", "GM0518", "GM0344", "GM0141",
         "GM0355", "GM0453"}
PC4 = {"1011": "GM0363", "1012": "GM0363", "1013": "GM0363", "1015": "GM0363", "9711": "GM0014", "9712": "GM0014",
       **{pc4: "GM0193" for pc4 in ("8011 8012 8013 8014 8015 8016 8017 8019 8021 8022 8023 8024 8025 8026 8028 8031 "
                                    "8032 8033 8034 8035 8041 8042 8043 8044 8045").split()},
       **{pc4: "GM0503" for pc4 in "2611 2612 2613 2614 2616 2622 2623 2624 2625 2626 2627 2628 2629".split()}}


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
    assert not result.ok and result.errors[0].message == tp.NO_EVENT_COLUMN


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


# --- the exports gemeenten really have (issue 13) -------------------------------------------------------------
def test_percentage_only_gemeente_export_derives_counts_from_births() -> None:
    """Given a waarstaatjegemeente-style file (percentages and per 1.000 with births, title lines above and a
    'Bron:' footnote below, cp1252), then counts are derived (rounded, flagged) and the published rates kept."""
    result = read("wsjg_gemeenten_percentages_2018-2020.csv")
    assert result.ok, [i.text() for i in result.errors]
    frame = result.frame.set_index("area_code")
    zwolle = frame.loc["GM0193"]
    assert zwolle["births"] == 4861 and zwolle["big2"] == round(4861 * 0.142) == 690
    assert zwolle["perinatal_deaths"] == round(4861 * 8.4 / 1000) == 41
    assert zwolle[ps.rate_column("big2")] == pytest.approx(0.142) and bool(zwolle[ps.derived_column("big2")])
    assert bool(zwolle[ps.derived_column("perinatal_deaths")]) and not bool(zwolle[ps.derived_column("perinatal_deaths_28d")])
    # Schiermonnikoog: '.' for every rate -> hidden in the source, never 0
    assert pd.isna(frame.loc["GM0088", "big2"]) and frame.loc["GM0088", ps.censored_column("big2")] == ""
    assert len(frame) == 12 and frame.loc["GM0518", "area_name"] == "'s-Gravenhage"
    skipped = [i for i in result.issues if i.severity == "info"]
    assert skipped and "Bron: Perined" in skipped[0].message and "Perinatale gezondheid per gemeente" in skipped[0].message
    assert not result.errors and not [i for i in result.warnings if i.row is not None]


def test_pc4_export_with_small_cells_loads_them_as_hidden_in_the_source() -> None:
    """Given a Perined-style PC4 file where small counts are '<10', then those are hidden cells (bound 9), not
    hundreds of errors; the rows and the other counts load."""
    result = read("perined_pc4_zwolle_2018-2020.csv")
    assert result.ok and not result.errors, [i.text() for i in result.errors]
    frame = result.frame.set_index("area_code")
    assert len(frame) == 25 and (frame["level"] == "pc4").all() and (frame["gemeentecode"] == "GM0193").all()
    assert frame.loc["8014", ps.censored_column("big2")] == "<10" and pd.isna(frame.loc["8014", "big2"])
    assert frame.loc["8045", ps.censored_column("births")] == "<10" and pd.isna(frame.loc["8045", "births"])
    assert frame.loc["8016", "big2"] == 80 and pd.isna(frame.loc["8016", ps.censored_column("big2")])
    assert not frame[[ps.derived_column(e) for e in ps.EVENT_COLUMNS]].any().any()


def test_long_format_gives_one_record_per_area_and_period() -> None:
    """Given one row per gemeente, period and indicator (with a unit column), then the indicators are gathered per
    gemeente, rates become counts, and an indicator the dashboard does not know is reported, not refused."""
    result = read("long_gemeenten_2020.csv")
    assert result.ok, [i.text() for i in result.errors]
    assert result.mapping.layout == "long"
    frame = result.frame.set_index("area_code")
    assert len(frame) == 6 and frame.loc["GM0193", "births"] == 1620
    assert frame.loc["GM0193", "big2"] == round(1620 * 0.139) and frame.loc["GM0193", ps.rate_column("big2")] == pytest.approx(0.139)
    assert frame.loc["GM0193", "perinatal_deaths"] == round(1620 * 8.6 / 1000)
    assert any("Roken tijdens de zwangerschap (%)" in i.message for i in result.warnings)


def test_excel_with_several_sheets_picks_the_table_and_reads_percent_cells() -> None:
    """Given a workbook with an explanation sheet, a gemeente sheet (a Big2 column formatted as %) and a PC4 sheet,
    then the gemeente sheet is read by default, 0,161 formatted as 16,1% is 16,1%, and the PC4 sheet can be chosen."""
    result = read("peristat_multisheet_2020.xlsx")
    assert result.ok, [i.text() for i in result.errors]
    assert result.table.sheets == ("Toelichting", "Gemeenten", "PC4") and result.table.sheet == "Gemeenten"
    delft = result.frame.set_index("area_code").loc["GM0503"]
    assert delft[ps.rate_column("big2")] == pytest.approx(0.161) and delft["big2"] == round(981 * 0.161)
    assert delft[ps.rate_column("perinatal_deaths")] == pytest.approx(0.0092)
    pc4 = read("peristat_multisheet_2020.xlsx", sheet="PC4")
    assert pc4.ok and pc4.table.sheet == "PC4" and set(pc4.frame["level"]) == {"pc4"}
    assert pc4.frame.set_index("area_code").loc["2614", ps.censored_column("big2")] == "<10"


@pytest.mark.parametrize(
    ("name", "row", "column", "fragment"),
    [
        pytest.param("broken_percentages_without_births.csv", None, None,
                     "Percentages gevonden, maar geen aantal geboorten: 'Big2 (%)', 'Vroeggeboorte (%)', "
                     "'Perinatale sterfte (per 1.000)'", id="percentages-without-births"),
        pytest.param("broken_text_in_rate.csv", 3, "Big2 (%)", "verwacht een percentage", id="text-in-rate"),
        pytest.param("broken_rate_over_100.csv", 3, "Big2 (%)", "niet hoger zijn dan 100, gevonden '159,0'",
                     id="rate-over-100"),
        pytest.param("broken_duplicate_long.csv", 4, "Waarde (Big2 (%))", "ook in rij 3", id="duplicate-long"),
    ],
)
def test_broken_exports_get_the_real_cause(name, row, column, fragment) -> None:
    """Given a broken export, then it is refused with a Dutch message naming the real cause, row and column."""
    result = read(name)
    assert not result.ok and result.frame is None
    assert [i for i in result.errors if fragment in i.message and i.row == row and i.column == column], \
        [i.text() for i in result.issues]
    assert tp.NO_EVENT_COLUMN not in [i.message for i in result.errors]


def test_a_count_and_its_rate_that_disagree_are_a_warning() -> None:
    result = read("count_rate_mismatch.csv")
    assert result.ok
    [warning] = [i for i in result.warnings if i.row is not None]
    assert (warning.row, warning.column) == (3, "Big2 (%)") and "15,9%" in warning.message and "14,3%" in warning.message


def test_a_hidden_count_stays_hidden_even_when_its_rate_is_published() -> None:
    """Given 'Aantal Big2' = '<10' and 'Big2 (%)' = '8,0', then the count stays hidden (no recovering it)."""
    result = read_text("Postcode;Jaar;Geboorten;Aantal Big2;Big2 (%)\n8011;2020;100;<10;8,0\n")
    assert result.ok
    row = result.frame.iloc[0]
    assert pd.isna(row["big2"]) and row[ps.censored_column("big2")] == "<10" and not row[ps.derived_column("big2")]


def test_a_user_mapping_changes_what_a_column_means() -> None:
    """Given the guessed mapping with one column corrected, then the file is read that way."""
    text = "Jaar;Code;Geboorten;Sterfte\n2020;GM0363;1000;6\n"
    guessed = read_text(text)
    assert guessed.frame["perinatal_deaths"].tolist() == [6]
    corrected = read_text(text, mapping=guessed.mapping.with_role(3, "perinatal_deaths_28d"))
    assert corrected.frame["perinatal_deaths_28d"].tolist() == [6] and corrected.frame["perinatal_deaths"].isna().all()


def test_two_columns_with_the_same_meaning_are_refused() -> None:
    text = "Jaar;Code;Geboorten;Big2;SGA\n2020;GM0363;1000;150;98\n"
    guessed = read_text(text)
    result = read_text(text, mapping=pio.Mapping(("period", "area_code", "births", "big2", "big2"), ()))
    assert guessed.ok and not result.ok
    assert any("'Big2', 'SGA'" in i.message for i in result.errors)


def test_rows_without_figures_and_group_headings_are_skipped_with_a_note() -> None:
    result = read_text("Jaar;Gemeentecode;Geboorten;Big2\nProvincie Utrecht;;;\n2020;GM0363;1000;150\n")
    assert result.ok and len(result.frame) == 1
    assert any(i.severity == "info" and i.row == 2 and "Provincie Utrecht" in i.message for i in result.issues)


def test_the_report_shows_rows_as_numbers_or_blank_never_none() -> None:
    report = read("broken_percentages_without_births.csv").report_text()
    assert report["rij"].tolist() == [""] and report["kolom"].tolist() == [""]
    assert "None" not in report.to_string() and "<NA>" not in report.to_string()
