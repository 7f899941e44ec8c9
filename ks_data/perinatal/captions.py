"""Captions of the municipality profile: notes, chart explanations (teller/noemer, period) and alt texts (Dutch)."""

from __future__ import annotations

import pandas as pd

from ks_data.perinatal.indicators import indicator
from ks_data.texts import perinatal as tp


def sources_text(frame: pd.DataFrame) -> str:
    """The distinct definition sources of the indicators in ``frame``, joined by '; '."""
    return "; ".join(dict.fromkeys(frame["indicator_source"].dropna().astype(str)))


def peers_note(peers: pd.DataFrame, *, name: str) -> str:
    """Caption above the peer chart: how many similar gemeenten are shown."""
    return tp.PEERS_NOTE.format(n=int((~peers["is_own"].astype(bool)).sum()), name=name)


def spine_note(name: str) -> list[str]:
    """Subtitle lines of the spine chart."""
    return [line.format(name=name) for line in tp.SPINE_NOTE]


def national_note(profile: pd.DataFrame) -> str:
    """'Landelijk cijfer: Big2, Vroeggeboorte: RIVM-monitor, 2020; Perinatale sterfte (7 dagen): geen landelijk
    cijfer beschikbaar.' saying per indicator what its national value is ('' for an empty profile)."""
    if profile.empty:
        return ""
    groups: dict[str, list[str]] = {}
    for title, label in zip(profile["short_title"].astype(str), profile["national_label"].fillna("").astype(str)):
        groups.setdefault(label, []).append(title)
    parts = [tp.NATIONAL_PART.format(indicators=", ".join(titles), label=label) for label, titles in groups.items()]
    return tp.NATIONAL_NOTE.format(basis="; ".join(parts))


def rate_explanation(indicator_id: str, *, period: str) -> str:
    """'Teller: …; noemer: …; waarde = teller / noemer × 100 (%). Periode 2016-2020.' for one indicator."""
    ind = indicator(indicator_id)
    return tp.EXPLAIN_RATE.format(title=ind.short_title, numerator=ind.numerator_label,
                                  denominator=ind.denominator_label, multiplier=ind.multiplier, unit=ind.unit,
                                  period=period)


def not_compared_note(spine: pd.DataFrame) -> str:
    """'Niet in deze vergelijking (geen landelijk cijfer): Perinatale sterfte (7 dagen).' ('' when all compare)."""
    missing = spine.loc[spine["national_value"].isna(), "short_title"].astype(str).tolist() if not spine.empty else []
    return tp.NOT_COMPARED_NOTE.format(indicators=", ".join(missing)) if missing else ""


def spine_explanation(spine: pd.DataFrame, *, period: str) -> str:
    """Teller/noemer of every indicator in the spine chart, and its period."""
    parts = []
    for indicator_id in spine["indicator_id"]:
        ind = indicator(str(indicator_id))
        parts.append(tp.EXPLAIN_PART.format(title=ind.short_title, numerator=ind.numerator_label,
                                            denominator=ind.denominator_label))
    return tp.EXPLAIN_SPINE.format(period=period, parts="; ".join(parts))


def periods_text(trend: pd.DataFrame) -> str:
    """'2016-2018 tot en met 2018-2020' for the periods of a trend frame."""
    periods = list(dict.fromkeys(trend["period"].astype(str)))
    return tp.PERIODS_RANGE.format(first=periods[0], last=periods[-1]) if len(periods) > 1 else periods[0]


def spine_alt(spine: pd.DataFrame, *, name: str, period: str) -> str:
    """Alt text (Dutch) of the spine chart."""
    return tp.ALT_SPINE.format(name=name, period=period, n=len(spine),
                               indicators=", ".join(spine["short_title"].astype(str)))


def trend_alt(trend: pd.DataFrame, *, indicator: str, name: str) -> str:
    """Alt text (Dutch) of the trend chart."""
    return tp.ALT_TREND.format(indicator=indicator, name=name, periods=periods_text(trend))


def peers_alt(peers: pd.DataFrame, *, indicator: str, name: str, period: str) -> str:
    """Alt text (Dutch) of the peer (forest) chart."""
    return tp.ALT_PEERS.format(indicator=indicator, name=name, period=period,
                               n=int((~peers["is_own"].astype(bool)).sum()))


def definition_lines(profile: pd.DataFrame) -> list[str]:
    """One markdown line per indicator of a profile: its definition, variant, teller and noemer."""
    lines = []
    for indicator_id, variant in zip(profile["indicator_id"], profile["variant"]):
        ind = indicator(str(indicator_id))
        lines.append(tp.DEFINITION_ITEM.format(title=ind.short_title, definition=ind.definition, variant=variant,
                                               numerator=ind.numerator_label, denominator=ind.denominator_label))
    return lines


def method_note(profile: pd.DataFrame) -> str:
    """'Het 95%-betrouwbaarheidsinterval is berekend met de methode van Wilson.' ('' when no row names a method)."""
    methods = [m for m in dict.fromkeys(profile.get("method", pd.Series(dtype=str)).dropna().astype(str)) if m]
    return tp.CI_METHOD_NOTE.format(method=" / ".join(methods)) if methods else ""
