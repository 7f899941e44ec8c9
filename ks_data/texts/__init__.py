"""Every Dutch UI string, one module per area of the app, plus the Dutch number formatters.

Pages import e.g. ``from ks_data.texts import common as tc``; no Dutch literals live in ``app_pages/``.
"""
