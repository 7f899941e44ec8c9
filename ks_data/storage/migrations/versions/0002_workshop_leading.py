"""Issue 14: the trainer leads a workshop (open/closed, countdown, names, reveals, removed participants, notes)."""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("workshop", sa.Column("accepting", sa.Integer, nullable=False, server_default=sa.text("1")))
    op.add_column("workshop", sa.Column("show_names", sa.Integer, nullable=False, server_default=sa.text("0")))
    op.add_column("workshop", sa.Column("countdown_ends_at", sa.Text))
    op.add_column("participant", sa.Column("removed_at", sa.Text))
    op.create_table(
        "workshop_reveal",
        sa.Column("workshop_code", sa.Text, sa.ForeignKey("workshop.code", ondelete="CASCADE"), nullable=False),
        sa.Column("part", sa.Text, nullable=False),
        sa.Column("revealed_at", sa.Text, nullable=False),
        sa.PrimaryKeyConstraint("workshop_code", "part"),
    )
    op.create_table(
        "workshop_note",
        sa.Column("workshop_code", sa.Text, sa.ForeignKey("workshop.code", ondelete="CASCADE"), nullable=False),
        sa.Column("element_id", sa.Text, nullable=False),
        sa.Column("kind", sa.Text, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("updated_at", sa.Text, nullable=False),
        sa.PrimaryKeyConstraint("workshop_code", "element_id", "kind"),
    )
    op.add_column("assessment", sa.Column("workshop_code", sa.Text, nullable=False, server_default=sa.text("''")))
    op.add_column("assessment", sa.Column("n_participants", sa.Integer))
