"""Indicator tiles of the municipality profile: value, CI line, count, national value and comparison badge.

Each tile says what its number is (teller, noemer, period on the tile; definition and sources as its
tooltip) and carries 'synthetisch voorbeeld' for synthetic rows; the badge is colour plus text.
"""

from __future__ import annotations

import html

import pandas as pd

from ks_data.core.colours import COMPARISON_COLOURS
from ks_data.core.validation import UnknownIndicator
from ks_data.perinatal.indicators import indicator
from ks_data.perinatal.views import ci_range, hidden_mark
from ks_data.texts import common as tc
from ks_data.texts import perinatal as tp


def ci_text(row: pd.Series | dict, *, decimals: int = 1) -> str:
    """'95%-betrouwbaarheidsinterval 14,1 – 16,5%, n = 1.234' for a rates row (the method is in the tooltip,
    :func:`tile_explanation`); the suppression reason when suppressed."""
    if bool(row.get("suppressed")):
        return tp.SUPPRESSED_WHY.format(reason=row.get("suppression_reason", ""))
    shown = ci_range(row.get("lower"), row.get("upper"), unit=row.get("unit", "%"), decimals=decimals)
    return tp.CI_TEMPLATE.format(level=100 * float(row.get("ci_level", 0.95)), range=shown,
                                 n=tc.fmt_number(row.get("denominator")))


def _text_colour(background: str) -> str:
    red, green, blue = (int(background[i:i + 2], 16) for i in (1, 3, 5))
    return "#000000" if 0.299 * red + 0.587 * green + 0.114 * blue > 150 else "#FFFFFF"


def badge_html(category: str) -> str:
    """A coloured label (colour-blind-safe colour plus the Dutch text) for a comparison category.

    >>> "ongunstiger dan Nederland" in badge_html("worse")
    True
    """
    colour = COMPARISON_COLOURS.get(category, COMPARISON_COLOURS["not_compared"])
    label = html.escape(tp.COMPARISON_LABELS.get(category, category))
    return (f'<span class="ks-badge" style="background:{colour};color:{_text_colour(colour)};padding:.15em .6em;'
            f'border-radius:.8em;font-weight:600;display:inline-block">{label}</span>')


def national_text(row: pd.Series | dict, *, decimals: int = 1) -> str:
    """'Nederland: 15,0% (RIVM-monitor, 2020)', or 'Nederland: geen landelijk cijfer beschikbaar'."""
    value, label = row.get("national_value"), str(row.get("national_label") or "")
    if value is None or pd.isna(value):
        return tp.TILE_NATIONAL_NONE.format(label=label or tp.NATIONAL_LABELS["none"])
    shown = tc.fmt_value(value, unit=row.get("unit", "%"), decimals=decimals)
    return tp.TILE_NATIONAL_FROM.format(value=shown, label=label) if label else tp.TILE_NATIONAL.format(value=shown)


def _labels(row: pd.Series | dict) -> tuple[str, str]:
    """Numerator and denominator label (teller, noemer) of the indicator of a rates row."""
    try:
        ind = indicator(str(row.get("indicator_id")))
    except UnknownIndicator:
        return str(row.get("numerator_label", "")), tp.TOOLTIP_N
    return ind.numerator_label, ind.denominator_label


def tile_explanation(row: pd.Series | dict, *, source: str = "") -> str:
    """The full explanation of a tile's number (its tooltip): definition, teller/noemer, period, sources."""
    numerator, denominator = _labels(row)
    text = tp.TILE_TOOLTIP.format(title=row.get("title", row.get("short_title", "")),
                                  definition=row.get("definition", ""), variant=row.get("variant", ""),
                                  numerator=numerator, denominator=denominator, period=row.get("period", ""),
                                  source=source or tc.NO_DATA, definition_source=row.get("indicator_source", ""))
    if method := str(row.get("method") or ""):
        text += " " + tp.CI_METHOD_NOTE.format(method=method)
    return f"{text} {tc.SYNTHETIC_LABEL.capitalize()}." if bool(row.get("is_synthetic")) else text


def _value_html(value: str, *, unit: str) -> str:
    """The tile's number, a written-out unit ('per 1000') smaller beside it so the number stays on one line.

    >>> _value_html("7,7 per 1000", unit="per 1000")
    '7,7<span class="ks-tile-unit"> per 1000</span>'
    """
    suffix = f" {unit}"
    if unit != "%" and value.endswith(suffix):
        return f'{html.escape(value[:-len(suffix)])}<span class="ks-tile-unit">{html.escape(suffix)}</span>'
    return html.escape(value)


def tile_html(row: pd.Series | dict, *, source: str = "", decimals: int = 1) -> str:
    """One indicator tile: title, local rate, CI line, count, national value, comparison badge (colour and
    text), and what the number is: teller/noemer and period on the tile, the full definition and the
    sources as its tooltip; synthetic rows are labelled 'synthetisch voorbeeld'."""
    unit = row.get("unit", "%")
    shown = tc.fmt_value(row.get("value"), unit=unit, decimals=decimals)
    value = hidden_mark(row.get("suppression_code")) if bool(row.get("suppressed")) else shown
    if pd.isna(row.get("numerator")) and pd.isna(row.get("denominator")):
        count = tp.TILE_COUNT_HIDDEN
    else:
        count = tp.TILE_COUNT.format(count=tc.fmt_number(row.get("numerator")), n=tc.fmt_number(row.get("denominator")))
        count += f" ({tp.DERIVED_LABEL})" if bool(row.get("derived")) and pd.notna(row.get("numerator")) else ""
    national = national_text(row, decimals=decimals)
    numerator, denominator = _labels(row)
    definition = tp.TILE_DEFINITION.format(numerator=numerator, denominator=denominator, period=row.get("period", ""))
    synthetic = (f'<div class="ks-tile-synthetic" style="font-size:.8rem;font-style:italic">'
                 f'{html.escape(tc.SYNTHETIC_LABEL)}</div>') if bool(row.get("is_synthetic")) else ""
    title = html.escape(tile_explanation(row, source=source), quote=True)
    return (
        f'<div class="ks-perinatal-tile" title="{title}" '
        f'style="border:1px solid #ccc;border-radius:.5em;padding:.7em">'
        f'<div class="ks-tile-title" style="font-weight:600;min-height:2.6em">'
        f'{html.escape(str(row.get("short_title", "")))}</div>'
        f'<div class="ks-tile-value">{_value_html(value, unit=unit)}</div>'
        f'<div style="font-size:.85rem;color:#444">{html.escape(ci_text(row, decimals=decimals))}</div>'
        f'<div style="font-size:.9rem">{html.escape(count)}</div>'
        f'<div style="font-size:.9rem">{html.escape(national)}</div>'
        f'<div style="margin-top:.4em">{badge_html(str(row.get("comparison", "not_compared")))}</div>'
        f'<div class="ks-tile-definition" style="font-size:.8rem;color:#444;margin-top:.4em">'
        f'{html.escape(definition)}</div>'
        f'<div style="font-size:.8rem;color:#555">{html.escape(str(row.get("variant", "")))}</div>'
        f'{synthetic}</div>'
    )


def tiles_html(frame: pd.DataFrame, *, source: str = "", decimals: int = 1) -> str:
    """All indicator tiles in a responsive grid (wraps on narrow screens); ``source`` is the data source."""
    tiles = "".join(tile_html(row, source=source, decimals=decimals) for _, row in frame.iterrows())
    return (f'<div class="ks-perinatal-tiles" style="display:grid;gap:.8em;'
            f'grid-template-columns:repeat(auto-fit,minmax(210px,1fr))">{tiles}</div>')
