"""Reminder fixtures: an outbox folder, a clock the test moves, due tasks written straight in."""

import json
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import Engine, insert
from sqlmodel import Session, col, select

from app.core.config import SenderSettings
from app.models import Task
from app.reminders.sender import Scheduler

T0 = datetime(2027, 3, 1, 9, 0, tzinfo=UTC)


class Clock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


@pytest.fixture
def clock() -> Clock:
    return Clock(T0)


@pytest.fixture
def outbox(tmp_path: Path) -> Path:
    return tmp_path / "outbox"


@pytest.fixture
def sender_settings(database_url: str, outbox: Path, db: Engine) -> SenderSettings:
    return SenderSettings(
        _env_file=None,
        DATABASE_URL=database_url,
        OUTBOX_DIR=outbox,
        REMINDER_LEASE_SECONDS=60,
        REMINDER_BATCH_SIZE=10,
    )


@pytest.fixture
def make_scheduler(
    db: Engine, sender_settings: SenderSettings, clock: Clock
) -> Callable[[], Scheduler]:
    return lambda: Scheduler(db, sender_settings, clock)


def add_reminders(
    engine: Engine, count: int, remind_at: datetime, *, users: int = 10, **fields: object
) -> None:
    rows = [
        {
            "user_id": f"user-{index % users}",
            "title": f"Task {index}",
            "description": "",
            "completed": False,
            "due_at": remind_at + timedelta(minutes=30),
            "remind_at": remind_at,
            "reminder_email": f"user-{index % users}@example.com",
            "created_at": T0,
            "updated_at": T0,
        }
        | fields
        for index in range(count)
    ]
    with engine.begin() as connection:
        connection.execute(insert(Task), rows)


def messages(outbox: Path) -> list[dict]:
    if not outbox.exists():
        return []
    return [json.loads(path.read_text()) for path in sorted(outbox.glob("*.json"))]


def unsent(engine: Engine) -> int:
    with Session(engine) as session:
        return len(session.exec(select(Task.id).where(col(Task.reminder_sent_at).is_(None))).all())
