"""GET /health, and the 503 every route gives when the database is down."""

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from app.core.config import Settings
from app.main import create_app
from tests.conftest import AuthHeaders

# Port 1 on loopback refuses at once, so the test does not wait for a timeout.
UNREACHABLE_DB = "postgresql://postgres@127.0.0.1:1/none"


@pytest.fixture
def down_client(settings: Settings) -> Iterator[TestClient]:
    broken = settings.model_copy(update={"DATABASE_URL": UNREACHABLE_DB})
    with TestClient(create_app(broken)) as client:
        yield client


def test_read_health_database_up_returns_ok(client: TestClient) -> None:
    response = client.get("/health")

    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


def test_read_health_database_down_returns_503(down_client: TestClient) -> None:
    response = down_client.get("/health")

    assert response.status_code == 503
    assert response.json() == {"detail": "database unavailable"}


def test_list_tasks_database_down_returns_503(
    down_client: TestClient, auth_as: AuthHeaders
) -> None:
    response = down_client.get("/api/tasks", headers=auth_as("user-a"))

    assert response.status_code == 503
    assert response.json() == {"detail": "database unavailable"}
