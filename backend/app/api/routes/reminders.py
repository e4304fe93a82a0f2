"""The caller's reminder emails switch, and an open tab's claim on a reminder it will show."""

from typing import Annotated

from fastapi import APIRouter, HTTPException, Path, status
from sqlmodel import SQLModel

from app.api.deps import CurrentUser, SessionDep
from app.api.errors import NOT_FOUND, UNREADABLE_BODY
from app.models import INPUT_CONFIG, MAX_INT32, Instant, ReminderSettings
from app.reminders import store

router = APIRouter(tags=["reminders"])


class ReminderShown(SQLModel):
    model_config = INPUT_CONFIG

    remind_at: Instant


class ReminderClaim(SQLModel):
    show: bool


@router.get("/me/reminders")
def read_reminder_settings(user: CurrentUser, session: SessionDep) -> ReminderSettings:
    return store.read_settings(session, user_id=user.user_id)


@router.put("/me/reminders", responses=UNREADABLE_BODY)
def save_reminder_settings(
    body: ReminderSettings, user: CurrentUser, session: SessionDep
) -> ReminderSettings:
    """Turns reminder emails on or off; the in-app reminder of an open tab stays either way."""
    return store.save_settings(session, user_id=user.user_id, body=body)


@router.post("/tasks/{task_id:int}/reminder/shown", responses=NOT_FOUND | UNREADABLE_BODY)
def claim_reminder_for_tab(
    task_id: Annotated[int, Path(ge=1, le=MAX_INT32)],
    body: ReminderShown,
    user: CurrentUser,
    session: SessionDep,
) -> ReminderClaim:
    """Asked by an open tab before it shows a reminder: `show` is false when the email has it.

    Whichever claims the reminder first, this tab or the email sender, is the only one to deliver
    it. A reminder already delivered, or moved to another time since, answers `show: false`.
    """
    show = store.claim_for_tab(
        session, user_id=user.user_id, task_id=task_id, remind_at=body.remind_at
    )
    if show is None:
        raise HTTPException(status_code=status.HTTP_404_NOT_FOUND, detail="Task not found")
    return ReminderClaim(show=show)
