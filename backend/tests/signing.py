"""The app in jwks mode, fetching its keys from the plugin's loopback JWKS server
(better_auth_jwt.pytest_plugin signs the tokens)."""

from collections.abc import Iterator

import pytest
from better_auth_jwt.testing import JwksServer
from fastapi.testclient import TestClient

from app.core.config import Settings
from app.main import create_app


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
