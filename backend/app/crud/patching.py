"""PATCH: the sent fields merged over the stored task, written by compare-and-set."""

from pydantic import ValidationError
from sqlmodel import Session

from app.crud import tasks
from app.crud.errors import InvalidTaskError, TaskBusyError
from app.models import TaskPatch, TaskPublic, TaskReplace
from app.recurrence import merge_rule_fields

# Each attempt loses only to a write that landed in between; three in a row means a hot task.
PATCH_ATTEMPTS = 3


def patch_task(
    session: Session,
    *,
    user_id: str,
    task_id: int,
    body: TaskPatch,
    reminder_email: str | None = None,
) -> TaskPublic | None:
    """Applies the sent fields over the stored task.

    Raises InvalidTaskError when the merged task breaks a rule across fields, and TaskBusyError
    when other writes keep landing between the read and the write.
    """
    # Compare-and-set on updated_at: a write landing between our read and our write makes the
    # write miss, and the merge is redone on the newer task, so neither PATCH is lost.
    for _ in range(PATCH_ATTEMPTS):
        current = tasks.read_task(session, user_id=user_id, task_id=task_id)
        if current is None:
            return None
        stored = current.model_dump(include=set(TaskReplace.model_fields))
        merged = merge_rule_fields(stored, body.model_dump(exclude_unset=True))
        try:
            replacement = TaskReplace.model_validate(merged)
        except ValidationError as exc:
            raise InvalidTaskError(exc.errors(include_url=False)) from None
        written = tasks.replace_task(
            session,
            user_id=user_id,
            task_id=task_id,
            body=replacement,
            unchanged_since=current.updated_at,
            reminder_email=reminder_email,
        )
        if written is not None:
            return written
        session.rollback()
    raise TaskBusyError(task_id)
