"""The caller's tasks: list, create, read, replace, patch, toggle, delete."""

from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Path, Query, status
from sqlalchemy import ColumnElement, delete, func, not_, update
from sqlmodel import Session, col, select

from app.api.deps import CurrentUser, SessionDep
from app.core.security import Identity
from app.models import Task, TaskCreate, TaskPatch, TaskPublic, TasksPublic, TaskUpdate, utcnow

router = APIRouter(prefix="/tasks", tags=["tasks"])

# The id column is 32-bit; a larger number could never match and would overflow the driver.
TaskId = Annotated[int, Path(ge=1, le=2**31 - 1)]


@router.get("")
def list_tasks(
    user: CurrentUser,
    session: SessionDep,
    limit: Annotated[int, Query(ge=1, le=100)] = 50,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> TasksPublic:
    mine = Task.user_id == user.user_id
    total = session.exec(select(func.count()).select_from(Task).where(mine)).one()
    items = session.exec(
        select(Task)
        .where(mine)
        .order_by(col(Task.created_at).desc(), col(Task.id).desc())
        .offset(offset)
        .limit(limit)
    ).all()
    return TasksPublic(
        items=[TaskPublic.model_validate(task) for task in items],
        total=total,
        limit=limit,
        offset=offset,
    )


@router.post("", status_code=status.HTTP_201_CREATED)
def create_task(body: TaskCreate, user: CurrentUser, session: SessionDep) -> TaskPublic:
    task = Task.model_validate(body, update={"user_id": user.user_id})
    session.add(task)
    session.flush()
    # Every column is known once the flush assigns the id, so no re-read after commit.
    public = TaskPublic.model_validate(task)
    session.commit()
    return public


@router.get("/{task_id}")
def read_task(task_id: TaskId, user: CurrentUser, session: SessionDep) -> TaskPublic:
    task = session.exec(select(Task).where(owned(task_id, user))).first()
    if task is None:
        raise not_found()
    return TaskPublic.model_validate(task)


@router.put("/{task_id}")
def replace_task(
    task_id: TaskId, body: TaskUpdate, user: CurrentUser, session: SessionDep
) -> TaskPublic:
    return update_owned(session, task_id, user, body.model_dump())


@router.patch("/{task_id}")
def patch_task(
    task_id: TaskId, body: TaskPatch, user: CurrentUser, session: SessionDep
) -> TaskPublic:
    return update_owned(session, task_id, user, body.model_dump(exclude_unset=True))


@router.patch("/{task_id}/complete")
def toggle_task(task_id: TaskId, user: CurrentUser, session: SessionDep) -> TaskPublic:
    # Flipped in SQL so two concurrent toggles cannot both read the same old value.
    return update_owned(session, task_id, user, {"completed": not_(Task.completed)})


@router.delete("/{task_id}", status_code=status.HTTP_204_NO_CONTENT)
def delete_task(task_id: TaskId, user: CurrentUser, session: SessionDep) -> None:
    result = session.exec(delete(Task).where(owned(task_id, user)))
    session.commit()
    if result.rowcount == 0:
        raise not_found()


def owned(task_id: int, user: Identity) -> ColumnElement[bool]:
    """The ownership filter every single-task statement carries in its WHERE clause."""
    return (Task.id == task_id) & (Task.user_id == user.user_id)


def update_owned(
    session: Session, task_id: int, user: Identity, values: dict[str, Any]
) -> TaskPublic:
    statement = (
        update(Task)
        .where(owned(task_id, user))
        .values(**values, updated_at=utcnow())
        .returning(Task)
    )
    task = session.exec(statement).scalars().first()
    if task is None:
        raise not_found()
    # Read before commit: committing expires the object, and re-reading it costs a SELECT.
    public = TaskPublic.model_validate(task)
    session.commit()
    return public


def not_found() -> HTTPException:
    return HTTPException(status_code=status.HTTP_404_NOT_FOUND, detail="Task not found")
