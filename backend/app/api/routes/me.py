"""The caller's identity as the verified token states it, and the data held for it."""

from better_auth_jwt import Identity
from fastapi import APIRouter

from app import crud
from app.api.deps import CurrentUser, SessionDep
from app.models import TasksDeleted
from app.reminders import store

router = APIRouter(tags=["me"])


@router.get("/me")
async def read_me(user: CurrentUser) -> Identity:
    return user


@router.delete("/me/tasks")
def delete_my_tasks(user: CurrentUser, session: SessionDep) -> TasksDeleted:
    """Deletes every task of the caller and their reminder choice, e.g. when the account goes."""
    deleted = crud.delete_tasks(session, user_id=user.user_id, completed_only=False)
    store.forget_settings(session, user_id=user.user_id)
    return TasksDeleted(deleted=deleted)
