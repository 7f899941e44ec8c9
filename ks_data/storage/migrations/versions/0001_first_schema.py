"""First schema (the app's SQLite schema 1): self-assessments with answers and notes, workshops with participants."""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

EMPTY = sa.text("''")


def upgrade() -> None:
    op.create_table(
        "assessment",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("coalition", sa.Text, nullable=False),
        sa.Column("coalition_key", sa.Text, nullable=False),
        sa.Column("gemeente", sa.Text, nullable=False, server_default=EMPTY),
        sa.Column("gemeente_key", sa.Text, nullable=False, server_default=EMPTY),
        sa.Column("assessment_date", sa.Text, nullable=False),
        sa.Column("created_at", sa.Text, nullable=False),
        sa.Column("updated_at", sa.Text, nullable=False),
        sa.UniqueConstraint("coalition_key", "gemeente_key", "assessment_date"),
    )
    op.create_table(
        "answer",
        sa.Column("assessment_id", sa.Integer, sa.ForeignKey("assessment.id", ondelete="CASCADE"), nullable=False),
        sa.Column("item_id", sa.Text, nullable=False),
        sa.Column("value", sa.Integer),
        sa.Column("updated_at", sa.Text, nullable=False),
        sa.PrimaryKeyConstraint("assessment_id", "item_id"),
    )
    op.create_table(
        "note",
        sa.Column("assessment_id", sa.Integer, sa.ForeignKey("assessment.id", ondelete="CASCADE"), nullable=False),
        sa.Column("element_id", sa.Text, nullable=False),
        sa.Column("kind", sa.Text, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("updated_at", sa.Text, nullable=False),
        sa.PrimaryKeyConstraint("assessment_id", "element_id", "kind"),
    )
    op.create_table(
        "workshop",
        sa.Column("code", sa.Text, primary_key=True),
        sa.Column("title", sa.Text, nullable=False, server_default=EMPTY),
        sa.Column("created_at", sa.Text, nullable=False),
    )
    op.create_table(
        "participant",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("workshop_code", sa.Text, sa.ForeignKey("workshop.code", ondelete="CASCADE"), nullable=False),
        sa.Column("token", sa.Text, nullable=False, unique=True),
        sa.Column("name", sa.Text, nullable=False, server_default=EMPTY),
        sa.Column("joined_at", sa.Text, nullable=False),
    )
    op.create_table(
        "participant_answer",
        sa.Column("participant_id", sa.Integer, sa.ForeignKey("participant.id", ondelete="CASCADE"), nullable=False),
        sa.Column("item_id", sa.Text, nullable=False),
        sa.Column("value", sa.Integer),
        sa.Column("updated_at", sa.Text, nullable=False),
        sa.PrimaryKeyConstraint("participant_id", "item_id"),
    )
