"""Dutch strings of the national pages: Start, Landelijke indicatoren, Trends."""

# --- Start -------------------------------------------------------------------------------------
HOME_TITLE = "Kansrijke Start"
HOME_INTRO = (
    "Kansrijke Start is het landelijke actieprogramma van het ministerie van VWS (sinds 2018) voor de "
    "eerste 1000 dagen van een kind: van vóór de zwangerschap tot twee jaar na de geboorte. Gemeenten en "
    "professionals uit het medische en het sociale domein (verloskundigen, kraamzorg, jeugdgezondheidszorg, "
    "wijkteams) werken samen in lokale coalities, zodat risico's vroeg worden gezien en ouders in een "
    "kwetsbare situatie op tijd steun krijgen. Het RIVM volgt de voortgang met vijftien landelijke "
    "indicatoren. Hieronder staat van elke indicator het meest recente cijfer uit de Monitor Kansrijke "
    "Start 2021, met de verandering sinds het vorige jaar dat de monitor noemt."
)
HOME_TILES_HEADER = "De vijftien landelijke indicatoren"
TILE_LINK = "Details"
TYPE_HEADER = {
    "programmabreed": "Programmabreed",
    "proces": "Proces: ingevoerde activiteiten",
    "uitkomst": "Uitkomst: gezondheid en situatie van gezinnen",
}

# Trend arrow labels: the arrow shows the direction, the word says whether that is good.
JUDGEMENT_LABEL = {
    "better": "verbeterd",
    "worse": "verslechterd",
    "same": "gelijk gebleven",
    "higher": "hoger (geen gewenste richting)",
    "lower": "lager (geen gewenste richting)",
    "no_previous": "geen eerder cijfer",
}
# A trend the monitor asks to interpret with care is never called better or worse (indicators 13 and 14).
CAUTION_LABEL = {
    "up": "hoger; voorzichtig interpreteren",
    "down": "lager; voorzichtig interpreteren",
    "same": "gelijk gebleven; voorzichtig interpreteren",
}
ARROW = {"up": "▲", "down": "▼", "same": "■", None: "•"}
SINCE = "t.o.v. {year}: {value}"
MONITOR_TREND = "Monitor: {text}"
JUDGEMENT_LEGEND = (
    "Pijl: richting van de verandering sinds het vorige jaar dat de monitor noemt. Kleur en woord: "
    "blauw = verbeterd, oranje = verslechterd, grijs = gelijk, geen gewenste richting, of een trend die de "
    "monitor voorzichtig laat interpreteren."
)
POLARITY_LABEL = {
    "higher_is_better": "Hoger is beter",
    "lower_is_better": "Lager is beter",
    "none": "Geen gewenste richting (alleen hoger/lager)",
}
DIRECTION_WITH_BASIS = "{direction}. {text} *(Bron: {source})*"
BACKGROUND_HEADER = "Achtergrond bij de cijfers"
FACT_LINE = "{text} *(Bron: {source})*"

