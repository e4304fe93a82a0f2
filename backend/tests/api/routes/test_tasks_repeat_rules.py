"""Repeat rules through the API: time zones, RRULE and the older fields, next after now."""

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from app.core.config import SenderSettings
from app.reminders.sender import Scheduler
from tests.conftest import AuthHeaders

TASKS = "/api/tasks"
BERLIN_DAILY = {
    "title": "Stand-up",
    "due_at": "2027-03-27T09:00:00+01:00",
    "remind_at": "2027-03-27T08:45:00+01:00",
    "rrule": "FREQ=DAILY",
    "time_zone": "Europe/Berlin",
}


@pytest.fixture
def as_a(auth_as: AuthHeaders) -> dict[str, str]:
    return auth_as("user-a")


def complete(client: TestClient, headers: dict[str, str], task_id: int) -> dict:
    client.patch(f"{TASKS}/{task_id}/complete", headers=headers).raise_for_status()
    pending = client.get(TASKS, params={"status": "pending"}, headers=headers).json()["items"]
    assert len(pending) == 1
    return pending[0]


def test_create_task_unknown_time_zone_returns_422(client: TestClient, as_a: dict) -> None:
    for zone in ("Mars/Olympus_Mons", "../etc/passwd", "", "europe/berlin"):
        response = client.post(TASKS, json=BERLIN_DAILY | {"time_zone": zone}, headers=as_a)

        assert response.status_code == 422
        assert response.json()["detail"][0]["loc"] == ["body", "time_zone"]


def test_create_task_rrule_sets_older_fields(client: TestClient, as_a: dict) -> None:
    body = BERLIN_DAILY | {"rrule": "freq=weekly;interval=2;byday=mo,th"}

    task = client.post(TASKS, json=body, headers=as_a).json()

    assert (task["rrule"], task["recurrence"], task["recurrence_interval"]) == (
        "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH",
        "weekly",
        2,
    )


def test_create_task_older_fields_set_rrule(client: TestClient, as_a: dict) -> None:
    body = {"title": "t", "due_at": "2027-01-31T09:00:00Z", "recurrence": "monthly"}
    body["recurrence_interval"] = 3

    task = client.post(TASKS, json=body, headers=as_a).json()

    assert (task["rrule"], task["time_zone"]) == ("FREQ=MONTHLY;INTERVAL=3", "UTC")


@pytest.mark.parametrize(
    ("extra", "field"),
    [
        ({"recurrence": "monthly"}, "body"),
        ({"recurrence_interval": 2}, "body"),
        ({"rrule": "FREQ=HOURLY"}, "rrule"),
        ({"rrule": "FREQ=DAILY;COUNT=2"}, "rrule"),
        ({"due_at": None, "remind_at": None}, "body"),
    ],
)
def test_create_task_bad_rule_returns_422(
    client: TestClient, as_a: dict, extra: dict, field: str
) -> None:
    response = client.post(TASKS, json=BERLIN_DAILY | extra, headers=as_a)

    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"][-1] == field


def test_toggle_task_berlin_daily_keeps_local_time_across_dst(
    client: TestClient, as_a: dict
) -> None:
    task = client.post(TASKS, json=BERLIN_DAILY, headers=as_a).json()

    successor = complete(client, as_a, task["id"])

    # 09:00 CET was 08:00 UTC; the day after, 09:00 CEST is 07:00 UTC. The reminder follows.
    assert (successor["due_at"], successor["remind_at"]) == (
        "2027-03-28T07:00:00Z",
        "2027-03-28T06:45:00Z",
    )
    assert (successor["time_zone"], successor["rrule"]) == ("Europe/Berlin", "FREQ=DAILY")


def test_toggle_task_five_days_late_schedules_after_now(client: TestClient, as_a: dict) -> None:
    due = (datetime.now(UTC) - timedelta(days=5)).replace(microsecond=0)
    body = {"title": "t", "due_at": due.isoformat(), "rrule": "FREQ=DAILY"}
    task = client.post(TASKS, json=body, headers=as_a).json()

    successor = complete(client, as_a, task["id"])

    next_due = datetime.fromisoformat(successor["due_at"])
    assert datetime.now(UTC) < next_due <= datetime.now(UTC) + timedelta(days=1)
    assert next_due.time() == due.time()


