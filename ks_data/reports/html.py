"""Shared parts of the printable HTML reports: base CSS, escaping, tables, source lines, sections, the page.

Both reports (``reports.assessment``, the denkraam one-pager, and ``reports.gemeente``) are one
self-contained HTML file: inline CSS and SVG, nothing loaded from elsewhere, so they open and print
offline. Each adds its own sizes and print rules after :data:`BASE_CSS`.
"""

from __future__ import annotations

from collections.abc import Collection
from html import escape

import pandas as pd

from ks_data.texts import common as tc

# The rules both reports share; each report's own CSS comes after it (sizes, margins, print rules).
BASE_CSS = """
@page { size: A4 portrait; }
* { box-sizing: border-box; }
body { font-family: "Segoe UI", Arial, Helvetica, sans-serif; color: #222; line-height: 1.3; margin: 0 auto;
       max-width: 190mm; }
h1 { font-size: 17pt; color: #0b6e99; }
.sub { margin: 0 0 3mm; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; border-bottom: 1px solid #ddd; vertical-align: top; }
td.num, th.num { text-align: right; white-space: nowrap; }
figcaption { font-size: 9pt; font-weight: bold; text-align: center; }
.print { float: right; font-size: 10pt; padding: 2mm 4mm; }
"""


def esc(value: object) -> str:
    """``value`` as HTML text: escaped, and '' for a missing value.

    >>> esc("<b> & 'x'"), esc(None), esc(pd.NA), esc(2.5)
    ('&lt;b&gt; &amp; &#x27;x&#x27;', '', '', '2.5')
    """
    if value is None or (pd.api.types.is_scalar(value) and pd.isna(value)):
        return ""
    return escape(str(value))


def html_table(frame: pd.DataFrame, *, numeric: Collection[str] = (), css_class: str | None = None) -> str:
    """A frame of display strings as an HTML table; every header and cell escaped, ``numeric`` columns
    right-aligned (class ``num``).

    >>> html_table(pd.DataFrame({"gebied": ["<b>"], "waarde": ["1,5%"]}), numeric={"waarde"})
    "<table><thead><tr><th>gebied</th><th class='num'>waarde</th></tr></thead><tbody><tr><td>&lt;b&gt;</td><td class='num'>1,5%</td></tr></tbody></table>"
    """
    classes = [" class='num'" if str(c) in numeric else "" for c in frame.columns]
    head = "".join(f"<th{k}>{esc(c)}</th>" for c, k in zip(frame.columns, classes))
    rows = "".join(
        "<tr>" + "".join(f"<td{k}>{esc(v)}</td>" for v, k in zip(row, classes)) + "</tr>"
        for row in frame.itertuples(index=False)
    )
    table = "<table>" if css_class is None else f"<table class='{esc(css_class)}'>"
    return f"{table}<thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>"


def source_html(source: str, *, synthetic: bool = False) -> str:
    """The 'Bron: …' line under a figure (plus 'synthetisch voorbeeld' for synthetic data).

    >>> source_html("RIVM & CBS", synthetic=True)
    "<p class='source'>Bron: RIVM &amp; CBS · synthetisch voorbeeld</p>"
    """
    return f"<p class='source'>{esc(tc.source_line(source, synthetic=synthetic))}</p>"


def section(anchor: str, title: str, body: str, *, synthetic: bool = False) -> str:
    """A titled ``<section>`` around ``body`` (HTML), labelled 'synthetisch voorbeeld' when ``synthetic``."""
    label = f"<div class='synthetic'>{esc(tc.SYNTHETIC_LABEL)}</div>" if synthetic else ""
    return f"<section id='{esc(anchor)}'><h2>{esc(title)}</h2>{label}{body}</section>"


def document(*, title: str, heading: str, subtitle: str, body: str, footer: str, css: str, print_label: str,
             viewport: bool = False) -> str:
    """A complete HTML page: :data:`BASE_CSS` + ``css`` inline, a print button (hidden on paper by the
    report's print CSS), the heading and subtitle, ``body`` (HTML) and the footer. Texts are escaped here.

    ``viewport`` adds the mobile viewport tag (the gemeenterapport is also read on a phone).
    """
    meta = "<meta name='viewport' content='width=device-width, initial-scale=1'>" if viewport else ""
    return (
        f"<!DOCTYPE html><html lang='nl'><head><meta charset='utf-8'>{meta}"
        f"<title>{esc(title)}</title><style>{BASE_CSS}{css}</style></head><body>"
        f"<button class='print' type='button' onclick='window.print()'>{esc(print_label)}</button>"
        f"<h1>{esc(heading)}</h1><p class='sub'>{esc(subtitle)}</p>"
        f"{body}<footer>{esc(footer)}</footer></body></html>"
    )
