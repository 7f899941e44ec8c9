"""Workspaces: a coalition's own corner of a hosted instance, opened with an access code shown once.

The code is ``LOOK-XXXX-XXXX-XXXX`` from :mod:`secrets`: the first group finds the workspace (stored as is), the
whole code is stored only as a salted ``hashlib.scrypt`` hash and compared with ``hmac.compare_digest``. Wrong codes
are throttled per client in the database (``storage.throttle``), so the limit holds across servers.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass

from ks_data.storage import audit, throttle
from ks_data.storage.db import StorageError, clean, connect, now, transaction
from ks_data.storage.hosting import CODE_ATTEMPTS_PER_MINUTE, LAPTOP_WORKSPACE, WORKSPACES_PER_HOUR

ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I/L: read aloud and typed without mistakes
GROUPS, GROUP_LENGTH = 4, 4
_SCRYPT = {"n": 2**14, "r": 8, "p": 1}
_LOOKUP_ATTEMPTS = 20
CODE_KIND = "werkruimte-code"  # throttle kind of wrong access codes
CREATE_KIND = "werkruimte-nieuw"  # throttle kind of workspaces created
_DUMMY_HASH = "scrypt$16384$8$1$" + "00" * 16 + "$" + "00" * 32  # matches no code


@dataclass(frozen=True)
class Workspace:
    id: int
    name: str
    gemeente: str
    created_at: str


def _group() -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(GROUP_LENGTH))


def normalise_code(typed: str) -> str:
    """A typed code as stored: capitals, groups of four joined by '-' ('abcd efgh...' -> 'ABCD-EFGH-...')."""
    letters = "".join(ch for ch in (typed or "").upper() if ch.isalnum())
    return "-".join(letters[i:i + GROUP_LENGTH] for i in range(0, len(letters), GROUP_LENGTH))


def hash_code(code: str, *, salt: bytes | None = None) -> str:
    """``scrypt$n$r$p$salt$hash`` of a code (a new random salt unless given)."""
    salt = secrets.token_bytes(16) if salt is None else salt
    digest = hashlib.scrypt(code.encode(), salt=salt, dklen=32, **_SCRYPT)
    return f"scrypt${_SCRYPT['n']}${_SCRYPT['r']}${_SCRYPT['p']}${salt.hex()}${digest.hex()}"


def code_matches(code: str, stored: str | None) -> bool:
    """Whether ``code`` hashes to ``stored`` (constant-time comparison; False for a damaged or missing hash)."""
    try:
        name, n, r, p, salt, digest = (stored or "").split("$")
        actual = hashlib.scrypt(code.encode(), salt=bytes.fromhex(salt), dklen=32, n=int(n), r=int(r), p=int(p))
        return name == "scrypt" and hmac.compare_digest(actual, bytes.fromhex(digest))
    except ValueError:
        return False


def _workspace(row) -> Workspace:
    return Workspace(id=row["id"], name=row["name"], gemeente=row["gemeente"], created_at=row["created_at"])


def create_workspace(*, name: str, gemeente: str = "", client: str) -> tuple[Workspace, str]:
    """A new workspace and its access code (shown once; only its hash is stored).

    Raises:
        StorageError: ``empty_name`` without a name, ``throttled`` when this client made too many this hour.
    """
    name, gemeente = clean(name), clean(gemeente)
    if not name:
        raise StorageError("empty_name")
    throttle.take(client, CREATE_KIND, limit=WORKSPACES_PER_HOUR.value(), window_seconds=3600)
    secret = "-".join(_group() for _ in range(GROUPS - 1))
    with transaction() as con:
        for _ in range(_LOOKUP_ATTEMPTS):
            lookup = _group()
            code = f"{lookup}-{secret}"
            row = con.execute("INSERT INTO workspace (name, gemeente, lookup, code_hash, created_at) "
                              "VALUES (?, ?, ?, ?, ?) ON CONFLICT (lookup) DO NOTHING RETURNING id",
                              (name, gemeente, lookup, hash_code(code), now())).fetchone()
            if row is not None:
                audit.record(con, row["id"], audit.WORKSPACE, "aangemaakt", "werkruimte", row["id"])
                found = con.execute("SELECT * FROM workspace WHERE id = ?", (row["id"],)).fetchone()
                return _workspace(found), code
    raise StorageError("unavailable", "no free workspace code")


def open_workspace(typed: str, *, client: str) -> Workspace:
    """The workspace whose access code this is.

    Raises:
        StorageError: ``throttled`` after too many wrong codes from this client this minute (checked before the
            code, so guessing stops even for a right code), ``wrong_code`` for a wrong one (counted).
    """
    limit = CODE_ATTEMPTS_PER_MINUTE.value()
    throttle.check(client, CODE_KIND, limit=limit, window_seconds=60)
    code = normalise_code(typed)
    with connect() as con:
        row = con.execute("SELECT * FROM workspace WHERE lookup = ?", (code[:GROUP_LENGTH],)).fetchone()
    # an unknown first group costs the same scrypt as a wrong code: the answer time tells a guesser nothing
    if not code_matches(code, row["code_hash"] if row is not None else _DUMMY_HASH) or row is None:
        throttle.hit(client, CODE_KIND, window_seconds=60)
        raise StorageError("wrong_code")
    return _workspace(row)


def get_workspace(workspace_id: int) -> Workspace:
    """One workspace (StorageError ``not_found`` if absent)."""
    with connect() as con:
        row = con.execute("SELECT * FROM workspace WHERE id = ?", (workspace_id,)).fetchone()
    if row is None:
        raise StorageError("not_found", f"workspace {workspace_id}")
    return _workspace(row)


def list_workspaces() -> list[tuple[Workspace, dict[str, int]]]:
    """Every workspace with how many assessments, workshops and loaded files it holds (for the administrator)."""
    counts = {"assessments": "assessment", "workshops": "workshop", "files": "perinatal_file"}
    with connect() as con:
        out = []
        for row in con.execute("SELECT * FROM workspace ORDER BY id"):
            out.append((_workspace(row), {label: con.execute(f"SELECT COUNT(*) FROM {table} WHERE workspace_id = ?",
                                                            (row["id"],)).fetchone()[0]
                                          for label, table in counts.items()}))
        return out


def delete_workspace(workspace_id: int) -> dict[str, int]:
    """Erase a workspace with all its assessments (answers, notes), workshops (participants, their answers, notes),
    loaded files and remembered mappings; returns what was deleted. The laptop's implicit workspace keeps its row.

    Raises:
        StorageError: ``not_found`` for an unknown workspace.
    """
    with transaction() as con:
        if con.execute("SELECT id FROM workspace WHERE id = ?", (workspace_id,)).fetchone() is None:
            raise StorageError("not_found", f"workspace {workspace_id}")
        gone = {
            "answers": con.execute("DELETE FROM answer WHERE assessment_id IN "
                                   "(SELECT id FROM assessment WHERE workspace_id = ?)", (workspace_id,)).rowcount,
            "notes": con.execute("DELETE FROM note WHERE assessment_id IN "
                                 "(SELECT id FROM assessment WHERE workspace_id = ?)", (workspace_id,)).rowcount,
            "assessments": con.execute("DELETE FROM assessment WHERE workspace_id = ?", (workspace_id,)).rowcount,
        }
        workshops = "(SELECT code FROM workshop WHERE workspace_id = ?)"
        participants = f"(SELECT id FROM participant WHERE workshop_code IN {workshops})"
        gone["participant_answers"] = con.execute(
            f"DELETE FROM participant_answer WHERE participant_id IN {participants}", (workspace_id,)).rowcount
        gone["participants"] = con.execute(f"DELETE FROM participant WHERE workshop_code IN {workshops}",
                                           (workspace_id,)).rowcount
        for table in ("workshop_reveal", "workshop_note"):
            con.execute(f"DELETE FROM {table} WHERE workshop_code IN {workshops}", (workspace_id,))
        gone["workshops"] = con.execute("DELETE FROM workshop WHERE workspace_id = ?", (workspace_id,)).rowcount
        gone["files"] = con.execute("DELETE FROM perinatal_file WHERE workspace_id = ?", (workspace_id,)).rowcount
        con.execute("DELETE FROM perinatal_mapping WHERE signature LIKE ?", (f"{workspace_id}/%",))
        con.execute("DELETE FROM change_counter WHERE name LIKE ?", (f"%:{workspace_id}",))
        con.execute("DELETE FROM audit WHERE workspace_id = ?", (workspace_id,))
        if workspace_id != LAPTOP_WORKSPACE:
            con.execute("DELETE FROM workspace WHERE id = ?", (workspace_id,))
        audit.record(con, workspace_id, audit.ADMIN, "gewist", "werkruimte", workspace_id)
        return gone
