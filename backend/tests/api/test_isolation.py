"""Object-level authorisation: every route, both route forms, both users, rows left untouched."""

from collections.abc import Callable

import pytest
import sqlalchemy as sa
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from app.models import Task, TaskTag
from tests.conftest import AuthHeaders

USERS = ("user-a", "user-b")
MISSING_ID = 2**31 - 1
FULL_TASK = {
    "title": "Pay rent",
    "description": "landlord",
    "priority": "high",
    "tags": ["home"],
    "due_at": "2027-01-31T17:00:00Z",
    "remind_at": "2027-01-30T17:00:00Z",
    "recurrence": "monthly",
}
# (method, suffix after /tasks/{id}, body, status when the caller owns the task)
ITEM_ROUTES = [
    ("GET", "", None, 200),
    ("PUT", "", FULL_TASK | {"title": "replaced", "completed": True}, 200),
    ("PATCH", "", {"title": "patched", "tags": ["stolen"], "completed": True}, 200),
    ("PATCH", "/complete", None, 200),
    ("DELETE", "", None, 204),
]
# (method, path after /api or /api/{user_id}, body, status for the caller's own path)
COLLECTION_ROUTES = [
    ("GET", "/tasks", None, 200),
    ("POST", "/tasks", FULL_TASK, 201),
    ("DELETE", "/tasks/completed", None, 200),
    ("GET", "/tags", None, 200),
]
# Path ids that are not the caller's sub: every one is refused before the database.
LOOKALIKES = {
    "upper-case": ("USER-A", 403),
    "title-case": ("User-a", 403),
    "trailing-space": ("user-a%20", 403),
    "leading-space": ("%20user-a", 403),
    "dot-dot": ("%2E%2E", 403),
    "nul": ("user-a%00", 403),
    "cyrillic-a": ("user-%D0%B0", 403),
    "fullwidth-u": ("%EF%BD%95ser-a", 403),
    "unicode-hyphen": ("user%E2%80%90a", 403),
    "zero-width-space": ("user-a%E2%80%8B", 403),
    "encoded-slash": ("user-a%2F", 404),
    "traversal-to-self": ("user-b%2F..%2Fuser-a", 404),
}
PATH_FORM_ROUTES = [(method, f"/tasks/1{suffix}", body) for method, suffix, body, _ in ITEM_ROUTES]
PATH_FORM_ROUTES += [(method, path, body) for method, path, body, _ in COLLECTION_ROUTES]

Snapshot = Callable[[str], list[tuple]]


def other(user: str) -> str:
    return USERS[1 - USERS.index(user)]


@pytest.fixture
def snapshot(db: Engine) -> Snapshot:
    """Every stored value of a user's tasks and tags, as the database holds them."""

    def rows(user: str) -> list[tuple]:
        with db.connect() as connection:
            tasks = connection.execute(
                sa.select(Task.__table__).where(Task.user_id == user).order_by(Task.id)
            ).all()
            tags = connection.execute(
                sa.select(TaskTag.__table__).where(TaskTag.user_id == user).order_by("task_id")
            ).all()
        return [tuple(row) for row in [*tasks, *tags]]

    return rows


@pytest.fixture
def seeded(client: TestClient, auth_as: AuthHeaders) -> dict[str, int]:
    """One full task per user, plus a completed one, so bulk routes have work to do."""
    ids = {}
    for user in USERS:
        ids[user] = client.post("/api/tasks", json=FULL_TASK, headers=auth_as(user)).json()["id"]
        done = FULL_TASK | {"recurrence": "none", "completed": True}
        client.post("/api/tasks", json=done, headers=auth_as(user))
    return ids


def item_cases(actor: str, ids: dict[str, int]) -> dict[str, tuple[str, int | None]]:
    """Case name -> (path before the suffix, forced status or None for the owner's status)."""
    victim = other(actor)
    return {
        "own": (f"/api/tasks/{ids[actor]}", None),
        "own-path-form": (f"/api/{actor}/tasks/{ids[actor]}", None),
        "others-task": (f"/api/tasks/{ids[victim]}", 404),
        "others-task-path-form": (f"/api/{actor}/tasks/{ids[victim]}", 404),
        "others-path-id": (f"/api/{victim}/tasks/{ids[victim]}", 403),
        "others-path-id-own-task": (f"/api/{victim}/tasks/{ids[actor]}", 403),
        "nonexistent": (f"/api/tasks/{MISSING_ID}", 404),
        "nonexistent-path-form": (f"/api/{actor}/tasks/{MISSING_ID}", 404),
    }


