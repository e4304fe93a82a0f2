"""Builds the FastAPI app; run it with `uvicorn --factory app.main:create_app`."""

import asyncio
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from better_auth_jwt import TokenVerifier
from fastapi import FastAPI
from fastapi.exceptions import RequestValidationError
from sqlalchemy.exc import OperationalError
from sqlmodel import Session
from starlette.concurrency import run_in_threadpool

from app import crud
from app.api.handlers import database_unavailable, invalid_request
from app.api.main import add_api_routes
from app.core.body_limit import BodySizeLimit
from app.core.config import Settings, get_settings
from app.core.db import create_db_engine
from app.core.hardening import Hardening
from app.core.security import verifier_settings
from app.core.state import install_state
from app.reminders import store as reminder_store
from app.reminders.sender import Scheduler

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
                removed = crud.delete_tasks(session, user_id=user_id, completed_only=False)
                reminder_store.forget_settings(session, user_id=user_id)
                return removed

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
        # Keys and revocations stay current in the background (TokenVerifier.running); reminders
        # go out and old idempotency keys are purged by the scheduler (app.reminders.sender).
        stop = asyncio.Event()
        scheduler = None
        if settings.REMINDER_SENDER:
            scheduler = asyncio.create_task(Scheduler(engine, settings).run(stop))
        try:
            async with verifier.running():
                yield
        finally:
            stop.set()
            if scheduler is not None:
                await scheduler
            engine.dispose()

    # No slash redirects: Starlette builds their Location from the request's Host header.
    app = FastAPI(title="Tasks API", lifespan=lifespan, redirect_slashes=False)
    install_state(app, engine=engine, verifier=verifier)
    # Added innermost first. Outermost, Hardening: CORS, so a 413 still reaches the page, and
    # nosniff on every answer, preflights included; the body limit refuses before anything reads it.
    app.add_middleware(BodySizeLimit, max_bytes=settings.MAX_BODY_BYTES)
    app.add_middleware(
        Hardening,
        allow_origins=settings.CORS_ORIGINS,
        allow_methods=["GET", "POST", "PUT", "PATCH", "DELETE"],
        allow_headers=["Authorization", "Content-Type", "Idempotency-Key"],
        # Every bearer call is preflighted; caching the answer spares a round trip per URL.
        max_age=CORS_MAX_AGE,
    )
    app.add_exception_handler(OperationalError, database_unavailable)
    app.add_exception_handler(RequestValidationError, invalid_request)
    add_api_routes(app.router)
    return app
