"""Results computed from one dataset frame, kept per frame object: country-wide counts and rates are computed
once, not again for every gemeente, indicator row or chart that needs them (issue 15).

A result belongs to the frame *object* it was computed from (the entry keeps that object, so its id cannot be
reused by another frame while the entry lives); a copy of the same data is a new object and computes afresh.
The frames passed in are read-only (the shared dataset of ``ks_data.ui.cached``), and callers get a copy of
each result, so neither side can change what the other sees. Bounded (least recently used entries go), and
safe with several sessions at once: one computes a missing entry while the others wait for it.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import TypeVar

import pandas as pd

T = TypeVar("T", bound=pd.DataFrame)


class FrameMemo:
    """A bounded map (frame object, key) -> DataFrame computed from that frame: at most ``size`` results, of
    at most ``frames`` distinct frames (a result of an older frame goes with it, so a caller passing a fresh
    copy of the data on every call costs computing time, not memory)."""

    def __init__(self, *, size: int, frames: int = 3) -> None:
        self.size = size
        self.frames = frames
        self._entries: OrderedDict[tuple[int, Hashable], tuple[object, pd.DataFrame]] = OrderedDict()
        self._lock = threading.Lock()
        self._computing: dict[tuple[int, Hashable], threading.Lock] = {}

    def get(self, frame: object, key: Hashable, compute: Callable[[], T]) -> T:
        """A copy of the result for (``frame``, ``key``), computed by ``compute()`` when not kept yet."""
        slot = (id(frame), key)
        found = self._find(frame, slot)
        if found is not None:
            return found.copy()
        with self._lock:
            busy = self._computing.setdefault(slot, threading.Lock())
        with busy:  # one thread computes, the others wait for its result
            found = self._find(frame, slot)
            if found is None:
                found = compute()
                with self._lock:
                    self._entries[slot] = (frame, found)
                    self._trim()
            with self._lock:
                self._computing.pop(slot, None)
        return found.copy()

    def _trim(self) -> None:
        """Drop the least recently used results beyond ``size`` and every result of frames beyond ``frames``."""
        while len(self._entries) > self.size:
            self._entries.popitem(last=False)
        recent: list[int] = []
        for frame_id, _ in reversed(self._entries):  # most recently used first
            if frame_id not in recent:
                recent.append(frame_id)
        for slot in [slot for slot in self._entries if slot[0] not in recent[:self.frames]]:
            del self._entries[slot]

    def _find(self, frame: object, slot: tuple[int, Hashable]) -> pd.DataFrame | None:
        with self._lock:
            entry = self._entries.get(slot)
            if entry is None or entry[0] is not frame:
                return None
            self._entries.move_to_end(slot)
            return entry[1]

    def clear(self) -> None:
        """Forget every result."""
        with self._lock:
            self._entries.clear()
