"""Dutch texts of a hosted instance: the workspace page, the prompt to open one, throttling and limits."""

from __future__ import annotations

from ks_data.texts.common import md_literal

PAGE_TITLE = "Werkruimte"
SECTION = "Werkruimte"
INTRO = ("Op deze gedeelde omgeving werkt elke coalitie in een eigen werkruimte. Zelfevaluaties, workshops en "
         "geladen bestanden van een werkruimte zijn alleen te zien met de toegangscode van die werkruimte. "
         "De landelijke cijfers en het synthetische voorbeeld zijn voor iedereen te zien.")
OPEN_HEADER = "Werkruimte openen"
OPEN_CODE = "Toegangscode"
OPEN_CODE_HELP = "De code die u kreeg toen de werkruimte werd aangemaakt, bijvoorbeeld ABCD-EFGH-JKMN-PQRS."
OPEN_BUTTON = "Openen"
CREATE_HEADER = "Nieuwe werkruimte aanmaken"
CREATE_NAME = "Naam van de werkruimte (bijvoorbeeld de coalitie)"
CREATE_GEMEENTE = "Gemeente (optioneel)"
CREATE_BUTTON = "Werkruimte aanmaken"
CODE_SHOWN_ONCE = ("**Bewaar deze code nu.** Deze code wordt maar één keer getoond en is nergens op te vragen: "
                   "zonder code kan niemand de werkruimte meer openen. Deel de code alleen met de leden van uw "
                   "coalitie.")
CODE_DONE = "Ik heb de code bewaard"
SIGN_OUT = "Afmelden"
SIGNED_OUT = "U bent afgemeld. De gegevens van de werkruimte blijven bewaard."
NEED_WORKSPACE = ("Open eerst de werkruimte van uw coalitie: op deze gedeelde omgeving zijn zelfevaluaties, "
                  "workshops en geladen bestanden alleen binnen een werkruimte te zien.")
NEED_WORKSPACE_DATA = ("Eigen bestanden laden kan alleen in een werkruimte. Zonder werkruimte toont het dashboard "
                       "het synthetische voorbeeld.")
GO_TO_WORKSPACE = "Naar de werkruimte"
LAPTOP_NOTE = ("Deze app draait op deze computer: alles wat u opslaat blijft op deze computer en er is geen "
               "toegangscode nodig.")
EMPTY_NAME = "Vul een naam in voor de werkruimte."

STORAGE_ERRORS = {
    "no_workspace": NEED_WORKSPACE,
    "wrong_code": "Deze toegangscode klopt niet. Controleer de code en probeer het opnieuw.",
    "throttled": "Te veel pogingen: probeer het over een minuut opnieuw.",
    "expired": "Deze workshopcode is verlopen. Vraag de trainer om een nieuwe sessie te starten.",
    "too_many": "Vanaf dit adres is het afgelopen uur het maximale aantal aangemaakt. Probeer het over een uur "
                "opnieuw.",
}


def open_as(name: str, gemeente: str) -> str:
    """The line naming the open workspace (names escaped: they are typed by users)."""
    where = f" ({md_literal(gemeente)})" if gemeente else ""
    return f":material/folder_shared: Werkruimte **{md_literal(name)}**{where} is geopend."


def sidebar_status(name: str) -> str:
    return f":material/folder_shared: Werkruimte: {md_literal(name)}"


def created(name: str) -> str:
    return f"Werkruimte **{md_literal(name)}** is aangemaakt. Uw toegangscode:"


def upload_too_large(limit_mb: int) -> str:
    return f"Dit bestand is groter dan {limit_mb} MB, de grens van deze omgeving. Laad een kleiner bestand."


def too_many_rows(n_rows: int, limit: int) -> str:
    return (f"Dit bestand heeft {n_rows:,} rijen; deze omgeving laadt er hoogstens {limit:,}. ".replace(",", ".")
            + "Splits het bestand of laad alleen de gemeenten die u nodig heeft.")
