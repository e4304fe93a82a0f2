from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from app.core.config import Settings
from app.main import create_app
from tests.conftest import AuthHeaders

LIMIT = 1024


@pytest.fixture
def small_client(settings: Settings) -> Iterator[TestClient]:
    with TestClient(create_app(settings.model_copy(update={"MAX_BODY_BYTES": LIMIT}))) as client:
        yield client


def test_create_task_body_over_limit_is_refused_with_413(
    small_client: TestClient, auth_as: AuthHeaders
) -> None:
    body = {"title": "big", "description": "x" * LIMIT}
    response = small_client.post("/api/tasks", json=body, headers=auth_as("user-a"))
    assert response.status_code == 413
    assert response.json() == {"detail": "request body too large"}


def test_create_task_chunked_body_over_limit_is_refused_with_413(
    small_client: TestClient, auth_as: AuthHeaders
) -> None:
    chunks = (b"x" * 512 for _ in range(4))
    headers = {**auth_as("user-a"), "Content-Type": "application/json"}
    response = small_client.post("/api/tasks", content=chunks, headers=headers)
    assert response.status_code == 413


def test_create_task_body_under_limit_is_served(
    small_client: TestClient, auth_as: AuthHeaders
) -> None:
    response = small_client.post("/api/tasks", json={"title": "small"}, headers=auth_as("user-a"))
    assert response.status_code == 201


def test_default_limit_fits_the_largest_valid_task(settings: Settings) -> None:
    assert settings.MAX_BODY_BYTES >= 16 * 1024
