"""Creates carrying an Idempotency-Key: a retried create never makes a second task."""

from concurrent.futures import ThreadPoolExecutor

from fastapi.testclient import TestClient

from tests.conftest import AuthHeaders


def create(client: TestClient, headers: dict[str, str], key: str, title: str = "Pay rent"):
    return client.post(
        "/api/tasks", json={"title": title}, headers={**headers, "Idempotency-Key": key}
    )


def titles(client: TestClient, headers: dict[str, str]) -> list[str]:
    return [task["title"] for task in client.get("/api/tasks", headers=headers).json()["items"]]


def test_create_task_repeated_key_answers_with_the_first_task(
    client: TestClient, auth_as: AuthHeaders
) -> None:
    first = create(client, auth_as("user-a"), "key-1")
    again = create(client, auth_as("user-a"), "key-1")

    assert first.status_code == again.status_code == 201
    assert again.json() == first.json()
    assert titles(client, auth_as("user-a")) == ["Pay rent"]


def test_create_task_repeated_key_shows_the_task_as_it_is_now(
    client: TestClient, auth_as: AuthHeaders
) -> None:
    task = create(client, auth_as("user-a"), "key-1").json()
    client.patch(f"/api/tasks/{task['id']}", json={"completed": True}, headers=auth_as("user-a"))

    assert create(client, auth_as("user-a"), "key-1").json()["completed"] is True


def test_create_task_same_key_different_body_is_refused_with_409(
    client: TestClient, auth_as: AuthHeaders
) -> None:
    create(client, auth_as("user-a"), "key-1")
    response = create(client, auth_as("user-a"), "key-1", title="Something else")

    assert response.status_code == 409
    assert titles(client, auth_as("user-a")) == ["Pay rent"]


def test_create_task_same_key_other_user_creates_their_own(
    client: TestClient, auth_as: AuthHeaders
) -> None:
    mine = create(client, auth_as("user-a"), "key-1").json()
    theirs = create(client, auth_as("user-b"), "key-1").json()

    assert theirs["id"] != mine["id"]
    assert theirs["user_id"] == "user-b"


def test_create_task_repeat_after_delete_answers_404_and_creates_nothing(
    client: TestClient, auth_as: AuthHeaders
) -> None:
    task = create(client, auth_as("user-a"), "key-1").json()
    client.delete(f"/api/tasks/{task['id']}", headers=auth_as("user-a"))

    assert create(client, auth_as("user-a"), "key-1").status_code == 404
    assert titles(client, auth_as("user-a")) == []


def test_create_task_without_key_creates_each_time(
    client: TestClient, auth_as: AuthHeaders
) -> None:
    for _ in range(2):
        client.post("/api/tasks", json={"title": "Pay rent"}, headers=auth_as("user-a"))

    assert titles(client, auth_as("user-a")) == ["Pay rent", "Pay rent"]


def test_create_task_malformed_key_is_refused_with_422(
    client: TestClient, auth_as: AuthHeaders
) -> None:
    assert create(client, auth_as("user-a"), "x" * 201).status_code == 422
    assert create(client, auth_as("user-a"), "with space").status_code == 422


def test_create_task_concurrent_repeats_make_one_task(
    client: TestClient, auth_as: AuthHeaders
) -> None:
    # Repeats that overlap the first: whichever commits first, the others answer with its task.
    with ThreadPoolExecutor(max_workers=4) as pool:
        answers = list(pool.map(lambda _: create(client, auth_as("user-a"), "key-1"), range(8)))

    assert {answer.status_code for answer in answers} == {201}
    assert len({answer.json()["id"] for answer in answers}) == 1
    assert titles(client, auth_as("user-a")) == ["Pay rent"]
