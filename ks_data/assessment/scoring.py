"""Scoring of one denkraam self-assessment: score per element, ranking, progress and comparison of two moments."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import pandas as pd

from ks_data.assessment.items import Answer, Answers, ItemBank, load_item_bank  # noqa: F401  (load_item_bank: doctests)


def score_items(values: Iterable[Answer]) -> tuple[float | None, int, int]:
    """Mean of the answered values, ignoring "weet niet" (None).

    Returns (mean or None when nothing was scored, number scored, number of "weet niet").

    >>> score_items([4, 2, None, 3])
    (3.0, 3, 1)
    >>> score_items([None, None])
    (None, 0, 2)
    >>> score_items([1, 2])
    (1.5, 2, 0)
    """
    values = list(values)
    scored = [v for v in values if v is not None]
    dont_know = len(values) - len(scored)
    mean = sum(scored) / len(scored) if scored else None
    return mean, len(scored), dont_know


@dataclass(frozen=True)
class ElementScore:
    element_id: str
    part: str
    number: int
    title: str
    short_title: str
    score: float | None
    n_items: int
    n_scored: int
    n_dont_know: int

    @property
    def n_open(self) -> int:
        """Items not answered at all."""
        return self.n_items - self.n_scored - self.n_dont_know


def element_scores(bank: ItemBank, answers: Answers, *, part: str | None = None) -> list[ElementScore]:
    """Score per element: mean of its answered items (excluding "weet niet"), plus counts.

    >>> bank = load_item_bank()
    >>> s = element_scores(bank, {"monitoring_outcomes": 4, "monitoring_process": 1, "monitoring_learning": None})
    >>> [(x.element_id, x.score, x.n_scored, x.n_dont_know, x.n_open) for x in s if x.element_id == "monitoring"]
    [('monitoring', 2.5, 2, 1, 1)]
    """
    result = []
    for element in bank.elements_of(part):
        values = [answers[i.id] for i in element.items if i.id in answers]
        mean, n_scored, n_dont_know = score_items(values)
        result.append(ElementScore(
            element_id=element.id, part=element.part, number=element.number, title=element.title,
            short_title=element.short_title, score=mean, n_items=len(element.items),
            n_scored=n_scored, n_dont_know=n_dont_know,
        ))
    return result


def scores_frame(scores: Iterable[ElementScore]) -> pd.DataFrame:
    """Element scores as a frame, with ``rank`` (1 = highest score; unscored elements get NA).

    Columns: element_id, part, number, title, short_title, score, n_items, n_scored, n_dont_know, n_open, rank.
    """
    rows = [{**s.__dict__, "n_open": s.n_open} for s in scores]
    frame = pd.DataFrame(rows, columns=[
        "element_id", "part", "number", "title", "short_title", "score",
        "n_items", "n_scored", "n_dont_know", "n_open",
    ])
    frame["score"] = frame["score"].astype("Float64")
    frame["rank"] = frame["score"].rank(method="min", ascending=False).astype("Int64")
    return frame


def part_scores(bank: ItemBank, answers: Answers, *, part: str | None = None) -> pd.DataFrame:
    """:func:`scores_frame` of the :func:`element_scores` of one part (all parts for ``None``).

    >>> first = part_scores(load_item_bank(), {"goals_vision": 3}, part="denkraam").iloc[0]
    >>> first["element_id"], float(first["score"]), int(first["rank"])
    ('goals', 3.0, 1)
    """
    return scores_frame(element_scores(bank, answers, part=part))


def is_scored(frame: pd.DataFrame) -> bool:
    """Whether any element of a :func:`scores_frame` has a scored item ('weet niet' does not count).

    >>> bank = load_item_bank()
    >>> is_scored(part_scores(bank, {"goals_vision": None}, part="denkraam")), is_scored(part_scores(bank, {"goals_vision": 0}))
    (False, True)
    """
    return bool(frame["n_scored"].sum() > 0)


def ranked(frame: pd.DataFrame) -> pd.DataFrame:
    """Elements from highest to lowest score; unscored elements last, in file order."""
    return frame.sort_values(["score", "number"], ascending=[False, True], na_position="last").reset_index(drop=True)


def progress(bank: ItemBank, answers: Answers) -> tuple[int, int]:
    """(answered incl. "weet niet", total) over the whole item bank."""
    ids = {i.id for i in bank.items}
    return sum(1 for k in answers if k in ids), len(ids)


def compare_scores(before: pd.DataFrame, after: pd.DataFrame) -> pd.DataFrame:
    """Side-by-side element scores of two moments with the change per element.

    Columns: element_id, part, number, short_title, score_before, score_after, change (NA if either is NA).

    >>> bank = load_item_bank()
    >>> a = scores_frame(element_scores(bank, {"goals_vision": 1, "goals_data": 2}, part="denkraam"))
    >>> b = scores_frame(element_scores(bank, {"goals_vision": 3, "goals_data": 4}, part="denkraam"))
    >>> compare_scores(a, b).loc[0, ["score_before", "score_after", "change"]].tolist()
    [1.5, 3.5, 2.0]
    """
    keys = ["element_id", "part", "number", "short_title"]
    merged = before[keys + ["score"]].merge(
        after[["element_id", "score"]], on="element_id", how="left", suffixes=("_before", "_after")
    )
    merged["change"] = merged["score_after"] - merged["score_before"]
    return merged.reset_index(drop=True)


def compare_answers(bank: ItemBank, before: Answers, after: Answers, *, part: str | None = None) -> pd.DataFrame:
    """:func:`compare_scores` of the element scores of two sets of answers (two moments of one coalition).

    >>> c = compare_answers(load_item_bank(), {"goals_vision": 1}, {"goals_vision": 3}, part="denkraam")
    >>> c.loc[0, "element_id"], c.loc[0, ["score_before", "score_after", "change"]].astype(float).tolist()
    ('goals', [1.0, 3.0, 2.0])
    """
    return compare_scores(part_scores(bank, before, part=part), part_scores(bank, after, part=part))
