"""Tables and labels of the self-assessment: screen tables (nl-formatted) and download frames (numbers)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

import pandas as pd

from ks_data.assessment.items import NOTE_KINDS, AssessmentRecord, ItemBank
from ks_data.assessment.scoring import ranked
from ks_data.texts import assessment as ta
from ks_data.texts import workshop as tw


def _na(value: object) -> float | None:
    return None if value is None or pd.isna(value) else float(value)


def score_table(frame: pd.DataFrame) -> pd.DataFrame:
    """Scores per element as shown on screen ('2,7'; 'nog geen score'), in element order.

    >>> from ks_data.assessment.items import load_item_bank
    >>> from ks_data.assessment.scoring import element_scores, scores_frame
    >>> bank = load_item_bank()
    >>> f = scores_frame(element_scores(bank, {"goals_vision": 3, "goals_data": 2, "goals_levels": None}, part="denkraam"))
    >>> [str(v) for v in score_table(f).iloc[0]]
    ['1. Overkoepelende programmadoelen en gezamenlijke uitkomsten', '2,5', '2 van 7', '1', '4', '1']
    """
    return pd.DataFrame({
        ta.COLUMN_ELEMENT: [ta.element_heading(number=n, title=t) for n, t in zip(frame["number"], frame["title"])],
        ta.COLUMN_SCORE: [ta.fmt_score(_na(v)) for v in frame["score"]],
        ta.COLUMN_SCORED: [f"{s} van {n}" for s, n in zip(frame["n_scored"], frame["n_items"])],
        ta.COLUMN_DONT_KNOW: frame["n_dont_know"].astype(int).tolist(),
        ta.COLUMN_OPEN: frame["n_open"].astype(int).tolist(),
        ta.COLUMN_RANK: ["" if pd.isna(r) else str(int(r)) for r in frame["rank"]],
    })


def ranking_lines(frame: pd.DataFrame) -> list[str]:
    """'1. Monitoring en leren — 3,5' lines from highest to lowest; unscored elements last, unnumbered.

    >>> f = pd.DataFrame({"short_title": ["a", "b", "c"], "number": [1, 2, 3], "score": [2.0, None, 3.5]})
    >>> ranking_lines(f)
    ['1. c — 3,5', '2. a — 2,0', '· b — nog geen score']
    """
    return [
        f"{position if pd.notna(row.score) else '·'}{'.' if pd.notna(row.score) else ''} "
        f"{row.short_title} — {ta.fmt_score(_na(row.score))}"
        for position, row in enumerate(ranked(frame).itertuples(), start=1)
    ]


def summary_label(summary: object) -> str:
    """A saved assessment (storage.assessments.AssessmentSummary) as a choice: 'C (Ede) — 01-03-2026 — 4 antwoorden'.

    >>> from datetime import date
    >>> from types import SimpleNamespace as S
    >>> summary_label(S(coalition="C", gemeente="Ede", assessment_date=date(2026, 3, 1), n_answers=4))
    'C (Ede) — 01-03-2026 — 4 antwoorden'
    """
    return ta.resume_option(coalition=summary.coalition, gemeente=summary.gemeente, day=summary.assessment_date,
                            n_answers=summary.n_answers)


def moment_labels(before: object, after: object) -> tuple[str, str]:
    """Labels of two compared assessments: their dates, or the whole :func:`summary_label` when the dates match.

    >>> from datetime import date
    >>> from types import SimpleNamespace as S
    >>> a, b = (S(coalition="C", gemeente="", assessment_date=date(2026, 3, d), n_answers=n) for d, n in ((1, 2), (9, 5)))
    >>> moment_labels(a, b)
    ('01-03-2026', '09-03-2026')
    >>> moment_labels(a, a)[0]
    'C — 01-03-2026 — 2 antwoorden'
    """
    labels = ta.fmt_date(before.assessment_date), ta.fmt_date(after.assessment_date)
    return (summary_label(before), summary_label(after)) if labels[0] == labels[1] else labels


def history_table(summaries: Iterable[object]) -> pd.DataFrame:
    """Saved assessments (storage.assessments.AssessmentSummary) as a table, newest first, with where each came
    from (the coalition's own scores or a workshop's group result)."""
    rows = [{
        ta.COLUMN_DATE: ta.fmt_date(s.assessment_date),
        ta.COLUMN_GEMEENTE: s.gemeente,
        ta.COLUMN_ANSWERS: s.n_answers,
        tw.COLUMN_ORIGIN: tw.origin_text(workshop_code=s.workshop_code, n_participants=s.n_participants),
        ta.COLUMN_CHANGED: ta.local_time(s.updated_at, with_date=True),
    } for s in summaries]
    return pd.DataFrame(rows, columns=[ta.COLUMN_DATE, ta.COLUMN_GEMEENTE, ta.COLUMN_ANSWERS, tw.COLUMN_ORIGIN,
                                       ta.COLUMN_CHANGED])


def comparison_table(comparison: pd.DataFrame, *, before_label: str, after_label: str) -> pd.DataFrame:
    """Output of assessment_scoring.compare_scores as a table with a signed change ('+0,5')."""
    return pd.DataFrame({
        ta.COLUMN_ELEMENT: comparison["short_title"].tolist(),
        before_label: [ta.fmt_score(_na(v)) for v in comparison["score_before"]],
        after_label: [ta.fmt_score(_na(v)) for v in comparison["score_after"]],
        ta.COLUMN_CHANGE: [ta.fmt_change(_na(v)) for v in comparison["change"]],
    })


def group_table(summary: pd.DataFrame) -> pd.DataFrame:
    """Workshop group result per element (assessment_group.group_summary) as a table."""
    def fmt(v: object) -> str:
        return ta.fmt_score(_na(v)) if _na(v) is not None else "–"

    return pd.DataFrame({
        ta.COLUMN_ELEMENT: summary["short_title"].tolist(),
        ta.COLUMN_PARTICIPANTS: summary["n_participants"].astype(int).tolist(),
        ta.COLUMN_MEAN: [fmt(v) for v in summary["mean"]],
        ta.COLUMN_SD: [fmt(v) for v in summary["sd"]],
        ta.COLUMN_MIN: [fmt(v) for v in summary["min"]],
        ta.COLUMN_MAX: [fmt(v) for v in summary["max"]],
        ta.COLUMN_DONT_KNOW: summary["n_dont_know"].astype(int).tolist(),
    })


def notes_by_element(bank: ItemBank, record: AssessmentRecord) -> list[tuple[str, list[tuple[str, str]]]]:
    """[(element heading, [(note label, text), ...]), ...] for elements with at least one note."""
    result = []
    for element in bank.elements:
        notes = record.notes.get(element.id, {})
        filled = [(ta.NOTE_LABELS[k], notes[k]) for k in NOTE_KINDS if notes.get(k, "").strip()]
        if filled:
            result.append((ta.element_heading(number=element.number, title=element.title), filled))
    return result


def notes_markdown(bank: ItemBank, record: AssessmentRecord) -> list[str]:
    """One Markdown block per element with notes: the bold heading, then '- *label* text' lines.

    >>> from datetime import date
    >>> from ks_data.assessment.items import load_item_bank
    >>> r = AssessmentRecord(coalition="C", gemeente="", assessment_date=date(2026, 1, 1),
    ...                      notes={"community": {"next_step": "Sleutelpersonen"}})
    >>> print(*notes_markdown(load_item_bank(), r))
    **3. Community-aanpak**
    - *Volgende stap* Sleutelpersonen
    """
    return [f"**{heading}**\n" + "\n".join(f"- *{label}* {text}" for label, text in lines)
            for heading, lines in notes_by_element(bank, record)]


# --- download frames: exactly the numbers behind a chart, Dutch column names, numbers as numbers ---


def _floats(values: Iterable[object]) -> list[float | None]:
    return [_na(v) for v in values]


def scores_data(frame: pd.DataFrame, *, record: AssessmentRecord) -> pd.DataFrame:
    """Element scores of one assessment (scores_frame) with the coalition, gemeente and date on every row.

    >>> from datetime import date
    >>> f = pd.DataFrame({"number": [1], "short_title": ["Doelen"], "score": [2.5], "n_scored": [2], "n_items": [6],
    ...                   "n_dont_know": [1], "n_open": [3], "rank": [1]})
    >>> r = AssessmentRecord(coalition="C", gemeente="Ede", assessment_date=date(2026, 3, 1))
    >>> [str(v) for v in scores_data(f, record=r).iloc[0]]
    ['C', 'Ede', '01-03-2026', '1', 'Doelen', '2.5', '2', '6', '1', '3', '1']
    """
    return pd.DataFrame({
        ta.COLUMN_COALITION: record.coalition,
        ta.COLUMN_GEMEENTE: record.gemeente,
        ta.COLUMN_DATE: ta.fmt_date(record.assessment_date),
        ta.COLUMN_NUMBER: frame["number"].astype(int).tolist(),
        ta.COLUMN_ELEMENT: frame["short_title"].tolist(),
        ta.COLUMN_SCORE: _floats(frame["score"]),
        ta.COLUMN_SCORED: frame["n_scored"].astype(int).tolist(),
        ta.COLUMN_ITEMS: frame["n_items"].astype(int).tolist(),
        ta.COLUMN_DONT_KNOW: frame["n_dont_know"].astype(int).tolist(),
        ta.COLUMN_OPEN: frame["n_open"].astype(int).tolist(),
        ta.COLUMN_RANK: pd.array([None if pd.isna(r) else int(r) for r in frame["rank"]], dtype="Int64"),
    })


def ranking_data(frame: pd.DataFrame) -> pd.DataFrame:
    """Rank, element and score from highest to lowest (the bar chart); unscored elements last, no rank."""
    data = ranked(frame)
    return pd.DataFrame({
        ta.COLUMN_RANK: pd.array([None if pd.isna(r) else int(r) for r in data["rank"]], dtype="Int64"),
        ta.COLUMN_ELEMENT: data["short_title"].tolist(),
        ta.COLUMN_SCORE: _floats(data["score"]),
    })


def ranking_table(frame: pd.DataFrame) -> pd.DataFrame:
    """:func:`ranking_data` formatted for the screen ('3,5', 'nog geen score')."""
    data = ranking_data(frame)
    data[ta.COLUMN_RANK] = ["" if pd.isna(r) else str(r) for r in data[ta.COLUMN_RANK]]
    data[ta.COLUMN_SCORE] = [ta.fmt_score(v) for v in data[ta.COLUMN_SCORE]]
    return data


def comparison_data(comparison: pd.DataFrame, *, before_label: str, after_label: str) -> pd.DataFrame:
    """compare_scores output with numbers: element, score at each moment, change (later minus earlier)."""
    return pd.DataFrame({
        ta.COLUMN_ELEMENT: comparison["short_title"].tolist(),
        ta.COLUMN_SCORE_AT.format(moment=before_label): _floats(comparison["score_before"]),
        ta.COLUMN_SCORE_AT.format(moment=after_label): _floats(comparison["score_after"]),
        ta.COLUMN_CHANGE: _floats(comparison["change"]),
    })


def group_data(summary: pd.DataFrame, *, decimals: int | None = None) -> pd.DataFrame:
    """Workshop group result per element (assessment_group.group_summary) with numbers, for the download
    (rounded to ``decimals`` if given)."""
    def numbers(column: str) -> list[float | None]:
        values = _floats(summary[column])
        return values if decimals is None else [None if v is None else round(v, decimals) for v in values]

    return pd.DataFrame({
        ta.COLUMN_ELEMENT: summary["short_title"].tolist(),
        ta.COLUMN_PARTICIPANTS: summary["n_participants"].astype(int).tolist(),
        ta.COLUMN_MEAN: numbers("mean"),
        ta.COLUMN_SD: numbers("sd"),
        ta.COLUMN_MIN: numbers("min"),
        ta.COLUMN_MAX: numbers("max"),
        ta.COLUMN_DONT_KNOW: summary["n_dont_know"].astype(int).tolist(),
    })


def group_export_data(parts: Iterable[tuple[str, pd.DataFrame]], *, code: str, title: str, day: date,
                      n_participants: int, decimals: int = 2) -> pd.DataFrame:
    """The whole workshop result for download: per part (title, assessment_group.group_summary) and element the
    session, title, date, number of participants, rounded mean, spread, lowest, highest and "weet niet" count.

    >>> summary = pd.DataFrame({"number": [1], "short_title": ["Doelen"], "n_participants": [3],
    ...     "mean": [7 / 3], "sd": [1.5275], "min": [1.0], "max": [4.0], "n_dont_know": [1]})
    >>> row = group_export_data([("Denkraam", summary)], code="K7M3P", title="Regio", day=date(2026, 12, 1),
    ...                         n_participants=3).iloc[0]
    >>> [str(v) for v in row]
    ['K7M3P', 'Regio', '01-12-2026', '3', 'Denkraam', '1', 'Doelen', '3', '2.33', '1.53', '1.0', '4.0', '1']
    """
    frames = [pd.DataFrame({
        tw.COLUMN_SESSION: code, tw.COLUMN_TITLE: title, tw.COLUMN_DATE: ta.fmt_date(day),
        tw.COLUMN_N: n_participants, tw.COLUMN_PART: part,
        ta.COLUMN_NUMBER: summary["number"].astype(int).tolist(),
        **{column: values for column, values in group_data(summary, decimals=decimals).items()},
    }) for part, summary in parts]
    return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()


def score_list(labels: Iterable[str], values: Iterable[object]) -> str:
    """'Doelen 3,5; Monitoring nog geen score' for alt texts.

    >>> score_list(["a", "b"], [3.5, None])
    'a 3,5; b nog geen score'
    """
    return "; ".join(f"{label} {ta.fmt_score(_na(v))}" for label, v in zip(labels, values))


def change_list(comparison: pd.DataFrame) -> str:
    """'Doelen 1,5 → 3,5; ...' for the alt text of a comparison."""
    rows = zip(comparison["short_title"], comparison["score_before"], comparison["score_after"])
    return "; ".join(f"{t} {ta.fmt_score(_na(b))} → {ta.fmt_score(_na(a))}" for t, b, a in rows)
