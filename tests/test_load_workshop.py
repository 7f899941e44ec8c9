"""Load: a full room on one laptop. 30 browser-less participants (websocket clients speaking Streamlit's protocol,
as tests/test_load.py does) join one workshop and answer every statement, one element at a time, while the
group screen refreshes every 3 s and every phone's status every 5 s, as their browsers would ask.

Checks: no answer is lost (rows counted in the database), every save was confirmed on its phone, and the group
screen's numbers equal a direct computation. The latencies are measured against their targets (save p95 < 1 s,
group screen refresh < 3 s) and reported, not asserted: timings depend on the machine's load. They are printed
(`pytest -s tests/test_load_workshop.py`) and written to test-output/workshop_load.md; with KS_WRITE_BENCH=1
they also replace the "Workshop load" section of bench/RESULTS.md.
"""

from __future__ import annotations

import asyncio
import io
import os
import random
import re
import sqlite3
import statistics
import textwrap
import time
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import pytest

from ks_data import paths
from ks_data.assessment import views as assessment_tables
from ks_data.assessment import workshop as assessment_group
from ks_data.assessment.items import load_item_bank
from ks_data.storage import workshops as storage_workshops
from tests.support import APP_FILE, PROJECT_DIR, StreamlitServer, isolated_env

PARTICIPANTS = 30
HOST_REFRESH_S = 3.0  # ks_data.ui.workshop_screen.REFRESH_SECONDS
PHONE_REFRESH_S = 5.0  # ks_data.ui.workshop_phone.REFRESH_SECONDS
THINK_S = (0.2, 0.8)  # seconds between a confirmation and the next tap: a brisk room (people read ~5 s per statement)
BANK = load_item_bank()
OPTIONS = [*BANK.scale.values, None]
RESULTS_FILE = PROJECT_DIR / "bench" / "RESULTS.md"
SECTION = "## Workshop load: 30 phones and the group screen (issue 14)"


def workshop_options() -> tuple[str, ...]:
    """The server options `make workshop` adds (WORKSHOP_OPTIONS in the Makefile), so the tests run the app as
    the README says for a workshop; plus no file watcher (edits elsewhere in the tree must not reload modules)."""
    found = re.search(r"^WORKSHOP_OPTIONS\s*:?=\s*(.*)$", (PROJECT_DIR / "Makefile").read_text(encoding="utf-8"), re.M)
    return (*(found.group(1).split() if found else ()), "--server.fileWatcherType=none")


def _p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20, method="inclusive")[-1]


