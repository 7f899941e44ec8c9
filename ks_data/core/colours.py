"""Every colour the app uses for meaning: colour-blind-safe palettes for charts, tiles, maps and reports.

Each palette is always shown with a text label (docs/ACCESSIBILITY.md; checked in tests/test_core_colours.py).
"""

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

# Trend judgement on the Start tiles (text colour on white).
JUDGEMENT_COLOURS = {
    "better": "#0072B2",
    "worse": "#B34D00",  # Okabe-Ito vermilion darkened to 5.3:1 on white (WCAG AA for text)
    "same": "#6E6E6E",
    "higher": "#6E6E6E",
    "lower": "#6E6E6E",
    "no_previous": "#6E6E6E",
}
# st.metric delta colours: blue/orange instead of Streamlit's green/red, which colour-blind users can't tell apart.
METRIC_COLOURS = {"better": "blue", "worse": "orange", "same": "gray", "higher": "gray", "lower": "gray", "no_previous": "gray"}

# Status of the local coalitions (Tabel 1 of the monitor).
STATUS_COLOURS = {"formed": OKABE_ITO[0], "in_development": OKABE_ITO[1], "other": "#A0A0A0"}

# Map classes (ColorBrewer YlGnBu, 5 classes) and the grey for areas without a value.
SEQUENTIAL = ("#ffffcc", "#a1dab4", "#41b6c4", "#2c7fb8", "#253494")
NO_DATA_COLOUR = "#969696"  # mid grey: apart from every map colour, also with colour-blindness (docs/ACCESSIBILITY.md)
