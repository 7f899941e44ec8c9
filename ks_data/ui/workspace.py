"""The session's open workspace on a hosted instance (KS_HOSTED=1): kept in session state, never in the URL.

On a laptop there is one implicit workspace and nothing here shows. Hosted, pages that hold a coalition's work
call :func:`require` (a Dutch prompt with a link to the Werkruimte page, then ``st.stop()``) and pass
:func:`current_id` to every storage call; :func:`bind` scopes the loaded perinatal files of this run.

The client key for throttling is the browser's address: the entry our nginx added to ``X-Forwarded-For`` when the
app runs behind it (``KS_TRUSTED_PROXY=1``), else the address of the connection (Streamlit gives
None for a connection from this machine, so behind nginx without the flag every browser shares one key).
"""

from __future__ import annotations

import streamlit as st

from ks_data.perinatal import store as perinatal_store
from ks_data.storage import hosting, throttle
from ks_data.storage import workspaces as storage_workspaces
from ks_data.texts import hosting as th

OPEN = "ks_workspace"  # dict: id, name, gemeente
NEW_CODE = "ks_workspace_new_code"  # (name, code) shown once after creating, popped when confirmed
MESSAGE = "ks_workspace_message"  # shown once on the Werkruimte page (e.g. after signing out)
PAGE = "app_pages/workspace.py"
URL_PATH = "werkruimte"
# Session state and URL parameters of the open work, dropped when the workspace changes or signs out.
_WORK_KEYS = ("ks_assessment", "ks_assessment_pending", "ks_assessment_error", "ks_workshop_code")
_WORK_PARAMS = ("evaluatie", "sessie")


def hosted() -> bool:
    """Whether this is a shared, hosted instance (``KS_HOSTED=1``)."""
    return hosting.hosted()


def opened() -> dict | None:
    """The open workspace of this browser session (hosted), or None."""
    return st.session_state.get(OPEN) if hosted() else None


def current_id() -> int | None:
    """The workspace storage calls work in: the laptop's implicit one, hosted the open one (None: none open)."""
    if not hosted():
        return hosting.LAPTOP_WORKSPACE
    held = st.session_state.get(OPEN)
    return int(held["id"]) if held else None


def bind() -> int | None:
    """Scope this run's loaded perinatal files to :func:`current_id`; returns it."""
    workspace = current_id()
    perinatal_store.bind_workspace(workspace)
    return workspace


def forwarded_client(header: str) -> str:
    """The client address in an ``X-Forwarded-For`` header written by our nginx: its last entry.

    nginx's ``$proxy_add_x_forwarded_for`` appends the address that connected to it to whatever the browser sent,
    so earlier entries are the browser's own claims (a guesser could change them at will); the last one is not.

    >>> forwarded_client("1.2.3.4, 203.0.113.7"), forwarded_client("203.0.113.7"), forwarded_client("")
    ('203.0.113.7', '203.0.113.7', '')
    """
    return header.split(",")[-1].strip()


def client() -> str | None:
    """The throttle key of this browser's address (hosted only; a laptop throttles nothing)."""
    if not hosted():
        return None
    address = ""
    if hosting.trusted_proxy():
        address = forwarded_client(st.context.headers.get("X-Forwarded-For") or "")
    if not address:
        direct = st.context.ip_address  # None for a connection from this machine (e.g. nginx without the proxy flag)
        address = direct if isinstance(direct, str) else ""
    return throttle.client_key(address)


def _forget_work() -> None:
    for key in _WORK_KEYS:
        st.session_state.pop(key, None)
    for param in _WORK_PARAMS:
        st.query_params.pop(param, None)


def _set(found: storage_workspaces.Workspace) -> None:
    _forget_work()
    st.session_state[OPEN] = {"id": found.id, "name": found.name, "gemeente": found.gemeente}
    bind()


def open_with_code(typed: str) -> None:
    """Open the workspace of an access code (raises StorageError: wrong_code, throttled, database problems)."""
    _set(storage_workspaces.open_workspace(typed, client=client() or ""))


def create(name: str, gemeente: str) -> str:
    """Create a workspace, open it and return its access code (shown once; raises StorageError)."""
    found, code = storage_workspaces.create_workspace(name=name, gemeente=gemeente, client=client() or "")
    _set(found)
    st.session_state[NEW_CODE] = (found.name, code)
    return code


def sign_out() -> None:
    """Close the workspace in this browser (button callback); its data stay stored."""
    st.session_state.pop(OPEN, None)
    st.session_state.pop(NEW_CODE, None)
    _forget_work()
    bind()


def require(message: str = th.NEED_WORKSPACE, *, title: str | None = None) -> int:
    """The workspace to work in; hosted without an open one: the prompt with a link (under ``title`` for a page
    that has not drawn its own yet), then the page stops."""
    workspace = current_id()
    if workspace is not None:
        return workspace
    if title:
        st.title(title)
    st.info(message, icon=":material/lock:")
    st.page_link(PAGE, label=th.GO_TO_WORKSPACE, icon=":material/folder_shared:")
    st.stop()
    raise AssertionError("st.stop() returned")  # pragma: no cover - st.stop raises


def section() -> dict[str, list]:
    """The navigation section of the Werkruimte page (hosted only) and, in the sidebar, which one is open."""
    if not hosted():
        return {}
    if held := st.session_state.get(OPEN):
        st.sidebar.caption(th.sidebar_status(held["name"]))
    return {th.SECTION: [st.Page(PAGE, title=th.PAGE_TITLE, icon=":material/folder_shared:", url_path=URL_PATH)]}


def upload_problem(size: int, n_rows: int | None = None) -> str | None:
    """Hosted: the Dutch message when an upload is over the size (``KS_MAX_UPLOAD_MB``) or row limit
    (``KS_MAX_ROWS``), else None (a laptop keeps the reader's own limits)."""
    if not hosted():
        return None
    if size > hosting.UPLOAD_MB.value() * 1024 * 1024:
        return th.upload_too_large(hosting.UPLOAD_MB.value())
    if n_rows is not None and n_rows > hosting.ROWS_PER_FILE.value():
        return th.too_many_rows(n_rows, hosting.ROWS_PER_FILE.value())
    return None
