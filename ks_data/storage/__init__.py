"""The database: ``db`` (connections, migrations, errors), ``assessments`` and ``workshops`` (the records)."""
