"""Load: 10 concurrent browser-less sessions (websocket clients speaking Streamlit's protocol) against one real
server, each touring every page; no session may see an exception or a missing page. Timings are printed
(`pytest -s tests/test_load.py`; numbers in bench/RESULTS.md).

AppTest instances in threads are not used: each AppTest creates and tears down Streamlit's process-wide
Runtime singleton, so concurrent AppTests break each other ("Runtime hasn't been created!").
"""

from __future__ import annotations

import asyncio
import statistics
import time
from pathlib import Path

import pytest

from tests.conftest import APP_FILE
from tests.support import app_url_paths as url_paths
from tests.support import isolated_env, running_app

SESSIONS = 10
GEMEENTEN = ("GM0363", "GM0344", "GM0014", "GM0599", "GM0518")


async def _visit(ws, page: str, query: str) -> tuple[float, list[str]]:
    """Ask the server to run one page (as the browser does on navigation); wait for script_finished.

    Returns the seconds taken and the problems seen (exceptions shown, page not found)."""
    from streamlit.proto.BackMsg_pb2 import BackMsg
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

    back = BackMsg()
    back.rerun_script.query_string = query
    back.rerun_script.page_name = page
    started = time.perf_counter()
    await ws.send(back.SerializeToString())
    problems: list[str] = []
    while True:
        msg = ForwardMsg()
        msg.ParseFromString(await asyncio.wait_for(ws.recv(), timeout=180))
        kind = msg.WhichOneof("type")
        if kind == "delta" and msg.delta.WhichOneof("type") == "new_element":
            element = msg.delta.new_element
            if element.WhichOneof("type") == "exception":
                problems.append(f"/{page}: {element.exception.type}: {element.exception.message}")
        elif kind == "page_not_found":
            problems.append(f"/{page}: page not found")
        elif kind == "session_event" and msg.session_event.WhichOneof("type") == "script_compilation_exception":
            problems.append(f"/{page}: {msg.session_event.script_compilation_exception.message}")
        elif kind == "script_finished":
            return time.perf_counter() - started, problems


async def _session(base: str, number: int, pages: list[str]) -> tuple[dict[str, float], list[str]]:
    """One browser-less session: connect, then visit every page in order with a gemeente in the URL."""
    import websockets

    query = f"gemeente={GEMEENTEN[number % len(GEMEENTEN)]}"
    timings: dict[str, float] = {}
    problems: list[str] = []
    async with websockets.connect(base.replace("http", "ws") + "/_stcore/stream", subprotocols=["streamlit"],
                                  max_size=None, open_timeout=60) as ws:
        for page in pages:
            seconds, seen = await _visit(ws, page, query)
            timings[page] = seconds
            problems += [f"session {number}: {p}" for p in seen]
    return timings, problems


async def _load(base: str, pages: list[str]) -> tuple[list[dict[str, float]], list[str], float]:
    started = time.perf_counter()
    results = await asyncio.gather(*(_session(base, n, pages) for n in range(SESSIONS)))
    return [r[0] for r in results], [p for r in results for p in r[1]], time.perf_counter() - started


def test_url_paths_are_read_from_the_router() -> None:
    """The tour covers every registered page once, the default page as ''."""
    paths = url_paths()
    registered = Path(APP_FILE).read_text(encoding="utf-8").count("st.Page(")
    assert len(paths) == len(set(paths)) == registered == 11 and paths.count("") == 1
    assert {"kaart", "mijn-gemeente", "rapport", "workshop"} <= set(paths)


@pytest.fixture(scope="module")
def server(geo_cache: Path, tmp_path_factory: pytest.TempPathFactory):
    """The app under `streamlit run` with a fresh data cache (synthetic set generated on first use)."""
    pytest.importorskip("websockets")
    work = tmp_path_factory.mktemp("load")
    with running_app(isolated_env(geo_cache, work), log_path=work / "server.log") as url:
        yield url, work / "server.log"


@pytest.mark.parametrize("round_", ["cold", "warm"])
def test_ten_concurrent_sessions_tour_every_page_without_errors(server, round_: str) -> None:
    """Given one server, when 10 sessions at once visit every page (first on a cold server, then again warm),
    then no session sees an exception or a missing page, and the server logs no traceback."""
    base, log = server
    pages = url_paths()
    timings, problems, wall = asyncio.run(_load(base, pages))
    assert not problems, problems
    assert all(len(t) == len(pages) for t in timings)
    assert "Traceback" not in log.read_text(encoding="utf-8")
    print(f"\n{round_}: {SESSIONS} concurrent sessions x {len(pages)} pages: wall {wall:.1f} s")
    for page in pages:
        values = [t[page] for t in timings]
        print(f"  /{page:<26} median {statistics.median(values):6.2f} s   max {max(values):6.2f} s")
