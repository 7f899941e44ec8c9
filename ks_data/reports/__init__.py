"""Printable self-contained HTML reports: the denkraam one-pager and the gemeenterapport (shared parts: html)."""
