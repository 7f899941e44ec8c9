"""Ready-to-show tables and charts of the national indicator pages (headline figures: ``national.headline``)."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from ks_data.national import history
from ks_data.national.catalogue import Catalogue, Indicator, Quoted
from ks_data.national.change import Denominator, coalition_data, coalition_shares, coalition_table
from ks_data.national.headline import latest, quoted_source, source_text
from ks_data.texts import common as tc
from ks_data.texts import national as ti


@dataclass(frozen=True)
class ChartView:
    """A chart's data with everything that explains it (the arguments of blocks.chart_with_source).

    ``frame`` is what the chart builder plots, ``data`` the same rows for download (Dutch column names,
    plain numbers), ``table`` the same rows formatted for the screen (the chart's text alternative).
    """

    frame: pd.DataFrame
    data: pd.DataFrame
    table: pd.DataFrame
    alt_text: str
    explanation: str
    source: str
    file_name: str


def overview_data(catalogue: Catalogue, indicators: tuple[Indicator, ...]) -> pd.DataFrame:
    """One row per indicator with its latest value as a plain number (the overview's download).

    Returns:
        Columns Nr., Indicator, Soort, Periode, Jaar, Waarde, Eenheid, Bron (sectie).
    """
    rows = []
    for ind in indicators:
        value = latest(catalogue, ind)
        rows.append(
            {
                ti.COL_NUMBER: ind.number,
                ti.COL_NAME: ind.name,
                ti.COL_TYPE: ti.TYPE_SHORT[ind.type],
                ti.COL_PERIOD: period_text(ind),
                ti.COL_YEAR: None if value is None else value.year,
                ti.COL_VALUE: None if value is None else value.value,
                ti.COL_UNIT: ind.unit,
                ti.COL_SOURCE: source_text(catalogue, ind),
            }
        )
    frame = pd.DataFrame(rows)
    frame[ti.COL_YEAR] = frame[ti.COL_YEAR].astype("Int64")
    return frame


def overview_table(catalogue: Catalogue, indicators: tuple[Indicator, ...]) -> pd.DataFrame:
    """:func:`overview_data` for the screen: the value formatted in its unit (e.g. '1,8 per 1000')."""
    table = overview_data(catalogue, indicators).drop(columns=ti.COL_UNIT)
    table[ti.COL_VALUE] = [
        tc.fmt_value(value, unit=ind.unit, decimals=ind.decimals) for value, ind in zip(table[ti.COL_VALUE], indicators)
    ]
    return table


def history_data(catalogue: Catalogue, indicator: Indicator) -> pd.DataFrame:
    """All stated values of one indicator as plain numbers, with counts, spread and notes (the download).

    Returns:
        Columns Reeks, Jaar, Waarde, Eenheid, Teller, Noemer, Spreiding laagste, Spreiding hoogste and
        Soort spreiding (between JGZ organisations, or over which years; only when the indicator has a range),
        Bron (sectie), Toelichting.
    """
    values = _in_series_order(catalogue, indicator)
    names = {s.id: s.name for s in indicator.series}
    bases = [history.range_basis_label(b if pd.notna(b) else "", first=f, year=y) if pd.notna(lo) else ""
             for b, f, y, lo in zip(values["range_basis"], values["range_from"], values["year"], values["range_min"])]
    data = pd.DataFrame(
        {
            ti.COL_SERIES: [names.get(s, indicator.short_name) for s in values["series"]],
            ti.COL_YEAR: values["year"].astype(int),
            ti.COL_VALUE: values["value"].astype(float),
            ti.COL_UNIT: indicator.unit,
            ti.COL_N: values["numerator"].astype("Int64"),
            ti.COL_DENOMINATOR: values["denominator"].astype("Int64"),
            ti.COL_RANGE_MIN: values["range_min"].astype("float64"),
            ti.COL_RANGE_MAX: values["range_max"].astype("float64"),
            ti.COL_RANGE_BASIS: bases,
            ti.COL_SOURCE: values["source_ref"].astype(str),
            ti.COL_NOTE: [_note(n, d) for n, d in zip(values["note"], values["value_derived"])],
        }
    )
    no_range = [ti.COL_RANGE_MIN, ti.COL_RANGE_MAX, ti.COL_RANGE_BASIS]
    return data if data[ti.COL_RANGE_MIN].notna().any() else data.drop(columns=no_range)


def _in_series_order(catalogue: Catalogue, indicator: Indicator) -> pd.DataFrame:
    """The indicator's stated values, its series in their own order (headline first), then by year."""
    order = {s.id: position for position, s in enumerate(indicator.series)}
    values = catalogue.values_for(indicator.id)
    return values.sort_values("series", key=lambda s: s.map(order).fillna(0), kind="stable").reset_index(drop=True)


def history_table(catalogue: Catalogue, indicator: Indicator) -> pd.DataFrame:
    """:func:`history_data` for the screen: values, counts and spread formatted the Dutch way (a series the
    source prints in whole percentages keeps them)."""
    data = history_data(catalogue, indicator)
    values = _in_series_order(catalogue, indicator)
    unit, places = indicator.unit, indicator.series_decimals()
    bases = values["range_basis"].fillna("").astype(str)
    table = pd.DataFrame(
        {
            ti.COL_SERIES: data[ti.COL_SERIES],
            ti.COL_YEAR: data[ti.COL_YEAR],
            ti.COL_VALUE: [tc.fmt_value(v, unit=unit, decimals=places.get(s, indicator.decimals))
                           for v, s in zip(data[ti.COL_VALUE], values["series"])],
            ti.COL_N: [tc.fmt_number(v) for v in data[ti.COL_N]],
            ti.COL_DENOMINATOR: [tc.fmt_number(v) for v in data[ti.COL_DENOMINATOR]],
            history.range_header(bases): [
                history.range_text(lo, hi, unit=unit, basis=b, first=f, year=y) for lo, hi, b, f, y in zip(
                    values["range_min"], values["range_max"], bases, values["range_from"], data[ti.COL_YEAR])
            ],
            ti.COL_SOURCE: data[ti.COL_SOURCE],
            ti.COL_NOTE: data[ti.COL_NOTE],
        }
    )
    return table if ti.COL_RANGE_MIN in data else table.drop(columns=history.range_header(bases))


def history_view(catalogue: Catalogue, indicator: Indicator, *, title: str) -> ChartView:
    """The history chart of one indicator (all series, stated years only) with its explanation and data."""
    frame = history.history_frame(
        catalogue.values_for(indicator.id),
        unit=indicator.unit,
        decimals=indicator.decimals,
        series_names={s.id: s.name for s in indicator.series} or {indicator.id: indicator.short_name},
        series_decimals=indicator.series_decimals(),
    )
    return ChartView(
        frame=frame,
        data=history.history_export(frame, unit=indicator.unit),
        table=history.history_screen_table(frame, unit=indicator.unit),
        alt_text=history.history_alt_text(frame, title=title, unit=indicator.unit),
        explanation=ti.CHART_EXPLANATION.format(
            numerator=indicator.numerator, denominator=indicator.denominator, years=history.years_text(frame["year"])
        ),
        source=source_text(catalogue, indicator),
        file_name=ti.FILE_HISTORY.format(indicator=indicator.id),
    )


def coalition_view(catalogue: Catalogue, *, denominator: Denominator) -> ChartView:
    """Tabel 1 (coalitions per year) against the chosen denominator, with its explanation and data."""
    shares = coalition_shares(catalogue.coalitions, denominator=denominator)
    label = ti.DENOMINATOR_LABEL[denominator]
    per_year = shares.drop_duplicates("year")
    counts = ", ".join(f"{year}: {tc.fmt_number(n)}" for year, n in zip(per_year["year"], per_year["denominator"]))
    years = history.years_text(shares["year"])
    explanation = ti.COALITIONS_EXPLANATION.format(denominator=label, counts=counts, years=years)
    return ChartView(
        frame=shares,
        data=coalition_data(shares),
        table=coalition_table(shares),
        alt_text=history.coalition_alt_text(shares, denominator_label=label),
        explanation=f"{explanation} {ti.STATUS_OTHER_NOTE[denominator]}",
        source=source_text(catalogue, catalogue.get("coalitions")),
        file_name=ti.FILE_COALITIONS.format(denominator=denominator),
    )


def period_text(indicator: Indicator) -> str:
    """Dutch list of the periods an indicator belongs to."""
    if not indicator.periods:
        return ti.NO_PERIOD
    return ", ".join(ti.PERIOD_LABEL[p].lower() for p in indicator.periods).capitalize()


def _note(note: object, derived: object) -> str:
    parts = [] if pd.isna(note) else [str(note)]
    if bool(derived):
        parts.append(ti.DERIVED_NOTE)
    return " ".join(parts)


def filtered(catalogue: Catalogue, *, indicator_type: str, period: str) -> tuple[Indicator, ...]:
    """The indicators of one type and one period; ``texts.national.FILTER_ALL`` for either means 'all'.

    >>> from ks_data.national.catalogue import load_catalogue
    >>> [i.number for i in filtered(load_catalogue(), indicator_type="proces", period="na")]
    [5, 9]
    """
    return catalogue.select(
        types=() if indicator_type == ti.FILTER_ALL else (indicator_type,),
        periods=() if period == ti.FILTER_ALL else (period,),
    )


def indicator_label(indicator: Indicator) -> str:
    """'<number>. <name>': how the indicator page names an indicator (picker and heading)."""
    return f"{indicator.number}. {indicator.name}"


def quoted_line(catalogue: Catalogue, quoted: Quoted, *, label: str) -> str:
    """'**<label>:** <our summary> *(“<the monitor's words>”; <source>)*' for the indicator page."""
    return ti.QUOTED_LINE.format(label=label, text=quoted.text, quote=" … ".join(quoted.quotes),
                                 source=quoted_source(catalogue, quoted))


def trend_lines(catalogue: Catalogue, indicator: Indicator) -> list[str]:
    """What the monitor itself says about the trend: its caution and its trend sentence, where it gives them."""
    pairs = ((ti.LABEL_CAUTION, indicator.trend_caution), (ti.LABEL_TREND, indicator.trend_statement))
    return [quoted_line(catalogue, quoted, label=label) for label, quoted in pairs if quoted is not None]


def fact_lines(catalogue: Catalogue, *, indicator: Indicator | None = None, period: str | None = None) -> list[str]:
    """More from the monitor, each with its source: an indicator's details and the background facts naming
    it or ``period``; every background fact when neither is given (the Start page)."""
    facts: list[Quoted] = list(indicator.details) if indicator is not None else []
    facts += catalogue.facts_for(indicator_id=indicator.id if indicator else None, period=period)
    return [ti.FACT_LINE.format(text=f.text, source=quoted_source(catalogue, f)) for f in facts]


def bullets(lines: list[str]) -> str:
    """Markdown list of ``lines`` ('' for none).

    >>> print(bullets(["a", "b"]))
    - a
    - b
    """
    return "\n".join(f"- {line}" for line in lines)
