"""The /api/tasks routes: CRUD, ordering and paging, validation, and isolation between users."""

from datetime import datetime

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, func, select

from app.models import TaskTag
from tests.conftest import AuthHeaders

TASKS = "/api/tasks"
# What every optional field of a task is when a client leaves it out.
DEFAULTS = {
    "description": "",
    "completed": False,
    "completed_at": None,
    "priority": "medium",
    "tags": [],
    "due_at": None,
    "remind_at": None,
    "recurrence": "none",
    "recurrence_interval": 1,
    "all_day": False,
}


@pytest.fixture
def as_a(auth_as: AuthHeaders) -> dict[str, str]:
    return auth_as("user-a")


@pytest.fixture
def task(client: TestClient, as_a: dict[str, str]) -> dict:
    return client.post(TASKS, json={"title": "Pay rent"}, headers=as_a).json()


def test_create_task_valid_returns_201_with_defaults(
    client: TestClient, as_a: dict[str, str]
) -> None:
    response = client.post(TASKS, json={"title": "  Pay rent  "}, headers=as_a)

    assert response.status_code == 201
    body = response.json()
    assert body | {"id": 0, "created_at": "", "updated_at": ""} == {
        "id": 0,
        "user_id": "user-a",
        "title": "Pay rent",
        **DEFAULTS,
        "created_at": "",
        "updated_at": "",
    }
    created_at = datetime.fromisoformat(body["created_at"])
    assert created_at.utcoffset() is not None and created_at.utcoffset().total_seconds() == 0


def test_read_task_own_returns_it(client: TestClient, as_a: dict[str, str], task: dict) -> None:
    response = client.get(f"{TASKS}/{task['id']}", headers=as_a)

    assert response.status_code == 200
    assert response.json() == task


def test_list_tasks_returns_page_newest_first(client: TestClient, as_a: dict[str, str]) -> None:
    ids = [client.post(TASKS, json={"title": f"t{n}"}, headers=as_a).json()["id"] for n in range(3)]

    response = client.get(TASKS, headers=as_a)

    assert response.status_code == 200
    body = response.json()
    assert [item["id"] for item in body["items"]] == ids[::-1]
    assert (body["total"], body["limit"], body["offset"]) == (3, 50, 0)


def test_list_tasks_limit_and_offset_page_through(client: TestClient, as_a: dict[str, str]) -> None:
    ids = [client.post(TASKS, json={"title": f"t{n}"}, headers=as_a).json()["id"] for n in range(5)]

    body = client.get(TASKS, params={"limit": 2, "offset": 1}, headers=as_a).json()

    assert [item["id"] for item in body["items"]] == ids[::-1][1:3]
    assert (body["total"], body["limit"], body["offset"]) == (5, 2, 1)


def test_list_tasks_none_returns_empty_page(client: TestClient, as_a: dict[str, str]) -> None:
    body = client.get(TASKS, headers=as_a).json()

    assert body == {"items": [], "total": 0, "limit": 50, "offset": 0}


def test_replace_task_sets_every_field(
    client: TestClient, as_a: dict[str, str], task: dict
) -> None:
    replacement = {"title": "Pay rent today", "description": "before 5pm", "completed": True}

    response = client.put(f"{TASKS}/{task['id']}", json=replacement, headers=as_a)

    assert response.status_code == 200
    body = response.json()
    assert {key: body[key] for key in replacement} == replacement
    assert body["updated_at"] >= task["updated_at"]
    assert body["created_at"] == task["created_at"]


def test_patch_task_changes_only_sent_fields(client: TestClient, as_a: dict[str, str]) -> None:
    task = client.post(TASKS, json={"title": "t", "description": "d"}, headers=as_a).json()

    response = client.patch(f"{TASKS}/{task['id']}", json={"completed": True}, headers=as_a)

    assert response.status_code == 200
    body = response.json()
    assert (body["title"], body["description"], body["completed"]) == ("t", "d", True)


def test_toggle_task_twice_flips_back(client: TestClient, as_a: dict[str, str], task: dict) -> None:
    url = f"{TASKS}/{task['id']}/complete"

    first = client.patch(url, headers=as_a)
    second = client.patch(url, headers=as_a)

    assert (first.status_code, first.json()["completed"]) == (200, True)
    assert (second.status_code, second.json()["completed"]) == (200, False)


