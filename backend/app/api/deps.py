"""Request dependencies shared by the routes, as Annotated aliases."""

from collections.abc import Iterator
from typing import Annotated

from better_auth_jwt import Identity
from better_auth_jwt.fastapi import BearerIdentity
from fastapi import Depends, HTTPException, Request, status
from sqlalchemy import Engine
from sqlmodel import Session

from app.core.db import session_scope
from app.core.state import app_state


def get_db(request: Request) -> Iterator[Session]:
    yield from session_scope(app_state(request).engine)


SessionDep = Annotated[Session, Depends(get_db)]


async def get_engine(request: Request) -> Engine:
    # async: a sync dependency would cost a threadpool hop of its own.
    return app_state(request).engine


EngineDep = Annotated[Engine, Depends(get_engine)]


# The verifier lives on the app, which create_app builds (one per app, e.g. per test).
get_current_user = BearerIdentity(lambda request: app_state(request).verifier)
CurrentUser = Annotated[Identity, Depends(get_current_user)]


async def require_path_user(user_id: str, user: CurrentUser) -> None:
    """Guards the /api/{user_id}/... routes: the path may only name the caller."""
    if user_id != user.user_id:
        raise HTTPException(status_code=status.HTTP_403_FORBIDDEN, detail="Forbidden")
