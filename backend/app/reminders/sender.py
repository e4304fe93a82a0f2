"""Claims due reminders, emails them, and purges old idempotency keys: the backend's scheduler.

Several senders (one per API instance, or the `python -m app.reminders` command) share the work:
- Claiming locks due rows with SELECT … FOR UPDATE SKIP LOCKED (PostgreSQL; SQLite has one writer
  at a time) and stamps them with a lease; the UPDATE repeats the conditions, so a row another
  sender claimed in the meantime is left to it. Each reminder goes to exactly one sender.
- A reminder is marked sent only after its email went out. A sender that dies after claiming
  loses nothing: its lease runs out and another sender takes the reminder over. One that dies
  between sending and marking makes that reminder go out twice, with the same dedup key
  (`Message-ID` and `X-Reminder-Key`), so delivery is at least once and a repeat is recognisable.
- An open tab that shows the reminder first marks it sent the same way (app.api.routes.reminders),
  and a claimed reminder is not shown in the tab: one channel or the other, never both.
"""

import asyncio
import logging
from collections.abc import Callable, Sequence
from contextlib import suppress
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import ColumnElement, Engine, delete, not_, or_, update
from sqlmodel import Session, col, select

from app.core.config import SenderSettings
from app.models import ReminderPreference, Task, TaskCreation, utcnow
from app.reminders.mail import Email, Mailer
from app.timezones import local_wall_time

logger = logging.getLogger(__name__)

Clock = Callable[[], datetime]
# Purging scans the whole key table, so it runs now and then rather than on every poll.
PURGE_EVERY = timedelta(minutes=10)
# A reminder this late is news no more (the senders were down, or the task was reopened long after):
# it is not emailed.
MAX_LATENESS = timedelta(hours=24)


@dataclass(frozen=True)
class Claimed:
    task_id: int
    user_id: str
    title: str
    due_at: datetime | None
    remind_at: datetime
    email: str
    time_zone: str
    all_day: bool


def claimable(now: datetime) -> ColumnElement[bool]:
    """Due, not sent, for a pending task with an address, and nobody's claim still running."""
    return (
        (col(Task.remind_at) <= now)
        & (col(Task.remind_at) > now - MAX_LATENESS)
        & col(Task.reminder_sent_at).is_(None)
        & not_(Task.completed)
        & col(Task.reminder_email).is_not(None)
        & or_(col(Task.reminder_claimed_until).is_(None), col(Task.reminder_claimed_until) < now)
    )


def claim(session: Session, now: datetime, *, limit: int, lease: timedelta) -> list[Claimed]:
    """Takes up to `limit` due reminders for this sender until `now + lease`, and commits."""
    ids = session.exec(
        select(Task.id)
        .where(claimable(now))
        .order_by(col(Task.remind_at))
        .limit(limit)
        .with_for_update(skip_locked=True)
    ).all()
    if not ids:
        session.commit()
        return []
    rows = session.exec(
        update(Task)
        .where(col(Task.id).in_(ids), claimable(now))
        .values(reminder_claimed_until=now + lease)
        .returning(
            Task.id,
            Task.user_id,
            Task.title,
            Task.due_at,
            Task.remind_at,
            Task.reminder_email,
            Task.time_zone,
            Task.all_day,
        )
    ).all()
    session.commit()
    return [Claimed(*row) for row in rows]


def mark_sent(session: Session, reminder: Claimed, now: datetime) -> None:
    # Only the reminder that was claimed: one moved to another time since is a new one.
    session.exec(
        update(Task)
        .where(
            col(Task.id) == reminder.task_id,
            col(Task.remind_at) == reminder.remind_at,
            col(Task.reminder_sent_at).is_(None),
        )
        .values(reminder_sent_at=now, reminder_claimed_until=None)
    )
    session.commit()


def opted_out(session: Session, user_ids: Sequence[str]) -> set[str]:
    rows = session.exec(
        select(ReminderPreference.user_id).where(
            col(ReminderPreference.user_id).in_(set(user_ids)),
            not_(ReminderPreference.email_reminders),
        )
    )
    return set(rows)


def dedup_key(reminder: Claimed) -> str:
    return f"reminder-{reminder.task_id}-{int(reminder.remind_at.timestamp())}"


def reminder_email(reminder: Claimed) -> Email:
    if reminder.due_at is None:
        when = "no due date"
    elif reminder.all_day:
        when = f"due {local_wall_time(reminder.due_at, reminder.time_zone):%a %d %b %Y} (all day)"
    else:
        wall = local_wall_time(reminder.due_at, reminder.time_zone)
        when = f"due {wall:%a %d %b %Y, %H:%M} ({reminder.time_zone})"
    return Email(
        to=reminder.email,
        subject=f"Reminder: {reminder.title}",
        text=f"{reminder.title}\n{when}\n",
        dedup_key=dedup_key(reminder),
    )


def send_due(engine: Engine, mailer: Mailer, now: datetime, *, limit: int, lease: timedelta) -> int:
    """One round: claims due reminders and delivers them; returns how many were emailed."""
    sent = 0
    with Session(engine) as session:
        claimed = claim(session, now, limit=limit, lease=lease)
        if not claimed:
            return 0
        silent = opted_out(session, [reminder.user_id for reminder in claimed])
        for reminder in claimed:
            if reminder.user_id not in silent:
                try:
                    mailer.send(reminder_email(reminder))
                except Exception as exc:
                    # Left claimed: once the lease runs out, this or another sender tries again.
                    logger.warning("Reminder %s not sent: %s", reminder.task_id, exc)
                    continue
                sent += 1
            mark_sent(session, reminder, now)
    return sent


def purge_idempotency_keys(engine: Engine, now: datetime, max_age: timedelta) -> int:
    with Session(engine) as session:
        result = session.exec(
            delete(TaskCreation).where(col(TaskCreation.created_at) < now - max_age)
        )
        session.commit()
        return result.rowcount


class Scheduler:
    """The loop both the lifespan task and the command run."""

    def __init__(self, engine: Engine, settings: SenderSettings, clock: Clock = utcnow) -> None:
        self.engine = engine
        self.settings = settings
        self.clock = clock
        outbox = settings.OUTBOX_DIR or settings.DATA_DIR / "outbox"
        self.mailer = Mailer(
            smtp_url=settings.SMTP_URL, sender=settings.MAIL_FROM, outbox_dir=outbox
        )
        self.next_purge: datetime | None = None

    def tick(self) -> int:
        now = self.clock()
        if self.next_purge is None or now >= self.next_purge:
            max_age = timedelta(hours=self.settings.IDEMPOTENCY_KEY_HOURS)
            purge_idempotency_keys(self.engine, now, max_age)
            self.next_purge = now + PURGE_EVERY
        return send_due(
            self.engine,
            self.mailer,
            now,
            limit=self.settings.REMINDER_BATCH_SIZE,
            lease=timedelta(seconds=self.settings.REMINDER_LEASE_SECONDS),
        )

    async def run(self, stop: asyncio.Event) -> None:
        """Ticks until `stop` is set; a failing tick (the database away) is logged and retried.

        A tick under way is finished, never abandoned in its thread, so shutting down leaves no
        claim half-made and no connection open.
        """
        while not stop.is_set():
            try:
                await asyncio.to_thread(self.tick)
            except Exception as exc:
                logger.warning("Reminder sender: %s", exc)
            with suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), self.settings.REMINDER_POLL_SECONDS)
