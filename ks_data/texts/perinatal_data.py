"""Dutch strings of the Data page: the loaded files, the import step (preview, column meanings, check) and help."""

from __future__ import annotations

import errno

# --- Data page: what is active ---------------------------------------------------------------------------
DATA_TITLE = "Data"
DATA_INTRO = (
    "Hier ziet u welke perinatale cijfers het dashboard gebruikt, en laadt u eigen bestanden met kerncijfers "
    "per gemeente of postcodegebied (bijvoorbeeld exports van Perined of waarstaatjegemeente.nl). U kunt een "
    "gemeentebestand en een PC4-bestand naast elkaar laden. Geladen bestanden vervangen het synthetische "
    "voorbeeld en blijven bewaard."
)
ACTIVE_HEADING = "Actieve gegevens"
ACTIVE_SYNTHETIC = "Synthetisch voorbeeld (geen echte cijfers): {n_areas} gebieden, perioden {periods}."
ACTIVE_USER = "Eigen gegevens uit {n_files} bestand(en): {n_rows} rijen, {n_areas} gebieden, perioden {periods}."
ACTIVE_SOURCE = "Bron: {source}"
FILES_NOTE = (
    "Staan dezelfde gebieden en perioden in twee bestanden, dan gelden de cijfers van het laatst geladen "
    "bestand. Een gemeentecijfer komt uit een gemeentebestand als dat er is, anders uit de som van de "
    "postcodegebieden."
)
REMOVE_BUTTON = "Verwijderen"
REMOVE_HELP = "Dit bestand niet meer gebruiken; de andere geladen bestanden blijven actief."
REMOVE_DONE = "Bestand '{file}' is verwijderd."
RESET_BUTTON = "Alle eigen bestanden verwijderen en terug naar het synthetische voorbeeld"
RESET_DONE = "De eigen bestanden zijn verwijderd; het synthetische voorbeeld is weer actief."
PREVIEW_HEADING = "Voorbeeld van de actieve gegevens (eerste 20 rijen)"
LEVEL_NAMES = {"land": "Nederland", "gemeente": "gemeenten", "pc4": "postcodegebieden (PC4)"}
FILE_SIZE = "{n_rows} rijen, {n_areas} gebieden"
FILE_LOADED = "geladen {loaded_at}"
FILE_SHEET = "werkblad '{sheet}'"
DERIVED_FROM = "afgeleid uit percentage: {events}"