def test_delete_task_then_read_returns_404(
    client: TestClient, as_a: dict[str, str], task: dict
) -> None:
    url = f"{TASKS}/{task['id']}"

    deleted = client.delete(url, headers=as_a)

    assert deleted.status_code == 204
    assert deleted.content == b""
    assert client.get(url, headers=as_a).status_code == 404
    assert client.delete(url, headers=as_a).status_code == 404


@pytest.mark.parametrize(
    ("method", "suffix", "body"),
    [
        ("GET", "", None),
        ("PUT", "", {"title": "x"}),
        ("PATCH", "", {"title": "x"}),
        ("PATCH", "/complete", None),
        ("DELETE", "", None),
    ],
)
def test_route_task_nonexistent_returns_404(
    client: TestClient, as_a: dict[str, str], method: str, suffix: str, body: dict | None
) -> None:
    response = client.request(method, f"{TASKS}/999999{suffix}", json=body, headers=as_a)

    assert response.status_code == 404
    assert response.json() == {"detail": "Task not found"}


def test_route_task_of_other_user_behaves_as_missing(
    client: TestClient, auth_as: AuthHeaders
) -> None:
    as_a, as_b = auth_as("user-a"), auth_as("user-b")
    mine = client.post(TASKS, json={"title": "A's"}, headers=as_a).json()
    theirs = client.post(TASKS, json={"title": "B's", "description": "b"}, headers=as_b).json()
    url = f"{TASKS}/{theirs['id']}"

    listed = client.get(TASKS, headers=as_a).json()
    answers = [
        client.get(url, headers=as_a),
        client.put(url, json={"title": "hijacked"}, headers=as_a),
        client.patch(url, json={"title": "hijacked"}, headers=as_a),
        client.patch(f"{url}/complete", headers=as_a),
        client.delete(url, headers=as_a),
    ]

    assert listed["items"] == [mine]
    assert listed["total"] == 1
    assert [(a.status_code, a.json()) for a in answers] == [(404, {"detail": "Task not found"})] * 5
    assert client.get(url, headers=as_b).json() == theirs
    assert client.get(TASKS, headers=as_b).json()["items"] == [theirs]


DUE = "2026-12-01T17:00:00Z"
# Each body breaks one rule; the 422 must name the field that breaks it.
INVALID_BODIES: dict[str, tuple[dict, str]] = {
    "empty-title": ({"title": ""}, "title"),
    "whitespace-title": ({"title": "   "}, "title"),
    "long-title": ({"title": "x" * 201}, "title"),
    "multiline-title": ({"title": "a\nb"}, "title"),
    "nul-title": ({"title": "a\x00b"}, "title"),
    "long-description": ({"title": "t", "description": "x" * 1001}, "description"),
    "nul-description": ({"title": "t", "description": "a\x00"}, "description"),
    "extra-user_id": ({"title": "t", "user_id": "user-b"}, "user_id"),
    "extra-id": ({"title": "t", "id": 5}, "id"),
    "extra-created_at": ({"title": "t", "created_at": DUE}, "created_at"),
    "extra-updated_at": ({"title": "t", "updated_at": DUE}, "updated_at"),
    "extra-completed_at": ({"title": "t", "completed_at": DUE}, "completed_at"),
    "title-type": ({"title": 5}, "title"),
    "completed-type": ({"title": "t", "completed": "maybe"}, "completed"),
    "missing-title": ({"description": "d"}, "title"),
    "unknown-priority": ({"title": "t", "priority": "urgent"}, "priority"),
    "eleven-tags": ({"title": "t", "tags": [f"t{n}" for n in range(11)]}, "tags"),
    "long-tag": ({"title": "t", "tags": ["x" * 33]}, "tags"),
    "blank-tag": ({"title": "t", "tags": ["  "]}, "tags"),
    "null-tags": ({"title": "t", "tags": None}, "tags"),
    "naive-due": ({"title": "t", "due_at": "2026-12-01T17:00:00"}, "due_at"),
    "date-only-due": ({"title": "t", "due_at": "2026-12-01"}, "due_at"),
    "number-due": ({"title": "t", "due_at": 1796000000}, "due_at"),
    "digits-due": ({"title": "t", "due_at": "1796000000"}, "due_at"),
    "number-completed": ({"title": "t", "completed": 0}, "completed"),
    "text-completed": ({"title": "t", "completed": "true"}, "completed"),
    "text-interval": ({"title": "t", "recurrence_interval": "2"}, "recurrence_interval"),
    "fraction-interval": ({"title": "t", "recurrence_interval": 2.0}, "recurrence_interval"),
    "unconvertible-due": ({"title": "t", "due_at": "0001-01-01T00:00:00+01:00"}, "due_at"),
    "remind-after-due": (
        {"title": "t", "due_at": DUE, "remind_at": "2026-12-01T17:00:01Z"},
        "remind_at",
    ),
    "remind-without-due": ({"title": "t", "remind_at": DUE}, "remind_at"),
    "recurring-without-due": ({"title": "t", "recurrence": "daily"}, "recurrence"),
    "unknown-recurrence": ({"title": "t", "due_at": DUE, "recurrence": "yearly"}, "recurrence"),
    "zero-interval": ({"title": "t", "recurrence_interval": 0}, "recurrence_interval"),
    "huge-interval": ({"title": "t", "recurrence_interval": 366}, "recurrence_interval"),
    "all-day-without-due": ({"title": "t", "all_day": True}, "all_day"),
    "all-day-null-due": ({"title": "t", "due_at": None, "all_day": True}, "all_day"),
    "number-all_day": ({"title": "t", "due_at": DUE, "all_day": 1}, "all_day"),
    "text-all_day": ({"title": "t", "due_at": DUE, "all_day": "true"}, "all_day"),
    "null-all_day": ({"title": "t", "all_day": None}, "all_day"),
}