# --- Landelijke indicatoren ----------------------------------------------------------------------
INDICATORS_TITLE = "Landelijke indicatoren"
INDICATORS_INTRO = (
    "De vijftien indicatoren van de RIVM-monitor met hun definitie, bron en alle jaren die de monitor noemt."
)
FILTER_TYPE = "Soort indicator"
FILTER_PERIOD = "Periode"
PERIOD_LABEL = {"voor": "Vóór de zwangerschap", "tijdens": "Tijdens de zwangerschap", "na": "Na de geboorte"}
PICK_INDICATOR = "Indicator"
NO_MATCH = "Geen indicator past bij deze filters."
OVERVIEW_TABLE = "Overzicht van de gefilterde indicatoren"
COL_NUMBER = "Nr."
COL_NAME = "Indicator"
COL_TYPE = "Soort"
COL_PERIOD = "Periode"
COL_YEAR = "Jaar"
COL_VALUE = "Waarde"
COL_SERIES = "Reeks"
COL_N = "Teller"
COL_DENOMINATOR = "Noemer"
COL_RANGE = "Spreiding tussen JGZ-organisaties"
COL_RANGE_YEARS = "Bereik over de jaren"
COL_RANGE_MIXED = "Spreiding of bereik"
COL_RANGE_BASIS = "Soort spreiding"
RANGE_BASIS_LABEL = {"organisations": "tussen JGZ-organisaties", "years": "over {years}"}
RANGE_YEARS_CELL = "{range} ({years})"
COL_SOURCE = "Bron (sectie)"
COL_NOTE = "Toelichting"
LABEL_NUMERATOR = "Teller"
LABEL_DENOMINATOR = "Noemer"
LABEL_SOURCE = "Bron"
LABEL_YEAR = "Jaar"
LABEL_REFERENCE_DATE = "Peildatum"
LABEL_DEFINITION = "Definitie"
LABEL_TYPE = "Soort"
LABEL_PERIOD = "Periode"
LABEL_LATEST = "Meest recent"
LABEL_CHANGE = "Verandering"
LABEL_DIRECTION = "Gewenste richting"
LABEL_CAUTION = "Let op bij de trend"
LABEL_TREND = "Trend volgens de monitor"
QUOTED_LINE = "**{label}:** {text} *(“{quote}”; {source})*"
MORE_HEADER = "Meer uit de monitor"
VALUE_COUNTS = "{numerator} van {denominator}"
VALUE_COUNT_ONLY = "n = {numerator}"
CAVEAT_HEADER = "Beperkingen van de gegevens"
DERIVED_NOTE = "Berekend uit teller en noemer in de monitor; de monitor noemt dit percentage niet zelf."
ONLY_ONE_YEAR = "De monitor noemt voor deze indicator alleen het jaar {year}; er is geen trend te tonen."
HISTORY_HEADER = "Alle jaren in de monitor"
CHART_SUBTITLE = "Alleen de jaren die de monitor noemt; lege jaren zijn niet gepubliceerd in de tekst."
AXIS_YEAR = "Jaar"
NO_PERIOD = "Programmabreed"

# --- Trends ----------------------------------------------------------------------------------------
TRENDS_TITLE = "Trends"
TRENDS_INTRO = "Drie ontwikkelingen uit de RIVM-monitor: lokale coalities, Big2 en het gebruik van kraamzorg."
COALITIONS_HEADER = "Lokale coalities 2019-2021"
DENOMINATOR_CHOICE = "Percentage ten opzichte van"
DENOMINATOR_LABEL = {
    "impuls": "gemeenten met Impuls Kansrijke Start",
    "respondents": "gemeenten die de vragenlijst beantwoordden",
}
STATUS_LABEL = {
    "formed": "Coalitie gevormd",
    "in_development": "In ontwikkeling of in gesprek",
    "other": "Geen coalitie of onbekend",
}
STATUS_OTHER_NOTE = {
    "impuls": (
        "'Geen coalitie of onbekend' = gemeenten zonder coalitie plus gemeenten die niet reageerden "
        "(2021: 10 gemeenten zonder coalitie, 4%, en 56 zonder antwoord)."
    ),
    "respondents": "'Geen coalitie of onbekend' = responderende gemeenten zonder coalitie of zonder antwoord.",
}
COALITIONS_CHART_TITLE = "Gemeenten naar stand van de lokale coalitie"
COALITIONS_AXIS = "Percentage van de gemeenten"
COALITIONS_NOTE = (
    "De noemer verschilt per jaar: in 2019 konden alleen de 150 GIDS-gemeenten de Impuls aanvragen (147 deden "
    "dat), in 2020 275 en in 2021 273 gemeenten (na herindelingen)."
)
COL_STATUS = "Stand"
COL_COUNT = "Aantal gemeenten"
COL_PERCENTAGE = "Percentage (berekend)"
COL_STATED = "Percentage in Tabel 1"
BIG2_HEADER = "Big2: vroeggeboorte en/of laag geboortegewicht"
BIG2_CHART_TITLE = "Big2 en zijn onderdelen (% van de geboorten vanaf 24 weken)"
BIG2_NOTE = (
    "Definitie: geboorten vanaf 24 weken; vroeggeboorte = korter dan 37 weken; laag geboortegewicht = onder "
    "percentiel 10 (Hoftiezer). Kinderen kunnen beide hebben, dus de onderdelen tellen niet op tot Big2. "
    "De monitor noemt Big2 zelf alleen voor 2020; voor vroeggeboorte en laag geboortegewicht geeft hij over "
    "2016-2020 alleen het bereik (de zwarte lijn), geen cijfer per jaar."
)
KRAAMZORG_HEADER = "Gezinnen zonder kraamzorg"
KRAAMZORG_CHART_TITLE = "Gezinnen die geen gebruik maken van kraamzorg (% van de levendgeborenen)"
AXIS_PERCENT = "Percentage"
HOME_SOURCE = "Bron: RIVM, Monitor Kansrijke Start 2021 (per indicator de sectie in de tegel-uitleg en op de pagina Landelijke indicatoren)."
PERCENTAGE_POINT = "procentpunt"
DELTA = "{change} {unit} t.o.v. {year}"
RANGE_SUBTITLE = "Zwarte lijn: spreiding tussen de JGZ-organisaties (laagste tot hoogste percentage)."
RANGE_YEARS_SUBTITLE = (
    "Zwarte lijn: laagste en hoogste waarde in {years}; de monitor noemt voor die jaren geen cijfer per jaar."
)
COALITIONS_SUBTITLE = "Percentage ten opzichte van {denominator}."

