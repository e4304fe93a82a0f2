"""The task and task_tag tables and the shapes the API accepts and returns for them."""

import re
from datetime import UTC, datetime
from enum import StrEnum
from typing import Annotated, Self

from pydantic import (
    AfterValidator,
    AwareDatetime,
    BeforeValidator,
    ConfigDict,
    Strict,
    StrictBool,
    ValidationInfo,
    field_validator,
    model_validator,
)
from pydantic import Field as Constraints
from sqlalchemy import DateTime, Index, String, Text, TypeDecorator, false, text
from sqlmodel import Field, SQLModel

from app.recurrence import MAX_RULE_LENGTH, parse_rule, simple_rule
from app.timezones import DEFAULT_TIME_ZONE, MAX_TIME_ZONE_LENGTH, check_time_zone

# Ids, offsets and counts travel as 32-bit integers; a larger number would overflow the driver.
MAX_INT32 = 2**31 - 1
MAX_TAGS = 10
MAX_RECURRENCE_INTERVAL = 365
IDEMPOTENCY_KEY_MAX = 200

# PostgreSQL text cannot hold NUL, so it is refused up front rather than failing in the driver.
NO_NUL = r"^[^\x00]*$"
# One-line labels (titles, tags, search terms) also refuse the other control characters.
ONE_LINE = r"^[^\x00-\x1f\x7f]*$"

RFC3339 = re.compile(r"\d{4}-\d\d-\d\d[Tt]\d\d:\d\d:\d\d(\.\d+)?([Zz]|[+-]\d\d:\d\d)", re.ASCII)

# Clients must never choose ids, owners or timestamps; stripping runs before length checks,
# so a whitespace-only title is refused as empty.
INPUT_CONFIG = ConfigDict(extra="forbid", str_strip_whitespace=True)


def utcnow() -> datetime:
    return datetime.now(UTC)


def require_rfc3339(value: object) -> object:
    # Pydantic would also read numbers, and strings of digits, as Unix timestamps.
    if isinstance(value, datetime) or (isinstance(value, str) and RFC3339.fullmatch(value)):
        return value
    raise ValueError("must be an RFC 3339 date-time with an offset, e.g. 2026-12-01T17:00:00Z")


def to_utc(moment: datetime) -> datetime:
    try:
        return moment.astimezone(UTC)
    except OverflowError:
        raise ValueError("is outside the range of dates once converted to UTC") from None


def unique_sorted(tags: list[str]) -> list[str]:
    # Sorted by code point, so every engine and every client sees the same order.
    return sorted(set(tags))


def search_key(text: str) -> str:
    """Full Unicode case folding done in Python, so search ignores case alike on every engine."""
    return text.casefold()


Title = Annotated[str, Constraints(min_length=1, max_length=200, pattern=ONE_LINE)]
Description = Annotated[str, Constraints(max_length=1000, pattern=NO_NUL)]
Tag = Annotated[
    str, Constraints(min_length=1, max_length=32, pattern=ONE_LINE), AfterValidator(str.lower)
]
Tags = Annotated[list[Tag], Constraints(max_length=MAX_TAGS), AfterValidator(unique_sorted)]
Instant = Annotated[AwareDatetime, BeforeValidator(require_rfc3339), AfterValidator(to_utc)]
# Strict: JSON's 0, 1.0 and "1" are not booleans or counts, whatever lax parsing would make of them.
RecurrenceInterval = Annotated[int, Strict(), Constraints(ge=1, le=MAX_RECURRENCE_INTERVAL)]
SearchTerm = Annotated[str, Constraints(max_length=200, pattern=ONE_LINE)]
TimeZone = Annotated[
    str, Constraints(max_length=MAX_TIME_ZONE_LENGTH), AfterValidator(check_time_zone)
]
RepeatRule = Annotated[
    str,
    Constraints(max_length=MAX_RULE_LENGTH, pattern=ONE_LINE),
    AfterValidator(lambda value: parse_rule(value).text),
]
# An email address as a token may carry it (RFC 5321 caps a path at 256 octets).
EMAIL_MAX = 320