@pytest.mark.parametrize(("body", "field"), INVALID_BODIES.values(), ids=INVALID_BODIES.keys())
def test_create_task_invalid_body_returns_422_naming_field(
    client: TestClient, as_a: dict[str, str], body: dict, field: str
) -> None:
    response = client.post(TASKS, json=body, headers=as_a)

    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"][:2] == ["body", field]
    assert client.get(TASKS, headers=as_a).json()["total"] == 0


INVALID_PATCHES: dict[str, tuple[dict, str]] = {
    "whitespace-title": ({"title": "  "}, "title"),
    "null-title": ({"title": None}, "title"),
    "null-completed": ({"completed": None}, "completed"),
    "null-priority": ({"priority": None}, "priority"),
    "null-tags": ({"tags": None}, "tags"),
    "null-recurrence": ({"recurrence": None}, "recurrence"),
    "extra-user_id": ({"user_id": "user-b"}, "user_id"),
    "extra-id": ({"id": 3}, "id"),
    "extra-completed_at": ({"completed_at": DUE}, "completed_at"),
    # Rules across fields hold against the stored task, which has no due date.
    "remind-without-stored-due": ({"remind_at": DUE}, "remind_at"),
    "recurring-without-stored-due": ({"recurrence": "weekly"}, "recurrence"),
    "all-day-without-stored-due": ({"all_day": True}, "all_day"),
    "null-all_day": ({"all_day": None}, "all_day"),
}
INVALID_UPDATES = {f"PUT-{name}": ("PUT", *case) for name, case in INVALID_BODIES.items()}
INVALID_UPDATES |= {f"PATCH-{name}": ("PATCH", *case) for name, case in INVALID_PATCHES.items()}


@pytest.mark.parametrize(
    ("method", "body", "field"), INVALID_UPDATES.values(), ids=INVALID_UPDATES.keys()
)
def test_update_task_invalid_body_returns_422_naming_field(
    client: TestClient, as_a: dict[str, str], task: dict, method: str, body: dict, field: str
) -> None:
    response = client.request(method, f"{TASKS}/{task['id']}", json=body, headers=as_a)

    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"][:2] == ["body", field]
    assert client.get(f"{TASKS}/{task['id']}", headers=as_a).json() == task


def test_patch_task_remind_after_stored_due_returns_422(
    client: TestClient, as_a: dict[str, str]
) -> None:
    task = client.post(TASKS, json={"title": "t", "due_at": DUE}, headers=as_a).json()

    response = client.patch(
        f"{TASKS}/{task['id']}", json={"remind_at": "2026-12-02T00:00:00Z"}, headers=as_a
    )

    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", "remind_at"]


def test_create_task_all_day_returns_it(client: TestClient, as_a: dict[str, str]) -> None:
    response = client.post(TASKS, json={"title": "t", "due_at": DUE, "all_day": True}, headers=as_a)

    assert response.status_code == 201
    assert (response.json()["due_at"], response.json()["all_day"]) == (DUE, True)


def test_replace_task_all_day_sets_then_omitted_resets_it(
    client: TestClient, as_a: dict[str, str], task: dict
) -> None:
    url = f"{TASKS}/{task['id']}"

    set_ = client.put(url, json={"title": "t", "due_at": DUE, "all_day": True}, headers=as_a)
    reset = client.put(url, json={"title": "t", "due_at": DUE}, headers=as_a)

    assert (set_.status_code, set_.json()["all_day"]) == (200, True)
    assert (reset.status_code, reset.json()["all_day"]) == (200, False)


