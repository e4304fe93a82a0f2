"""Collects every route of the API under its public path, in one flat route table."""

from collections.abc import Sequence
from typing import Any

from fastapi import APIRouter, Depends, params
from fastapi.routing import APIRoute

from app.api.deps import require_path_user
from app.api.errors import FORBIDDEN, UNAUTHORIZED, UNAVAILABLE
from app.api.routes import health, me, reminders, tags, tasks


def operation_id(route: APIRoute) -> str:
    # Generated clients name their methods after these: listTasks, createTask, ...
    return route.name


def path_user_operation_id(route: APIRoute) -> str:
    return f"{route.name}_by_user_id"


AUTHENTICATED = UNAUTHORIZED | UNAVAILABLE


def mount(
    target: APIRouter,
    source: APIRouter,
    *,
    prefix: str = "",
    dependencies: Sequence[params.Depends] = (),
    responses: dict[int | str, dict[str, Any]] | None = None,
    generate_unique_id_function=operation_id,
) -> None:
    """Adds the routes of `source` to `target` itself, as include_router would declare them.

    FastAPI 0.165 keeps an included router as a branch of its own, matched again at every level
    it is nested in; a flat table matches each request once, route by route (bench/ANALYSIS.md).
    """
    for route in source.routes:
        if not isinstance(route, APIRoute):
            raise TypeError(f"only API routes can be mounted, not {route!r}")
        target.add_api_route(
            prefix + route.path,
            route.endpoint,
            response_model=route.response_model,
            status_code=route.status_code,
            tags=route.tags,
            dependencies=[*dependencies, *route.dependencies],
            summary=route.summary,
            description=route.description,
            response_description=route.response_description,
            responses={**(responses or {}), **route.responses},
            deprecated=route.deprecated,
            methods=route.methods,
            name=route.name,
            include_in_schema=route.include_in_schema,
            response_class=route.response_class,
            generate_unique_id_function=generate_unique_id_function,
        )


def add_api_routes(router: APIRouter) -> None:
    mount(router, health.router)
    mount(router, me.router, prefix="/api", responses=AUTHENTICATED)
    mount(router, tasks.router, prefix="/api", responses=AUTHENTICATED)
    mount(router, reminders.router, prefix="/api", responses=AUTHENTICATED)
    mount(router, tags.router, prefix="/api", responses=AUTHENTICATED)
    # The hackathon spec's form of the same routes; the path user must be the caller. Mounted
    # last, so a request to the plain form never tries them.
    for source in (tasks.router, tags.router):
        mount(
            router,
            source,
            prefix="/api/{user_id}",
            dependencies=[Depends(require_path_user)],
            responses=AUTHENTICATED | FORBIDDEN,
            generate_unique_id_function=path_user_operation_id,
        )
