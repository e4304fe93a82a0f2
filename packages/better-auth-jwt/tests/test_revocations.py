"""The revocation feed follower: what it reads, what it refuses, and how it behaves when the feed
is away. Over real HTTP on loopback, with the clock held where timing matters."""

import asyncio
import contextlib
import json
import logging
import math
from collections.abc import AsyncIterator, Iterator

import httpx2
import pytest

from better_auth_jwt.claims import Identity, VerifiedToken, id_digest
from better_auth_jwt.errors import RevocationsUnavailableError, TokenError
from better_auth_jwt.fetch import FetchError
from better_auth_jwt.revocations import OVERLAP_MS, RevocationFeed, WhenStale, parse_page
from better_auth_jwt.testing import KEEP_SECONDS, FeedServer, ManualClock

pytestmark = pytest.mark.anyio

NOW_MS = 1_800_000_000_000


def token(
    user: str = "user-a", session: str | None = "session-1", issued_at: float = 0.0
) -> VerifiedToken:
    key = id_digest(session) if session is not None else None
    return VerifiedToken(
        Identity(user, session_id=session), math.inf, issued_at, id_digest(user), key
    )


def refused(feed: RevocationFeed, verified: VerifiedToken) -> bool:
    try:
        feed.check(verified)
    except TokenError as exc:
        assert exc.reason == "token has been revoked"
        return True
    return False


@pytest.fixture
def server() -> Iterator[FeedServer]:
    feed_server = FeedServer()
    feed_server.now = NOW_MS
    yield feed_server
    feed_server.close()


@pytest.fixture
async def client() -> AsyncIterator[httpx2.AsyncClient]:
    async with httpx2.AsyncClient() as http:
        yield http


def follower(
    server: FeedServer, when_stale: WhenStale = "serve", **options: object
) -> RevocationFeed:
    return RevocationFeed(server.url, when_stale=when_stale, stale_after=5.0, **options)  # type: ignore[arg-type]


def test_parse_page_reads_each_kind() -> None:
    document = {
        "now": NOW_MS,
        "keepSeconds": 960,
        "more": False,
        "entries": [
            {"id": "1", "kind": "session", "subject": "s-digest", "before": None, "createdAt": 1},
            {"id": "2", "kind": "user", "subject": "u-digest", "before": 1700, "createdAt": 2},
            {
                "id": "3",
                "kind": "deleted-user",
                "subject": "user-x",
                "before": None,
                "createdAt": 3,
            },
        ],
    }

    page = parse_page(json.dumps(document).encode())

    assert (page.now, page.keep_ms, page.more) == (NOW_MS, 960_000, False)
    assert [(e.kind, e.key, e.before) for e in page.entries] == [
        ("session", "s-digest", None),
        ("user", "u-digest", 1700),
        # A deleted account is published by id, so its tasks can go; it is looked up by digest.
        ("deleted-user", id_digest("user-x"), math.inf),
    ]
    assert [e.deleted_user for e in page.entries] == [None, None, "user-x"]


@pytest.mark.parametrize(
    "document",
    [
        b"[]",
        b"not json",
        b'{"now": 1, "keepSeconds": 960, "more": false}',
        b'{"now": "1", "keepSeconds": 960, "more": false, "entries": []}',
        b'{"now": 1, "keepSeconds": 960, "more": 0, "entries": []}',
    ],
    ids=["list", "garbage", "no-entries", "now-string", "more-number"],
)
def test_parse_page_not_a_feed_answer_refused(document: bytes) -> None:
    with pytest.raises(ValueError):
        parse_page(document)


@pytest.mark.parametrize(
    "entry",
    [
        {"id": "1", "kind": "cookie", "subject": "x", "before": None, "createdAt": 1},
        {"id": "1", "kind": "session", "subject": "", "before": None, "createdAt": 1},
        {"id": "1", "kind": "session", "subject": "x" * 513, "before": None, "createdAt": 1},
        {"id": "1", "kind": "user", "subject": "x", "before": None, "createdAt": 1},
        {"id": "1", "kind": "user", "subject": "x", "before": True, "createdAt": 1},
        {"id": 1, "kind": "session", "subject": "x", "before": None, "createdAt": 1},
        {"id": "1", "kind": "session", "subject": "x", "before": None},
    ],
    ids=["kind", "empty", "long", "cutoff-without-time", "bool-time", "numeric-id", "no-time"],
)
def test_parse_page_malformed_entry_refuses_the_page(entry: dict[str, object]) -> None:
    document = {"now": 1, "keepSeconds": 960, "more": False, "entries": [entry]}

    with pytest.raises(ValueError, match="entry 0 is malformed"):
        parse_page(json.dumps(document).encode())


async def test_poll_revoked_session_refuses_its_tokens_only(
    server: FeedServer, client: httpx2.AsyncClient
) -> None:
    feed = follower(server)
    server.add("session", id_digest("session-1"))

    await feed.poll(client)

    assert refused(feed, token(session="session-1"))
    assert not refused(feed, token(session="session-2"))
    assert not refused(feed, token(user="user-b", session="session-3"))


