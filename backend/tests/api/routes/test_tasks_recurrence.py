"""Completing a recurring task schedules its next occurrence, once, in the same transaction."""

import pytest
from fastapi.testclient import TestClient

from app import crud
from tests.conftest import AuthHeaders

TASKS = "/api/tasks"
RENT = {
    "title": "Pay rent",
    "description": "landlord",
    "priority": "high",
    "tags": ["home", "money"],
    "due_at": "2027-01-31T17:00:00Z",
    "remind_at": "2027-01-30T09:00:00Z",
    "recurrence": "monthly",
    "recurrence_interval": 1,
}
COPIED = ["title", "description", "priority", "tags", "recurrence", "recurrence_interval"]


@pytest.fixture
def as_a(auth_as: AuthHeaders) -> dict[str, str]:
    return auth_as("user-a")


def tasks_of(client: TestClient, headers: dict[str, str]) -> list[dict]:
    params = {"sort": "created", "order": "asc"}
    return client.get(TASKS, params=params, headers=headers).json()["items"]


def due_dates(client: TestClient, headers: dict[str, str]) -> list[str]:
    return [task["due_at"] for task in tasks_of(client, headers)]


def test_toggle_task_recurring_creates_next_occurrence(
    client: TestClient, as_a: dict[str, str]
) -> None:
    task = client.post(TASKS, json=RENT, headers=as_a).json()

    toggled = client.patch(f"{TASKS}/{task['id']}/complete", headers=as_a).json()

    done, successor = tasks_of(client, as_a)
    assert toggled == done and done["id"] == task["id"] and done["completed"]
    assert {key: successor[key] for key in COPIED} == {key: RENT[key] for key in COPIED}
    # Jan 31 + 1 month is clamped to Feb 28; the reminder keeps its lead time of 32 hours.
    assert (successor["due_at"], successor["remind_at"]) == (
        "2027-02-28T17:00:00Z",
        "2027-02-27T09:00:00Z",
    )
    assert (successor["completed"], successor["completed_at"]) == (False, None)


def test_toggle_task_all_day_recurring_successor_is_all_day(
    client: TestClient, as_a: dict[str, str]
) -> None:
    body = RENT | {"remind_at": None, "all_day": True}
    task = client.post(TASKS, json=body, headers=as_a).json()

    client.patch(f"{TASKS}/{task['id']}/complete", headers=as_a)

    _, successor = tasks_of(client, as_a)
    assert (successor["due_at"], successor["all_day"]) == ("2027-02-28T17:00:00Z", True)


def test_toggle_task_back_and_again_creates_no_second_copy(
    client: TestClient, as_a: dict[str, str]
) -> None:
    task_id = client.post(TASKS, json=RENT, headers=as_a).json()["id"]

    for _ in range(3):
        client.patch(f"{TASKS}/{task_id}/complete", headers=as_a)

    assert len(tasks_of(client, as_a)) == 2


def test_complete_successor_schedules_the_one_after(
    client: TestClient, as_a: dict[str, str]
) -> None:
    first = client.post(
        TASKS, json=RENT | {"recurrence": "weekly", "recurrence_interval": 2}, headers=as_a
    )
    client.patch(f"{TASKS}/{first.json()['id']}/complete", headers=as_a)
    second = tasks_of(client, as_a)[1]

    client.patch(f"{TASKS}/{second['id']}/complete", headers=as_a)

    assert due_dates(client, as_a) == [
        "2027-01-31T17:00:00Z",
        "2027-02-14T17:00:00Z",
        "2027-02-28T17:00:00Z",
    ]


@pytest.mark.parametrize(
    ("method", "body"),
    [("PATCH", {"completed": True}), ("PUT", RENT | {"completed": True})],
    ids=["patch", "put"],
)
def test_update_task_completing_recurring_creates_one_next_occurrence(
    client: TestClient, as_a: dict[str, str], method: str, body: dict
) -> None:
    task_id = client.post(TASKS, json=RENT, headers=as_a).json()["id"]

    for _ in range(2):
        client.request(method, f"{TASKS}/{task_id}", json=body, headers=as_a)

    assert due_dates(client, as_a) == [
        "2027-01-31T17:00:00Z",
        "2027-02-28T17:00:00Z",
    ]


def test_create_task_completed_recurring_creates_next_occurrence(
    client: TestClient, as_a: dict[str, str]
) -> None:
    client.post(TASKS, json=RENT | {"recurrence": "daily", "completed": True}, headers=as_a)

    assert due_dates(client, as_a) == [
        "2027-01-31T17:00:00Z",
        "2027-02-01T17:00:00Z",
    ]


def test_toggle_task_not_recurring_creates_nothing(
    client: TestClient, as_a: dict[str, str]
) -> None:
    body = RENT | {"recurrence": "none"}
    task_id = client.post(TASKS, json=body, headers=as_a).json()["id"]

    client.patch(f"{TASKS}/{task_id}/complete", headers=as_a)

    assert len(tasks_of(client, as_a)) == 1


def test_toggle_task_recurring_at_end_of_calendar_creates_nothing(
    client: TestClient, as_a: dict[str, str]
) -> None:
    body = RENT | {"due_at": "9999-12-31T00:00:00Z", "remind_at": None}
    task_id = client.post(TASKS, json=body, headers=as_a).json()["id"]

    response = client.patch(f"{TASKS}/{task_id}/complete", headers=as_a)

    assert response.status_code == 200 and response.json()["completed"]
    assert len(tasks_of(client, as_a)) == 1


def test_toggle_task_scheduling_fails_leaves_task_pending(
    client: TestClient, as_a: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    task = client.post(TASKS, json=RENT, headers=as_a).json()

    def broken(*_args: object) -> None:
        raise RuntimeError("scheduling failed")

    monkeypatch.setattr(crud, "next_due", broken)
    with pytest.raises(RuntimeError, match="scheduling failed"):
        client.patch(f"{TASKS}/{task['id']}/complete", headers=as_a)

    assert tasks_of(client, as_a) == [task]
