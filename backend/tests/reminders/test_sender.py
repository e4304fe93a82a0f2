"""The sender claims due reminders, emails each once, survives crashes, and purges old keys."""

import smtplib
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage
from pathlib import Path
from typing import ClassVar

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, insert
from sqlmodel import Session, select

from app.core.config import Settings
from app.main import create_app
from app.models import ReminderPreference, Task, TaskCreation
from app.reminders import sender
from app.reminders.mail import Email, Mailer
from app.reminders.sender import Scheduler, claim
from tests.conftest import AuthHeaders
from tests.reminders.conftest import T0, Clock, add_reminders, messages, unsent

Schedulers = Callable[[], Scheduler]


def drain(scheduler: Scheduler) -> int:
    total = 0
    while sent := scheduler.tick():
        total += sent
    return total


def test_tick_due_reminders_each_emailed_once(
    db: Engine, make_scheduler: Schedulers, outbox: Path
) -> None:
    add_reminders(db, 25, T0)

    first, second = make_scheduler(), make_scheduler()
    sent = drain(first) + drain(second)

    mail = messages(outbox)
    assert sent == len(mail) == 25
    assert len({message["dedupKey"] for message in mail}) == 25
    assert mail[0]["to"].endswith("@example.com")
    assert mail[0]["subject"].startswith("Reminder: Task ")
    assert mail[0]["messageId"] == f"<{mail[0]['dedupKey']}@localhost>"
    assert unsent(db) == 0


def sends_only_after(
    scheduler: Scheduler, clock: Clock, outbox: Path, count: int, **advance: float
) -> None:
    """Nothing goes out now; once the clock has moved on by `advance`, `count` emails do."""
    assert scheduler.tick() == 0
    clock.advance(**advance)
    assert scheduler.tick() == count
    assert len(messages(outbox)) == count


def test_tick_before_reminder_time_sends_nothing(
    db: Engine, make_scheduler: Schedulers, clock: Clock, outbox: Path
) -> None:
    add_reminders(db, 3, T0 + timedelta(minutes=1))

    sends_only_after(make_scheduler(), clock, outbox, 3, minutes=1)


def test_tick_completed_task_or_no_address_sends_nothing(
    db: Engine, make_scheduler: Schedulers, outbox: Path
) -> None:
    add_reminders(db, 2, T0, completed=True)
    add_reminders(db, 2, T0, reminder_email=None)

    assert make_scheduler().tick() == 0
    assert messages(outbox) == []


def test_tick_reminder_over_a_day_late_is_not_emailed(
    db: Engine, make_scheduler: Schedulers, outbox: Path
) -> None:
    add_reminders(db, 1, T0 - timedelta(hours=24))
    add_reminders(db, 1, T0 - timedelta(hours=23))

    assert make_scheduler().tick() == 1
    assert len(messages(outbox)) == 1


def test_claim_sender_died_after_claiming_another_takes_over_after_lease(
    db: Engine, make_scheduler: Schedulers, clock: Clock, outbox: Path
) -> None:
    add_reminders(db, 5, T0)
    with Session(db) as session:
        # Claimed, then the process died before sending anything.
        assert len(claim(session, T0, limit=10, lease=timedelta(seconds=60))) == 5

    sends_only_after(make_scheduler(), clock, outbox, 5, seconds=61)