def test_toggle_task_repeat_from_completion_counts_from_today(
    client: TestClient, as_a: dict
) -> None:
    due = (datetime.now(UTC) - timedelta(days=10)).replace(microsecond=0)
    body = {"title": "t", "due_at": due.isoformat(), "rrule": "FREQ=DAILY;INTERVAL=3"}
    task = client.post(TASKS, json=body | {"repeat_from_completion": True}, headers=as_a).json()

    successor = complete(client, as_a, task["id"])

    expected_day = datetime.now(UTC).date() + timedelta(days=3)
    assert datetime.fromisoformat(successor["due_at"]).date() == expected_day
    assert successor["repeat_from_completion"] is True


def test_patch_task_older_fields_replace_rrule(client: TestClient, as_a: dict) -> None:
    body = BERLIN_DAILY | {"rrule": "FREQ=WEEKLY;BYDAY=MO,TH"}
    task = client.post(TASKS, json=body, headers=as_a).json()

    patched = client.patch(
        f"{TASKS}/{task['id']}", json={"recurrence": "daily"}, headers=as_a
    ).json()
    by_rule = client.patch(
        f"{TASKS}/{task['id']}", json={"rrule": "FREQ=MONTHLY;BYDAY=2TU"}, headers=as_a
    ).json()
    cleared = client.patch(f"{TASKS}/{task['id']}", json={"rrule": None}, headers=as_a).json()

    assert (patched["recurrence"], patched["rrule"]) == ("daily", "FREQ=DAILY;INTERVAL=1")
    assert (by_rule["recurrence"], by_rule["rrule"]) == ("monthly", "FREQ=MONTHLY;BYDAY=2TU")
    assert (cleared["recurrence"], cleared["rrule"]) == ("none", None)


def test_patch_task_title_keeps_rule_and_zone(client: TestClient, as_a: dict) -> None:
    task = client.post(TASKS, json=BERLIN_DAILY, headers=as_a).json()

    patched = client.patch(f"{TASKS}/{task['id']}", json={"title": "New"}, headers=as_a).json()

    assert patched | {"title": "Stand-up", "updated_at": task["updated_at"]} == task


def test_toggle_task_all_day_recurs_by_calendar_day_with_reminder_at_its_time(
    client: TestClient, as_a: dict
) -> None:
    # Due on Sat 27 Mar 2027 in Berlin: the end of that day; the reminder at 09:00 on the day.
    body = {
        "title": "Bins out",
        "due_at": "2027-03-27T23:59:59+01:00",
        "remind_at": "2027-03-27T09:00:00+01:00",
        "all_day": True,
        "rrule": "FREQ=DAILY",
        "time_zone": "Europe/Berlin",
    }
    task = client.post(TASKS, json=body, headers=as_a).json()

    successor = complete(client, as_a, task["id"])

    # Sunday is on summer time: still the end of the day, and still 09:00, in Berlin.
    assert (successor["due_at"], successor["remind_at"], successor["all_day"]) == (
        "2027-03-28T21:59:59Z",
        "2027-03-28T07:00:00Z",
        True,
    )


def test_tick_all_day_reminder_email_names_the_day(
    client: TestClient, as_a: dict, db: Engine, tmp_path: Path
) -> None:
    remind_at = (datetime.now(UTC) - timedelta(seconds=5)).replace(microsecond=0)
    body = {
        "title": "Bins out",
        "due_at": (remind_at + timedelta(hours=2)).isoformat(),
        "remind_at": remind_at.isoformat(),
        "all_day": True,
    }
    client.post(TASKS, json=body, headers=as_a).raise_for_status()
    settings = SenderSettings(_env_file=None, OUTBOX_DIR=tmp_path)

    assert Scheduler(db, settings).tick() == 1

    (message,) = [json.loads(path.read_text()) for path in tmp_path.glob("*.json")]
    assert message["text"].endswith("(all day)\n")
