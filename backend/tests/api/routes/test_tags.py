"""GET /api/tags and /api/{user_id}/tags: each of the caller's tags with its exact counts."""

import pytest
from fastapi.testclient import TestClient

from tests.conftest import AuthHeaders


@pytest.fixture
def as_a(auth_as: AuthHeaders) -> dict[str, str]:
    return auth_as("user-a")


def create(client: TestClient, headers: dict[str, str], **fields: object) -> dict:
    response = client.post("/api/tasks", json={"title": "Task", **fields}, headers=headers)
    assert response.status_code == 201, response.text
    return response.json()


def test_list_tags_no_tasks_empty(client: TestClient, as_a: dict[str, str]) -> None:
    response = client.get("/api/tags", headers=as_a)

    assert (response.status_code, response.json()) == (200, {"items": []})


def test_list_tags_counts_every_task_not_only_a_page(
    client: TestClient, as_a: dict[str, str]
) -> None:
    # More open tasks than a list page holds: the counts are exact, not read off a page.
    for number in range(120):
        create(client, as_a, tags=["home"] if number % 2 else ["home", "work"])
    for _ in range(3):
        create(client, as_a, tags=["Home"], completed=True)

    response = client.get("/api/tags", headers=as_a)

    assert response.status_code == 200
    assert response.json() == {
        "items": [
            {"name": "home", "open": 120, "total": 123},
            {"name": "work", "open": 60, "total": 60},
        ]
    }


def test_list_tags_follows_toggle_and_delete(client: TestClient, as_a: dict[str, str]) -> None:
    task = create(client, as_a, tags=["errands"])
    create(client, as_a, tags=["errands", "zz"])

    client.patch(f"/api/tasks/{task['id']}/complete", headers=as_a)
    after_toggle = client.get("/api/tags", headers=as_a).json()["items"]
    client.delete(f"/api/tasks/{task['id']}", headers=as_a)
    after_delete = client.get("/api/tags", headers=as_a).json()["items"]

    assert after_toggle == [
        {"name": "errands", "open": 1, "total": 2},
        {"name": "zz", "open": 1, "total": 1},
    ]
    assert after_delete == [
        {"name": "errands", "open": 1, "total": 1},
        {"name": "zz", "open": 1, "total": 1},
    ]


def test_list_tags_sorted_by_name(client: TestClient, as_a: dict[str, str]) -> None:
    create(client, as_a, tags=["zebra", "apple", "mango", "2fa", "éclair"])

    names = [tag["name"] for tag in client.get("/api/tags", headers=as_a).json()["items"]]

    assert names == ["2fa", "apple", "mango", "zebra", "éclair"]


def test_list_tags_another_users_tags_never_appear(
    client: TestClient, auth_as: AuthHeaders, as_a: dict[str, str]
) -> None:
    as_b = auth_as("user-b")
    create(client, as_a, tags=["shared"])
    create(client, as_b, tags=["shared", "b-secret"])
    create(client, as_b, tags=["shared"], completed=True)

    mine = client.get("/api/tags", headers=as_a)
    path_form = client.get("/api/user-a/tags", headers=as_a)
    theirs = client.get("/api/tags", headers=as_b)

    assert mine.json() == {"items": [{"name": "shared", "open": 1, "total": 1}]}
    assert path_form.json() == mine.json()
    assert "b-secret" not in mine.text
    assert theirs.json() == {
        "items": [
            {"name": "b-secret", "open": 1, "total": 1},
            {"name": "shared", "open": 1, "total": 2},
        ]
    }


def test_list_tags_path_form_other_user_forbidden(client: TestClient, auth_as: AuthHeaders) -> None:
    create(client, auth_as("user-b"), tags=["b-secret"])

    response = client.get("/api/user-b/tags", headers=auth_as("user-a"))

    assert response.status_code == 403
    assert "b-secret" not in response.text


@pytest.mark.parametrize("path", ["/api/tags", "/api/user-a/tags"])
def test_list_tags_without_token_401(client: TestClient, path: str) -> None:
    response = client.get(path)

    assert response.status_code == 401
    assert response.headers["www-authenticate"] == "Bearer"
