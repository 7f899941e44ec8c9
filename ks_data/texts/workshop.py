"""Dutch strings of the workshop mode: the shared group screen, the trainer's controls, the phones, the export."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from ks_data.texts.assessment import DOSSIER, DOSSIER_SHORT, SCORE_MEANING, fmt_date
from ks_data.texts.common import fmt_number

# --- group screen (host) -----------------------------------------------------------------------------------
HOST_TITLE = "Workshop: groepsscherm"


def host_title(session_title: str) -> str:
    """'Workshop: groepsscherm · Regio Utrecht' (the session's name in the heading saves a line on the projector)."""
    return f"{HOST_TITLE} · {session_title}" if session_title else HOST_TITLE


HOST_INTRO = (
    "Start een sessie: deelnemers doen mee op hun eigen telefoon of laptop met de QR-code of het adres op dit "
    "scherm. U bepaalt wanneer de groep de resultaten ziet; dit scherm ververst vanzelf."
)
HOST_SESSION_TITLE = "Naam van de sessie (optioneel)"
HOST_START = "Nieuwe sessie starten"
HOST_OPEN_CODE = "Of open een bestaande sessie met code"
HOST_OPEN = "Sessie openen"
HOST_CLOSE = "Andere sessie"
HOST_PART = "Onderdeel op het scherm"
HOST_NO_ANSWERS = "Nog geen antwoorden. Het resultaat verschijnt zodra deelnemers scoren."
HOST_NAMES = "Deelnemers die een naam gaven"
HOST_CODE_LABEL = "Sessiecode"
HOST_PARTICIPANTS = "Meegedaan"
HOST_ANSWERS = "Antwoorden"
HOST_SPREAD_NOTE = (
    "Per deelnemer eerst een score per element (gemiddelde van de eigen antwoorden, zonder 'weet niet'); "
    "daarover het groepsgemiddelde en de spreiding (standaarddeviatie, laagste en hoogste). "
    "In de grafiek: lichtblauwe stip = één deelnemer, oranje streep = groepsgemiddelde, "
    "grijze lijn = van laagste tot hoogste score."
)

# Where participants join (the address a phone can reach, ks_data.core.network).
JOIN_SCAN = "Doe mee: scan de QR-code of open"
JOIN_QR_TITLE = "QR-code met het adres om mee te doen"
JOIN_PANEL_TOGGLE = "Adres en QR-code tonen"
JOIN_LOOPBACK_ONLY = (
    "**Telefoons kunnen deze app nu niet bereiken.** De app is gestart met `make run` en luistert alleen op "
    "deze computer (localhost); dat is veilig in een café of op een openbaar netwerk, maar niet bruikbaar in "
    "een zaal. Start de app voor de workshop opnieuw: stop hem met Ctrl+C in het terminalvenster en typ "
    "`make workshop`. Dan staan hier het adres en de QR-code voor de deelnemers. Laptop en telefoons moeten "
    "op hetzelfde (wifi-)netwerk zitten."
)
JOIN_NO_NETWORK = (
    "**Geen netwerkverbinding gevonden.** Deze computer is met geen enkel netwerk verbonden, dus telefoons kunnen "
    "de app niet bereiken. Verbind de laptop met het wifi-netwerk van de zaal (of zet een hotspot aan; "
    "deelnemers verbinden dan met die hotspot) en ververs deze pagina."
)


def join_local_fallback(*, code: str) -> str:
    return f"Op deze computer zelf kan het wel: open de pagina **Workshop: meedoen** en vul code **{code}** in."


def join_more_addresses(urls: Iterable[str]) -> str:
    """The other LAN addresses, for a laptop on two networks (wifi and cable)."""
    return "Werkt dit adres niet? Probeer: " + " · ".join(f"`{url}`" for url in urls)


def given_names(names: Iterable[str]) -> str:
    """'Deelnemers die een naam gaven: Fatima, Joost' ('' when nobody gave a name).

    >>> given_names(["Fatima", "", "Joost"]), given_names([""])
    ('Deelnemers die een naam gaven: Fatima, Joost', '')
    """
    named = [name for name in names if name]
    return f"{HOST_NAMES}: {', '.join(named)}" if named else ""


def participants_count(n: int) -> str:
    return f"{n} deelnemer" if n == 1 else f"{n} deelnemers"


def answers_count(n: int) -> str:
    return f"{n} antwoord" if n == 1 else f"{n} antwoorden"


def complete_count(*, complete: int, started: int, part: str) -> str:
    """How far the room is with the part on screen (shown while results are hidden)."""
    return f"{complete} van {participants_count(started)} hebben alle stellingen van '{part}' beantwoord."


# State of the session (group screen and phones).
STATUS_OPEN = "Open voor antwoorden"
STATUS_CLOSED = "Gesloten voor antwoorden"
STATUS_TIME_UP = "De tijd is om: gesloten voor antwoorden"
COUNTDOWN_LEFT = "Nog {time}"
COUNTDOWN_DONE = "De tijd is om"


def countdown_until(*, clock: str) -> str:
    return f"sluit om {clock}"


def part_label(title: str) -> str:
    """A part's name on the screen's switch: its title up to the colon ('Denkraam').

    >>> part_label("Denkraam: vijf elementen van een integrale aanpak"), part_label("Inhoudelijke thema's")
    ('Denkraam', "Inhoudelijke thema's")
    """
    return title.split(":", 1)[0].strip()


# The trainer's controls.
SHOW_RESULTS = "Toon resultaten"
HIDE_RESULTS = "Verberg resultaten"
CLOSE_ANSWERS = "Sluiten voor antwoorden"
REOPEN_ANSWERS = "Heropenen voor antwoorden"
MANAGE = "Beheer"
COUNTDOWN_MINUTES = "Aftellen (minuten)"
COUNTDOWN_START = "Start aftellen"
COUNTDOWN_STOP = "Stop aftellen"
COUNTDOWN_HELP = "Op het scherm en op de telefoons loopt de tijd af; daarna sluit de sessie voor antwoorden."
SHOW_NAMES = "Namen op dit scherm tonen"
SHOW_NAMES_HELP = ("Standaard is het groepsscherm anoniem. Aan: de namen die deelnemers zelf invulden staan "
                   "hier; de scores blijven anoniem.")
REMOVE_LABEL = "Deelnemer verwijderen"
REMOVE_BUTTON = "Verwijderen"
REMOVE_HELP = "Bijvoorbeeld een testdeelname of iemand die twee keer meedeed: de antwoorden tellen niet meer mee."
REMOVE_NONE = "Er zijn nog geen deelnemers."
RESET_HEADER = "Nieuwe ronde"
RESET_CONFIRM = "Ja, wis alle antwoorden van deze sessie"
RESET_BUTTON = "Alle antwoorden wissen"
RESET_HELP = "De deelnemers blijven aangemeld en kunnen opnieuw scoren; de resultaten worden weer verborgen."
RESULTS_HIDDEN = (
    "De resultaten van dit onderdeel zijn nog verborgen, zodat de eerste antwoorden de rest van de zaal niet "
    "sturen. Klik op **Toon resultaten** als iedereen klaar is."
)


def participant_label(*, number: int, name: str, show_names: bool, n_answers: int | None = None) -> str:
    """'Deelnemer 3' (+ ' (Fatima)' when names are shown) (+ ' · 12 antwoorden').

    >>> participant_label(number=3, name="Fatima", show_names=False, n_answers=12)
    'Deelnemer 3 · 12 antwoorden'
    >>> participant_label(number=3, name="Fatima", show_names=True)
    'Deelnemer 3 (Fatima)'
    """
    text = f"Deelnemer {number}" + (f" ({name})" if show_names and name else "")
    return text if n_answers is None else f"{text} · {answers_count(n_answers)}"


def removed_done(label: str) -> str:
    return f"{label} is verwijderd; de antwoorden tellen niet meer mee."


def reset_done(n: int) -> str:
    return f"{answers_count(n).capitalize()} gewist. De resultaten zijn weer verborgen."


# Chart and table of the group result.
def group_source(*, code: str, title: str, n: int) -> str:
    """Source of the workshop chart: the anonymous individual scores of this session."""
    name = f" '{title}'" if title else ""
    return (f"eigen zelfevaluatie van de deelnemers aan workshop{name} (sessie {code}, "
            f"{participants_count(n)}); stellingen: denkraam {DOSSIER_SHORT}")


def group_explanation(*, part: str) -> str:
    return f"{part}: {SCORE_MEANING} {HOST_SPREAD_NOTE}"


def group_alt(*, part: str, n: int, means: str) -> str:
    return (f"Puntdiagram per element van {part} met de score van elk van de {participants_count(n)}, "
            f"de spreiding en het groepsgemiddelde: {means}.")


# The group's notes (typed by the trainer during the discussion).
NOTES_HEADER = "Notities van de groep"
NOTES_INTRO = ("Wat de groep per element afspreekt. Wordt opgeslagen terwijl u typt en gaat mee in het "
               "groepsrapport en in de zelfevaluatie van de coalitie.")

# --- after the workshop: export and save as the coalition's self-assessment -------------------------------
EXPORT_HEADER = "Na de workshop"
EXPORT_CSV = "Groepsresultaat (CSV)"
EXPORT_REPORT = "Groepsrapport (HTML, om te printen)"
EXPORT_HELP = "Eén A4-pagina met per element het gemiddelde, de spreiding en 'weet niet'; open het en kies Afdrukken."
EXPORT_FILE = "workshop"
SAVE_HEADER = "Opslaan als zelfevaluatie van de coalitie"
SAVE_INTRO = (
    "Per stelling wordt het groepsgemiddelde opgeslagen, met de notities van de groep. De evaluatie staat daarna "
    "bij de coalitie onder **Resultaten en vergelijken**: in de geschiedenis en in de vergelijking tussen momenten."
)
SAVE_COALITION = "Coalitie"
SAVE_COALITION_PLACEHOLDER = "Kies een coalitie of typ een nieuwe naam"
SAVE_GEMEENTE = "Gemeente (optioneel)"
SAVE_DATE = "Datum van de evaluatie"
SAVE_BUTTON = "Opslaan als zelfevaluatie"
SAVE_NO_ANSWERS = "Er zijn nog geen antwoorden om op te slaan."
SAVE_EMPTY_COALITION = "Kies of typ de naam van de coalitie."
SAVE_OVERWRITE = ("Deze coalitie heeft al een evaluatie op deze datum. Vink 'overschrijven' aan om die te "
                  "vervangen door het groepsresultaat, of kies een andere datum.")
SAVE_CONFIRM = "Ja, overschrijven"
SAVE_LINK = "Bekijk bij Resultaten en vergelijken"


def saved_as(*, coalition: str, day: date, n_items: int, n: int) -> str:
    return (f"Opgeslagen als zelfevaluatie van {coalition} op {fmt_date(day)}: {n_items} stellingen met het "
            f"gemiddelde van {participants_count(n)}.")


# Column names of the export (numbers stay numbers; both notations via core.export).
COLUMN_SESSION = "Sessie"
COLUMN_TITLE = "Titel"
COLUMN_DATE = "Datum"
COLUMN_N = "Deelnemers"
COLUMN_PART = "Onderdeel"

# The printable group report (reports.workshop).
REPORT_TITLE = "Groepsresultaat workshop denkraam Kansrijke Start"
REPORT_PRINT = "Afdrukken"
REPORT_RESULT = "Resultaat per element"
REPORT_NOTES = "Notities van de groep"
REPORT_NO_NOTES = "Geen notities."
REPORT_LEGEND = ("Stip = één deelnemer, oranje streep = groepsgemiddelde, grijze lijn = van laagste tot hoogste "
                 "score; schaal 0 (nog niet gestart) tot 4 (structureel geborgd).")


def report_subtitle(*, title: str, code: str, day: date, n: int) -> str:
    name = f"{title} — " if title else ""
    return f"{name}sessie {code}, {fmt_date(day)}, {participants_count(n)}"


def report_footer(*, generated: str) -> str:
    return (f"Scores: per deelnemer het gemiddelde van de eigen antwoorden per element, zonder 'weet niet'. "
            f"Bron stellingen: {DOSSIER}. Gemaakt met het Kansrijke Start dashboard, {generated}.")


# --- a workshop saved as a coalition's self-assessment (fill-in and results pages, export) -----------------
GROUP_MEAN_LABEL = "groepsgemiddelde"
COLUMN_ORIGIN = "Herkomst"
ORIGIN_OWN = "eigen invulling"


def group_mean_caption(value: float) -> str:
    """Under a statement whose stored answer is a workshop's group mean (no single radio option)."""
    return f"Groepsgemiddelde uit de workshop: {fmt_number(value, decimals=2)}. Kies een score om het te vervangen."


def origin_text(*, workshop_code: str, n_participants: int | None) -> str:
    """Where a saved assessment came from: 'workshop K7M3P (23 deelnemers)' or 'eigen invulling'.

    >>> origin_text(workshop_code="K7M3P", n_participants=1), origin_text(workshop_code="", n_participants=None)
    ('workshop K7M3P (1 deelnemer)', 'eigen invulling')
    """
    if not workshop_code:
        return ORIGIN_OWN
    return f"workshop {workshop_code}" + ("" if n_participants is None else f" ({participants_count(n_participants)})")


def origin_note(*, workshop_code: str, n_participants: int | None) -> str:
    """Above the results of an assessment saved from a workshop."""
    return (f"Groepsresultaat van {origin_text(workshop_code=workshop_code, n_participants=n_participants)}: "
            "per stelling het gemiddelde van de deelnemers.")


# --- participant (phone) ----------------------------------------------------------------------------------
JOIN_TITLE = "Workshop: meedoen"
JOIN_INTRO = "Vul de code van de trainer in. U scoort individueel; de groep ziet alleen het totaal."
JOIN_CODE = "Sessiecode (5 tekens)"
JOIN_NAME = "Uw naam (optioneel, alleen zichtbaar als de trainer namen toont)"
JOIN_BUTTON = "Meedoen"
JOIN_LEAVE = "Andere sessie"
JOIN_BAD_CODE = "Deze code bestaat niet. Controleer de code op het scherm van de trainer (5 tekens, bijv. K7M3P)."
PREVIOUS = "Vorige"
NEXT = "Volgende"
FINISH = "Klaar"
REVIEW = "Mijn antwoorden nakijken"
TOAST_SAVED = "Antwoord opgeslagen"
DONE_TITLE = "Klaar, dank u wel!"
PHONE_CLOSED = "De trainer heeft de sessie gesloten voor antwoorden. Uw opgeslagen antwoorden tellen mee."
PHONE_TIME_UP = "De tijd is om: de sessie is gesloten voor antwoorden. Uw opgeslagen antwoorden tellen mee."
PHONE_REMOVED = ("De trainer heeft u uit deze sessie gehaald; uw antwoorden tellen niet meer mee. "
                 "Was dat een vergissing? Doe opnieuw mee met de code.")
ANSWER_REFUSED = "Dit antwoord is niet opgeslagen: de sessie is gesloten voor antwoorden."


def joined_as(*, code: str, name: str, number: int = 0) -> str:
    """'Sessie **K7M3P** · deelnemer 4 (Fatima)' or '… (anoniem)'."""
    seat = f" · deelnemer {number}" if number else ""
    return f"Sessie **{code}**{seat} ({name or 'anoniem'})"


def step_heading(*, part: str, position: int, total: int) -> str:
    """'**Element 2 van 10** · Denkraam: vijf elementen …'."""
    return f"**Element {position} van {total}** · {part}"


def answer_saved(label: str) -> str:
    return f"Opgeslagen: {label}"


def done_text(*, answered: int, total: int) -> str:
    return (f"U heeft {answered} van {total} stellingen beantwoord. De trainer laat de resultaten zien op het "
            "grote scherm. Zolang de sessie open is, kunt u uw antwoorden nog wijzigen.")
