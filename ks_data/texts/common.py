"""Dutch strings shared by every page, and the nl number formatters (12,3%; 1.234)."""

from __future__ import annotations

import pandas as pd

APP_TITLE = "Kansrijke Start dashboard"

SECTION_NATIONAL = "Landelijk"
SECTION_LOCAL = "Mijn gemeente"
SECTION_ASSESSMENT = "Zelfevaluatie"
SECTION_DATA = "Data"

SOURCE_PREFIX = "Bron:"
DOWNLOAD_CSV = "Download data (CSV)"
DOWNLOAD_HELP = "Precies de cijfers achter deze grafiek of tabel, met bron."
DOWNLOAD_DUTCH = "CSV, Nederlandse notatie (12,5 en puntkomma; voor Excel in het Nederlands)"
DOWNLOAD_INTERNATIONAL = "CSV, internationale notatie (12.5 en komma; voor R, Python, SPSS)"
INTERNATIONAL_SUFFIX = "_internationaal"
TABLE_ALTERNATIVE = "Tabel bij deze grafiek"
SYNTHETIC_LABEL = "synthetisch voorbeeld"
SYNTHETIC_NOTE = (
    "Let op: dit zijn gegenereerde cijfers (synthetisch voorbeeld), geen echte metingen. "
    "Laad op de pagina Data een eigen bestand om echte cijfers te zien."
)
NO_DATA = "geen gegevens"
LOAD_ERROR = "De gegevens konden niet worden geladen."

_MISSING = "–"


def _is_missing(value: object) -> bool:
    return value is None or bool(pd.isna(value))


def fmt_number(value: float | int | None, *, decimals: int = 0) -> str:
    """Format a number the Dutch way: thousands dot, decimal comma.

    >>> fmt_number(1234.5, decimals=1)
    '1.234,5'
    >>> fmt_number(None)
    '–'
    """
    if _is_missing(value):
        return _MISSING
    text = f"{float(value):,.{decimals}f}"
    return text.replace(",", "\u0000").replace(".", ",").replace("\u0000", ".")


def fmt_pct(value: float | None, *, decimals: int = 1) -> str:
    """Format a percentage (already in percent units) with a decimal comma.

    >>> fmt_pct(15.04)
    '15,0%'
    >>> fmt_pct(51, decimals=0)
    '51%'
    """
    if _is_missing(value):
        return _MISSING
    return f"{fmt_number(value, decimals=decimals)}%"


def fmt_value(value: float | None, *, unit: str, decimals: int = 1) -> str:
    """Format a value in its unit: '%' gives '9,5%', 'per 1000' gives '4,1 per 1000'.

    >>> fmt_value(4.1, unit="per 1000")
    '4,1 per 1000'
    """
    if unit == "%":
        return fmt_pct(value, decimals=decimals)
    if _is_missing(value):
        return _MISSING
    suffix = f" {unit}" if unit else ""
    return f"{fmt_number(value, decimals=decimals)}{suffix}"


def md_literal(text: object) -> str:
    r"""Text from a user's file shown as itself in Streamlit markdown (headings, captions): markdown and HTML
    characters escaped, so '[klik](http://…)', '<b>' or '$x$' stay literal.

    >>> md_literal("<b>[x](y)</b> *z* $1")
    '\\<b\\>\\[x\\]\\(y\\)\\</b\\> \\*z\\* \\$1'
    """
    return "".join(f"\\{c}" if c in _MARKDOWN_ACTIVE else c for c in str(text))


_MARKDOWN_ACTIVE = frozenset("\\`*_{}[]()<>#!|$~")


def source_line(source: str, *, synthetic: bool = False) -> str:
    """The one 'Bron: ...' line under every chart, map, table and tile, in the app and in reports.

    ``synthetic`` adds 'synthetisch voorbeeld' (once) for figures from the synthetic demo.

    >>> source_line("RIVM, Monitor Kansrijke Start 2021, 3.2")
    'Bron: RIVM, Monitor Kansrijke Start 2021, 3.2'
    >>> source_line("demo", synthetic=True)
    'Bron: demo · synthetisch voorbeeld'
    """
    text = f"{SOURCE_PREFIX} {source}"
    if synthetic and SYNTHETIC_LABEL not in text:
        text = f"{text} · {SYNTHETIC_LABEL}"
    return text

PRESENTATION_ON = "Presentatiemodus"
PRESENTATION_OFF = "Presentatiemodus uit"
PRESENTATION_HELP = (
    "Voor een beamer: zijbalk en werkbalk verdwijnen, tekst en grafieken worden groter. "
    "De link met ?presentatie=1 opent de pagina direct zo."
)
PRESENTATION_PREVIOUS = "Vorige"
PRESENTATION_NEXT = "Volgende"
PRESENTATION_PAGES = "Pagina's"
PRESENTATION_GO_TO = "Naar {page}"
PRESENTATION_GEMEENTE = "Gemeente wisselen"

# Note boxes that save while typing (ks_data.ui.note_input).
NOTE_SAVING = "Wordt opgeslagen…"
NOTE_SAVED = "Opgeslagen"
NOTE_NOT_SAVED = "Niet opgeslagen: zie de melding bovenaan de pagina. De tekst blijft in deze browser bewaard."
