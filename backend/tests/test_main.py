"""The app as a whole: CORS, the routes it serves, and fetching signing keys at startup."""

import time
from collections.abc import Callable

import pytest
from better_auth_jwt.testing import JwksServer
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
    # Cached by the browser, so a page's later calls skip the preflight round trip.
    assert response.headers["access-control-max-age"] == "86400"


def test_preflight_other_origin_refused(client: TestClient) -> None:
    response = client.options(
        "/api/tasks",
        headers={"Origin": OTHER_ORIGIN, "Access-Control-Request-Method": "POST"},
    )

    assert response.status_code == 400
    assert "access-control-allow-origin" not in response.headers


@pytest.mark.parametrize("origin", ["none", "allowed", "other"])
def test_every_answer_varies_on_origin_once(
    client: TestClient, settings: Settings, origin: str
) -> None:
    # A cache between the page and the API must not serve one origin's answer to another.
    sent = {"none": None, "allowed": settings.CORS_ORIGINS[0], "other": OTHER_ORIGIN}[origin]

    response = client.get("/health", headers={} if sent is None else {"Origin": sent})

    assert response.headers.get_list("vary") == ["Origin"]


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


def test_every_answer_is_marked_nosniff(
    client: TestClient, settings: Settings, auth_as: Callable[[str], dict[str, str]]
) -> None:
    preflight = {
        "Origin": settings.CORS_ORIGINS[0],
        "Access-Control-Request-Method": "GET",
    }
    answers = [
        client.get("/health"),
        client.get("/api/me"),
        client.get("/api/tasks/999", headers=auth_as("user-a")),
        client.get("/api/tasks?limit=0", headers=auth_as("user-a")),
        client.get("/api/tasks?q=%FF", headers=auth_as("user-a")),
        client.post("/api/tasks", content=b"x" * (settings.MAX_BODY_BYTES + 1)),
        client.options("/api/tasks", headers=preflight),
        client.get("/openapi.json"),
    ]

    assert [answer.status_code for answer in answers] == [200, 401, 404, 422, 422, 413, 200, 200]
    assert all(answer.headers["x-content-type-options"] == "nosniff" for answer in answers)


def test_trailing_slash_is_not_redirected_to_the_host_header(
    client: TestClient, auth_as: Callable[[str], dict[str, str]]
) -> None:
    headers = {**auth_as("user-a"), "Host": "evil.example"}

    response = client.get("/api/tasks/", headers=headers, follow_redirects=False)

    assert response.status_code == 404
    assert "location" not in response.headers
