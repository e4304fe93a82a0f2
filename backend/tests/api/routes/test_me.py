"""GET /api/me answers the verified identity; DELETE /api/me/tasks erases the caller's tasks."""

from better_auth_jwt.testing import identity_json
from fastapi.testclient import TestClient
from sqlalchemy import Engine, func, select

from app.models import TaskTag
from tests.conftest import AuthHeaders


def test_read_me_valid_token_returns_identity(client: TestClient, auth_as: AuthHeaders) -> None:
    response = client.get("/api/me", headers=auth_as("user-a"))

    assert response.status_code == 200
    assert response.json() == identity_json("user-a")


def test_delete_my_tasks_removes_every_task_and_tag_of_caller_only(
    client: TestClient, auth_as: AuthHeaders, db: Engine
) -> None:
    as_a, as_b = auth_as("user-a"), auth_as("user-b")
    for completed in (False, True):
        client.post(
            "/api/tasks", json={"title": "a", "tags": ["x"], "completed": completed}, headers=as_a
        )
    theirs = client.post("/api/tasks", json={"title": "b", "tags": ["x"]}, headers=as_b).json()

    response = client.delete("/api/me/tasks", headers=as_a)

    assert (response.status_code, response.json()) == (200, {"deleted": 2})
    assert client.get("/api/tasks", headers=as_a).json()["total"] == 0
    assert client.get("/api/tasks", headers=as_b).json()["items"] == [theirs]
    with db.connect() as connection:
        assert connection.execute(select(func.count()).select_from(TaskTag)).scalar() == 1


def test_delete_my_tasks_without_token_returns_401(client: TestClient) -> None:
    response = client.delete("/api/me/tasks")

    assert response.status_code == 401
    assert response.headers["www-authenticate"].startswith("Bearer")


def test_delete_my_tasks_also_forgets_the_callers_reminder_choice_only(
    client: TestClient, auth_as: AuthHeaders
) -> None:
    as_a, as_b = auth_as("user-a"), auth_as("user-b")
    for headers in (as_a, as_b):
        client.put("/api/me/reminders", json={"email_reminders": False}, headers=headers)

    client.delete("/api/me/tasks", headers=as_a)

    assert client.get("/api/me/reminders", headers=as_a).json() == {"email_reminders": True}
    assert client.get("/api/me/reminders", headers=as_b).json() == {"email_reminders": False}
