"""The app as a whole: CORS, the routes it serves, and fetching signing keys at startup."""

import time
from collections.abc import Callable

from fastapi.testclient import TestClient

from app.core.config import Settings
from app.main import create_app
from tests.signing import JwksServer

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


def test_start_app_jwks_mode_fetches_keys_without_waiting_for_them(
    jwks_settings: Settings, jwks_server: JwksServer, make_eddsa_token: Callable[..., str]
) -> None:
    jwks_server.answering.clear()

    with TestClient(create_app(jwks_settings)) as client:
        assert client.get("/health").status_code == 200
        deadline = time.monotonic() + 5
        while not jwks_server.requests and time.monotonic() < deadline:
            time.sleep(0.01)
        fetched_before_any_token = list(jwks_server.requests)
        jwks_server.answering.set()
        response = client.get("/api/me", headers={"Authorization": f"Bearer {make_eddsa_token()}"})

    assert fetched_before_any_token == ["/api/auth/jwks"]
    assert response.status_code == 200
    assert len(jwks_server.requests) == 1


def test_read_openapi_lists_every_route(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]

    assert {"/health", "/api/me", "/api/tasks", "/api/tasks/{task_id}"} <= paths.keys()
    assert "/api/tasks/{task_id}/complete" in paths
    assert "/api/{user_id}/tasks/{task_id}/complete" in paths
