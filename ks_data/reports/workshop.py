"""Printable one-page HTML report of a workshop's group result: spread chart (inline SVG), table and notes.

Like the self-assessment report (``reports.assessment``) it is one self-contained file (shared parts in
``reports.html``), so it opens and prints offline; a print stylesheet fits it on one A4 page.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, datetime

import pandas as pd

from ks_data.assessment.items import NOTE_KINDS, ItemBank, Part
from ks_data.core.colours import OKABE_ITO
from ks_data.reports.html import document, esc, html_table
from ks_data.texts import assessment as ta
from ks_data.texts import workshop as tw

SCALE_MAX = 4
_CSS = """
@page { margin: 12mm; }
body { font-size: 10pt; padding: 8mm 0; }
h1 { margin: 0 0 2mm; font-size: 16pt; }
h2 { font-size: 12pt; margin: 4mm 0 1.5mm; border-bottom: 1px solid #ccc; }
h3 { font-size: 10.5pt; margin: 3mm 0 1mm; }
.sub { font-size: 11pt; }
.part { display: flex; gap: 5mm; align-items: flex-start; }
.part figure { flex: 0 0 43%; margin: 0; }
.part svg { width: 100%; height: auto; }
.part table { flex: 0 0 53%; table-layout: fixed; font-size: 8.5pt; }
.part th { white-space: normal; vertical-align: bottom; font-size: 7.5pt; }
.part th:first-child { width: 30%; }
th, td { padding: 0.5mm 1.5mm; }
.notes td { font-size: 8pt; }
.legend, footer { font-size: 8pt; color: #555; margin-top: 1.5mm; }
@media print { .print { display: none; } body { padding: 0; } h2, h3 { break-after: avoid; } }
"""


def spread_svg(summary: pd.DataFrame, individual: pd.DataFrame, *, width: int = 340) -> str:
    """Per element a 0-4 scale with each participant's score (dots), the range (grey line) and the mean
    (orange tick with its value), as an inline SVG string. Participants stay anonymous."""
    row_h, label_w, pad = 24, 142, 22
    bar_w = width - label_w - pad
    height = row_h * len(summary) + 20

    def x(value: float) -> float:
        return label_w + bar_w * value / SCALE_MAX

    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" role="img" '
             f'aria-label="{esc(tw.REPORT_RESULT)}">']
    for tick in range(SCALE_MAX + 1):
        parts.append(f'<line x1="{x(tick):.1f}" y1="0" x2="{x(tick):.1f}" y2="{height - 16}" stroke="#e3e3e3"/>'
                     f'<text x="{x(tick):.1f}" y="{height - 4}" font-size="9" text-anchor="middle">{tick}</text>')
    for row, rec in enumerate(summary.itertuples()):
        mid = row * row_h + row_h / 2
        parts.append(f'<text x="{label_w - 6}" y="{mid + 3.5:.1f}" font-size="9.5" text-anchor="end">'
                     f"{esc(rec.short_title)}</text>")
        if pd.isna(rec.mean):
            parts.append(f'<text x="{label_w + 4}" y="{mid + 3.5:.1f}" font-size="8.5" fill="#777">{ta.NO_SCORE}</text>')
            continue
        parts.append(f'<line x1="{x(rec.min):.1f}" y1="{mid:.1f}" x2="{x(rec.max):.1f}" y2="{mid:.1f}" '
                     f'stroke="#999" stroke-width="3"/>')
        scores = individual.loc[individual["element_id"] == rec.element_id, "score"].dropna()
        parts.extend(f'<circle cx="{x(float(v)):.1f}" cy="{mid:.1f}" r="3.6" fill="{OKABE_ITO[4]}" '
                     f'fill-opacity="0.6"/>' for v in scores)
        parts.append(f'<line x1="{x(rec.mean):.1f}" y1="{mid - 8:.1f}" x2="{x(rec.mean):.1f}" y2="{mid + 8:.1f}" '
                     f'stroke="{OKABE_ITO[5]}" stroke-width="4"/>'
                     f'<text x="{x(rec.mean) + 5:.1f}" y="{mid - 4:.1f}" font-size="9" font-weight="bold">'
                     f"{ta.fmt_score(rec.mean)}</text>")
    parts.append("</svg>")
    return "".join(parts)


def _table(summary: pd.DataFrame) -> str:
    shown = pd.DataFrame({
        ta.COLUMN_ELEMENT: summary["short_title"],
        ta.COLUMN_PARTICIPANTS: summary["n_participants"].astype(int).astype(str),
        ta.COLUMN_MEAN: [ta.fmt_score(v) for v in summary["mean"]],
        ta.COLUMN_SD: [ta.fmt_score(v) if pd.notna(v) else "–" for v in summary["sd"]],
        ta.COLUMN_MIN: [ta.fmt_score(v) if pd.notna(v) else "–" for v in summary["min"]],
        ta.COLUMN_MAX: [ta.fmt_score(v) if pd.notna(v) else "–" for v in summary["max"]],
        ta.COLUMN_DONT_KNOW: summary["n_dont_know"].astype(int).astype(str),
    })
    numeric = set(shown.columns) - {ta.COLUMN_ELEMENT}
    return html_table(shown, numeric=numeric)


def _notes(bank: ItemBank, notes: Mapping[str, Mapping[str, str]]) -> str:
    rows = [[element.short_title, *(notes.get(element.id, {}).get(k, "") for k in NOTE_KINDS)]
            for element in bank.elements if any(notes.get(element.id, {}).get(k, "").strip() for k in NOTE_KINDS)]
    if not rows:
        return f"<p>{esc(tw.REPORT_NO_NOTES)}</p>"
    return html_table(pd.DataFrame(rows, columns=["", *(ta.NOTE_LABELS[k] for k in NOTE_KINDS)]), css_class="notes")


def group_report_html(bank: ItemBank, parts: Sequence[tuple[Part, pd.DataFrame, pd.DataFrame]], *,
                      code: str, title: str, day: date, n_participants: int,
                      notes: Mapping[str, Mapping[str, str]] | None = None,
                      generated: datetime | None = None) -> str:
    """The one-page group report as a complete, self-contained HTML document.

    ``parts``: (part, group_summary, participant_scores) per part of the item bank; the first part is always
    shown, further parts (themes) once somebody scored them.
    """
    generated = generated or datetime.now()
    shown = [(p, s, i) for n, (p, s, i) in enumerate(parts) if n == 0 or int(s["n_participants"].sum()) > 0]
    body = f"<h2>{esc(tw.REPORT_RESULT)}</h2>" + "".join(
        f"<h3>{esc(part.title)} ({esc(part.source_section)})</h3>"
        f"<div class='part'><figure>{spread_svg(summary, individual)}</figure>{_table(summary)}</div>"
        for part, summary, individual in shown
    ) + f"<p class='legend'>{esc(tw.REPORT_LEGEND)}</p>"
    body += f"<h2>{esc(tw.REPORT_NOTES)}</h2>{_notes(bank, notes or {})}"
    subtitle = tw.report_subtitle(title=title, code=code, day=day, n=n_participants)
    return document(title=f"{tw.REPORT_TITLE} — {subtitle}", heading=tw.REPORT_TITLE, subtitle=subtitle, body=body,
                    footer=tw.report_footer(generated=generated.strftime("%d-%m-%Y %H:%M")), css=_CSS,
                    print_label=tw.REPORT_PRINT)
