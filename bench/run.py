"""Benchmark of the map pipeline: bytes to the browser, cache build/load time, page render time.

Usage (from the project folder, after `make setup-dev`)::

    .venv/bin/python -m bench.run [--source ../shared/geo] [--ports 8638,8639] [--write bench/RESULTS.md]

Prints a table and (with --write) writes it as Markdown with date and machine. Targets (issue 3):
national gemeente layer <= 1.5 MB, one gemeente's PC4 layer <= 300 KB, cache build < 60 s, cache load in
a fresh process < 1 s, map page rendered (polygons in the DOM) within 3x a bare one-line Streamlit page.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench import table
from bench.browser import new_page
from tests.support import APP_FILE, CHROMIUM, CHROMIUM_ARGS, PROJECT_DIR, StreamlitServer, free_port

LOAD_SNIPPET = """
import time; t0 = time.perf_counter()
import geopandas, pandas, pyarrow.parquet  # the libraries a Streamlit process has loaded anyway
t1 = time.perf_counter()
from ks_data.geo import cache as geo
geo.read_gemeenten(); geo.read_pc4_gemeente(); geo.read_gemeente_mapping()
geo.read_gemeente_shapes(year=2023); geo.read_pc4_shapes(gemeentecode="GM0363")
t2 = time.perf_counter()
print(t1 - t0, t2 - t1)
"""


def bench_build(source: Path, cache: Path) -> tuple[float, float]:
    """Seconds to build the cache in a fresh process: (wall clock incl. interpreter, build itself)."""
    started = time.perf_counter()
    out = subprocess.run([sys.executable, "-m", "ks_data.geo", "--from", str(source), "--cache-dir", str(cache)],
                         cwd=PROJECT_DIR, capture_output=True, text=True, check=True).stdout
    wall = time.perf_counter() - started
    inner = float(out.rsplit(" MB, ", 1)[1].split(" s")[0])
    return wall, inner


def bench_load(cache: Path, *, runs: int = 5) -> dict[str, float]:
    """Median seconds, in fresh processes, to read the tables + national layer + one PC4 layer (``read``),
    to import pandas/geopandas/pyarrow first (``imports``), and the whole process (``wall``)."""
    env = {**os.environ, "KS_GEO_CACHE_DIR": str(cache)}
    reads, imports, wall = [], [], []
    for _ in range(runs):
        started = time.perf_counter()
        out = subprocess.run([sys.executable, "-c", LOAD_SNIPPET], cwd=PROJECT_DIR, env=env, capture_output=True,
                             text=True, check=True).stdout
        wall.append(time.perf_counter() - started)
        first, second = out.strip().splitlines()[-1].split()
        imports.append(float(first))
        reads.append(float(second))
    return {"read": statistics.median(reads), "imports": statistics.median(imports), "wall": statistics.median(wall)}


def bench_bytes(cache: Path) -> dict[str, object]:
    """Bytes of the rendered folium maps (HTML+JS+GeoJSON) the browser receives, with synthetic data."""
    from ks_data.geo import cache as geo
    from ks_data.maps import folium_map as maps
    from ks_data.perinatal import dataset as perinatal
    from ks_data.perinatal import indicators as perinatal_indicators
    from ks_data.perinatal import rates
    from ks_data.perinatal import synthetic
    from ks_data.maps import layers as ml

    data_file = cache.parent / "synthetic.parquet"
    synthetic.write(output=data_file, geo_cache_dir=cache)
    import pandas as pd

    data = perinatal.PerinatalDataset(pd.read_parquet(data_file), True, "synthetisch voorbeeld", "synthetic")
    fmt = ml.format_of(perinatal_indicators.indicator("big2"))
    period = rates.default_period(data)
    mapping = geo.read_gemeente_mapping(cache_dir=cache)
    gem_rates = rates.area_rates(data, level="gemeente", indicator_id="big2", period=period)
    result: dict[str, object] = {}
    for year in geo.GEMEENTE_YEARS:
        shapes = geo.read_gemeente_shapes(year=year, cache_dir=cache)
        layer = ml.national_layer(shapes, gem_rates, year=year, mapping=mapping, fmt=fmt)
        result[f"national_{year}"] = maps.geometry_bytes(maps.gemeente_map(layer.frame))
    pc4_rates = rates.area_rates(data, level="pc4", indicator_id="big2", period=period)
    sizes = {}
    for code in geo.read_gemeenten(year=geo.DATA_YEAR, cache_dir=cache)["gemeentecode"]:
        shapes = geo.read_pc4_shapes(gemeentecode=code, cache_dir=cache)
        if shapes.empty:
            continue
        layer = ml.pc4_layer(shapes, pc4_rates[pc4_rates["gemeentecode"] == code], fmt=fmt)
        sizes[code] = maps.geometry_bytes(maps.pc4_map(layer.frame))
    worst = max(sizes, key=sizes.get)
    result.update(pc4_worst=sizes[worst], pc4_worst_code=worst, pc4_median=statistics.median(sizes.values()),
                  pc4_count=len(sizes))
    return result


def _time_page(browser, url: str, ready) -> float:
    """Seconds from opening ``url`` in a fresh local-only page until ``ready(page)``."""
    context, page = new_page(browser)
    started = time.perf_counter()
    page.goto(url)
    while not ready(page):
        if time.perf_counter() - started > 90:
            raise RuntimeError(f"{url} not rendered in 90 s")
        page.wait_for_timeout(20)
    elapsed = time.perf_counter() - started
    context.close()
    return elapsed


def _polygons(page, minimum: int) -> bool:
    counts = []
    for frame in page.frames:
        if "streamlit_folium" in frame.url:
            try:
                counts.append(frame.locator("path.leaflet-interactive").count())
            except Exception:  # noqa: BLE001 - frame replaced during a rerun
                return False
    return len(counts) >= 2 and max(counts) >= minimum and min(counts) > 0


def bench_render(cache: Path, ports: tuple[int, int], *, runs: int = 5) -> dict[str, float]:
    """Median seconds until the map page (national + Amsterdam PC4 polygons in the DOM) and a bare one-line
    page are rendered, both served the same way, network cut; first (cold) load reported separately."""
    from playwright.sync_api import sync_playwright

    work = Path(tempfile.mkdtemp(prefix="ks_bench_"))
    bare = work / "bare.py"
    bare.write_text('import streamlit as st\nst.write("klaar")\n', encoding="utf-8")
    env = {**os.environ, "KS_GEO_CACHE_DIR": str(cache), "KS_CACHE_DIR": str(work / "cache"),
           "KS_USER_DATA_DIR": str(work / "user")}
    servers = [StreamlitServer(APP_FILE, env, port=ports[0]), StreamlitServer(bare, env, port=ports[1])]
    map_url = f"{servers[0].url}/kaart?gemeente=GM0363"
    bare_url = f"{servers[1].url}/"
    try:
        for server in servers:
            server.start(timeout=60)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            map_ready = lambda page: _polygons(page, 342)  # noqa: E731
            bare_ready = lambda page: page.get_by_text("klaar").count() > 0  # noqa: E731
            cold_map = _time_page(browser, map_url, map_ready)
            cold_bare = _time_page(browser, bare_url, bare_ready)
            maps_t = [_time_page(browser, map_url, map_ready) for _ in range(runs)]
            bare_t = [_time_page(browser, bare_url, bare_ready) for _ in range(runs)]
            browser.close()
    finally:
        for server in servers:
            server.stop()
    return {"map": statistics.median(maps_t), "bare": statistics.median(bare_t), "cold_map": cold_map,
            "cold_bare": cold_bare}


def main(argv: list[str] | None = None) -> int:
    """Run every benchmark, print the table, optionally write it to a Markdown file."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--source", type=Path, default=Path(os.environ.get("KS_GEO_SOURCE", PROJECT_DIR.parent / "shared" / "geo")))
    parser.add_argument("--ports", default="", help="two ports for the app and the bare page (default: free)")
    parser.add_argument("--write", type=Path, default=None, help="write the table as Markdown to this file")
    args = parser.parse_args(argv)
    ports = tuple(int(p) for p in args.ports.split(",")) if args.ports else (free_port(), free_port())
    cache = Path(tempfile.mkdtemp(prefix="ks_bench_geo_")) / "geo"
    machine_line = table.machine()

    build_wall, build_inner = bench_build(args.source, cache)
    load = bench_load(cache)
    size = bench_bytes(cache)
    render = bench_render(cache, ports)
    ratio = render["map"] / render["bare"]
    rows = [
        ("National gemeente layer 2023 (map HTML+GeoJSON)", f"{size['national_2023'] / 1e6:.2f} MB", "<= 1.5 MB",
         size["national_2023"] <= 1.5e6),
        ("National gemeente layer 2021 (map HTML+GeoJSON)", f"{size['national_2021'] / 1e6:.2f} MB", "<= 1.5 MB",
         size["national_2021"] <= 1.5e6),
        (f"PC4 layer, worst gemeente ({size['pc4_worst_code']})", f"{size['pc4_worst'] / 1e3:.0f} KB", "<= 300 KB",
         size["pc4_worst"] <= 300e3),
        (f"PC4 layer, median over {size['pc4_count']} gemeenten", f"{size['pc4_median'] / 1e3:.0f} KB", "<= 300 KB",
         size["pc4_median"] <= 300e3),
        ("Cache build from source (fresh process, wall)", f"{build_wall:.1f} s (build {build_inner:.1f} s)", "< 60 s",
         build_wall < 60),
        ("Cache load in fresh process: tables + national + 1 PC4 (after imports)", f"{load['read']:.2f} s", "< 1 s",
         load["read"] < 1),
        ("  same process: importing pandas/geopandas/pyarrow first", f"{load['imports']:.2f} s", "(info)", True),
        ("  same process: wall clock incl. interpreter start", f"{load['wall']:.2f} s", "(info)", True),
        ("Map page rendered, polygons in DOM (median of 5, warm)", f"{render['map']:.2f} s", "", True),
        ("Bare one-line Streamlit page (median of 5, warm)", f"{render['bare']:.2f} s", "", True),
        ("Ratio map / bare", f"{ratio:.2f}x", "<= 3x", ratio <= 3),
        ("First load after server start: map / bare", f"{render['cold_map']:.2f} s / {render['cold_bare']:.2f} s",
         "(info)", True),
    ]
    table.print_table(rows, value_width=32)
    if args.write:
        table.write_results(args.write, "Maps (issue 3)", rows, machine_line=machine_line, notes=[
            f"Source: `{args.source}`; command: `.venv/bin/python -m bench.run --write bench/RESULTS.md`",
            "Network cut in the browser (every non-localhost request aborted)."])
    return 0 if all(r[3] for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
