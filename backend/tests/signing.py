"""Signing fixtures for the app's tests: an Ed25519 key, a loopback JWKS server, token factories
(the helpers themselves are better_auth_jwt.testing)."""

from collections.abc import Callable, Iterator

import pytest
from better_auth_jwt.testing import (
    KID,
    Claims,
    ClaimsFactory,
    JwksServer,
    access_claims,
    forge,
    jwks_document,
    public_jwk,
)
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from fastapi.testclient import TestClient

from app.core.config import Settings
from app.main import create_app


@pytest.fixture
def signing_key() -> Ed25519PrivateKey:
    return Ed25519PrivateKey.generate()


@pytest.fixture
def jwks_server(signing_key: Ed25519PrivateKey) -> Iterator[JwksServer]:
    server = JwksServer(jwks_document(public_jwk(signing_key)))
    yield server
    server.close()


@pytest.fixture
def jwks_settings(settings: Settings, jwks_server: JwksServer) -> Settings:
    return Settings(
        _env_file=None,
        JWT_MODE="jwks",
        JWKS_URL=jwks_server.url,
        DATABASE_URL=settings.DATABASE_URL,
        JWT_REVOCATION_FEED=False,
    )


@pytest.fixture
def jwks_client(jwks_settings: Settings) -> Iterator[TestClient]:
    with TestClient(create_app(jwks_settings)) as test_client:
        yield test_client


@pytest.fixture
def make_claims(settings: Settings) -> ClaimsFactory:
    """Claims of a valid 15-minute access token; a claim overridden with None is left out."""

    def make(sub: str | None = "user-a", **overrides: object) -> Claims:
        return access_claims(settings.JWT_ISSUER, settings.JWT_AUDIENCE, sub, **overrides)

    return make


@pytest.fixture
def make_eddsa_token(
    signing_key: Ed25519PrivateKey, make_claims: ClaimsFactory
) -> Callable[..., str]:
    """A token as Better Auth signs it in jwks mode: EdDSA, `kid`, no `typ`."""

    def make(sub: str | None = "user-a", *, kid: str = KID, **overrides: object) -> str:
        return forge({"alg": "EdDSA", "kid": kid}, make_claims(sub, **overrides), signing_key)

    return make
