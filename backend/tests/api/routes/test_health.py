"""GET /health, and the 503 every route gives when the database is down."""

from fastapi.testclient import TestClient

from tests.conftest import AuthHeaders


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
