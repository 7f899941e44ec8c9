"""Two app servers behind nginx sharing one PostgreSQL database (issue 17), all real and on 127.0.0.1.

PostgreSQL (tests/pg_server.py), two `streamlit run app.py` servers with `make workshop`'s options and nginx running
deploy/nginx/kansrijke-start.conf (only ports replaced; tests/deploy_support.py). Six participants join one
workshop through nginx, three routed to each server by the ``ks_route`` cookie, while the group screen on the first
server shows every answer from both. Then the second server is killed (SIGKILL) mid-workshop: its participants'
browsers reconnect through nginx (same cookie, same URL), are served by the first server and finish; no saved
answer is lost (rows counted in the database) and the group screen shows them all.
"""

from __future__ import annotations

import asyncio
import random
import re
import urllib.request
from pathlib import Path

import pandas as pd
import pytest

from ks_data import paths
from ks_data.assessment import views as assessment_tables
from ks_data.assessment import workshop as assessment_group
from ks_data.storage import db as storage_db
from ks_data.storage import workshops as storage_workshops
from tests.deploy_support import app_env, hosted
from tests.support import isolated_env
from tests.test_load_workshop import BANK, OPTIONS, Client, _screen_numbers, _state, workshop_options

PER_SERVER = 3
ROUTES = ("a", "b")  # the site config's routes: a -> first server, b -> second


async def _connect(proxy_url: str, route: str):
    import websockets

    return await websockets.connect(
        proxy_url.replace("http", "ws") + "/_stcore/stream", subprotocols=["streamlit"], max_size=None,
        open_timeout=60, additional_headers={"Cookie": f"ks_route={route}", "Origin": proxy_url})


async def _join(proxy_url: str, route: str, code: str, name: str) -> Client:
    phone = Client(await _connect(proxy_url, route), "workshop", query=f"code={code}")
    await phone.run()
    submit = next(e.button for e in phone.elements
                  if e.WhichOneof("type") == "button" and "FormSubmitter:ks_join" in e.button.id)
    for suffix, text in (("-ks_join_code", code), ("-ks_join_name", name)):
        widget = phone.widget("text_input", suffix)
        phone.values[widget.id] = _state(widget, string_value=text)
    await phone.run(trigger=_state(submit, trigger_value=True))
    assert "deelnemer=" in phone.query, phone.problems
    return phone


async def _answer(phone: Client, mine: dict, rng: random.Random, *, limit: int | None = None,
                  saves: list[float] | None = None) -> None:
    """Answer what the phone shows, element after element, until the closing page (or ``limit`` answers);
    the seconds of each save (answer sent until the confirmation is drawn) go to ``saves``."""
    given = 0
    while True:
        radios = phone.radios()
        if not radios:
            return
        element = next(e for e in BANK.elements if [i.text for i in e.items] == [r.label for r in radios])
        for item, radio in zip(element.items, radios):
            if item.id in mine:  # saved before the server went away: shown again, not asked again
                continue
            if limit is not None and given >= limit:
                return
            value = rng.choice(OPTIONS)
            seconds, _ = await phone.run(set_value=_state(radio, string_value=radio.options[OPTIONS.index(value)]))
            if saves is not None:
                saves.append(seconds)
            assert "Opgeslagen:" in phone.texts(), (item.id, phone.problems)
            mine[item.id] = value  # acknowledged on screen: this answer must never be lost
            given += 1
        await phone.run(trigger=_state(phone.widget("button", "-ks_phone_next"), trigger_value=True))


async def _group_screen(proxy_url: str, code: str) -> Client:
    host = Client(await _connect(proxy_url, "a"), "workshop-scherm", query=f"sessie={code}")
    await host.run()
    return host


async def _refresh(host: Client) -> tuple[list[str], pd.DataFrame]:
    [live] = [f for f, interval in host.fragments.items() if interval]
    _, drawn = await host.run(refresh=live)
    return _screen_numbers(drawn)


def _routes_served(log: Path) -> list[tuple[str, str, str]]:
    """(route cookie, last upstream port, request) of every proxied request in nginx's access log."""
    found = []
    for line in log.read_text(encoding="utf-8").splitlines():
        route, rest = line.split(" ", 1)
        ports = re.findall(r"127\.0\.0\.1:(\d+)", rest.split('"')[0])
        found.append((route, ports[-1] if ports else "", rest.split('"')[1]))
    return found


