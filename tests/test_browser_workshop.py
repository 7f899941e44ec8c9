"""A workshop in a real browser (Playwright + Debian chromium), as in the room: the trainer's laptop runs the app
as `make workshop` does (bound to 127.0.0.1 here), three phones join by the address and the QR code the group
screen shows, answer with the results hidden, the trainer reveals them, exports the group report and saves the
result as the coalition's self-assessment, which then shows in its history.

The laptop is reached by a name (``ks-laptop.test``, mapped to 127.0.0.1 inside Chromium), as phones reach a
laptop by its LAN address: the join address on screen is then the laptop's, not ``localhost``. Every request
that would leave the machine is recorded and fails the test. Screenshots go to test-output/workshop/.
"""

from __future__ import annotations

import io
import os
import re
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest

from ks_data import paths
from ks_data.assessment import workshop as assessment_group
from ks_data.assessment.items import load_item_bank
from ks_data.storage import assessments as storage_assessments
from ks_data.storage import workshops as storage_workshops
from ks_data.texts import assessment as ta
from ks_data.texts import workshop as tw
from tests.support import CHROMIUM, CHROMIUM_ARGS, PROJECT_DIR, StreamlitServer, require_chromium, wait_for_page
from tests.test_load_workshop import workshop_options

pytestmark = pytest.mark.browser

LAPTOP = "ks-laptop.test"
SHOTS = PROJECT_DIR / "test-output" / "workshop"
PHONE = {"viewport": {"width": 390, "height": 844}, "device_scale_factor": 2, "is_mobile": True, "has_touch": True}
BANK = load_item_bank()
ELEMENT = BANK.elements[0]
# What each phone answers on the first element (scale values; None = "weet niet"), one list per phone.
_PATTERN = (4, 3, 1, 2, None, 3, 0, 2, 4)
ANSWERS = tuple([_PATTERN[(3 * phone + k) % len(_PATTERN)] for k in range(len(ELEMENT.items))] for phone in range(3))


@pytest.fixture
def laptop(user_data_dir: Path, tmp_path: Path) -> Iterator[str]:
    """The app started as `make workshop` starts it, but listening on 127.0.0.1 only; its address by name."""
    require_chromium()
    env = {**os.environ, "KS_DB_PATH": str(paths.DB_PATH), "KS_USER_DATA_DIR": str(user_data_dir)}
    server = StreamlitServer(PROJECT_DIR / "app.py", env, options=workshop_options(), log=tmp_path / "server.log")
    server.start()
    try:
        yield f"http://{LAPTOP}:{server.port}"
    finally:
        server.stop()
    assert "Traceback" not in (tmp_path / "server.log").read_text(encoding="utf-8")


@pytest.fixture
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM,
                                              args=[*CHROMIUM_ARGS, f"--host-resolver-rules=MAP {LAPTOP} 127.0.0.1"])
        yield chromium
        chromium.close()


@pytest.fixture
def device(browser, laptop) -> Iterator:
    """Factory of browser contexts (a laptop screen or a phone) that may only talk to the laptop."""
    external: list[str] = []
    contexts = []

    def make(**options):
        context = browser.new_context(accept_downloads=True, **options)
        context.route("**/*", lambda route: route.continue_() if _local(route.request.url) else (
            external.append(route.request.url), route.abort()))
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()
    assert external == [], f"requests left the room: {external}"


def _local(url: str) -> bool:
    return url.startswith((f"http://{LAPTOP}:", "data:", "blob:", "about:"))


