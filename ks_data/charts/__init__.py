"""Altair chart builders returning alt.Chart objects; one module per area, shared config in base."""