# Text that sorts by code point on both engines: SQLite compares bytes, while PostgreSQL
# follows the database's locale unless told "C".
CODE_POINT_TEXT = Text().with_variant(Text(collation="C"), "postgresql")


class Priority(StrEnum):
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"


class Recurrence(StrEnum):
    NONE = "none"
    DAILY = "daily"
    WEEKLY = "weekly"
    MONTHLY = "monthly"
    YEARLY = "yearly"


class TaskStatus(StrEnum):
    ALL = "all"
    PENDING = "pending"
    COMPLETED = "completed"


class TaskSort(StrEnum):
    CREATED = "created"
    UPDATED = "updated"
    DUE = "due"
    PRIORITY = "priority"
    TITLE = "title"


class SortOrder(StrEnum):
    ASC = "asc"
    DESC = "desc"


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


class TaskFields(SQLModel):
    """The fields a client writes, shared by the table, the inputs and the output."""

    title: Title
    description: Description = ""
    completed: StrictBool = False
    priority: Priority = Field(
        default=Priority.MEDIUM, sa_type=String(6), sa_column_kwargs={"server_default": "medium"}
    )
    due_at: Instant | None = Field(
        default=None, sa_type=UTCDateTime, description="Any offset in, always UTC out."
    )
    remind_at: Instant | None = Field(
        default=None, sa_type=UTCDateTime, description="Needs `due_at`, and is not after it."
    )
    recurrence: Recurrence = Field(
        default=Recurrence.NONE,
        sa_type=String(7),
        sa_column_kwargs={"server_default": "none"},
        description="Anything but `none` needs `due_at`; completing the task schedules the next.",
    )
    recurrence_interval: RecurrenceInterval = Field(
        default=1,
        sa_column_kwargs={"server_default": "1"},
        description="Repeat every this many days, weeks, months or years.",
    )
    rrule: RepeatRule | None = Field(
        default=None,
        sa_type=String(255),
        description=(
            "The repeat rule as an RFC 5545 RRULE, e.g. `FREQ=WEEKLY;BYDAY=MO,TH`. Sent alone, it"
            " sets `recurrence` and `recurrence_interval`; left out, they set it."
        ),
    )
    repeat_from_completion: StrictBool = Field(
        default=False,
        sa_column_kwargs={"server_default": false()},
        description="Repeat from the day it is completed rather than on a fixed schedule.",
    )
    time_zone: TimeZone = Field(
        default=DEFAULT_TIME_ZONE,
        sa_type=String(MAX_TIME_ZONE_LENGTH),
        sa_column_kwargs={"server_default": DEFAULT_TIME_ZONE},
        description="IANA zone whose wall-clock time the repeats keep, e.g. Europe/Berlin.",
    )
    all_day: StrictBool = Field(
        default=False,
        sa_column_kwargs={"server_default": false()},
        description=(
            "Due on a calendar day, not at a time: needs `due_at`, which is then the end of that"
            " day in the person's zone; clients show only the date."
        ),
    )


