"""Request dependencies shared by the routes, as Annotated aliases."""

from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, HTTPException, Request, status
from fastapi.security import HTTPBearer
from sqlmodel import Session

from app.core.db import session_scope
from app.core.security import (
    Identity,
    KeysUnavailableError,
    RevocationsUnavailableError,
    TokenError,
    TokenVerifier,
)


def get_db(request: Request) -> Iterator[Session]:
    yield from session_scope(request.app.state.engine)


SessionDep = Annotated[Session, Depends(get_db)]


class BearerIdentity(HTTPBearer):
    """The caller's verified identity, read from the bearer header in a single dependency.

    FastAPI solves each dependency layer on every request; a separate HTTPBearer layer under the
    verifier cost more than the cached verification itself (bench/asgi_cost.py). Being an
    HTTPBearer keeps the scheme declared in the OpenAPI document.
    """

    async def __call__(self, request: Request) -> Identity:  # type: ignore[override]
        # async: a cached token verifies in microseconds, and a sync dependency would add a
        # threadpool hop of about 0.4 ms to every request.
        credentials = await super().__call__(request)
        if credentials is None:
            raise HTTPException(
                status_code=status.HTTP_401_UNAUTHORIZED,
                detail="Not authenticated",
                headers={"WWW-Authenticate": "Bearer"},
            )
        verifier: TokenVerifier = request.app.state.verifier
        try:
            return await verifier.verify(credentials.credentials)
        except KeysUnavailableError:
            # Not 401: the token may be valid, and a 401 would make the client sign the person out.
            raise HTTPException(
                status_code=status.HTTP_503_SERVICE_UNAVAILABLE, detail="signing keys unavailable"
            ) from None
        except RevocationsUnavailableError:
            # JWT_WHEN_REVOCATIONS_STALE=refuse: the token may have been revoked since the feed
            # was last read.
            raise HTTPException(
                status_code=status.HTTP_503_SERVICE_UNAVAILABLE,
                detail="revocation feed unavailable",
                headers={"Retry-After": "5"},
            ) from None
        except TokenError as exc:
            raise HTTPException(
                status_code=status.HTTP_401_UNAUTHORIZED,
                detail=f"Invalid token: {exc.reason}",
                headers={"WWW-Authenticate": 'Bearer error="invalid_token"'},
            ) from None


# auto_error=False: a missing header gets the same 401 shape as a bad token, from us.
get_current_user = BearerIdentity(auto_error=False, scheme_name="HTTPBearer")
CurrentUser = Annotated[Identity, Depends(get_current_user)]


async def require_path_user(user_id: str, user: CurrentUser) -> None:
    """Guards the /api/{user_id}/... routes: the path may only name the caller."""
    if user_id != user.user_id:
        raise HTTPException(status_code=status.HTTP_403_FORBIDDEN, detail="Forbidden")
