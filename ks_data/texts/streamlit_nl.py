"""Dutch for Streamlit's own English (labels, tooltips, aria-labels), applied in the browser by ks_data.ui.dutch.

Streamlit 1.67 has no translations: its frontend writes these strings itself. ``EXACT`` maps a whole text
(or attribute value) to Dutch, ``PATTERNS`` are (JavaScript regular expression, replacement with $1...)
pairs for texts with a variable part. Found by reading the frontend bundle and touring every page
(tests/test_browser_dutch.py fails on any of ``ENGLISH`` left on screen).
"""

from __future__ import annotations

LANG = "nl"

EXACT: dict[str, str] = {
    # frame, sidebar, menu
    "Skip to main content": "Naar de inhoud",
    "Sidebar": "Zijbalk",
    "Collapse sidebar": "Zijbalk inklappen",
    "Expand sidebar": "Zijbalk uitklappen",
    "App pages": "Pagina's van de app",
    "View less": "Minder tonen",
    "Main menu": "Menu",
    "Rerun": "Opnieuw uitvoeren",
    "Settings": "Instellingen",
    "Print": "Afdrukken",
    "Record a screencast": "Schermopname maken",
    "Record screen": "Scherm opnemen",
    "Stop recording": "Opname stoppen",
    "Cancel recording": "Opname afbreken",
    "Report a bug": "Fout melden",
    "Get help": "Hulp",
    "This will record a video with the contents of your screen, so you can easily share what you're seeing with "
    "others.": "Dit neemt een video op van wat er op uw scherm staat, zodat u die gemakkelijk kunt delen.",
    "Also record audio": "Ook geluid opnemen",
    "Start recording!": "Opname starten",
    "Press": "Druk op",
    "any time to stop recording.": "om de opname op elk moment te stoppen.",
    "Next steps": "Volgende stappen",
    "Step 1": "Stap 1",
    "Step 2": "Stap 2",
    "Step 3": "Stap 3",
    "Preview your video below:": "Bekijk de video hieronder:",
    "Save video to disk": "Video opslaan",
    "About": "Over deze app",
    "Clear cache": "Cache legen",
    "Clear caches": "Caches legen",
    "Developer options": "Opties voor ontwikkelaars",
    "Link to heading": "Link naar deze kop",
    "Help": "Uitleg",
    "Dismiss": "Sluiten",
    "Close": "Sluiten",
    "Open": "Openen",
    # status and connection
    "Running...": "Bezig...",
    "Stop": "Stoppen",
    "Please wait...": "Even geduld...",
    "Connecting": "Verbinden",
    "Connection error": "Geen verbinding",
    "Connection lost. Please wait for the app to reconnect, then try again.":
        "De verbinding is verbroken. Wacht tot de app weer verbonden is en probeer het opnieuw.",
    "File change.": "Bestand gewijzigd.",
    "Always rerun": "Altijd opnieuw uitvoeren",
    # page not found
    "Page not found": "Pagina niet gevonden",
    "The page that you have requested does not seem to exist. Running the app's main page.":
        "Deze pagina bestaat niet (meer). U ziet nu de startpagina.",
    # inputs
    "Choose an option": "Maak een keuze",
    "Choose options": "Maak een of meer keuzes",
    "Choose or add an option": "Kies of voeg toe",
    "No results": "Geen resultaten",
    "Clear all": "Alles wissen",
    "Clear value": "Wissen",
    "Clear": "Wissen",
    "Show password": "Wachtwoord tonen",
    "Hide password": "Wachtwoord verbergen",
    "Press Enter to apply": "Druk op Enter om toe te passen",
    "Press Enter to submit form": "Druk op Enter om het formulier te versturen",
    "Press Ctrl+Enter to apply": "Druk op Ctrl+Enter om toe te passen",
    "Press ⌘+Enter to apply": "Druk op ⌘+Enter om toe te passen",
    "Press Ctrl+Enter to submit form": "Druk op Ctrl+Enter om het formulier te versturen",
    "Press ⌘+Enter to submit form": "Druk op ⌘+Enter om het formulier te versturen",
    "Previous month": "Vorige maand",
    "Next month": "Volgende maand",
    # file uploader
    "Drag and drop file here": "Sleep een bestand hierheen",
    "Drag and drop files here": "Sleep bestanden hierheen",
    "Drag and drop directories here": "Sleep mappen hierheen",
    "Browse files": "Bestand kiezen",
    "Upload": "Bestand kiezen",
    "Upload directories": "Map kiezen",
    "file upload": "bestand kiezen",
    "Remove file": "Bestand verwijderen",
    "Delete": "Verwijderen",
    "File size is too small.": "Het bestand is te klein.",
    # element toolbars (tables, charts)
    "Show/hide columns": "Kolommen tonen of verbergen",
    "Download as CSV": "Downloaden als CSV",
    "Search": "Zoeken",
    "Fullscreen": "Volledig scherm",
    "View fullscreen": "Volledig scherm",
    "Exit fullscreen": "Volledig scherm sluiten",
    "Close fullscreen": "Volledig scherm sluiten",
    "Show data": "Gegevens tonen",
    "Download as PNG": "Downloaden als PNG",
    "Download as SVG": "Downloaden als SVG",
    "Copy Vega-Lite spec": "Vega-Lite-specificatie kopiëren",
    "Copied!": "Gekopieerd",
    "Copied": "Gekopieerd",
    "Copy to clipboard": "Kopiëren",
    "Add row": "Rij toevoegen",
    "Delete row(s)": "Rij(en) verwijderen",
    "visualization": "grafiek",
    # Leaflet's zoom buttons inside the map frame
    "Zoom in": "Inzoomen",
    "Zoom out": "Uitzoomen",
    # the map component's frame title (its Python module name otherwise)
    "ks_data.ui.adapters.streamlit_folium": "Kaart",
    "streamlit_folium.st_folium": "Kaart",
}