@dataclass
class Client:
    """One browser tab without a browser: sends reruns with widget values, reads what the server draws."""

    ws: object
    page: str
    query: str = ""
    values: dict = field(default_factory=dict)  # widget id -> WidgetState the user set (sent with every rerun)
    drawn: dict = field(default_factory=dict)  # fragment id ('' = outside fragments) -> elements on screen
    owner: dict = field(default_factory=dict)  # widget id -> fragment it was drawn in
    fragments: dict = field(default_factory=dict)  # fragment id -> refresh interval (s), as the server asks
    problems: list = field(default_factory=list)

    @property
    def elements(self) -> list:
        return [e for part in self.drawn.values() for e in part]

    async def run(self, *, set_value=None, trigger=None, refresh: str = "") -> tuple[float, list]:
        """One rerun: an answer (``set_value``), a click (``trigger``) or a fragment's timed ``refresh``.

        As the browser does, a widget drawn inside a fragment reruns only that fragment. Returns (seconds until
        the server finished drawing, elements drawn)."""
        from streamlit.proto.BackMsg_pb2 import BackMsg
        from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

        changed = set_value or trigger
        fragment = refresh or (self.owner.get(changed.id, "") if changed is not None else "")
        if set_value is not None:
            self.values[set_value.id] = set_value
        back = BackMsg()
        state = back.rerun_script
        state.query_string, state.page_name = self.query, self.page
        state.widget_states.widgets.extend(self.values.values())
        if trigger is not None:
            state.widget_states.widgets.append(trigger)
        if fragment:
            state.fragment_id, state.is_auto_rerun = fragment, bool(refresh)
        drawn: dict = {}
        started = time.perf_counter()
        await self.ws.send(back.SerializeToString())
        while True:
            msg = ForwardMsg()
            msg.ParseFromString(await asyncio.wait_for(self.ws.recv(), timeout=120))
            kind = msg.WhichOneof("type")
            if kind == "delta" and msg.delta.WhichOneof("type") == "new_element":
                element = msg.delta.new_element
                drawn.setdefault(msg.delta.fragment_id, []).append(element)
                if _widget(element) is not None:
                    self.owner[_widget(element).id] = msg.delta.fragment_id
                if element.WhichOneof("type") == "exception":
                    self.problems.append(element.exception.message)
            elif kind == "page_info_changed":
                self.query = msg.page_info_changed.query_string
            elif kind == "auto_rerun":
                self.fragments[msg.auto_rerun.fragment_id] = msg.auto_rerun.interval
            elif kind == "script_finished" and msg.script_finished != ForwardMsg.FINISHED_EARLY_FOR_RERUN:
                seconds = time.perf_counter() - started
                if fragment and "" not in drawn:
                    self.drawn[fragment] = drawn.get(fragment, [])
                else:  # a full run (also when the fragment asked for one with st.rerun())
                    self.drawn = drawn
                ids = {_widget(e).id for e in self.elements if _widget(e) is not None}
                self.values = {k: v for k, v in self.values.items() if k in ids}
                return seconds, [e for part in drawn.values() for e in part]

    def widget(self, kind: str, key_suffix: str):
        found = [_widget(e) for e in self.elements if e.WhichOneof("type") == kind]
        return next((w for w in found if w.id.endswith(key_suffix)), None)

    def radios(self) -> list:
        return [e.radio for e in self.elements if e.WhichOneof("type") == "radio"]

    def texts(self) -> str:
        return "\n".join(e.markdown.body for e in self.elements if e.WhichOneof("type") == "markdown")


def _widget(element):
    kind = element.WhichOneof("type")
    return getattr(element, kind) if kind in ("radio", "button", "text_input") else None


def _state(widget, **value):
    from streamlit.proto.WidgetStates_pb2 import WidgetState

    return WidgetState(id=widget.id, **value)


async def _connect(base: str):
    import websockets

    return await websockets.connect(base.replace("http", "ws") + "/_stcore/stream", subprotocols=["streamlit"],
                                    max_size=None, open_timeout=60)


async def _participant(base: str, code: str, number: int, chosen: dict, saves: list, done: list) -> list[str]:
    """Join, then answer every statement of every element and press 'Volgende'; phones refresh their status."""
    rng = random.Random(number)
    async with await _connect(base) as ws:
        phone = Client(ws, "workshop", query=f"code={code}")
        await phone.run()
        submit = next(e.button for e in phone.elements
                      if e.WhichOneof("type") == "button" and "FormSubmitter:ks_join" in e.button.id)
        for suffix, text in (("-ks_join_code", code), ("-ks_join_name", f"Deelnemer {number}")):
            phone.values[phone.widget("text_input", suffix).id] = _state(phone.widget("text_input", suffix),
                                                                        string_value=text)
        await phone.run(trigger=_state(submit, trigger_value=True))
        mine: dict = chosen.setdefault(number, {})
        last_status = time.monotonic()
        for element in BANK.elements:
            radios = phone.radios()
            assert [r.label for r in radios] == [i.text for i in element.items], phone.problems
            for item, radio in zip(element.items, radios):
                if time.monotonic() - last_status >= PHONE_REFRESH_S:
                    for fragment in phone.fragments:
                        await phone.run(refresh=fragment)
                    last_status = time.monotonic()
                await asyncio.sleep(rng.uniform(*THINK_S))
                value = rng.choice(OPTIONS)
                seconds, _ = await phone.run(set_value=_state(radio, string_value=radio.options[OPTIONS.index(value)]))
                saves.append(seconds)
                mine[item.id] = value
                if "Opgeslagen:" not in phone.texts():
                    phone.problems.append(f"no confirmation after answering {item.id}")
            await asyncio.sleep(rng.uniform(*THINK_S))
            await phone.run(trigger=_state(phone.widget("button", "-ks_phone_next"), trigger_value=True))
        if "dank u wel" not in "\n".join(e.alert.body for e in phone.elements if e.WhichOneof("type") == "alert"):
            phone.problems.append("no closing page")
    done.append(number)
    return [f"participant {number}: {p}" for p in phone.problems]


