"""Benchmark of the whole app (issue 7): cold start, page and gemeente switches, bytes, data loading, memory.

Usage (from the project folder, after `make setup-dev` and `make data`)::

    .venv/bin/python bench/pages.py [--runs 3] [--sessions 20] [--append bench/RESULTS.md]

Every timing is the median of ``--runs`` runs and is also given as a ratio to a bare Streamlit page
(``st.write("klaar")``, written to a temp folder) measured the same way in the same run; absolute times on
this 2-core machine are noisy. Targets (issue 7): cold start <= 2x bare; warm page switch <= 2x bare
(map page <= 3x); server RSS < 500 MB after touring every page; RSS growth < 10% over 20 sessions.
"""

from __future__ import annotations

import argparse
import ast
import base64
import os
import platform
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))

import report  # noqa: E402  (bench/report.py)
CHROMIUM = "/usr/bin/chromium"
LOCAL = ("http://127.0.0.1", "http://localhost", "data:", "blob:", "about:")
IDLE = "[data-testid='stApp'][data-test-script-state='notRunning']"
GEMEENTEN = ("GM0363", "GM0344")  # Amsterdam, Utrecht: the gemeente switch alternates between them
MAP_PATHS = frozenset({"kaart"})
BARE = 'import streamlit as st\nst.write("klaar")\n'
BARE_NAV = ('import streamlit as st\n\n\ndef een():\n    st.write("klaar")\n\n\n'
            'def twee():\n    st.write("ook klaar")\n\n\n'
            'st.navigation([st.Page(een, url_path="een", default=True), st.Page(twee, url_path="twee")]).run()\n')
DATA_SNIPPET = """
import time
t0 = time.perf_counter()
from ks_data.assessment import items as assessment
from ks_data.geo import cache as geo
from ks_data.national import catalogue as indicators
from ks_data.perinatal import dataset as perinatal
t1 = time.perf_counter()
indicators.load_catalogue()
assessment.load_item_bank()
perinatal.indicators()
perinatal.load_active(generate=False)
for year in geo.GEMEENTE_YEARS:
    geo.read_gemeenten(year=year)
    geo.read_gemeente_shapes(year=year)
geo.read_pc4_gemeente(); geo.read_gemeente_mapping(); geo.read_pc4_shapes(gemeentecode="GM0363")
print(t1 - t0, time.perf_counter() - t1)
"""