# --- Explaining every number: tooltips, chart captions, alt texts, downloads ------------------------
NUMBER_HELP = (
    "**Teller:** {numerator}\n\n**Noemer:** {denominator}\n\n**Jaar:** {year}{previous}\n\n"
    "**Gewenste richting:** {direction}{notes}\n\n**Bron:** {source}"
)
NUMBER_HELP_NOTE = "\n\n**{label}:** {text}"
NUMBER_HELP_PREVIOUS = " (vergeleken met {year})"
CHART_EXPLANATION = "**Teller:** {numerator} **Noemer:** {denominator} **Jaren in de grafiek:** {years}."
HISTORY_ALT = "Staafgrafiek: {title}, {years}. {values}."
HISTORY_ALT_RANGE = " Met de spreiding tussen de JGZ-organisaties als lijn."
HISTORY_ALT_RANGE_YEARS = " Met als lijn het bereik over {years}: {ranges}."
HISTORY_ALT_RANGE_PART = "{series} {range}"
HISTORY_ALT_SERIES = "{series}: {values}"
HISTORY_ALT_VALUE = "{value} in {year}"
COALITIONS_ALT = (
    "Gestapelde staafgrafiek: gemeenten naar stand van de lokale coalitie, {years}, als percentage van de "
    "{denominator}. {values}."
)
COALITIONS_ALT_PART = "{status} {percentage} (n={count})"
COALITIONS_ALT_YEAR = "{year}: {parts}"
COALITIONS_EXPLANATION = (
    "**Teller:** aantal gemeenten per stand van de lokale coalitie. **Noemer:** {denominator} ({counts}). "
    "**Jaren in de grafiek:** {years}."
)
AND = "en"
TYPE_SHORT = {"programmabreed": "Programmabreed", "proces": "Proces", "uitkomst": "Uitkomst"}
FILTER_ALL = "alle"
FILTER_ALL_TYPES = "Alle soorten"
FILTER_ALL_PERIODS = "Alle periodes"
COL_UNIT = "Eenheid"
COL_RANGE_MIN = "Spreiding laagste"
COL_RANGE_MAX = "Spreiding hoogste"
FILE_OVERVIEW = "kansrijke_start_indicatoren_overzicht.csv"
FILE_HISTORY = "kansrijke_start_{indicator}.csv"
FILE_ALL_YEARS = "kansrijke_start_{indicator}_alle_jaren.csv"
FILE_COALITIONS = "kansrijke_start_coalities_{denominator}.csv"