async def test_poll_user_cutoff_refuses_tokens_issued_before_it(
    server: FeedServer, client: httpx2.AsyncClient
) -> None:
    feed = follower(server)
    server.add("user", id_digest("user-a"), before=1700)

    await feed.poll(client)

    assert refused(feed, token(issued_at=1699))
    # The same second as the cutoff: a session signed in right after "sign out everywhere".
    assert not refused(feed, token(issued_at=1700))
    assert not refused(feed, token(user="user-b", issued_at=1))


async def test_poll_deleted_user_refuses_every_token_and_reports_the_id(
    server: FeedServer, client: httpx2.AsyncClient
) -> None:
    deleted: list[str] = []

    async def on_deleted(user_id: str) -> None:
        deleted.append(user_id)

    feed = follower(server, on_deleted_user=on_deleted)
    server.add("deleted-user", "user-a")

    await feed.poll(client)
    await feed.poll(client)
    await asyncio.sleep(0)  # the removals run beside the poll, not inside it

    assert refused(feed, token(issued_at=4_000_000_000))
    assert not refused(feed, token(user="user-b"))
    # Read twice (the overlap), reported once.
    assert deleted == ["user-a"]


async def test_poll_asks_from_the_feeds_now_less_the_overlap(
    server: FeedServer, client: httpx2.AsyncClient
) -> None:
    feed = follower(server)

    await feed.poll(client)
    server.now = NOW_MS + 250
    await feed.poll(client)

    assert server.requests == [
        "/api/auth/revocations",
        f"/api/auth/revocations?since={NOW_MS - OVERLAP_MS}",
    ]


async def test_poll_entry_committed_late_is_still_read(
    server: FeedServer, client: httpx2.AsyncClient
) -> None:
    feed = follower(server)
    await feed.poll(client)
    # Stamped before the last poll, committed (and so visible) only after it.
    server.now = NOW_MS - 2_000
    server.add("session", id_digest("session-1"))
    server.now = NOW_MS + 250

    await feed.poll(client)

    assert refused(feed, token(session="session-1"))


async def test_poll_full_pages_read_on_from_the_last_entry(client: httpx2.AsyncClient) -> None:
    server = FeedServer(page_size=2)
    try:
        server.now = NOW_MS
        for index in range(5):
            server.add("session", id_digest(f"session-{index}"))
            server.now += 1
        feed = follower(server)

        await feed.poll(client)

        assert all(refused(feed, token(session=f"session-{index}")) for index in range(5))
        # Each page is asked for from its predecessor's last entry, which it repeats.
        assert server.requests[1:] == [
            f"/api/auth/revocations?since={NOW_MS + index}" for index in range(1, 5)
        ]
    finally:
        server.close()


async def test_poll_forgets_entries_once_their_tokens_have_expired(
    server: FeedServer, client: httpx2.AsyncClient
) -> None:
    feed = follower(server)
    server.add("session", id_digest("session-1"))
    server.add("user", id_digest("user-b"), before=1700)
    await feed.poll(client)

    server.now = NOW_MS + KEEP_SECONDS * 1000
    await feed.poll(client)

    assert feed.status()["revoked_sessions"] == feed.status()["user_cutoffs"] == 0
    assert not refused(feed, token(session="session-1"))


async def test_poll_unreachable_feed_raises_and_keeps_what_is_known(
    server: FeedServer, client: httpx2.AsyncClient
) -> None:
    feed = follower(server)
    server.add("session", id_digest("session-1"))
    await feed.poll(client)
    server.status = 502

    with pytest.raises(FetchError, match="HTTP 502"):
        await feed.poll(client)

    assert refused(feed, token(session="session-1"))


async def test_check_serve_mode_never_refuses_for_staleness(
    server: FeedServer, client: httpx2.AsyncClient
) -> None:
    clock = ManualClock()
    feed = follower(server, "serve", monotonic=clock)

    feed.check(token())
    assert feed.status()["state"] == "loading"
    await feed.poll(client)
    clock.now += 60

    feed.check(token())
    assert feed.status() == {
        "state": "stale",
        "seconds_since_update": 60.0,
        "when_stale": "serve",
        "revoked_sessions": 0,
        "user_cutoffs": 0,
    }
    assert not feed.refusing


async def test_check_refuse_mode_refuses_before_the_first_read_and_once_stale(
    server: FeedServer, client: httpx2.AsyncClient
) -> None:
    clock = ManualClock()
    feed = follower(server, "refuse", monotonic=clock)

    with pytest.raises(RevocationsUnavailableError):
        feed.check(token())
    await feed.poll(client)
    clock.now += 5.0
    feed.check(token())
    assert feed.status()["state"] == "current"

    clock.now += 0.001
    with pytest.raises(RevocationsUnavailableError):
        feed.check(token())
    assert feed.refusing
    await feed.poll(client)
    feed.check(token())


async def test_follow_warns_once_while_down_and_says_when_it_is_back(
    server: FeedServer, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="better_auth_jwt.revocations")
    server.status = 503
    feed = RevocationFeed(server.url, poll_seconds=0.01)
    following = asyncio.create_task(feed.follow())
    try:
        while len(server.requests) < 3:
            await asyncio.sleep(0.01)
        server.status = 200
        await asyncio.wait_for(feed.loaded.wait(), 5)
    finally:
        following.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await following

    messages = [record.getMessage() for record in caplog.records]
    assert sum("Revocation feed not read" in message for message in messages) == 1
    assert "still serving once it is 30 s stale" in messages[0]
    assert any("Revocation feed reachable again" in message for message in messages)
