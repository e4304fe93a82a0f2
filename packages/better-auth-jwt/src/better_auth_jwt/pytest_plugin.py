"""pytest fixtures for an API that verifies Better Auth tokens; load them with
`pytest_plugins = ["better_auth_jwt.pytest_plugin"]` in a conftest.py.

They sign with the helpers of `better_auth_jwt.testing`: `make_token` (HS256, the shared-secret
mode), `make_eddsa_token` and `jwks_server` (jwks mode), on the claims of `make_claims`. Override
`token_issuer`, `token_audience` or `token_secret` to match the settings under test.
"""

from collections.abc import Iterator

import jwt
import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from better_auth_jwt.testing import (
    AUDIENCE,
    ISSUER,
    KID,
    TEST_SECRET,
    Claims,
    ClaimsFactory,
    JwksServer,
    TokenFactory,
    access_claims,
    forge,
    jwks_document,
    public_jwk,
)


@pytest.fixture
def token_issuer() -> str:
    return ISSUER


@pytest.fixture
def token_audience() -> str:
    return AUDIENCE


@pytest.fixture
def token_secret() -> str:
    return TEST_SECRET


@pytest.fixture
def make_claims(token_issuer: str, token_audience: str) -> ClaimsFactory:
    """Claims of a valid 15-minute access token; a claim overridden with None is left out."""

    def make(sub: str | None = "user-a", **overrides: object) -> Claims:
        return access_claims(token_issuer, token_audience, sub, **overrides)

    return make


@pytest.fixture
def make_token(make_claims: ClaimsFactory, token_secret: str) -> TokenFactory:
    """Signs a real token with PyJWT: HS256 with `token_secret` unless told otherwise."""

    def make(
        sub: str | None = "user-a",
        *,
        key: str = token_secret,
        algorithm: str = "HS256",
        **overrides: object,
    ) -> str:
        return jwt.encode(make_claims(sub, **overrides), key, algorithm=algorithm)

    return make


@pytest.fixture
def signing_key() -> Ed25519PrivateKey:
    return Ed25519PrivateKey.generate()


@pytest.fixture
def jwks_server(signing_key: Ed25519PrivateKey) -> Iterator[JwksServer]:
    """A loopback JWKS publishing `signing_key`'s public half under `KID`."""
    server = JwksServer(jwks_document(public_jwk(signing_key)))
    yield server
    server.close()


@pytest.fixture
def make_eddsa_token(signing_key: Ed25519PrivateKey, make_claims: ClaimsFactory) -> TokenFactory:
    """A token as Better Auth signs it in jwks mode: EdDSA, `kid`, no `typ`."""

    def make(sub: str | None = "user-a", *, kid: str = KID, **overrides: object) -> str:
        return forge({"alg": "EdDSA", "kid": kid}, make_claims(sub, **overrides), signing_key)

    return make
