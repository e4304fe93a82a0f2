"""The OpenAPI document the frontend generates its client from: ids, security, error answers."""

import re

import pytest
from fastapi.testclient import TestClient

from app.core.config import Settings
from app.main import create_app
from tests.conftest import TEST_SECRET

document = create_app(Settings(_env_file=None, JWT_SECRET=TEST_SECRET)).openapi()
OPERATIONS = [
    (method.upper(), path, operation)
    for path, methods in document["paths"].items()
    for method, operation in methods.items()
]
AUTHENTICATED = [(method, path, op) for method, path, op in OPERATIONS if path != "/health"]
AUTHENTICATED_IDS = [f"{method} {path}" for method, path, _ in AUTHENTICATED]
SAMPLE_PATH_VALUES = {"user_id": "user-a", "task_id": "1"}


def test_read_openapi_operation_ids_name_each_action() -> None:
    ids = {f"{method} {path}": operation["operationId"] for method, path, operation in OPERATIONS}

    assert ids == {
        "GET /health": "health",
        "GET /api/me": "read_me",
        "DELETE /api/me/tasks": "delete_my_tasks",
        "GET /api/me/reminders": "read_reminder_settings",
        "PUT /api/me/reminders": "save_reminder_settings",
        "POST /api/tasks/{task_id}/reminder/shown": "claim_reminder_for_tab",
        "GET /api/tasks": "list_tasks",
        "POST /api/tasks": "create_task",
        "DELETE /api/tasks/completed": "clear_completed_tasks",
        "GET /api/tasks/{task_id}": "read_task",
        "PUT /api/tasks/{task_id}": "replace_task",
        "PATCH /api/tasks/{task_id}": "patch_task",
        "DELETE /api/tasks/{task_id}": "delete_task",
        "PATCH /api/tasks/{task_id}/complete": "toggle_task",
        "GET /api/tags": "list_tags",
        "GET /api/{user_id}/tasks": "list_tasks_by_user_id",
        "POST /api/{user_id}/tasks": "create_task_by_user_id",
        "DELETE /api/{user_id}/tasks/completed": "clear_completed_tasks_by_user_id",
        "GET /api/{user_id}/tasks/{task_id}": "read_task_by_user_id",
        "PUT /api/{user_id}/tasks/{task_id}": "replace_task_by_user_id",
        "PATCH /api/{user_id}/tasks/{task_id}": "patch_task_by_user_id",
        "DELETE /api/{user_id}/tasks/{task_id}": "delete_task_by_user_id",
        "PATCH /api/{user_id}/tasks/{task_id}/complete": "toggle_task_by_user_id",
        "GET /api/{user_id}/tags": "list_tags_by_user_id",
    }


@pytest.mark.parametrize(("method", "path", "operation"), AUTHENTICATED, ids=AUTHENTICATED_IDS)
def test_read_openapi_operation_documents_bearer_and_errors(
    method: str, path: str, operation: dict
) -> None:
    expected = {"401", "503"}
    if "{user_id}" in path:
        expected.add("403")
    if "{task_id}" in path:
        expected |= {"404", "422"}
    if method in {"POST", "PUT", "PATCH"} and "requestBody" in operation:
        expected |= {"400", "422"}

    assert operation["security"] == [{"HTTPBearer": []}]
    assert expected <= operation["responses"].keys()
    for status in expected - {"422"}:
        schema = operation["responses"][status]["content"]["application/json"]["schema"]
        assert schema == {"$ref": "#/components/schemas/ErrorMessage"}


def test_read_openapi_bearer_scheme_declared() -> None:
    assert document["components"]["securitySchemes"] == {
        "HTTPBearer": {"type": "http", "scheme": "bearer"}
    }


def test_read_openapi_task_output_fields_all_required() -> None:
    task = document["components"]["schemas"]["TaskPublic"]

    assert set(task["required"]) == set(task["properties"])
    assert "user_id" not in document["components"]["schemas"]["TaskCreate"]["properties"]


@pytest.mark.parametrize(("method", "path", "operation"), AUTHENTICATED, ids=AUTHENTICATED_IDS)
@pytest.mark.parametrize("authorization", [None, "Bearer not-a-jwt"], ids=["none", "garbage"])
def test_route_without_valid_token_returns_401(
    client: TestClient, method: str, path: str, operation: dict, authorization: str | None
) -> None:
    url = re.sub(r"\{(\w+)\}", lambda match: SAMPLE_PATH_VALUES[match[1]], path)
    headers = {"Authorization": authorization} if authorization else {}

    response = client.request(method, url, json={"title": "t"}, headers=headers)

    assert response.status_code == 401
    assert response.headers["www-authenticate"].startswith("Bearer")