class TaskCreate(TaskFields):
    model_config = INPUT_CONFIG

    tags: Tags = Field(default=[], description="Trimmed, lowercased, deduplicated and sorted.")

    @field_validator("remind_at")
    @classmethod
    def remind_before_due(cls, remind_at: datetime | None, info: ValidationInfo) -> object:
        # A due_at that failed its own validation is absent here and already reported.
        if remind_at is None or "due_at" not in info.data:
            return remind_at
        due_at = info.data["due_at"]
        if due_at is None:
            raise ValueError("needs a due_at")
        if remind_at > due_at:
            raise ValueError("must not be after due_at")
        return remind_at

    @field_validator("recurrence")
    @classmethod
    def recurring_needs_due(cls, recurrence: Recurrence, info: ValidationInfo) -> object:
        # The next occurrence is scheduled from the due date, so there must be one.
        if recurrence != Recurrence.NONE and "due_at" in info.data and info.data["due_at"] is None:
            raise ValueError("needs a due_at")
        return recurrence

    @model_validator(mode="after")
    def settle_rule(self) -> Self:
        """Makes `rrule` and the older `recurrence` + `recurrence_interval` say the same thing."""
        if self.rrule is None:
            if self.recurrence != Recurrence.NONE:
                self.rrule = simple_rule(self.recurrence, self.recurrence_interval)
            return self
        if self.due_at is None:
            raise ValueError("rrule needs a due_at")
        rule = parse_rule(self.rrule)
        recurrence = Recurrence(rule.frequency.lower())
        sent = self.model_fields_set
        if "recurrence" in sent and self.recurrence != recurrence:
            raise ValueError(
                f"recurrence {self.recurrence.value!r} contradicts rrule {rule.text!r}"
            )
        if "recurrence_interval" in sent and self.recurrence_interval != rule.interval:
            raise ValueError(f"recurrence_interval contradicts rrule {rule.text!r}")
        self.recurrence, self.recurrence_interval = recurrence, rule.interval
        return self

    @field_validator("all_day")
    @classmethod
    def all_day_needs_due(cls, all_day: bool, info: ValidationInfo) -> object:
        # The day is read from due_at, so an all-day task without one has no day.
        if all_day and "due_at" in info.data and info.data["due_at"] is None:
            raise ValueError("needs a due_at")
        return all_day


class TaskReplace(TaskCreate):
    """PUT body: a full replacement, so every omitted field goes back to its default."""


class TaskPatch(SQLModel):
    """PATCH body: only the fields sent are changed; the result must still be a valid task.

    Only `due_at` and `remind_at` may be null, which clears them.
    """

    model_config = INPUT_CONFIG

    # Typed without None: omitting a field is fine, sending null is not. Defaults are not
    # validated, so None only ever means "not sent".
    title: Title = None
    description: Description = None
    completed: StrictBool = None
    priority: Priority = None
    tags: Tags = None
    due_at: Instant | None = None
    remind_at: Instant | None = None
    recurrence: Recurrence = None
    recurrence_interval: RecurrenceInterval = None
    rrule: RepeatRule | None = None
    repeat_from_completion: StrictBool = None
    time_zone: TimeZone = None
    all_day: StrictBool = None


class Task(TaskFields, table=True):
    __table_args__ = (
        # Serves the list: one user's tasks, optionally by status, by creation time.
        Index("ix_task_user_id_completed_created_at", "user_id", "completed", "created_at"),
        # Serves the default list, all statuses newest first: the page is read off the index
        # instead of sorting all of a heavy user's tasks (bench/RESULTS.md, measurement 5).
        Index("ix_task_user_id_created_at_id", "user_id", "created_at", "id"),
        # Serves the due-date filters, the overdue filter and the due sort.
        Index("ix_task_user_id_due_at", "user_id", "due_at"),
        # Serves the reminder sender: the reminders not sent yet, oldest first.
        Index(
            "ix_task_remind_at_unsent",
            "remind_at",
            postgresql_where=text("reminder_sent_at IS NULL"),
            sqlite_where=text("reminder_sent_at IS NULL"),
        ),
        # Without it SQLite hands a deleted highest id out again, and a client's stale id
        # would reach the newer task; PostgreSQL's sequence never reuses one.
        {"sqlite_autoincrement": True},
    )

    id: int | None = Field(default=None, primary_key=True)
    user_id: str
    completed_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    updated_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    # Case-folded "title\ndescription": what `q` searches and what the title sort orders by.
    search_text: str = Field(
        default="", sa_type=CODE_POINT_TEXT, sa_column_kwargs={"server_default": ""}
    )
    # Set once completing this recurring task has scheduled its successor, so re-completing
    # it after a toggle back does not schedule a second one.
    next_scheduled: bool = Field(default=False, sa_column_kwargs={"server_default": false()})
    # Where the reminder is emailed: the verified token's address when the reminder was set.
    reminder_email: str | None = Field(default=None, max_length=EMAIL_MAX)
    # Set once the reminder went out (by email, or shown in an open tab); a new remind_at clears it.
    reminder_sent_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    # A sender's claim on the reminder; past this time another sender may take it over.
    reminder_claimed_until: datetime | None = Field(default=None, sa_type=UTCDateTime)


