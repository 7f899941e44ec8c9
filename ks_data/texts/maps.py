"""Dutch strings of the map page, the gemeente picker and the map tooltips/legends."""

from __future__ import annotations

# Gemeente picker (sidebar, shared by every page)
PICKER_MERGED = "{name} (nu {successor})"
PICKER_NO_CACHE = "Gemeentekeuze niet beschikbaar: het grenzenbestand is nog niet gebouwd (zie de pagina Kaart)."

# Page
TITLE = "Kaart"
INTRO = (
    "Kies een indicator om de gemeenten van Nederland te kleuren. Kies een gemeente (in de zijbalk, "
    "of klik op de kaart) om de postcodegebieden (PC4) van die gemeente te zien."
)
INDICATOR_LABEL = "Indicator"
PERIOD_LABEL = "Periode"
COLOUR_BY_LABEL = "Kleur naar"
COLOUR_BY_VALUE = "waarde (5 klassen)"
COLOUR_BY_COMPARISON = "vergelijking met Nederland"
COLOUR_OPTIONS = {"waarde": COLOUR_BY_VALUE, "vergelijking": COLOUR_BY_COMPARISON}  # ?kleur= in the URL
BOUNDARY_YEAR_LABEL = "Gemeentegrenzen"
BOUNDARY_YEAR_OPTION = "indeling {year}"
BOUNDARY_NOTE = (
    "Kaart met gemeentegrenzen van {year}. De cijfers horen bij de gemeentelijke indeling van {data_year}."
)
BOUNDARY_NOTE_MAPPED = (
    " Voor gemeenten die na {data_year} zijn samengevoegd zijn de aantallen van de delen opgeteld "
    "(alleen als geen enkel deel is onderdrukt); de tooltip noemt de delen."
)
NATIONAL_HEADING = "Gemeenten in Nederland"
PC4_HEADING = "Postcodegebieden (PC4) in {name}"
PC4_NOTE = (
    "PC4-grenzen van {pc4_year}, toegewezen aan de gemeente (indeling {year}) waar het grootste deel "
    "van het gebied ligt."
)
PC4_NONE = "Er zijn geen postcodegebieden gevonden voor deze gemeente."
PC4_HINT = "Kies een gemeente in de zijbalk of klik op een gemeente op de kaart om de postcodegebieden te zien."
TABLE_HEADING = "Tabel"
NO_INDICATORS = "Er zijn nog geen cijfers per gemeente beschikbaar om op de kaart te tonen."
DATA_ERROR = "De cijfers voor de kaart konden niet worden geladen."
MAP_LOAD_ERROR = ("De kaartgegevens konden niet worden geladen. Vernieuw de pagina (F5); helpt dat niet, "
                  "start de app opnieuw.")  # shown inside the map when its static files fail to load

# Missing boundary cache (fresh machine, offline)
NO_CACHE_TITLE = "De kaart is nog niet beschikbaar op deze computer"
NO_CACHE_BODY = """De kaart heeft een bestand met gemeente- en postcodegrenzen nodig. Dat wordt één keer
aangemaakt en daarna werkt de kaart ook zonder internet.

**Zo bouwt u het grenzenbestand** (in de map van het dashboard, in een terminal):

- met internet (officiële bestanden van CBS/PDOK): `make data`
- zonder internet, vanuit een map met grensbestanden: `make data KS_GEO_SOURCE=/pad/naar/geo`
  (of `python -m ks_data.geo --from /pad/naar/geo`)

Herstart daarna het dashboard. Alle andere pagina's werken ook zonder grenzenbestand.

Verwachte map: `{folder}`"""

# Attribution (required by CBS; shown on the map itself and under it)
ATTRIBUTION_GEMEENTEN = "Bron: CBS"
ATTRIBUTION_PC4 = "© Centraal Bureau voor de Statistiek, © ESRI Nederland"
SOURCE_GEMEENTEN = "CBS Gebiedsindelingen (gemeentegrenzen {year})"
SOURCE_PC4 = "CBS postcodegebieden (PC4) {year}; © Centraal Bureau voor de Statistiek, © ESRI Nederland"

# Tooltip (on the map) and table columns
TT_VALUE = "Waarde"
TT_N = "n"
TT_PERIOD = "Periode"
TT_INTERVAL = "95%-BI"
TT_COMPARISON = "Vergeleken met Nederland"
TT_NO_DATA = "Geen gegevens"
TT_SYNTHETIC = "synthetisch voorbeeld"
TT_PARTS = "Delen (indeling {data_year})"
TT_COUNT = "aantal"
DERIVED = "afgeleid uit percentage"
NO_DATA_REASON = "geen cijfers voor dit gebied"
MERGED_SUPPRESSED = "samengevoegde gemeente: niet alle delen hebben cijfers die getoond mogen worden"
COL_AREA = "Gebied"
COL_CODE = "Code"
COL_VALUE = "Waarde"
COL_INTERVAL = "95%-BI"
COL_N = "n"
COL_COMPARISON = "T.o.v. Nederland"
COL_NOTE = "Opmerking"
VALUE_NOT_SHOWN = "niet getoond"  # table cell of a suppressed or missing area; the reason stands under Opmerking
COL_PERIOD = "Periode"
COL_NUMERATOR = "Teller"
COL_DENOMINATOR = "Noemer"
COL_LOWER = "Ondergrens 95%-BI"
COL_UPPER = "Bovengrens 95%-BI"
COL_PARTS = "Delen (indeling 2021)"
COL_DERIVED = "Herkomst aantal"
NATIONAL_REFERENCE = "Nederland: {value} ({label})."
NATIONAL_NONE = "Nederland: {label}; gemeenten worden niet vergeleken."

COMPARISON_LABELS = {
    "better": "beter",
    "similar": "vergelijkbaar",
    "worse": "slechter",
    "higher": "hoger",
    "lower": "lager",
    "not_compared": "niet vergeleken",
}

# Legend
LEGEND_TITLE_VALUE = "{indicator} ({period})"
LEGEND_TITLE_COMPARISON = "Vergeleken met Nederland"
LEGEND_CLASS = "{low} tot {high}"
LEGEND_NO_DATA = "geen gegevens / onderdrukt"
LEGEND_NOTE = "Klassen met een gelijk aantal gemeenten (kwintielen). Precieze waarden staan in de tooltip en de tabel."
PC4_AREA_NAME = "Postcode {pc4}"
SOURCE_DATA = "cijfers: {source}"
BOUNDARY_YEARS = {2023: "2023 (huidige indeling)", 2021: "2021 (indeling van de cijfers)"}  # ?grenzen=
DOWNLOAD_PC4_FILE = "kansrijke_start_pc4_{code}_{indicator}_{period}.csv"
DOWNLOAD_NATIONAL_FILE = "kansrijke_start_gemeenten_{indicator}_{period}_grenzen_{year}.csv"
NATIONAL_TABLE = "Tabel bij de kaart: alle gemeenten"
EXPLAIN = (
    "**Wat staat op de kaart?** {title}: {definition} Teller: {numerator}. Noemer: {denominator}. "
    "Waarde = teller / noemer, in {unit}, over de periode {period} (meerdere jaren samen, zodat ook kleine "
    "gemeenten genoeg geboorten hebben). Bij weinig geboorten worden cijfers niet getoond (onderdrukt). "
    "Definitie: {definition_source}. Cijfers: {data_source}."
)
