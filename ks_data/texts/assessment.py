"""Dutch strings of the denkraam self-assessment: fill-in and results pages, charts, export, import, report."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import pandas as pd

from ks_data.texts.common import fmt_number

# --- source ------------------------------------------------------------------------------------------------
DOSSIER = "Pharos, inspiratiedossier 'Naar een integrale aanpak kansrijke start'"
DOSSIER_SHORT = "Pharos-inspiratiedossier"


def source_ref(section: str) -> str:
    """'Bron: Pharos-inspiratiedossier, § 3.3, element 1'."""
    return f"Bron: {DOSSIER_SHORT}, {section}"


# --- fill-in page ------------------------------------------------------------------------------------------
FILL_TITLE = "Zelfevaluatie denkraam"
FILL_INTRO = (
    "Scoor samen hoe ver jullie aanpak is op de vijf elementen van het denkraam voor een integrale aanpak "
    "Kansrijke Start, en desgewenst op de inhoudelijke thema's. De stellingen zijn in eigen woorden "
    f"gebaseerd op de vragen uit het {DOSSIER} (§ 3.2–3.3 en hoofdstuk 4). "
    "Antwoorden en notities worden tijdens het invullen meteen opgeslagen."
)
CHOOSE_HEADER = "Welke evaluatie?"
COALITION_LABEL = "Naam van de coalitie"
COALITION_HELP = "Bijvoorbeeld 'Coalitie Kansrijke Start Noord'. Hoofdletters en spaties maken niet uit."
GEMEENTE_LABEL = "Gemeente (optioneel)"
DATE_LABEL = "Datum van de evaluatie"
DATE_FORMAT = "DD-MM-YYYY"
OPEN_BUTTON = "Evaluatie openen of starten"
RESUME_HEADER = "Verder met een opgeslagen evaluatie"
RESUME_LABEL = "Opgeslagen evaluaties"
RESUME_BUTTON = "Verder invullen"
SWITCH_BUTTON = "Andere evaluatie kiezen"
EMPTY_COALITION = "Vul de naam van de coalitie in."
DONT_KNOW_HELP = "'Weet niet' telt niet mee in de score; het aantal staat wel bij de resultaten."
NOTES_HEADER = "Notities bij dit element"
NOTE_LABELS = {
    "going_well": "Wat gaat goed?",
    "to_improve": "Wat kan beter?",
    "next_step": "Volgende stap",
}
NOTES_HELP = "Wordt opgeslagen terwijl u typt; onder elk vak staat of het is gelukt."
# A saved answer to a statement that a later version of the item bank took out (items.ItemBank.retired).
RETIRED_ITEM_NOTE = "stelling uit een eerdere versie van de lijst (versie {version} haalde haar eruit); telt niet mee in de score"
RESULTS_LINK = "Naar resultaten en vergelijken"
PENDING_BUTTON = "Opnieuw proberen op te slaan"


def current_assessment(*, coalition: str, gemeente: str, day: date) -> str:
    """Header line of the open assessment."""
    place = f" · {gemeente}" if gemeente else ""
    return f"**{coalition}**{place} · {fmt_date(day)}"


def progress_text(*, answered: int, total: int) -> str:
    return f"{answered} van {total} stellingen beantwoord"


def local_time(iso: str, *, with_date: bool = False) -> str:
    """A stored UTC timestamp as Dutch local time: '18:02' or '23-11-2026 18:02'.

    >>> local_time("2026-11-23T17:02:10.123+00:00", with_date=True)
    '23-11-2026 18:02'
    """
    moment = datetime.fromisoformat(iso)
    try:
        moment = moment.astimezone(ZoneInfo("Europe/Amsterdam"))
    except ZoneInfoNotFoundError:  # no time-zone database: show UTC
        pass
    return moment.strftime("%d-%m-%Y %H:%M" if with_date else "%H:%M")


def saved_text(*, updated_at: str | None) -> str:
    """When the last change reached the database (what is typed in a note box shows its own status)."""
    return f"Laatste wijziging opgeslagen om {local_time(updated_at)}." if updated_at else "Nog niets ingevuld."


def scale_option(value: int | None, label: str) -> str:
    """Radio label of a scale point: '3 · grotendeels ingevoerd'; 'weet niet' without a number."""
    return label if value is None else f"{value} · {label}"


def element_heading(*, number: int, title: str) -> str:
    return f"{number}. {title}"


def resume_option(*, coalition: str, gemeente: str, day: date, n_answers: int) -> str:
    place = f" ({gemeente})" if gemeente else ""
    return f"{coalition}{place} — {fmt_date(day)} — {n_answers} antwoorden"


def fmt_date(day: date) -> str:
    """'23-11-2026'."""
    return day.strftime("%d-%m-%Y")


# --- results page ------------------------------------------------------------------------------------------
RESULTS_TITLE = "Resultaten en vergelijken"
RESULTS_INTRO = (
    "Score per element = gemiddelde van de beantwoorde stellingen (schaal 0–4); 'weet niet' telt niet mee. "
    f"Elementen en stellingen: {DOSSIER}."
)
NO_ASSESSMENT = "Er is nog geen evaluatie opgeslagen. Begin op de pagina 'Zelfevaluatie invullen'."
PICK_ASSESSMENT = "Evaluatie"
SCORES_HEADER = "Score per element"
RANKING_HEADER = "Elementen van hoog naar laag"
NOTES_RESULTS_HEADER = "Notities van de coalitie"
NO_NOTES = "Nog geen notities."
NO_SCORE = "nog geen score"
PART_NOT_SCORED = "Voor dit onderdeel zijn nog geen stellingen gescoord."
HISTORY_HEADER = "Eerdere evaluaties van deze coalitie"
COMPARE_HEADER = "Twee momenten vergelijken"
COMPARE_BEFORE = "Eerder moment"
COMPARE_AFTER = "Later moment"
COMPARE_NEED_TWO = "Voor een vergelijking zijn minstens twee evaluaties van deze coalitie nodig."
EXPORT_HEADER = "Exporteren en rapport"
EXPORT_CSV = "Download CSV"
EXPORT_JSON = "Download JSON"
EXPORT_REPORT = "Download rapport (HTML, om te printen)"
EXPORT_FILE_PREFIX = "zelfevaluatie"
EXPORT_FILE_FALLBACK = "coalitie"
EXPORT_ALL_NOTE = (
    "De hele evaluatie (alle antwoorden en notities) als bestand om te bewaren of te importeren, "
    "of als rapport om te printen. De cijfers achter elke grafiek staan bij die grafiek."
)
EXPORT_HELP = "Het rapport is één A4-pagina met grafieken, scores en notities; open het en kies Afdrukken."
IMPORT_HEADER = "Evaluatie importeren"
IMPORT_LABEL = "CSV- of JSON-bestand dat met deze app is geëxporteerd"
IMPORT_BUTTON = "Importeren"
IMPORT_OVERWRITE = (
    "Er bestaat al een evaluatie van deze coalitie op deze datum. Bij importeren wordt die overschreven."
)
IMPORT_CONFIRM = "Ja, overschrijven"


def import_done(*, coalition: str, day: date, n_answers: int) -> str:
    return f"Geïmporteerd: {coalition}, {fmt_date(day)} ({n_answers} antwoorden)."


COLUMN_ELEMENT = "Element"
COLUMN_SCORE = "Score (0–4)"
COLUMN_SCORED = "Beantwoord"
COLUMN_DONT_KNOW = "Weet niet"
COLUMN_OPEN = "Open"
COLUMN_RANK = "Rang"
COLUMN_DATE = "Datum"
COLUMN_GEMEENTE = "Gemeente"
COLUMN_ANSWERS = "Antwoorden"
COLUMN_CHANGED = "Laatst gewijzigd"
COLUMN_CHANGE = "Verandering"
COLUMN_MEAN = "Gemiddelde"
COLUMN_SD = "Spreiding (sd)"
COLUMN_MIN = "Laagste"
COLUMN_MAX = "Hoogste"
COLUMN_PARTICIPANTS = "Deelnemers met score"


def fmt_score(value: float | None) -> str:
    """'2,7' or 'nog geen score'."""
    return NO_SCORE if value is None or pd.isna(value) else fmt_number(float(value), decimals=1)


def fmt_change(value: float | None) -> str:
    """'+0,5', '−1,0', '0,0' or '–'."""
    if value is None or pd.isna(value):
        return "–"
    sign = "+" if value > 0.05 else ("−" if value < -0.05 else "")
    return f"{sign}{fmt_number(abs(value), decimals=1)}"


# --- charts ------------------------------------------------------------------------------------------------
CHART_SCORE = "Score (0–4)"
CHART_ELEMENT = "Element"
CHART_MOMENT = "Moment"
CHART_MEAN = "Groepsgemiddelde"
CHART_SERIES = "Reeks"
COLUMN_COALITION = "Coalitie"
COLUMN_NUMBER = "Nummer"
COLUMN_ITEMS = "Stellingen"
COLUMN_SCORE_AT = "Score {moment}"
SCALE_TEXT = "schaal 0 (nog niet gestart) tot 4 (structureel geborgd)"
SCORE_MEANING = f"Score = gemiddelde van de beantwoorde stellingen op de {SCALE_TEXT}; 'weet niet' telt niet mee."


def who_and_when(*, coalition: str, gemeente: str, day: date) -> str:
    """'Coalitie Noord (Utrecht), 23-11-2026'."""
    place = f" ({gemeente})" if gemeente else ""
    return f"{coalition}{place}, {fmt_date(day)}"


def self_source(*, who: str, section: str) -> str:
    """Source of a chart of own scores: 'eigen zelfevaluatie Coalitie Noord (Utrecht), 23-11-2026; denkraam …'."""
    return f"eigen zelfevaluatie {who}; stellingen: denkraam {DOSSIER_SHORT} ({section})"


def scores_explanation(*, part: str, who: str) -> str:
    return f"{part}: score per element van de evaluatie van {who}. {SCORE_MEANING}"


def radar_alt(*, part: str, who: str, scores: str) -> str:
    return f"Radardiagram van de score per element ({SCALE_TEXT}) van {part}, {who}: {scores}."


def bar_alt(*, part: str, who: str, scores: str) -> str:
    return f"Staafdiagram van de elementen van {part} van hoog naar laag, {who}: {scores}."


# Two moments on one chart: the earlier dashed orange with squares, the later solid blue with dots.
MOMENT_STYLE = ("oranje, stippellijn, vierkantjes", "blauw, doorgetrokken lijn, rondjes")


def comparison_explanation(*, coalition: str, before: str, after: str) -> str:
    return (f"{coalition}: score per element op {before} (eerder: {MOMENT_STYLE[0]}) en op {after} "
            f"(later: {MOMENT_STYLE[1]}). {SCORE_MEANING} Verandering = later min eerder.")


def comparison_alt(*, kind: str, coalition: str, before: str, after: str, changes: str) -> str:
    return f"{kind} van de score per element van {coalition} op {before} en {after}: {changes}."


COMPARE_RADAR = "Radardiagram"
COMPARE_DUMBBELL = "Puntdiagram"
HISTORY_FILE = "evaluaties"

# --- errors ------------------------------------------------------------------------------------------------
ITEM_BANK_ERROR = "De stellingen (data/denkraam_items.yaml) konden niet worden gelezen:"
UNSAVED_NOTE = "Uw invoer staat nog op het scherm maar is niet opgeslagen."

IMPORT_ERRORS = {
    "empty_file": "Het bestand is leeg.",
    "too_large": "Het bestand is te groot voor een evaluatie ({value} bytes).",
    "not_utf8": "Het bestand is geen UTF-8-tekst. Exporteer het opnieuw vanuit deze app.",
    "not_json": "Het JSON-bestand is onvolledig of beschadigd (fout rond regel {row}).",
    "wrong_format": "Dit is geen export van een zelfevaluatie uit deze app.",
    "wrong_file_type": "Alleen .csv- en .json-bestanden kunnen worden geïmporteerd (niet .{value}).",
    "missing_field": "Het veld '{column}' ontbreekt.",
    "wrong_columns": "De kolommen kloppen niet. Verwacht: {value}.",
    "wrong_column_count": "Regel {row} heeft {value} kolommen in plaats van 8.",
    "truncated": "Het bestand is onvolledig (de eindregel ontbreekt of klopt niet). Er is niets geïmporteerd.",
    "empty_coalition": "De naam van de coalitie ontbreekt.",
    "bad_date": "Ongeldige datum '{value}' (verwacht JJJJ-MM-DD).",
    "unknown_item": "Onbekende stelling '{value}'.",
    "bad_value": "Ongeldig antwoord '{value}' (verwacht 0 t/m 4 of 'weet_niet').",
    "unknown_element": "Onbekend element '{value}'.",
    "unknown_field": "Onbekend veld '{value}'.",
    "duplicate_item": "Stelling '{value}' komt twee keer voor.",
    "mixed_assessments": "Het bestand bevat meer dan één evaluatie.",
}
IMPORT_FAILED = "Importeren is niet gelukt; er is niets gewijzigd."


def import_message(code: str, *, row: int | None = None, column: str | None = None, value: str | None = None) -> str:
    """The Dutch sentence for one import problem code (unknown codes read as 'wrong_format').

    >>> import_message("bad_date", value="23-11-2026")
    "Ongeldige datum '23-11-2026' (verwacht JJJJ-MM-DD)."
    """
    return IMPORT_ERRORS.get(code, IMPORT_ERRORS["wrong_format"]).format(row=row, column=column, value=value)


def import_problem(problem: object) -> str:
    """One import problem (a core.validation.Problem with a ``code``) as a Dutch sentence, with its row if known."""
    code = getattr(problem, "code", "wrong_format")
    row, column, value = (getattr(problem, a, None) for a in ("row", "column", "value"))
    text = import_message(code, row=row, column=column, value=value)
    return f"Regel {row}: {text}" if row is not None and "{row}" not in IMPORT_ERRORS.get(code, "") else text


def import_failed(problems: Iterable[object]) -> str:
    """The import error: that nothing changed, then every problem as a bullet."""
    return IMPORT_FAILED + "\n\n" + "\n".join(f"- {import_problem(p)}" for p in problems)


# --- printable report --------------------------------------------------------------------------------------
REPORT_TITLE = "Zelfevaluatie denkraam Kansrijke Start"
REPORT_PRINT = "Afdrukken"
REPORT_SCORES = "Scores per element"
REPORT_NOTES = "Notities"
REPORT_RANKING = "Van hoog naar laag"
REPORT_METHOD = (
    "Score = gemiddelde van de beantwoorde stellingen op de schaal 0 (nog niet gestart) tot 4 (structureel "
    "geborgd); 'weet niet' telt niet mee."
)


def report_subtitle(*, coalition: str, gemeente: str, day: date) -> str:
    place = f", {gemeente}" if gemeente else ""
    return f"{coalition}{place} — evaluatie van {fmt_date(day)}"


def report_footer(*, generated: str) -> str:
    return f"Bron stellingen: {DOSSIER} (§ 3.2–3.3, hoofdstuk 4). Gemaakt met het Kansrijke Start dashboard, {generated}."
