"""The Dutch table for Streamlit's own English (ks_data.texts.streamlit_nl) and the old-link redirects."""

from __future__ import annotations

import re

import pytest

from ks_data.texts import streamlit_nl as nl
from ks_data.ui.redirects import OLD_LINKS
from tests.support import app_url_paths


def translate(text: str) -> str | None:
    """What the browser script (ks_data.ui.dutch) makes of ``text``: the same exact / pattern rules, in Python."""
    key = text.strip()
    if key in nl.EXACT:
        return nl.EXACT[key]
    for pattern, replacement in nl.PATTERNS:
        if re.search(pattern, key):
            out = re.sub(pattern, re.sub(r"\$(\d)", r"\\\1", replacement), key)
            return re.sub(r"\{([^}]+)\}", lambda m: nl.WORDS.get(m.group(1), m.group(1)), out)
    return None


@pytest.mark.parametrize(("english", "dutch"), [
    ("Help for Meest recent (2021)", "Uitleg bij Meest recent (2021)"),
    ("200MB per file", "maximaal 200 MB per bestand"),
    ("Limit 20MB per file • CSV, XLSX", "Maximaal 20 MB per bestand • CSV, XLSX"),
    ("Show data: Staafgrafiek: Big2, 2020.", "Gegevens tonen: Staafgrafiek: Big2, 2020."),
    ("Download as PNG: Lijn\ngrafiek", "Downloaden als PNG: Lijn\ngrafiek"),
    ("Fullscreen: Kaart", "Volledig scherm: Kaart"),
    ("text/plain files are not allowed.", "Bestanden van het type text/plain zijn niet toegestaan."),
    ("File must be 2.0MB or smaller.", "Het bestand mag niet groter zijn dan 2.0MB."),
    ("View 3 more", "Nog 3 tonen"),
    ("day, Datum van de evaluatie", "dag, Datum van de evaluatie"),
    ("  Drag and drop file here ", "Sleep een bestand hierheen"),
    ("Page not found", "Pagina niet gevonden"),
])
def test_english_becomes_dutch(english: str, dutch: str) -> None:
    assert translate(english) == dutch


def test_dutch_and_own_texts_are_left_alone() -> None:
    for text in ("Gemeente zoeken", "Start", "Data", "Kaart", "Bron: CBS", "Zwolle"):
        assert translate(text) is None, text


def test_every_translation_is_free_of_the_english_it_replaces() -> None:
    english = re.compile("|".join(rf"(?<!\w){re.escape(word)}(?!\w)" for word in nl.ENGLISH))
    left = {key: value for key, value in nl.EXACT.items() if english.search(value)}
    assert left == {}


def test_patterns_are_valid_and_anchored() -> None:
    for pattern, _ in nl.PATTERNS:
        re.compile(pattern)
        assert pattern.startswith("^") and pattern.endswith("$"), pattern


def test_old_links_point_at_real_pages_and_shadow_none() -> None:
    paths = set(app_url_paths())
    assert set(OLD_LINKS.values()) <= paths, set(OLD_LINKS.values()) - paths
    assert not set(OLD_LINKS) & paths
    assert OLD_LINKS["start"] == "" and OLD_LINKS["map"] == "kaart" and OLD_LINKS["profile"] == "mijn-gemeente"
