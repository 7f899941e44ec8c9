"""Dutch strings of the perinatal data layer: validation messages, the profile page and the data page."""

from __future__ import annotations

import errno

# --- Validation of user files (perinatal.reader) -------------------------------------------------------
SEVERITY = {"error": "Fout", "warning": "Waarschuwing"}

FILE_EMPTY = "Het bestand is leeg."
FILE_NO_ROWS = "Het bestand heeft een kopregel maar geen rijen met gegevens."
FILE_TOO_LARGE = (
    "Het bestand is {size} MB; het maximum is {limit} MB. Laad een kleiner bestand, bijvoorbeeld alleen "
    "de gemeente(n) of jaren die u nodig hebt."
)
FILE_TYPE = "Bestandstype '{suffix}' wordt niet ondersteund. Gebruik CSV (.csv, .txt) of Excel (.xlsx)."
FILE_OLD_EXCEL = "Oud Excel-formaat (.xls) wordt niet ondersteund. Sla het bestand op als .xlsx of als CSV."
FILE_ENCODING = "De tekens in het bestand zijn niet te lezen. Sla het op als CSV UTF-8 (of Windows-1252)."
FILE_UNREADABLE = "Het bestand '{kind}' kon niet worden gelezen ({detail})."
FILE_BAD_EXCEL = "Het bestand is geen leesbare Excel-werkmap (beschadigd of een ander formaat). Sla het opnieuw op als .xlsx of als CSV."
FILE_BAD_CSV = "Het CSV-bestand is niet goed opgebouwd (bijvoorbeeld een aanhalingsteken dat niet wordt gesloten)."
FILE_ONE_COLUMN = (
    "Het bestand heeft maar één kolom ('{header}'). Waarschijnlijk is het scheidingsteken niet herkend: "
    "gebruik een puntkomma (;) of komma (,) tussen de kolommen."
)
MISSING_COLUMN = "Verplichte kolom ontbreekt: {column}. Toegestane kolomnamen zijn bijvoorbeeld: {aliases}."
NO_EVENT_COLUMN = (
    "Geen enkele uitkomstkolom gevonden. Verwacht minstens één van: Big2, vroeggeboorte, laag "
    "geboortegewicht (SGA) of perinatale sterfte (aantallen)."
)
UNKNOWN_COLUMNS = "Deze kolommen worden niet gebruikt: {columns}."
CELL_MESSAGES = {
    "not_number": "verwacht een aantal (geheel getal), gevonden '{value}'",
    "not_whole": "verwacht een geheel aantal, gevonden '{value}'",
    "negative": "een aantal kan niet negatief zijn, gevonden '{value}'",
    "period_missing": "de periode ontbreekt",
    "period_format": "verwacht een jaar (2020) of een periode (2016-2020), gevonden '{value}'",
    "pc4_format": "verwacht een postcode van 4 cijfers (1000-9999), gevonden '{value}'",
    "gemeente_format": "verwacht een gemeentecode (GM0363 of 363), gevonden '{value}'",
    "level_unknown": "verwacht gemeente, pc4 of land, gevonden '{value}'",
    "code_missing": "de gebiedscode ontbreekt",
}
LEVEL_AMBIGUOUS = (
    "Niet te bepalen of '{value}' een postcode (PC4) of een gemeentecode is. Noem de kolom 'pc4' of "
    "'gemeentecode', schrijf gemeentecodes als GM0363, of voeg een kolom 'niveau' toe."
)
EVENTS_EXCEED_BIRTHS = "{events} ({count}) is groter dan het aantal geboorten ({births})"
BIG2_INCONSISTENT = (
    "Big2 ({big2}) past niet bij vroeggeboorte ({preterm}) en laag geboortegewicht ({sga}): Big2 hoort "
    "tussen {low} en {high} te liggen"
)
DEATHS_28_BELOW_7 = "sterfte tot 28 dagen ({d28}) is kleiner dan sterfte tot 7 dagen ({d7})"
PCT_MISMATCH = "het percentage {pct} wijkt af van aantal/geboorten ({computed})"
DUPLICATE_AREA = "gebied {code} komt voor periode {period} ook voor in rij {other}"
UNKNOWN_GEMEENTE = "gemeentecode {code} bestaat niet in de CBS-indeling van 2021 of 2023"
UNKNOWN_PC4 = "postcode {code} komt niet voor in het postcodebestand (PC4 2020); de rij wordt wel gebruikt"
PC4_NO_GEMEENTE = "Bij postcode {code} is geen gemeente gevonden; dit gebied telt niet mee in gemeentecijfers."
NO_GEO_CHECK = "Gemeente- en postcodecodes zijn niet gecontroleerd: het grenzenbestand is niet gebouwd."
MORE_ISSUES = "… en nog {n} meldingen."
COLUMN_LABELS = {
    "period": "periode", "area_code": "gebiedscode", "area_name": "gebiedsnaam", "level": "niveau",
    "births": "geboorten", "big2": "Big2", "preterm": "vroeggeboorte", "sga": "laag geboortegewicht (SGA)",
    "perinatal_deaths": "perinatale sterfte (7 dagen)", "perinatal_deaths_28d": "perinatale sterfte (28 dagen)",
    "gemeentecode": "gemeentecode", "gemeentenaam": "gemeente", "big2_pct": "percentage Big2",
    "preterm_pct": "percentage vroeggeboorte", "sga_pct": "percentage laag geboortegewicht",
}

