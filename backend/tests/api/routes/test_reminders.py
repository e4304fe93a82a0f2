"""The reminder emails switch, and an open tab's claim on the reminder it is about to show."""

from datetime import UTC, datetime, timedelta

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine
from sqlmodel import Session

from app.reminders.sender import claim
from tests.conftest import AuthHeaders


@pytest.fixture
def as_a(auth_as: AuthHeaders) -> dict[str, str]:
    return auth_as("user-a")


def due_reminder(client: TestClient, headers: dict[str, str]) -> dict:
    remind_at = (datetime.now(UTC) - timedelta(seconds=5)).replace(microsecond=0)
    body = {
        "title": "t",
        "due_at": (remind_at + timedelta(hours=1)).isoformat(),
        "remind_at": remind_at.isoformat(),
    }
    return client.post("/api/tasks", json=body, headers=headers).json()


def shown(client: TestClient, headers: dict[str, str], task: dict) -> dict:
    path = f"/api/tasks/{task['id']}/reminder/shown"
    return client.post(path, json={"remind_at": task["remind_at"]}, headers=headers).json()


def test_reminder_settings_default_on_and_saved(client: TestClient, as_a: dict) -> None:
    assert client.get("/api/me/reminders", headers=as_a).json() == {"email_reminders": True}

    saved = client.put("/api/me/reminders", json={"email_reminders": False}, headers=as_a)

    assert saved.json() == {"email_reminders": False}
    assert client.get("/api/me/reminders", headers=as_a).json() == {"email_reminders": False}


@pytest.mark.parametrize("body", [{}, {"email_reminders": "no"}, {"email_reminders": 0}])
def test_reminder_settings_bad_body_returns_422(client: TestClient, as_a: dict, body: dict) -> None:
    assert client.put("/api/me/reminders", json=body, headers=as_a).status_code == 422


def test_reminder_settings_needs_a_token(client: TestClient) -> None:
    assert client.get("/api/me/reminders").status_code == 401


def test_claim_reminder_for_tab_first_tab_wins_once(client: TestClient, as_a: dict) -> None:
    task = due_reminder(client, as_a)

    assert shown(client, as_a, task) == {"show": True}
    assert shown(client, as_a, task) == {"show": False}


def test_claim_reminder_for_tab_after_email_claim_is_refused(
    client: TestClient, as_a: dict, db: Engine
) -> None:
    task = due_reminder(client, as_a)
    with Session(db) as session:
        assert len(claim(session, datetime.now(UTC), limit=10, lease=timedelta(minutes=1))) == 1

    assert shown(client, as_a, task) == {"show": False}


def test_claim_reminder_for_tab_then_no_email(client: TestClient, as_a: dict, db: Engine) -> None:
    task = due_reminder(client, as_a)

    assert shown(client, as_a, task) == {"show": True}
    with Session(db) as session:
        assert claim(session, datetime.now(UTC), limit=10, lease=timedelta(minutes=1)) == []


def test_claim_reminder_for_tab_other_users_task_is_refused(
    client: TestClient, as_a: dict, auth_as: AuthHeaders
) -> None:
    task = due_reminder(client, as_a)

    path = f"/api/tasks/{task['id']}/reminder/shown"
    answer = client.post(path, json={"remind_at": task["remind_at"]}, headers=auth_as("user-b"))

    assert (answer.status_code, answer.json()) == (404, {"detail": "Task not found"})
    assert shown(client, as_a, task) == {"show": True}


def test_claim_reminder_for_tab_stale_time_is_refused(client: TestClient, as_a: dict) -> None:
    task = due_reminder(client, as_a)
    stale = task | {"remind_at": "2020-01-01T00:00:00Z"}

    assert shown(client, as_a, stale) == {"show": False}
