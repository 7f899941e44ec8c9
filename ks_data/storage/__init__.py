"""The database: ``engine`` (SQLite or PostgreSQL), ``migrate`` (Alembic), ``db`` (connections, errors); records: ``assessments``, ``workshops``, ``perinatal_files``."""