# --- Suppression and comparison labels -------------------------------------------------------------
SUPPRESSION_REASONS = {
    "unknown": "onbekend of al afgeschermd in de bron",
    "small_denominator": "minder dan 10 geboorten",
    "few_events": "minder dan 10 gebeurtenissen",
    "few_non_events": "minder dan 10 kinderen zonder de uitkomst",
    "secondary": "afgeschermd zodat een ander afgeschermd cijfer niet terug te rekenen is",
}
SUPPRESSED_MARK = "afgeschermd"
COMPARISON_LABELS = {
    "better": "gunstiger dan Nederland",
    "similar": "vergelijkbaar met Nederland",
    "worse": "ongunstiger dan Nederland",
    "higher": "hoger dan Nederland",
    "lower": "lager dan Nederland",
    "not_compared": "niet vergeleken",
}
CI_TEMPLATE = "{level:.0f}%-BI ({method}) {range}, n = {n}"
NATIONAL_BASIS = {
    "land": "Nederland (landelijke rij in het bestand)",
    "all": "Nederland (som van alle gebieden)",
    "file": "totaal van alle gebieden in het bestand (geen volledig landelijk cijfer)",
}

# --- Dataset states --------------------------------------------------------------------------------
SOURCE_SYNTHETIC = "synthetisch voorbeeld, gegenereerd met seed {seed}, gekalibreerd op RIVM Monitor Kansrijke Start 2021 (Perined, 2020)"
SOURCE_USER = "eigen bestand '{file}', geladen op {loaded_at}"
NO_DATA_GEO = (
    "Er zijn nog geen perinatale cijfers. Het synthetische voorbeeld kan niet worden gemaakt omdat het "
    "grenzenbestand ontbreekt. Voer in de map van het dashboard `make data` uit, of laad een eigen bestand "
    "op de pagina Data."
)
NO_DATA_OTHER = "Er zijn nog geen perinatale cijfers: {detail}. Laad een eigen bestand op de pagina Data."

