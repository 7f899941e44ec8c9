"""Tests for ks_data/perinatal/synthetic.py: seeded, calibrated, consistent and labelled demo data."""

from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from ks_data import paths
from ks_data.geo import build as geo_build
from ks_data.geo import cache as geo
from ks_data.geo import population
from ks_data.national.catalogue import load_catalogue
from ks_data.perinatal import profile, rates, synthetic
from tests.conftest import GEO_MINI_DIR


@pytest.fixture(scope="module")
def fake_pc4() -> pd.DataFrame:
    """A stand-in PC4 table: 3,000 PC4s in 300 gemeenten (the real one comes from the geo cache)."""
    pc4 = [str(1000 + i) for i in range(3000)]
    codes = [f"GM{9000 + i // 10:04d}" for i in range(3000)]
    return pd.DataFrame({"pc4": pc4, "gemeentecode": codes, "gemeentenaam": [f"Gemeente {c}" for c in codes]})


@pytest.fixture(scope="module")
def generated(fake_pc4: pd.DataFrame) -> pd.DataFrame:
    return synthetic.generate(fake_pc4, seed=7)


def _rate(frame: pd.DataFrame, column: str, year: int) -> float:
    rows = frame[frame["period"] == str(year)]
    return 100 * rows[column].sum() / rows["births"].sum()


def test_national_2020_reproduces_the_monitor(generated: pd.DataFrame) -> None:
    """RIVM Monitor Kansrijke Start 2021, indicator 12: Big2 15.0%, preterm 6.7%, SGA 9.8% in 2020."""
    assert round(_rate(generated, "big2", 2020), 1) == 15.0
    assert round(_rate(generated, "preterm", 2020), 1) == 6.7
    assert round(_rate(generated, "sga", 2020), 1) == 9.8


@pytest.mark.parametrize("series", ["preterm", "sga"])
def test_earlier_years_stay_inside_the_monitors_2016_2020_range(generated: pd.DataFrame, series: str) -> None:
    """The monitor gives 2016-2020 only as a range ('varieerden ... van 6,9% tot 6,7%', '10,5% tot 9,8%') and
    'sinds 2018 een lichte daling': every year lies in the bundled range, the top is reached, 2018-2020 falls."""
    row = load_catalogue().values_for("big2", series=series).iloc[0]
    low, high, first = float(row["range_min"]), float(row["range_max"]), int(row["range_from"])
    rates = [round(_rate(generated, series, year), 1) for year in range(first, int(row["year"]) + 1)]
    assert all(low <= rate <= high for rate in rates), rates
    assert max(rates) == high and rates[-1] == low
    assert rates[2] > rates[3] > rates[4]  # 2018 > 2019 > 2020


def test_big2_is_preterm_or_sga(generated: pd.DataFrame) -> None:
    """Big2 = preterm + SGA - both, so max(preterm, sga) <= big2 <= preterm + sga on every row."""
    assert (generated["big2"] >= generated[["preterm", "sga"]].max(axis=1)).all()
    assert (generated["big2"] <= generated["preterm"] + generated["sga"]).all()
    for column in ("big2", "preterm", "sga", "perinatal_deaths", "perinatal_deaths_28d"):
        assert (generated[column] <= generated["births"]).all()
    assert (generated["perinatal_deaths_28d"] >= generated["perinatal_deaths"]).all()


def test_every_row_is_labelled_synthetic(generated: pd.DataFrame) -> None:
    assert generated["is_synthetic"].all()
    assert generated["source"].str.contains("synthetisch voorbeeld").all()
    # without population figures the source says how births were spread instead
    assert generated["source"].str.contains("verdeeld naar de oppervlakte").all()


