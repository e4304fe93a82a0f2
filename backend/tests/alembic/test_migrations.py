"""The migrations build exactly the schema the models describe, and carry existing rows across."""

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
import sqlalchemy as sa
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from fastapi.testclient import TestClient
from sqlalchemy import Engine
from sqlmodel import SQLModel

from tests.conftest import AuthHeaders, migrate

FIRST_REVISION = "d25325d78358"
CREATED = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)
# Everything but these is the same for a migrated row and a task created now.
MADE_NOW = {"id", "created_at", "updated_at"}


def task_table(connection: sa.Connection) -> sa.Table:
    """The task table as the database holds it at this revision."""
    return sa.Table("task", sa.MetaData(), autoload_with=connection)


@pytest.fixture
def first_schema(db: Engine) -> Iterator[Engine]:
    """The database taken down to the first revision, and back up to head afterwards."""
    migrate(db, command.downgrade, FIRST_REVISION)
    try:
        yield db
    finally:
        migrate(db, command.upgrade, "head")


def test_migrate_head_matches_models(db: Engine) -> None:
    with db.connect() as connection:
        diff = compare_metadata(MigrationContext.configure(connection), SQLModel.metadata)

    assert diff == []


def test_migrate_upgrade_existing_row_reads_like_new_task(
    first_schema: Engine, client: TestClient, auth_as: AuthHeaders
) -> None:
    fields = {"title": "Ärger", "description": "STRASSE", "completed": False}
    row = fields | {"user_id": "user-a", "created_at": CREATED, "updated_at": CREATED}
    with first_schema.begin() as connection:
        connection.execute(sa.insert(task_table(connection)), [row])

    migrate(first_schema, command.upgrade, "head")
    fresh = client.post("/api/tasks", json=fields, headers=auth_as("user-a")).json()
    # Found by the case-folded search text the migration backfills, in title and description.
    by_title = client.get("/api/tasks", params={"q": "ärger"}, headers=auth_as("user-a"))
    by_description = client.get("/api/tasks", params={"q": "straße"}, headers=auth_as("user-a"))

    migrated = next(task for task in by_title.json()["items"] if task["id"] != fresh["id"])
    assert by_description.json() == by_title.json()
    assert migrated["created_at"] == migrated["updated_at"] == "2026-01-02T03:04:05Z"
    assert {key: value for key, value in migrated.items() if key not in MADE_NOW} == {
        key: value for key, value in fresh.items() if key not in MADE_NOW
    }


def test_migrate_downgrade_keeps_first_revision_columns(
    db: Engine, client: TestClient, auth_as: AuthHeaders
) -> None:
    body = {"title": "t", "description": "d", "tags": ["x"], "priority": "high"}
    created = client.post("/api/tasks", json=body, headers=auth_as("user-a")).json()

    migrate(db, command.downgrade, FIRST_REVISION)
    try:
        with db.connect() as connection:
            rows = connection.execute(sa.select(task_table(connection))).mappings().all()
            tables = sa.inspect(connection).get_table_names()
    finally:
        migrate(db, command.upgrade, "head")

    assert [(row["id"], row["title"], row["description"]) for row in rows] == [
        (created["id"], "t", "d")
    ]
    assert "task_tag" not in tables


BEFORE_RULES = "c3a9f1d4e6b2"


def test_migrate_upgrade_recurring_row_gets_rrule_and_utc(
    db: Engine, client: TestClient, auth_as: AuthHeaders
) -> None:
    migrate(db, command.downgrade, BEFORE_RULES)
    try:
        row = {"title": "t", "description": "", "completed": False, "user_id": "user-a"}
        row |= {"created_at": CREATED, "updated_at": CREATED}
        row |= {"due_at": CREATED, "recurrence": "weekly", "recurrence_interval": 2}
        with db.begin() as connection:
            connection.execute(sa.insert(task_table(connection)), [row])
    finally:
        migrate(db, command.upgrade, "head")

    (task,) = client.get("/api/tasks", headers=auth_as("user-a")).json()["items"]

    assert (task["rrule"], task["recurrence"], task["time_zone"]) == (
        "FREQ=WEEKLY;INTERVAL=2",
        "weekly",
        "UTC",
    )


def test_migrate_downgrade_yearly_becomes_twelve_months(
    db: Engine, client: TestClient, auth_as: AuthHeaders
) -> None:
    body = {"title": "t", "due_at": "2027-05-01T09:00:00Z", "rrule": "FREQ=YEARLY;INTERVAL=2"}
    client.post("/api/tasks", json=body, headers=auth_as("user-a")).raise_for_status()

    migrate(db, command.downgrade, BEFORE_RULES)
    try:
        with db.connect() as connection:
            table = task_table(connection)
            rows = connection.execute(
                sa.select(table.c.recurrence, table.c.recurrence_interval)
            ).all()
    finally:
        migrate(db, command.upgrade, "head")

    assert [tuple(row) for row in rows] == [("monthly", 24)]
