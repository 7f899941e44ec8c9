"""Seeded synthetic demo set: births and Big2/preterm/SGA/perinatal deaths per PC4 per year (2016-2020).

No real PC4 perinatal figures are available offline, so the demo uses generated counts, clearly labelled
(``is_synthetic`` = True on every row, "synthetisch voorbeeld" on screen). The national totals per year
are fixed exactly to targets. 2020 reproduces the RIVM Monitor Kansrijke Start 2021 (indicator 12, Big2,
source Perined): Big2 15.0%, preterm 6.7%, SGA (p10) 9.8%. For 2016-2020 the monitor gives only a range
("varieerden deze percentages van 6,9% tot 6,7% ... van 10,5% tot 9,8%") and says both "laten sinds 2018
een lichte daling zien"; the values for 2016-2019 are assumptions of this generator inside that range,
highest in 2018. The preterm+SGA overlap (1.5%, from 6.7 + 9.8 - 15.0) and the mortality rates are
assumptions too, not published figures. Areas vary through a gemeente and a PC4 effect shared by all
outcomes (as with deprivation), so preterm, SGA and Big2 go together.

Births per PC4 follow the number of young children living there (``ks_data.geo.population``: CBS children
aged 0-4 / 5, or 0-14 / 15 from the download), scaled to the national total, with Poisson noise per year.
Without a population table in the boundary cache the generator falls back to a density proxy: small PC4
areas, and PC4s in gemeenten whose PC4s are small, get more births (``AREA_EXPONENT``,
``GEMEENTE_AREA_EXPONENT``), with a warning.

CLI (writes ``paths.CACHE_DIR/perinatal_synthetic.parquet``; needs the boundary cache)::

    python -m ks_data.perinatal.synthetic [--seed 20211] [--output PATH]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

import numpy as np
import pandas as pd

from ks_data import paths
from ks_data.geo import cache as geo
from ks_data.geo import population
from ks_data.texts import common as tc
from ks_data.texts import synthetic as ts

DEFAULT_SEED = 20211
OUTPUT_FILE = "perinatal_synthetic.parquet"
YEARS: tuple[int, ...] = (2016, 2017, 2018, 2019, 2020)
BIRTHS_PER_YEAR = 169_000
# year -> (preterm %, SGA %): 2020 from the monitor; 2016-2019 assumed inside the monitor's range for
# 2016-2020 (preterm 6.7-6.9%, SGA 9.8-10.5%), highest in 2018 and slightly falling since ("sinds 2018").
TARGETS: dict[int, tuple[float, float]] = {
    2016: (6.8, 10.3), 2017: (6.8, 10.4), 2018: (6.9, 10.5), 2019: (6.8, 10.2), 2020: (6.7, 9.8),
}
OVERLAP_PCT = 1.5  # preterm and SGA both; 6.7 + 9.8 - 15.0 (2020)
# Perinatal mortality of the demo (assumption, not in the monitor): the order of Perined's national figures
# from 22 weeks per 1000 live and stillborn children (VZinfo, 2019: 7.3 up to 7 days, 7.8 up to 28 days).
DEATHS_7D_PER_1000 = 7.3
EXTRA_DEATHS_8_28D_PER_1000 = 0.5
GEMEENTE_SD = 0.12  # spread of the shared area effect on the logit scale
PC4_SD = 0.20
OWN_SD = 0.08  # outcome-specific noise per area
# Fallback without population figures: births per PC4 ~ gamma noise x area^-1 x (median PC4 area of the
# gemeente)^-0.5 (areas below 1.5 km² count as 1.5), so the largest gemeenten by births are the big cities.
AREA_EXPONENT = 1.0
GEMEENTE_AREA_EXPONENT = 0.5
MIN_AREA_KM2 = 1.5
COUNT_COLUMNS = ("births", "big2", "preterm", "sga", "perinatal_deaths", "perinatal_deaths_28d")


def output_path() -> Path:
    """Where the CLI writes the demo set (git-ignored cache)."""
    return paths.CACHE_DIR / OUTPUT_FILE


def _expit(x: np.ndarray) -> np.ndarray:
    return 1 / (1 + np.exp(-x))


def _calibrated(effect: np.ndarray, weights: np.ndarray, target: float) -> np.ndarray:
    """Probabilities expit(a + effect) whose weighted mean equals ``target`` (a found by bisection)."""
    low, high = -12.0, 12.0
    for _ in range(80):
        mid = (low + high) / 2
        mean = np.average(_expit(mid + effect), weights=weights)
        low, high = (mid, high) if mean < target else (low, mid)
    return _expit((low + high) / 2 + effect)


def _fix_total(counts: np.ndarray, cap: np.ndarray, target: int, weights: np.ndarray,
               rng: np.random.Generator) -> np.ndarray:
    """Add or remove single events (weighted by ``weights``, within 0..cap) until the sum is ``target``."""
    counts = counts.copy()
    while (diff := int(target - counts.sum())) != 0:
        room = (cap - counts) if diff > 0 else counts
        w = np.where(room > 0, weights + 1e-9, 0.0)
        picks = rng.choice(len(counts), size=abs(diff), p=w / w.sum())
        change = np.minimum(np.bincount(picks, minlength=len(counts)), room)
        counts += change if diff > 0 else -change
    return counts


def _density_weight(areas: pd.DataFrame) -> np.ndarray:
    """Relative births per PC4 from its area and the median PC4 area of its gemeente (see the module doc)."""
    area = areas["area_km2"].clip(lower=MIN_AREA_KM2)
    gemeente_median = area.groupby(areas["gemeentecode"]).transform("median")
    return (area ** -AREA_EXPONENT * gemeente_median ** -GEMEENTE_AREA_EXPONENT).to_numpy(float)


def uses_population(pc4_table: pd.DataFrame) -> bool:
    """Whether ``pc4_table`` carries a usable births proxy (column births_proxy with a positive total)."""
    return "births_proxy" in pc4_table and float(pd.to_numeric(pc4_table["births_proxy"]).fillna(0).sum()) > 0


def _share_of_births(areas: pd.DataFrame, rng: np.random.Generator) -> np.ndarray:
    """Expected share of the national births per PC4: the population proxy, else the density fallback."""
    if uses_population(areas):
        size = pd.to_numeric(areas["births_proxy"]).fillna(0).clip(lower=0).to_numpy(float)
    else:
        size = rng.gamma(shape=3.0, scale=1.0, size=len(areas)) * np.where(rng.random(len(areas)) < 0.05, 0.02, 1.0)
        size = size * _density_weight(areas)
    return size / size.sum()


def generate(pc4_table: pd.DataFrame, *, seed: int = DEFAULT_SEED, years: tuple[int, ...] = YEARS) -> pd.DataFrame:
    """Synthetic counts per PC4 per year.

    Args:
        pc4_table: columns pc4, gemeentecode, gemeentenaam (``geo.read_pc4_gemeente(year=2021)``), and
            optionally births_proxy (``geo.population.read_births_proxy``: young children per year of age)
            for the births per PC4; without it, area_km2 (``geo.read_pc4_areas``) for the density fallback;
            without either every PC4 has the same expected size.
        seed: random seed; the same seed and table give the same output.
        years: years to generate (each needs a TARGETS entry).

    Returns:
        Columns period, level ('pc4'), area_code, area_name, gemeentecode, gemeentenaam, births, big2,
        preterm, sga, perinatal_deaths, perinatal_deaths_28d, is_synthetic (True), source.
    """
    rng = np.random.default_rng(seed)
    areas = pc4_table[["pc4", "gemeentecode", "gemeentenaam"]].astype(str)
    areas["area_km2"] = pc4_table["area_km2"].to_numpy(float) if "area_km2" in pc4_table else MIN_AREA_KM2
    areas["area_km2"] = areas["area_km2"].fillna(MIN_AREA_KM2)
    if "births_proxy" in pc4_table:
        areas["births_proxy"] = pd.to_numeric(pc4_table["births_proxy"]).to_numpy(float)
    areas = areas.drop_duplicates("pc4").sort_values("pc4").reset_index(drop=True)
    n_areas = len(areas)
    gemeenten = areas["gemeentecode"].unique()
    g_effect = dict(zip(gemeenten, rng.normal(0, GEMEENTE_SD, len(gemeenten))))
    shared = areas["gemeentecode"].map(g_effect).to_numpy() + rng.normal(0, PC4_SD, n_areas)
    own_pt, own_sga, own_death = (rng.normal(0, OWN_SD, n_areas) for _ in range(3))
    size = _share_of_births(areas, rng)
    frames = []
    for year in years:
        pt_pct, sga_pct = TARGETS[year]
        births = rng.poisson(size * BIRTHS_PER_YEAR * rng.normal(1.0, 0.01))
        total = int(births.sum())
        p_pt = _calibrated(shared + own_pt, births + 1e-9, pt_pct / 100)
        p_sga = _calibrated(shared + own_sga, births + 1e-9, sga_pct / 100)
        preterm = _fix_total(rng.binomial(births, p_pt), births, round(total * pt_pct / 100), p_pt * births, rng)
        factor = p_sga / (sga_pct / 100)  # area SGA risk relative to the national rate
        q_both = np.clip(factor * OVERLAP_PCT / pt_pct, 0, 1)  # P(SGA | preterm)
        q_only = np.clip(factor * (sga_pct - OVERLAP_PCT) / (100 - pt_pct), 0, 1)  # P(SGA | term)
        both = _fix_total(rng.binomial(preterm, q_both), preterm, round(total * OVERLAP_PCT / 100),
                          q_both * preterm, rng)
        term = births - preterm
        sga_only = _fix_total(rng.binomial(term, q_only), term, round(total * (sga_pct - OVERLAP_PCT) / 100),
                              q_only * term, rng)
        p_death = _calibrated(shared + own_death, births + 1e-9, DEATHS_7D_PER_1000 / 1000)
        deaths = rng.binomial(births, p_death)
        deaths_28 = deaths + rng.binomial(births - deaths, EXTRA_DEATHS_8_28D_PER_1000 / 1000)
        frames.append(pd.DataFrame({
            "period": str(year), "level": "pc4", "area_code": areas["pc4"], "area_name": areas["pc4"],
            "gemeentecode": areas["gemeentecode"], "gemeentenaam": areas["gemeentenaam"],
            "births": births, "big2": preterm + sga_only, "preterm": preterm, "sga": both + sga_only,
            "perinatal_deaths": deaths, "perinatal_deaths_28d": deaths_28,
        }))
    out = pd.concat(frames, ignore_index=True)
    for column in COUNT_COLUMNS:
        out[column] = out[column].astype("Int64")
    for column in ("period", "level", "area_code", "area_name", "gemeentecode", "gemeentenaam"):
        out[column] = out[column].astype("string")
    out["is_synthetic"] = True
    births_basis = ts.BIRTHS_FROM_CHILDREN if uses_population(areas) else ts.BIRTHS_FROM_AREA
    source = ts.ROW_SOURCE.format(label=tc.SYNTHETIC_LABEL, seed=seed, births=births_basis)
    out["source"] = pd.Series(source, index=out.index, dtype="string")
    return out


def write(*, seed: int = DEFAULT_SEED, output: Path | None = None, geo_cache_dir: Path | None = None) -> Path:
    """Generate from the boundary cache and write Parquet atomically; returns the path.

    Raises:
        geo.GeoCacheMissing: when the boundary cache has not been built.
    """
    pc4 = geo.read_pc4_gemeente(year=geo.DATA_YEAR, cache_dir=geo_cache_dir)
    pc4 = pc4.merge(geo.read_pc4_areas(cache_dir=geo_cache_dir), on="pc4", how="left")
    proxy = population.read_births_proxy(cache_dir=geo_cache_dir)
    if proxy is not None:
        pc4 = pc4.merge(proxy[["pc4", "births_proxy"]], on="pc4", how="left")
    frame = generate(pc4, seed=seed)
    target = Path(output) if output is not None else output_path()
    target.parent.mkdir(parents=True, exist_ok=True)
    _write_atomically(frame, target)
    return target


def _write_atomically(frame: pd.DataFrame, target: Path) -> None:
    """Write Parquet to a temporary file of its own in ``target``'s folder, then rename it into place.

    A unique name per writer: two processes generating at once (two app servers, a test run next to
    ``make data``) must not write into, or rename away, each other's half-written file.
    """
    handle, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(handle)
    try:
        frame.to_parquet(name, index=False)
        os.replace(name, target)
    except BaseException:
        Path(name).unlink(missing_ok=True)
        raise


def main(argv: list[str] | None = None) -> int:
    """CLI entry point: ``python -m ks_data.perinatal.synthetic [--seed N] [--output PATH]``."""
    parser = argparse.ArgumentParser(description="Write the synthetic perinatal demo set (synthetisch voorbeeld).")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--output", type=Path, default=None, help=f"default: {output_path()}")
    args = parser.parse_args(argv)
    try:
        path = write(seed=args.seed, output=args.output)
    except geo.GeoCacheMissing as exc:
        print(exc, file=sys.stderr)
        return 2
    frame = pd.read_parquet(path)
    if population.read_births_proxy() is None:
        print(f"LET OP / WARNING: {ts.FALLBACK_WARNING}", file=sys.stderr)
    latest = frame[frame["period"] == str(max(YEARS))]
    n = latest["births"].sum()
    print(f"wrote {path}: {len(frame)} rows, {frame['area_code'].nunique()} PC4; {max(YEARS)}: "
          f"births {n}, big2 {100 * latest['big2'].sum() / n:.1f}%, preterm {100 * latest['preterm'].sum() / n:.1f}%, "
          f"sga {100 * latest['sga'].sum() / n:.1f}%")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