def test_births_follow_the_population_proxy(fake_pc4: pd.DataFrame) -> None:
    """Given young children per year of age per PC4, expected births are proportional to them (a PC4 without
    children gets none), the national total stays calibrated, and the source says births come from children."""
    proxy = np.where(fake_pc4.index % 10 == 0, 0.0, np.where(fake_pc4.index < 1500, 200.0, 20.0))
    frame = synthetic.generate(fake_pc4.assign(births_proxy=proxy), seed=7)
    per_pc4 = frame.groupby("area_code")["births"].sum().reindex(fake_pc4["pc4"]).to_numpy()
    assert (per_pc4[proxy == 0] == 0).all()
    assert per_pc4[proxy == 200].mean() == pytest.approx(10 * per_pc4[proxy == 20].mean(), rel=0.05)
    total = frame[frame["period"] == "2020"]["births"].sum()
    assert total == pytest.approx(synthetic.BIRTHS_PER_YEAR, rel=0.04)
    assert frame["source"].str.contains("afgeleid van het aantal jonge kinderen").all()
    assert synthetic.uses_population(fake_pc4.assign(births_proxy=proxy))
    assert not synthetic.uses_population(fake_pc4) and not synthetic.uses_population(fake_pc4.assign(births_proxy=0.0))


def test_shape_years_and_keys(generated: pd.DataFrame, fake_pc4: pd.DataFrame) -> None:
    assert sorted(generated["period"].unique()) == [str(y) for y in synthetic.YEARS]
    assert len(generated) == len(fake_pc4) * len(synthetic.YEARS)
    assert not generated.duplicated(["period", "area_code"]).any()
    assert (generated["level"] == "pc4").all()


def test_same_seed_same_data_other_seed_other_data(fake_pc4: pd.DataFrame, generated: pd.DataFrame) -> None:
    pd.testing.assert_frame_equal(synthetic.generate(fake_pc4, seed=7), generated)
    assert not synthetic.generate(fake_pc4, seed=8)["big2"].equals(generated["big2"])


def test_realistic_spread_between_gemeenten(generated: pd.DataFrame) -> None:
    per = generated.groupby("gemeentecode")[["births", "big2"]].sum()
    big = per[per["births"] >= 2000]
    rates = 100 * big["big2"] / big["births"]
    assert 0.8 < float(np.std(rates)) < 5.0  # areas differ, but stay plausible
    assert rates.between(8, 25).all()


def test_cli_writes_into_cache_dir(perinatal_env: Path, capsys: pytest.CaptureFixture) -> None:
    assert synthetic.main([]) == 0
    written = paths.CACHE_DIR / synthetic.OUTPUT_FILE
    frame = pd.read_parquet(written)
    assert frame["is_synthetic"].all() and frame["area_code"].nunique() > 4000
    output = capsys.readouterr()
    assert "big2 15.0%" in output.out and "WARNING" not in output.err
    assert frame["source"].str.contains("afgeleid van het aantal jonge kinderen").all()


def test_cli_without_population_falls_back_with_a_warning(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                          capsys: pytest.CaptureFixture) -> None:
    """A boundary cache built without a population file: the demo is still written, spread by area, and the
    CLI warns on stderr how to get the population proxy."""
    source = tmp_path / "src"
    shutil.copytree(GEO_MINI_DIR, source)
    (source / "pc4_population_2021.csv").unlink()
    cache = geo_build.build_from_folder(source, cache_dir=tmp_path / "geo").cache_dir
    monkeypatch.setattr(paths, "CACHE_DIR", tmp_path / "cache")
    monkeypatch.setattr(paths, "GEO_CACHE_DIR", cache)
    assert synthetic.main([]) == 0
    assert "pc4_population_2021.csv" in capsys.readouterr().err
    frame = pd.read_parquet(paths.CACHE_DIR / synthetic.OUTPUT_FILE)
    assert frame["source"].str.contains("verdeeld naar de oppervlakte").all()


