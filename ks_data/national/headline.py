"""Headline figures of the national indicators: the Start page's tiles and an indicator's latest value."""

from __future__ import annotations

from dataclasses import dataclass

from ks_data.core.colours import JUDGEMENT_COLOURS, METRIC_COLOURS
from ks_data.national.catalogue import TYPES, Catalogue, Indicator, Quoted
from ks_data.national.change import LatestValue, latest_value, trend_direction
from ks_data.texts import common as tc
from ks_data.texts import national as ti


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


@dataclass(frozen=True)
class LatestView:
    """The headline figure of one indicator as the detail page shows it."""

    year: int
    value_text: str
    delta_text: str | None
    delta_colour: str
    counts_text: str
    help_text: str


def source_text(catalogue: Catalogue, indicator: Indicator) -> str:
    """'RIVM, Monitor Kansrijke Start 2021, <section>; <organisation>'."""
    return f"{catalogue.document}, {indicator.section}; {indicator.source_org}"


def quoted_source(catalogue: Catalogue, quoted: Quoted) -> str:
    """'<document title>, <section>': where a quoted statement comes from."""
    return f"{catalogue.document_title(quoted.document)}, {quoted.section}"


def direction_text(catalogue: Catalogue, indicator: Indicator) -> str:
    """The desired direction in words, with the reason and its source where the data give one.

    >>> from ks_data.national.catalogue import load_catalogue
    >>> c = load_catalogue()
    >>> direction_text(c, c.get("nu_niet_zwanger"))
    'Hoger is beter'
    """
    label = ti.POLARITY_LABEL[indicator.polarity]
    basis = indicator.polarity_basis
    if basis is None:
        return label
    return ti.DIRECTION_WITH_BASIS.format(direction=label, text=basis.text, source=quoted_source(catalogue, basis))


def judgement_text(indicator: Indicator, value: LatestValue) -> str:
    """The word next to the trend arrow; a trend the monitor asks to read with care says so, never
    'verbeterd' or 'verslechterd'."""
    if indicator.trend_caution is not None and value.judgement in ("better", "worse"):
        direction = trend_direction(latest=value.value, previous=value.previous_value, decimals=indicator.decimals)
        return ti.CAUTION_LABEL[direction]
    return ti.JUDGEMENT_LABEL[value.judgement]


def _shown_judgement(indicator: Indicator, value: LatestValue) -> str:
    """The judgement whose colour is shown: none (grey, 'same') when the trend is to be read with care."""
    cautious = indicator.trend_caution is not None and value.judgement in ("better", "worse")
    return "same" if cautious else value.judgement


def number_help(catalogue: Catalogue, indicator: Indicator, latest: LatestValue) -> str:
    """Tooltip of a headline figure: teller, noemer, year (and the year compared with), desired direction,
    the monitor's caution or trend statement, and source."""
    previous = "" if latest.previous_year is None else ti.NUMBER_HELP_PREVIOUS.format(year=latest.previous_year)
    notes = "".join(
        ti.NUMBER_HELP_NOTE.format(label=label, text=quoted.text)
        for label, quoted in ((ti.LABEL_CAUTION, indicator.trend_caution), (ti.LABEL_TREND, indicator.trend_statement))
        if quoted is not None
    )
    return ti.NUMBER_HELP.format(
        numerator=indicator.numerator,
        denominator=indicator.denominator,
        year=latest.year,
        previous=previous,
        direction=ti.POLARITY_LABEL[indicator.polarity],
        notes=notes,
        source=source_text(catalogue, indicator),
    )


def latest(catalogue: Catalogue, indicator: Indicator) -> LatestValue | None:
    """The latest stated value of the indicator's main series and the one before it (None without values)."""
    values = catalogue.values_for(indicator.id, series=indicator.main_series)
    return latest_value(values, polarity=indicator.polarity, decimals=indicator.decimals)


def tiles(catalogue: Catalogue) -> list[Tile]:
    """One tile per indicator: latest value, its year and the change since the previous stated year."""
    out = []
    for ind in catalogue.indicators:
        value = latest(catalogue, ind)
        if value is None:
            continue
        direction = None
        since = ti.MONITOR_TREND.format(text=ind.trend_statement.text) if ind.trend_statement else ""
        if value.previous_value is not None:
            direction = trend_direction(latest=value.value, previous=value.previous_value, decimals=ind.decimals)
            since = ti.SINCE.format(
                year=value.previous_year, value=tc.fmt_value(value.previous_value, unit=ind.unit, decimals=ind.decimals)
            )
        out.append(
            Tile(
                indicator_id=ind.id,
                number=ind.number,
                title=ind.short_name,
                type=ind.type,
                value_text=tc.fmt_value(value.value, unit=ind.unit, decimals=ind.decimals),
                year=value.year,
                arrow=ti.ARROW[direction],
                judgement_text=judgement_text(ind, value),
                colour=JUDGEMENT_COLOURS[_shown_judgement(ind, value)],
                since_text=since,
                help_text=number_help(catalogue, ind, value),
                source=source_text(catalogue, ind),
            )
        )
    return out


def tiles_by_type(tiles: list[Tile]) -> list[tuple[str, list[Tile]]]:
    """The tiles under their type's heading, one group per indicator type in the Start page's order
    (programmabreed, proces, uitkomst), a type without tiles as an empty group.

    Returns:
        (Dutch heading, tiles of that type in their given order) per type.
    """
    return [(ti.TYPE_HEADER[kind], [tile for tile in tiles if tile.type == kind]) for kind in TYPES]


def latest_for(catalogue: Catalogue, indicator: Indicator) -> LatestView:
    """Latest value, change since the previous stated year (st.metric delta) and the counts behind it."""
    value = latest(catalogue, indicator)
    delta_text = None
    if value.previous_value is not None:
        change = round(value.value - value.previous_value, indicator.decimals)
        unit = ti.PERCENTAGE_POINT if indicator.unit == "%" else indicator.unit
        sign = "+" if change > 0 else ""
        change_text = f"{sign}{tc.fmt_number(change, decimals=indicator.decimals)}"
        delta_text = ti.DELTA.format(change=change_text, unit=unit, year=value.previous_year)
    counts = ""
    if value.numerator is not None and value.denominator is not None:
        counts = ti.VALUE_COUNTS.format(numerator=tc.fmt_number(value.numerator),
                                        denominator=tc.fmt_number(value.denominator))
    elif value.numerator is not None:
        counts = ti.VALUE_COUNT_ONLY.format(numerator=tc.fmt_number(value.numerator))
    return LatestView(
        year=value.year,
        value_text=tc.fmt_value(value.value, unit=indicator.unit, decimals=indicator.decimals),
        delta_text=delta_text,
        delta_colour=METRIC_COLOURS[_shown_judgement(indicator, value)],
        counts_text=counts,
        help_text=f"**{ti.LABEL_CHANGE}:** {judgement_text(indicator, value)}\n\n"
                  f"{number_help(catalogue, indicator, value)}",
    )
