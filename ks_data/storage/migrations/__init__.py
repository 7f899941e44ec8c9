"""Alembic migrations of the database schema (run by ``storage.migrate`` at connect time)."""
