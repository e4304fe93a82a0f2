"""A task's tags: written whole on every write, read for one task or a page in one query, and
counted across all of a person's tasks for the tag list."""

from collections import defaultdict
from collections.abc import Sequence

from sqlalchemy import Integer, case, delete, func, insert
from sqlmodel import Session, col, select

from app.models import TagCount, Task, TaskTag


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


# One row per tag: how many of the owner's tasks carry it, and how many of those are open. The
# owner is named for both tables, and the (user_id, tag) index serves the scan and the grouping.
_COUNTS = (
    select(
        TaskTag.tag,
        func.count().label("total"),
        func.sum(case((col(Task.completed), 0), else_=1), type_=Integer).label("open"),
    )
    .join(Task, col(Task.id) == col(TaskTag.task_id))
    .group_by(col(TaskTag.tag))
)


def count_tags(session: Session, *, user_id: str) -> list[TagCount]:
    """Every tag of the owner's tasks with its counts, sorted by code point as tag lists are."""
    rows = session.exec(
        _COUNTS.where(col(TaskTag.user_id) == user_id, col(Task.user_id) == user_id)
    ).all()
    counts = [TagCount(name=tag, open=open_ or 0, total=total) for tag, total, open_ in rows]
    # Sorted here, not in SQL: task_tag.tag follows the database's collation on PostgreSQL.
    return sorted(counts, key=lambda count: count.name)
