"""Issue 18: workspaces (one per coalition on a hosted instance), their scope on every record, throttle and audit.

Existing rows go to workspace 1, the implicit workspace of a laptop (made here). An assessment is unique per
workspace; SQLite cannot change a table's UNIQUE constraint, so there the assessment table is rebuilt (its answers
and notes are copied aside first: dropping a parent table with foreign keys on would cascade into them).
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

ONE = sa.text("1")
_ASSESSMENT_COLUMNS = ("id, coalition, coalition_key, gemeente, gemeente_key, assessment_date, created_at, updated_at,"
                       " workshop_code, n_participants")


def _workspace_column() -> sa.Column:
    return sa.Column("workspace_id", sa.Integer, nullable=False, server_default=ONE)


def _rebuild_assessment_sqlite() -> None:
    for table in ("answer", "note"):
        op.execute(f"CREATE TABLE _ks_copy_{table} AS SELECT * FROM {table}")
        op.execute(f"DROP TABLE {table}")
    op.execute("ALTER TABLE assessment RENAME TO _ks_old_assessment")
    op.create_table(
        "assessment",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("coalition", sa.Text, nullable=False),
        sa.Column("coalition_key", sa.Text, nullable=False),
        sa.Column("gemeente", sa.Text, nullable=False, server_default=sa.text("''")),
        sa.Column("gemeente_key", sa.Text, nullable=False, server_default=sa.text("''")),
        sa.Column("assessment_date", sa.Text, nullable=False),
        sa.Column("created_at", sa.Text, nullable=False),
        sa.Column("updated_at", sa.Text, nullable=False),
        sa.Column("workshop_code", sa.Text, nullable=False, server_default=sa.text("''")),
        sa.Column("n_participants", sa.Integer),
        _workspace_column(),
        sa.UniqueConstraint("workspace_id", "coalition_key", "gemeente_key", "assessment_date"),
    )
    op.execute(f"INSERT INTO assessment ({_ASSESSMENT_COLUMNS}, workspace_id) "
               f"SELECT {_ASSESSMENT_COLUMNS}, 1 FROM _ks_old_assessment")
    op.execute("DROP TABLE _ks_old_assessment")
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
    op.execute("INSERT INTO answer (assessment_id, item_id, value, updated_at) "
               "SELECT assessment_id, item_id, value, updated_at FROM _ks_copy_answer")
    op.execute("INSERT INTO note (assessment_id, element_id, kind, text, updated_at) "
               "SELECT assessment_id, element_id, kind, text, updated_at FROM _ks_copy_note")
    op.execute("DROP TABLE _ks_copy_answer")
    op.execute("DROP TABLE _ks_copy_note")


def _rescope_assessment_postgresql() -> None:
    op.add_column("assessment", _workspace_column())
    for constraint in sa.inspect(op.get_bind()).get_unique_constraints("assessment"):
        op.drop_constraint(constraint["name"], "assessment", type_="unique")
    op.create_unique_constraint("assessment_workspace_key", "assessment",
                                ["workspace_id", "coalition_key", "gemeente_key", "assessment_date"])


def upgrade() -> None:
    op.create_table(
        "workspace",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("gemeente", sa.Text, nullable=False, server_default=sa.text("''")),
        sa.Column("lookup", sa.Text, unique=True),  # the public first part of the access code (NULL: no code)
        sa.Column("code_hash", sa.Text),  # scrypt$n$r$p$salt$hash of the whole code (NULL: the laptop's)
        sa.Column("created_at", sa.Text, nullable=False),
    )
    op.execute("INSERT INTO workspace (id, name, gemeente, created_at) "
               "VALUES (1, 'Deze computer', '', '2026-12-01T00:00:00.000+00:00')")
    if op.get_bind().dialect.name == "sqlite":
        _rebuild_assessment_sqlite()
    else:
        _rescope_assessment_postgresql()
        op.execute("SELECT setval(pg_get_serial_sequence('workspace', 'id'), 1)")
    op.create_index("assessment_workspace", "assessment", ["workspace_id"])
    op.add_column("workshop", _workspace_column())
    op.create_index("workshop_workspace", "workshop", ["workspace_id"])
    op.add_column("perinatal_file", _workspace_column())
    op.create_index("perinatal_file_workspace", "perinatal_file", ["workspace_id"])
    op.create_table(
        "throttle",
        sa.Column("client", sa.Text, nullable=False),  # a hash of the client address, never the address itself
        sa.Column("kind", sa.Text, nullable=False),
        sa.Column("window_start", sa.Integer, nullable=False),  # epoch seconds
        sa.Column("count", sa.Integer, nullable=False),
        sa.PrimaryKeyConstraint("client", "kind", "window_start"),
    )
    op.create_table(
        "audit",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("workspace_id", sa.Integer, nullable=False),
        sa.Column("at", sa.Text, nullable=False),
        sa.Column("actor", sa.Text, nullable=False),  # werkruimte / deelnemer / beheerder
        sa.Column("action", sa.Text, nullable=False),
        sa.Column("object_kind", sa.Text, nullable=False),
        sa.Column("object_id", sa.Text, nullable=False, server_default=sa.text("''")),
    )
    op.create_index("audit_workspace", "audit", ["workspace_id", "at"])