# --- Data page: the import step -----------------------------------------------------------------------------
UPLOAD_HEADING = "Eigen bestand laden"
UPLOAD_INTRO = (
    "In vier stappen: bestand kiezen, kijken of het dashboard de kolommen goed leest (en dat zo nodig "
    "verbeteren), de definitie kiezen en bevestigen. Er verandert niets aan de actieve gegevens tot u "
    "bevestigt."
)
UPLOAD_LABEL = "CSV- of Excelbestand met perinatale kerncijfers (maximaal {limit} MB)"
UPLOAD_HELP = (
    "Puntkomma, komma of tab als scheidingsteken; aantallen of percentages (%, per 1.000); afgeschermde cellen "
    "zoals <10, 1-4, '.', '*' of leeg worden herkend."
)
FOLDER_HEADING = "Of: een bestand uit de importmap"
FOLDER_NOTE = "Importmap: `{folder}` (in te stellen met de omgevingsvariabele KS_PERINATAL_IMPORT_DIR)."
FOLDER_EMPTY = "De importmap bevat geen CSV- of Excelbestanden."
FOLDER_PICK = "Bestand in de importmap"
FOLDER_BUTTON = "Dit bestand openen"
STEP_PREVIEW = "1. Het bestand: {file}"
SHEET_LABEL = "Werkblad"
SHEET_HELP = "Dit Excelbestand heeft meerdere werkbladen; kies het blad met de cijfers."
PREVIEW_NOTE = "De kopregel staat in rij {row}; hieronder de eerste rijen zoals ze in het bestand staan."
SKIPPED_NOTE = "Overgeslagen regels (titel, bron, voetnoot): {lines}"
SKIPPED_LINE = "rij {row}: '{text}'"
SKIPPED_MORE = "en nog {n}"
STEP_COLUMNS = "2. Wat staat er in elke kolom?"
COLUMNS_NOTE = (
    "Per kolom ziet u wat het dashboard denkt dat erin staat. Klopt het niet, kies dan de juiste betekenis. "
    "Kolommen met 'niet gebruiken' worden overgeslagen."
)
MAPPING_REMEMBERED = "Dit bestand heeft dezelfde kolommen als een eerder geladen bestand: die keuzes zijn overgenomen."
INDICATORS_NOTE = (
    "Dit bestand heeft één rij per indicator (lang formaat). Geef per indicator aan wat het is:"
)
EXAMPLES = "Voorbeelden: {values}"
EXAMPLES_NONE = "Deze kolom is leeg."
STEP_VARIANT = "3. Welke definitie gebruikt het bestand?"
VARIANT_BIG2 = "Big2, vroeggeboorte en laag geboortegewicht: geboorten vanaf"
VARIANT_MORTALITY = "Perinatale sterfte: doodgeboren kinderen vanaf"
VARIANT_WEEKS = "{weeks} weken"
VARIANT_STANDARD = "{weeks} weken (zoals de definitie van het dashboard)"
VARIANT_DAYS_NOTE = (
    "Sterfte tot 7 of tot 28 dagen na de geboorte kiest u bij de kolommen hierboven ('perinatale sterfte "
    "(7 dagen)' of '(28 dagen)'); een sterftecijfer per 1.000 gaat over alle geboren kinderen."
)
STEP_CHECK = "4. Controle"
CHECK_OK = "Het bestand kan worden geladen{warnings}."
CHECK_OK_WARNINGS = " (met {n} waarschuwing(en): zie het verslag)"
CHECK_ROWS = "{n_rows} rijen, {n_areas} gebieden ({levels}), perioden {periods}."
CHECK_DERIVED = "Aantallen afgeleid uit percentage en aantal geboorten (afgerond): {events}."
CHECK_HIDDEN = "{n} cellen zijn afgeschermd in de bron{labels}; die worden als afgeschermd getoond."
CHECK_HIDDEN_LABELS = " (zoals {labels})"
CHECK_VARIANT = "Definitie: Big2 vanaf {big2} weken; perinatale sterfte vanaf {mortality} weken."
CONFIRM_BUTTON = "Bevestigen en laden"
CANCEL_BUTTON = "Annuleren"
CANCEL_DONE = "Het laden is afgebroken; er is niets veranderd."
LOAD_OK = (
    "Bestand '{file}' is geladen: {n_rows} rijen, {n_areas} gebieden. Het staat nu bij de actieve gegevens."
)
LOAD_REJECTED = (
    "Bestand '{file}' kan niet worden geladen: {first}  \n{n} fout(en) in totaal, zie het controleverslag. De "
    "gegevens die al actief waren blijven in gebruik."
)
REPORT_HEADING = "Controleverslag"
REPORT_NO_ISSUES = "Geen meldingen."
CHECKING = "Bestand wordt gecontroleerd…"
LOAD_FAILED = "Het bestand kon niet worden opgeslagen: {detail}. De gegevens die al actief waren blijven in gebruik."
DISK_PROBLEMS = {
    errno.ENOSPC: "de schijf is vol",
    errno.EACCES: "het dashboard mag niet schrijven in de gegevensmap",
    errno.EPERM: "het dashboard mag niet schrijven in de gegevensmap",
    errno.EROFS: "de gegevensmap is alleen-lezen",
}
DISK_PROBLEM_OTHER = "er ging iets mis bij het schrijven naar de schijf"