def test_patch_task_all_day_changes_only_it(client: TestClient, as_a: dict[str, str]) -> None:
    task = client.post(TASKS, json={"title": "t", "due_at": DUE}, headers=as_a).json()

    response = client.patch(f"{TASKS}/{task['id']}", json={"all_day": True}, headers=as_a)

    assert response.status_code == 200
    assert response.json() == task | {"all_day": True, "updated_at": response.json()["updated_at"]}


def test_patch_task_clear_due_of_all_day_task_returns_422(
    client: TestClient, as_a: dict[str, str]
) -> None:
    body = {"title": "t", "due_at": DUE, "all_day": True}
    task = client.post(TASKS, json=body, headers=as_a).json()

    response = client.patch(f"{TASKS}/{task['id']}", json={"due_at": None}, headers=as_a)
    both = client.patch(
        f"{TASKS}/{task['id']}", json={"due_at": None, "all_day": False}, headers=as_a
    )

    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", "all_day"]
    assert (both.status_code, both.json()["due_at"], both.json()["all_day"]) == (200, None, False)


def test_create_task_boundary_lengths_accepted(client: TestClient, as_a: dict[str, str]) -> None:
    body = {"title": "x" * 200, "description": "y" * 1000}

    assert client.post(TASKS, json=body, headers=as_a).status_code == 201


@pytest.mark.parametrize("params", [{"limit": 0}, {"limit": 101}, {"offset": -1}, {"limit": "x"}])
def test_list_tasks_invalid_paging_returns_422(
    client: TestClient, as_a: dict[str, str], params: dict
) -> None:
    response = client.get(TASKS, params=params, headers=as_a)

    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"][0] == "query"


@pytest.mark.parametrize("task_id", ["0", str(2**31), str(2**63)])
@pytest.mark.parametrize("method", ["GET", "PUT", "PATCH", "DELETE"])
def test_route_task_id_out_of_range_returns_422(
    client: TestClient, as_a: dict[str, str], method: str, task_id: str
) -> None:
    response = client.request(method, f"{TASKS}/{task_id}", json={"title": "t"}, headers=as_a)

    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["path", "task_id"]


@pytest.mark.parametrize("task_id", ["abc", "1.5", "-1", "1e3"])
@pytest.mark.parametrize("method", ["GET", "PUT", "PATCH", "DELETE"])
def test_route_task_id_not_digits_returns_404(
    client: TestClient, as_a: dict[str, str], method: str, task_id: str
) -> None:
    response = client.request(method, f"{TASKS}/{task_id}", json={"title": "t"}, headers=as_a)

    assert (response.status_code, response.json()) == (404, {"detail": "Not Found"})


@pytest.mark.parametrize("method", ["GET", "PUT", "PATCH"])
def test_route_completed_other_method_returns_405(
    client: TestClient, as_a: dict[str, str], method: str
) -> None:
    response = client.request(method, f"{TASKS}/completed", json={"title": "t"}, headers=as_a)

    assert response.status_code == 405
    assert response.headers["allow"] == "DELETE"


def test_create_task_every_field_returns_them_normalised(
    client: TestClient, as_a: dict[str, str]
) -> None:
    body = {
        "title": "Pay rent",
        "description": "to the landlord",
        "priority": "high",
        "tags": ["  Home ", "WORK", "home", "Ärger"],
        "due_at": "2026-12-01T18:00:00+01:00",
        "remind_at": "2026-12-01T12:00:00-05:00",
        "recurrence": "monthly",
        "recurrence_interval": 2,
    }

    response = client.post(TASKS, json=body, headers=as_a)

    assert response.status_code == 201
    created = response.json()
    assert created["tags"] == ["home", "work", "ärger"]
    assert (created["due_at"], created["remind_at"]) == (DUE, DUE)
    assert (created["priority"], created["recurrence"], created["recurrence_interval"]) == (
        "high",
        "monthly",
        2,
    )
    assert client.get(f"{TASKS}/{created['id']}", headers=as_a).json() == created


def test_create_task_completed_sets_completed_at(client: TestClient, as_a: dict[str, str]) -> None:
    created = client.post(TASKS, json={"title": "t", "completed": True}, headers=as_a).json()

    assert created["completed_at"] is not None
    assert created["completed_at"] >= created["created_at"]


