"""Dutch strings of the printable municipality report ("Gemeenterapport") and its page."""

from __future__ import annotations

# --- the HTML document -------------------------------------------------------------------------------------
TITLE = "Gemeenterapport Kansrijke Start: {name}"
SUBTITLE = "Periode {period} · gemaakt op {made}"
PRINT_BUTTON = "Afdrukken of opslaan als pdf"
SYNTHETIC_BANNER = (
    "Let op: de perinatale cijfers in dit rapport zijn een synthetisch voorbeeld, gegenereerd en geen echte "
    "metingen."
)
RUNNING_MARK = "Perinatale cijfers: synthetisch voorbeeld"
CONTENTS = "Inhoud"

PROFILE_HEADING = "Perinatale cijfers van {name}, {period}"
PROFILE_INTRO = (
    "Elk cijfer met zijn 95%-betrouwbaarheidsinterval (BI) en het landelijke cijfer. Een gemeente heet alleen "
    "gunstiger of ongunstiger dan Nederland als het interval het landelijke cijfer niet bevat. Kleine aantallen "
    "zijn afgeschermd."
)
DEFINITIONS_HEADING = "Definities (teller en noemer)"
DEFINITION_LINE = "{definition} Variant: {variant}. Teller: {numerator}; noemer: {denominator}. Bron definitie: {source}."

PC4_HEADING = "Postcodegebieden (PC4) in {name}, {period}"
PC4_INDICATOR = "{title}"
MAP_TITLE = "{indicator} per postcodegebied ({period})"
PC4_SOURCE = "{data}. Definitie: {definition_source}. Gebieden: postcodes (PC4) binnen de gemeente-indeling 2021"

NATIONAL_HEADING = "Landelijke kernindicatoren (context)"
NATIONAL_INTRO = (
    "De laatste landelijke waarde van elke indicator uit de RIVM-monitor, ter vergelijking. Dit zijn landelijke "
    "cijfers, geen cijfers van {name}."
)
NATIONAL_COLUMNS = {
    "number": "Nr.", "name": "Indicator", "value": "Waarde", "year": "Jaar", "judgement": "Sinds vorig cijfer",
    "definition": "Teller / noemer", "source": "Bron (sectie)",
}
NATIONAL_SOURCE = "{document}"

DENKRAAM_HEADING = "Zelfevaluatie denkraam"
DENKRAAM_LATEST = "Laatste zelfevaluatie voor deze gemeente: {subtitle}."
DENKRAAM_RADAR = "Scores per element (0 = nog niet gestart, 4 = structureel geborgd)"
DENKRAAM_NOTES = "Notities van de coalitie"

FOOTER = "Gemaakt met het Kansrijke Start dashboard op {made}. Geen gegevens van buiten dit bestand nodig."

# --- the page ----------------------------------------------------------------------------------------------
PAGE_INTRO = (
    "Eén printbaar rapport van de gekozen gemeente: het perinatale profiel, de cijfers per postcodegebied en, "
    "als die er is, de laatste zelfevaluatie van het denkraam."
)
PICK = "Kies in de zijbalk een gemeente om haar rapport te maken."
PERIOD_LABEL = "Periode"
INDICATOR_LABEL = "Indicator voor de tabel per postcodegebied"
ALL_PC4 = "Tabel per postcodegebied voor alle indicatoren"
WITH_NATIONAL = "Landelijke kernindicatoren toevoegen (context)"
DOWNLOAD = "Download rapport (HTML, printbaar)"
DOWNLOAD_HELP = "Eén HTML-bestand dat zonder internet opent en afdrukt."
PRINT_HOW = (
    "Afdrukken kan hier direct (Ctrl+P): dan wordt alleen het rapport afgedrukt. Of open het gedownloade "
    "bestand in uw browser en kies Afdrukken en dan 'Opslaan als pdf'. Het rapport gebruikt A4; pagina 1 "
    "heeft de titel en de cijfers, elk volgend onderdeel begint op een nieuwe pagina."
)
PREVIEW_HEADING = "Voorbeeld van het rapport"
PREVIEW_ALT = "Voorbeeld van het gemeenterapport van {name}"
NO_DENKRAAM = "Voor {name} is nog geen zelfevaluatie met antwoorden opgeslagen; het rapport heeft daarom geen denkraam-onderdeel."
DENKRAAM_FOUND = "Het rapport bevat de laatste zelfevaluatie: {subtitle}."
DENKRAAM_UNAVAILABLE = "De opgeslagen zelfevaluaties konden niet worden gelezen; het rapport heeft geen denkraam-onderdeel. {detail}"
MAP_UNAVAILABLE = "De kaart per postcodegebied kon niet worden gemaakt; het rapport bevat alleen de tabel."
ERROR = "Het rapport kon niet worden gemaakt: {detail}"
FILE_NAME = "gemeenterapport_{code}_{period}.html"
