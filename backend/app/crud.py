"""Reads and writes of tasks; every statement names the owner in its own WHERE clause."""

import hashlib
from collections import defaultdict
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, asc, case, delete, desc, func, insert, literal, not_, update
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from app.models import (
    Priority,
    Recurrence,
    SortOrder,
    Task,
    TaskCreate,
    TaskCreation,
    TaskListQuery,
    TaskPatch,
    TaskPublic,
    TaskSort,
    TasksPublic,
    TaskStatus,
    TaskTag,
    TaskUpdate,
    UTCDateTime,
    search_key,
    utcnow,
)
from app.recurrence import next_due

# Each attempt loses only to a write that landed in between; three in a row means a hot task.
PATCH_ATTEMPTS = 3


class TaskBusyError(Exception):
    """The task kept changing under a PATCH; the client should try again."""


PRIORITY_RANK = case(
    {Priority.LOW.value: 0, Priority.MEDIUM.value: 1, Priority.HIGH.value: 2},
    value=col(Task.priority),
)
SORT_KEYS: dict[TaskSort, Any] = {
    TaskSort.CREATED: col(Task.created_at),
    TaskSort.UPDATED: col(Task.updated_at),
    TaskSort.DUE: col(Task.due_at),
    TaskSort.PRIORITY: PRIORITY_RANK,
    # search_text starts with the case-folded title, and sorts by code point on both engines.
    TaskSort.TITLE: col(Task.search_text),
}


def owned(task_id: int, user_id: str) -> ColumnElement[bool]:
    """The ownership filter every single-task statement carries in its WHERE clause."""
    return (col(Task.id) == task_id) & (col(Task.user_id) == user_id)


class IdempotencyKeyReusedError(Exception):
    """The Idempotency-Key already created a task from a different body."""


def create_task(
    session: Session, user_id: str, body: TaskCreate, creation: TaskCreation | None = None
) -> TaskPublic:
    """Creates the task; `creation`, if given, is recorded in the same transaction."""
    task = Task.model_validate(body, update={"user_id": user_id, "search_text": search_text(body)})
    if task.completed:
        task.completed_at = task.created_at
    session.add(task)
    session.flush()
    save_tags(session, task, body.tags)
    if creation is not None:
        creation.task_id = task.id
        session.add(creation)
    return finish_write(session, task, body.tags)


def create_task_once(
    session: Session, user_id: str, key: str, body: TaskCreate
) -> TaskPublic | None:
    """Creates the task unless this key already did; a repeat gets that task as it is now.

    Returns None when the task the key created has been deleted since. Raises
    IdempotencyKeyReusedError when the key comes back with a different body.
    """
    fingerprint = hashlib.sha256(body.model_dump_json().encode()).hexdigest()
    earlier = session.get(TaskCreation, (user_id, key))
    if earlier is None:
        creation = TaskCreation(user_id=user_id, key=key, fingerprint=fingerprint, task_id=0)
        try:
            return create_task(session, user_id, body, creation)
        except IntegrityError:
            # A repeat sent while the first was still running committed first; its task stands.
            session.rollback()
            earlier = session.get_one(TaskCreation, (user_id, key))
    if earlier.fingerprint != fingerprint:
        raise IdempotencyKeyReusedError
    return read_task(session, user_id, earlier.task_id)


def read_task(session: Session, user_id: str, task_id: int) -> TaskPublic | None:
    task = session.exec(select(Task).where(owned(task_id, user_id))).first()
    if task is None:
        return None
    return to_public(task, load_tags(session, [task])[task.id])


def list_tasks(session: Session, user_id: str, query: TaskListQuery) -> TasksPublic:
    conditions = [col(Task.user_id) == user_id, *filters(user_id, query)]
    total = session.exec(select(func.count()).select_from(Task).where(*conditions)).one()
    tasks = session.exec(
        select(Task)
        .where(*conditions)
        .order_by(*ordering(query))
        .offset(query.offset)
        .limit(query.limit)
    ).all()
    tags = load_tags(session, tasks)
    return TasksPublic(
        items=[to_public(task, tags[task.id]) for task in tasks],
        total=total,
        limit=query.limit,
        offset=query.offset,
    )


def replace_task(
    session: Session,
    user_id: str,
    task_id: int,
    body: TaskUpdate,
    *,
    unchanged_since: datetime | None = None,
) -> TaskPublic | None:
    """Writes `body` over the task; with `unchanged_since`, only if nobody wrote it since then."""
    values = body.model_dump(exclude={"tags"})
    values["search_text"] = search_text(body)
    # Re-saving a completed task keeps the time it was first completed.
    values["completed_at"] = func.coalesce(Task.completed_at, now()) if body.completed else None
    return update_owned(session, user_id, task_id, values, body.tags, unchanged_since)


