"""Concurrent sessions for the app benchmark (issue 15): N websocket sessions open 'Mijn gemeente' at once.

Each session speaks Streamlit's protocol (``tests.test_load._visit``, as the load test) and asks for the page
with its own gemeente in the URL, so no session profits from another's cached figures; one warm-up visit
(a gemeente not measured) first loads the data the way a running server has it. Bounded: a fixed number of
sessions and a time limit for the whole run.
"""

from __future__ import annotations

import asyncio
import statistics
import threading
import time

from tests.support import StreamlitServer
from tests.test_load import _visit

LIMIT_S = 300


def p95(values: list[float]) -> float:
    """The 95th percentile (inclusive method; the value itself for one value)."""
    return statistics.quantiles(values, n=20, method="inclusive")[-1] if len(values) > 1 else values[0]


async def _open(url: str, page: str, query: str) -> tuple[float, list[str]]:
    import websockets

    async with websockets.connect(url.replace("http", "ws") + "/_stcore/stream", subprotocols=["streamlit"],
                                  max_size=None, open_timeout=60) as ws:
        return await _visit(ws, page, query)


async def _run(url: str, page: str, codes: list[str], warm_up: str) -> list[tuple[float, list[str]]]:
    await _open(url, page, f"gemeente={warm_up}")
    return list(await asyncio.gather(*(_open(url, page, f"gemeente={code}") for code in codes)))


def bench_concurrent(server: StreamlitServer, *, page: str, codes: list[str], warm_up: str) -> dict:
    """Seconds until each of ``len(codes)`` concurrent sessions has run ``page`` for its own gemeente.

    Returns {"times": [...], "median", "p95", "max", "errors": [...]} (errors: exceptions shown on a page)."""
    started = time.perf_counter()
    box: dict = {}

    def work() -> None:  # own thread: the caller may already run an event loop (Playwright's sync API)
        try:
            box["results"] = asyncio.run(asyncio.wait_for(_run(server.url, page, codes, warm_up), LIMIT_S))
        except BaseException as exc:  # noqa: BLE001 - re-raised in the caller's thread
            box["error"] = exc

    thread = threading.Thread(target=work, daemon=True)
    thread.start()
    thread.join()
    if "error" in box:
        raise box["error"]
    results = box["results"]
    times = [seconds for seconds, _ in results]
    return {"times": times, "median": statistics.median(times), "p95": p95(times), "max": max(times),
            "errors": [p for _, problems in results for p in problems], "wall": time.perf_counter() - started}
