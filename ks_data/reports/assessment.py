"""Printable one-page HTML report of a self-assessment: inline SVG charts, scores, ranking and notes.

The report is one self-contained file (nothing loaded from the internet; shared parts in ``reports.html``),
so it opens and prints offline; a print stylesheet fits it on one A4 page.
"""

from __future__ import annotations

import math
from datetime import datetime

import pandas as pd

from ks_data.assessment.items import NOTE_KINDS, AssessmentRecord, ItemBank
from ks_data.assessment.scoring import part_scores, ranked
from ks_data.core.colours import OKABE_ITO
from ks_data.reports.html import document, esc, html_table
from ks_data.texts import assessment as ta

# After reports.html.BASE_CSS: this one-pager's sizes, its charts side by side and its print rules.
_CSS = """
@page { margin: 12mm; }
body { font-size: 10.5pt; padding: 8mm 0; }
h1 { margin: 0 0 2mm; }
h2 { font-size: 12pt; margin: 4mm 0 2mm; border-bottom: 1px solid #ccc; }
.sub { font-size: 11.5pt; }
.charts { display: flex; gap: 6mm; align-items: flex-start; }
.charts figure { flex: 1 1 0; max-width: 50%; margin: 0; }
.charts svg { width: 100%; height: auto; max-height: 66mm; }
table { font-size: 9.5pt; }
th, td { padding: 0.7mm 2mm; }
tr.part td { font-weight: bold; background: #f2f2f2; }
.notes td { font-size: 8.5pt; }
.method, footer { font-size: 8.5pt; color: #555; margin-top: 2mm; }
@media print { .print { display: none; } body { padding: 0; } h2 { break-after: avoid; } table { break-inside: auto; } }
"""


def radar_svg(frame: pd.DataFrame, *, scale_max: int = 4, size: int = 300) -> str:
    """Radar chart as an inline SVG string (elements clockwise from the top; NA scores skipped)."""
    n = len(frame)
    height = int(size * 0.84)
    cx, cy, radius = size / 2, size * 0.45, size * 0.30

    def point(i: int, r: float) -> tuple[float, float]:
        angle = 2 * math.pi * i / n
        return cx + r * math.sin(angle), cy - r * math.cos(angle)

    pad = 125  # room for the element labels left and right ("Gezonde zwangerschap" at 12px)
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="{-pad} 0 {size + 2 * pad} {height}" role="img" '
             f'aria-label="{esc(ta.REPORT_SCORES)}">']
    for level in range(1, scale_max + 1):
        ring = " ".join(f"{x:.1f},{y:.1f}" for x, y in (point(i, radius * level / scale_max) for i in range(n)))
        parts.append(f'<polygon points="{ring}" fill="none" stroke="#ccc" stroke-width="1"/>')
    for i, label in enumerate(frame["short_title"]):
        x, y = point(i, radius)
        parts.append(f'<line x1="{cx}" y1="{cy}" x2="{x:.1f}" y2="{y:.1f}" stroke="#ccc"/>')
        lx, ly = point(i, radius + 14)
        anchor = "middle" if abs(lx - cx) < 5 else ("start" if lx > cx else "end")
        baseline = ' dominant-baseline="auto"' if ly < cy else ' dominant-baseline="hanging"'
        parts.append(f'<text x="{lx:.1f}" y="{ly:.1f}" font-size="12" text-anchor="{anchor}"{baseline}>'
                     f"{esc(label)}</text>")
    scored = [(i, float(v)) for i, v in enumerate(frame["score"]) if pd.notna(v)]
    if scored:
        poly = " ".join(f"{x:.1f},{y:.1f}" for x, y in (point(i, radius * v / scale_max) for i, v in scored))
        parts.append(f'<polygon points="{poly}" fill="{OKABE_ITO[0]}" fill-opacity="0.18" '
                     f'stroke="{OKABE_ITO[0]}" stroke-width="2.5"/>')
        for i, v in scored:
            x, y = point(i, radius * v / scale_max)
            parts.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3.5" fill="{OKABE_ITO[0]}"/>')
    parts.append("</svg>")
    return "".join(parts)


