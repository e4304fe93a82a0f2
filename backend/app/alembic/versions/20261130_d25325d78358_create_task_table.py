"""Create the task table with its owner and listing indexes.

Revision ID: d25325d78358
Revises:
Create Date: 2026-11-30 15:12:10.064321
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "d25325d78358"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "task",
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("description", sa.String(length=1000), nullable=False),
        sa.Column("completed", sa.Boolean(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.String(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_task_user_id", "task", ["user_id"])
    # Serves the list query: one user's tasks, optionally by status, newest first.
    op.create_index(
        "ix_task_user_id_completed_created_at", "task", ["user_id", "completed", "created_at"]
    )


def downgrade() -> None:
    op.drop_index("ix_task_user_id_completed_created_at", table_name="task")
    op.drop_index("ix_task_user_id", table_name="task")
    op.drop_table("task")
