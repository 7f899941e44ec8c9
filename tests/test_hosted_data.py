"""Hosted mode (issue 18) and loaded perinatal files: a file loaded in workspace B is B's only; workspace A, and a
visitor without a workspace, see the synthetic demo on the Data and Mijn gemeente pages; upload limits in Dutch."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from ks_data.perinatal import dataset as perinatal
from ks_data.perinatal import store
from ks_data.storage import perinatal_files as db_files
from ks_data.storage import workspaces
from ks_data.texts import common as tc
from ks_data.texts import hosting as th
from tests.support import downloads, open_page

DATA_PAGE = "app_pages/data.py"
PROFILE = "app_pages/profile.py"
MAP = "app_pages/map.py"
REPORT = "app_pages/report.py"
FILES = Path(__file__).resolve().parent / "data"
WSJG = "wsjg_gemeenten_percentages_2018-2020.csv"


@pytest.fixture
def two(perinatal_env, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("KS_HOSTED", "1")
    a, _ = workspaces.create_workspace(name="A", client="t")
    b, _ = workspaces.create_workspace(name="B", client="t")
    return a, b


def _app(page: str, workspace: workspaces.Workspace | None, **query: str) -> AppTest:
    session = None if workspace is None else {"ks_workspace": {"id": workspace.id, "name": workspace.name,
                                                               "gemeente": ""}}
    return open_page(page, timeout=120, session=session, **query)


def _text(at: AppTest) -> str:
    return "\n".join(e.value for kind in ("markdown", "caption", "warning", "info", "error", "success")
                     for e in getattr(at, kind))


def _load(at: AppTest, name: str, content: bytes | None = None) -> AppTest:
    at.file_uploader[0].set_value((name, content if content is not None else (FILES / WSJG).read_bytes(),
                                   "text/csv")).run()
    assert not at.exception, [e.message for e in at.exception]
    if any(button.key == "_import_confirm" for button in at.button):
        at.button(key="_import_confirm").click().run()
    return at


def _shows(at: AppTest, media: list) -> str:
    """What a page shows, and what its downloads hold (the report page's printable report)."""
    files = downloads(at, media) if at.get("download_button") else {}
    return (_text(at) + "\n".join(c.decode("utf-8", "replace") if isinstance(c, bytes) else str(c)
                                   for c in files.values())).replace("\\_", "_")


def test_a_file_loaded_in_workspace_b_is_shown_only_in_b(two, media):
    a, b = two
    loaded = _load(_app(DATA_PAGE, b), "cijfers_van_B.csv")
    assert "cijfers\\_van\\_B.csv" in _text(loaded) and tc.SYNTHETIC_NOTE not in _text(loaded)
    assert [m["filename"] for m in db_files.list_files(workspace=b.id)] == ["cijfers_van_B.csv"]
    for workspace in (a, None):  # another coalition, and a visitor without a workspace
        data = _app(DATA_PAGE, workspace)
        assert tc.SYNTHETIC_NOTE in [w.value for w in data.warning] and "van_B" not in _text(data)
        for page in (PROFILE, MAP, REPORT):  # every page that shows loaded figures
            shown = _shows(_app(page, workspace, gemeente="GM0193"), media)
            assert "van_B" not in shown and "synthetisch voorbeeld" in shown.lower(), page
    for page, query in ((PROFILE, {"gemeente": "GM0193"}), (MAP, {}), (REPORT, {"gemeente": "GM0193"})):
        assert "cijfers_van_B.csv" in _shows(_app(page, b, **query), media), page  # B's own file
    with store.use_workspace(a.id):  # and the dataset code itself, scoped to A
        assert perinatal.load_active().is_synthetic


def test_uploads_over_the_size_or_row_limit_are_refused_in_dutch_naming_the_limit(two, monkeypatch):
    _, b = two
    monkeypatch.setenv("KS_MAX_UPLOAD_MB", "1")
    big = _load(_app(DATA_PAGE, b), "groot.csv", b"x;y\n" + b"1;2\n" * 300_000)
    assert th.upload_too_large(1) in [e.value for e in big.error] and not big.get("file_uploader")[0].value
    monkeypatch.setenv("KS_MAX_ROWS", "5")
    rows = _load(_app(DATA_PAGE, b), WSJG)
    [message] = [e.value for e in rows.error]
    assert "hoogstens 5" in message and "rijen" in message
    assert db_files.list_files(workspace=b.id) == []


@pytest.mark.parametrize("page", sorted(str(p.relative_to(FILES.parent.parent)) for p in
                                        (FILES.parent.parent / "app_pages").glob("*.py")))
def test_every_page_runs_hosted_with_and_without_a_workspace(two, page):
    a, _ = two
    for workspace in (None, a):
        _app(page, workspace, gemeente="GM0363")  # no exception, nothing of another workspace needed
