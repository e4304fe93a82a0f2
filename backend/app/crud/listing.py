"""The task list: one page of the caller's tasks, filtered, searched, sorted, sent as JSON."""

from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import Any, NamedTuple

from pydantic_core import to_json
from sqlalchemy import (
    ColumnElement,
    Connection,
    Integer,
    Row,
    Select,
    String,
    asc,
    bindparam,
    case,
    desc,
    func,
    not_,
)
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
    with the page's tags in the page query on PostgreSQL and in one more query on SQLite. The
    statements are built once per combination of filters, sort and order; every value is bound
    at execution.
    """
    tags_in_page = connection.dialect.name == "postgresql"
    count, page = _statements(_Shape.of(query), tags_in_page=tags_in_page)
    values = _values(user_id, query)
    total = connection.execute(count, values).scalar()
    rows = connection.execute(page, values).all()
    if tags_in_page:
        # Sorted by code point, as every tag list the API sends; NULL for a task without tags.
        items = [
            {**dict(zip(_PUBLIC_FIELDS, row, strict=True)), "tags": sorted(row[TAGS_AT] or ())}
            for row in rows
        ]
    else:
        items = _with_page_tags(connection, rows)
    result = {"items": items, "total": total, "limit": query.limit, "offset": query.offset}
    return to_json(result)


def _with_page_tags(connection: Connection, rows: Sequence[Row[Any]]) -> list[dict[str, Any]]:
    """The rows as items, with their tags read in one more query."""
    tags: dict[int, list[str]] = {}
    if rows:
        for task_id, tag in connection.execute(TAGS_OF_PAGE, {"ids": [row.id for row in rows]}):
            tags.setdefault(task_id, []).append(tag)
    items = []
    for row in rows:
        item = dict(zip(FIELDS_BEFORE_TAGS, row[:TAGS_AT], strict=True))
        item["tags"] = sorted(tags.get(row.id, ()))
        item.update(zip(FIELDS_AFTER_TAGS, row[TAGS_AT:], strict=True))
        items.append(item)
    return items


class _Shape(NamedTuple):
    """What decides a list statement's text; the values it binds come from _values."""

    status: TaskStatus
    priority: bool
    tags: int
    due_before: bool
    due_after: bool
    overdue: bool
    q: bool
    sort: TaskSort
    order: SortOrder

    @classmethod
    def of(cls, query: TaskListQuery) -> "_Shape":
        return cls(
            status=query.status,
            priority=query.priority is not None,
            tags=len(query.tag),
            due_before=query.due_before is not None,
            due_after=query.due_after is not None,
            overdue=query.overdue,
            q=bool(query.q),
            sort=query.sort,
            order=query.order,
        )


def _values(user_id: str, query: TaskListQuery) -> dict[str, Any]:
    values: dict[str, Any] = {
        "user_id": user_id,
        "priority": query.priority,
        "due_before": query.due_before,
        "due_after": query.due_after,
        "offset": query.offset,
        "limit": query.limit,
    }
    values.update((f"tag_{number}", tag) for number, tag in enumerate(query.tag))
    if query.overdue:
        values["now"] = utcnow()
    if query.q:
        # Escaped as SQLAlchemy's autoescape does: a % or _ in the search means itself.
        needle = search_key(query.q)
        values["needle"] = needle.replace("/", "//").replace("%", "/%").replace("_", "/_")
    return values


@lru_cache(maxsize=512)
def _statements(shape: _Shape, *, tags_in_page: bool) -> tuple[Select[Any], Select[Any]]:
    """The count and the page statements of one shape of query."""
    conditions = [col(Task.user_id) == _USER_ID, *_filters(shape)]
    count = select(func.count()).select_from(Task).where(*conditions)
    keys = _sort_keys(shape)
    page = (
        select(*PAGE_COLUMNS, *(key.label(f"sort_{n}") for n, (key, _) in enumerate(keys)))
        .where(*conditions)
        .order_by(*(direction(key) for key, direction in keys))
        .offset(bindparam("offset", type_=Integer))
        .limit(bindparam("limit", type_=Integer))
    )
    if not tags_in_page:
        return count, page.with_only_columns(*PAGE_COLUMNS, maintain_column_froms=True)
    # PostgreSQL reads each row's tags in the page query, a round trip fewer. The tags are read
    # around the limited page, so they cost one lookup per row sent, whatever the offset; the
    # outer query sorts the page's rows again by the same keys (SQL keeps no order otherwise).
    rows = page.subquery("page")
    tags = (
        select(func.array_agg(TaskTag.tag))
        .where(col(TaskTag.task_id) == rows.c.id)
        .scalar_subquery()
    )
    fields = [rows.c[name] for name in FIELDS_BEFORE_TAGS] + [tags]
    fields += [rows.c[name] for name in FIELDS_AFTER_TAGS]
    ordering = [direction(rows.c[f"sort_{n}"]) for n, (_, direction) in enumerate(keys)]
    return count, select(*fields).order_by(*ordering)


_USER_ID = bindparam("user_id", type_=String)


def _filters(shape: _Shape) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = []
    if shape.status == TaskStatus.PENDING:
        conditions.append(not_(Task.completed))
    elif shape.status == TaskStatus.COMPLETED:
        conditions.append(col(Task.completed))
    if shape.priority:
        conditions.append(col(Task.priority) == bindparam("priority"))
    conditions.extend(
        col(Task.id).in_(
            select(TaskTag.task_id).where(
                col(TaskTag.user_id) == _USER_ID, col(TaskTag.tag) == bindparam(f"tag_{number}")
            )
        )
        for number in range(shape.tags)
    )
    if shape.due_before:
        conditions.append(col(Task.due_at) < bindparam("due_before"))
    if shape.due_after:
        conditions.append(col(Task.due_at) >= bindparam("due_after"))
    if shape.overdue:
        conditions.extend([col(Task.due_at) < bindparam("now"), not_(Task.completed)])
    if shape.q:
        conditions.append(col(Task.search_text).contains(bindparam("needle"), escape="/"))
    return conditions


def _sort_keys(shape: _Shape) -> list[tuple[ColumnElement[Any], Callable[[Any], Any]]]:
    """What the page is sorted by, each key with its direction."""
    direction = asc if shape.order == SortOrder.ASC else desc
    keys = [(SORT_KEYS[shape.sort], direction), (col(Task.id), direction)]
    if shape.sort == TaskSort.DUE:
        # Tasks without a due date go last in either direction.
        keys.insert(0, (col(Task.due_at).is_(None), asc))
    return keys
