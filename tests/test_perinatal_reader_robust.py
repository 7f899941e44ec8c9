"""Property tests (hypothesis) attacking the perinatal importer and every CSV export with formula-like cells.

Covers ks_data/perinatal/reader.py (separators, encodings, decimal commas, thousands dots, renamed/missing/extra
columns, negative and impossible counts, duplicate areas, the size cap, arbitrary bytes) and the exports
in ks_data/core/export.py, ks_data/perinatal/views.py and ks_data/assessment/transfer.py.
"""

from __future__ import annotations

import csv
import io
import re
from datetime import date

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ks_data.core import export
from ks_data.perinatal import cells as perinatal_cells
from ks_data.perinatal import data_views
from ks_data.perinatal import reader as pio
from ks_data.perinatal import schema as ps
from ks_data.perinatal import views as ptab
from ks_data.texts import perinatal as tp

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
KNOWN = {f"GM{n:04d}" for n in range(1, 2000)}
FORMULAS = ("=cmd|' /C calc'!A0", "+1+1", "-2+3", "@SUM(A1:A2)", "=HYPERLINK(\"http://x\")", "\t=1", "'=1")
# Letters a Dutch export can hold in every encoding we accept (cp1252 covers these accented letters).
NAME_ALPHABET = st.sampled_from(list("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ éëïóúâ'-,;\"()"))
ALIASES = {column: [a for a in ps.SPECS[column].aliases if not ps.level_hint(a)] or list(ps.SPECS[column].aliases)
           for column in ("period", "births", "big2", "preterm", "sga", "perinatal_deaths", "area_name")}


