"""Shared Altair configuration: the one Dutch number locale and the font sizes (palettes: core.colours)."""

from __future__ import annotations

import altair as alt

DUTCH_LOCALE = alt.Locale(
    number={"decimal": ",", "thousands": ".", "grouping": [3], "currency": ["€\u00a0", ""]},
    time={
        "dateTime": "%a %e %B %Y %X",
        "date": "%d-%m-%Y",
        "time": "%H:%M:%S",
        "periods": ["AM", "PM"],
        "days": ["zondag", "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag"],
        "shortDays": ["zo", "ma", "di", "wo", "do", "vr", "za"],
        "months": [
            "januari", "februari", "maart", "april", "mei", "juni",
            "juli", "augustus", "september", "oktober", "november", "december",
        ],
        "shortMonths": ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"],
    },
)


FONT_SIZE = 14
TITLE_SIZE = 16
SUBTITLE_SIZE = 13


def finalize(chart: alt.TopLevelMixin, *, scale: float = 1.0) -> alt.TopLevelMixin:
    """Apply the Dutch locale and readable font sizes (``scale`` > 1 for presentation mode)."""
    # fit-x: the width follows the page, the height stays the plot height (legend and title come on top).
    sized = chart.properties(autosize=alt.AutoSizeParams(type="fit-x", contains="padding"))
    final = sized.configure(locale=DUTCH_LOCALE).configure_axis(
        labelFontSize=FONT_SIZE * scale, titleFontSize=FONT_SIZE * scale
    ).configure_legend(
        labelFontSize=FONT_SIZE * scale, titleFontSize=FONT_SIZE * scale, symbolSize=120 * scale * scale,
        labelLimit=320 * scale,
    ).configure_title(fontSize=TITLE_SIZE * scale, subtitleFontSize=SUBTITLE_SIZE * scale, anchor="start")
    return final