def test_tick_died_between_sending_and_marking_resends_with_same_key(
    db: Engine,
    make_scheduler: Schedulers,
    clock: Clock,
    outbox: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    add_reminders(db, 1, T0)

    def crash(*_args: object) -> None:
        raise SystemExit("killed after sending")

    monkeypatch.setattr(sender, "mark_sent", crash)
    with pytest.raises(SystemExit):
        make_scheduler().tick()
    monkeypatch.undo()
    clock.advance(seconds=61)
    make_scheduler().tick()

    first, repeat = messages(outbox)
    assert first["dedupKey"] == repeat["dedupKey"]
    assert first["messageId"] == repeat["messageId"]
    assert unsent(db) == 0


def test_tick_send_fails_retried_after_lease(
    db: Engine,
    make_scheduler: Schedulers,
    clock: Clock,
    outbox: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    add_reminders(db, 2, T0)
    scheduler = make_scheduler()

    def unreachable(*_args: object) -> None:
        raise OSError("mail server unreachable")

    monkeypatch.setattr(scheduler.mailer, "send", unreachable)
    assert scheduler.tick() == 0
    monkeypatch.undo()
    sends_only_after(scheduler, clock, outbox, 2, seconds=61)


def test_tick_opted_out_user_gets_no_email(
    db: Engine, make_scheduler: Schedulers, outbox: Path
) -> None:
    add_reminders(db, 4, T0, users=2)
    with Session(db) as session:
        session.add(ReminderPreference(user_id="user-0", email_reminders=False))
        session.commit()

    assert make_scheduler().tick() == 2
    assert {message["to"] for message in messages(outbox)} == {"user-1@example.com"}
    assert unsent(db) == 0


def test_tick_purges_idempotency_keys_older_than_a_day(
    db: Engine, make_scheduler: Schedulers
) -> None:
    old = {"user_id": "u", "fingerprint": "f", "task_id": 1}
    with db.begin() as connection:
        connection.execute(
            insert(TaskCreation),
            [
                old | {"key": "old", "created_at": T0 - timedelta(hours=24, seconds=1)},
                old | {"key": "recent", "created_at": T0 - timedelta(hours=23)},
            ],
        )

    make_scheduler().tick()

    with Session(db) as session:
        assert session.exec(select(TaskCreation.key)).all() == ["recent"]


def test_create_task_reminder_goes_to_token_address_and_moves_with_remind_at(
    client: TestClient, auth_as: AuthHeaders, make_scheduler: Schedulers, clock: Clock, outbox: Path
) -> None:
    headers = auth_as("user-a")
    body = {"title": "Call", "due_at": "2027-03-01T10:00:00Z", "remind_at": "2027-03-01T09:00:00Z"}
    task = client.post("/api/tasks", json=body, headers=headers).json()
    scheduler = make_scheduler()

    assert scheduler.tick() == 1
    later = {"remind_at": "2027-03-01T09:30:00Z"}
    client.patch(f"/api/tasks/{task['id']}", json=later, headers=headers).raise_for_status()
    client.patch(f"/api/tasks/{task['id']}", json={"title": "Call Ann"}, headers=headers)
    assert scheduler.tick() == 0
    clock.advance(minutes=30)
    assert scheduler.tick() == 1

    first, second = messages(outbox)
    assert first["to"] == second["to"] == "user-a@example.com"
    assert first["dedupKey"] != second["dedupKey"]
    assert second["subject"] == "Reminder: Call Ann"


def test_complete_recurring_successor_reminder_is_sent_again(
    client: TestClient, auth_as: AuthHeaders, db: Engine
) -> None:
    headers = auth_as("user-a")
    body = {"title": "t", "due_at": "2027-03-01T10:00:00Z", "remind_at": "2027-03-01T09:00:00Z"}
    task = client.post("/api/tasks", json=body | {"rrule": "FREQ=DAILY"}, headers=headers).json()

    client.patch(f"/api/tasks/{task['id']}/complete", headers=headers).raise_for_status()

    with Session(db) as session:
        rows = session.exec(select(Task.remind_at, Task.reminder_email, Task.reminder_sent_at))
        successor = next(row for row in rows if row[0] != T0)
    assert successor[1:] == ("user-a@example.com", None)


def test_lifespan_runs_the_sender_and_stops_with_the_app(
    settings: Settings, db: Engine, outbox: Path
) -> None:
    running = settings.model_copy(
        update={"REMINDER_SENDER": True, "REMINDER_POLL_SECONDS": 0.02, "OUTBOX_DIR": outbox}
    )
    with TestClient(create_app(running)) as client:
        add_reminders(db, 3, datetime.now(UTC) - timedelta(seconds=1))
        deadline = time.monotonic() + 10
        while len(messages(outbox)) < 3 and time.monotonic() < deadline:
            time.sleep(0.02)
        assert client.get("/health").status_code == 200

    assert len(messages(outbox)) == 3


class FakeSMTP:
    sent: ClassVar[list[EmailMessage]] = []

    def __init__(self, host: str, port: int, **_options: object) -> None:
        self.address = (host, port)

    def __enter__(self) -> "FakeSMTP":
        return self

    def __exit__(self, *_exc: object) -> None:
        return None

    def ehlo(self) -> None:
        return None

    def has_extn(self, _name: str) -> bool:
        return False

    def login(self, user: str, password: str) -> None:
        self.credentials = (user, password)

    def send_message(self, message: EmailMessage) -> None:
        FakeSMTP.sent.append(message)


def test_mailer_smtp_url_set_sends_with_dedup_headers(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(smtplib, "SMTP", FakeSMTP)
    FakeSMTP.sent.clear()
    mailer = Mailer(
        smtp_url="smtp://me%40x.test:secret@mail.test:2525",
        sender="Tasks <no-reply@tasks.test>",
        outbox_dir=tmp_path / "unused",
    )

    mailer.send(Email(to="a@example.com", subject="Reminder: t", text="t\n", dedup_key="k-1"))

    (message,) = FakeSMTP.sent
    assert message["Message-ID"] == "<k-1@tasks.test>"
    assert message["X-Reminder-Key"] == "k-1"
    assert (message["To"], message["Subject"]) == ("a@example.com", "Reminder: t")
    assert not (tmp_path / "unused").exists()