# --- Profile page ("Mijn gemeente") ----------------------------------------------------------------
PROFILE_TITLE = "Mijn gemeente"
PROFILE_INTRO = (
    "Perinatale cijfers van uw gemeente naast het landelijke cijfer. Kleine aantallen worden afgeschermd "
    "en elk cijfer heeft een 95%-betrouwbaarheidsinterval: een gebied heet alleen gunstiger of "
    "ongunstiger als het interval het landelijke cijfer niet bevat."
)
PROFILE_PICK = "Kies in de zijbalk een gemeente om haar profiel te zien."
PROFILE_UNKNOWN = "Voor gemeente {code} staan geen cijfers in de actieve gegevens ({source})."
PERIOD_LABEL = "Periode"
PERIOD_HELP = "Gepoolde periode: de jaren samen, zodat kleine gebieden genoeg geboorten hebben."
OVERVIEW_HEADING = "Overzicht: {name}, {period}"
SPINE_HEADING = "Vergelijking met Nederland"
SPINE_NOTE = [
    "Stip: {name}, zwarte streep: 95%-betrouwbaarheidsinterval; verticale lijn: Nederland.",
    "Grijs: alle gemeenten (licht: laagste tot hoogste, donker: middelste helft). Kleur en tekst: vergelijking.",
]
INDICATOR_HEADING = "Details per indicator"
INDICATOR_LABEL = "Indicator"
METRIC_COUNT = "Aantal ({label})"
METRIC_RATE = "{name}"
METRIC_NATIONAL = "Nederland"
DEFINITION = "Definitie: {definition} Variant: {variant}."
TREND_HEADING = "Trend over gepoolde perioden"
TREND_NONE = "Voor deze gegevens zijn geen opeenvolgende perioden beschikbaar."
PEERS_HEADING = "Vergelijkbare gemeenten (naar aantal geboorten)"
PEERS_NOTE = "De {n} gemeenten met het aantal geboorten dat het dichtst bij {name} ligt; {name} is gemarkeerd."
PC4_HEADING = "Postcodegebieden (PC4) in {name}"
PC4_NOTE = (
    "Afgeschermd: minder dan 10 gebeurtenissen of kinderen zonder de uitkomst, of afgeschermd zodat een "
    "ander cijfer niet terug te rekenen is uit het gemeentetotaal."
)
PC4_NONE = "Deze gegevens bevatten geen cijfers per postcodegebied voor deze gemeente."
MAP_LINK = "Bekijk {name} op de kaart"
TILE_COUNT = "{count} van {n} geboren kinderen"
TILE_COUNT_HIDDEN = "aantallen afgeschermd"
SUPPRESSED_WHY = "reden: {reason}"
TILE_NATIONAL = "Nederland: {value}"
TILE_DEFINITION = "Teller: {numerator}; noemer: {denominator}. Periode {period}."
TILE_TOOLTIP = (
    "{title}: {definition} Variant: {variant}. Teller: {numerator}; noemer: {denominator}. Periode {period}. "
    "Bron: {source}. Definitie: {definition_source}."
)
FIGURE_SOURCE = "{data}. Definitie: {definition_source}"
NATIONAL_NOTE = "Landelijk cijfer: {basis}."
FILE_NAMES = {
    "overview": "profiel_{code}_{period}.csv", "spine": "vergelijking_nederland_{code}_{period}.csv", "trend": "trend_{indicator}_{code}.csv",
    "peers": "vergelijkbare_gemeenten_{indicator}_{code}_{period}.csv", "pc4": "pc4_{indicator}_{code}_{period}.csv",
    "preview": "actieve_gegevens_eerste_rijen.csv", "check_report": "controleverslag.csv",
    "schema": "kolommen_perinatale_gegevens.csv",
}
SYNTHETIC_FILE_PREFIX = "synthetisch_voorbeeld_"
ERROR_RATES = "De cijfers voor deze gemeente konden niet worden berekend voor de periode {period}. Kies een andere periode of indicator."
INDICATOR_UNKNOWN = "de indicator '{indicator}' staat niet in de beschrijving van de perinatale indicatoren"
REPORT_LINK = "Printbaar gemeenterapport"