class TaskTag(SQLModel, table=True):
    """One tag of one task; user_id is repeated so the tag filter is one index lookup."""

    __tablename__ = "task_tag"
    __table_args__ = (Index("ix_task_tag_user_id_tag", "user_id", "tag"),)

    task_id: int = Field(foreign_key="task.id", ondelete="CASCADE", primary_key=True)
    tag: str = Field(primary_key=True, max_length=32)
    user_id: str


class TaskCreation(SQLModel, table=True):
    """A create sent with an Idempotency-Key; a repeat of it answers with this task."""

    __tablename__ = "task_creation"

    user_id: str = Field(primary_key=True)
    key: str = Field(primary_key=True, max_length=IDEMPOTENCY_KEY_MAX)
    # The request body's SHA-256: the same key with another body is a client bug, refused.
    fingerprint: str = Field(max_length=64)
    # Not a foreign key: the record outlives a deleted task, so a late repeat cannot recreate it.
    task_id: int
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class ReminderPreference(SQLModel, table=True):
    """A person's choice about reminder emails; no row means the default, emails on."""

    __tablename__ = "reminder_preference"

    user_id: str = Field(primary_key=True)
    email_reminders: bool = Field(default=True)
    updated_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class ReminderSettings(SQLModel):
    model_config = INPUT_CONFIG

    email_reminders: StrictBool = Field(
        description="Email each reminder at its time, even when no browser is open."
    )


class TaskPublic(TaskFields):
    # Every field is always sent, so generated clients should not type any as optional.
    model_config = ConfigDict(json_schema_serialization_defaults_required=True)

    id: int
    user_id: str
    completed_at: datetime | None
    tags: list[str]
    created_at: datetime
    updated_at: datetime


class TasksPublic(SQLModel):
    items: list[TaskPublic]
    total: int
    limit: int
    offset: int


class TaskListQuery(SQLModel):
    """Filters, search, sort and page of the task list; every filter given must hold."""

    model_config = INPUT_CONFIG

    status: TaskStatus = TaskStatus.ALL
    priority: Priority | None = None
    tag: list[Tag] = Field(
        default=[], max_length=MAX_TAGS, description="Repeatable: a task must carry every one."
    )
    due_before: Instant | None = Field(default=None, description="Due strictly before this time.")
    due_after: Instant | None = Field(default=None, description="Due at or after this time.")
    overdue: bool = Field(
        default=False, description="true: only pending tasks whose due time has passed."
    )
    q: SearchTerm = Field(
        default="", description="Text to find in the title or description, ignoring case."
    )
    sort: TaskSort = TaskSort.CREATED
    order: SortOrder = SortOrder.DESC
    limit: int = Field(default=50, ge=1, le=100)
    offset: int = Field(default=0, ge=0, le=MAX_INT32)


class TagCount(SQLModel):
    name: str = Field(description="The tag, as tasks carry it (lowercased).")
    open: int = Field(description="The caller's open (not completed) tasks with this tag.")
    total: int = Field(description="All of the caller's tasks with this tag, completed included.")


class TagsPublic(SQLModel):
    items: list[TagCount] = Field(description="Every tag of the caller's tasks, sorted by name.")


class TasksDeleted(SQLModel):
    deleted: int = Field(description="How many tasks were deleted.")


class ErrorMessage(SQLModel):
    detail: str
