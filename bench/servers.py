"""One versus two app servers behind nginx on one shared PostgreSQL (issue 17): `python -m bench.servers`.

Everything on 127.0.0.1, started by the script itself (tests/pg_server.py, tests/deploy_support.py): PostgreSQL,
N `streamlit run app.py` servers with `make workshop`'s options and nginx with deploy/nginx/kansrijke-start.conf.
Per set-up (1 server, then 2, in the same run):
- a workshop: PARTICIPANTS websocket clients (Streamlit's protocol, as tests/test_load_workshop.py) join through
  nginx, spread over the routes, and answer every statement while the group screen refreshes every 3 s;
  answers lost (rows counted in the database; must be 0), save latency median/p95, group-screen refresh
  median/p95, CPU seconds and peak RSS per server;
- "Mijn gemeente": SESSIONS concurrent sessions open the page for different gemeenten: median/p95 seconds to the
  rendered page.
Bounded: fixed counts, and each phase is cancelled after its time limit. Writes the "Several servers" section of
bench/RESULTS.md with --write.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

from tests import pg_server as pg
from tests.deploy_support import app_env, hosted
from tests.support import PROJECT_DIR
from tests.test_deploy_two_servers import _answer, _connect, _group_screen, _join, _refresh
from tests.test_load import _visit
from tests.test_load_workshop import BANK, workshop_options

PARTICIPANTS = 100
SESSIONS = 20
HOST_REFRESH_S = 3.0
WORKSHOP_LIMIT_S = 900
PROFILE_LIMIT_S = 300
RESULTS_FILE = PROJECT_DIR / "bench" / "RESULTS.md"
SECTION = "## Several servers: one versus two behind nginx (issue 17)"


def _p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20, method="inclusive")[-1] if len(values) > 1 else values[0]


class Meter:
    """CPU seconds and peak RSS of each server process (with its children), sampled every 0.25 s."""

    def __init__(self, pids: list[int]) -> None:
        self.procs = [psutil.Process(pid) for pid in pids]
        self.cpu0 = [self._cpu(p) for p in self.procs]
        self.peak = [0] * len(pids)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()

    @staticmethod
    def _cpu(proc: psutil.Process) -> float:
        times = proc.cpu_times()
        return times.user + times.system

    def _sample(self) -> None:
        while not self._stop.wait(0.25):
            for n, proc in enumerate(self.procs):
                try:
                    self.peak[n] = max(self.peak[n], proc.memory_info().rss)
                except psutil.Error:
                    pass

    def stop(self) -> list[tuple[float, float]]:
        self._stop.set()
        self._thread.join()
        return [(self._cpu(p) - c0, peak / 2**20) for p, c0, peak in zip(self.procs, self.cpu0, self.peak)]


async def _workshop(proxy_url: str, code: str, routes: tuple[str, ...]) -> dict:
    saves: list[float] = []
    refreshes: list[float] = []
    chosen: dict[int, dict] = {n: {} for n in range(PARTICIPANTS)}
    done: list[int] = []
    host = await _group_screen(proxy_url, code)
    [live] = [f for f, interval in host.fragments.items() if interval]

    async def group_screen() -> None:
        while len(done) < PARTICIPANTS:
            started = time.monotonic()
            seconds, _ = await host.run(refresh=live)
            refreshes.append(seconds)
            await asyncio.sleep(max(0.0, HOST_REFRESH_S - (time.monotonic() - started)))

    async def participant(n: int) -> None:
        phone = await _join(proxy_url, routes[n % len(routes)], code, f"Deelnemer {n}")
        try:
            await _answer(phone, chosen[n], random.Random(n), saves=saves)
        finally:
            done.append(n)
            await phone.ws.close()

    screen = asyncio.create_task(group_screen())
    started = time.perf_counter()
    await asyncio.gather(*(participant(n) for n in range(PARTICIPANTS)))
    wall = time.perf_counter() - started
    await screen
    texts, _ = await _refresh(host)
    await host.ws.close()
    return {"saves": saves, "refreshes": refreshes, "wall": wall, "chosen": chosen, "screen": texts}


async def _profiles(proxy_url: str, routes: tuple[str, ...], codes: list[str], errors: list[str]) -> list[float]:
    async def session(n: int) -> float:
        ws = await _connect(proxy_url, routes[n % len(routes)])
        try:
            seconds, problems = await _visit(ws, "mijn-gemeente", f"gemeente={codes[n]}")
            errors.extend(f"{codes[n]}: {p}" for p in problems)  # counted in the report, not hidden
            return seconds
        finally:
            await ws.close()

    # warm-up: each server loads the perinatal data once (a first visit per route, a gemeente not measured)
    for route in routes:
        ws = await _connect(proxy_url, route)
        await _visit(ws, "mijn-gemeente", f"gemeente={codes[-1]}")
        await ws.close()
    return list(await asyncio.gather(*(session(n) for n in range(SESSIONS))))


def _stored(code: str) -> int:
    from ks_data.storage import db as storage_db

    with storage_db.connect() as con:
        return con.execute("SELECT COUNT(*) FROM participant_answer pa JOIN participant p ON p.id = pa.participant_id "
                           "WHERE p.workshop_code = ?", (code,)).fetchone()[0]


def measure(count: int, server: pg.PgServer, work: Path, codes: list[str]) -> dict:
    from ks_data import paths
    from ks_data.storage import db as storage_db
    from ks_data.storage import workshops as storage_workshops

    name = f"bench_{count}"
    pg.create_database(server, name)
    paths.DATABASE_URL = server.url(name)
    base = {"KS_USER_DATA_DIR": str(work / f"user{count}"), "KS_PERINATAL_IMPORT_DIR": str(work / "import")}
    routes = ("a", "b")
    code = storage_workshops.create_workshop(title=f"Bench {count}")
    storage_workshops.set_revealed(code, "denkraam", True)
    with hosted(app_env(base, paths.DATABASE_URL), work / f"s{count}", count=count,
                options=workshop_options()) as (proxy, servers):
        meter = Meter([s.proc.pid for s in servers])
        result = asyncio.run(asyncio.wait_for(_workshop(proxy.url, code, routes), WORKSHOP_LIMIT_S))
        result["servers"] = meter.stop()
        result["profile_errors"] = []
        result["profile"] = asyncio.run(asyncio.wait_for(
            _profiles(proxy.url, routes, codes, result["profile_errors"]), PROFILE_LIMIT_S))
    given = sum(len(c) for c in result["chosen"].values())
    result["stored"], result["given"] = _stored(code), given
    result["lost"] = given - result["stored"]
    storage_db.dispose_engines()
    return result


def _row(label: str, one: float, two: float, unit: str = "s") -> str:
    ratio = f"{two / one:.2f}" if one else "-"
    return f"| {label} | {one:.2f} {unit} | {two:.2f} {unit} | {ratio} |"


def report(results: dict[int, dict]) -> str:
    one, two = results[1], results[2]
    lines = [
        SECTION, "",
        f"`python -m bench.servers` ({time.strftime('%Y-%m-%d %H:%M')}, this machine: {os.cpu_count()} cores shared "
        "with other work, so absolute numbers are noisy; both set-ups ran in the same run). Everything on 127.0.0.1: "
        "PostgreSQL 15, N `streamlit run` servers with `make workshop`'s options, nginx with "
        "deploy/nginx/kansrijke-start.conf. Workshop: "
        f"{PARTICIPANTS} websocket participants through nginx (routes a/b alternating) answer all {len(BANK.items)} "
        "statements without pausing (worst case) while the group screen refreshes every 3 s. "
        f"'Mijn gemeente': after one warm-up visit per server, {SESSIONS} sessions open the page at once, each for a "
        "different gemeente (time until the page has run to its end).", "",
        "| measure | 1 server | 2 servers | 2 / 1 |", "| --- | --- | --- | --- |",
        f"| answers given / stored / lost | {one['given']} / {one['stored']} / {one['lost']} | "
        f"{two['given']} / {two['stored']} / {two['lost']} | |",
        _row("save latency median", statistics.median(one["saves"]), statistics.median(two["saves"])),
        _row("save latency p95", _p95(one["saves"]), _p95(two["saves"])),
        _row("group screen refresh median", statistics.median(one["refreshes"]), statistics.median(two["refreshes"])),
        _row("group screen refresh p95", _p95(one["refreshes"]), _p95(two["refreshes"])),
        _row("whole workshop (wall)", one["wall"], two["wall"]),
        _row("'Mijn gemeente' median", statistics.median(one["profile"]), statistics.median(two["profile"])),
        _row("'Mijn gemeente' p95", _p95(one["profile"]), _p95(two["profile"])),
        f"| 'Mijn gemeente' pages that showed an error | {len(one['profile_errors'])} | "
        f"{len(two['profile_errors'])} | |",
    ]
    for label, result in (("1 server", one), ("2 servers", two)):
        per = "; ".join(f"server {n + 1}: {cpu:.0f} CPU s, peak RSS {rss:.0f} MB"
                        for n, (cpu, rss) in enumerate(result["servers"]))
        lines.append(f"| CPU and memory during the workshop, {label} | {per} | | |")
    return "\n".join(lines) + "\n"


def _write(text: str) -> None:
    current = RESULTS_FILE.read_text(encoding="utf-8")
    if SECTION in current:
        start = current.index(SECTION)
        rest = current[start + len(SECTION):]
        end = rest.find("\n## ")
        current = current[:start] + text + (rest[end + 1:] if end >= 0 else "")
        RESULTS_FILE.write_text(current, encoding="utf-8")
    else:
        RESULTS_FILE.write_text(current.rstrip("\n") + "\n\n" + text, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    global PARTICIPANTS
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--participants", type=int, default=PARTICIPANTS)
    parser.add_argument("--write", action="store_true", help="replace the section in bench/RESULTS.md")
    args = parser.parse_args(argv)
    PARTICIPANTS = max(1, min(args.participants, 200))
    from ks_data.geo import lookups

    codes = sorted(lookups.gemeente_names())[::17][:SESSIONS + 1]  # the last one: warm-up only
    server = pg.start()
    try:
        with tempfile.TemporaryDirectory(prefix="ks-bench-servers-") as folder:
            results = {count: measure(count, server, Path(folder), codes) for count in (1, 2)}
    finally:
        server.stop()
    text = report(results)
    print(text)
    if args.write:
        _write(text)
    return 0 if all(r["lost"] == 0 for r in results.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
