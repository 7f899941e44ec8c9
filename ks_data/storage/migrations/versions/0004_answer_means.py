"""Issue 14/17: a workshop saved as a coalition's self-assessment stores group means (2,33), not whole scores.

SQLite stores a REAL in an INTEGER column as it is; PostgreSQL would round it, so the column becomes a float there.
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        op.alter_column("answer", "value", type_=sa.Float, existing_type=sa.Integer, existing_nullable=True)


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        op.alter_column("answer", "value", type_=sa.Integer, existing_type=sa.Float, existing_nullable=True)
