"""Add all_day: a task due on a calendar day rather than at a time.

Revision ID: c3a9f1d4e6b2
Revises: b7e4d2c91a05
Create Date: 2026-12-03 14:10:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "c3a9f1d4e6b2"
down_revision: str | None = "b7e4d2c91a05"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # The server default fills the rows that already exist: they were all due at a time. A plain
    # ADD COLUMN, which SQLite can do in place, so the table keeps its AUTOINCREMENT ids.
    op.add_column(
        "task", sa.Column("all_day", sa.Boolean(), server_default=sa.false(), nullable=False)
    )


def downgrade() -> None:
    # SQLite rebuilds the table to drop a column; it must keep its AUTOINCREMENT ids.
    with op.batch_alter_table("task", table_kwargs={"sqlite_autoincrement": True}) as batch:
        batch.drop_column("all_day")