def test_write_uses_the_cached_proxy_of_the_mini_geography(mini_geo_cache: Path, tmp_path: Path) -> None:
    """The invented mini population: PC4 3001 has no young children and 3002 hidden cells, so no births."""
    frame = pd.read_parquet(synthetic.write(output=tmp_path / "s.parquet", geo_cache_dir=mini_geo_cache))
    births = frame.groupby("area_code")["births"].sum()
    assert births["3001"] == 0 and births["3002"] == 0 and births["1001"] > births["2001"] > births["1002"] > 0


def test_cli_without_geo_cache_fails_cleanly(no_perinatal_env: Path, capsys: pytest.CaptureFixture) -> None:
    assert synthetic.main([]) == 2
    assert "make data" in capsys.readouterr().err
    assert not (paths.CACHE_DIR / synthetic.OUTPUT_FILE).exists()


def test_concurrent_writers_never_leave_a_partial_file(generated: pd.DataFrame, tmp_path: Path) -> None:
    """Writers use temporary files of their own: the target is always a complete file, no temp file stays."""
    from concurrent.futures import ThreadPoolExecutor

    target = tmp_path / synthetic.OUTPUT_FILE
    small = generated.head(2000)
    with ThreadPoolExecutor(max_workers=4) as pool:
        list(pool.map(lambda _: synthetic._write_atomically(small, target), range(8)))
    assert len(pd.read_parquet(target)) == 2000
    assert [p.name for p in tmp_path.iterdir()] == [synthetic.OUTPUT_FILE]


def test_failed_write_removes_its_temporary_file(tmp_path: Path) -> None:
    """A frame that cannot be written raises, leaves no temporary file and no target behind."""
    bad = pd.DataFrame({"x": [object()]})
    with pytest.raises(Exception):  # noqa: B017,PT011 - pyarrow's own error type
        synthetic._write_atomically(bad, tmp_path / "out.parquet")
    assert list(tmp_path.iterdir()) == []


def test_births_follow_the_density_proxy(fake_pc4: pd.DataFrame) -> None:
    """With PC4 areas, a gemeente of small (urban) postcodes gets more births than one of large (rural) ones,
    and small postcodes get more births than large ones within a gemeente; the national total stays the same."""
    with_area = fake_pc4.assign(area_km2=np.where(fake_pc4.index < 1500, 1.0, 20.0))  # first 150 gemeenten urban
    with_area.loc[with_area.index % 10 == 0, "area_km2"] *= 4  # one larger postcode in every gemeente
    frame = synthetic.generate(with_area, seed=7)
    per_year = frame[frame["period"] == "2020"].merge(with_area[["pc4", "area_km2"]], left_on="area_code", right_on="pc4")
    urban = per_year["area_km2"].isin([1.0, 4.0])
    by_gemeente = per_year.groupby("gemeentecode")["births"].sum()
    urban_gemeenten = per_year.loc[urban, "gemeentecode"].unique()
    assert by_gemeente[urban_gemeenten].median() > 3 * by_gemeente.drop(urban_gemeenten).median()
    assert per_year.loc[urban & (per_year["area_km2"] == 1.0), "births"].mean() \
        > 2 * per_year.loc[per_year["area_km2"] == 4.0, "births"].mean()
    plain = synthetic.generate(fake_pc4, seed=7)
    total = per_year["births"].sum()
    assert abs(total - plain[plain["period"] == "2020"]["births"].sum()) < 0.02 * total


# --- plausibility on the real geography (../shared/geo): gemeenten look like themselves -------------------
@pytest.fixture(scope="module")
def real_demo(geo_cache: Path, tmp_path_factory: pytest.TempPathFactory) -> pd.DataFrame:
    return pd.read_parquet(synthetic.write(output=tmp_path_factory.mktemp("demo") / "demo.parquet",
                                           geo_cache_dir=geo_cache))


