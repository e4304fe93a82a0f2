"""The next occurrence of a completed recurring task (the rule itself is app.recurrence's)."""

from sqlmodel import Session

from app.crud.tags import save_tags
from app.models import Recurrence, Task, utcnow
from app.recurrence import next_occurrence, shifted, shifted_wall, simple_rule


def schedule_next(session: Session, task: Task, tags: list[str]) -> None:
    """Gives a completed recurring task its next occurrence, once in the task's life.

    The caller's write holds the row lock until commit, so `next_scheduled` cannot change
    underneath; toggling the task back and completing it again schedules nothing more.
    """
    if (
        not task.completed
        or task.recurrence == Recurrence.NONE
        or task.next_scheduled
        or task.due_at is None
    ):
        return
    task.next_scheduled = True
    # The first occurrence after the later of the due time and now (app.recurrence).
    upcoming = next_occurrence(
        task.due_at,
        task.rrule or simple_rule(task.recurrence, task.recurrence_interval),
        task.time_zone,
        completed_at=task.completed_at or utcnow(),
        from_completion=task.repeat_from_completion,
    )
    if upcoming is None:
        return
    successor = Task(
        user_id=task.user_id,
        title=task.title,
        description=task.description,
        priority=task.priority,
        due_at=upcoming.due_at,
        # The reminder keeps its lead time before the due date; an all-day task's, its time of day.
        remind_at=(
            shifted_wall(task.remind_at, task.due_at, upcoming.due_at, task.time_zone)
            if task.all_day
            else shifted(task.remind_at, task.due_at, upcoming.due_at)
        ),
        reminder_email=task.reminder_email,
        recurrence=task.recurrence,
        recurrence_interval=task.recurrence_interval,
        rrule=upcoming.rule,
        repeat_from_completion=task.repeat_from_completion,
        time_zone=task.time_zone,
        all_day=task.all_day,
        search_text=task.search_text,
    )
    session.add(successor)
    session.flush()
    save_tags(session, successor, tags)