def bar_svg(frame: pd.DataFrame, *, scale_max: int = 4, width: int = 320) -> str:
    """Horizontal bar chart (highest score first) as an inline SVG string."""
    data = ranked(frame)
    row_h, label_w, pad = 26, 120, 30
    bar_w = width - label_w - pad
    height = row_h * len(data) + 22
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" role="img" '
             f'aria-label="{esc(ta.REPORT_RANKING)}">']
    for tick in range(scale_max + 1):
        x = label_w + bar_w * tick / scale_max
        parts.append(f'<line x1="{x:.1f}" y1="0" x2="{x:.1f}" y2="{height - 18}" stroke="#e3e3e3"/>'
                     f'<text x="{x:.1f}" y="{height - 5}" font-size="9" text-anchor="middle">{tick}</text>')
    for row, (_, rec) in enumerate(data.iterrows()):
        y = row * row_h + 4
        parts.append(f'<text x="{label_w - 6}" y="{y + 13}" font-size="10" text-anchor="end">'
                     f"{esc(rec['short_title'])}</text>")
        if pd.notna(rec["score"]):
            w = bar_w * float(rec["score"]) / scale_max
            parts.append(f'<rect x="{label_w}" y="{y}" width="{w:.1f}" height="{row_h - 8}" fill="{OKABE_ITO[0]}"/>'
                         f'<text x="{label_w + w + 4:.1f}" y="{y + 13}" font-size="10">{ta.fmt_score(rec["score"])}</text>')
        else:
            parts.append(f'<text x="{label_w + 4}" y="{y + 13}" font-size="9" fill="#777">{ta.NO_SCORE}</text>')
    parts.append("</svg>")
    return "".join(parts)


def _scores_table(frames: list[tuple[str, pd.DataFrame]]) -> str:
    head = (f"<tr><th>{ta.COLUMN_ELEMENT}</th><th class='num'>{ta.COLUMN_SCORE}</th>"
            f"<th class='num'>{ta.COLUMN_SCORED}</th><th class='num'>{ta.COLUMN_DONT_KNOW}</th>"
            f"<th class='num'>{ta.COLUMN_RANK}</th></tr>")
    rows = "".join(
        (f"<tr class='part'><td colspan='5'>{esc(title)}</td></tr>" if len(frames) > 1 else "")
        + "".join(
            f"<tr><td>{r['number']}. {esc(r['title'])}</td><td class='num'>{ta.fmt_score(r['score'])}</td>"
            f"<td class='num'>{r['n_scored']}/{r['n_items']}</td><td class='num'>{r['n_dont_know']}</td>"
            f"<td class='num'>{esc(r['rank'])}</td></tr>"
            for _, r in frame.iterrows()
        )
        for title, frame in frames
    )
    return f"<table>{head}{rows}</table>"


def _notes_table(bank: ItemBank, record: AssessmentRecord) -> str:
    rows = []
    for element in bank.elements:
        notes = record.notes.get(element.id, {})
        if any(notes.get(k, "").strip() for k in NOTE_KINDS):
            rows.append([element.short_title, *(notes.get(k, "") for k in NOTE_KINDS)])
    if not rows:
        return f"<p>{esc(ta.NO_NOTES)}</p>"
    return html_table(pd.DataFrame(rows, columns=["", *(ta.NOTE_LABELS[k] for k in NOTE_KINDS)]), css_class="notes")


def report_html(bank: ItemBank, record: AssessmentRecord, *, generated: datetime | None = None) -> str:
    """The one-page report as a complete, self-contained HTML document."""
    generated = generated or datetime.now()
    frames = [(part, part_scores(bank, record.answers, part=part.id)) for part in bank.parts]
    # The first part (the five denkraam elements) always; further parts (themes) only once scored.
    shown = [(p, f) for i, (p, f) in enumerate(frames) if i == 0 or f["n_scored"].sum() > 0]
    figures = [
        f"<figure><figcaption>{esc(p.title)} ({esc(p.source_section)})</figcaption>{radar_svg(f)}</figure>"
        for p, f in shown
    ]
    if len(shown) == 1:
        figures.append(f"<figure><figcaption>{esc(ta.REPORT_RANKING)}</figcaption>{bar_svg(shown[0][1])}</figure>")
    table = _scores_table([(p.title, f) for p, f in shown])
    subtitle = ta.report_subtitle(coalition=record.coalition, gemeente=record.gemeente, day=record.assessment_date)
    body = (f"<h2>{esc(ta.REPORT_SCORES)}</h2><div class='charts'>{''.join(figures)}</div>{table}"
            f"<p class='method'>{esc(ta.REPORT_METHOD)}</p>"
            f"<h2>{esc(ta.REPORT_NOTES)}</h2>{_notes_table(bank, record)}")
    return document(title=f"{ta.REPORT_TITLE} — {subtitle}", heading=ta.REPORT_TITLE, subtitle=subtitle, body=body,
                    footer=ta.report_footer(generated=generated.strftime("%d-%m-%Y %H:%M")), css=_CSS,
                    print_label=ta.REPORT_PRINT)
