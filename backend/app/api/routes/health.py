"""Liveness, database reachability and the revocation feed's freshness, without auth."""

from typing import Any

from better_auth_jwt import RevocationFeed
from fastapi import APIRouter, Request, Response, status
from sqlalchemy import text

from app.api.deps import SessionDep
from app.api.errors import UNAVAILABLE
from app.core.state import app_state

router = APIRouter(tags=["health"])


@router.get("/health", responses=UNAVAILABLE)
def health(request: Request, response: Response, session: SessionDep) -> dict[str, Any]:
    # An unreachable database raises OperationalError, which main.py turns into a 503.
    session.exec(text("SELECT 1"))
    answer: dict[str, Any] = {"status": "ok"}
    revocations: RevocationFeed | None = app_state(request).verifier.revocations
    if revocations is not None:
        answer["revocations"] = revocations.status()
        if revocations.refusing:
            # The instance refuses every token now; a load balancer should send traffic elsewhere.
            answer["status"] = "revocation feed unavailable"
            response.status_code = status.HTTP_503_SERVICE_UNAVAILABLE
    return answer
