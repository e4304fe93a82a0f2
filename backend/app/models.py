"""The Task table and the shapes the API accepts and returns for it."""

from datetime import UTC, datetime
from typing import Annotated

from pydantic import ConfigDict, field_validator
from pydantic import Field as Constraints
from sqlalchemy import DateTime, Index, TypeDecorator
from sqlmodel import Field, SQLModel

Title = Annotated[str, Constraints(min_length=1, max_length=200)]
Description = Annotated[str, Constraints(max_length=1000)]

# Clients must never choose ids, owners or timestamps; stripping runs before length checks,
# so a whitespace-only title is refused as empty.
INPUT_CONFIG = ConfigDict(extra="forbid", str_strip_whitespace=True)


def utcnow() -> datetime:
    return datetime.now(UTC)


class UTCDateTime(TypeDecorator[datetime]):
    """Stores UTC and always reads back an aware datetime (SQLite drops the zone)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: object) -> datetime | None:
        return value.astimezone(UTC) if value is not None else None

    def process_result_value(self, value: datetime | None, dialect: object) -> datetime | None:
        if value is None or value.tzinfo is not None:
            return value
        return value.replace(tzinfo=UTC)


class TaskBase(SQLModel):
    title: Title
    description: Description = ""
    completed: bool = False


class TaskCreate(TaskBase):
    model_config = INPUT_CONFIG


class TaskUpdate(TaskCreate):
    """PUT body: a full replacement, so omitted fields go back to their defaults."""


class TaskPatch(SQLModel):
    """PATCH body: only the fields sent are changed."""

    model_config = INPUT_CONFIG

    title: Title | None = None
    description: Description | None = None
    completed: bool | None = None

    @field_validator("title", "description", "completed")
    @classmethod
    def refuse_null(cls, value: object) -> object:
        # Runs only on fields that were sent: omitting a field is fine, sending null is not.
        if value is None:
            raise ValueError("may be omitted but not null")
        return value


class Task(TaskBase, table=True):
    __table_args__ = (
        Index("ix_task_user_id_completed_created_at", "user_id", "completed", "created_at"),
    )

    id: int | None = Field(default=None, primary_key=True)
    user_id: str = Field(index=True)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    updated_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class TaskPublic(TaskBase):
    id: int
    user_id: str
    created_at: datetime
    updated_at: datetime


class TasksPublic(SQLModel):
    items: list[TaskPublic]
    total: int
    limit: int
    offset: int
