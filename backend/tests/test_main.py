"""The app as a whole: CORS and startup refusals."""

import pytest
from fastapi.testclient import TestClient

from app.core.config import Settings
from app.main import create_app

OTHER_ORIGIN = "http://evil.example"


def test_read_health_allowed_origin_gets_cors_header(
    client: TestClient, settings: Settings
) -> None:
    origin = settings.CORS_ORIGINS[0]

    response = client.get("/health", headers={"Origin": origin})

    assert response.headers["access-control-allow-origin"] == origin
    assert "access-control-allow-credentials" not in response.headers


def test_read_health_other_origin_gets_no_cors_header(client: TestClient) -> None:
    response = client.get("/health", headers={"Origin": OTHER_ORIGIN})

    assert "access-control-allow-origin" not in response.headers


def test_preflight_allowed_origin_allows_authorization(
    client: TestClient, settings: Settings
) -> None:
    response = client.options(
        "/api/tasks/1",
        headers={
            "Origin": settings.CORS_ORIGINS[0],
            "Access-Control-Request-Method": "PATCH",
            "Access-Control-Request-Headers": "authorization,content-type",
        },
    )

    assert response.status_code == 200
    assert "PATCH" in response.headers["access-control-allow-methods"]
    assert "authorization" in response.headers["access-control-allow-headers"].lower()


def test_preflight_other_origin_refused(client: TestClient) -> None:
    response = client.options(
        "/api/tasks",
        headers={"Origin": OTHER_ORIGIN, "Access-Control-Request-Method": "POST"},
    )

    assert response.status_code == 400
    assert "access-control-allow-origin" not in response.headers


def test_create_app_jwks_mode_refuses_to_start(settings: Settings) -> None:
    with pytest.raises(NotImplementedError, match="not implemented yet"):
        create_app(settings.model_copy(update={"JWT_MODE": "jwks"}))


def test_read_openapi_lists_every_route(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]

    assert {"/health", "/api/me", "/api/tasks", "/api/tasks/{task_id}"} <= paths.keys()
    assert "/api/tasks/{task_id}/complete" in paths
    assert "/api/{user_id}/tasks/{task_id}/complete" in paths
