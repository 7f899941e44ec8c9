"""Workshop mode: group result of several participants (mean and spread per element), and session codes."""

from __future__ import annotations

import math
import secrets
from collections.abc import Iterable, Mapping

import pandas as pd

from ks_data.assessment.items import Answers, ItemBank
from ks_data.assessment.scoring import element_scores

# Unambiguous on a projector and when read aloud: no 0/O, 1/I/L, 5/S, 2/Z, 8/B.
CODE_ALPHABET = "ACDEFGHJKMNPQRTUVWXY34679"
CODE_LENGTH = 5


def new_session_code(*, length: int = CODE_LENGTH) -> str:
    """A random workshop code from the unambiguous alphabet.

    >>> code = new_session_code()
    >>> len(code) == CODE_LENGTH and set(code) <= set(CODE_ALPHABET)
    True
    """
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(length))


def normalise_code(text: str) -> str:
    """Upper-case a typed code and drop spaces and dashes.

    >>> normalise_code(" k7m-3p ")
    'K7M3P'
    """
    return "".join(ch for ch in text.upper() if ch not in " -\t")


def is_valid_code(code: str) -> bool:
    """True when ``code`` could have been made by :func:`new_session_code`.

    >>> is_valid_code("ACD34"), is_valid_code("AB0"), is_valid_code("ACDO4")
    (True, False, False)
    """
    return len(code) == CODE_LENGTH and all(ch in CODE_ALPHABET for ch in code)


def mean_and_sd(values: Iterable[float]) -> tuple[float | None, float | None]:
    """Mean and sample standard deviation (n-1); sd is None for fewer than two values.

    >>> mean_and_sd([2.0, 3.0, 4.0])
    (3.0, 1.0)
    >>> mean_and_sd([2.5])
    (2.5, None)
    >>> mean_and_sd([])
    (None, None)
    """
    values = list(values)
    if not values:
        return None, None
    mean = sum(values) / len(values)
    if len(values) < 2:
        return mean, None
    return mean, math.sqrt(sum((v - mean) ** 2 for v in values) / (len(values) - 1))


def participant_scores(
    bank: ItemBank, participants: Mapping[str, Answers], *, part: str | None = None
) -> pd.DataFrame:
    """Element score of every participant (long format).

    Columns: participant, element_id, number, short_title, score (NA if the participant scored nothing), n_dont_know.
    """
    rows = [
        {"participant": pid, "element_id": s.element_id, "number": s.number, "short_title": s.short_title,
         "score": s.score, "n_dont_know": s.n_dont_know}
        for pid, answers in participants.items()
        for s in element_scores(bank, answers, part=part)
    ]
    frame = pd.DataFrame(rows, columns=["participant", "element_id", "number", "short_title", "score", "n_dont_know"])
    frame["score"] = frame["score"].astype("Float64")
    return frame


def group_summary(bank: ItemBank, participants: Mapping[str, Answers], *, part: str | None = None) -> pd.DataFrame:
    """Group result per element over participants' element scores.

    Each participant first gets an element score (mean of their answered items); the group mean and spread
    are taken over those scores, so one participant with many answers does not weigh more.

    Columns: element_id, number, short_title, n_participants (with a score), mean, sd, min, max, n_dont_know.

    >>> from ks_data.assessment.items import load_item_bank
    >>> bank = load_item_bank()
    >>> group = {"a": {"goals_vision": 1}, "b": {"goals_vision": 3}, "c": {"goals_vision": 4, "goals_data": None}}
    >>> row = group_summary(bank, group, part="denkraam").iloc[0]
    >>> [round(float(row[c]), 3) for c in ("n_participants", "mean", "sd", "min", "max", "n_dont_know")]
    [3.0, 2.667, 1.528, 1.0, 4.0, 1.0]
    """
    long = participant_scores(bank, participants, part=part)
    rows = []
    for element in bank.elements_of(part):
        sub = long[long["element_id"] == element.id]
        scores = [float(v) for v in sub["score"].dropna()]
        mean, sd = mean_and_sd(scores)
        rows.append({
            "element_id": element.id, "number": element.number, "short_title": element.short_title,
            "n_participants": len(scores), "mean": mean, "sd": sd,
            "min": min(scores) if scores else None, "max": max(scores) if scores else None,
            "n_dont_know": int(sub["n_dont_know"].sum()),
        })
    frame = pd.DataFrame(rows)
    for column in ("mean", "sd", "min", "max"):
        frame[column] = frame[column].astype("Float64")
    return frame
