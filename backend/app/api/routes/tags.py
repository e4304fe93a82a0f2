"""The caller's tags, each with how many of their tasks carry it: the tag list's exact counts."""

from fastapi import APIRouter

from app import crud
from app.api.deps import CurrentUser, SessionDep
from app.models import TagsPublic

router = APIRouter(prefix="/tags", tags=["tags"])


@router.get("")
def list_tags(user: CurrentUser, session: SessionDep) -> TagsPublic:
    """Every tag on the caller's tasks with its open and total counts, sorted by name."""
    return TagsPublic(items=crud.count_tags(session, user_id=user.user_id))