def test_toggle_task_sets_then_clears_completed_at(
    client: TestClient, as_a: dict[str, str], task: dict
) -> None:
    url = f"{TASKS}/{task['id']}/complete"

    done = client.patch(url, headers=as_a).json()
    undone = client.patch(url, headers=as_a).json()

    assert done["completed_at"] is not None and done["completed_at"] >= task["created_at"]
    assert undone["completed_at"] is None


def test_replace_task_still_completed_keeps_completed_at(
    client: TestClient, as_a: dict[str, str]
) -> None:
    created = client.post(TASKS, json={"title": "t", "completed": True}, headers=as_a).json()

    replaced = client.put(
        f"{TASKS}/{created['id']}", json={"title": "t2", "completed": True}, headers=as_a
    ).json()

    assert replaced["completed_at"] == created["completed_at"]


def test_replace_task_omitted_fields_reset_to_defaults(
    client: TestClient, as_a: dict[str, str]
) -> None:
    full = {
        "title": "t",
        "description": "d",
        "completed": True,
        "priority": "low",
        "tags": ["x"],
        "due_at": DUE,
        "remind_at": DUE,
        "recurrence": "weekly",
        "recurrence_interval": 3,
    }
    task_id = client.post(TASKS, json=full, headers=as_a).json()["id"]

    body = client.put(f"{TASKS}/{task_id}", json={"title": "t2"}, headers=as_a).json()

    assert body["title"] == "t2"
    assert {key: body[key] for key in DEFAULTS} == DEFAULTS


def test_patch_task_tags_replaces_only_them(client: TestClient, as_a: dict[str, str]) -> None:
    task = client.post(
        TASKS, json={"title": "t", "tags": ["a", "b"], "priority": "high"}, headers=as_a
    ).json()

    body = client.patch(f"{TASKS}/{task['id']}", json={"tags": ["C", "b"]}, headers=as_a).json()

    assert (body["tags"], body["priority"], body["title"]) == (["b", "c"], "high", "t")
    assert client.get(f"{TASKS}/{task['id']}", headers=as_a).json()["tags"] == ["b", "c"]


def test_patch_task_null_dates_clear_them(client: TestClient, as_a: dict[str, str]) -> None:
    task = client.post(
        TASKS, json={"title": "t", "due_at": DUE, "remind_at": DUE}, headers=as_a
    ).json()

    body = client.patch(
        f"{TASKS}/{task['id']}", json={"due_at": None, "remind_at": None}, headers=as_a
    ).json()

    assert (body["due_at"], body["remind_at"]) == (None, None)


def test_patch_task_due_without_dropping_reminder_returns_422(
    client: TestClient, as_a: dict[str, str]
) -> None:
    task = client.post(
        TASKS, json={"title": "t", "due_at": DUE, "remind_at": DUE}, headers=as_a
    ).json()

    response = client.patch(f"{TASKS}/{task['id']}", json={"due_at": None}, headers=as_a)

    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", "remind_at"]


def test_delete_task_removes_its_tags(client: TestClient, as_a: dict[str, str], db: Engine) -> None:
    task = client.post(TASKS, json={"title": "t", "tags": ["a", "b"]}, headers=as_a).json()

    client.delete(f"{TASKS}/{task['id']}", headers=as_a)

    with db.connect() as connection:
        assert connection.execute(select(func.count()).select_from(TaskTag)).scalar() == 0


def test_clear_completed_tasks_deletes_only_callers_completed(
    client: TestClient, auth_as: AuthHeaders
) -> None:
    as_a, as_b = auth_as("user-a"), auth_as("user-b")
    pending = client.post(TASKS, json={"title": "pending"}, headers=as_a).json()
    for headers in (as_a, as_a, as_b):
        client.post(TASKS, json={"title": "done", "completed": True}, headers=headers)

    response = client.delete(f"{TASKS}/completed", headers=as_a)

    assert (response.status_code, response.json()) == (200, {"deleted": 2})
    assert client.get(TASKS, headers=as_a).json()["items"] == [pending]
    assert client.get(TASKS, headers=as_b).json()["total"] == 1


def test_create_task_after_deleting_newest_gets_fresh_id(
    client: TestClient, as_a: dict[str, str], task: dict
) -> None:
    client.delete(f"{TASKS}/{task['id']}", headers=as_a)

    created = client.post(TASKS, json={"title": "next"}, headers=as_a).json()

    # A stale id held by a client must never reach a newer task.
    assert created["id"] > task["id"]
    assert client.get(f"{TASKS}/{task['id']}", headers=as_a).status_code == 404