async def _host(base: str, code: str, refreshes: list, done: list) -> tuple[list, list[str]]:
    """The group screen with the result on screen (the heavier refresh: chart and table), its live part re-run
    every 3 s until everyone is done, then once more for the final numbers."""
    storage_workshops.set_revealed(code, "denkraam", True)
    async with await _connect(base) as ws:
        host = Client(ws, "workshop-scherm", query=f"sessie={code}")
        await host.run()
        [live] = [f for f, interval in host.fragments.items() if interval == HOST_REFRESH_S]
        while len(done) < PARTICIPANTS:
            started = time.monotonic()
            seconds, _ = await host.run(refresh=live)
            refreshes.append(seconds)
            await asyncio.sleep(max(0.0, HOST_REFRESH_S - (time.monotonic() - started)))
        seconds, drawn = await host.run(refresh=live)
        refreshes.append(seconds)
        return drawn, host.problems


async def _room(base: str, code: str):
    chosen: dict = {}
    saves: list[float] = []
    refreshes: list[float] = []
    done: list[int] = []
    started = time.perf_counter()
    host_task = asyncio.create_task(_host(base, code, refreshes, done))
    phones = await asyncio.gather(*(_participant(base, code, n, chosen, saves, done) for n in range(PARTICIPANTS)))
    drawn, host_problems = await host_task
    return chosen, saves, refreshes, drawn, [p for ps in phones for p in ps] + host_problems, \
        time.perf_counter() - started


def _screen_numbers(drawn: list) -> tuple[list[str], pd.DataFrame]:
    """The metrics/markdown and the group table the group screen drew in its last refresh."""
    import pyarrow as pa

    texts = [e.markdown.body for e in drawn if e.WhichOneof("type") == "markdown"]
    [table] = [e.table for e in drawn if e.WhichOneof("type") == "table"]
    return texts, pa.ipc.open_stream(io.BytesIO(table.arrow_data.data)).read_pandas()


@pytest.fixture(scope="module")
def server(mini_geo_cache: Path, tmp_path_factory: pytest.TempPathFactory):
    """The app under `streamlit run` with the options of `make workshop`, on 127.0.0.1."""
    pytest.importorskip("websockets")
    work = tmp_path_factory.mktemp("workshop_load")
    env = isolated_env(mini_geo_cache, work)
    server = StreamlitServer(APP_FILE, {**os.environ, **env}, options=workshop_options(), log=work / "server.log")
    server.start()
    try:
        yield server.url, Path(env["KS_DB_PATH"]), work / "server.log"
    finally:
        server.stop()


