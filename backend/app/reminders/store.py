"""A person's reminder choice, and an open tab's claim on a reminder it is about to show."""

from datetime import datetime, timedelta

from sqlalchemy import delete, or_, update
from sqlmodel import Session, col, select

from app.models import ReminderPreference, ReminderSettings, Task, utcnow

TAB_CLOCK_SLACK = timedelta(minutes=1)


def read_settings(session: Session, *, user_id: str) -> ReminderSettings:
    preference = session.get(ReminderPreference, user_id)
    return ReminderSettings(email_reminders=preference is None or preference.email_reminders)


def save_settings(session: Session, *, user_id: str, body: ReminderSettings) -> ReminderSettings:
    preference = session.get(ReminderPreference, user_id) or ReminderPreference(user_id=user_id)
    preference.email_reminders = body.email_reminders
    preference.updated_at = utcnow()
    session.add(preference)
    session.commit()
    return body


def forget_settings(session: Session, *, user_id: str) -> None:
    """Drops the person's choice, with the rest of their data, when the account goes."""
    session.exec(delete(ReminderPreference).where(col(ReminderPreference.user_id) == user_id))
    session.commit()


def claim_for_tab(
    session: Session, *, user_id: str, task_id: int, remind_at: datetime
) -> bool | None:
    """True when the tab may show the reminder: nobody sent or claimed it, and now nobody will.

    None when the caller has no such task.

    The tab asks at the reminder's time by its own clock, which may run a little ahead.
    """
    now = utcnow()
    result = session.exec(
        update(Task)
        .where(
            col(Task.id) == task_id,
            col(Task.user_id) == user_id,
            col(Task.remind_at) == remind_at,
            col(Task.remind_at) <= now + TAB_CLOCK_SLACK,
            col(Task.reminder_sent_at).is_(None),
            or_(col(Task.reminder_claimed_until).is_(None), col(Task.reminder_claimed_until) < now),
        )
        .values(reminder_sent_at=now)
    )
    session.commit()
    if result.rowcount > 0:
        return True
    mine = (col(Task.id) == task_id) & (col(Task.user_id) == user_id)
    return False if session.exec(select(Task.id).where(mine)).first() else None
