"""Shared browser fixtures of the page tours: one headless Chromium per module and fresh offline tabs.

A test module defines its own ``app_url`` fixture (the server it tours) and imports these two.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest

from tests.support import CHROMIUM, CHROMIUM_ARGS, local_only_context


@pytest.fixture(scope="module")
def browser(app_url: str):
    """One headless Chromium for the module (started after the module's server)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def new_tab(browser) -> Iterator[Callable]:
    """Factory of fresh tabs (each its own context, so its own Streamlit session); fails on any external request."""
    external: list[str] = []
    contexts = []

    def make(width: int = 1280, height: int = 720, **options):
        context = local_only_context(browser, external, viewport={"width": width, "height": height}, **options)
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()
    assert external == [], f"requests left the machine: {external}"
