"""Dutch strings of the perinatal data layer: validation messages, suppression labels and the profile page."""

from __future__ import annotations

# --- Validation of user files (perinatal.reader) -------------------------------------------------------
SEVERITY = {"error": "Fout", "warning": "Waarschuwing", "info": "Ter info"}
REPORT_COLUMNS = {"severity": "soort", "row": "rij", "column": "kolom", "message": "melding"}

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
FILE_BINARY = "Het bestand bevat geen tekst maar binaire gegevens; is het een CSV- of Excelbestand?"
SHEET_EMPTY = "Het werkblad '{sheet}' is leeg. Kies een ander werkblad."
FILE_BAD_CSV = "Het CSV-bestand is niet goed opgebouwd (bijvoorbeeld een aanhalingsteken dat niet wordt gesloten)."
FILE_ONE_COLUMN = (
    "Het bestand heeft maar één kolom ('{header}'). Waarschijnlijk is het scheidingsteken niet herkend: "
    "gebruik een puntkomma (;) of komma (,) tussen de kolommen."
)
MISSING_COLUMN = "Verplichte kolom ontbreekt: {column}. Toegestane kolomnamen zijn bijvoorbeeld: {aliases}."
NO_EVENT_COLUMN = (
    "Geen enkele uitkomst gevonden: geen kolom met Big2, vroeggeboorte, laag geboortegewicht (SGA) of "
    "perinatale sterfte, als aantal of als percentage (per 1.000). Geef bij de kolommen aan welke kolom een "
    "uitkomst bevat."
)
NO_EVENT_LONG = (
    "In de indicatorkolom staat geen uitkomst die het dashboard kent (Big2, vroeggeboorte, laag "
    "geboortegewicht, perinatale sterfte). Geef bij de indicatoren aan wat elke indicator is."
)
RATES_WITHOUT_BIRTHS = (
    "Percentages gevonden, maar geen aantal geboorten: {columns}. Zonder het aantal geboorten per gebied "
    "zijn er geen aantallen en geen betrouwbaarheidsintervallen te berekenen. Voeg een kolom met het aantal "
    "geboorten toe (bijvoorbeeld 'Aantal geboorten (vanaf 24 weken)'), of geef aan welke kolom dat is."
)
VALUE_WITHOUT_INDICATOR = (
    "Er is een kolom met waarden, maar geen kolom die zegt welke indicator elke rij is (lang formaat). "
    "Geef aan welke kolom de indicator noemt, of kies 'niet gebruiken' voor de waardekolom."
)
UNKNOWN_INDICATORS = "Deze indicatoren worden niet gebruikt: {indicators}."
LINES_SKIPPED = "{n} regel(s) boven of onder de tabel overgeslagen (titel, bron, voetnoot): {lines}."
ROW_SKIPPED = "rij overgeslagen, er staan geen cijfers in: '{text}'"
DUPLICATE_ROLE = "Twee kolommen hebben dezelfde betekenis ({role}): {columns}. Kies voor één ervan iets anders."
OVERLAPS_FILE = (
    "Dit bestand heeft cijfers voor {n} gebied(en) en perioden die ook in het geladen bestand '{file}' staan; "
    "na laden gelden daar de cijfers van dit bestand."
)
LONG_COLUMN = "{value} ({indicator})"
LONG_DUPLICATE = "indicator '{indicator}' staat voor dit gebied en deze periode ook in rij {other}"
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
    "rate_not_number": "verwacht een percentage of een cijfer per 1.000 (bijvoorbeeld 15,3), gevonden '{value}'",
    "rate_negative": "een percentage kan niet negatief zijn, gevonden '{value}'",
    "rate_too_high": "een percentage kan niet hoger zijn dan 100, gevonden '{value}'",
    "rate_too_high_1000": "een cijfer per 1.000 kan niet hoger zijn dan 1.000, gevonden '{value}'",
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
RATE_MISMATCH = (
    "{rate}{unit} past niet bij het aantal in het bestand: {count} van {births} geboorten is {computed}{unit} "
    "(meer verschil dan door afronden)"
)
RATE_UNITS = {100: "%", 1000: " per 1.000"}
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
    "gemeentecode": "gemeentecode", "gemeentenaam": "gemeente",
}

