"""Tests for ks_data.perinatal.memo (results kept per dataset frame) and its use by counts and rates."""

from __future__ import annotations

import threading
import time

import pandas as pd
import pytest

from ks_data.perinatal import counts, rates
from ks_data.perinatal.memo import FrameMemo
from tests.test_perinatal_rates import PC4_2020, tidy


def _frame(n: int = 3) -> pd.DataFrame:
    return pd.DataFrame({"x": range(n)})


def test_one_computation_per_frame_object_and_key() -> None:
    """Given the same frame object twice, compute runs once; a copy of the same data is another object."""
    memo, calls = FrameMemo(size=8), []
    frame = _frame()

    def compute() -> pd.DataFrame:
        calls.append(1)
        return frame.assign(y=frame["x"] * 2)

    first = memo.get(frame, "k", compute)
    second = memo.get(frame, "k", compute)
    assert len(calls) == 1 and first.equals(second)
    memo.get(frame, "other", compute)
    memo.get(frame.copy(), "k", compute)
    assert len(calls) == 3


def test_callers_get_copies() -> None:
    """Changing a returned frame does not change what the next caller gets."""
    memo = FrameMemo(size=8)
    frame = _frame()
    got = memo.get(frame, "k", lambda: frame.assign(y=1))
    got.loc[0, "y"] = 99
    assert memo.get(frame, "k", lambda: frame.assign(y=-1))["y"].tolist() == [1, 1, 1]


def test_bounded_in_results_and_in_frames() -> None:
    """At most ``size`` results; results of frames beyond the ``frames`` most recent ones are dropped."""
    memo, calls = FrameMemo(size=3, frames=2), []
    frame = _frame()

    def compute() -> pd.DataFrame:
        calls.append(1)
        return frame

    for key in "abcd":
        memo.get(frame, key, compute)
    memo.get(frame, "a", compute)  # 'a' was the oldest of four with room for three: computed again
    assert len(calls) == 5 and len(memo._entries) == 3
    copies = [frame.copy() for _ in range(3)]
    for other in copies:
        memo.get(other, "a", compute)
    assert {slot[0] for slot in memo._entries} == {id(copies[1]), id(copies[2])}


def test_concurrent_callers_wait_for_one_computation() -> None:
    """Eight threads asking for the same missing result at once: computed once, all get it."""
    memo, calls, results = FrameMemo(size=8), [], []
    frame = _frame()

    def compute() -> pd.DataFrame:
        calls.append(1)
        time.sleep(0.2)
        return frame.assign(y=7)

    threads = [threading.Thread(target=lambda: results.append(memo.get(frame, "k", compute))) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(calls) == 1 and len(results) == 8 and all(r["y"].eq(7).all() for r in results)


def test_a_gemeente_is_a_filter_on_the_rates_of_all_areas(monkeypatch: pytest.MonkeyPatch) -> None:
    """Rates of one gemeente equal its rows of the all-areas rates computed from scratch (secondary suppression
    over all areas included); the counts of all areas are computed once for several gemeenten."""
    data = tidy(PC4_2020)
    rates.MEMO.clear()
    counts.MEMO.clear()
    fresh = rates._all_rates(data, level="pc4", ind=rates.indicator("big2"), period="2020")
    computed = []
    original = counts._level_counts
    monkeypatch.setattr(counts, "_level_counts", lambda frame, **kw: computed.append(kw) or original(frame, **kw))
    for code, n in (("GM0001", 4), ("GM0002", 3), ("GM0003", 2)):
        one = rates.area_rates(data, level="pc4", indicator_id="big2", period="2020", gemeentecode=code)
        pd.testing.assert_frame_equal(one, fresh[fresh["gemeentecode"] == code].reset_index(drop=True))
        assert len(one) == n
    assert computed == []  # the counts came from the memo filled by the first computation
    hidden = rates.area_rates(data, level="pc4", indicator_id="big2", period="2020", gemeentecode="GM0001")
    assert hidden.set_index("area_code").loc["1004", "suppressed"]  # 8 births: suppressed as before
