"""The FastAPI dependency: the identity for a good token, 401 with WWW-Authenticate otherwise, 503
when keys or revocations are unavailable; and the lifespan that keeps them current."""

import dataclasses
from collections.abc import Iterator
from typing import Annotated

import httpx2
import pytest
from fastapi import Depends, FastAPI, Request
from fastapi.security import HTTPBearer
from fastapi.testclient import TestClient

from better_auth_jwt import Identity, TokenVerifier, VerifierSettings
from better_auth_jwt.claims import id_digest
from better_auth_jwt.fastapi import BearerIdentity, bearer_token
from better_auth_jwt.testing import FeedServer, JwksServer, TokenFactory, identity_json


def app_with(verifier: TokenVerifier, *, lookup: bool = False) -> FastAPI:
    app = FastAPI(lifespan=verifier.lifespan)
    app.state.verifier = verifier
    dependency = (
        BearerIdentity(lambda request: request.app.state.verifier)
        if lookup
        else BearerIdentity(verifier)
    )
    CurrentUser = Annotated[Identity, Depends(dependency)]  # noqa: N806

    @app.get("/me")
    async def me(user: CurrentUser) -> Identity:
        return user

    return app


def get_me(settings: VerifierSettings, *tokens: str) -> list[httpx2.Response]:
    """Starts an app verifying with `settings`, lifespan included, and GETs /me once per token."""
    with TestClient(app_with(TokenVerifier.from_settings(settings))) as client:
        return [client.get("/me", headers={"Authorization": f"Bearer {t}"}) for t in tokens]


@pytest.fixture
def client(settings: VerifierSettings) -> Iterator[TestClient]:
    with TestClient(app_with(TokenVerifier.from_settings(settings))) as test_client:
        yield test_client


@pytest.mark.parametrize("lookup", [False, True], ids=["verifier", "lookup"])
def test_dependency_good_token_returns_identity(
    settings: VerifierSettings, make_token: TokenFactory, lookup: bool
) -> None:
    with TestClient(app_with(TokenVerifier.from_settings(settings), lookup=lookup)) as client:
        response = client.get("/me", headers={"Authorization": f"Bearer {make_token('user-a')}"})

    assert response.status_code == 200
    assert response.json() == identity_json("user-a")


def test_dependency_missing_header_401_not_authenticated(client: TestClient) -> None:
    response = client.get("/me")

    assert response.status_code == 401
    assert response.json() == {"detail": "Not authenticated"}
    assert response.headers["WWW-Authenticate"] == "Bearer"


# Each as an exchange's headers: what HTTPBearer would read from them, we must read too.
AUTHORIZATION_HEADERS: dict[str, list[tuple[bytes, bytes]]] = {
    "none": [],
    "bearer": [(b"authorization", b"Bearer abc.def.ghi")],
    "lower-case-scheme": [(b"authorization", b"bearer abc")],
    "upper-case-scheme": [(b"authorization", b"BEARER abc")],
    "padded-token": [(b"authorization", b"Bearer   abc  ")],
    "empty-token": [(b"authorization", b"Bearer ")],
    "scheme-only": [(b"authorization", b"Bearer")],
    "leading-space": [(b"authorization", b" Bearer abc")],
    "basic": [(b"authorization", b"Basic dXNlcjpwYXNz")],
    "empty-header": [(b"authorization", b"")],
    "first-of-two": [(b"authorization", b"Basic x"), (b"authorization", b"Bearer abc")],
    "other-headers-first": [(b"accept", b"*/*"), (b"authorization", b"Bearer abc")],
    "latin-1": [(b"authorization", "Bearer caf\u00e9".encode("latin-1"))],
}


@pytest.mark.anyio
@pytest.mark.parametrize(
    "headers", AUTHORIZATION_HEADERS.values(), ids=AUTHORIZATION_HEADERS.keys()
)
async def test_bearer_token_reads_the_header_as_http_bearer_does(
    headers: list[tuple[bytes, bytes]],
) -> None:
    scope = {"type": "http", "headers": headers}
    credentials = await HTTPBearer(auto_error=False)(Request(scope))

    assert bearer_token(scope) == (credentials.credentials if credentials else None)


def test_dependency_bad_token_401_with_reason(client: TestClient, make_token: TokenFactory) -> None:
    response = client.get("/me", headers={"Authorization": f"Bearer {make_token(aud=None)}"})

    assert response.status_code == 401
    assert response.json() == {"detail": "Invalid token: missing required claim: aud"}
    assert response.headers["WWW-Authenticate"] == 'Bearer error="invalid_token"'


def test_dependency_no_keys_yet_503(make_eddsa_token: TokenFactory) -> None:
    down = JwksServer()
    down.status = 502
    try:
        jwks = VerifierSettings(
            issuer="http://localhost:3000",
            audience="http://localhost:8000",
            mode="jwks",
            jwks_url=down.url,
        )
        [response] = get_me(jwks, make_eddsa_token())
    finally:
        down.close()

    assert response.status_code == 503
    assert response.json() == {"detail": "signing keys unavailable"}


def refusing_when_stale(settings: VerifierSettings, feed: FeedServer) -> VerifierSettings:
    """Following `feed`, and refusing every token while it is stale."""
    return dataclasses.replace(settings, revocation_url=feed.url, when_revocations_stale="refuse")


def test_lifespan_reads_the_revocation_feed_before_the_first_request(
    settings: VerifierSettings, make_token: TokenFactory
) -> None:
    feed = FeedServer()
    try:
        feed.add("session", id_digest("session-of-user-a"))
        revoked, other = get_me(
            refusing_when_stale(settings, feed), make_token("user-a"), make_token("user-b")
        )
    finally:
        feed.close()

    assert revoked.status_code == 401
    assert revoked.json() == {"detail": "Invalid token: token has been revoked"}
    assert other.status_code == 200


def test_dependency_stale_feed_in_refuse_mode_503(
    settings: VerifierSettings, make_token: TokenFactory
) -> None:
    feed = FeedServer()
    feed.status = 503
    try:
        [response] = get_me(refusing_when_stale(settings, feed), make_token())
    finally:
        feed.close()

    assert response.status_code == 503
    assert response.json() == {"detail": "revocation feed unavailable"}
    assert response.headers["Retry-After"] == "5"