# --- Suppression and comparison labels -------------------------------------------------------------
SUPPRESSION_REASONS = {
    "unknown": "onbekend of al afgeschermd in de bron",
    "small_denominator": "minder dan 10 geboorten",
    "few_events": "minder dan 10 gebeurtenissen",
    "few_non_events": "minder dan 10 kinderen zonder de uitkomst",
    "secondary": "afgeschermd zodat een ander afgeschermd cijfer niet terug te rekenen is",
}
HIDDEN_IN_SOURCE = "afgeschermd in de bron"
BIRTHS_HIDDEN = "aantal geboorten {hidden}"
PC4_PARTS_HIDDEN = (
    "niet te berekenen uit de postcodegebieden: bij {n} van de {total} is het aantal {what} afgeschermd in de "
    "bron. Laad een bestand per gemeente (gemeente-export) om dit cijfer te zien"
)
DERIVED_LABEL = "afgeleid uit percentage"
SUPPRESSED_MARK = "afgeschermd"
COMPARISON_LABELS = {
    "better": "gunstiger dan Nederland",
    "similar": "vergelijkbaar met Nederland",
    "worse": "ongunstiger dan Nederland",
    "higher": "hoger dan Nederland",
    "lower": "lager dan Nederland",
    "not_compared": "niet vergeleken",
}
CI_TEMPLATE = "{level:.0f}%-betrouwbaarheidsinterval {range}, n = {n}"
NATIONAL_LABELS = {  # what the national reference of an indicator is (perinatal.reference)
    "land": "landelijke rij in het bestand",
    "all": "som van alle gemeenten in het bestand",
    "rivm": "RIVM-monitor, {year}",
    "definition": "geen landelijk cijfer met dezelfde definitie: het bestand telt vanaf {weeks} weken, het "
                  "RIVM-cijfer vanaf {reference} weken",
    "none": "geen landelijk cijfer beschikbaar",
}
NATIONAL_PART = "{indicators}: {label}"


def hidden_in_source(label: str | None) -> str:
    """'afgeschermd in de bron (<10)', or without parentheses when the file gave no bound ('.', '*', empty).

    >>> hidden_in_source("<10"), hidden_in_source("")
    ('afgeschermd in de bron (<10)', 'afgeschermd in de bron')
    """
    return f"{HIDDEN_IN_SOURCE} ({label})" if label else HIDDEN_IN_SOURCE