def _shot(page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"))


def _qr_url(page) -> list[str]:
    """Decode the QR code on the group screen from a screenshot of it, as a phone camera does."""
    import zxingcpp
    from PIL import Image

    picture = Image.open(io.BytesIO(page.locator("img.ks-join__qr").screenshot())).convert("L")
    return [r.text for r in zxingcpp.read_barcodes(picture)]


def _option(page, statement: str, value: int | None):
    label = ta.scale_option(value, BANK.scale.label(value)) if value is not None else BANK.scale.dont_know_label
    return page.get_by_role("radiogroup", name=statement).get_by_text(label, exact=True)


def _answer_first_element(phone, answers: list[int | None]) -> None:
    for item, value in zip(ELEMENT.items, answers):
        _option(phone, item.text, value).click()
        confirmation = tw.answer_saved(ta.scale_option(value, BANK.scale.label(value)) if value is not None
                                       else BANK.scale.dont_know_label)
        phone.get_by_text(confirmation).first.wait_for(timeout=20_000)  # a Dutch confirmation per saved answer


def test_three_phones_join_by_address_and_qr_code_and_the_trainer_leads_to_a_saved_coalition_result(
        laptop, device, tmp_path: Path):
    # The trainer opens the group screen on the laptop (projector 1280x720) and starts a session.
    host = device(viewport={"width": 1280, "height": 720})
    host.goto(f"{laptop}/workshop-scherm?presentatie=1")
    wait_for_page(host, tw.HOST_TITLE)
    host.get_by_role("textbox", name=tw.HOST_SESSION_TITLE).fill("Regio Utrecht")
    host.get_by_role("button", name=tw.HOST_START).click()
    address = host.locator(".ks-join__url")
    address.wait_for(timeout=30_000)
    code = re.search(r"[?&]sessie=(\w+)", host.url).group(1)
    join_url = address.inner_text().strip()
    assert join_url == f"{laptop}/workshop?code={code}"  # reachable from the room, not localhost
    assert _qr_url(host) == [join_url]
    _shot(host, "01_host_join_1280x720")
    big = device(viewport={"width": 1920, "height": 1080})
    big.goto(f"{laptop}/workshop-scherm?sessie={code}&presentatie=1")
    big.locator("img.ks-join__qr").wait_for(timeout=30_000)
    assert _qr_url(big) == [join_url]
    _shot(big, "01_host_join_1920x1080")

    # Three phones: two type the address, one scans the QR code.
    phones = []
    for number, (url, name) in enumerate(((join_url, "Fatima"), (join_url, ""), (_qr_url(host)[0], "Joost"))):
        phone = device(**PHONE)
        phone.goto(url)
        wait_for_page(phone, tw.JOIN_TITLE)
        assert phone.get_by_role("textbox", name=tw.JOIN_CODE).input_value() == code
        phone.get_by_role("textbox", name=tw.JOIN_NAME).fill(name)
        phone.get_by_role("button", name=tw.JOIN_BUTTON).click()
        phone.get_by_text(f"Element 1 van {len(BANK.elements)}").wait_for(timeout=30_000)
        if number == 0:
            wait_for_page(phone, tw.JOIN_TITLE)
            _shot(phone, "02_phone_element_1_390x844")
        phones.append(phone)
    for phone, answers in zip(phones, ANSWERS):
        _answer_first_element(phone, answers)
    _shot(phones[0], "03_phone_answered_390x844")
    phones[0].get_by_role("button", name=tw.NEXT).click()
    phones[0].get_by_text(f"Element 2 van {len(BANK.elements)}").wait_for(timeout=20_000)
    _shot(phones[0], "04_phone_element_2_390x844")

    # Results stay hidden on the shared screen while the room answers.
    host.get_by_text("3 deelnemers", exact=True).wait_for(timeout=20_000)
    host.get_by_text(f"{3 * len(ELEMENT.items)} antwoorden", exact=True).wait_for(timeout=20_000)
    host.get_by_text(tw.RESULTS_HIDDEN.split("**")[0].strip()).wait_for(timeout=10_000)
    assert host.get_by_role("table").count() == 0 and "Fatima" not in host.inner_text("body")
    _shot(host, "05_host_hidden_1280x720")

    # The trainer reveals the result: the table shows the numbers a direct computation gives.
    host.get_by_role("button", name=tw.SHOW_RESULTS).click()
    expected = assessment_group.group_summary(
        BANK, {str(n): {i.id: v for i, v in zip(ELEMENT.items, a)} for n, a in enumerate(ANSWERS)}, part="denkraam")
    mean = ta.fmt_score(float(expected.loc[0, "mean"]))
    host.get_by_role("cell", name=mean, exact=True).first.wait_for(timeout=20_000)
    assert host.get_by_role("button", name=tw.HIDE_RESULTS).is_visible()
    host.locator("[data-testid='stVegaLiteChart']").first.wait_for(timeout=20_000)
    _shot(host, "06_host_revealed_1280x720")

    # The trainer exports the group report and the CSV.
    host.get_by_role("button", name=tw.EXPORT_REPORT).scroll_into_view_if_needed()
    with host.expect_download() as report_download:
        host.get_by_role("button", name=tw.EXPORT_REPORT).click()
    report = Path(report_download.value.path()).read_text(encoding="utf-8")
    assert tw.REPORT_TITLE in report and f"sessie {code}" in report and "3 deelnemers" in report
    host.get_by_role("button", name=tw.EXPORT_CSV).click()
    with host.expect_download() as csv_download:
        host.get_by_role("button", name=re.compile("Nederlandse notatie")).click()
    table = pd.read_csv(csv_download.value.path(), sep=";", decimal=",", encoding="utf-8-sig")
    assert table.loc[0, ta.COLUMN_MEAN] == pytest.approx(round(float(expected.loc[0, "mean"]), 2))
    host.keyboard.press("Escape")

    # ... and saves the result as the self-assessment of a (new) coalition.
    picker = host.get_by_role("combobox", name=tw.SAVE_COALITION)
    picker.scroll_into_view_if_needed()
    picker.click()
    picker.fill("Coalitie Kansrijke Start Utrecht")
    host.keyboard.press("Enter")
    host.get_by_role("button", name=tw.SAVE_BUTTON).click()
    host.get_by_text("Opgeslagen als zelfevaluatie van Coalitie Kansrijke Start Utrecht").wait_for(timeout=30_000)
    _shot(host, "07_host_saved_1280x720")
    [saved] = storage_assessments.list_assessments(coalition="Coalitie Kansrijke Start Utrecht")
    assert (saved.workshop_code, saved.n_participants, saved.n_answers) == (code, 3, len(ELEMENT.items))

    # It appears in the coalition's history on the results page.
    host.get_by_role("link", name=tw.SAVE_LINK).click()
    wait_for_page(host, ta.RESULTS_TITLE)
    host.get_by_text(f"workshop {code} (3 deelnemers)").first.wait_for(timeout=30_000)
    assert storage_workshops.get_workshop(code).revealed == {"denkraam"}
    _shot(host, "08_results_history_1280x720")