# Chart explanations (definition with teller/noemer and period) and alt texts
EXPLAIN_RATE = (
    "{title}: teller {numerator}; noemer {denominator}; waarde = teller / noemer × {multiplier} ({unit}). "
    "Periode {period}."
)
EXPLAIN_PART = "{title}: teller {numerator}, noemer {denominator}"
EXPLAIN_SPINE = "Periode {period} (gepoold). {parts}."
PERIODS_RANGE = "{first} tot en met {last}"
ALT_SPINE = (
    "Vergelijkingsgrafiek van {name} met Nederland, {period}, voor {n} indicatoren ({indicators}). Per "
    "indicator een stip voor {name} met een streep voor het 95%-betrouwbaarheidsinterval, een verticale lijn "
    "voor Nederland en grijze balken voor de spreiding over alle gemeenten; de waarde staat als tekst naast "
    "de stip en de kleur geeft de vergelijking met Nederland."
)
ALT_TREND = (
    "Lijngrafiek van {indicator} in {name} (doorgetrokken lijn met band voor het 95%-betrouwbaarheidsinterval) "
    "en Nederland (stippellijn) over de gepoolde perioden {periods}."
)
ALT_PEERS = (
    "Puntgrafiek van {indicator} in {name} en {n} vergelijkbare gemeenten, {period}, gesorteerd op waarde: per "
    "gemeente een stip met een streep voor het 95%-betrouwbaarheidsinterval en een stippellijn voor Nederland; "
    "{name} is vet en groter gemarkeerd, afgeschermde gemeenten staan er zonder stip bij."
)

# Table headers (profile tables and downloads)
TABLE_COLUMNS = {
    "indicator": "indicator", "area_code": "code", "area_name": "gebied", "period": "periode",
    "numerator": "aantal", "denominator": "geboorten", "value": "waarde", "lower": "ondergrens 95%-BI",
    "upper": "bovengrens 95%-BI", "ci": "95%-BI", "national_value": "Nederland", "comparison": "vergelijking",
    "suppression_reason": "afscherming", "unit": "eenheid", "definition": "definitie", "source": "bron",
    "is_synthetic": "synthetisch voorbeeld", "g_min": "laagste gemeente", "g_q25": "gemeenten 25e percentiel",
    "g_q75": "gemeenten 75e percentiel", "g_max": "hoogste gemeente",
}

# --- Charts ------------------------------------------------------------------------------------------
CHART_SPINE_TITLE = "{name} vergeleken met Nederland, {period}"
CHART_TREND_TITLE = "{indicator}: {name} en Nederland"
CHART_PEERS_TITLE = "{indicator}: {name} en vergelijkbare gemeenten, {period}"
CHART_SYNTHETIC_SUFFIX = " (synthetisch voorbeeld)"
AXIS_DIFFERENCE = "verschil met Nederland (procentpunt of per 1000)"
AXIS_VALUE = "waarde ({unit})"
AXIS_PERIOD = "periode"
AXIS_AREA = "gebied"
SPINE_AXIS = "links van de zwarte lijn lager dan Nederland, rechts hoger; grijs: spreiding over alle gemeenten"
OWN_MARK = " (gekozen gemeente)"
LEGEND_COMPARISON = "vergelijking"
SERIES_LOCAL = "{name}"
SERIES_NATIONAL = "Nederland"
TOOLTIP_VALUE = "waarde"
TOOLTIP_CI = "95%-BI"
TOOLTIP_N = "geboorten"
TOOLTIP_COUNT = "aantal"

