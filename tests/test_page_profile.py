"""AppTest of app_pages/profile.py (url 'mijn-gemeente'): the municipality profile on synthetic and user data."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
from streamlit.testing.v1 import AppTest

from ks_data.perinatal import dataset as perinatal
from ks_data.perinatal import indicators as perinatal_indicators
from ks_data.texts import common as tc
from ks_data.texts import perinatal as tp
from tests.support import open_page

PROFILE_PAGE = "app_pages/profile.py"
DATA = Path(__file__).resolve().parent / "data"


def _profile(**query: str) -> AppTest:
    return open_page(PROFILE_PAGE, timeout=90, **query)


def _table(at: AppTest, column: str, *, index: int = 0) -> pd.DataFrame:
    """The ``index``-th shown table having ``column`` (charts' text alternatives are tables too)."""
    return [d.value for d in at.dataframe if column in d.value.columns][index]


def _specs(at: AppTest) -> list[dict]:
    return [json.loads(chart.proto.spec) for chart in at.get("vega_lite_chart")]



def _texts(at: AppTest) -> str:
    parts = [m.value for m in at.markdown] + [c.value for c in at.caption] + [h.value for h in at.header]
    parts += [h.value for h in at.subheader] + [w.value for w in at.warning] + [i.value for i in at.info]
    return "\n".join(str(p) for p in parts)


def _view(at: AppTest, view: str) -> AppTest:
    """Choose detail view ``view`` with the page's control (as a user clicks it) and rerun."""
    at.button_group(key="_url_weergave").set_value(view).run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def test_synthetic_profile_of_amsterdam(perinatal_env: Path) -> None:
    """Given the synthetic demo and gemeente=GM0363 in the URL, the profile opens with the gist, labelled
    synthetic, and each detail view shows its part (definitions table, PC4 areas) when chosen."""
    at = _profile(gemeente="GM0363")
    assert at.title[0].value == tp.PROFILE_TITLE
    assert at.warning[0].value == tc.SYNTHETIC_NOTE
    assert [h.value for h in at.header] == [tp.GIST_HEADING.format(name="Amsterdam", period="2016-2020")]
    assert [h.value for h in at.subheader] == [tp.SPINE_HEADING]
    sources = [c.value for c in at.caption if c.value.startswith(tc.SOURCE_PREFIX)]
    assert len(sources) >= 2 and all(tc.SYNTHETIC_LABEL in s for s in sources)
    _view(at, "definities")
    overview = _table(at, "definitie")
    assert len(overview) == 5 and overview["synthetisch voorbeeld"].eq(tc.SYNTHETIC_LABEL).all()
    assert "vanaf 24 weken" in " ".join(overview["definitie"])
    assert "Hoftiezer" in _texts(at) and tp.CI_METHOD_NOTE.format(method="Wilson") in _texts(at)
    _view(at, "pc4")
    assert tp.PC4_HEADING.format(name="Amsterdam") in _texts(at) and tp.SPINE_HEADING not in _texts(at)
    pc4 = _table(at, "code")
    assert pc4["code"].str.fullmatch(r"10\d\d|11\d\d").all()
    assert (pc4["waarde"] == tp.SUPPRESSED_MARK).any()  # small PC4 areas are suppressed
    assert at.query_params["weergave"] == ["pc4"] or at.query_params["weergave"] == "pc4"


def _expected_gist(code: str, period: str) -> tuple[list[str], list[str]]:
    """(significant sentence starts, not-significant titles) computed from the rates, independently of the page."""
    from ks_data.perinatal import profile as rates_profile

    spine = rates_profile.spine(perinatal.load_active(), gemeentecode=code, period=period)
    significant, similar = [], []
    for _, row in spine.iterrows():
        if row["suppressed"] or pd.isna(row["national_value"]):
            continue
        lower, upper, national = float(row["lower"]), float(row["upper"]), float(row["national_value"])
        if lower > national or upper < national:  # the interval leaves out Nederland
            value = tc.fmt_value(row["value"], unit=row["unit"], decimals=1)
            ref = tc.fmt_value(national, unit=row["unit"], decimals=1)
            significant.append(f"**{row['short_title']}**: {value} tegen {ref} in Nederland — "
                               f"{'hoger' if row['value'] > national else 'lager'} dan landelijk")
        else:
            similar.append(str(row["short_title"]))
    return significant, similar


def _gist_lines(at: AppTest) -> list[str]:
    heading = [m.value for m in at.markdown if m.value.startswith("- ")]
    return [line[2:] for line in heading[0].splitlines()]


def test_gist_names_each_significant_difference_in_words_and_numbers(perinatal_env: Path) -> None:
    """Given Amsterdam's synthetic profile, then 'Wat valt op' lists exactly the indicators whose 95% interval
    leaves out Nederland, each with both values, the direction and 'significant', then the others by name."""
    at = _profile(gemeente="GM0363")
    significant, similar = _expected_gist("GM0363", "2016-2020")
    lines = _gist_lines(at)
    assert significant, "the synthetic Amsterdam differs from Nederland on at least one indicator"
    assert len(lines) == len(significant) + (1 if similar else 0)
    for start in significant:
        assert any(line.startswith(start) and line.endswith("(significant)") for line in lines), start
    if similar:
        assert lines[-1] == tp.GIST_SIMILAR.format(indicators=", ".join(similar))
    # the gist comes before the tiles
    bodies = [h.proto.body for h in at.get("html")]
    assert any("ks-perinatal-tiles" in b for b in bodies)


def test_gist_says_plainly_when_nothing_differs_and_what_is_not_compared(perinatal_env: Path) -> None:
    """Given Zwolle's published percentages (Big2 14,2% of 4.861 births, its interval holds the RIVM 15,0%), then
    Big2 is not among the significant lines, and perinatal mortality is named as not compared (no reference)."""
    _load(WSJG)
    at = _profile(gemeente="GM0193")
    lines = _gist_lines(at)
    assert not any(line.startswith("**Big2**") for line in lines)
    assert lines[-1] == tp.GIST_NOT_COMPARED.format(indicators="Perinatale sterfte (7 dagen)")
    significant, similar = _expected_gist("GM0193", "2018-2020")
    if not significant:
        assert lines[0] == tp.GIST_NONE_SIGNIFICANT.format(n=len(similar))
    else:
        assert all(any(line.startswith(s) for line in lines) for s in significant)


def test_the_detail_view_is_in_the_url_and_only_the_chosen_one_is_built(perinatal_env: Path, monkeypatch) -> None:
    """Given ?weergave=trend, then only the trend is computed and drawn (peers and PC4 code never runs); choosing
    'Vergelijkbare gemeenten' puts it in the URL and draws only that chart."""
    from ks_data.ui import cached

    def not_built(*args, **kwargs):
        raise AssertionError("a detail view that is not chosen was built")

    real_peers = cached.perinatal_peers
    monkeypatch.setattr(cached, "perinatal_peers", not_built)
    monkeypatch.setattr(cached, "perinatal_pc4", not_built)
    at = _profile(gemeente="GM0363", weergave="trend")
    assert at.button_group(key="_url_weergave").value == "trend"
    alts = [chart.proto.alt for chart in at.get("vega_lite_chart")]
    assert len(alts) == 1 and alts[0].startswith("Lijngrafiek van Big2 in Amsterdam")
    assert [h.value for h in at.subheader] == [tp.TREND_HEADING]

    monkeypatch.setattr(cached, "perinatal_peers", real_peers)
    monkeypatch.setattr(cached, "perinatal_trend", not_built)
    _view(at, "gemeenten")
    assert at.query_params["weergave"] in ("gemeenten", ["gemeenten"])
    alts = [chart.proto.alt for chart in at.get("vega_lite_chart")]
    assert len(alts) == 1 and alts[0].startswith("Puntgrafiek van Big2 in Amsterdam en 10 vergelijkbare gemeenten")


def test_an_unknown_detail_view_in_a_link_falls_back_to_the_comparison(perinatal_env: Path) -> None:
    at = _profile(gemeente="GM0363", weergave="bestaat_niet")
    assert at.button_group(key="_url_weergave").value == "vergelijking"
    assert at.get("vega_lite_chart")[0].proto.alt.startswith("Vergelijkingsgrafiek van Amsterdam met Nederland")


def test_the_period_list_puts_pooled_periods_first(perinatal_env: Path) -> None:
    options = _profile(gemeente="GM0363").selectbox(key="_profiel_periode").options
    pooled = [o for o in options if "-" in o]
    assert options[:len(pooled)] == pooled and options[0] == "2016-2020"
    assert all("-" not in o for o in options[len(pooled):]) and len(options) > len(pooled)


def test_every_chart_has_alt_text_explanation_table_and_download(perinatal_env: Path) -> None:
    """Given the profile, then spine, trend and peers charts (one per view) each carry a Dutch alt text, a
    teller/noemer caption with the period, a folded table and a Dutch + international download."""
    at = _profile(gemeente="GM0363")
    expected = {
        "vergelijking": "Vergelijkingsgrafiek van Amsterdam met Nederland, 2016-2020, voor 5 indicatoren",
        "trend": "Lijngrafiek van Big2 in Amsterdam",
        "gemeenten": "Puntgrafiek van Big2 in Amsterdam en 10 vergelijkbare gemeenten, 2016-2020",
    }
    for view, alt in expected.items():
        _view(at, view)
        charts = at.get("vega_lite_chart")
        assert len(charts) == 1 and charts[0].proto.alt.startswith(alt)
        assert [e.label for e in at.expander].count(tc.TABLE_ALTERNATIVE) == 1
        buttons = at.get("download_button")
        assert [b.proto.label for b in buttons] == [tc.DOWNLOAD_DUTCH, tc.DOWNLOAD_INTERNATIONAL]
        captions = [c.value for c in at.caption]
        if view == "vergelijking":
            assert any(c.startswith("Periode 2016-2020 (gepoold). Big2: teller kinderen met Big2, noemer geboren "
                                    "kinderen") for c in captions)
            spine_table = _table(at, "laagste gemeente")
            assert len(spine_table) == 5 and spine_table["Nederland"].str.fullmatch(
                r"\d+,\d(%| per 1000) \(som van alle gemeenten in het bestand\)").all()
        if view == "trend":
            assert "2016-2018 tot en met 2018-2020" in charts[0].proto.alt
            assert tp.EXPLAIN_RATE.format(title="Big2", numerator="kinderen met Big2",
                                          denominator="geboren kinderen vanaf 24 weken", multiplier=100, unit="%",
                                          period="2016-2018 tot en met 2018-2020") in captions


def test_downloads_hold_exactly_the_shown_rows_in_both_notations(perinatal_env: Path, csv_downloads) -> None:
    """Given the definitions view and the PC4 view, then their downloads hold the rows of the shown tables,
    numbers as numbers (decimal comma in the Dutch file, point in the international one) and the synthetic label."""
    at = _profile(gemeente="GM0363", weergave="definities")
    nl = [d.read() for d in csv_downloads if d.dutch]
    assert len(nl) == 1
    overview = nl[0]
    shown = _table(at, "definitie")
    assert overview["indicator"].tolist() == shown["indicator"].tolist()
    assert overview["let_op"].eq(tc.SYNTHETIC_LABEL).all() and overview["synthetisch voorbeeld"].eq("ja").all()
    big2 = overview.set_index("indicator").iloc[0]
    assert tc.fmt_pct(big2["waarde"]) == shown.set_index("indicator").iloc[0]["waarde"]
    csv_downloads.clear()
    _view(at, "pc4")
    nl = [d.read() for d in csv_downloads if d.dutch]
    intl = [d.read() for d in csv_downloads if not d.dutch]
    assert len(nl) == len(intl) == 1
    pc4_nl, pc4_int = nl[0], intl[0]
    pc4_shown = _table(at, "code")
    assert pc4_nl["code"].astype(str).tolist() == pc4_shown["code"].tolist()
    pd.testing.assert_frame_equal(pc4_nl, pc4_int)  # same data, only the notation differs
    assert pc4_nl["waarde"].dtype == float and pc4_nl["waarde"].isna().sum() == (pc4_shown["waarde"] ==
                                                                                  tp.SUPPRESSED_MARK).sum()


def test_tiles_explain_their_numbers(perinatal_env: Path) -> None:
    """Given the profile, then every tile says teller, noemer and period, carries the definition and sources as
    its tooltip, is labelled synthetic, and its comparison badge is text, not colour alone."""
    at = _profile(gemeente="GM0363")
    tiles = next(h.proto.body for h in at.get("html") if "ks-perinatal-tiles" in h.proto.body)
    assert tiles.count('class="ks-perinatal-tile"') == 5
    assert tiles.count("Teller: ") >= 10  # visible line + tooltip on each tile
    assert "Teller: kinderen met Big2; noemer: geboren kinderen vanaf 24 weken. Periode 2016-2020." in tiles
    assert tiles.count('title="') == 5 and "Bron: synthetisch voorbeeld, gegenereerd met seed" in tiles
    assert tiles.count('class="ks-tile-synthetic"') == 5
    assert any(label in tiles for label in ("gunstiger dan Nederland", "vergelijkbaar met Nederland"))


def test_presentation_mode_enlarges_chart_text(perinatal_env: Path) -> None:
    """Given ?presentatie=1, then every profile chart's axis labels are 1.5x the normal size."""
    normal = [spec["config"]["axis"]["labelFontSize"] for spec in _specs(_profile(gemeente="GM0363"))]
    large = [spec["config"]["axis"]["labelFontSize"] for spec in _specs(_profile(gemeente="GM0363", presentatie="1"))]
    assert normal == [14] and large == [21]


def test_shared_link_reproduces_the_view(perinatal_env: Path) -> None:
    """Given a link with gemeente, indicator and periode, then the page shows exactly the view a user gets by
    choosing them on the page: same headings, definition, chart titles and tables."""
    linked = _profile(gemeente="GM0363", indicator="perinatal_mortality", periode="2017-2019", weergave="gemeenten")
    assert linked.selectbox(key="_profiel_periode").value == "2017-2019"
    assert linked.selectbox(key="_profiel_indicator").value == "perinatal_mortality"
    assert linked.header[0].value == tp.GIST_HEADING.format(name="Amsterdam", period="2017-2019")
    titles = [spec["title"]["text"] for spec in _specs(linked)]
    assert titles[0].startswith("Perinatale sterfte (7 dagen): Amsterdam en vergelijkbare gemeenten, 2017-2019")

    clicked = _view(_profile(gemeente="GM0363"), "gemeenten")
    clicked.selectbox(key="_profiel_periode").select("2017-2019").run()
    clicked.selectbox(key="_profiel_indicator").select("perinatal_mortality").run()
    assert not clicked.exception
    assert [h.value for h in clicked.header] == [h.value for h in linked.header]
    assert [m.value for m in clicked.markdown] == [m.value for m in linked.markdown]
    assert [spec["title"] for spec in _specs(clicked)] == [spec["title"] for spec in _specs(linked)]
    assert len(clicked.dataframe) == len(linked.dataframe)
    for mine, theirs in zip(clicked.dataframe, linked.dataframe):
        pd.testing.assert_frame_equal(mine.value, theirs.value)
    assert (clicked.query_params["periode"], clicked.query_params["indicator"]) == ("2017-2019", "perinatal_mortality")


def test_link_with_unknown_period_or_indicator_falls_back_to_the_defaults(perinatal_env: Path) -> None:
    at = _profile(gemeente="GM0363", indicator="bestaat_niet", periode="1999", weergave="trend")
    assert not at.error
    assert at.header[0].value == tp.GIST_HEADING.format(name="Amsterdam", period="2016-2020")
    assert at.selectbox(key="_profiel_indicator").value == "big2"


def test_page_ends_with_map_and_printable_report_links(perinatal_env: Path) -> None:
    at = _profile(gemeente="GM0363")
    links = [(link.proto.label, link.proto.page, link.proto.icon) for link in at.get("page_link")]
    assert links[-1] == (tp.REPORT_LINK, "rapport", ":material/print:")
    assert links[-2][0] == tp.MAP_LINK.format(name="Amsterdam")


def test_indicator_choice_changes_definition_and_url(perinatal_env: Path) -> None:
    at = _profile(gemeente="GM0363", weergave="pc4")
    at.selectbox(key="_profiel_indicator").select("perinatal_mortality").run()
    assert not at.exception
    definition = [m.value for m in at.markdown if m.value.startswith("Definitie:")][0]
    assert "7 dagen" in definition
    assert "perinatal_mortality" in str(at.query_params["indicator"])


def test_without_gemeente_the_page_asks_for_one(perinatal_env: Path) -> None:
    at = _profile()
    assert at.info[0].value == tp.PROFILE_PICK
    assert not at.error


def test_without_any_data_a_dutch_explanation(no_perinatal_env: Path) -> None:
    at = _profile(gemeente="GM0363")
    assert at.info[0].value == tp.NO_DATA_GEO
    assert not at.error and not at.dataframe and not at.get("download_button")


def test_user_file_replaces_demo(perinatal_env: Path) -> None:
    """Given a loaded Perined gemeente file, the profile shows its figures, without the synthetic label."""
    name = "perined_gemeenten_2016-2020.csv"
    perinatal.save_user_file(perinatal.check_file((DATA / name).read_bytes(), name))
    at = _profile(gemeente="GM0363", weergave="definities")
    assert tc.SYNTHETIC_NOTE not in [w.value for w in at.warning]
    overview = _table(at, "definitie").set_index("indicator")
    big2 = overview.loc[perinatal_indicators.indicator("big2").title]
    assert big2["waarde"] == "15,3%" and big2["aantal"] == "6.890" and big2["geboorten"] == "45.123"
    assert big2["Nederland"] == "15,3% (landelijke rij in het bestand)"  # 130.512 / 853.017
    assert "synthetisch voorbeeld" not in overview.columns
    texts = _texts(at)
    assert tp.NATIONAL_LABELS["land"] in texts and "RIVM-monitor, " not in texts  # no RIVM reference label
    assert tp.TREND_NONE in _texts(_view(at, "trend")) and tp.PC4_NONE in _texts(_view(at, "pc4"))


def test_gemeente_without_rows_in_user_file(perinatal_env: Path) -> None:
    name = "perined_gemeenten_2016-2020.csv"
    perinatal.save_user_file(perinatal.check_file((DATA / name).read_bytes(), name))
    at = _profile(gemeente="GM0599")
    assert at.warning[-1].value.startswith("Voor gemeente GM0599 staan geen cijfers")


# --- the exports gemeenten really have (issue 13) -------------------------------------------------------------
WSJG = "wsjg_gemeenten_percentages_2018-2020.csv"
PC4 = "perined_pc4_zwolle_2018-2020.csv"


def _load(*names: str) -> None:
    for name in names:
        result = perinatal.check_file((DATA / name).read_bytes(), name)
        assert result.ok, [i.text() for i in result.errors]
        perinatal.confirm_import(result)


def _tiles(at: AppTest) -> str:
    return "\n".join(h.proto.body for h in at.get("html"))


def test_a_percentage_export_and_a_pc4_export_give_the_user_figures_with_a_named_reference(perinatal_env: Path) -> None:
    """Given a percentage-only gemeente export and a PC4 export with '<10' cells, then Zwolle's profile shows the
    published rates with their CIs, counts marked 'afgeleid uit percentage', Nederland named per indicator (the
    RIVM value where there is one, plainly none for perinatal mortality) with a comparison, and its PC4 areas
    'afgeschermd in de bron (<10)' where the file hid a cell."""
    _load(WSJG, PC4)
    at = _profile(gemeente="GM0193", weergave="definities")
    assert not at.exception and tc.SYNTHETIC_NOTE not in [w.value for w in at.warning]
    assert [h.value for h in at.header][0] == tp.GIST_HEADING.format(name="Zwolle", period="2018-2020")
    overview = _table(at, "definitie").set_index("indicator")
    big2 = overview.loc[perinatal_indicators.indicator("big2").title]
    assert big2["waarde"] == "14,2%" and big2["95%-BI"].startswith("13,") and big2["aantal"] == "690"
    assert big2["herkomst aantal"] == "afgeleid uit percentage" and big2["geboorten"] == "4.861"
    # 14,2% of 4.861 births: the 95%-BI (13,2 - 15,2%) holds 15,0%
    assert (big2["Nederland"], big2["vergelijking"]) == ("15,0% (RIVM-monitor, 2020)", "vergelijkbaar met Nederland")
    mortality = overview.loc[perinatal_indicators.indicator("perinatal_mortality").title]
    assert mortality["Nederland"] == "geen landelijk cijfer beschikbaar" and mortality["vergelijking"] == "niet vergeleken"
    tiles = _tiles(at)
    assert "Nederland: 15,0% (RIVM-monitor, 2020)" in tiles and "Nederland: geen landelijk cijfer beschikbaar" in tiles
    assert "(afgeleid uit percentage)" in tiles
    # the comparison chart places the three indicators with a reference and says which one it leaves out
    _view(at, "vergelijking")
    assert at.get("vega_lite_chart")[0].proto.alt.startswith("Vergelijkingsgrafiek van Zwolle met Nederland, "
                                                               "2018-2020, voor 3 indicatoren")
    assert tp.NOT_COMPARED_NOTE.format(indicators="Perinatale sterfte (7 dagen)") in [c.value for c in at.caption]
    pc4 = _table(_view(at, "pc4"), "code").set_index("code")
    assert (pc4.loc["8014", "waarde"], pc4.loc["8014", "afscherming"]) == (tp.HIDDEN_IN_SOURCE,
                                                                          "afgeschermd in de bron (<10)")
    assert pc4.loc["8016", "waarde"] != tp.SUPPRESSED_MARK and "herkomst aantal" not in pc4.columns


def test_a_gemeente_only_in_a_pc4_file_with_hidden_cells_says_why_and_which_file_helps(perinatal_env: Path) -> None:
    _load(PC4)
    at = _profile(gemeente="GM0193")
    tiles = _tiles(at)
    assert "niet te berekenen uit de postcodegebieden" in tiles and "gemeente-export" in tiles
    assert tp.TILE_COUNT_HIDDEN in tiles


def test_the_cbs_name_is_shown_not_a_formula_from_the_file(perinatal_env: Path) -> None:
    _load(WSJG)
    at = _profile(gemeente="GM0453")
    assert at.header[0].value == tp.GIST_HEADING.format(name="Velsen", period="2018-2020")
    assert "HYPERLINK" not in _texts(at) and "HYPERLINK" not in _tiles(at)
