"""Input with no UTF-8 form, in every place the API reads text: always a clear 4xx, never a 500.

JSON may spell a lone UTF-16 surrogate ("\\ud800"), which Python decodes into a str that cannot be
encoded again; the validation error that echoes it must still be written out.
"""

import json

import pytest
from fastapi.testclient import TestClient

from tests.conftest import AuthHeaders

LONE_SURROGATES = ["\\ud800", "\\udfff", "a\\udc00b", "\\ud83d"]
TASK_STRINGS = ["title", "description", "priority", "due_at", "remind_at", "recurrence"]
VALID_TASK = {"title": "Pay rent", "due_at": "2026-12-01T17:00:00Z"}
LIST_PARAMS = ["status", "priority", "tag", "due_before", "due_after", "overdue", "q", "sort"]
LIST_PARAMS += ["order", "limit", "offset"]


def raw_json(task: dict[str, object], field: str, escaped: str) -> bytes:
    """The task as JSON, with `field` set to a string in escapes json.dumps would never write."""
    text = json.dumps({**task, field: "@@"})
    return text.replace('"@@"', f'"{escaped}"').encode()


def post(client: TestClient, url: str, body: bytes, headers: dict[str, str]) -> object:
    return client.request(
        "POST", url, content=body, headers={**headers, "Content-Type": "application/json"}
    )


def assert_validation_error(response: object) -> None:
    assert response.status_code == 422, response.text
    assert response.headers["content-type"] == "application/json"
    assert isinstance(response.json()["detail"], list)


@pytest.mark.parametrize("escaped", LONE_SURROGATES)
@pytest.mark.parametrize("field", TASK_STRINGS)
def test_create_task_lone_surrogate_in_string_field_is_422(
    client: TestClient, auth_as: AuthHeaders, field: str, escaped: str
) -> None:
    response = post(client, "/api/tasks", raw_json(VALID_TASK, field, escaped), auth_as("user-a"))

    assert_validation_error(response)


@pytest.mark.parametrize("escaped", LONE_SURROGATES)
def test_create_task_lone_surrogate_in_tag_and_key_is_422(
    client: TestClient, auth_as: AuthHeaders, escaped: str
) -> None:
    tag = f'{{"title": "Pay rent", "tags": ["home", "{escaped}"]}}'.encode()
    key = f'{{"title": "Pay rent", "{escaped}": 1}}'.encode()

    assert_validation_error(post(client, "/api/tasks", tag, auth_as("user-a")))
    assert_validation_error(post(client, "/api/tasks", key, auth_as("user-a")))


@pytest.mark.parametrize("method", ["PUT", "PATCH"])
@pytest.mark.parametrize("field", [*TASK_STRINGS, "tags"])
def test_change_task_lone_surrogate_is_422_and_changes_nothing(
    client: TestClient, auth_as: AuthHeaders, method: str, field: str
) -> None:
    headers = auth_as("user-a")
    task = client.post("/api/tasks", json=VALID_TASK, headers=headers).json()
    value = '["\\ud800"]' if field == "tags" else '"\\ud800"'
    body = json.dumps({**VALID_TASK, field: "@@"}).replace('"@@"', value).encode()

    response = client.request(
        method,
        f"/api/tasks/{task['id']}",
        content=body,
        headers={**headers, "Content-Type": "application/json"},
    )

    assert_validation_error(response)
    assert client.get(f"/api/tasks/{task['id']}", headers=headers).json() == task


@pytest.mark.parametrize("param", LIST_PARAMS)
@pytest.mark.parametrize("bad", ["%ED%A0%80", "%FF%FE", "%C0%AF", "%E2%82"])
def test_list_tasks_query_not_utf8_is_422(
    client: TestClient, auth_as: AuthHeaders, param: str, bad: str
) -> None:
    response = client.get(f"/api/tasks?{param}={bad}", headers=auth_as("user-a"))

    assert_validation_error(response)
    assert response.json()["detail"][0]["loc"] == ["query"]


def test_list_tasks_query_with_valid_utf8_still_searches(
    client: TestClient, auth_as: AuthHeaders
) -> None:
    headers = auth_as("user-a")
    client.post("/api/tasks", json={"title": "Straße kehren"}, headers=headers)

    response = client.get("/api/tasks?q=stra%C3%9Fe", headers=headers)

    assert [task["title"] for task in response.json()["items"]] == ["Straße kehren"]


@pytest.mark.parametrize("key", [b"\xed\xa0\x80", b"\xff\xfe", "kéy".encode(), b"a\x00b"])
def test_create_task_undecodable_idempotency_key_is_422(
    client: TestClient, auth_as: AuthHeaders, key: bytes
) -> None:
    headers = {**auth_as("user-a"), "Idempotency-Key": key}

    response = client.post("/api/tasks", json=VALID_TASK, headers=headers)

    assert_validation_error(response)
    assert client.get("/api/tasks", headers=auth_as("user-a")).json()["total"] == 0


@pytest.mark.parametrize("value", [b"Bearer \xed\xa0\x80", b"Bearer \xff.\xfe.\xfd", b"\xff\xfe"])
def test_read_me_undecodable_authorization_is_401(client: TestClient, value: bytes) -> None:
    response = client.get("/api/me", headers={"Authorization": value})

    assert response.status_code == 401
    assert response.headers["www-authenticate"].startswith("Bearer")


def test_create_task_undecodable_content_type_is_422(
    client: TestClient, auth_as: AuthHeaders
) -> None:
    headers = {**auth_as("user-a"), "Content-Type": b"application/\xff"}

    response = client.post("/api/tasks", content=json.dumps(VALID_TASK), headers=headers)

    assert_validation_error(response)


def test_path_user_undecodable_is_403(client: TestClient, auth_as: AuthHeaders) -> None:
    response = client.get("/api/%ED%A0%80/tasks", headers=auth_as("user-a"))

    assert response.status_code == 403
