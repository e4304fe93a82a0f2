"""GET /api/me answers the verified identity."""

from fastapi.testclient import TestClient

from tests.conftest import AuthHeaders


def test_read_me_valid_token_returns_identity(client: TestClient, auth_as: AuthHeaders) -> None:
    response = client.get("/api/me", headers=auth_as("user-a"))

    assert response.status_code == 200
    assert response.json() == {
        "user_id": "user-a",
        "email": "user-a@example.com",
        "name": "User user-a",
    }
