"""Builds the FastAPI app; run it with `uvicorn --factory app.main:create_app`."""

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from better_auth_jwt import TokenVerifier
from fastapi import FastAPI
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.cors import CORSMiddleware
from sqlalchemy.exc import OperationalError
from sqlmodel import Session
from starlette.concurrency import run_in_threadpool

from app import crud
from app.api.handlers import database_unavailable, invalid_request
from app.api.main import api_router
from app.core.body_limit import BodySizeLimit
from app.core.config import Settings, get_settings
from app.core.db import create_db_engine
from app.core.hardening import Hardening
from app.core.security import verifier_settings

logger = logging.getLogger(__name__)

# Chromium caps a cached preflight at 2 hours, Firefox at 24: ask for the longer.
CORS_MAX_AGE = 86400


def create_app(settings: Settings | None = None) -> FastAPI:
    """A factory rather than a module-level app, so importing never needs a JWT secret."""
    settings = settings or get_settings()
    engine = create_db_engine(settings.DATABASE_URL)

    async def remove_tasks_of_deleted_user(user_id: str) -> None:
        # The account is gone: a task written under it in its last moments would belong to nobody.
        def remove() -> int:
            with Session(engine) as session:
                return crud.delete_tasks(session, user_id, completed_only=False)

        try:
            await run_in_threadpool(remove)
        # Any failure: the cutoff already refuses the user, and a restart reads the entry again.
        except Exception as exc:
            logger.warning("Could not remove the tasks of a deleted account: %s", exc)

    verifier = TokenVerifier.from_settings(
        verifier_settings(settings), on_deleted_user=remove_tasks_of_deleted_user
    )

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        # Keys and revocations stay current in the background (TokenVerifier.running).
        try:
            async with verifier.running():
                yield
        finally:
            engine.dispose()

    # No slash redirects: Starlette builds their Location from the request's Host header.
    app = FastAPI(title="Tasks API", lifespan=lifespan, redirect_slashes=False)
    app.state.verifier = verifier
    app.state.engine = engine
    # Added innermost first. Outermost, Hardening marks every answer nosniff, preflights included;
    # CORS next, so a 413 still reaches the page; the body limit refuses before anything reads it.
    app.add_middleware(BodySizeLimit, max_bytes=settings.MAX_BODY_BYTES)
    app.add_middleware(
        CORSMiddleware,
        allow_origins=settings.CORS_ORIGINS,
        allow_methods=["GET", "POST", "PUT", "PATCH", "DELETE"],
        allow_headers=["Authorization", "Content-Type", "Idempotency-Key"],
        # Every bearer call is preflighted; caching the answer spares a round trip per URL.
        max_age=CORS_MAX_AGE,
    )
    app.add_middleware(Hardening)
    app.add_exception_handler(OperationalError, database_unavailable)
    app.add_exception_handler(RequestValidationError, invalid_request)
    app.include_router(api_router)
    return app