PATTERNS: tuple[tuple[str, str], ...] = (
    (r"^Help for ([\s\S]+)$", "Uitleg bij $1"),
    (r"^(\d+(?:\.\d+)?)\s?([KMG]?B) per file$", "maximaal $1 $2 per bestand"),
    (r"^Limit (\d+(?:\.\d+)?)\s?([KMG]?B) per file(.*)$", "Maximaal $1 $2 per bestand$3"),
    (r"^Drag and drop (.+) here$", "Sleep $1 hierheen"),
    (r"^(.+) files are not allowed\.$", "Bestanden van het type $1 zijn niet toegestaan."),
    (r"^File must be (.+) or smaller\.$", "Het bestand mag niet groter zijn dan $1."),
    (r"^View (\d+) more$", "Nog $1 tonen"),
    (r"^(Show data|Download as PNG|Download as SVG|Copy Vega-Lite spec|Fullscreen): ([\s\S]+)$", "{$1}: $2"),
    (r"^You have requested page /(.+), but no corresponding file was found in the app's pages/ directory\. "
     r"Running the app's main page\.$", "De pagina /$1 bestaat niet (meer). U ziet nu de startpagina."),
    (r"^(year|month|day), (.+)$", "{$1}, $2"),
)

# Words that EXACT translates inside a pattern's replacement ("{Show data}: ..." -> "Gegevens tonen: ...").
WORDS: dict[str, str] = {**EXACT, "year": "jaar", "month": "maand", "day": "dag"}

# Streamlit English a user must never see or hear (tests/test_browser_dutch.py); texts, aria-labels, titles.
ENGLISH: tuple[str, ...] = (
    "Page not found", "does not seem to exist", "Running the app's main page", "No results", "Drag and drop",
    "Browse files", "per file", "Skip to main content", "Help for", "Press Enter", "Ctrl+Enter to", "⌘+Enter to",
    "Choose an option", "Choose options", "Show password", "Hide password", "View fullscreen", "Fullscreen",
    "Download as CSV", "Download as PNG", "Show data", "Copy Vega-Lite", "Show/hide columns", "Running...",
    "Rerun", "Clear all", "Clear value", "Collapse sidebar", "Expand sidebar", "Main menu", "App pages",
    "Link to heading", "Dismiss", "Record a screencast", "Please wait", "Connection error", "files are not allowed",
    "or smaller", "Previous month", "Next month", "Upload", "file upload", "X-axis", "Y-axis", "Symbol legend",
    "Title text", "Subtitle text", "mark container", "visualization", "ks_data.ui", "streamlit_folium", "Zoom in",
    "Zoom out", "Search", "Close", "Record screen", "recording", "Step 1", "Save video",
)
