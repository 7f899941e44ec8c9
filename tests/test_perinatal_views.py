"""Tests for ks_data/perinatal/views.py: Dutch display tables and downloads of the profile."""

from __future__ import annotations


from ks_data.core import export
from ks_data.perinatal import rates
from ks_data.perinatal import profile as rates_profile
from ks_data.perinatal import views as ptab
from tests.test_perinatal_rates import PC4_2020, tidy


def test_ci_range_puts_unit_once() -> None:
    assert ptab.ci_range(5.44, 7.61, unit="per 1000") == "5,4 – 7,6 per 1000"


def test_user_data_tables_have_no_synthetic_column_but_export_says_nee() -> None:
    out = rates.area_rates(tidy(PC4_2020), level="pc4", indicator_id="big2")
    assert "synthetisch voorbeeld" not in ptab.display(out, view="pc4").columns
    assert ptab.export_csv(out, view="pc4").decode("utf-8-sig").splitlines()[1].endswith(";nee")


def test_export_frame_has_dutch_headers_and_numbers_as_numbers() -> None:
    """Given PC4 rates, then the download frame has the table's Dutch headers, whole counts as integers,
    rates rounded to 3 decimals and suppressed values empty; the CSV writes it in both notations."""
    out = rates.area_rates(tidy(PC4_2020), level="pc4", indicator_id="big2")
    frame = ptab.export_frame(out, view="pc4")
    assert list(frame.columns) == ["code", "periode", "aantal", "geboorten", "waarde", "ondergrens 95%-BI",
                                   "bovengrens 95%-BI", "vergelijking", "afscherming", "bron", "synthetisch voorbeeld"]
    first = frame.iloc[0]
    assert (first["code"], first["aantal"], first["geboorten"], first["waarde"]) == ("1001", 30, 200, 15.0)
    assert str(frame["aantal"].dtype) == "Int64" and frame["waarde"].dtype == float
    assert frame.loc[out["suppressed"].to_numpy(), "waarde"].isna().all()
    assert frame["ondergrens 95%-BI"].round(3).equals(frame["ondergrens 95%-BI"])
    assert "1001,2020,30,200,15.0," in export.to_csv_bytes(frame, dutch=False).decode("utf-8-sig")
    assert ptab.export_csv(out, view="pc4") == export.to_csv_bytes(frame, dutch=True)


def test_spine_display_formats_the_spread_in_the_unit() -> None:
    spine = rates_profile.spine(tidy(PC4_2020), gemeentecode="GM0003", period="2020")
    shown = ptab.display(spine, view="spine").iloc[0]
    assert (shown["laagste gemeente"], shown["hoogste gemeente"], shown["Nederland"]) == ("10,3%", "17,8%",
                                                                                          "15,0% (RIVM-monitor, 2020)")
    assert "Nederland: bron" not in shown.index  # one cell on screen; the download keeps value and label apart
    assert ptab.export_frame(spine, view="spine").loc[0, "Nederland: bron"] == "RIVM-monitor, 2020"


def test_file_names() -> None:
    assert ptab.file_name("overview", synthetic=False, code="GM0363", period="2020") == "profiel_GM0363_2020.csv"
    assert ptab.file_name("trend", synthetic=True, indicator="big2", code="GM0363").startswith("synthetisch_voorbeeld_")


def test_spine_export_holds_the_spread_behind_the_chart() -> None:
    spine = rates_profile.spine(tidy(PC4_2020), gemeentecode="GM0003", period="2020")
    header = ptab.export_csv(spine, view="spine").decode("utf-8-sig").splitlines()[0].split(";")
    assert {"laagste gemeente", "gemeenten 25e percentiel", "hoogste gemeente", "Nederland"} <= set(header)


def test_export_labels_synthetic_rows_and_uses_dutch_csv() -> None:
    out = rates.area_rates(tidy(PC4_2020, synthetic=True), level="pc4", indicator_id="big2")
    text = ptab.export_csv(out, view="pc4").decode("utf-8-sig")
    header, first = text.splitlines()[:2]
    assert header.split(";")[-1] == "synthetisch voorbeeld" and first.endswith(";ja")
    assert "1001;2020;30;200;15,0;" in text  # decimal comma, ';' separator
    shown = ptab.display(out, view="pc4")
    assert (shown.loc[out["suppressed"], "waarde"] == "afgeschermd").all()
    assert (shown["synthetisch voorbeeld"] == "synthetisch voorbeeld").all()


def test_counts_derived_from_a_rate_are_marked_on_screen_and_in_the_download() -> None:
    """Given PC4 rows whose Big2 came from a percentage, then every table and download of them says 'afgeleid uit
    percentage' next to the count; counts from the file have no such column."""
    data = tidy(PC4_2020)
    data["big2_rate"], data["big2_derived"] = data["big2"] / data["births"], True
    out = rates.area_rates(data, level="pc4", indicator_id="big2")
    shown, download = ptab.display(out, view="pc4"), ptab.export_frame(out, view="pc4")
    visible = out["numerator"].notna().to_numpy()
    assert (shown.loc[visible, "herkomst aantal"] == "afgeleid uit percentage").all()
    assert (shown.loc[~visible, "herkomst aantal"] == "").all()  # a hidden count is not shown, so not 'derived'
    assert (download.loc[visible, "herkomst aantal"] == "afgeleid uit percentage").all()
    plain = rates.area_rates(tidy(PC4_2020), level="pc4", indicator_id="big2")
    assert "herkomst aantal" not in ptab.display(plain, view="pc4").columns



def test_period_order_puts_pooled_periods_first_then_single_years() -> None:
    """Given the periods in end-year order (as rates.periods gives them), then pooled periods come first (latest
    end, longest first), then the single years, latest first."""
    from ks_data.perinatal.views import period_order

    given = ["2016", "2017", "2016-2018", "2018", "2017-2019", "2019", "2020", "2018-2020", "2016-2020"]
    assert period_order(given) == ["2016-2020", "2018-2020", "2017-2019", "2016-2018", "2020", "2019", "2018",
                                   "2017", "2016"]
    assert period_order(["2020"]) == ["2020"] and period_order([]) == []
