"""Add priority, due and reminder times, recurrence, completion time, search text and tags.

Revision ID: 88634d5b0703
Revises: d25325d78358
Create Date: 2026-11-30 15:23:01.975624
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "88634d5b0703"
down_revision: str | None = "d25325d78358"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The app's search_text rule as of this revision, frozen here so later changes to the app
# cannot change what this migration writes.
task = sa.table(
    "task",
    sa.column("id", sa.Integer()),
    sa.column("title", sa.String()),
    sa.column("description", sa.String()),
    sa.column("search_text", sa.Text()),
)


def upgrade() -> None:
    # Server defaults fill the rows that already exist. On SQLite the table is rebuilt so its
    # ids become AUTOINCREMENT: never handed out again once deleted, as on PostgreSQL.
    with op.batch_alter_table(
        "task", recreate=on_sqlite("always"), table_kwargs={"sqlite_autoincrement": True}
    ) as batch:
        batch.add_column(
            sa.Column("priority", sa.String(length=6), server_default="medium", nullable=False)
        )
        batch.add_column(sa.Column("due_at", sa.DateTime(timezone=True), nullable=True))
        batch.add_column(sa.Column("remind_at", sa.DateTime(timezone=True), nullable=True))
        batch.add_column(
            sa.Column("recurrence", sa.String(length=7), server_default="none", nullable=False)
        )
        batch.add_column(
            sa.Column("recurrence_interval", sa.Integer(), server_default="1", nullable=False)
        )
        batch.add_column(sa.Column("completed_at", sa.DateTime(timezone=True), nullable=True))
        batch.add_column(
            sa.Column(
                "search_text",
                sa.Text().with_variant(sa.Text(collation="C"), "postgresql"),
                server_default="",
                nullable=False,
            )
        )
        batch.add_column(
            sa.Column("next_scheduled", sa.Boolean(), server_default=sa.false(), nullable=False)
        )
        # The composite indexes start with user_id, so the single-column one only cost writes.
        batch.drop_index("ix_task_user_id")
        batch.create_index("ix_task_user_id_due_at", ["user_id", "due_at"])
    backfill_search_text()

    op.create_table(
        "task_tag",
        sa.Column("task_id", sa.Integer(), nullable=False),
        sa.Column("tag", sa.String(length=32), nullable=False),
        sa.Column("user_id", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(["task_id"], ["task.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("task_id", "tag"),
    )
    op.create_index("ix_task_tag_user_id_tag", "task_tag", ["user_id", "tag"])


def backfill_search_text() -> None:
    connection = op.get_bind()
    rows = connection.execute(sa.select(task.c.id, task.c.title, task.c.description)).all()
    if not rows:
        return
    connection.execute(
        sa.update(task)
        .where(task.c.id == sa.bindparam("row_id"))
        .values(search_text=sa.bindparam("text")),
        [
            {"row_id": id_, "text": f"{title}\n{description}".casefold()}
            for id_, title, description in rows
        ],
    )


def on_sqlite(recreate: str) -> str:
    return recreate if op.get_bind().dialect.name == "sqlite" else "auto"


def downgrade() -> None:
    op.drop_index("ix_task_tag_user_id_tag", table_name="task_tag")
    op.drop_table("task_tag")
    with op.batch_alter_table(
        "task", recreate=on_sqlite("always"), table_kwargs={"sqlite_autoincrement": False}
    ) as batch:
        batch.drop_index("ix_task_user_id_due_at")
        batch.create_index("ix_task_user_id", ["user_id"])
        for column in (
            "next_scheduled",
            "search_text",
            "completed_at",
            "recurrence_interval",
            "recurrence",
            "remind_at",
            "due_at",
            "priority",
        ):
            batch.drop_column(column)