@st.composite
def gemeente_rows(draw) -> list[dict[str, object]]:
    """Valid gemeente rows: unique (code, period), 0 <= events <= births, Big2 between max and sum."""
    n = draw(st.integers(1, 12))
    codes = draw(st.lists(st.integers(1, 1999), min_size=n, max_size=n, unique=True))
    rows = []
    for code in codes:
        births = draw(st.integers(0, 250_000))
        preterm = draw(st.integers(0, births // 2))
        sga = draw(st.integers(0, births // 2))
        big2 = draw(st.integers(max(preterm, sga), preterm + sga))
        name = draw(st.text(NAME_ALPHABET, min_size=1, max_size=25).filter(lambda s: not perinatal_cells.is_blank(s)))
        rows.append({"period": draw(st.sampled_from(["2020", "2016-2020", "2019"])), "code": code, "name": name,
                     "births": births, "big2": big2, "preterm": preterm, "sga": sga})
    return rows


def _count(value: int, dots: bool) -> str:
    return f"{value:,}".replace(",", ".") if dots else str(value)


def _pct(part: int, whole: int, comma: bool) -> str:
    text = f"{100 * part / whole:.1f}" if whole else "."
    return text.replace(".", ",") if comma and whole else text


@st.composite
def csv_files(draw, drop: str | None = None):
    """A valid gemeente file written with random separator, encoding, header aliases, number style, extras
    (without the column ``drop`` when given)."""
    rows = draw(gemeente_rows())
    sep = draw(st.sampled_from([";", ",", "\t"]))
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "cp1252"]))
    dots = draw(st.booleans())
    comma = draw(st.booleans())
    code_style = draw(st.sampled_from(["GM{:04d}", "{:04d}", "{}", "gm{}"]))
    headers = {c: draw(st.sampled_from(ALIASES[c])) for c in ("period", "births", "big2", "preterm", "sga")}
    headers["code"] = draw(st.sampled_from(["Gemeentecode", "GM code", "gemcode", "Code gemeente"]))
    headers["name"] = draw(st.sampled_from(["Gemeentenaam", "Naam", "Regio"]))
    extra = draw(st.lists(st.sampled_from(["Opmerking", "Bron", "Kolom X"]), max_size=2, unique=True))
    order = draw(st.permutations([c for c in ["period", "code", "name", "births", "big2", "preterm", "sga", "pct",
                                              *extra] if c != drop]))
    title_lines = draw(st.integers(0, 2))
    buffer = io.StringIO()
    for _ in range(title_lines):
        buffer.write("Perinatale cijfers, export\n")
    writer = csv.writer(buffer, delimiter=sep, lineterminator=draw(st.sampled_from(["\n", "\r\n"])))
    label = {**headers, "pct": "% Big2", **{e: e for e in extra}}
    writer.writerow([label[c] for c in order])
    for row in rows:
        cells = {"period": row["period"], "code": code_style.format(row["code"]), "name": row["name"],
                 **{c: _count(row[c], dots) for c in ("births", "big2", "preterm", "sga")},
                 "pct": _pct(row["big2"], row["births"], comma), **{e: "x" for e in extra}}
        writer.writerow([cells[c] for c in order])
    return buffer.getvalue().encode(encoding), rows, sep


@SETTINGS
@given(csv_files())
def test_any_valid_file_is_read_exactly(case) -> None:
    """Given a valid file in any separator/encoding/number style, then every count arrives unchanged."""
    content, rows, _ = case
    result = pio.read_perinatal_file(content, "export.csv", known_gemeenten=KNOWN, pc4_gemeente={})
    assert result.ok, [i.text() for i in result.errors]
    frame = result.frame.set_index("area_code")
    assert len(frame) == len(rows)
    for row in rows:
        got = frame.loc[f"GM{row['code']:04d}"]
        assert got["area_name"] == row["name"].strip()
        assert got["period"] == row["period"]
        for column in ("births", "big2", "preterm", "sga"):
            assert got[column] == row[column], column
    assert frame["level"].eq("gemeente").all() and not frame["is_synthetic"].any()


@pytest.mark.parametrize("dropped", ["period", "births", "code"])
@settings(max_examples=15, deadline=None)
@given(data=st.data())
def test_a_missing_required_column_is_named_in_dutch(dropped, data) -> None:
    """Given a valid file minus one required column, then it is rejected and the message names that column
    (without births but with a percentage column: 'Percentages gevonden, maar geen aantal geboorten')."""
    content, _, _ = data.draw(csv_files(drop=dropped))
    result = pio.read_perinatal_file(content, "export.csv", known_gemeenten=KNOWN, pc4_gemeente={})
    assert not result.ok and result.frame is None
    label = tp.COLUMN_LABELS[{"code": "area_code"}.get(dropped, dropped)]
    starts = (tp.MISSING_COLUMN.split("{")[0], tp.RATES_WITHOUT_BIRTHS.split("{")[0])
    assert any(i.message.startswith(starts) and label in i.message for i in result.errors)


@SETTINGS
@given(gemeente_rows(), st.data())
def test_negative_and_impossible_counts_are_errors_on_their_row(rows, data) -> None:
    """Given one row with a negative count or events > births, then the file is refused at exactly that row."""
    bad = data.draw(st.integers(0, len(rows) - 1))
    kind = data.draw(st.sampled_from(["negative", "exceeds"]))
    column = data.draw(st.sampled_from(["big2", "preterm", "sga"]))
    lines = ["Jaar;Gemeentecode;Geboorten;Big2;Vroeggeboorte;SGA"]
    for i, row in enumerate(rows):
        cells = {c: str(row[c]) for c in ("births", "big2", "preterm", "sga")}
        if i == bad:
            cells[column] = f"-{data.draw(st.integers(1, 99))}" if kind == "negative" else str(row["births"] + 1)
        lines.append(f"{row['period']};GM{row['code']:04d};{cells['births']};{cells['big2']};"
                     f"{cells['preterm']};{cells['sga']}")
    result = pio.read_perinatal_file("\n".join(lines).encode(), "x.csv", known_gemeenten=KNOWN, pc4_gemeente={})
    assert not result.ok and result.frame is None
    expected = "negatief" if kind == "negative" else "groter dan het aantal geboorten"
    hits = [i for i in result.errors if expected in i.message]
    assert hits and {i.row for i in hits} == {bad + 2}


@SETTINGS
@given(gemeente_rows(), st.data())
def test_duplicate_area_and_period_is_refused_with_both_rows(rows, data) -> None:
    """Given a row repeated (same gemeente and period), then the file is refused naming the first row."""
    first = data.draw(st.integers(0, len(rows) - 1))
    lines = ["Jaar;Gemeentecode;Geboorten;Big2"] + [
        f"{r['period']};GM{r['code']:04d};{r['births']};{r['big2']}" for r in rows]
    lines.append(lines[first + 1].replace(f"GM{rows[first]['code']:04d}", f"{rows[first]['code']}"))
    result = pio.read_perinatal_file("\n".join(lines).encode(), "x.csv", known_gemeenten=KNOWN, pc4_gemeente={})
    assert not result.ok
    dup = [i for i in result.errors if "komt voor periode" in i.message]
    assert len(dup) == 1 and dup[0].row == len(rows) + 2 and f"rij {first + 2}" in dup[0].message


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=3000), st.sampled_from(["a.csv", "a.txt", "a.tsv", "a.xlsx", "a.xls", "a.pdf", "a"]))
def test_arbitrary_bytes_never_raise(content, name) -> None:
    """Given any bytes under any file name, then the importer returns a result and never raises."""
    result = pio.read_perinatal_file(content, name, known_gemeenten=KNOWN, pc4_gemeente={})
    assert result.ok or (result.frame is None and result.errors)
    result.report()  # the Dutch table of issues can always be built


