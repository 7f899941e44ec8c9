"""Perinatal indicator metadata: data/perinatal_indicators.yaml, checked against its JSON Schema on load."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pandas as pd

from ks_data import paths
from ks_data.core.validation import UnknownIndicator, read_yaml

INDICATORS_FILE = "perinatal_indicators.yaml"
SCHEMA_FILE = "perinatal_indicators.schema.json"

@dataclass(frozen=True)
class PerinatalIndicator:
    """Metadata of one perinatal indicator (from data/perinatal_indicators.yaml)."""

    id: str
    title: str
    short_title: str
    definition: str
    variant: str
    numerator: str
    denominator: str
    numerator_label: str
    denominator_label: str
    unit: str
    multiplier: int
    decimals: int
    polarity: str
    source: str
    national_reference: dict | None = None  # {indicator, series} of the matching RIVM series (ks_data.national)
    from_weeks: int = 24  # the week of pregnancy from which the definition counts births and events

def load_indicators(path: Path) -> tuple[PerinatalIndicator, ...]:
    """Read an indicator file and validate it against ``data/schemas/perinatal_indicators.schema.json``.

    Raises:
        DataFileError: the file is missing, is no valid YAML or breaks the schema (one problem per error,
            its ``column`` the path of the offending field, e.g. ``indicators/0/unit``).
    """
    document = read_yaml(Path(path), schema_path=paths.SCHEMA_DIR / SCHEMA_FILE)
    return tuple(PerinatalIndicator(**entry) for entry in document["indicators"])

@lru_cache(maxsize=4)
def _indicators(path: str) -> tuple[PerinatalIndicator, ...]:
    return load_indicators(Path(path))

def indicators() -> tuple[PerinatalIndicator, ...]:
    """All perinatal indicators of ``paths.DATA_DIR``, in display order (validated once per folder)."""
    return _indicators(str(paths.DATA_DIR / INDICATORS_FILE))

def indicator(indicator_id: str) -> PerinatalIndicator:
    """One indicator by id; raises UnknownIndicator."""
    for item in indicators():
        if item.id == indicator_id:
            return item
    raise UnknownIndicator(indicator_id)

def definition_weeks() -> tuple[int, int]:
    """From which week of pregnancy the definitions count (Big2 group, perinatal mortality): the proposal of
    the import step for a file that does not say."""
    weeks = {i.numerator: i.from_weeks for i in indicators()}
    return weeks.get("big2", 24), weeks.get("perinatal_deaths", 24)


def available_indicators(frame: pd.DataFrame) -> list[PerinatalIndicator]:
    """Indicators whose numerator column has at least one value in the tidy ``frame``."""
    return [i for i in indicators() if i.numerator in frame.columns and frame[i.numerator].notna().any()]
