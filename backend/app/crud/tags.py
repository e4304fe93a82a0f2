"""A task's tags: written whole on every write, read for one task or a page in one query."""

from collections import defaultdict
from collections.abc import Sequence

from sqlalchemy import delete, insert
from sqlmodel import Session, col, select

from app.models import Task, TaskTag


def save_tags(session: Session, task: Task, tags: list[str]) -> None:
    session.exec(delete(TaskTag).where(col(TaskTag.task_id) == task.id))
    if tags:
        rows = [{"task_id": task.id, "user_id": task.user_id, "tag": tag} for tag in tags]
        session.exec(insert(TaskTag), params=rows)


def load_tags(session: Session, tasks: Sequence[Task]) -> dict[int | None, list[str]]:
    """The tags of the given tasks in one query, each list sorted by code point."""
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
