"""Creating tasks, and creating one only once per Idempotency-Key."""

import hashlib

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session

from app.crud.errors import IdempotencyKeyReusedError
from app.crud.tags import save_tags
from app.crud.tasks import finish_write, read_task, search_text
from app.models import Task, TaskCreate, TaskCreation, TaskPublic


def create_task(
    session: Session,
    *,
    user_id: str,
    body: TaskCreate,
    creation: TaskCreation | None = None,
    reminder_email: str | None = None,
) -> TaskPublic:
    """Creates the task; `creation`, if given, is recorded in the same transaction.

    `reminder_email` is where its reminder is emailed: the address in the caller's token.
    """
    extra = {"user_id": user_id, "search_text": search_text(body), "reminder_email": reminder_email}
    task = Task.model_validate(body, update=extra)
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
    session: Session, *, user_id: str, key: str, body: TaskCreate, reminder_email: str | None = None
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
            return create_task(
                session,
                user_id=user_id,
                body=body,
                creation=creation,
                reminder_email=reminder_email,
            )
        except IntegrityError:
            # A repeat sent while the first was still running committed first; its task stands.
            session.rollback()
            earlier = session.get_one(TaskCreation, (user_id, key))
    if earlier.fingerprint != fingerprint:
        raise IdempotencyKeyReusedError
    return read_task(session, user_id=user_id, task_id=earlier.task_id)
