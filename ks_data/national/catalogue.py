"""The 15 national RIVM indicators: metadata (indicators.yaml), values and the coalition table."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from ks_data import paths
from ks_data.texts import validation as tv
from ks_data.core.validation import Column, DataFileError, Problem, UnknownIndicator, read_csv, read_yaml

INDICATORS_FILE = "indicators.yaml"
VALUES_FILE = "indicator_values.csv"
COALITIONS_FILE = "coalitions.csv"
SCHEMA_FILE = "indicators.schema.json"

TYPES = ("programmabreed", "proces", "uitkomst")
PERIODS = ("voor", "tijdens", "na")

VALUE_COLUMNS = (
    Column("indicator_id"),
    Column("series"),
    Column("year", "int", minimum=2000, maximum=2100),
    Column("value", "float", minimum=0),
    Column("numerator", "int", required=False, minimum=0),
    Column("denominator", "int", required=False, minimum=1),
    Column("value_derived", "bool"),
    Column("range_min", "float", required=False, minimum=0),
    Column("range_max", "float", required=False, minimum=0),
    Column("source_ref"),
    Column("note", required=False),
)
COALITION_COLUMNS = (
    Column("year", "int", minimum=2000, maximum=2100),
    Column("impuls_gemeenten", "int", minimum=1),
    Column("respondents", "int", minimum=1),
    Column("formed", "int", minimum=0),
    Column("in_development", "int", minimum=0),
    Column("no_coalition", "int", required=False, minimum=0),
    Column("pct_formed_of_impuls", "int", minimum=0, maximum=100),
    Column("pct_formed_of_respondents", "int", minimum=0, maximum=100),
    Column("pct_in_development_of_impuls", "int", minimum=0, maximum=100),
    Column("pct_in_development_of_respondents", "int", minimum=0, maximum=100),
    Column("source_ref"),
    Column("note", required=False),
)

@dataclass(frozen=True)
class Series:
    """A named part of an indicator (e.g. preterm within Big2)."""

    id: str
    name: str

@dataclass(frozen=True)
class Indicator:
    """Metadata of one national indicator, as in indicators.yaml."""

    id: str
    number: int
    name: str
    short_name: str
    type: str
    periods: tuple[str, ...]
    numerator: str
    denominator: str
    source_org: str
    unit: str
    decimals: int
    polarity: str
    section: str
    reference_date: str | None = None
    definition_variant: str | None = None
    caveat: str | None = None
    series: tuple[Series, ...] = ()

    @property
    def main_series(self) -> str:
        """The series holding the indicator's headline value."""
        return self.series[0].id if self.series else self.id

@dataclass(frozen=True)
class Catalogue:
    """All national indicator data, loaded and validated."""

    document: str
    indicators: tuple[Indicator, ...]
    values: pd.DataFrame
    coalitions: pd.DataFrame

    def get(self, indicator_id: str) -> Indicator:
        """The indicator with this id; raises UnknownIndicator."""
        for ind in self.indicators:
            if ind.id == indicator_id:
                return ind
        raise UnknownIndicator(indicator_id)

    def values_for(self, indicator_id: str, *, series: str | None = None) -> pd.DataFrame:
        """Stated values of one indicator (one series, or all when ``series`` is None), by year."""
        ind = self.get(indicator_id)
        rows = self.values[self.values["indicator_id"] == ind.id]
        if series is not None:
            rows = rows[rows["series"] == series]
        return rows.sort_values(["series", "year"]).reset_index(drop=True)

    def select(self, *, types: tuple[str, ...] = (), periods: tuple[str, ...] = ()) -> tuple[Indicator, ...]:
        """Indicators of any of ``types`` and touching any of ``periods`` (empty = no filter)."""
        return tuple(
            ind
            for ind in self.indicators
            if (not types or ind.type in types) and (not periods or set(ind.periods) & set(periods))
        )

def load_catalogue(data_dir: Path | None = None) -> Catalogue:
    """Load and validate indicators.yaml, indicator_values.csv and coalitions.csv.

    Raises:
        DataFileError: naming file, row and column of every problem.
    """
    folder = Path(data_dir) if data_dir is not None else paths.DATA_DIR
    document, indicators = load_indicator_metadata(folder / INDICATORS_FILE)
    values = load_values(folder / VALUES_FILE, indicators)
    coalitions = read_csv(folder / COALITIONS_FILE, COALITION_COLUMNS, key=("year",))
    return Catalogue(document=document, indicators=indicators, values=values, coalitions=coalitions)

def load_indicator_metadata(path: Path) -> tuple[str, tuple[Indicator, ...]]:
    """Read indicators.yaml, validate it against its JSON Schema; return (document title, indicators)."""
    name = path.name
    raw = read_yaml(path, schema_path=paths.SCHEMA_DIR / SCHEMA_FILE)
    indicators = tuple(_indicator(entry) for entry in raw["indicators"])
    ids = [ind.id for ind in indicators]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        message = tv.DUPLICATE_KEY.format(columns="id", other_row="-")
        raise DataFileError(name, [Problem(name, f"{d}: {message}", column="id") for d in duplicates])
    return raw["documents"][0]["title"], indicators

def load_values(path: Path, indicators: tuple[Indicator, ...]) -> pd.DataFrame:
    """Read indicator_values.csv and check ids, series and numerator <= denominator."""
    frame = read_csv(path, VALUE_COLUMNS, key=("indicator_id", "series", "year"))
    known = {ind.id: {s.id for s in ind.series} | {ind.id} for ind in indicators}
    problems = []
    for index, row in frame.iterrows():
        line = int(index) + 2
        if row["indicator_id"] not in known:
            message = tv.NOT_ALLOWED.format(value=row["indicator_id"], expected=", ".join(known))
            problems.append(Problem(path.name, message, row=line, column="indicator_id"))
        elif row["series"] not in known[row["indicator_id"]]:
            message = tv.NOT_ALLOWED.format(value=row["series"], expected=", ".join(sorted(known[row["indicator_id"]])))
            problems.append(Problem(path.name, message, row=line, column="series"))
        if pd.notna(row["numerator"]) and pd.notna(row["denominator"]) and row["numerator"] > row["denominator"]:
            message = tv.ABOVE_MAXIMUM.format(value=row["numerator"], maximum=row["denominator"])
            problems.append(Problem(path.name, message, row=line, column="numerator"))
    if problems:
        raise DataFileError(path.name, problems)
    return frame

def _indicator(entry: dict) -> Indicator:
    fields = dict(entry)
    fields["periods"] = tuple(fields.get("periods", ()))
    fields["series"] = tuple(Series(**s) for s in fields.get("series", ()))
    return Indicator(**fields)
