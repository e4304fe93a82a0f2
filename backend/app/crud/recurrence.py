"""The next occurrence of a completed recurring task (the rule itself is app.recurrence's)."""

from sqlmodel import Session

from app.crud.tags import save_tags
from app.models import Recurrence, Task
from app.recurrence import next_due


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
    due_at = next_due(task.due_at, task.recurrence, task.recurrence_interval)
    if due_at is None:
        return
    successor = Task(
        user_id=task.user_id,
        title=task.title,
        description=task.description,
        priority=task.priority,
        # The reminder keeps its lead time before the due date.
        due_at=due_at,
        remind_at=task.remind_at and task.remind_at + (due_at - task.due_at),
        recurrence=task.recurrence,
        recurrence_interval=task.recurrence_interval,
        search_text=task.search_text,
    )
    session.add(successor)
    session.flush()
    save_tags(session, successor, tags)
