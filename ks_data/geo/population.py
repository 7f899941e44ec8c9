"""Population proxy per PC4 (young children per year of age, a stand-in for yearly births), cached with the boundaries.

The synthetic demo spreads its births over PC4 areas by this proxy (``ks_data.perinatal.synthetic``). Two
sources give the same kind of figure, children of the youngest age groups divided by the years they span:

- ``pc4_population_2021.csv`` in the source folder (format of ``../shared/geo``, see its SOURCES.md): CBS
  StatLine inhabitants and inhabitants aged 0-4 per PC4 on 1 January 2021 (0-4 / 5 ~ births per year).
- ``pc4_population_2020.csv``, written by the real download (``ks_data.geo.download``) from the CBS PC4
  statistics file it fetches for the polygons: ``INWONER`` and ``INW_014`` (aged 0-14) on 1 January 2020
  (0-14 / 15 ~ births per year). CBS writes hidden or unknown cells as negative codes (-99997); they become NA.

The build writes ``table_pc4_population.parquet`` (pc4, inhabitants, young_children, births_proxy) into the
boundary cache (git-ignored, like everything derived from CBS files) and describes it in the manifest under
``population``. Without a population file the build warns and the generator falls back to its area-density proxy.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from ks_data import paths
from ks_data.geo.cache import MANIFEST

TABLE_FILE = "table_pc4_population.parquet"
MANIFEST_KEY = "population"


@dataclass(frozen=True)
class PopulationSource:
    """One accepted population file: its name, the young-children column and the years that column spans."""

    file: str
    children_column: str
    age_years: int
    reference_date: str
    description: str


# In order of preference: the first file present in the source folder is used.
SOURCES: tuple[PopulationSource, ...] = (
    PopulationSource("pc4_population_2021.csv", "inhabitants_0_4", 5, "2021-01-01",
                     "CBS StatLine 83502NED/83503NED, inwoners 0-4 jaar per PC4, 1 januari 2021"),
    PopulationSource("pc4_population_2020.csv", "inhabitants_0_14", 15, "2020-01-01",
                     "CBS, Statistische gegevens per postcode 2020, inwoners 0-14 jaar per PC4, 1 januari 2020"),
)
DOWNLOAD_SOURCE = SOURCES[1]  # what ks_data.geo.download writes from the CBS PC4 file
# Columns of the CBS PC4 statistics file (download route) and their names in pc4_population_2020.csv.
CBS_COLUMNS = {"INWONER": "inhabitants", "INW_014": "inhabitants_0_14"}
NO_POPULATION_WARNING = (
    "Geen bevolkingsbestand per PC4 gevonden in {folder} (verwacht: {files}); het synthetische voorbeeld "
    "verdeelt de geboorten dan naar de oppervlakte van de postcodes. / No PC4 population file in {folder}: "
    "the synthetic demo falls back to its area-density proxy for births."
)


class PopulationFileError(ValueError):
    """A population file is present but lacks a column or holds a value that is not a count."""


def find_source(folder: Path) -> PopulationSource | None:
    """The first accepted population file present in ``folder`` (None when there is none)."""
    return next((s for s in SOURCES if (Path(folder) / s.file).is_file()), None)


def _counts(frame: pd.DataFrame, column: str, file: str) -> pd.Series:
    """A count column as nullable integers; empty cells and CBS's negative secrecy codes become NA."""
    values = pd.to_numeric(frame[column].replace("", pd.NA), errors="coerce")
    bad = frame[column].ne("") & frame[column].notna() & values.isna()
    if bad.any():
        row = int(bad.idxmax()) + 2
        raise PopulationFileError(f"{file}, rij {row}, kolom '{column}': '{frame.loc[bad.idxmax(), column]}' "
                                  f"is geen aantal / not a count")
    return values.where(values >= 0).round().astype("Int64")


def read_source(folder: Path, source: PopulationSource) -> pd.DataFrame:
    """Read one population file; returns pc4 (4-digit str), inhabitants, young_children, births_proxy.

    ``births_proxy`` = young children / the years their age group spans (a stock, not a birth count).

    Raises:
        PopulationFileError: a column is missing or a cell is not a count.
    """
    path = Path(folder) / source.file
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    missing = [c for c in ("pc4", "inhabitants", source.children_column) if c not in frame.columns]
    if missing:
        raise PopulationFileError(f"{source.file}: kolommen ontbreken / columns missing: {', '.join(missing)}")
    children = _counts(frame, source.children_column, source.file)
    out = pd.DataFrame({
        "pc4": frame["pc4"].str.strip().str.replace(r"\.0$", "", regex=True).str.zfill(4),
        "inhabitants": _counts(frame, "inhabitants", source.file),
        "young_children": children,
        "births_proxy": children.astype("Float64") / source.age_years,
    })
    return out.drop_duplicates("pc4").sort_values("pc4").reset_index(drop=True)


def from_cbs_pc4(frame: pd.DataFrame) -> pd.DataFrame | None:
    """The columns of ``pc4_population_2020.csv`` from the CBS PC4 statistics attributes, or None without them.

    >>> row = from_cbs_pc4(pd.DataFrame({"pc4": ["1011"], "INWONER": [9630], "INW_014": [-99997]})).iloc[0]
    >>> int(row["inhabitants"]), pd.isna(row["inhabitants_0_14"])  # CBS's secrecy code becomes NA
    (9630, True)
    """
    if not set(CBS_COLUMNS) <= set(frame.columns):
        return None
    out = pd.DataFrame({"pc4": frame["pc4"].astype(str)})
    for cbs, name in CBS_COLUMNS.items():
        values = pd.to_numeric(frame[cbs], errors="coerce")
        out[name] = values.where(values >= 0).round().astype("Int64")
    return out.reset_index(drop=True)


def build_table(source_folder: Path, work: Path) -> dict | None:
    """Write the cached population table into ``work`` from the first population file in ``source_folder``.

    Returns:
        The manifest entry (file, description, reference date, age span, PC4 rows, national births proxy),
        or None when the folder holds no population file.

    Raises:
        PopulationFileError: the file is present but broken.
    """
    source = find_source(source_folder)
    if source is None:
        return None
    table = read_source(source_folder, source)
    table.to_parquet(Path(work) / TABLE_FILE, index=False)
    return {
        "file": source.file, "description": source.description, "reference_date": source.reference_date,
        "children_column": source.children_column, "age_years": source.age_years, "rows": len(table),
        "births_proxy_total": round(float(table["births_proxy"].sum(skipna=True)), 1),
    }


def missing_warning(source_folder: Path) -> str:
    """The warning the build gives when ``source_folder`` has no population file."""
    return NO_POPULATION_WARNING.format(folder=source_folder, files=" of ".join(s.file for s in SOURCES))


def _folder(cache_dir: Path | None) -> Path:
    return Path(cache_dir) if cache_dir is not None else paths.GEO_CACHE_DIR


def read_births_proxy(*, cache_dir: Path | None = None) -> pd.DataFrame | None:
    """The cached proxy per PC4 (pc4, inhabitants, young_children, births_proxy), or None when not built."""
    path = _folder(cache_dir) / TABLE_FILE
    return pd.read_parquet(path) if path.is_file() else None


def proxy_info(*, cache_dir: Path | None = None) -> dict | None:
    """The manifest entry of the cached population table (see :func:`build_table`), or None."""
    try:
        manifest = json.loads((_folder(cache_dir) / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return manifest.get(MANIFEST_KEY)