@pytest.fixture(scope="module")
def real_births(real_demo: pd.DataFrame, geo_cache: Path) -> pd.DataFrame:
    """Per gemeente: yearly births of the demo (2016-2020 pooled / 5) and the population proxy."""
    proxy = population.read_births_proxy(cache_dir=geo_cache).merge(
        geo.read_pc4_gemeente(year=2021, cache_dir=geo_cache), on="pc4")
    counts = rates.level_counts(real_demo, level="gemeente", period="2016-2020").set_index("area_code")
    out = pd.DataFrame({"births": counts["births"].astype(float) / 5,
                        "proxy": proxy.groupby("gemeentecode")["births_proxy"].sum().astype(float)})
    out["name"] = counts["area_name"]
    return out.dropna(subset=["births"])


@pytest.mark.geo
def test_births_per_gemeente_stay_within_a_few_percent_of_the_proxy(real_births: pd.DataFrame) -> None:
    """Births follow children aged 0-4 / 5 (scaled to the national total): within 4% for gemeenten of 1,000+
    births a year, 8% for 250+, typically within 2.5%; for every gemeente of 100+ the difference is Poisson
    noise (under 4 standard deviations over the five years); the issue's examples hold."""
    scale = real_births["births"].sum() / real_births["proxy"].sum()
    expected = real_births["proxy"] * scale
    ratio = real_births["births"] / expected
    assert (ratio[expected >= 1000] - 1).abs().max() < 0.04
    assert (ratio[expected >= 250] - 1).abs().max() < 0.08
    assert (ratio[expected >= 100] - 1).abs().median() < 0.025
    z = 5 * (real_births["births"] - expected) / np.sqrt(5 * expected)
    assert z[expected >= 100].abs().max() < 4
    named = real_births.set_index("name")["births"]
    assert named["Súdwest-Fryslân"] == pytest.approx(840, rel=0.06)  # not ~3,200 a year as before
    assert named["Putten"] == pytest.approx(260, rel=0.08)
    assert named["Amsterdam"] == pytest.approx(8_900, rel=0.04)


@pytest.mark.geo
def test_comparable_gemeenten_are_of_similar_size(real_births: pd.DataFrame, real_demo: pd.DataFrame) -> None:
    """The ten 'vergelijkbare gemeenten' (nearest by births, ``perinatal.profile.peers``) lie within a size band
    of one third for every gemeente of 100+ births a year below the ten largest; Súdwest-Fryslân's peers are
    gemeenten of ~800 births a year, not Arnhem, Eindhoven or Groningen."""
    births = real_births["births"].sort_values(ascending=False)
    for rank, (code, own) in enumerate(births.items()):
        nearest = (births.drop(code) - own).abs().sort_values(kind="stable").index[:profile.N_PEERS]
        if rank >= 10 and own >= 100:
            assert births[nearest].between(own * 0.75, own / 0.75).all(), real_births.loc[code, "name"]
    sudwest = profile.peers(real_demo, gemeentecode="GM1900", indicator_id="big2", period="2016-2020")
    peers = set(sudwest.loc[~sudwest["is_own"], "area_name"])
    assert len(peers) == profile.N_PEERS and not peers & {"Arnhem", "Eindhoven", "Groningen"}
    assert real_births.loc[list(sudwest.loc[~sudwest["is_own"], "area_code"]), "births"].between(
        0.9 * births["GM1900"], 1.1 * births["GM1900"]).all()


@pytest.mark.geo
def test_gemeenten_with_over_100_births_a_year_are_not_hidden(real_births: pd.DataFrame,
                                                              real_demo: pd.DataFrame) -> None:
    """Over the pooled 2016-2020 period, Big2 is shown (not suppressed) for every gemeente of 100+ births a year,
    e.g. Putten, Woudenberg and Staphorst."""
    big2 = rates.area_rates(real_demo, level="gemeente", indicator_id="big2", period="2016-2020").set_index("area_code")
    large = real_births.index[real_births["births"] > 100]
    assert not big2.loc[large, "suppressed"].any()
    shown = set(big2.loc[~big2["suppressed"], "area_name"])
    assert {"Putten", "Woudenberg", "Staphorst"} <= shown
