"""The app benchmark's measurements: cold start, warm switches, gemeente switches, bytes, data loading, memory."""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from bench.browser import ByteCounter, click_nav, new_page, open_picker, start_url, switch_to, wait_rendered
from tests.support import PROJECT_DIR, StreamlitServer

if TYPE_CHECKING:
    from playwright.sync_api import Browser

DATA_SNIPPET = """
import time
t0 = time.perf_counter()
from ks_data.assessment import items as assessment
from ks_data.geo import cache as geo
from ks_data.national import catalogue as indicators
from ks_data.perinatal import dataset as perinatal
from ks_data.perinatal import indicators as perinatal_indicators
t1 = time.perf_counter()
indicators.load_catalogue()
assessment.load_item_bank()
perinatal_indicators.indicators()
perinatal.load_active(generate=False)
for year in geo.GEMEENTE_YEARS:
    geo.read_gemeenten(year=year)
    geo.read_gemeente_shapes(year=year)
geo.read_pc4_gemeente(); geo.read_gemeente_mapping(); geo.read_pc4_shapes(gemeentecode="GM0363")
print(t1 - t0, time.perf_counter() - t1)
"""


def proc_kb(pid: int, field_name: str) -> int:
    """A field of /proc/<pid>/status in kB (VmRSS: resident now, VmHWM: peak resident)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field_name + ":"):
            return int(line.split()[1])
    raise KeyError(field_name)


def bench_cold(browser: Browser, server: StreamlitServer, *, runs: int) -> float:
    """Median seconds from process start to the first page rendered in the browser."""
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        server.start()
        context, page = new_page(browser)
        page.goto(server.url + "/")
        times.append(wait_rendered(page, "", started=started))
        context.close()
        server.stop()
    return statistics.median(times)


def bench_switches(browser: Browser, server: StreamlitServer, paths: list[str], *, runs: int) -> dict[str, float]:
    """Median seconds of a warm page switch (sidebar link, page visited before) to each page."""
    context, page = new_page(browser)
    page.goto(server.url + start_url(paths[0]))
    wait_rendered(page, paths[0], started=time.perf_counter())
    for path in paths[1:] + paths[:1]:  # visit every page once so the switches below are warm
        switch_to(page, path)
    result: dict[str, list[float]] = {p: [] for p in paths}
    for _ in range(runs):
        previous = paths[-1]
        for path in paths:
            if path == previous:
                continue
            started = time.perf_counter()
            click_nav(page, path)
            page.wait_for_timeout(20)  # let the rerun start (script state leaves notRunning)
            result[path].append(wait_rendered(page, path, started=started))
            previous = path
    context.close()
    return {p: statistics.median(t) for p, t in result.items() if t}


def bench_gemeente_switch(browser: Browser, server: StreamlitServer, path: str, *, runs: int) -> float:
    """Median seconds to switch the sidebar gemeente (Amsterdam <-> Utrecht) on one page."""
    context, page = new_page(browser)
    page.goto(server.url + start_url(path))
    wait_rendered(page, path, started=time.perf_counter())
    names = ("Utrecht", "Amsterdam")
    for name in names:  # warm both
        open_picker(page, name).click()
        page.wait_for_timeout(50)
        wait_rendered(page, path, started=time.perf_counter())
    times = []
    for run in range(runs * 2):
        option = open_picker(page, names[run % 2])
        started = time.perf_counter()  # from the click on the gemeente to the page redrawn
        option.click()
        page.wait_for_timeout(20)
        times.append(wait_rendered(page, path, started=started))
    context.close()
    return statistics.median(times)


def bench_bytes(browser: Browser, server: StreamlitServer, paths: list[str]) -> dict[str, tuple[int, int, int, int]]:
    """Per page: (HTTP bytes, websocket bytes) of a first load with an empty browser cache, then (websocket,
    HTTP) bytes of a warm switch back to the page (HTTP there: script chunks the tab had not loaded yet)."""
    result = {}
    for path in paths:
        context, page = new_page(browser)
        counter = ByteCounter(context, page)
        page.goto(server.url + start_url(path))
        wait_rendered(page, path, started=time.perf_counter())
        page.wait_for_timeout(300)
        first = (counter.http, counter.ws)
        switch_to(page, paths[1] if path == paths[0] else paths[0])
        counter.reset()
        switch_to(page, path)
        page.wait_for_timeout(300)
        result[path] = (*first, counter.ws, counter.http)
        context.close()
    return result


def bench_map_switch_bytes(browser: Browser, server: StreamlitServer, paths: list[str], *, path: str = "kaart",
                           runs: int) -> tuple[float, float]:
    """Median bytes (websocket, HTTP) of a warm switch to ``path`` in a tab with its browser cache on, as a
    user has it: every page visited once, then back to ``path`` after the other pages (their order).

    The tab has no request routing (Playwright's routing turns Chromium's HTTP cache off), so what it would
    fetch from elsewhere is only recorded, not blocked (``new_page(cached=True)``)."""
    context, page = new_page(browser, cached=True)
    counter = ByteCounter(context, page, cache_disabled=False)
    page.goto(server.url + start_url(paths[0]))
    wait_rendered(page, paths[0], started=time.perf_counter())
    others = [p for p in paths if p != path]
    for other in [path, *others]:
        switch_to(page, other)
    ws, http = [], []
    for _ in range(runs):
        counter.reset()
        switch_to(page, path)
        page.wait_for_timeout(500)  # the map's own requests after the script run
        ws.append(counter.ws)
        http.append(counter.http)
        for other in others[:3]:  # a few other pages in between, as a user goes back to the map
            switch_to(page, other)
    context.close()
    return statistics.median(ws), statistics.median(http)


def bench_data_loading(env: dict[str, str], *, runs: int) -> tuple[float, float]:
    """Median seconds, in fresh processes, to import ks_data and to load every bundled/cached frame."""
    imports, loads = [], []
    for _ in range(runs):
        out = subprocess.run([sys.executable, "-c", DATA_SNIPPET], cwd=PROJECT_DIR, env=env, capture_output=True,
                             text=True, check=True).stdout.split()
        imports.append(float(out[-2]))
        loads.append(float(out[-1]))
    return statistics.median(imports), statistics.median(loads)


def tour(browser: Browser, server: StreamlitServer, paths: list[str]) -> None:
    """One simulated session: open the app, visit every page via the sidebar, close the tab."""
    context, page = new_page(browser)
    page.goto(server.url + start_url(paths[0]))
    wait_rendered(page, paths[0], started=time.perf_counter())
    for path in paths[1:]:
        switch_to(page, path)
    context.close()


def bench_memory(browser: Browser, server: StreamlitServer, paths: list[str], *, sessions: int,
                 progress: Callable[[str], None]) -> dict[str, float]:
    """Server RSS (MB): peak after one tour, then after each of ``sessions`` sequential tours (fresh server)."""
    server.start()
    pid = server.proc.pid
    try:
        tour(browser, server, paths)
        after_tour = proc_kb(pid, "VmRSS") / 1024
        peak_tour = proc_kb(pid, "VmHWM") / 1024
        samples = []
        for number in range(sessions):
            tour(browser, server, paths)
            time.sleep(0.5)
            samples.append(proc_kb(pid, "VmRSS") / 1024)
            progress(f"session {number + 1}/{sessions}: {samples[-1]:.0f} MB")
        peak = proc_kb(pid, "VmHWM") / 1024
    finally:
        server.stop()
    # one RSS sample swings +-5% (allocator, sessions kept 120 s after disconnect), so the trend compares the
    # median of the first five sessions with the median of the last five; raw first -> last is shown too
    head, tail = statistics.median(samples[:5]), statistics.median(samples[-5:])
    return {"after_tour": after_tour, "peak_tour": peak_tour, "first": samples[0], "last": samples[-1],
            "max": max(samples), "peak": peak, "head": head, "tail": tail, "growth": tail / head - 1,
            "raw_growth": samples[-1] / samples[0] - 1, "samples": samples}
