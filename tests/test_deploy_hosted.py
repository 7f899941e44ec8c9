"""Two coalitions side by side on a hosted instance as docs/DEPLOY.md sets it up (issue 18): PostgreSQL, two app
servers with KS_HOSTED=1 and KS_TRUSTED_PROXY=1 behind nginx (deploy/nginx/kansrijke-start.conf), one browser per
coalition, each routed to its own server. Each creates its workspace and a self-assessment and never sees the
other's; wrong access codes sent through both servers add up to one limit (the counter is in the database)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from ks_data.storage import assessments as storage_assessments
from ks_data.storage import workspaces
from ks_data.texts import assessment as ta
from ks_data.texts import hosting as th
from ks_data.texts import pages as tp
from tests.deploy_support import app_env, hosted
from tests.support import CHROMIUM, CHROMIUM_ARGS, isolated_env, require_chromium, wait_for_page

pytestmark = pytest.mark.browser
COALITIONS = {"a": "Coalitie Noord", "b": "Coalitie Zuid"}


def _browser_on_route(browser, proxy_url: str, route: str):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.add_cookies([{"name": "ks_route", "value": route, "url": proxy_url}])
    return context.new_page()


def _sidebar(page, title: str) -> None:
    page.locator("[data-testid='stSidebarNav']").get_by_role("link", name=title, exact=True).click()


def _try_code(page, code: str) -> str:
    page.locator("input[type=password]").fill(code)
    page.get_by_role("button", name=th.OPEN_BUTTON).click()
    page.wait_for_timeout(600)
    page.wait_for_selector("[data-testid='stApp'][data-test-script-state='notRunning']", timeout=30_000)
    return page.locator("[data-testid='stMain']").inner_text()


def test_two_coalitions_work_side_by_side_on_two_servers_without_seeing_each_other(
        pg_database, mini_geo_cache: Path, tmp_path: Path) -> None:
    from playwright.sync_api import expect, sync_playwright

    require_chromium()
    env = {**app_env(isolated_env(mini_geo_cache, tmp_path), pg_database), "KS_HOSTED": "1", "KS_TRUSTED_PROXY": "1"}
    codes: dict[str, str] = {}
    with hosted(env, tmp_path, count=2) as (proxy, servers), sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        pages = {route: _browser_on_route(browser, proxy.url, route) for route in COALITIONS}
        for route, page in pages.items():
            page.goto(f"{proxy.url}/werkruimte")
            wait_for_page(page, th.PAGE_TITLE)
            page.get_by_role("textbox", name=th.CREATE_NAME).fill(COALITIONS[route])
            page.get_by_role("button", name=th.CREATE_BUTTON).click()
            codes[route] = page.locator("[data-testid='stCode'] code").inner_text(timeout=30_000).strip()
            page.get_by_role("button", name=th.CODE_DONE).click()
            page.get_by_text("is geopend").wait_for(timeout=30_000)
            _sidebar(page, tp.ASSESSMENT_FILL)
            page.get_by_role("textbox", name=ta.COALITION_LABEL).fill(f"{COALITIONS[route]} zelfevaluatie")
            page.get_by_role("button", name=ta.OPEN_BUTTON).click()
            page.wait_for_url(re.compile(r"[?&]evaluatie=\d+"), timeout=30_000)
        for route, page in pages.items():  # side by side: each sees its own work only
            other = COALITIONS["b" if route == "a" else "a"]
            _sidebar(page, tp.ASSESSMENT_RESULTS)
            expect(page.get_by_role("combobox", name=ta.PICK_ASSESSMENT)).to_have_accessible_name(ta.PICK_ASSESSMENT)
            page.wait_for_function("t => document.querySelector('main').innerHTML.includes(t)",
                                   arg=f"{COALITIONS[route]} zelfevaluatie", timeout=30_000)
            page.wait_for_selector("[data-testid='stApp'][data-test-script-state='notRunning']", timeout=30_000)
            assert other not in page.content()
            _sidebar(page, tp.ASSESSMENT_FILL)
            page.wait_for_timeout(1500)
            assert other not in page.content()
        listed = {found.name: found.id for found, _ in workspaces.list_workspaces()}
        for route, name in COALITIONS.items():
            [mine] = storage_assessments.list_assessments(workspace=listed[name])
            assert mine.coalition == f"{name} zelfevaluatie"
        # Wrong codes through server a and server b count together; then even the right code waits.
        guesser = _browser_on_route(browser, proxy.url, "a")
        guesser.goto(f"{proxy.url}/werkruimte")
        wait_for_page(guesser, th.PAGE_TITLE)
        for _ in range(3):
            assert "klopt niet" in _try_code(guesser, "AAAA-BBBB-CCCC-DDDD")
        other_server = _browser_on_route(browser, proxy.url, "b")
        other_server.goto(f"{proxy.url}/werkruimte")
        wait_for_page(other_server, th.PAGE_TITLE)
        for _ in range(2):
            assert "klopt niet" in _try_code(other_server, "AAAA-BBBB-CCCC-DDDD")
        assert "Te veel pogingen" in _try_code(other_server, codes["a"])
        browser.close()
    for log in ("server0.log", "server1.log"):
        assert "Traceback" not in (tmp_path / log).read_text(encoding="utf-8")
