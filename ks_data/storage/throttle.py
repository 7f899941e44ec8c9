"""Throttling per client in the database (a sliding window), so a limit holds across every app server.

A client is a hash of its address (``client_key``), never the address itself. Events are counted per second
(``window_start``: epoch seconds) and a check sums the last ``window_seconds``, so "5 a minute" means any 60
seconds, also across a minute boundary. ``check`` + ``hit`` limit failures (wrong codes: counted only when wrong,
refused while over the limit); ``take`` limits actions (each one counts).
"""

from __future__ import annotations

import hashlib
import time

from ks_data.storage.db import Connection, StorageError, connect, transaction

_KEEP_SECONDS = 24 * 3600  # rows older than this are removed on the next hit


def client_key(address: str) -> str:
    """A stable, non-reversible key of a client address ('' stays one shared 'unknown client' key)."""
    return hashlib.sha256(f"ks-client:{address or 'unknown'}".encode()).hexdigest()[:24]


def _second(at: float | None) -> int:
    return int(time.time() if at is None else at)


def _count(con: Connection, client: str, kind: str, *, since: int) -> int:
    row = con.execute("SELECT COALESCE(SUM(count), 0) FROM throttle WHERE client = ? AND kind = ? AND window_start > ?",
                      (client, kind, since)).fetchone()
    return int(row[0])


def check(client: str, kind: str, *, limit: int, window_seconds: int, at: float | None = None) -> None:
    """Raise StorageError ``throttled`` when ``client`` had ``limit`` events of ``kind`` in the last window."""
    with connect() as con:
        if _count(con, client, kind, since=_second(at) - window_seconds) >= limit:
            raise StorageError("throttled", f"{kind} for {client}")


def hit(client: str, kind: str, *, window_seconds: int, at: float | None = None) -> int:
    """Count one event of ``kind`` for ``client`` now; returns the count in the last window."""
    second = _second(at)
    with transaction() as con:
        con.execute("INSERT INTO throttle (client, kind, window_start, count) VALUES (?, ?, ?, 1) "
                    "ON CONFLICT (client, kind, window_start) DO UPDATE SET count = throttle.count + 1",
                    (client, kind, second))
        con.execute("DELETE FROM throttle WHERE window_start < ?", (second - _KEEP_SECONDS,))
        return _count(con, client, kind, since=second - window_seconds)


def take(client: str, kind: str, *, limit: int, window_seconds: int, at: float | None = None) -> None:
    """Count one action and raise StorageError ``too_many`` (not counted) when it would exceed ``limit``."""
    try:
        check(client, kind, limit=limit, window_seconds=window_seconds, at=at)
    except StorageError as exc:
        raise StorageError("too_many", exc.detail) from exc
    hit(client, kind, window_seconds=window_seconds, at=at)
