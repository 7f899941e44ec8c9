"""Display tables of the self-assessment (Dutch column names, nl-formatted numbers) for pages and tests."""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from ks_data.assessment import NOTE_KINDS, AssessmentRecord, ItemBank
from ks_data.assessment_scoring import ranked
from ks_data.texts import assessment as ta


def _na(value: object) -> float | None:
    return None if value is None or pd.isna(value) else float(value)


def score_table(frame: pd.DataFrame) -> pd.DataFrame:
    """Scores per element as shown on screen ('2,7'; 'nog geen score'), in element order.

    >>> from ks_data.assessment import load_item_bank
    >>> from ks_data.assessment_scoring import element_scores, scores_frame
    >>> bank = load_item_bank()
    >>> f = scores_frame(element_scores(bank, {"goals_vision": 3, "goals_data": 2, "goals_levels": None}, part="denkraam"))
    >>> [str(v) for v in score_table(f).iloc[0]]
    ['1. Overkoepelende programmadoelen en gezamenlijke uitkomsten', '2,5', '2 van 6', '1', '3', '1']
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


def history_table(summaries: Iterable[object]) -> pd.DataFrame:
    """Saved assessments (storage.AssessmentSummary) as a table, newest first."""
    rows = [{
        ta.COLUMN_DATE: ta.fmt_date(s.assessment_date),
        ta.COLUMN_GEMEENTE: s.gemeente,
        ta.COLUMN_ANSWERS: s.n_answers,
        ta.COLUMN_CHANGED: ta.local_time(s.updated_at, with_date=True),
    } for s in summaries]
    return pd.DataFrame(rows, columns=[ta.COLUMN_DATE, ta.COLUMN_GEMEENTE, ta.COLUMN_ANSWERS, ta.COLUMN_CHANGED])


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
