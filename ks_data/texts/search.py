"""Dutch strings of the gemeente search (sidebar picker): labels, result lines and 'Geen resultaten'."""

from __future__ import annotations

SEARCH_LABEL = "Gemeente zoeken"
SEARCH_PLACEHOLDER = "Typ een naam, bv. Den Haag"
CURRENT = "Gemeente: **{name}**"
NONE_CHOSEN = "Gemeente: nog niet gekozen"
HIT_COMMON = "{name} ({alias})"
HIT_FORMER = "{name} (voorheen {former}, tot {year})"
HIT_FORMER_PART = "{name} (deel van voormalig {former}, tot {year})"
HIT_CURRENT = "{label} ✓"
NO_RESULTS = "Geen resultaten voor ‘{query}’. Controleer de spelling of typ het begin van de naam."
MORE_HITS = "{shown} van {total} gemeenten; typ verder om te verfijnen."
ENTER_HINT = "Enter kiest de eerste gemeente."
ALIASES_BROKEN = "Andere gemeentenamen niet te lezen ({problem}); zoeken kan alleen op de officiële naam."
