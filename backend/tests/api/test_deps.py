"""Authentication over HTTP: the bearer scheme, the 401 it answers, the path-user 403."""

import logging

import pytest
from better_auth_jwt.testing import OTHER_SECRET
from fastapi.testclient import TestClient

from tests.conftest import AuthHeaders, TokenFactory


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


# What a token says is refused in tests/api/test_token_attacks.py; these never reach a verifier.
REFUSED: dict[str, dict[str, str]] = {
    "no-header": {},
    "empty-bearer": {"Authorization": "Bearer "},
    "basic-scheme": {"Authorization": "Basic dXNlcjpwYXNz"},
}


@pytest.mark.parametrize("headers", REFUSED.values(), ids=REFUSED.keys())
def test_read_me_without_bearer_token_returns_401(
    client: TestClient, headers: dict[str, str]
) -> None:
    response = client.get("/api/me", headers=headers, follow_redirects=False)

    assert response.status_code == 401
    assert response.headers["www-authenticate"] == "Bearer"
    assert response.json() == {"detail": "Not authenticated"}


def test_read_me_bad_token_marks_invalid_token(client: TestClient) -> None:
    response = client.get("/api/me", headers=bearer("not-a-jwt"))

    assert response.headers["www-authenticate"] == 'Bearer error="invalid_token"'
    assert response.json() == {"detail": "Invalid token: malformed token"}


def test_read_me_wrong_secret_logs_hint_without_token(
    client: TestClient, make_token: TokenFactory, caplog: pytest.LogCaptureFixture
) -> None:
    token = make_token(key=OTHER_SECRET)

    with caplog.at_level(logging.DEBUG):
        response = client.get("/api/me", headers=bearer(token))

    assert response.status_code == 401
    assert "JWT_SECRET in backend/.env probably does not match BETTER_AUTH_SECRET" in caplog.text
    assert token not in caplog.text


@pytest.mark.parametrize("scheme", ["Bearer", "bearer", "BEARER"])
def test_read_me_bearer_scheme_case_insensitive(
    client: TestClient, make_token: TokenFactory, scheme: str
) -> None:
    response = client.get("/api/me", headers={"Authorization": f"{scheme} {make_token()}"})

    assert response.status_code == 200


def test_list_path_user_other_than_caller_returns_403(
    client: TestClient, auth_as: AuthHeaders
) -> None:
    response = client.get("/api/user-b/tasks", headers=auth_as("user-a"))

    assert response.status_code == 403
    assert response.json() == {"detail": "Forbidden"}


def test_list_path_user_without_token_returns_401(client: TestClient) -> None:
    assert client.get("/api/user-a/tasks").status_code == 401


def test_create_path_user_same_as_caller_works(client: TestClient, auth_as: AuthHeaders) -> None:
    created = client.post("/api/user-a/tasks", json={"title": "a"}, headers=auth_as("user-a"))
    listed = client.get("/api/tasks", headers=auth_as("user-a"))

    assert created.status_code == 201
    assert listed.json()["items"] == [created.json()]
