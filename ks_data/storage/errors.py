"""StorageError: a database problem with a ``kind`` the UI turns into a Dutch message."""

from __future__ import annotations


class StorageError(Exception):
    """A database problem, with a ``kind`` the UI maps to a Dutch message.

    Kinds: read_only, disk_full, locked, corrupt, unavailable, newer_schema, not_found, empty_name;
    for a workshop answer also closed (not accepting answers) and removed (participant removed by the trainer).
    """

    def __init__(self, kind: str, detail: str = "") -> None:
        super().__init__(f"{kind}: {detail}" if detail else kind)
        self.kind = kind
        self.detail = detail
