"""Old and likely links (/start, /home, /map, ...) land on the right page instead of "Page not found".

Streamlit serves the default page at "/" only, so "/start" (its url_path before) and English names people
guess or kept from earlier versions would open a "Page not found" dialog. ``with_old_links`` adds one
hidden page per such path (not in the menu) that switches to its page, keeping the link's parameters.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

import streamlit as st

# old or guessed url path -> url path of the page it means ("" is the start page, served at "/")
OLD_LINKS: dict[str, str] = {
    "start": "", "home": "", "index": "", "main": "",
    "indicators": "indicatoren", "landelijke-indicatoren": "indicatoren",
    "trend": "trends",
    "profile": "mijn-gemeente", "gemeente": "mijn-gemeente", "profiel": "mijn-gemeente",
    "map": "kaart",
    "report": "rapport", "gemeenterapport": "rapport",
    "assessment": "zelfevaluatie", "assessment_fill": "zelfevaluatie", "self-assessment": "zelfevaluatie",
    "assessment_results": "zelfevaluatie-resultaten", "resultaten": "zelfevaluatie-resultaten",
    "results": "zelfevaluatie-resultaten",
    "workshop_join": "workshop", "meedoen": "workshop", "join": "workshop",
    "workshop_host": "workshop-scherm", "groepsscherm": "workshop-scherm",
    "upload": "data", "gegevens": "data",
}


def _redirect(target: st.Page) -> Callable[[], None]:
    def go() -> None:
        st.switch_page(target, query_params=st.query_params.to_dict())

    return go


def old_link_pages(pages: Mapping[str, list[st.Page]], links: Mapping[str, str] = OLD_LINKS) -> list[st.Page]:
    """Hidden pages for ``links`` whose target is among ``pages`` and whose path no page of ``pages`` uses.

    The default page must have ``url_path=""``: Streamlit reserves a default page's own url_path without
    serving it (its link is "/"), so "/start" could not be redirected otherwise.
    """
    by_path = {page.url_path: page for section in pages.values() for page in section}
    reserved = set(by_path) | {page._url_path for section in pages.values() for page in section}
    return [st.Page(_redirect(by_path[target]), title=path, url_path=path, visibility="hidden")
            for path, target in links.items() if target in by_path and path not in reserved]


def with_old_links(pages: dict[str, list[st.Page]]) -> dict[str, list[st.Page]]:
    """``pages`` with the hidden old-link pages added to its last section (for ``st.navigation`` only)."""
    extra = old_link_pages(pages)
    if not extra or not pages:
        return pages
    last = list(pages)[-1]
    return {**pages, last: [*pages[last], *extra]}
