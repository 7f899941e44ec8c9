"""Workshop mode: group result of several participants (mean and spread per element), session codes, the
countdown, and the group's answers as one self-assessment."""

from __future__ import annotations

import math
import secrets
from collections.abc import Iterable, Mapping
from datetime import date, datetime, timezone
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import pandas as pd

from ks_data.assessment.items import Answer, Answers, AssessmentRecord, ItemBank, Notes, Part
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


def has_answers(answers: Mapping[object, Answers]) -> bool:
    """Whether any participant has answered anything ("weet niet" counts).

    >>> has_answers({1: {}, 2: {}}), has_answers({1: {}, 2: {"goals_vision": None}})
    (False, True)
    """
    return any(answers.values())


def group_result(bank: ItemBank, answers: Mapping[object, Answers], *,
                 part: str | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(:func:`group_summary`, :func:`participant_scores`) of a workshop's answers per participant id.

    Participant ids (e.g. database ids) become strings in the ``participant`` column.

    >>> from ks_data.assessment.items import load_item_bank
    >>> summary, individual = group_result(load_item_bank(), {7: {"goals_vision": 1}, 9: {"goals_vision": 3}},
    ...                                    part="denkraam")
    >>> float(summary.loc[0, "mean"]), sorted(set(individual["participant"]))
    (2.0, ['7', '9'])
    """
    by_participant = {str(pid): given for pid, given in answers.items()}
    return (group_summary(bank, by_participant, part=part),
            participant_scores(bank, by_participant, part=part))


def accepts_answers(*, accepting: bool, countdown_ends_at: str | None, at: datetime | None = None) -> bool:
    """Whether a session takes answers: open, and its countdown (UTC ISO end time, if any) not over at ``at``.

    >>> from datetime import datetime, timezone
    >>> t = datetime(2026, 12, 1, 10, 0, tzinfo=timezone.utc)
    >>> [accepts_answers(accepting=a, countdown_ends_at=e, at=t) for a, e in
    ...  ((True, None), (False, None), (True, "2026-12-01T10:00:30+00:00"), (True, "2026-12-01T09:59:59+00:00"))]
    [True, False, True, False]
    """
    left = seconds_left(countdown_ends_at, at=at)
    return accepting and (left is None or left > 0)


def seconds_left(countdown_ends_at: str | None, *, at: datetime | None = None) -> float | None:
    """Seconds until the countdown ends (0 once it has ended), None without a countdown.

    >>> from datetime import datetime, timezone
    >>> t = datetime(2026, 12, 1, 10, 0, tzinfo=timezone.utc)
    >>> seconds_left("2026-12-01T10:01:30.500+00:00", at=t), seconds_left("2026-12-01T09:00:00+00:00", at=t)
    (90.5, 0.0)
    """
    if not countdown_ends_at:
        return None
    at = at or datetime.now(timezone.utc)
    return max(0.0, (datetime.fromisoformat(countdown_ends_at) - at).total_seconds())


def item_means(bank: ItemBank, answers: Mapping[object, Answers], *, decimals: int = 2) -> dict[str, Answer]:
    """The group's answer per statement: the mean of the participants' scores, rounded to ``decimals``.

    A statement that participants only answered with "weet niet" becomes "weet niet" (None); one that nobody
    answered is left out. This is how a workshop becomes one self-assessment of a coalition.

    >>> from ks_data.assessment.items import load_item_bank
    >>> item_means(load_item_bank(), {1: {"goals_vision": 1, "goals_data": None}, 2: {"goals_vision": 2}, 3: {}})
    {'goals_vision': 1.5, 'goals_data': None}
    """
    result: dict[str, Answer] = {}
    for item in bank.items:
        given = [a[item.id] for a in answers.values() if item.id in a]
        if not given:
            continue
        scored = [float(v) for v in given if v is not None]
        result[item.id] = round(sum(scored) / len(scored), decimals) if scored else None
    return result


def completion(bank: ItemBank, answers: Mapping[object, Answers], *, part: str | None = None) -> tuple[int, int]:
    """(participants who answered every statement of ``part``, participants who answered anything).

    >>> from ks_data.assessment.items import load_item_bank
    >>> bank = load_item_bank()
    >>> everything = {i.id: 2 for i in bank.items}
    >>> completion(bank, {1: everything, 2: {"goals_vision": None}, 3: {}}, part="denkraam")
    (1, 2)
    """
    wanted = {i.id for e in bank.elements_of(part) for i in e.items}
    started = [given for given in answers.values() if given]
    return sum(1 for given in started if wanted <= set(given)), len(started)


def group_record(bank: ItemBank, answers: Mapping[object, Answers], *, coalition: str, gemeente: str = "",
                 day: date, code: str, notes: Notes | None = None) -> AssessmentRecord:
    """A workshop's result as one self-assessment of a coalition: per statement the group's mean
    (:func:`item_means`), the group's notes, and the workshop it came from.

    >>> from ks_data.assessment.items import load_item_bank
    >>> r = group_record(load_item_bank(), {1: {"goals_vision": 1}, 2: {"goals_vision": 4}, 3: {}},
    ...                  coalition="Coalitie Noord", day=date(2026, 12, 1), code="K7M3P")
    >>> r.answers, r.workshop_code, r.n_participants
    ({'goals_vision': 2.5}, 'K7M3P', 2)
    """
    return AssessmentRecord(
        coalition=coalition, gemeente=gemeente, assessment_date=day, answers=item_means(bank, answers),
        notes={element: {kind: text for kind, text in kinds.items() if text.strip()}
               for element, kinds in (notes or {}).items() if any(t.strip() for t in kinds.values())},
        workshop_code=code, n_participants=sum(1 for given in answers.values() if given),
    )


def part_results(bank: ItemBank, answers: Mapping[object, Answers]) -> list[tuple[Part, pd.DataFrame, pd.DataFrame]]:
    """(part, :func:`group_summary`, :func:`participant_scores`) for every part of the item bank (export, report)."""
    return [(part, *group_result(bank, answers, part=part.id)) for part in bank.parts]


def workshop_day(created_at: str) -> date:
    """The (Dutch) calendar day of a stored UTC timestamp: the date of a workshop.

    >>> workshop_day("2026-11-30T23:30:00.000+00:00")
    datetime.date(2026, 12, 1)
    """
    moment = datetime.fromisoformat(created_at)
    try:
        return moment.astimezone(ZoneInfo("Europe/Amsterdam")).date()
    except ZoneInfoNotFoundError:  # no time-zone database: the UTC date
        return moment.date()
