"""Collects every route of the API under its public path."""

from fastapi import APIRouter, Depends

from app.api.deps import require_path_user
from app.api.routes import health, me, tasks

api_router = APIRouter()
api_router.include_router(health.router)
api_router.include_router(me.router, prefix="/api")
api_router.include_router(tasks.router, prefix="/api")
# The hackathon spec's form of the same routes; the path user must be the caller.
api_router.include_router(
    tasks.router, prefix="/api/{user_id}", dependencies=[Depends(require_path_user)]
)
