"""Shared Altair configuration: the one Dutch number locale, fonts, colour-blind-safe palettes."""

from __future__ import annotations

import functools

import altair as alt
from altair.utils import schemapi
from streamlit.runtime.scriptrunner_utils.script_run_context import get_script_run_ctx

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

# Okabe-Ito, safe for the common colour-vision deficiencies.
OKABE_ITO = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000")
# Comparison with a benchmark (Fingertips-style, colour-blind safe): better / similar / worse, and
# higher / similar / lower where no direction is good. Always shown together with a text label.
COMPARISON_COLOURS = {
    "better": "#0072B2",
    "similar": "#E6C229",
    "worse": "#D55E00",
    "higher": "#5D3A9B",
    "lower": "#9AC7E8",
    "not_compared": "#BBBBBB",
}

FONT_SIZE = 14
TITLE_SIZE = 16


def finalize(chart: alt.TopLevelMixin, *, scale: float = 1.0) -> alt.TopLevelMixin:
    """Apply the Dutch locale and readable font sizes (``scale`` > 1 for presentation mode).

    Inside a running Streamlit page the chart skips Altair's JSON-schema validation when Streamlit
    serialises it (see ``_render_without_validation``); everywhere else (tests) ``to_dict()`` validates.
    """
    # fit-x: the width follows the page, the height stays the plot height (legend and title come on top).
    sized = chart.properties(autosize=alt.AutoSizeParams(type="fit-x", contains="padding"))
    final = sized.configure(locale=DUTCH_LOCALE).configure_axis(
        labelFontSize=FONT_SIZE * scale, titleFontSize=FONT_SIZE * scale
    ).configure_legend(
        labelFontSize=FONT_SIZE * scale, titleFontSize=FONT_SIZE * scale
    ).configure_title(fontSize=TITLE_SIZE * scale, subtitleFontSize=12 * scale, anchor="start")
    if get_script_run_ctx(suppress_warning=True) is not None:
        _render_without_validation(final)
    return final


def _render_without_validation(chart: alt.TopLevelMixin) -> None:
    """Make ``chart.to_dict()`` (what st.altair_chart calls) skip the JSON-schema validation.

    Validating a layered chart against the Vega-Lite schema took about a quarter of a profile page's
    rerun (issue 7). The builders' output is validated by their unit tests (``to_dict()`` outside a
    Streamlit run), so repeating it on every rerun only costs time. ``to_dict(validate=True)`` still
    validates; copies of the chart (``.copy()``, ``.properties()``) validate as usual.

    >>> import pandas as pd
    >>> chart = finalize(alt.Chart(pd.DataFrame({"v": [1]})).mark_point().encode(x="v:Q"))
    >>> chart["height"] = "tall"  # invalid: outside a Streamlit run, to_dict() says so
    >>> chart.to_dict()  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    altair.utils.schemapi.SchemaValidationError: ...
    >>> _render_without_validation(chart)
    >>> chart.to_dict()["height"]
    'tall'
    >>> chart.to_dict(validate=True)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    altair.utils.schemapi.SchemaValidationError: ...
    """
    object.__setattr__(chart, "to_dict", functools.partial(chart.to_dict, validate=False))


def _index_schema_classes_once() -> None:
    """Let Altair build its index of schema classes once per class instead of once per channel.

    Altair 6.3 (``SchemaBase.from_dict``) hashes all ~570 Vega-Lite schema classes into a fresh
    ``_FromDict`` index for every shorthand channel such as ``x="value:Q"`` (~5 ms each): about a third
    of building the profile page's charts on every rerun (issue 7). The classes do not change while the
    app runs, so the index is kept per class; the conversion itself is Altair's own. Skipped when Altair
    no longer has this structure (then charts are simply built the slower way).

    >>> spec = {"field": "v", "type": "quantitative", "title": "Waarde"}
    >>> fresh = schemapi._FromDict(alt.X._default_wrapper_classes()).from_dict(spec, alt.X)
    >>> alt.X.from_dict(spec) == fresh and alt.X.from_dict(spec).to_dict() == spec
    True
    """
    original = schemapi.SchemaBase.__dict__.get("from_dict")
    if getattr(original, "__func__", None) is None or getattr(original.__func__, "ks_indexed", False) \
            or not hasattr(schemapi, "_FromDict"):
        return
    converters: dict[type, schemapi._FromDict] = {}

    def from_dict(cls, dct, validate: bool = True):
        if validate:
            cls.validate(dct)
        converter = converters.get(cls)
        if converter is None:
            converter = converters[cls] = schemapi._FromDict(cls._default_wrapper_classes())
        return converter.from_dict(dct, cls)

    from_dict.ks_indexed = True
    from_dict.__doc__ = original.__func__.__doc__
    schemapi.SchemaBase.from_dict = classmethod(from_dict)


_index_schema_classes_once()
