"""Reads and writes of tasks; every statement names the owner in its own WHERE clause.

One concern per module: `listing` (the filtered, sorted page), `tasks` (one task by id),
`creates` (creates, idempotent ones included), `patching` (the PATCH merge under
compare-and-set), `recurrence` (the next occurrence of a completed task), `tags` (a task's
tags, and the counts of the tag list).
"""

from app.crud.creates import create_task, create_task_once
from app.crud.errors import IdempotencyKeyReusedError, InvalidTaskError, TaskBusyError
from app.crud.listing import list_tasks
from app.crud.patching import PATCH_ATTEMPTS, patch_task
from app.crud.tags import count_tags
from app.crud.tasks import delete_task, delete_tasks, read_task, replace_task, toggle_task

__all__ = [
    "PATCH_ATTEMPTS",
    "IdempotencyKeyReusedError",
    "InvalidTaskError",
    "TaskBusyError",
    "count_tags",
    "create_task",
    "create_task_once",
    "delete_task",
    "delete_tasks",
    "list_tasks",
    "patch_task",
    "read_task",
    "replace_task",
    "toggle_task",
]
