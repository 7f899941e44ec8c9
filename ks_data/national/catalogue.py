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
# What range_min/range_max of a value mean: the spread between organisations in that year (Tabel 3/4), or
# the lowest and highest value over the years range_from..year (where the monitor states only that range).
RANGE_BASES = ("organisations", "years")

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
    Column("range_basis", required=False, choices=frozenset(RANGE_BASES)),
    Column("range_from", "int", required=False, minimum=2000, maximum=2100),
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
    """A named part of an indicator (e.g. preterm within Big2); ``decimals`` when it differs from the indicator."""

    id: str
    name: str
    decimals: int | None = None


@dataclass(frozen=True)
class Quoted:
    """What a source document says, in our words (``text``), with the exact phrases it says it with
    (``quotes``, checked against the document in the tests), the document's id and the section."""

    text: str
    quotes: tuple[str, ...]
    section: str
    document: str = "rivm_monitor_2021"


@dataclass(frozen=True)
class Fact(Quoted):
    """A fact about the programme or the data (indicators.yaml ``background``), shown on the Start page and
    with the indicators and periods it names."""

    id: str = ""
    indicators: tuple[str, ...] = ()
    periods: tuple[str, ...] = ()

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
    polarity_basis: Quoted | None = None  # why this desired direction (or why none)
    trend_statement: Quoted | None = None  # the monitor's own words about the trend
    trend_caution: Quoted | None = None  # the monitor asks to interpret the trend with care
    details: tuple[Quoted, ...] = ()

    @property
    def main_series(self) -> str:
        """The series holding the indicator's headline value."""
        return self.series[0].id if self.series else self.id

    def series_decimals(self) -> dict[str, int]:
        """Decimals per series id (the indicator's own unless a series says otherwise)."""
        own = {self.id: self.decimals}
        return own | {s.id: self.decimals if s.decimals is None else s.decimals for s in self.series}

@dataclass(frozen=True)
class Catalogue:
    """All national indicator data, loaded and validated."""

    document: str
    indicators: tuple[Indicator, ...]
    values: pd.DataFrame
    coalitions: pd.DataFrame
    background: tuple[Fact, ...] = ()
    documents: dict[str, str] | None = None  # document id -> title

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

    def facts_for(self, *, indicator_id: str | None = None, period: str | None = None) -> tuple[Fact, ...]:
        """Background facts naming this indicator or this period (all of them when both are None)."""
        return tuple(
            fact for fact in self.background
            if (indicator_id is None and period is None) or indicator_id in fact.indicators or period in fact.periods
        )

    def document_title(self, document_id: str) -> str:
        """The title of a source document by its id (the monitor's for an unknown id)."""
        return (self.documents or {}).get(document_id, self.document)

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
    raw = read_yaml(folder / INDICATORS_FILE, schema_path=paths.SCHEMA_DIR / SCHEMA_FILE)
    indicators = _indicators(raw, INDICATORS_FILE)
    values = load_values(folder / VALUES_FILE, indicators)
    coalitions = read_csv(folder / COALITIONS_FILE, COALITION_COLUMNS, key=("year",))
    return Catalogue(document=raw["documents"][0]["title"], indicators=indicators, values=values,
                     coalitions=coalitions, background=tuple(_fact(entry) for entry in raw.get("background", ())),
                     documents={d["id"]: d["title"] for d in raw["documents"]})


def load_indicator_metadata(path: Path) -> tuple[str, tuple[Indicator, ...]]:
    """Read indicators.yaml, validate it against its JSON Schema; return (document title, indicators)."""
    raw = read_yaml(path, schema_path=paths.SCHEMA_DIR / SCHEMA_FILE)
    return raw["documents"][0]["title"], _indicators(raw, path.name)


def _indicators(raw: dict, name: str) -> tuple[Indicator, ...]:
    """The indicators of a validated indicators.yaml; ids unique, every cited document listed."""
    indicators = tuple(_indicator(entry) for entry in raw["indicators"])
    ids = [ind.id for ind in indicators]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        message = tv.DUPLICATE_KEY.format(columns="id", other_row="-")
        raise DataFileError(name, [Problem(name, f"{d}: {message}", column="id") for d in duplicates])
    documents = [d["id"] for d in raw["documents"]]
    cited = [q.get("document", documents[0]) for entry in raw["indicators"] for q in _quoted_entries(entry)]
    unknown = sorted(set(cited + [f.get("document", documents[0]) for f in raw.get("background", ())]) - set(documents))
    if unknown:
        expected = ", ".join(documents)
        raise DataFileError(name, [Problem(name, tv.NOT_ALLOWED.format(value=d, expected=expected), column="document")
                                   for d in unknown])
    return indicators

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
        problems += _range_problems(row, file=path.name, line=line)
    if problems:
        raise DataFileError(path.name, problems)
    return frame

def _range_problems(row: pd.Series, *, file: str, line: int) -> list[Problem]:
    """A range needs its basis, lies around the value, and a range over years starts before the row's year."""
    if pd.isna(row["range_min"]) and pd.isna(row["range_max"]):
        return []
    if pd.isna(row["range_min"]) or pd.isna(row["range_max"]) or pd.isna(row["range_basis"]):
        missing = next(c for c in ("range_min", "range_max", "range_basis") if pd.isna(row[c]))
        return [Problem(file, tv.EMPTY_CELL, row=line, column=missing)]
    if row["value"] < row["range_min"]:
        return [Problem(file, tv.BELOW_MINIMUM.format(value=row["value"], minimum=row["range_min"]), row=line,
                        column="value")]
    if row["value"] > row["range_max"]:
        return [Problem(file, tv.ABOVE_MAXIMUM.format(value=row["value"], maximum=row["range_max"]), row=line,
                        column="value")]
    if row["range_basis"] == "years" and pd.isna(row["range_from"]):
        return [Problem(file, tv.EMPTY_CELL, row=line, column="range_from")]
    if row["range_basis"] == "years" and row["range_from"] >= row["year"]:
        return [Problem(file, tv.ABOVE_MAXIMUM.format(value=row["range_from"], maximum=row["year"] - 1), row=line,
                        column="range_from")]
    return []


_QUOTED_FIELDS = ("polarity_basis", "trend_statement", "trend_caution")


def _quoted_entries(entry: dict) -> list[dict]:
    return [entry[f] for f in _QUOTED_FIELDS if f in entry] + list(entry.get("details", ()))


def _quoted(entry: dict) -> Quoted:
    return Quoted(**{**entry, "quotes": tuple(entry["quotes"])})


def _fact(entry: dict) -> Fact:
    return Fact(**{**entry, "quotes": tuple(entry["quotes"]), "indicators": tuple(entry.get("indicators", ())),
                   "periods": tuple(entry.get("periods", ()))})


def _indicator(entry: dict) -> Indicator:
    fields = dict(entry)
    fields["periods"] = tuple(fields.get("periods", ()))
    fields["series"] = tuple(Series(**s) for s in fields.get("series", ()))
    for name in _QUOTED_FIELDS:
        if name in fields:
            fields[name] = _quoted(fields[name])
    fields["details"] = tuple(_quoted(d) for d in fields.get("details", ()))
    return Indicator(**fields)
