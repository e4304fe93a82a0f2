"""The task list: one page of the caller's tasks, filtered, searched, sorted, sent as JSON."""

from typing import Any

from pydantic_core import to_json
from sqlalchemy import ColumnElement, Connection, asc, bindparam, case, desc, func, not_
from sqlmodel import col, select

from app.models import (
    Priority,
    SortOrder,
    Task,
    TaskListQuery,
    TaskPublic,
    TaskSort,
    TaskStatus,
    TaskTag,
    search_key,
    utcnow,
)

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


# The page's columns, in the order TaskPublic sends its fields; `tags` comes from task_tag.
_PUBLIC_FIELDS = list(TaskPublic.model_fields)
TAGS_AT = _PUBLIC_FIELDS.index("tags")
FIELDS_BEFORE_TAGS = _PUBLIC_FIELDS[:TAGS_AT]
FIELDS_AFTER_TAGS = _PUBLIC_FIELDS[TAGS_AT + 1 :]
PAGE_COLUMNS = [col(getattr(Task, name)) for name in FIELDS_BEFORE_TAGS + FIELDS_AFTER_TAGS]
# Built once: the page's ids are bound at execution, not coerced into 50 literals each time.
# (Joining the tags into the page query instead costs one lookup per *sorted* row, 100 k for a
# heavy user sorted by title, before the LIMIT; see bench/ANALYSIS.md.)
TAGS_OF_PAGE = select(TaskTag.task_id, TaskTag.tag).where(
    col(TaskTag.task_id).in_(bindparam("ids", expanding=True))
)


def list_tasks(connection: Connection, *, user_id: str, query: TaskListQuery) -> bytes:
    """One page as the JSON the API sends, read as plain rows and serialised once.

    Building 50 ORM objects and then 50 validated models cost more than the queries themselves
    (bench/ANALYSIS.md); the rows come straight from the columns, in TaskPublic's field order,
    and the page's tags in one more query.
    """
    conditions = [col(Task.user_id) == user_id, *_filters(user_id, query)]
    total = connection.execute(select(func.count()).select_from(Task).where(*conditions)).scalar()
    rows = connection.execute(
        select(*PAGE_COLUMNS)
        .where(*conditions)
        .order_by(*_ordering(query))
        .offset(query.offset)
        .limit(query.limit)
    ).all()
    tags: dict[int, list[str]] = {}
    if rows:
        for task_id, tag in connection.execute(TAGS_OF_PAGE, {"ids": [row.id for row in rows]}):
            tags.setdefault(task_id, []).append(tag)
    items = []
    for row in rows:
        item = dict(zip(FIELDS_BEFORE_TAGS, row[:TAGS_AT], strict=True))
        # Sorted by code point, as every tag list the API sends.
        item["tags"] = sorted(tags.get(row.id, ()))
        item.update(zip(FIELDS_AFTER_TAGS, row[TAGS_AT:], strict=True))
        items.append(item)
    page = {"items": items, "total": total, "limit": query.limit, "offset": query.offset}
    return to_json(page)


def _filters(user_id: str, query: TaskListQuery) -> list[ColumnElement[bool]]:
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


def _ordering(query: TaskListQuery) -> list[Any]:
    direction = asc if query.order == SortOrder.ASC else desc
    keys = [direction(SORT_KEYS[query.sort]), direction(col(Task.id))]
    if query.sort == TaskSort.DUE:
        # Tasks without a due date go last in either direction.
        keys.insert(0, col(Task.due_at).is_(None))
    return keys