def patch_task(session: Session, user_id: str, task_id: int, body: TaskPatch) -> TaskPublic | None:
    """Applies the sent fields over the stored task.

    Raises pydantic's ValidationError when the merged task breaks a rule across fields.
    """
    # Compare-and-set on updated_at: a write landing between our read and our write makes the
    # write miss, and the merge is redone on the newer task, so neither PATCH is lost.
    for _ in range(PATCH_ATTEMPTS):
        current = read_task(session, user_id, task_id)
        if current is None:
            return None
        merged = current.model_dump(include=set(TaskUpdate.model_fields))
        merged.update(body.model_dump(exclude_unset=True))
        written = replace_task(
            session,
            user_id,
            task_id,
            TaskUpdate.model_validate(merged),
            unchanged_since=current.updated_at,
        )
        if written is not None:
            return written
        session.rollback()
    raise TaskBusyError(task_id)


def toggle_task(session: Session, user_id: str, task_id: int) -> TaskPublic | None:
    # Flipped in SQL, so two concurrent toggles cannot both read the same old value.
    values = {
        "completed": not_(Task.completed),
        "completed_at": case((col(Task.completed), None), else_=now()),
    }
    return update_owned(session, user_id, task_id, values, tags=None)


def delete_task(session: Session, user_id: str, task_id: int) -> bool:
    result = session.exec(delete(Task).where(owned(task_id, user_id)))
    session.commit()
    return result.rowcount > 0


def delete_tasks(session: Session, user_id: str, *, completed_only: bool) -> int:
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
        all_day=task.all_day,
        search_text=task.search_text,
    )
    session.add(successor)
    session.flush()
    save_tags(session, successor, tags)


def save_tags(session: Session, task: Task, tags: list[str]) -> None:
    session.exec(delete(TaskTag).where(col(TaskTag.task_id) == task.id))
    if tags:
        rows = [{"task_id": task.id, "user_id": task.user_id, "tag": tag} for tag in tags]
        session.exec(insert(TaskTag), params=rows)


def load_tags(session: Session, tasks: Sequence[Task]) -> dict[int | None, list[str]]:
    """The tags of a page of tasks in one query, each list sorted by code point."""
    tags: dict[int | None, list[str]] = defaultdict(list)
    if not tasks:
        return tags
    rows = session.exec(
        select(TaskTag.task_id, TaskTag.tag).where(
            col(TaskTag.task_id).in_([task.id for task in tasks])
        )
    )
    for task_id, tag in rows:
        tags[task_id].append(tag)
    for names in tags.values():
        names.sort()
    return tags


def filters(user_id: str, query: TaskListQuery) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = []
    if query.status == TaskStatus.PENDING:
        conditions.append(not_(Task.completed))
    elif query.status == TaskStatus.COMPLETED:
        conditions.append(col(Task.completed))
    if query.priority is not None:
        conditions.append(col(Task.priority) == query.priority)
    conditions.extend(
        col(Task.id).in_(
            select(TaskTag.task_id).where(TaskTag.user_id == user_id, TaskTag.tag == tag)
        )
        for tag in query.tag
    )
    if query.due_before is not None:
        conditions.append(col(Task.due_at) < query.due_before)
    if query.due_after is not None:
        conditions.append(col(Task.due_at) >= query.due_after)
    if query.overdue:
        conditions.extend([col(Task.due_at) < utcnow(), not_(Task.completed)])
    if query.q:
        # autoescape: a % or _ in the search means itself, not a LIKE wildcard.
        needle = search_key(query.q)
        conditions.append(col(Task.search_text).contains(needle, autoescape=True))
    return conditions


def ordering(query: TaskListQuery) -> list[Any]:
    direction = asc if query.order == SortOrder.ASC else desc
    keys = [direction(SORT_KEYS[query.sort]), direction(col(Task.id))]
    if query.sort == TaskSort.DUE:
        # Tasks without a due date go last in either direction.
        keys.insert(0, col(Task.due_at).is_(None))
    return keys


def search_text(body: TaskCreate) -> str:
    return search_key(f"{body.title}\n{body.description}")


def now() -> ColumnElement[Any]:
    # Typed, so SQLite stores it in the same UTC text form as every other timestamp.
    return literal(utcnow(), UTCDateTime())


def to_public(task: Task, tags: list[str]) -> TaskPublic:
    return TaskPublic.model_validate(task, update={"tags": tags})
