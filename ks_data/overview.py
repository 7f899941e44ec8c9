"""Ready-to-show views of the national indicators: tiles for Start, tables for the indicator page."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from ks_data.indicators import Catalogue, Indicator
from ks_data.texts import common as tc
from ks_data.texts import indicators as ti
from ks_data.trends import latest_value, trend_direction

JUDGEMENT_COLOURS = {
    "better": "#0072B2",
    "worse": "#D55E00",
    "same": "#6E6E6E",
    "higher": "#6E6E6E",
    "lower": "#6E6E6E",
    "no_previous": "#6E6E6E",
}
# st.metric delta colours: blue/orange instead of Streamlit's green/red, which colour-blind users can't tell apart.
METRIC_COLOURS = {"better": "blue", "worse": "orange", "same": "gray", "higher": "gray", "lower": "gray", "no_previous": "gray"}


@dataclass(frozen=True)
class Tile:
    """Everything one Start tile shows."""

    indicator_id: str
    number: int
    title: str
    type: str
    value_text: str
    year: int
    arrow: str
    judgement_text: str
    colour: str
    since_text: str
    help_text: str
    source: str


def source_text(catalogue: Catalogue, indicator: Indicator) -> str:
    """'RIVM, Monitor Kansrijke Start 2021, <section>; <organisation>'."""
    return f"{catalogue.document}, {indicator.section}; {indicator.source_org}"


def tiles(catalogue: Catalogue) -> list[Tile]:
    """One tile per indicator: latest value, its year and the change since the previous stated year."""
    out = []
    for ind in catalogue.indicators:
        latest = latest_value(catalogue.values_for(ind.id, series=ind.main_series), polarity=ind.polarity, decimals=ind.decimals)
        if latest is None:
            continue
        direction = None
        since = ""
        if latest.previous_value is not None:
            direction = trend_direction(latest=latest.value, previous=latest.previous_value, decimals=ind.decimals)
            since = ti.SINCE.format(
                year=latest.previous_year, value=tc.fmt_value(latest.previous_value, unit=ind.unit, decimals=ind.decimals)
            )
        out.append(
            Tile(
                indicator_id=ind.id,
                number=ind.number,
                title=ind.short_name,
                type=ind.type,
                value_text=tc.fmt_value(latest.value, unit=ind.unit, decimals=ind.decimals),
                year=latest.year,
                arrow=ti.ARROW[direction],
                judgement_text=ti.JUDGEMENT_LABEL[latest.judgement],
                colour=JUDGEMENT_COLOURS[latest.judgement],
                since_text=since,
                help_text=f"{ti.LABEL_NUMERATOR}: {ind.numerator}\n\n{ti.LABEL_DENOMINATOR}: {ind.denominator}",
                source=source_text(catalogue, ind),
            )
        )
    return out


def overview_table(catalogue: Catalogue, indicators: tuple[Indicator, ...]) -> pd.DataFrame:
    """One row per indicator with its latest value, for the filtered overview on the indicator page."""
    rows = []
    for ind in indicators:
        latest = latest_value(catalogue.values_for(ind.id, series=ind.main_series), polarity=ind.polarity, decimals=ind.decimals)
        rows.append(
            {
                ti.COL_NUMBER: ind.number,
                ti.COL_NAME: ind.name,
                ti.COL_TYPE: ind.type,
                ti.COL_PERIOD: period_text(ind),
                ti.COL_YEAR: None if latest is None else latest.year,
                ti.COL_VALUE: None if latest is None else tc.fmt_value(latest.value, unit=ind.unit, decimals=ind.decimals),
                ti.COL_SOURCE: source_text(catalogue, ind),
            }
        )
    return pd.DataFrame(rows)


def history_table(catalogue: Catalogue, indicator: Indicator) -> pd.DataFrame:
    """All stated values of one indicator with counts, spread and notes (Dutch column names)."""
    values = catalogue.values_for(indicator.id)
    names = {s.id: s.name for s in indicator.series}
    return pd.DataFrame(
        {
            ti.COL_SERIES: [names.get(s, indicator.short_name) for s in values["series"]],
            ti.COL_YEAR: values["year"].astype(int),
            ti.COL_VALUE: [tc.fmt_value(v, unit=indicator.unit, decimals=indicator.decimals) for v in values["value"]],
            ti.COL_N: [tc.fmt_number(v) for v in values["numerator"]],
            ti.COL_DENOMINATOR: [tc.fmt_number(v) for v in values["denominator"]],
            ti.COL_RANGE: [_range_text(lo, hi, indicator.unit) for lo, hi in zip(values["range_min"], values["range_max"])],
            ti.COL_SOURCE: values["source_ref"].astype(str),
            ti.COL_NOTE: [_note(n, d) for n, d in zip(values["note"], values["value_derived"])],
        }
    )


def period_text(indicator: Indicator) -> str:
    """Dutch list of the periods an indicator belongs to."""
    if not indicator.periods:
        return ti.NO_PERIOD
    return ", ".join(ti.PERIOD_LABEL[p].lower() for p in indicator.periods).capitalize()


def _range_text(low: object, high: object, unit: str) -> str:
    if pd.isna(low) or pd.isna(high):
        return ""
    return f"{tc.fmt_value(low, unit=unit)} - {tc.fmt_value(high, unit=unit)}"


def _note(note: object, derived: object) -> str:
    parts = [] if pd.isna(note) else [str(note)]
    if bool(derived):
        parts.append(ti.DERIVED_NOTE)
    return " ".join(parts)


@dataclass(frozen=True)
class LatestView:
    """The headline figure of one indicator as the detail page shows it."""

    year: int
    value_text: str
    delta_text: str | None
    delta_colour: str
    counts_text: str
    help_text: str


def latest_for(catalogue: Catalogue, indicator: Indicator) -> LatestView:
    """Latest value, change since the previous stated year (st.metric delta) and the counts behind it."""
    latest = latest_value(
        catalogue.values_for(indicator.id, series=indicator.main_series),
        polarity=indicator.polarity,
        decimals=indicator.decimals,
    )
    delta_text = None
    if latest.previous_value is not None:
        change = round(latest.value - latest.previous_value, indicator.decimals)
        unit = ti.PERCENTAGE_POINT if indicator.unit == "%" else indicator.unit
        sign = "+" if change > 0 else ""
        change_text = f"{sign}{tc.fmt_number(change, decimals=indicator.decimals)}"
        delta_text = ti.DELTA.format(change=change_text, unit=unit, year=latest.previous_year)
    colour = METRIC_COLOURS[latest.judgement]
    counts = ""
    if latest.numerator is not None and latest.denominator is not None:
        counts = ti.VALUE_COUNTS.format(numerator=tc.fmt_number(latest.numerator), denominator=tc.fmt_number(latest.denominator))
    elif latest.numerator is not None:
        counts = ti.VALUE_COUNT_ONLY.format(numerator=tc.fmt_number(latest.numerator))
    return LatestView(
        year=latest.year,
        value_text=tc.fmt_value(latest.value, unit=indicator.unit, decimals=indicator.decimals),
        delta_text=delta_text,
        delta_colour=colour,
        counts_text=counts,
        help_text=ti.JUDGEMENT_LABEL[latest.judgement],
    )