def url_paths(app_file: Path = PROJECT / "app.py") -> list[str]:
    """Url paths of every page registered in the app's ``_pages()`` ('' for the default page), read from
    app.py's source so the benchmark follows renames of the page folder."""
    paths: list[str] = []
    for node in ast.walk(ast.parse(app_file.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "Page":
            kw = {k.arg: k.value for k in node.keywords}
            default = isinstance(kw.get("default"), ast.Constant) and kw["default"].value is True
            value = kw.get("url_path")
            paths.append("" if default else (value.value if isinstance(value, ast.Constant) else ""))
    return paths


def machine() -> str:
    """One line: host, CPU, cores, RAM, OS, Python, load average."""
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())
    kb = int(Path("/proc/meminfo").read_text().split()[1])
    load = "%.1f/%.1f/%.1f" % os.getloadavg()
    return (f"{platform.node()}: {cpu}, {os.cpu_count()} cores, {kb / 1e6:.0f} GB RAM, {platform.system()} "
            f"{platform.release()}, Python {platform.python_version()}, load average {load} at start")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def proc_kb(pid: int, field_name: str) -> int:
    """A field of /proc/<pid>/status in kB (VmRSS: resident now, VmHWM: peak resident)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field_name + ":"):
            return int(line.split()[1])
    raise KeyError(field_name)


@dataclass
class Server:
    """A `streamlit run` process on a free port."""

    script: Path
    env: dict[str, str]
    options: tuple[str, ...] = ()
    port: int = field(default_factory=_free_port)
    proc: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", str(self.script), "--server.headless=true",
             f"--server.port={self.port}", "--server.address=127.0.0.1", "--browser.gatherUsageStats=false",
             *self.options],
            cwd=self.script.parent, env=self.env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            try:
                if urllib.request.urlopen(f"{self.url}/_stcore/health", timeout=2).read() == b"ok":
                    return
            except OSError:
                time.sleep(0.05)
        self.stop()
        raise RuntimeError(f"{self.script} did not start")

    def stop(self) -> None:
        if self.proc is not None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.proc.kill()
            self.proc = None


def _polygons_ok(page) -> bool:
    """Every st_folium map on the page has drawn its polygons."""
    frames = [f for f in page.frames if "streamlit_folium" in f.url]
    try:
        return all(f.locator("path.leaflet-interactive").count() > 0 for f in frames)
    except Exception:  # noqa: BLE001 - frame replaced during a rerun
        return False


def wait_rendered(page, path: str, *, started: float, timeout: float = 120) -> float:
    """Seconds since ``started`` until the script is idle (and, on a map page, the polygons are drawn)."""
    page.wait_for_selector(IDLE, timeout=timeout * 1000)
    while path in MAP_PATHS and not _polygons_ok(page):
        if time.perf_counter() - started > timeout:
            raise RuntimeError(f"/{path}: map not drawn in {timeout} s")
        page.wait_for_timeout(20)
    page.wait_for_selector(IDLE, timeout=timeout * 1000)
    return time.perf_counter() - started


def _new_page(browser):
    context = browser.new_context(viewport={"width": 1400, "height": 1800})
    page = context.new_page()
    page.route("**/*", lambda r: r.continue_() if r.request.url.startswith(LOCAL) else r.abort())
    return context, page


def _query(path: str) -> str:
    return f"/{path}?gemeente={GEMEENTEN[0]}"


def bench_cold(browser, server: Server, *, runs: int) -> float:
    """Median seconds from process start to the first page rendered in the browser."""
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        server.start()
        context, page = _new_page(browser)
        page.goto(server.url + "/")
        times.append(wait_rendered(page, "", started=started))
        context.close()
        server.stop()
    return statistics.median(times)


def _click_nav(page, path: str) -> None:
    page.locator(f"[data-testid='stSidebarNav'] a[href$='/{path}']").first.click()


def bench_switches(browser, server: Server, paths: list[str], *, runs: int) -> dict[str, float]:
    """Median seconds of a warm page switch (sidebar link, page visited before) to each page."""
    context, page = _new_page(browser)
    page.goto(server.url + _query(paths[0]))
    wait_rendered(page, paths[0], started=time.perf_counter())
    for path in paths[1:] + paths[:1]:  # visit every page once so the switches below are warm
        _click_nav(page, path)
        page.wait_for_timeout(50)
        wait_rendered(page, path, started=time.perf_counter())
    result: dict[str, list[float]] = {p: [] for p in paths}
    for _ in range(runs):
        previous = paths[-1]
        for path in paths:
            if path == previous:
                continue
            started = time.perf_counter()
            _click_nav(page, path)
            page.wait_for_timeout(20)  # let the rerun start (script state leaves notRunning)
            result[path].append(wait_rendered(page, path, started=started))
            previous = path
    context.close()
    return {p: statistics.median(t) for p, t in result.items() if t}


def _open_picker(page, name: str):
    """Open the sidebar gemeente picker and type ``name``; returns the option to click (not yet clicked)."""
    page.mouse.move(1390, 1790)  # away from help icons whose tooltips would cover the picker
    page.wait_for_timeout(100)
    page.locator("[data-testid='stSidebar'] [data-testid='stSelectbox'] input").first.click()
    page.keyboard.type(name)
    option = page.get_by_role("option", name=name, exact=True).first
    option.wait_for()
    return option


def bench_gemeente_switch(browser, server: Server, path: str, *, runs: int) -> float:
    """Median seconds to switch the sidebar gemeente (Amsterdam <-> Utrecht) on one page."""
    context, page = _new_page(browser)
    page.goto(server.url + _query(path))
    wait_rendered(page, path, started=time.perf_counter())
    names = ("Utrecht", "Amsterdam")
    for name in names:  # warm both
        _open_picker(page, name).click()
        page.wait_for_timeout(50)
        wait_rendered(page, path, started=time.perf_counter())
    times = []
    for run in range(runs * 2):
        option = _open_picker(page, names[run % 2])
        started = time.perf_counter()  # from the click on the gemeente to the page redrawn
        option.click()
        page.wait_for_timeout(20)
        times.append(wait_rendered(page, path, started=started))
    context.close()
    return statistics.median(times)


class ByteCounter:
    """HTTP (encoded, as on the wire) and websocket bytes received by one page, via the Chrome DevTools Protocol."""

    def __init__(self, context, page) -> None:
        self.http = 0
        self.ws = 0
        cdp = context.new_cdp_session(page)
        cdp.send("Network.enable")
        cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
        cdp.on("Network.loadingFinished", self._http)
        cdp.on("Network.webSocketFrameReceived", self._frame)

    def _http(self, event: dict) -> None:
        self.http += int(event.get("encodedDataLength", 0))

    def _frame(self, event: dict) -> None:
        response = event["response"]
        data = response.get("payloadData", "")
        self.ws += len(base64.b64decode(data)) if response.get("opcode") == 2 else len(data.encode())

    def reset(self) -> None:
        self.http = self.ws = 0


def bench_bytes(browser, server: Server, paths: list[str]) -> dict[str, tuple[int, int, int, int]]:
    """Per page: (HTTP bytes, websocket bytes) of a first load with an empty browser cache, then (websocket,
    HTTP) bytes of a warm switch back to the page (HTTP there: script chunks the tab had not loaded yet)."""
    result = {}
    for path in paths:
        context, page = _new_page(browser)
        counter = ByteCounter(context, page)
        page.goto(server.url + _query(path))
        wait_rendered(page, path, started=time.perf_counter())
        page.wait_for_timeout(300)
        first = (counter.http, counter.ws)
        other = paths[1] if path == paths[0] else paths[0]
        _click_nav(page, other)
        page.wait_for_timeout(50)
        wait_rendered(page, other, started=time.perf_counter())
        counter.reset()
        _click_nav(page, path)
        page.wait_for_timeout(50)
        wait_rendered(page, path, started=time.perf_counter())
        page.wait_for_timeout(300)
        result[path] = (*first, counter.ws, counter.http)
        context.close()
    return result


def bench_data_loading(env: dict[str, str], *, runs: int) -> tuple[float, float]:
    """Median seconds, in fresh processes, to import ks_data and to load every bundled/cached frame."""
    imports, loads = [], []
    for _ in range(runs):
        out = subprocess.run([sys.executable, "-c", DATA_SNIPPET], cwd=PROJECT, env=env, capture_output=True,
                             text=True, check=True).stdout.split()
        imports.append(float(out[-2]))
        loads.append(float(out[-1]))
    return statistics.median(imports), statistics.median(loads)


def tour(browser, server: Server, paths: list[str]) -> None:
    """One simulated session: open the app, visit every page via the sidebar, close the tab."""
    context, page = _new_page(browser)
    page.goto(server.url + _query(paths[0]))
    wait_rendered(page, paths[0], started=time.perf_counter())
    for path in paths[1:]:
        _click_nav(page, path)
        page.wait_for_timeout(50)
        wait_rendered(page, path, started=time.perf_counter())
    context.close()


def bench_memory(browser, server: Server, paths: list[str], *, sessions: int,
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


def run(args: argparse.Namespace) -> tuple[list[tuple[str, str, str, bool | None]], str]:
    """All measurements; rows of (measure, result, target, ok or None for information)."""
    from playwright.sync_api import sync_playwright

    say = (lambda text: print(text, file=sys.stderr, flush=True)) if not args.quiet else (lambda text: None)
    work = Path(tempfile.mkdtemp(prefix="ks_bench_pages_"))
    (work / "bare.py").write_text(BARE, encoding="utf-8")
    (work / "bare_nav.py").write_text(BARE_NAV, encoding="utf-8")
    env = {**os.environ, "KS_USER_DATA_DIR": str(work / "user"), "KS_DB_PATH": str(work / "user" / "db.sqlite"),
           "KS_PERINATAL_IMPORT_DIR": str(work / "import")}
    env.pop("MALLOC_ARENA_MAX", None)
    if args.malloc_arena_max:  # as `make run` starts the server (see the Makefile); 0 = glibc's default
        env["MALLOC_ARENA_MAX"] = str(args.malloc_arena_max)
    paths = url_paths()
    machine_line = machine()
    app, bare = Server(PROJECT / "app.py", env), Server(work / "bare.py", env)
    bare_nav = Server(work / "bare_nav.py", env)
    rows: list[tuple[str, str, str, bool | None]] = []

    def timing(name: str, value: float, base: float, limit: float | None) -> None:
        ratio = value / base
        rows.append((name, f"{value:.2f} s ({ratio:.2f}x)", f"<= {limit:g}x" if limit else "(info)",
                     None if limit is None else ratio <= limit))

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM,
                                             args=["--no-sandbox", "--disable-background-networking"])
        if not args.only_memory:
            say("cold start")
            cold_bare = bench_cold(browser, bare, runs=args.runs)
            cold_app = bench_cold(browser, app, runs=args.runs)
            rows.append(("Bare page: cold start (process start -> rendered)", f"{cold_bare:.2f} s (1.00x)", "baseline",
                         None))
            timing("Cold start, Start page", cold_app, cold_bare, 2)
            say("warm switches")
            bare_nav.start()
            app.start()
            try:
                base_switch = bench_switches(browser, bare_nav, ["", "twee"], runs=args.runs * 2)["twee"]
                switches = bench_switches(browser, app, paths, runs=args.runs)
                rows.append(("Bare page: warm page switch", f"{base_switch:.2f} s (1.00x)", "baseline", None))
                for path in paths:
                    timing(f"Warm switch to /{path}", switches[path], base_switch, 3 if path in MAP_PATHS else 2)
                say("gemeente switches")
                for path in ("mijn-gemeente", "kaart"):
                    if path in paths:
                        value = bench_gemeente_switch(browser, app, path, runs=args.runs)
                        timing(f"Gemeente switch on /{path}", value, base_switch, 3 if path in MAP_PATHS else 2)
                say("bytes")
                bare_bytes = bench_bytes(browser, bare_nav, ["", "twee"])[""]
                page_bytes = bench_bytes(browser, app, paths)
            finally:
                app.stop()
                bare_nav.stop()
            rows.append(("Bare page: bytes first load (HTTP + websocket) / warm switch (websocket)",
                         f"{bare_bytes[0] / 1e6:.2f} MB + {bare_bytes[1] / 1e3:.0f} KB / "
                         f"{bare_bytes[2] / 1e3:.1f} KB", "baseline", None))
            for path, (http, ws, warm_ws, warm_http) in page_bytes.items():
                lazy = f" + {warm_http / 1e3:.0f} KB scripts" if warm_http > 1000 else ""
                rows.append((f"Bytes /{path}: first load / warm switch",
                             f"{http / 1e6:.2f} MB + {ws / 1e3:.0f} KB ({(http + ws) / sum(bare_bytes[:2]):.2f}x) / "
                             f"{warm_ws / 1e3:.1f} KB ({warm_ws / bare_bytes[2]:.0f}x){lazy}", "(info)", None))
            say("data loading")
            imports, loads = bench_data_loading(env, runs=args.runs)
            rows.append(("Data loading, fresh process: import ks_data",
                         f"{imports:.2f} s ({imports / cold_bare:.2f}x cold bare)",
                         "(info)", None))
            rows.append(("Data loading, fresh process: all bundled/cached frames",
                         f"{loads:.2f} s ({loads / cold_bare:.2f}x cold bare)",
                         "(info)", None))
        say("memory")
        ttl = (f"--server.disconnectedSessionTTL={args.session_ttl}",) if args.session_ttl is not None else ()
        mem = bench_memory(browser, Server(PROJECT / "app.py", env, ttl), paths, sessions=args.sessions,
                           progress=say)
        browser.close()
    rows.append(("Server RSS after touring every page (peak VmHWM)",
                 f"{mem['after_tour']:.0f} MB ({mem['peak_tour']:.0f} MB)",
                 "< 500 MB", mem["peak_tour"] < 500))
    rows.append((f"Server RSS after session 1 / {args.sessions} (max, peak)",
                 f"{mem['first']:.0f} / {mem['last']:.0f} MB ({mem['max']:.0f}, {mem['peak']:.0f} MB)", "", None))
    rows.append((f"RSS growth over {args.sessions} sessions: median of last 5 vs first 5 (raw last vs first)",
                 f"{mem['head']:.0f} -> {mem['tail']:.0f} MB: {100 * mem['growth']:+.1f}% "
                 f"({100 * mem['raw_growth']:+.1f}%)", "< 10%", mem["growth"] < 0.10))
    rows.append(("RSS per session (MB)", " ".join(f"{v:.0f}" for v in mem["samples"]), "(info)", None))
    return rows, machine_line


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark, print the table, optionally append it to a Markdown file."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=3, help="runs per timing (median)")
    parser.add_argument("--sessions", type=int, default=20, help="sequential sessions for the memory check")
    parser.add_argument("--append", type=Path, default=None, help="append the table as Markdown to this file")
    parser.add_argument("--session-ttl", type=int, default=None,
                        help="server.disconnectedSessionTTL for the memory run (default: Streamlit's 120 s)")
    parser.add_argument("--only-memory", action="store_true", help="run only the memory measurement")
    parser.add_argument("--malloc-arena-max", type=int, default=int(os.environ.get("MALLOC_ARENA_MAX", 2)),
                        help="MALLOC_ARENA_MAX for every server (default 2, as `make run`; 0 = glibc default)")
    parser.add_argument("--quiet", action="store_true")
    args = parser.parse_args(argv)
    rows, machine_line = run(args)
    report.print_table(rows, value_width=44)
    if args.append:
        stamp = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
        lines = [f"- Date: {stamp}", f"- Machine: {machine_line}",
                 f"- Command: `.venv/bin/python bench/pages.py --runs {args.runs} --sessions {args.sessions}`; "
                 "medians; ratios to a bare `st.write` page served and measured the same way in the same run; "
                 "network cut in the browser.", ""]
        report.write_section(args.append, "App (issue 7)", lines + report.markdown_table(rows))
    return 0 if all(r[3] is not False for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
