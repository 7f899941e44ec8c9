"""The audit trail of writes per workspace: who (kind of actor), when, what kind of action on what; never content.

Written in the same transaction as the change it records. Saving while typing (notes) or clicking through answers
would write a row per keystroke or click, so a repeat of the same action on the same object by the same kind of
actor within a minute only moves the time of the last row.
"""

from __future__ import annotations

import csv
import io
from datetime import datetime, timedelta, timezone

from ks_data.storage.db import Connection, connect, now

WORKSPACE, PARTICIPANT, ADMIN = "werkruimte", "deelnemer", "beheerder"
COLUMNS = ("id", "workspace_id", "at", "actor", "action", "object_kind", "object_id")
_MERGE_SECONDS = 60


def record(con: Connection, workspace: int, actor: str, action: str, object_kind: str, object_id: object = "") -> None:
    """Add one audit row (or refresh the time of the same row written within the last minute)."""
    stamp = now()
    since = (datetime.now(timezone.utc) - timedelta(seconds=_MERGE_SECONDS)).isoformat(timespec="milliseconds")
    key = (workspace, actor, action, object_kind, str(object_id))
    row = con.execute("SELECT id FROM audit WHERE workspace_id = ? AND actor = ? AND action = ? AND object_kind = ?"
                      " AND object_id = ? AND at >= ? ORDER BY id DESC LIMIT 1", (*key, since)).fetchone()
    if row is not None:
        con.execute("UPDATE audit SET at = ? WHERE id = ?", (stamp, row["id"]))
    else:
        con.execute("INSERT INTO audit (workspace_id, at, actor, action, object_kind, object_id) "
                    "VALUES (?, ?, ?, ?, ?, ?)", (*key[:1], stamp, *key[1:]))


def trail(workspace: int) -> list[dict[str, object]]:
    """Every audit row of a workspace, oldest first."""
    with connect() as con:
        return [{name: r[name] for name in COLUMNS} for r in con.execute(
            "SELECT * FROM audit WHERE workspace_id = ? ORDER BY at, id", (workspace,))]


def trail_csv(workspace: int) -> str:
    """The audit trail of a workspace as CSV text (header + one line per row)."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(trail(workspace))
    return out.getvalue()
