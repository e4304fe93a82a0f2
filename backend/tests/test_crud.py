"""Task writes under concurrency: a PATCH never overwrites a write that landed after its read."""

import pytest
from sqlalchemy import Engine
from sqlmodel import Session

from app import crud
from app.crud import tasks
from app.models import TaskCreate, TaskPatch


def test_patch_task_write_between_read_and_write_kept(
    db: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    with Session(db) as setup:
        task_id = crud.create_task(setup, user_id="user-a", body=TaskCreate(title="Pay rent")).id
    read = tasks.read_task
    interleaved = False

    def read_then_let_another_patch_land(session: Session, *, user_id: str, task_id: int):
        nonlocal interleaved
        current = read(session, user_id=user_id, task_id=task_id)
        if not interleaved:
            interleaved = True
            with Session(db) as other:
                crud.patch_task(
                    other, user_id="user-a", task_id=task_id, body=TaskPatch(priority="high")
                )
        return current

    monkeypatch.setattr(tasks, "read_task", read_then_let_another_patch_land)
    with Session(db) as session:
        crud.patch_task(
            session, user_id="user-a", task_id=task_id, body=TaskPatch(title="Pay the rent")
        )

    with Session(db) as check:
        stored = read(check, user_id="user-a", task_id=task_id)
    assert stored is not None
    assert (stored.title, stored.priority) == ("Pay the rent", "high")


def test_patch_task_always_interrupted_raises_busy(
    db: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    with Session(db) as setup:
        task_id = crud.create_task(setup, user_id="user-a", body=TaskCreate(title="Hot")).id
    read = tasks.read_task
    flips = iter(range(crud.PATCH_ATTEMPTS))

    def read_then_another_write(session: Session, *, user_id: str, task_id: int):
        current = read(session, user_id=user_id, task_id=task_id)
        if next(flips, None) is not None:
            with Session(db) as other:
                crud.toggle_task(other, user_id="user-a", task_id=task_id)
        return current

    monkeypatch.setattr(tasks, "read_task", read_then_another_write)
    with Session(db) as session, pytest.raises(crud.TaskBusyError):
        crud.patch_task(
            session, user_id="user-a", task_id=task_id, body=TaskPatch(title="Never lands")
        )
