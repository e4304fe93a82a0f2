"""The answers to errors raised while handling a request: a database away, an invalid request."""

import json
import logging

from fastapi import Request, status
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response

logger = logging.getLogger(__name__)


async def database_unavailable(_request: Request, exc: Exception) -> JSONResponse:
    logger.error("Database unavailable: %s", exc)
    return JSONResponse(
        status_code=status.HTTP_503_SERVICE_UNAVAILABLE,
        content={"detail": "database unavailable"},
        # Outages are usually a restart: worth retrying shortly, not giving up on.
        headers={"Retry-After": "5"},
    )


async def invalid_request(_request: Request, exc: RequestValidationError) -> Response:
    """422 with FastAPI's usual body, which echoes the offending input.

    Written as ASCII-only JSON: the input may hold a lone UTF-16 surrogate (JSON allows "\\ud800"),
    which has no UTF-8 form, so the default encoder would fail and answer 500 instead.
    """
    body = json.dumps({"detail": jsonable_encoder(exc.errors())}, ensure_ascii=True)
    return Response(
        content=body,
        status_code=status.HTTP_422_UNPROCESSABLE_CONTENT,
        media_type="application/json",
    )
