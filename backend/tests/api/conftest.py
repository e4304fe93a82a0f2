"""Fixtures for the HTTP tests: an app whose database cannot be reached."""

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from app.core.config import Settings
from app.main import create_app

# Port 1 on loopback refuses at once, so the test does not wait for a timeout.
UNREACHABLE_DB = "postgresql://postgres@127.0.0.1:1/none"


@pytest.fixture
def down_client(settings: Settings) -> Iterator[TestClient]:
    broken = settings.model_copy(update={"DATABASE_URL": UNREACHABLE_DB})
    with TestClient(create_app(broken)) as client:
        yield client