@settings(max_examples=80, deadline=None)
@given(st.lists(st.lists(st.text(max_size=12), min_size=1, max_size=6), min_size=1, max_size=8),
       st.sampled_from([";", ",", "\t"]))
def test_arbitrary_tables_never_raise(table, sep) -> None:
    """Given any table of text cells (quotes, separators, line breaks inside cells), then no exception."""
    out = io.StringIO()
    csv.writer(out, delimiter=sep).writerows([["Jaar", "Gemeentecode", "Geboorten", "Big2"], *table])
    result = pio.read_perinatal_file(out.getvalue().encode("utf-8"), "x.csv", known_gemeenten=KNOWN,
                                     pc4_gemeente={})
    assert result.ok or result.errors


def test_oversized_upload_is_refused_before_reading_with_dutch_message(tmp_path, monkeypatch) -> None:
    """Given a file one byte over the cap (upload or import folder), then a Dutch size message, no parsing."""
    from ks_data.perinatal import dataset as perinatal

    content = b"Jaar;Gemeentecode;Geboorten;Big2\n" + b"\x00" * pio.MAX_UPLOAD_BYTES
    result = pio.read_perinatal_file(content, "groot.csv")
    assert not result.ok and len(result.issues) == 1
    assert f"het maximum is {pio.MAX_UPLOAD_MB} MB" in result.errors[0].message
    path = tmp_path / "groot.csv"
    path.write_bytes(content)
    monkeypatch.setattr(perinatal, "open_import", lambda *a, **k: pytest.fail("read a file above the cap"))
    assert "het maximum is" in perinatal.read_import_file(path).errors[0].message


# --- formula-like cells must be neutralised in every CSV export --------------------------------------------
TEXT = st.one_of(st.sampled_from(FORMULAS), st.text(min_size=0, max_size=20))


def _cells(data: bytes, sep: str) -> list[str]:
    text = data.decode("utf-8-sig")
    return [cell for row in csv.reader(io.StringIO(text), delimiter=sep) for cell in row]


def _safe(cell: str) -> bool:
    """Text a spreadsheet shows as text: no formula prefix, unless the cell is a plain (negative) number."""
    return not cell.startswith(export.FORMULA_PREFIXES) or re.fullmatch(r"-?\d+([.,]\d+)?", cell) is not None


