"""Hosted mode (KS_HOSTED=1): the workspace scope every storage call takes, the limits and their env vars.

Laptop mode (the default) has one implicit workspace (:data:`LAPTOP_WORKSPACE`, made by migration 0005) and needs
no code. In hosted mode a storage call without a workspace raises (``StorageError("no_workspace")``): a page cannot
forget the scope. Every setting is read from the environment at call time (tests monkeypatch it).
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from ks_data.storage.errors import StorageError

LAPTOP_WORKSPACE = 1


def _flag(name: str) -> bool:
    return os.environ.get(name, "").strip().lower() in {"1", "true", "yes", "on"}


def hosted() -> bool:
    """Whether this server is a shared, hosted instance (``KS_HOSTED=1``)."""
    return _flag("KS_HOSTED")


def trusted_proxy() -> bool:
    """Whether the first hop of ``X-Forwarded-For`` (set by nginx) names the client (``KS_TRUSTED_PROXY=1``)."""
    return _flag("KS_TRUSTED_PROXY")


def scope(workspace: int | None) -> int:
    """The workspace a storage call works in: the given one, on a laptop the implicit one; hosted without one raises."""
    if workspace is None:
        if hosted():
            raise StorageError("no_workspace", "hosted mode needs an open workspace")
        return LAPTOP_WORKSPACE
    return int(workspace)


@dataclass(frozen=True)
class Limit:
    """One configurable limit: its environment variable and default."""

    env: str
    default: int

    def value(self) -> int:
        """The configured value (the default when unset, not a whole number or below 1)."""
        try:
            number = int(os.environ.get(self.env, ""))
        except ValueError:
            return self.default
        return number if number >= 1 else self.default


CODE_ATTEMPTS_PER_MINUTE = Limit("KS_CODE_ATTEMPTS_PER_MINUTE", 5)
WORKSPACES_PER_HOUR = Limit("KS_WORKSPACES_PER_HOUR", 5)
WORKSHOPS_PER_HOUR = Limit("KS_WORKSHOPS_PER_HOUR", 20)
WORKSHOP_CODE_HOURS = Limit("KS_WORKSHOP_CODE_HOURS", 12)
UPLOAD_MB = Limit("KS_MAX_UPLOAD_MB", 20)
ROWS_PER_FILE = Limit("KS_MAX_ROWS", 200_000)
LIMITS = (CODE_ATTEMPTS_PER_MINUTE, WORKSPACES_PER_HOUR, WORKSHOPS_PER_HOUR, WORKSHOP_CODE_HOURS, UPLOAD_MB,
          ROWS_PER_FILE)
