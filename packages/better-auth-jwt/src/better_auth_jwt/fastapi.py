"""The FastAPI integration: a dependency that answers with the caller's verified `Identity`.

    CurrentUser = Annotated[Identity, Depends(BearerIdentity(verifier))]

A missing or refused token is answered 401 with `WWW-Authenticate`; unavailable signing keys or a
stale revocation feed (when set to refuse) 503, because the token itself may be fine and a 401
would make the client sign its user out.
"""

from collections.abc import Callable

from fastapi import HTTPException, Request, status
from fastapi.security import HTTPBearer
from starlette.types import Scope

from better_auth_jwt.claims import Identity
from better_auth_jwt.errors import KeysUnavailableError, RevocationsUnavailableError, TokenError
from better_auth_jwt.verifier import TokenVerifier

VerifierLookup = Callable[[Request], TokenVerifier]


class BearerIdentity(HTTPBearer):
    """The caller's verified identity, read from the bearer header in a single dependency.

    Give it the verifier, or a function that finds it from the request (e.g. on `app.state`,
    when an app factory builds one verifier per app). FastAPI solves each dependency layer on
    every request; a separate HTTPBearer layer under the verifier would cost more than a cached
    verification itself. Being an HTTPBearer keeps the scheme declared in the OpenAPI document;
    the header is read here, as HTTPBearer reads it, without its credentials model.
    """

    def __init__(
        self, verifier: TokenVerifier | VerifierLookup, *, scheme_name: str = "HTTPBearer"
    ) -> None:
        # auto_error=False: a missing header gets the same 401 shape as a bad token, from here.
        super().__init__(auto_error=False, scheme_name=scheme_name)
        self._lookup = verifier if callable(verifier) else lambda _request: verifier

    async def __call__(self, request: Request) -> Identity:  # type: ignore[override]
        # async: a cached token verifies in microseconds, and a sync dependency would add a
        # threadpool hop of about 0.4 ms to every request.
        token = bearer_token(request.scope)
        if token is None:
            raise HTTPException(
                status_code=status.HTTP_401_UNAUTHORIZED,
                detail="Not authenticated",
                headers={"WWW-Authenticate": "Bearer"},
            )
        try:
            return await self._lookup(request).verify(token)
        except KeysUnavailableError:
            raise HTTPException(
                status_code=KeysUnavailableError.status_code, detail="signing keys unavailable"
            ) from None
        except RevocationsUnavailableError:
            raise HTTPException(
                status_code=RevocationsUnavailableError.status_code,
                detail="revocation feed unavailable",
                headers={"Retry-After": "5"},
            ) from None
        except TokenError as exc:
            raise HTTPException(
                status_code=TokenError.status_code,
                detail=f"Invalid token: {exc.reason}",
                headers={"WWW-Authenticate": 'Bearer error="invalid_token"'},
            ) from None


def bearer_token(scope: Scope) -> str | None:
    """The token of the first Authorization header if its scheme is Bearer, as HTTPBearer reads it.

    Straight from the ASGI scope: HTTPBearer's Headers object and pydantic credentials model
    cost about a tenth of a cached `/me` request (bench/ANALYSIS.md).
    """
    for name, value in scope["headers"]:
        if name == b"authorization":
            scheme, _, token = value.decode("latin-1").partition(" ")
            token = token.strip()
            return token if token and scheme.lower() == "bearer" else None
    return None