def test_formula_file_loads_and_keeps_the_text() -> None:
    """Given a user file whose names look like formulas, then it loads and the names are kept as text."""
    text = "Jaar;Gemeentecode;Gemeentenaam;Geboorten;Big2\n2020;GM0363;=cmd|' /C calc'!A0;1000;100\n" \
           "2020;GM0014;@SUM(A1);900;80\n"
    result = pio.read_perinatal_file(text.encode(), "=evil.csv", known_gemeenten=KNOWN, pc4_gemeente={})
    assert result.ok
    assert sorted(result.frame["area_name"]) == ["=cmd|' /C calc'!A0", "@SUM(A1)"]


@SETTINGS
@given(st.lists(TEXT, min_size=1, max_size=5), st.sampled_from(sorted(ptab.VIEWS)), st.booleans())
def test_perinatal_downloads_neutralise_formulas(names, view, synthetic) -> None:
    """Given area names/sources that look like formulas, then no cell of any perinatal download starts with
    = + - @ tab or CR, in Dutch or international notation (the profile page's downloads: overview, spine,
    trend, peers, pc4)."""
    n = len(names)
    frame = pd.DataFrame({
        "indicator": names, "title": names, "area_code": names, "area_name": names, "period": ["2020"] * n,
        "numerator": [-1] * n, "denominator": [10] * n, "value": [-0.5] * n, "lower": [0.1] * n,
        "upper": [0.2] * n, "national_value": [0.3] * n, "comparison": ["similar"] * n,
        "suppression_reason": names, "unit": ["%"] * n, "definition": names, "variant": names,
        "source": names, "is_synthetic": [synthetic] * n, "series": ["gemeente"] * n,
        **{c: [0.1] * n for c in ("g_min", "g_q25", "g_q75", "g_max")}})
    # the page offers ptab.export_frame through blocks.csv_download (export.to_csv_bytes, both notations)
    for dutch, sep in ((True, ";"), (False, ",")):
        cells = _cells(export.to_csv_bytes(ptab.export_frame(frame, view=view), dutch=dutch, synthetic=synthetic), sep)
        assert all(_safe(c) for c in cells), [c for c in cells if not _safe(c)]
        assert any(name.lstrip("'") and name in "".join(cells) for name in names) or not any(n.strip() for n in names)
    assert ptab.export_csv(frame, view=view) == export.to_csv_bytes(ptab.export_frame(frame, view=view), dutch=True)


@SETTINGS
@given(st.lists(TEXT, min_size=1, max_size=5), st.booleans())
def test_data_preview_download_neutralises_formulas(names, dutch) -> None:
    """Given a loaded file whose names and source look like formulas, then the data page's preview download has
    no formula cell and still holds the names."""
    n = len(names)
    tidy = ps.empty_tidy().reindex(range(n)).assign(
        period="2020", level="gemeente", area_code=names, area_name=names, gemeentecode="GM0363", gemeentenaam=names,
        births=100, big2=5, is_synthetic=False, source=names)
    data = export.to_csv_bytes(data_views.preview_export(tidy), dutch=dutch)
    cells = _cells(data, ";" if dutch else ",")
    assert all(_safe(c) for c in cells), [c for c in cells if not _safe(c)]
    column = pd.read_csv(io.BytesIO(data), sep=";" if dutch else ",", dtype=str, keep_default_na=False,
                         encoding="utf-8-sig")["gebied"].tolist()
    assert [export.unquote_cell(c) for c in column] == names