# --- Dataset states --------------------------------------------------------------------------------
SOURCE_SYNTHETIC = (
    "synthetisch voorbeeld, gegenereerd met seed {seed}, gekalibreerd op RIVM Monitor Kansrijke Start 2021 "
    "(Perined, 2020); het aantal geboorten per postcode is afgeleid van het aantal jonge kinderen dat er woont (CBS)"
)
SOURCE_USER = "eigen bestand '{file}', geladen op {loaded_at}"
NO_DATA_GEO = (
    "Er zijn nog geen perinatale cijfers. Het synthetische voorbeeld kan niet worden gemaakt omdat het "
    "grenzenbestand ontbreekt. Voer in de map van het dashboard `make data` uit, of laad een eigen bestand "
    "op de pagina Data."
)
NO_DATA_OTHER = "Er zijn nog geen perinatale cijfers: {detail}. Laad een eigen bestand op de pagina Data."
STORE_DAMAGED = (
    "De geladen perinatale bestanden kunnen niet worden gelezen (beschadigd, of het dashboard heeft geen "
    "toegang tot de gegevensmap). Verwijder ze op de pagina Data en laad ze opnieuw."
)
NO_PERIODS = "De actieve perinatale gegevens hebben geen periode (jaar of 2016-2020) die het dashboard kan tonen."
ERROR_INDICATOR = "De perinatale cijfers konden niet worden getoond: {detail}."

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
SPINE_HEADING = "Vergelijking met Nederland"
NOT_COMPARED_NOTE = "Niet in deze vergelijking, want er is geen landelijk cijfer: {indicators}."
NONE_COMPARED = "Voor geen van deze indicatoren is er een landelijk cijfer om mee te vergelijken."
SPINE_NOTE = [
    "Stip: {name}, zwarte streep: 95%-betrouwbaarheidsinterval; verticale lijn: Nederland.",
    "Grijs: alle gemeenten (licht: laagste tot hoogste, donker: middelste helft). Kleur en tekst: vergelijking.",
]
INDICATOR_LABEL = "Indicator"
METRIC_COUNT = "Aantal ({label})"
METRIC_RATE = "{name}"
METRIC_NATIONAL = "Nederland"
DEFINITION = "Definitie: {definition} Variant: {variant}."
VARIANT_FILE_WEEKS = "in dit bestand vanaf {weeks} weken (de standaarddefinitie: {variant})"
TREND_HEADING = "Trend over gepoolde perioden"
TREND_NONE = "Voor deze gegevens zijn geen opeenvolgende perioden beschikbaar."
PEERS_HEADING = "Vergelijkbare gemeenten (naar aantal geboorten)"
PEERS_NOTE = "De {n} gemeenten met het aantal geboorten dat het dichtst bij {name} ligt; {name} is gemarkeerd."
PC4_HEADING = "Postcodegebieden (PC4) in {name}"
PC4_NOTE = (
    "Afgeschermd: minder dan 10 gebeurtenissen of kinderen zonder de uitkomst, of afgeschermd zodat een "
    "ander cijfer niet terug te rekenen is uit het gemeentetotaal. 'Afgeschermd in de bron': het bestand zelf "
    "gaf het cijfer niet (bijvoorbeeld <10). De reden staat in de kolom 'afscherming'."
)
PC4_NONE = "Deze gegevens bevatten geen cijfers per postcodegebied voor deze gemeente."
MAP_LINK = "Bekijk {name} op de kaart"
TILE_COUNT = "{count} van {n} geboren kinderen"
TILE_COUNT_HIDDEN = "aantallen afgeschermd"
SUPPRESSED_WHY = "reden: {reason}"
TILE_NATIONAL = "Nederland: {value}"
TILE_NATIONAL_FROM = "Nederland: {value} ({label})"
TILE_NATIONAL_NONE = "Nederland: {label}"
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
    "is_synthetic": "synthetisch voorbeeld", "derived": "herkomst aantal", "national_label": "Nederland: bron",
    "g_min": "laagste gemeente", "g_q25": "gemeenten 25e percentiel",
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

# --- "Wat valt op" (perinatal.summary) and the profile's detail views (issue 15) -----------------------
GIST_HEADING = "Wat valt op in {name}, {period}"
GIST_FINDING = (
    "**{title}**: {value} tegen {national} in Nederland — {direction} dan landelijk{judgement} (significant)"
)
GIST_DIRECTION = {"higher": "hoger", "lower": "lager"}
GIST_JUDGEMENT = {"better": ", gunstig", "worse": ", ongunstig"}
GIST_NONE_SIGNIFICANT = "Geen van de {n} vergeleken indicatoren wijkt significant af van Nederland."
GIST_SIMILAR = "Niet significant anders dan Nederland: {indicators}."
GIST_SUPPRESSED = "Afgeschermd (te kleine aantallen voor een betrouwbaar cijfer): {indicators}."
GIST_NOT_COMPARED = "Niet vergeleken, want er is geen landelijk cijfer: {indicators}."
GIST_EMPTY = "Er zijn voor deze periode geen cijfers om met Nederland te vergelijken."
SYNTHETIC_SHORT = "Synthetisch voorbeeld: gegenereerde cijfers, geen echte metingen."
DETAIL_LABEL = "Meer detail"
DETAIL_VIEWS = {
    "vergelijking": "Vergelijking met Nederland",
    "trend": "Trend",
    "gemeenten": "Vergelijkbare gemeenten",
    "pc4": "Postcodegebieden",
    "definities": "Tabel en definities",
}
DETAIL_HEADINGS = {  # the heading above the chosen view ({name}: the gemeente)
    "vergelijking": SPINE_HEADING, "trend": TREND_HEADING, "gemeenten": PEERS_HEADING, "pc4": PC4_HEADING,
    "definities": "Alle indicatoren van {name}: tabel en definities",
}
DEFINITIONS_HEADING = "Definities (teller en noemer)"
DEFINITION_ITEM = "**{title}**: {definition} Variant: {variant}. Teller: {numerator}; noemer: {denominator}."
CI_METHOD_NOTE = "Het 95%-betrouwbaarheidsinterval is berekend met de methode van {method}."
