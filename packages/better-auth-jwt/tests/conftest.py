"""Fixtures: settings for each mode, an Ed25519 key and a loopback JWKS server, token factories."""

from collections.abc import Callable, Iterator

import jwt
import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from better_auth_jwt import VerifierSettings
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

TEST_SECRET = "test-secret-0123456789-abcdefghijklmnop"
OTHER_SECRET = "another-secret-0123456789-abcdefghijkl"
ISSUER = "http://localhost:3000"
AUDIENCE = "http://localhost:8000"

TokenFactory = Callable[..., str]


@pytest.fixture
def settings() -> VerifierSettings:
    return VerifierSettings(issuer=ISSUER, audience=AUDIENCE, secret=TEST_SECRET)


@pytest.fixture
def signing_key() -> Ed25519PrivateKey:
    return Ed25519PrivateKey.generate()


@pytest.fixture
def jwks_server(signing_key: Ed25519PrivateKey) -> Iterator[JwksServer]:
    server = JwksServer(jwks_document(public_jwk(signing_key)))
    yield server
    server.close()


@pytest.fixture
def jwks_settings(jwks_server: JwksServer) -> VerifierSettings:
    return VerifierSettings(issuer=ISSUER, audience=AUDIENCE, mode="jwks", jwks_url=jwks_server.url)


@pytest.fixture
def make_claims() -> ClaimsFactory:
    def make(sub: str | None = "user-a", **overrides: object) -> Claims:
        return access_claims(ISSUER, AUDIENCE, sub, **overrides)

    return make


@pytest.fixture
def make_token(make_claims: ClaimsFactory) -> TokenFactory:
    """Signs a real HS256 token; a claim overridden with None is left out."""

    def make(
        sub: str | None = "user-a",
        *,
        key: str | None = TEST_SECRET,
        algorithm: str = "HS256",
        **overrides: object,
    ) -> str:
        return jwt.encode(make_claims(sub, **overrides), key, algorithm=algorithm)

    return make


@pytest.fixture
def make_eddsa_token(signing_key: Ed25519PrivateKey, make_claims: ClaimsFactory) -> TokenFactory:
    """A token as Better Auth signs it in jwks mode: EdDSA, `kid`, no `typ`."""

    def make(sub: str | None = "user-a", *, kid: str = KID, **overrides: object) -> str:
        return forge({"alg": "EdDSA", "kid": kid}, make_claims(sub, **overrides), signing_key)

    return make
