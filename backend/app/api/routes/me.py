"""The caller's identity as the verified token states it."""

from fastapi import APIRouter

from app.api.deps import CurrentUser
from app.core.security import Identity

router = APIRouter(tags=["me"])


@router.get("/me")
async def read_me(user: CurrentUser) -> Identity:
    return user
