"""What the task layer refuses, in its own terms; the routes map each to an HTTP answer."""

from typing import Any


class TaskBusyError(Exception):
    """The task kept changing under a PATCH; the client should try again."""


class IdempotencyKeyReusedError(Exception):
    """The Idempotency-Key already created a task from a different body."""


class InvalidTaskError(Exception):
    """The fields a PATCH sent, merged over the stored task, break a rule across fields."""

    def __init__(self, errors: list[Any]) -> None:
        super().__init__(errors)
        # pydantic's error list, located in the merged task (e.g. ("remind_at",)).
        self.errors = errors
