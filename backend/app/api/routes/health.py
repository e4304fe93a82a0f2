"""Liveness and database reachability, without auth."""

from fastapi import APIRouter
from sqlalchemy import text

from app.api.deps import SessionDep
from app.api.errors import UNAVAILABLE

router = APIRouter(tags=["health"])


@router.get("/health", responses=UNAVAILABLE)
def health(session: SessionDep) -> dict[str, str]:
    # An unreachable database raises OperationalError, which main.py turns into a 503.
    session.exec(text("SELECT 1"))
    return {"status": "ok"}