def test_thirty_phones_answer_everything_while_the_group_screen_refreshes(server, monkeypatch) -> None:
    base, db_path, log = server
    monkeypatch.setattr(paths, "DB_PATH", db_path)  # the test reads and writes the server's database
    code = storage_workshops.create_workshop(title="Volle zaal")
    chosen, saves, refreshes, drawn, problems, wall = asyncio.run(_room(base, code))
    assert not problems, problems[:10]
    assert "Traceback" not in log.read_text(encoding="utf-8")

    # Zero lost answers: every answer of every participant is a row, with the value given.
    with sqlite3.connect(db_path) as con:
        rows = con.execute("SELECT COUNT(*) FROM participant_answer pa JOIN participant p ON p.id = pa.participant_id "
                           "WHERE p.workshop_code = ?", (code,)).fetchone()[0]
    assert rows == PARTICIPANTS * len(BANK.items)
    stored = storage_workshops.workshop_answers(code)
    by_name = {p.name: stored[p.id] for p in storage_workshops.workshop_participants(code)}
    assert by_name == {f"Deelnemer {n}": answers for n, answers in chosen.items()}

    # The group screen shows what a direct computation of the stored answers gives.
    texts, table = _screen_numbers(drawn)
    assert f"**{PARTICIPANTS} deelnemers** · {rows} antwoorden" in texts
    expected = assessment_tables.group_table(assessment_group.group_summary(
        BANK, {str(k): v for k, v in chosen.items()}, part="denkraam"))
    pd.testing.assert_frame_equal(table.reset_index(drop=True), expected, check_dtype=False)

    numbers = {"answers": len(saves), "save_median": statistics.median(saves), "save_p95": _p95(saves),
               "save_max": max(saves), "refreshes": len(refreshes), "refresh_median": statistics.median(refreshes),
               "refresh_max": max(refreshes), "wall": wall}
    _report(numbers)
    assert numbers["answers"] == rows, numbers  # every answer's save was confirmed on the phone


def _met(ok: bool) -> str:
    return "met" if ok else "MISSED"


def _report(n: dict) -> None:
    intro = (
        f"Measured by `tests/test_load_workshop.py` (in the normal suite): one `streamlit run app.py` on 127.0.0.1, "
        f"{PARTICIPANTS} websocket clients speaking Streamlit's protocol join one session at once and answer all "
        f"{len(BANK.items)} statements (one element at a time, 'Volgende' after each), each phone also refreshing its "
        f"status every {PHONE_REFRESH_S:g} s and the group screen its live part every {HOST_REFRESH_S:g} s, as their "
        f"browsers would. Each phone waits {THINK_S[0]:g}-{THINK_S[1]:g} s before every tap (a brisk room: a real one "
        "reads and thinks several seconds per statement, so this is a heavier load); the group screen shows the "
        "result all along (the heavier refresh). "
        "*Save latency* = from sending an answer until the server finished drawing the phone's scoring part with "
        "its 'Opgeslagen' confirmation (write + rerun, as the participant sees it); *refresh* = one run of the "
        "group screen's live fragment (database snapshot, counts, chart and table). Server options: those of "
        f"`make workshop` plus no file watcher (`{' '.join(workshop_options())}`); {time.strftime('%Y-%m-%d %H:%M')} "
        f"on this machine ({os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} at the end)."
    )
    text = (
        f"{SECTION}\n\n" + textwrap.fill(intro, width=115) + "\n\n"
        f"| measure | value |\n| --- | --- |\n"
        f"| answers saved (none lost: rows counted in the database) | {n['answers']} |\n"
        f"| save latency median / p95 / max | {n['save_median']:.2f} s / {n['save_p95']:.2f} s / "
        f"{n['save_max']:.2f} s (target p95 < 1 s: {_met(n['save_p95'] < 1.0)}) |\n"
        f"| group screen refresh median / max ({n['refreshes']} refreshes) | {n['refresh_median']:.2f} s / "
        f"{n['refresh_max']:.2f} s (target < 3 s: {_met(n['refresh_max'] < 3.0)}) |\n"
        f"| whole room, wall time | {n['wall']:.0f} s |\n"
    )
    print("\n" + text)
    out = PROJECT_DIR / "test-output"
    out.mkdir(exist_ok=True)
    (out / "workshop_load.md").write_text(text, encoding="utf-8")
    if os.environ.get("KS_WRITE_BENCH"):
        current = RESULTS_FILE.read_text(encoding="utf-8")
        pattern = re.compile(rf"{re.escape(SECTION)}\n.*?(?=\n## |\Z)", re.S)
        updated = pattern.sub(text.rstrip("\n") + "\n", current) if pattern.search(current) else \
            current.rstrip("\n") + "\n\n" + text
        RESULTS_FILE.write_text(updated, encoding="utf-8")
