"""Builds the FastAPI app; run it with `uvicorn --factory app.main:create_app`."""

import asyncio
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager, suppress

from fastapi import FastAPI, Request, status
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import JSONResponse
from sqlalchemy.exc import OperationalError

from app.api.main import api_router
from app.core.body_limit import BodySizeLimit
from app.core.config import Settings, get_settings
from app.core.db import create_db_engine
from app.core.security import build_verifier

logger = logging.getLogger(__name__)


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

    app = FastAPI(title="Tasks API", lifespan=lifespan)
    app.state.verifier = build_verifier(settings)
    app.state.engine = create_db_engine(settings.DATABASE_URL)
    app.add_middleware(
        CORSMiddleware,
        allow_origins=settings.CORS_ORIGINS,
        allow_methods=["GET", "POST", "PUT", "PATCH", "DELETE"],
        allow_headers=["Authorization", "Content-Type", "Idempotency-Key"],
    )
    # Outermost, so an oversized body is refused before anything reads it.
    app.add_middleware(BodySizeLimit, max_bytes=settings.MAX_BODY_BYTES)
    app.add_exception_handler(OperationalError, database_unavailable)
    app.include_router(api_router)
    return app


async def database_unavailable(_request: Request, exc: Exception) -> JSONResponse:
    logger.error("Database unavailable: %s", exc)
    return JSONResponse(
        status_code=status.HTTP_503_SERVICE_UNAVAILABLE,
        content={"detail": "database unavailable"},
        # Outages are usually a restart: worth retrying shortly, not giving up on.
        headers={"Retry-After": "5"},
    )
