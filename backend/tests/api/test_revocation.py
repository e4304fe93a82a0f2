"""The API following a revocation feed end to end: a revoked session or user is refused within
the poll interval, a restart forgets nothing, a deleted account's tasks go, and /health reports
the feed. The feed runs on loopback; the app polls it as in production, only faster."""

import time
from collections.abc import Callable, Iterator

import pytest
from better_auth_jwt.claims import id_digest
from better_auth_jwt.testing import FeedServer
from fastapi.testclient import TestClient
from sqlalchemy import Engine, func, select

from app.core.config import Settings
from app.main import create_app
from app.models import ReminderPreference, Task
from tests.conftest import TokenFactory

AppFactory = Callable[..., TestClient]


@pytest.fixture
def feed() -> Iterator[FeedServer]:
    server = FeedServer()
    yield server
    server.close()


@pytest.fixture
def following_app(settings: Settings, feed: FeedServer) -> Iterator[AppFactory]:
    """Starts an app that follows `feed` every 20 ms; settings may be overridden."""
    clients: list[TestClient] = []

    def start(**overrides: object) -> TestClient:
        values = {
            "JWT_REVOCATION_FEED": True,
            "JWT_REQUIRE_SID": True,
            "JWT_REVOCATION_URL": feed.url,
            "JWT_REVOCATION_POLL_SECONDS": 0.02,
            **overrides,
        }
        client = TestClient(create_app(settings.model_copy(update=values)))
        clients.append(client.__enter__())
        return client

    yield start
    for client in clients:
        client.__exit__(None, None, None)


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def wait_for_status(client: TestClient, path: str, token: str, status: int) -> dict[str, object]:
    deadline = time.monotonic() + 5
    while True:
        response = client.get(path, headers=bearer(token))
        if response.status_code == status or time.monotonic() > deadline:
            assert response.status_code == status
            return response.json()
        time.sleep(0.01)


def test_revoked_session_is_refused_and_other_sessions_are_not(
    following_app: AppFactory, feed: FeedServer, make_token: TokenFactory
) -> None:
    client = following_app()
    revoked, other = make_token(sid="session-1"), make_token(sid="session-2")
    assert client.get("/api/me", headers=bearer(revoked)).status_code == 200

    feed.add("session", id_digest("session-1"))

    answer = wait_for_status(client, "/api/me", revoked, 401)
    assert answer == {"detail": "Invalid token: token has been revoked"}
    assert client.get("/api/me", headers=bearer(other)).status_code == 200


def test_user_cutoff_refuses_tokens_issued_before_it(
    following_app: AppFactory, feed: FeedServer, make_token: TokenFactory
) -> None:
    client = following_app()
    now = int(time.time())
    old, new = make_token(sid="s-old", iat=now - 10), make_token(sid="s-new", iat=now)

    feed.add("user", id_digest("user-a"), before=now)

    wait_for_status(client, "/api/me", old, 401)
    assert client.get("/api/me", headers=bearer(new)).status_code == 200


def test_restarted_app_has_read_the_feed_before_its_first_answer(
    following_app: AppFactory, feed: FeedServer, make_token: TokenFactory
) -> None:
    feed.add("session", id_digest("session-1"))

    client = following_app(JWT_REVOCATION_POLL_SECONDS=60)

    assert client.get("/api/me", headers=bearer(make_token(sid="session-1"))).status_code == 401


def test_token_without_sid_is_refused_while_sid_is_required(
    following_app: AppFactory, make_token: TokenFactory
) -> None:
    client = following_app()

    response = client.get("/api/me", headers=bearer(make_token(sid=None)))

    assert response.status_code == 401
    assert response.json() == {"detail": "Invalid token: missing required claim: sid"}


def test_token_without_sid_is_accepted_during_a_rollout(
    following_app: AppFactory, make_token: TokenFactory
) -> None:
    client = following_app(JWT_REQUIRE_SID=False)

    assert client.get("/api/me", headers=bearer(make_token(sid=None))).status_code == 200


def test_deleted_account_tokens_refused_and_its_tasks_removed(
    following_app: AppFactory, feed: FeedServer, make_token: TokenFactory, db: Engine
) -> None:
    client = following_app()
    token, other = make_token("user-a"), make_token("user-b")
    for headers in (bearer(token), bearer(other)):
        assert client.post("/api/tasks", json={"title": "t"}, headers=headers).status_code == 201
        choice = {"email_reminders": False}
        assert client.put("/api/me/reminders", json=choice, headers=headers).status_code == 200

    feed.add("deleted-user", "user-a")

    wait_for_status(client, "/api/me", token, 401)
    created = client.post("/api/tasks", json={"title": "orphan"}, headers=bearer(token))
    assert created.status_code == 401
    # The removal runs in the background once the entry is read (each part commits on its own),
    # so the rows are read until it is done, or 5 s have passed.
    deadline = time.monotonic() + 5
    while True:
        with db.connect() as connection:
            owners = connection.execute(select(Task.user_id, func.count()).group_by(Task.user_id))
            owned = dict(owners.all())
            choices = connection.execute(select(ReminderPreference.user_id)).scalars().all()
        if (owned, choices) == ({"user-b": 1}, ["user-b"]) or time.monotonic() > deadline:
            break
        time.sleep(0.01)
    assert owned == {"user-b": 1}
    assert choices == ["user-b"]


def test_health_reports_a_current_feed(following_app: AppFactory) -> None:
    client = following_app()

    answer = client.get("/health")

    assert answer.status_code == 200
    assert answer.json()["status"] == "ok"
    assert answer.json()["revocations"]["state"] == "current"


def test_stale_feed_in_serve_mode_keeps_serving_and_says_so(
    following_app: AppFactory, feed: FeedServer, make_token: TokenFactory
) -> None:
    client = following_app(JWT_REVOCATION_STALE_AFTER_SECONDS=0.2)
    feed.status = 503

    deadline = time.monotonic() + 5
    while client.get("/health").json()["revocations"]["state"] != "stale":
        assert time.monotonic() < deadline
        time.sleep(0.05)

    assert client.get("/health").status_code == 200
    assert client.get("/api/me", headers=bearer(make_token())).status_code == 200


def test_stale_feed_in_refuse_mode_answers_503_until_it_is_back(
    following_app: AppFactory, feed: FeedServer, make_token: TokenFactory
) -> None:
    client = following_app(
        JWT_REVOCATION_STALE_AFTER_SECONDS=0.2, JWT_WHEN_REVOCATIONS_STALE="refuse"
    )
    token = make_token()
    assert client.get("/api/me", headers=bearer(token)).status_code == 200
    feed.status = 503

    assert wait_for_status(client, "/api/me", token, 503) == {
        "detail": "revocation feed unavailable"
    }
    health = client.get("/health")
    assert health.status_code == 503
    assert health.json()["revocations"]["when_stale"] == "refuse"

    feed.status = 200
    wait_for_status(client, "/api/me", token, 200)
