"""Load: 10 concurrent browser-less sessions (AppTest instances in threads, one process, shared caches) each
touring every page of the app; no session may see an exception. Timings are printed (see bench/RESULTS.md)."""

from __future__ import annotations

import ast
import statistics
import threading
import time
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests.conftest import APP_FILE

SESSIONS = 10
GEMEENTEN = ("GM0363", "GM0344", "GM0014", "GM0599", "GM0518")


def page_files(app_file: str = APP_FILE) -> list[str]:
    """Script paths of every page registered in app.py's ``_pages()`` (read from its source, so a renamed
    page folder needs no change here)."""
    files = []
    for node in ast.walk(ast.parse(Path(app_file).read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "Page" and node.args:
            if isinstance(node.args[0], ast.Constant):
                files.append(node.args[0].value)
    return files


def _tour(number: int, pages: list[str], timings: dict[str, list[float]], failures: list[str],
          lock: threading.Lock) -> None:
    """One session: open the app with a gemeente in the URL, then visit every page in order."""
    try:
        at = AppTest.from_file(APP_FILE, default_timeout=240)
        at.query_params["gemeente"] = GEMEENTEN[number % len(GEMEENTEN)]
        started = time.perf_counter()
        at.run()
        elapsed = {"(start)": time.perf_counter() - started}
        problems = [f"start: {e.message}" for e in at.exception]
        for page in pages:
            started = time.perf_counter()
            at.switch_page(page).run()
            elapsed[page] = time.perf_counter() - started
            problems += [f"{page}: {e.message}" for e in at.exception]
    except Exception as exc:  # noqa: BLE001 - collected and reported by the test
        problems = [f"session {number}: {type(exc).__name__}: {exc}"]
        elapsed = {}
    with lock:
        failures.extend(f"session {number}: {p}" for p in problems)
        for page, seconds in elapsed.items():
            timings.setdefault(page, []).append(seconds)


def test_page_files_are_read_from_the_router() -> None:
    """The tour covers every registered page (ten, each an existing file)."""
    pages = page_files()
    assert len(pages) == len(set(pages)) == 10
    assert all((Path(APP_FILE).parent / p).is_file() for p in pages)


def test_ten_concurrent_sessions_tour_every_page_without_errors(perinatal_env: Path) -> None:
    """Given 10 sessions started at once on a cold process (empty caches, synthetic set not yet generated),
    when each visits every page, then no session sees an exception."""
    pages = page_files()
    timings: dict[str, list[float]] = {}
    failures: list[str] = []
    lock = threading.Lock()
    threads = [threading.Thread(target=_tour, args=(n, pages, timings, failures, lock)) for n in range(SESSIONS)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=600)
    wall = time.perf_counter() - started
    assert not any(t.is_alive() for t in threads), "a session hung"
    assert not failures, failures
    assert all(len(v) == SESSIONS for v in timings.values()), {k: len(v) for k, v in timings.items()}
    print(f"\n{SESSIONS} concurrent sessions, {len(pages)} pages each: wall {wall:.1f} s")
    for page, values in timings.items():
        print(f"  {page:<32} median {statistics.median(values):6.2f} s  max {max(values):6.2f} s")
