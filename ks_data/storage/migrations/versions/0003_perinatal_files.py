"""Issue 17: the loaded perinatal files and remembered column mappings in the database, shared by every server."""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "perinatal_file",
        sa.Column("id", sa.Text, primary_key=True),
        sa.Column("position", sa.Integer, nullable=False),  # order of loading (oldest first)
        sa.Column("meta", sa.Text, nullable=False),  # JSON: file name, when, levels, periods, counts, warnings
        sa.Column("content", sa.LargeBinary, nullable=False),  # the checked tidy frame as Parquet
        sa.Column("created_at", sa.Text, nullable=False),
    )
    op.create_table(
        "perinatal_mapping",
        sa.Column("signature", sa.Text, primary_key=True),
        sa.Column("mapping", sa.Text, nullable=False),  # JSON
        sa.Column("updated_at", sa.Text, nullable=False),
    )
    # change counters: a cache key that every server reads from the database (files, mappings)
    op.create_table(
        "change_counter",
        sa.Column("name", sa.Text, primary_key=True),
        sa.Column("value", sa.Integer, nullable=False),
    )