@SETTINGS
@given(st.lists(TEXT, min_size=1, max_size=5), st.booleans(), st.booleans())
def test_chart_downloads_neutralise_formulas(values, dutch, synthetic) -> None:
    """Given text cells that look like formulas, then export.to_csv_bytes (every chart's download) quotes them
    and nothing else changes."""
    frame = pd.DataFrame({"label": values, "value": [1.5] * len(values)})
    data = export.to_csv_bytes(frame, dutch=dutch, synthetic=synthetic)
    cells = _cells(data, ";" if dutch else ",")
    assert all(_safe(c) for c in cells)
    column = pd.read_csv(io.BytesIO(data), sep=";" if dutch else ",", dtype=str, keep_default_na=False,
                         encoding="utf-8-sig")["label"].tolist()
    assert [export.unquote_cell(c) for c in column] == values


@pytest.fixture(scope="module")
def bank():
    from ks_data.assessment.items import load_item_bank

    return load_item_bank()


@SETTINGS
@given(coalition=TEXT.filter(lambda s: s.strip() and "\r" not in s and "\n" not in s),
       gemeente=TEXT.filter(lambda s: "\r" not in s and "\n" not in s),
       note=TEXT.filter(lambda s: s.strip() and "\r" not in s))
def test_assessment_csv_neutralises_formulas_and_still_round_trips(bank, coalition, gemeente, note) -> None:
    """Given a coalition, gemeente and note that look like formulas, then the assessment CSV has no formula
    cell, and importing it gives back exactly the same texts."""
    from ks_data.assessment.items import AssessmentRecord
    from ks_data.assessment.transfer import export_csv, parse_assessment_file

    element = bank.elements[0]
    record = AssessmentRecord(coalition=coalition, gemeente=gemeente, assessment_date=date(2026, 11, 23),
                              answers={element.items[0].id: 2}, notes={element.id: {"going_well": note}})
    text = export_csv(bank, record)
    assert all(_safe(c) for c in _cells(text.encode(), ";"))
    back = parse_assessment_file(bank, text.encode(), filename="x.csv")
    assert (back.coalition, back.gemeente, back.notes) == (coalition, gemeente, {element.id: {"going_well": note}})
    assert export_csv(bank, back) == text


def _text_cells(frame: pd.DataFrame) -> list[str]:
    return [v for column in frame.columns for v in frame[column].tolist() if isinstance(v, str)]


@SETTINGS
@given(st.lists(TEXT, min_size=1, max_size=4))
def test_screen_tables_with_their_own_csv_download_are_neutralised(names) -> None:
    """Given user texts that look like formulas, then the tables shown with st.dataframe (whose toolbar offers
    a CSV download that does not neutralise) carry them quoted: data preview, profile tables, check report."""
    n = len(names)
    tidy = ps.empty_tidy().reindex(range(n))
    tidy = tidy.assign(period="2020", level="gemeente", area_code=names, area_name=names, gemeentecode="GM0363",
                       gemeentenaam=names, births=100, big2=-1, is_synthetic=False, source=names)
    frames = [data_views.preview(tidy)]
    rates = pd.DataFrame({"indicator": names, "area_code": names, "area_name": names, "period": ["2020"] * n,
                          "numerator": [5] * n, "denominator": [10] * n, "value": [50.0] * n, "lower": [1.0] * n,
                          "upper": [2.0] * n, "national_value": [3.0] * n, "comparison": ["similar"] * n,
                          "suppression_reason": names, "unit": ["%"] * n, "suppressed": [False] * n,
                          "is_synthetic": [False] * n, "definition": names, "variant": names})
    frames += [ptab.display(rates, view=view) for view in ("overview", "pc4", "peers")]
    header = ";".join(["Jaar", "Gemeentecode", "Geboorten", "Big2", *names])
    result = pio.read_perinatal_file(f"{header}\n2020;GM0363;10;20\n".encode(), "x.csv", known_gemeenten=KNOWN,
                                     pc4_gemeente={})
    frames.append(result.report())
    for frame in frames:
        assert all(_safe(c) for c in _text_cells(frame)), [c for c in _text_cells(frame) if not _safe(c)]