# What a column (or a long-format indicator) can mean (perinatal.mapping.ROLES).
ROLE_LABELS = {
    "ignore": "niet gebruiken", "area_code": "gebiedscode (gemeente, PC4 of NL)", "area_name": "gebiedsnaam",
    "level": "niveau (gemeente, PC4, land)", "gemeentecode": "gemeentecode bij een postcode",
    "period": "periode of jaar", "births": "aantal geboorten (noemer)",
    "big2": "Big2: aantal", "big2_pct": "Big2: percentage (%)", "big2_permille": "Big2: per 1.000",
    "preterm": "vroeggeboorte: aantal", "preterm_pct": "vroeggeboorte: percentage (%)",
    "preterm_permille": "vroeggeboorte: per 1.000",
    "sga": "laag geboortegewicht (SGA): aantal", "sga_pct": "laag geboortegewicht (SGA): percentage (%)",
    "sga_permille": "laag geboortegewicht (SGA): per 1.000",
    "perinatal_deaths": "perinatale sterfte (7 dagen): aantal",
    "perinatal_deaths_pct": "perinatale sterfte (7 dagen): percentage (%)",
    "perinatal_deaths_permille": "perinatale sterfte (7 dagen): per 1.000",
    "perinatal_deaths_28d": "perinatale sterfte (28 dagen): aantal",
    "perinatal_deaths_28d_pct": "perinatale sterfte (28 dagen): percentage (%)",
    "perinatal_deaths_28d_permille": "perinatale sterfte (28 dagen): per 1.000",
    "indicator": "naam van de indicator (lang formaat)", "value": "waarde (lang formaat)",
    "unit": "eenheid (lang formaat)",
}

# --- Data page: which columns the dashboard knows ---------------------------------------------------------------
SCHEMA_HEADING = "Welke kolommen herkent het dashboard?"
SCHEMA_INTRO = (
    "Eén rij per gebied en periode (of één rij per gebied, periode en indicator, met een kolom voor de "
    "indicator en een voor de waarde). Kolomnamen mogen in hoofd- of kleine letters, met spaties, "
    "underscores en een eenheid tussen haakjes ('Big2 (%)', 'Perinatale sterfte (per 1.000)', 'Aantal "
    "geboorten (vanaf 24 weken)'); deze namen worden herkend:"
)
SCHEMA_COLUMNS = {"column": "gegeven", "required": "verplicht", "unit": "als", "aliases": "herkende kolomnamen"}
SCHEMA_REQUIRED = {True: "ja", False: "nee"}
SCHEMA_UNITS = {
    "births": "aantal", "big2": "aantal, % of per 1.000", "preterm": "aantal, % of per 1.000",
    "sga": "aantal, % of per 1.000", "perinatal_deaths": "aantal, per 1.000 of %",
    "perinatal_deaths_28d": "aantal, per 1.000 of %", "period": "2020 of 2016-2020",
    "area_code": "GM0363, 363, 1011 of NL",
}
LONG_ITEMS = {"indicator": "indicator (lang formaat)", "value": "waarde (lang formaat)",
              "unit": "eenheid (lang formaat)"}
SCHEMA_NOTES = (
    "- Aantallen mogen een duizendtalpunt hebben (1.234); percentages een decimale komma (15,3).\n"
    "- Een percentage of cijfer per 1.000 wordt met het aantal geboorten omgerekend naar een aantal "
    "(afgerond, getoond als 'afgeleid uit percentage'); zonder aantal geboorten kan dat niet.\n"
    "- <10, < 10, <5, 1-4, ≤4, '*', 'x', '.', '-' of een lege cel: afgeschermd in de bron. Dat wordt nooit "
    "als 0 gelezen en getoond als 'afgeschermd in de bron (<10)'.\n"
    "- Titelregels boven en bronregels onder de tabel worden overgeslagen; in Excel kiest u het werkblad.\n"
    "- Postcode als tekst of getal (1011); gemeentecode met of zonder GM (GM0363, 0363, 363). Voor een "
    "bekende gemeentecode toont het dashboard de naam van het CBS.\n"
    "- Big2 telt kinderen vanaf 24 weken met een geboortegewicht onder p10 (Hoftiezer) en/of geboren "
    "voor 37 weken; perinatale sterfte tot 7 dagen (en desgewenst tot 28 dagen) na de geboorte."
)


def disk_problem(code: int | None) -> str:
    """The Dutch reason of a failed write for an ``OSError.errno`` (never the raw system message).

    >>> disk_problem(errno.ENOSPC), disk_problem(None)
    ('de schijf is vol', 'er ging iets mis bij het schrijven naar de schijf')
    """
    return DISK_PROBLEMS.get(code, DISK_PROBLEM_OTHER)
