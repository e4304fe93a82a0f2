"""Builds the FastAPI app; run it with `uvicorn --factory app.main:create_app`."""

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager, suppress

from fastapi import FastAPI
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.cors import CORSMiddleware
from sqlalchemy.exc import OperationalError

from app.api.handlers import database_unavailable, invalid_request
from app.api.main import api_router
from app.core.body_limit import BodySizeLimit
from app.core.config import Settings, get_settings
from app.core.db import create_db_engine
from app.core.hardening import Hardening
from app.core.security import build_verifier


def create_app(settings: Settings | None = None) -> FastAPI:
    """A factory rather than a module-level app, so importing never needs a JWT secret."""
    settings = settings or get_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        # Not awaited: the API starts even while the frontend serving the JWKS is still down.
        key_refresh = asyncio.create_task(app.state.verifier.keep_keys_fresh())
        try:
            yield
        finally:
            key_refresh.cancel()
            with suppress(asyncio.CancelledError):
                await key_refresh
            app.state.engine.dispose()

    # No slash redirects: Starlette builds their Location from the request's Host header.
    app = FastAPI(title="Tasks API", lifespan=lifespan, redirect_slashes=False)
    app.state.verifier = build_verifier(settings)
    app.state.engine = create_db_engine(settings.DATABASE_URL)
    # Added innermost first. Outermost, Hardening marks every answer nosniff, preflights included;
    # CORS next, so a 413 still reaches the page; the body limit refuses before anything reads it.
    app.add_middleware(BodySizeLimit, max_bytes=settings.MAX_BODY_BYTES)
    app.add_middleware(
        CORSMiddleware,
        allow_origins=settings.CORS_ORIGINS,
        allow_methods=["GET", "POST", "PUT", "PATCH", "DELETE"],
        allow_headers=["Authorization", "Content-Type", "Idempotency-Key"],
    )
    app.add_middleware(Hardening)
    app.add_exception_handler(OperationalError, database_unavailable)
    app.add_exception_handler(RequestValidationError, invalid_request)
    app.include_router(api_router)
    return app
