"""Fixtures: settings for each mode; the keys, the JWKS server and the token factories come from
the package's own pytest plugin."""

import pytest

from better_auth_jwt import VerifierSettings
from better_auth_jwt.testing import AUDIENCE, ISSUER, TEST_SECRET, JwksServer

pytest_plugins = ["better_auth_jwt.pytest_plugin"]


@pytest.fixture
def settings() -> VerifierSettings:
    return VerifierSettings(issuer=ISSUER, audience=AUDIENCE, secret=TEST_SECRET)


@pytest.fixture
def jwks_settings(jwks_server: JwksServer) -> VerifierSettings:
    return VerifierSettings(issuer=ISSUER, audience=AUDIENCE, mode="jwks", jwks_url=jwks_server.url)
