"""Alembic environment: run the migrations on the connection ``storage.migrate`` hands over (never a URL)."""

from alembic import context

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=None)
with context.begin_transaction():  # the caller's transaction (already begun, holds the migration lock)
    context.run_migrations()