def _stored_answers(code: str) -> int:
    with storage_db.connect() as con:
        return con.execute("SELECT COUNT(*) FROM participant_answer pa JOIN participant p ON p.id = pa.participant_id "
                           "WHERE p.workshop_code = ?", (code,)).fetchone()[0]


async def _workshop(proxy, servers, code: str) -> None:
    rngs = {(r, n): random.Random(f"{r}{n}") for r in ROUTES for n in range(PER_SERVER)}
    chosen: dict[tuple[str, int], dict] = {key: {} for key in rngs}
    host = await _group_screen(proxy.url, code)
    phones = dict(zip(rngs, await asyncio.gather(
        *(_join(proxy.url, r, code, f"Deelnemer {r}{n}") for r, n in rngs))))
    # first part: everyone answers the first element and a few statements of the next
    first = len(BANK.elements[0].items) + 2
    await asyncio.gather(*(_answer(phones[k], chosen[k], rngs[k], limit=first) for k in rngs))
    texts, _ = await _refresh(host)
    assert f"**{len(rngs)} deelnemers** · {len(rngs) * first} antwoorden" in texts, texts
    assert _stored_answers(code) == len(rngs) * first

    # the second server dies mid-workshop
    servers[1].proc.kill()
    servers[1].proc.wait(timeout=30)
    servers[1].proc = None
    for key, phone in phones.items():
        if key[0] == "b":  # the browser reconnects (same cookie, same address) and lands on the other server
            await phone.ws.close()
            again = Client(await _connect(proxy.url, "b"), "workshop", query=phone.query)
            await again.run()
            assert again.radios(), again.problems
            phones[key] = again
    await asyncio.gather(*(_answer(phones[k], chosen[k], rngs[k]) for k in rngs))
    for phone in phones.values():
        assert not phone.problems, phone.problems
        alerts = "\n".join(e.alert.body for e in phone.elements if e.WhichOneof("type") == "alert")
        assert "dank u wel" in alerts
        await phone.ws.close()

    # nothing lost: every acknowledged answer is a row, with the value given
    total = len(rngs) * len(BANK.items)
    assert _stored_answers(code) == total
    stored = storage_workshops.workshop_answers(code)
    by_name = {p.name: stored[p.id] for p in storage_workshops.workshop_participants(code)}
    assert by_name == {f"Deelnemer {r}{n}": chosen[(r, n)] for r, n in rngs}
    # and the group screen on the surviving server shows all of them
    texts, table = await _refresh(host)
    assert f"**{len(rngs)} deelnemers** · {total} antwoorden" in texts, texts
    expected = assessment_tables.group_table(assessment_group.group_summary(
        BANK, {f"{r}{n}": chosen[(r, n)] for r, n in rngs}, part="denkraam"))
    pd.testing.assert_frame_equal(table.reset_index(drop=True), expected, check_dtype=False)
    assert not host.problems, host.problems
    await host.ws.close()


def test_two_servers_behind_nginx_share_a_workshop_and_survive_losing_one(
        pg_database, mini_geo_cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    env = app_env(isolated_env(mini_geo_cache, tmp_path), pg_database)
    code = storage_workshops.create_workshop(title="Twee servers")  # the app's database (paths.DATABASE_URL)
    storage_workshops.set_revealed(code, "denkraam", True)
    with hosted(env, tmp_path, count=2, options=workshop_options()) as (proxy, servers):
        # a browser without a route cookie is given one
        with urllib.request.urlopen(proxy.url + "/_stcore/health", timeout=10) as response:
            cookies = response.headers.get_all("Set-Cookie")
            assert any(re.match(r"ks_route=[ab];", c) for c in cookies), cookies
        ports = {"a": str(servers[0].port), "b": str(servers[1].port)}
        asyncio.run(asyncio.wait_for(_workshop(proxy, servers, code), timeout=180))
        served = _routes_served(proxy.access_log)
        streams = [(route, port) for route, port, request in served if "/_stcore/stream" in request]
        # before the kill each route's browsers were on their own server; after it, route b was served by a
        assert ("a", ports["a"]) in streams and ("b", ports["b"]) in streams
        assert streams[-1] != ("b", ports["b"]) and ("b", ports["a"]) in streams, streams
        assert all(port == ports["a"] for route, port in streams if route == "a"), streams
    for log in ("server0.log", "server1.log"):
        assert "Traceback" not in (tmp_path / log).read_text(encoding="utf-8")
    assert paths.DATABASE_URL == pg_database
