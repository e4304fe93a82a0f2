"""Collects every route of the API under its public path."""

from fastapi import APIRouter, Depends
from fastapi.routing import APIRoute

from app.api.deps import require_path_user
from app.api.errors import FORBIDDEN, UNAUTHORIZED, UNAVAILABLE
from app.api.routes import health, me, reminders, tasks


def operation_id(route: APIRoute) -> str:
    # Generated clients name their methods after these: listTasks, createTask, ...
    return route.name


def path_user_operation_id(route: APIRoute) -> str:
    return f"{route.name}_by_user_id"


AUTHENTICATED = UNAUTHORIZED | UNAVAILABLE

api_router = APIRouter(generate_unique_id_function=operation_id)
api_router.include_router(health.router)
api_router.include_router(me.router, prefix="/api", responses=AUTHENTICATED)
api_router.include_router(tasks.router, prefix="/api", responses=AUTHENTICATED)
api_router.include_router(reminders.router, prefix="/api", responses=AUTHENTICATED)
# The hackathon spec's form of the same routes; the path user must be the caller.
api_router.include_router(
    tasks.router,
    prefix="/api/{user_id}",
    dependencies=[Depends(require_path_user)],
    responses=AUTHENTICATED | FORBIDDEN,
    generate_unique_id_function=path_user_operation_id,
)
