"""Tests for ks_data/perinatal/synthetic.py: seeded, calibrated, consistent and labelled demo data."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from ks_data import paths
from ks_data.perinatal import synthetic


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
    assert round(_rate(generated, "preterm", 2016), 1) == 6.9
    assert round(_rate(generated, "sga", 2016), 1) == 10.5


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
    assert "big2 15.0%" in capsys.readouterr().out


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
