"""Dutch messages for database problems: one per ``ks_data.storage.db.StorageError`` kind."""

from __future__ import annotations

from ks_data.texts.assessment import EMPTY_COALITION
from ks_data.texts.hosting import STORAGE_ERRORS as HOSTING_ERRORS

STORAGE_ERRORS = {
    "read_only": "Opslaan lukt niet: de map of het databasebestand is alleen-lezen. "
                 "Vraag de beheerder om schrijfrechten of stel KS_DB_PATH in op een andere map.",
    "disk_full": "Opslaan lukt niet: de schijf is vol of niet bereikbaar. Maak ruimte vrij en probeer opnieuw.",
    "locked": "De database is even bezet door een andere gebruiker. Probeer het over een paar seconden opnieuw.",
    "corrupt": "Het databasebestand is beschadigd of geen database. Zet een reservekopie terug "
               "of stel KS_DB_PATH in op een nieuw bestand.",
    "unavailable": "De database kan niet worden geopend. Controleer de map in KS_DB_PATH.",
    "newer_schema": "De database is gemaakt met een nieuwere versie van deze app. Werk de app bij.",
    "not_found": "Deze evaluatie of sessie bestaat niet (meer).",
    "empty_name": EMPTY_COALITION,
    **HOSTING_ERRORS,  # hosted instance: no workspace, wrong code, throttled, expired workshop code
}


def storage_error(kind: str) -> str:
    """Dutch message for a ``StorageError.kind`` (unknown kinds read as 'unavailable')."""
    return STORAGE_ERRORS.get(kind, STORAGE_ERRORS["unavailable"])
