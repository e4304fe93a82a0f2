"""The caller's tasks: list, create, read, replace, patch, toggle, delete, clear completed."""

from typing import Annotated, Any

from fastapi import APIRouter, Header, HTTPException, Path, Query, Response, status
from fastapi.exceptions import RequestValidationError
from sqlalchemy import Engine
from starlette.concurrency import run_in_threadpool

from app import crud
from app.api.deps import CurrentUser, EngineDep, SessionDep
from app.api.errors import BUSY, NOT_FOUND, REPEATED_CREATE, UNREADABLE_BODY
from app.core.db import read_connection
from app.models import (
    IDEMPOTENCY_KEY_MAX,
    MAX_INT32,
    TaskCreate,
    TaskListQuery,
    TaskPatch,
    TaskPublic,
    TaskReplace,
    TasksDeleted,
    TasksPublic,
)

router = APIRouter(prefix="/tasks", tags=["tasks"])

TaskId = Annotated[int, Path(ge=1, le=MAX_INT32)]
# Only digits reach the single-task routes: /tasks/completed is never read as an id, and a
# wrong method on it answers 405, not 422.
ITEM = "/{task_id:int}"
# A client's retry token (RFC draft "The Idempotency-Key HTTP Header Field"): printable ASCII.
IdempotencyKey = Annotated[
    str | None,
    Header(
        alias="Idempotency-Key", min_length=1, max_length=IDEMPOTENCY_KEY_MAX, pattern=r"^[!-~]+$"
    ),
]


@router.get("", response_model=TasksPublic)
async def list_tasks(
    query: Annotated[TaskListQuery, Query()], user: CurrentUser, engine: EngineDep
) -> Response:
    """One page of the caller's tasks, filtered, searched and sorted."""
    # One threadpool hop for the whole read; the JSON is built once, in crud, not validated again.
    page = await run_in_threadpool(read_page, engine, user.user_id, query)
    return Response(page, media_type="application/json")


@router.post("", status_code=status.HTTP_201_CREATED, responses=UNREADABLE_BODY | REPEATED_CREATE)
def create_task(
    body: TaskCreate, user: CurrentUser, session: SessionDep, idempotency_key: IdempotencyKey = None
) -> TaskPublic:
    """With an Idempotency-Key, a repeat of the same create answers with the task it made."""
    if idempotency_key is None:
        return crud.create_task(session, user_id=user.user_id, body=body, reminder_email=user.email)
    try:
        created = crud.create_task_once(
            session,
            user_id=user.user_id,
            key=idempotency_key,
            body=body,
            reminder_email=user.email,
        )
        return found(created)
    except crud.IdempotencyKeyReusedError:
        raise HTTPException(
            status_code=status.HTTP_409_CONFLICT,
            detail="Idempotency-Key already used for a different task",
        ) from None


@router.delete("/completed")
def clear_completed_tasks(user: CurrentUser, session: SessionDep) -> TasksDeleted:
    """Deletes every completed task of the caller."""
    deleted = crud.delete_tasks(session, user_id=user.user_id, completed_only=True)
    return TasksDeleted(deleted=deleted)


@router.get(ITEM, responses=NOT_FOUND)
def read_task(task_id: TaskId, user: CurrentUser, session: SessionDep) -> TaskPublic:
    return found(crud.read_task(session, user_id=user.user_id, task_id=task_id))


@router.put(ITEM, responses=NOT_FOUND | UNREADABLE_BODY)
def replace_task(
    task_id: TaskId, body: TaskReplace, user: CurrentUser, session: SessionDep
) -> TaskPublic:
    """Replaces the whole task: every field left out goes back to its default."""
    replaced = crud.replace_task(
        session, user_id=user.user_id, task_id=task_id, body=body, reminder_email=user.email
    )
    return found(replaced)


@router.patch(ITEM, responses=NOT_FOUND | BUSY | UNREADABLE_BODY)
def patch_task(
    task_id: TaskId, body: TaskPatch, user: CurrentUser, session: SessionDep
) -> TaskPublic:
    """Changes only the fields sent; null clears `due_at` or `remind_at`."""
    try:
        patched = crud.patch_task(
            session, user_id=user.user_id, task_id=task_id, body=body, reminder_email=user.email
        )
        return found(patched)
    except crud.InvalidTaskError as exc:
        # A rule across fields broken by the merge: answered like any other body error.
        raise RequestValidationError(in_body(exc.errors)) from None
    except crud.TaskBusyError:
        raise HTTPException(
            status.HTTP_409_CONFLICT, "The task kept changing while it was saved; try again."
        ) from None


@router.patch(f"{ITEM}/complete", responses=NOT_FOUND)
def toggle_task(task_id: TaskId, user: CurrentUser, session: SessionDep) -> TaskPublic:
    """Flips `completed`. Completing a recurring task also creates its next occurrence."""
    return found(crud.toggle_task(session, user_id=user.user_id, task_id=task_id))


@router.delete(ITEM, status_code=status.HTTP_204_NO_CONTENT, responses=NOT_FOUND)
def delete_task(task_id: TaskId, user: CurrentUser, session: SessionDep) -> None:
    if not crud.delete_task(session, user_id=user.user_id, task_id=task_id):
        raise not_found()


def read_page(engine: Engine, user_id: str, query: TaskListQuery) -> bytes:
    with read_connection(engine) as connection:
        return crud.list_tasks(connection, user_id=user_id, query=query)


def found(task: TaskPublic | None) -> TaskPublic:
    if task is None:
        raise not_found()
    return task


def not_found() -> HTTPException:
    return HTTPException(status_code=status.HTTP_404_NOT_FOUND, detail="Task not found")


def in_body(errors: list[Any]) -> list[Any]:
    return [{**error, "loc": ("body", *error["loc"])} for error in errors]