# --- Data page -----------------------------------------------------------------------------------------
DATA_TITLE = "Data"
DATA_INTRO = (
    "Hier ziet u welke perinatale cijfers het dashboard gebruikt, en laadt u een eigen bestand met "
    "kerncijfers per gemeente of postcodegebied (bijvoorbeeld een export van Perined of "
    "waarstaatjegemeente.nl). Een geladen bestand vervangt het synthetische voorbeeld en blijft bewaard."
)
ACTIVE_HEADING = "Actieve gegevens"
ACTIVE_SYNTHETIC = "Synthetisch voorbeeld (geen echte cijfers): {n_areas} gebieden, perioden {periods}."
ACTIVE_USER = "Eigen bestand '{file}' (geladen {loaded_at}): {n_rows} rijen, {n_areas} gebieden, perioden {periods}."
ACTIVE_SOURCE = "Bron: {source}"
RESET_BUTTON = "Eigen bestand verwijderen en terug naar het synthetische voorbeeld"
RESET_DONE = "Het eigen bestand is verwijderd; het synthetische voorbeeld is weer actief."
UPLOAD_HEADING = "Eigen bestand laden"
UPLOAD_LABEL = "CSV- of Excelbestand met perinatale kerncijfers (maximaal {limit} MB)"
UPLOAD_HELP = "Puntkomma of komma als scheidingsteken; '.' of leeg betekent afgeschermd/onbekend."
UPLOAD_BUTTON = "Bestand controleren en laden"
FOLDER_HEADING = "Bestand uit de importmap"
FOLDER_NOTE = "Importmap: `{folder}` (in te stellen met de omgevingsvariabele KS_PERINATAL_IMPORT_DIR)."
FOLDER_EMPTY = "De importmap bevat geen CSV- of Excelbestanden."
FOLDER_PICK = "Bestand in de importmap"
FOLDER_BUTTON = "Dit bestand controleren en laden"
LOAD_OK = "Bestand '{file}' is geladen: {n_rows} rijen, {n_areas} gebieden. Het vervangt de vorige gegevens."
LOAD_REJECTED = (
    "Bestand '{file}' is niet geladen: {n} fout(en). De gegevens die al actief waren blijven in gebruik."
)
REPORT_HEADING = "Controleverslag"
REPORT_NO_ISSUES = "Geen meldingen."
REPORT_COLUMNS = {"severity": "soort", "row": "rij", "column": "kolom", "message": "melding"}
SCHEMA_HEADING = "Welke kolommen verwacht het dashboard?"
SCHEMA_INTRO = (
    "Eén rij per gebied en periode. Kolomnamen mogen in hoofd- of kleine letters en met spaties of "
    "underscores; deze namen worden herkend:"
)
SCHEMA_COLUMNS = {"column": "gegeven", "required": "verplicht", "aliases": "herkende kolomnamen"}
SCHEMA_REQUIRED = {True: "ja", False: "nee"}
SCHEMA_NOTES = (
    "- Aantallen mogen een duizendtalpunt hebben (1.234); percentages een decimale komma (15,3).\n"
    "- Een '.', 'x', '-' of een lege cel betekent afgeschermd of onbekend; dat wordt nooit als 0 gelezen.\n"
    "- Minstens één van de uitkomsten Big2, vroeggeboorte, laag geboortegewicht of perinatale sterfte.\n"
    "- Postcode als tekst of getal (1011); gemeentecode met of zonder GM (GM0363, 0363, 363).\n"
    "- Big2 telt kinderen vanaf 24 weken met een geboortegewicht onder p10 (Hoftiezer) en/of geboren "
    "voor 37 weken; perinatale sterfte tot 7 dagen (en desgewenst tot 28 dagen) na de geboorte."
)
CHECKING = "Bestand wordt gecontroleerd…"
LOAD_FAILED = "Het bestand kon niet worden opgeslagen: {detail}. De gegevens die al actief waren blijven in gebruik."
DISK_PROBLEMS = {
    errno.ENOSPC: "de schijf is vol",
    errno.EACCES: "het dashboard mag niet schrijven in de gegevensmap",
    errno.EPERM: "het dashboard mag niet schrijven in de gegevensmap",
    errno.EROFS: "de gegevensmap is alleen-lezen",
}
DISK_PROBLEM_OTHER = "er ging iets mis bij het schrijven naar de schijf"
PREVIEW_HEADING = "Voorbeeld van de actieve gegevens (eerste 20 rijen)"


def disk_problem(code: int | None) -> str:
    """The Dutch reason of a failed write for an ``OSError.errno`` (never the raw system message).

    >>> disk_problem(errno.ENOSPC), disk_problem(None)
    ('de schijf is vol', 'er ging iets mis bij het schrijven naar de schijf')
    """
    return DISK_PROBLEMS.get(code, DISK_PROBLEM_OTHER)
