"""'Wat valt op': the indicators where a gemeente differs significantly from Nederland, in Dutch sentences."""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from ks_data.texts import common as tc
from ks_data.texts import perinatal as tp

# Comparison categories (core.stats.compare) that mean: the 95% interval does not hold the national value.
SIGNIFICANT = ("worse", "better", "higher", "lower")


@dataclass(frozen=True)
class Finding:
    """One indicator that differs significantly from the reference: its category and its sentence."""

    indicator_id: str
    title: str
    comparison: str
    text: str


@dataclass(frozen=True)
class Gist:
    """What the first screen of 'Mijn gemeente' says: significant findings, then what is not (or cannot be)
    compared. Lists hold short indicator titles in profile order."""

    findings: list[Finding] = field(default_factory=list)
    similar: list[str] = field(default_factory=list)
    suppressed: list[str] = field(default_factory=list)
    not_compared: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        """The summary as Dutch markdown lines: each finding, or plainly that nothing differs, then the rest."""
        lines = [f.text for f in self.findings]
        if not self.findings and self.similar:
            lines.append(tp.GIST_NONE_SIGNIFICANT.format(n=len(self.similar)))
        elif not self.findings and not self.suppressed and not self.not_compared:
            lines.append(tp.GIST_EMPTY)
        if self.findings and self.similar:
            lines.append(tp.GIST_SIMILAR.format(indicators=", ".join(self.similar)))
        if self.suppressed:
            lines.append(tp.GIST_SUPPRESSED.format(indicators=", ".join(self.suppressed)))
        if self.not_compared:
            lines.append(tp.GIST_NOT_COMPARED.format(indicators=", ".join(self.not_compared)))
        return lines


def finding_text(row: pd.Series | dict) -> str:
    """'**Big2**: 17,2% tegen 15,0% in Nederland — hoger dan landelijk, ongunstig (significant)' for a rates row
    whose comparison is significant (higher/lower without a judgement when no direction is good)."""
    unit, decimals = row.get("unit", "%"), int(row.get("decimals", 1) or 1)
    value, national = float(row["value"]), float(row["national_value"])
    comparison = str(row["comparison"])
    return tp.GIST_FINDING.format(
        title=row.get("short_title", ""), value=tc.fmt_value(value, unit=unit, decimals=decimals),
        national=tc.fmt_value(national, unit=unit, decimals=decimals),
        direction=tp.GIST_DIRECTION["higher" if value > national else "lower"],
        judgement=tp.GIST_JUDGEMENT.get(comparison, ""))


def gist(profile: pd.DataFrame) -> Gist:
    """Sort the rows of a profile (``perinatal.profile.overview`` or ``spine``) into what the summary says.

    Significant (the interval excludes the national value, ``core.stats.compare``): unfavourable first, then
    favourable, then higher/lower; suppressed rows and rows without a national value are listed apart.
    """
    if profile.empty:
        return Gist()
    findings, similar, suppressed, not_compared = [], [], [], []
    for _, row in profile.iterrows():
        title = str(row.get("short_title", ""))
        if bool(row.get("suppressed")) or pd.isna(row.get("value")):
            suppressed.append(title)
        elif pd.isna(row.get("national_value")):
            not_compared.append(title)
        elif row.get("comparison") in SIGNIFICANT:
            findings.append(Finding(str(row.get("indicator_id", "")), title, str(row["comparison"]),
                                    finding_text(row)))
        else:
            similar.append(title)
    findings.sort(key=lambda f: SIGNIFICANT.index(f.comparison))  # stable: profile order within a category
    return Gist(findings, similar, suppressed, not_compared)
