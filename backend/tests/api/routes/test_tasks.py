"""The /api/tasks routes: CRUD, ordering and paging, validation, and isolation between users."""

from datetime import datetime

import pytest
from fastapi.testclient import TestClient

from tests.conftest import AuthHeaders

TASKS = "/api/tasks"


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
        "description": "",
        "completed": False,
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


def test_replace_task_omitted_fields_reset_to_defaults(
    client: TestClient, as_a: dict[str, str]
) -> None:
    full = {"title": "t", "description": "d", "completed": True}
    task_id = client.post(TASKS, json=full, headers=as_a).json()["id"]

    body = client.put(f"{TASKS}/{task_id}", json={"title": "t2"}, headers=as_a).json()

    assert (body["title"], body["description"], body["completed"]) == ("t2", "", False)


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


INVALID_BODIES = {
    "empty-title": {"title": ""},
    "whitespace-title": {"title": "   "},
    "long-title": {"title": "x" * 201},
    "long-description": {"title": "t", "description": "x" * 1001},
    "extra-user_id": {"title": "t", "user_id": "user-b"},
    "extra-id": {"title": "t", "id": 5},
    "extra-created_at": {"title": "t", "created_at": "2020-01-01T00:00:00Z"},
    "title-type": {"title": 5},
    "completed-type": {"title": "t", "completed": "maybe"},
    "missing-title": {"description": "d"},
}


@pytest.mark.parametrize("body", INVALID_BODIES.values(), ids=INVALID_BODIES.keys())
def test_create_task_invalid_body_returns_422(
    client: TestClient, as_a: dict[str, str], body: dict
) -> None:
    response = client.post(TASKS, json=body, headers=as_a)

    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"][0] == "body"


@pytest.mark.parametrize("body", INVALID_BODIES.values(), ids=INVALID_BODIES.keys())
def test_replace_task_invalid_body_returns_422(
    client: TestClient, as_a: dict[str, str], task: dict, body: dict
) -> None:
    assert client.put(f"{TASKS}/{task['id']}", json=body, headers=as_a).status_code == 422


@pytest.mark.parametrize(
    "body",
    [{"title": "  "}, {"title": None}, {"completed": None}, {"user_id": "user-b"}, {"id": 3}],
    ids=["whitespace-title", "null-title", "null-completed", "extra-user_id", "extra-id"],
)
def test_patch_task_invalid_body_returns_422(
    client: TestClient, as_a: dict[str, str], task: dict, body: dict
) -> None:
    assert client.patch(f"{TASKS}/{task['id']}", json=body, headers=as_a).status_code == 422


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


@pytest.mark.parametrize("task_id", ["abc", "1.5", "0", str(2**31), str(2**63)])
@pytest.mark.parametrize("method", ["GET", "PUT", "PATCH", "DELETE"])
def test_route_task_invalid_id_returns_422(
    client: TestClient, as_a: dict[str, str], method: str, task_id: str
) -> None:
    response = client.request(method, f"{TASKS}/{task_id}", json={"title": "t"}, headers=as_a)

    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["path", "task_id"]
