"""One task by id: read, replace, toggle, delete; and the write path every change ends in."""

from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, case, delete, func, literal, not_, update
from sqlmodel import Session, col, select

from app.crud.recurrence import schedule_next
from app.crud.tags import load_tags, save_tags
from app.models import Task, TaskCreate, TaskPublic, TaskReplace, UTCDateTime, search_key, utcnow


def owned(task_id: int, user_id: str) -> ColumnElement[bool]:
    """The ownership filter every single-task statement carries in its WHERE clause."""
    return (col(Task.id) == task_id) & (col(Task.user_id) == user_id)


def read_task(session: Session, *, user_id: str, task_id: int) -> TaskPublic | None:
    task = session.exec(select(Task).where(owned(task_id, user_id))).first()
    if task is None:
        return None
    return to_public(task, load_tags(session, [task])[task.id])


def replace_task(
    session: Session,
    *,
    user_id: str,
    task_id: int,
    body: TaskReplace,
    unchanged_since: datetime | None = None,
    reminder_email: str | None = None,
) -> TaskPublic | None:
    """Writes `body` over the task; with `unchanged_since`, only if nobody wrote it since then."""
    values = body.model_dump(exclude={"tags"})
    values["search_text"] = search_text(body)
    # A reminder moved to another time is a new one, to be sent again.
    values["reminder_sent_at"] = case(
        (col(Task.remind_at) == body.remind_at, Task.reminder_sent_at), else_=None
    )
    if reminder_email is not None:
        values["reminder_email"] = reminder_email
    # Re-saving a completed task keeps the time it was first completed.
    values["completed_at"] = func.coalesce(Task.completed_at, now()) if body.completed else None
    return update_owned(session, user_id, task_id, values, body.tags, unchanged_since)


def toggle_task(session: Session, *, user_id: str, task_id: int) -> TaskPublic | None:
    # Flipped in SQL, so two concurrent toggles cannot both read the same old value.
    values = {
        "completed": not_(Task.completed),
        "completed_at": case((col(Task.completed), None), else_=now()),
    }
    return update_owned(session, user_id, task_id, values, tags=None)


def delete_task(session: Session, *, user_id: str, task_id: int) -> bool:
    result = session.exec(delete(Task).where(owned(task_id, user_id)))
    session.commit()
    return result.rowcount > 0


def delete_tasks(session: Session, *, user_id: str, completed_only: bool) -> int:
    """Deletes the caller's completed tasks, or all of them; their tags go by cascade."""
    condition = col(Task.user_id) == user_id
    if completed_only:
        condition &= col(Task.completed)
    result = session.exec(delete(Task).where(condition))
    session.commit()
    return result.rowcount


def update_owned(
    session: Session,
    user_id: str,
    task_id: int,
    values: dict[str, Any],
    tags: list[str] | None,
    unchanged_since: datetime | None = None,
) -> TaskPublic | None:
    """Writes `values` into the task if the user owns it; `tags=None` leaves its tags alone."""
    condition = owned(task_id, user_id)
    if unchanged_since is not None:
        condition &= col(Task.updated_at) == unchanged_since
    statement = update(Task).where(condition).values(**values, updated_at=utcnow()).returning(Task)
    task = session.exec(statement).scalars().first()
    if task is None:
        return None
    if tags is None:
        tags = load_tags(session, [task])[task.id]
    else:
        save_tags(session, task, tags)
    return finish_write(session, task, tags)


def finish_write(session: Session, task: Task, tags: list[str]) -> TaskPublic:
    """Schedules the next occurrence if one is due, and commits the write."""
    schedule_next(session, task, tags)
    # Read before commit: committing expires the object, and re-reading it costs a SELECT.
    public = to_public(task, tags)
    session.commit()
    return public


def search_text(body: TaskCreate) -> str:
    return search_key(f"{body.title}\n{body.description}")


def now() -> ColumnElement[Any]:
    # Typed, so SQLite stores it in the same UTC text form as every other timestamp.
    return literal(utcnow(), UTCDateTime())


def to_public(task: Task, tags: list[str]) -> TaskPublic:
    return TaskPublic.model_validate(task, update={"tags": tags})