CASE_NAMES = list(item_cases("user-a", {"user-a": 1, "user-b": 2}))


@pytest.mark.parametrize("case", CASE_NAMES)
@pytest.mark.parametrize(
    ("method", "suffix", "body", "own_status"),
    ITEM_ROUTES,
    ids=[f"{method}{suffix}" for method, suffix, *_ in ITEM_ROUTES],
)
@pytest.mark.parametrize("actor", USERS)
def test_item_route_answers_owner_only_and_leaves_other_rows_untouched(
    client: TestClient,
    auth_as: AuthHeaders,
    seeded: dict[str, int],
    snapshot: Snapshot,
    actor: str,
    method: str,
    suffix: str,
    body: dict | None,
    own_status: int,
    case: str,
) -> None:
    victim = other(actor)
    path, forced_status = item_cases(actor, seeded)[case]
    before = snapshot(victim)

    response = client.request(method, path + suffix, json=body, headers=auth_as(actor))

    assert response.status_code == (forced_status or own_status)
    assert victim not in response.text
    assert snapshot(victim) == before


@pytest.mark.parametrize(
    ("method", "path", "body", "own_status"),
    COLLECTION_ROUTES,
    ids=[f"{method} {path}" for method, path, *_ in COLLECTION_ROUTES],
)
@pytest.mark.parametrize("form", ["plain", "own-path", "others-path"])
@pytest.mark.parametrize("actor", USERS)
def test_collection_route_answers_owner_only_and_leaves_other_rows_untouched(
    client: TestClient,
    auth_as: AuthHeaders,
    seeded: dict[str, int],
    snapshot: Snapshot,
    actor: str,
    form: str,
    method: str,
    path: str,
    body: dict | None,
    own_status: int,
) -> None:
    victim = other(actor)
    prefix = {"plain": "/api", "own-path": f"/api/{actor}", "others-path": f"/api/{victim}"}
    before = snapshot(victim)

    response = client.request(method, prefix[form] + path, json=body, headers=auth_as(actor))

    assert response.status_code == (403 if form == "others-path" else own_status)
    assert victim not in response.text
    assert snapshot(victim) == before


@pytest.mark.parametrize("actor", USERS)
def test_delete_my_tasks_leaves_other_rows_untouched(
    client: TestClient,
    auth_as: AuthHeaders,
    seeded: dict[str, int],
    snapshot: Snapshot,
    actor: str,
) -> None:
    before = snapshot(other(actor))

    response = client.delete("/api/me/tasks", headers=auth_as(actor))

    assert (response.status_code, response.json()) == (200, {"deleted": 2})
    assert snapshot(actor) == []
    assert snapshot(other(actor)) == before


@pytest.mark.parametrize(("method", "path", "body"), PATH_FORM_ROUTES)
@pytest.mark.parametrize(("path_id", "status"), LOOKALIKES.values(), ids=LOOKALIKES.keys())
def test_path_form_lookalike_user_refused(
    client: TestClient,
    auth_as: AuthHeaders,
    path_id: str,
    status: int,
    method: str,
    path: str,
    body: dict | None,
) -> None:
    as_a = auth_as("user-a")

    response = client.request(method, f"/api/{path_id}{path}", json=body, headers=as_a)

    assert response.status_code == status
    assert client.get("/api/tasks", headers=as_a).json()["total"] == 0


@pytest.mark.parametrize(("method", "path", "body"), PATH_FORM_ROUTES)
def test_path_form_other_user_refused_before_database(
    down_client: TestClient,
    auth_as: AuthHeaders,
    method: str,
    path: str,
    body: dict | None,
) -> None:
    # Any database access would answer 503 here.
    response = down_client.request(
        method, f"/api/user-b{path}", json=body, headers=auth_as("user-a")
    )

    assert (response.status_code, response.json()) == (403, {"detail": "Forbidden"})
