"""Add repeat rules (RRULE, time zone, repeat from completion) and emailed reminders.

Revision ID: c41f7a2d9e60
Revises: c3a9f1d4e6b2
Create Date: 2026-12-03 14:20:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "c41f7a2d9e60"
down_revision: str | None = "c3a9f1d4e6b2"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

task = sa.table(
    "task",
    sa.column("recurrence", sa.String()),
    sa.column("recurrence_interval", sa.Integer()),
    sa.column("rrule", sa.String()),
)
UNSENT = sa.text("reminder_sent_at IS NULL")


def upgrade() -> None:
    op.add_column("task", sa.Column("rrule", sa.String(length=255), nullable=True))
    op.add_column(
        "task",
        sa.Column(
            "repeat_from_completion", sa.Boolean(), server_default=sa.false(), nullable=False
        ),
    )
    op.add_column(
        "task", sa.Column("time_zone", sa.String(length=64), server_default="UTC", nullable=False)
    )
    op.add_column("task", sa.Column("reminder_email", sa.String(length=320), nullable=True))
    op.add_column("task", sa.Column("reminder_sent_at", sa.DateTime(timezone=True), nullable=True))
    op.add_column(
        "task", sa.Column("reminder_claimed_until", sa.DateTime(timezone=True), nullable=True)
    )
    op.create_index(
        "ix_task_remind_at_unsent",
        "task",
        ["remind_at"],
        postgresql_where=UNSENT,
        sqlite_where=UNSENT,
    )
    # The older fields as a rule: "monthly", 2 becomes FREQ=MONTHLY;INTERVAL=2. Existing rows keep
    # UTC, the zone their repeats were computed in, and no email address, so the upgrade emails
    # nothing that was set before it.
    op.execute(
        sa.update(task)
        .where(task.c.recurrence != "none")
        .values(
            rrule=sa.literal("FREQ=")
            + sa.func.upper(task.c.recurrence)
            + sa.literal(";INTERVAL=")
            + sa.cast(task.c.recurrence_interval, sa.String())
        )
    )
    op.create_table(
        "reminder_preference",
        sa.Column("user_id", sa.String(), nullable=False),
        sa.Column("email_reminders", sa.Boolean(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("user_id"),
    )


def downgrade() -> None:
    op.drop_table("reminder_preference")
    # The older app knows no yearly repeat: every N years is every 12·N months while that fits.
    yearly = task.c.recurrence == "yearly"
    op.execute(
        sa.update(task)
        .where(yearly & (task.c.recurrence_interval <= 30))
        .values(recurrence="monthly", recurrence_interval=task.c.recurrence_interval * 12)
    )
    op.execute(sa.update(task).where(yearly).values(recurrence="none", recurrence_interval=1))
    op.drop_index("ix_task_remind_at_unsent", table_name="task")
    # Plain ALTER TABLE … DROP COLUMN (SQLite ≥ 3.35): rebuilding the table would cascade-delete
    # the tags, which reference it.
    for column in (
        "reminder_claimed_until",
        "reminder_sent_at",
        "reminder_email",
        "time_zone",
        "repeat_from_completion",
        "rrule",
    ):
        op.drop_column("task", column)
