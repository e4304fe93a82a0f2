"""Follows the frontend's revocation feed in the background, so a signed-out session's token is
refused within a second while the request path only looks up a set and a dict.

The frontend publishes entries at GET /api/auth/revocations
(frontend/lib/server/revocation-feed.ts): revoked sessions and user cutoffs by digest of their ids,
deleted accounts by id. Each API instance polls it on its own, every POLL_SECONDS, and on startup
loads every entry still published, so a restarted instance forgets nothing.
"""

import asyncio
import json
import logging
import math
import time
from collections.abc import Callable, Coroutine
from dataclasses import dataclass
from typing import Any, Literal, TypeGuard

import httpx2

from better_auth_jwt.claims import VerifiedToken, id_digest
from better_auth_jwt.errors import RevocationsUnavailableError, TokenError
from better_auth_jwt.fetch import FETCH_TIMEOUT_SECONDS, FetchError, download

logger = logging.getLogger(__name__)

# Four polls a second: a revocation reaches every instance well within one second.
POLL_SECONDS = 0.25
STALE_AFTER_SECONDS = 30.0
# A failing feed is retried at the poll interval, doubling up to this.
MAX_RETRY_SECONDS = 2.0
# The frontend stamps an entry before its transaction commits, and two frontends stamp with two
# clocks: each poll asks again for this much of the past, and known entries are skipped by id.
OVERLAP_MS = 5_000
# A page holds at most 500 entries of about 150 bytes.
MAX_PAGE_BYTES = 1024 * 1024
MAX_SUBJECT_LENGTH = 512
# Forgetting expired entries walks them all; once in a while is enough.
PRUNE_EVERY_MS = 10_000
# A feed that stays down must not write a warning four times a second.
WARN_EVERY_SECONDS = 60.0

WhenStale = Literal["serve", "refuse"]
# The cutoff of a user nobody cut off: every token is issued after it.
NO_CUTOFF = -math.inf
KINDS = frozenset({"session", "user", "deleted-user"})


@dataclass(frozen=True, slots=True)
class Entry:
    id: str
    kind: str
    # The digest compared with a token's `sid` or `sub` (a deleted user's id is digested here).
    key: str
    # Tokens of the user issued before this are refused; None for a session.
    before: float | None
    created_at: int
    # Only for a deleted account: its id, so its tasks can be removed.
    deleted_user: str | None = None


@dataclass(frozen=True, slots=True)
class Page:
    now: int
    keep_ms: int
    more: bool
    entries: list[Entry]


def parse_page(document: bytes) -> Page:
    """One answer of the feed; ValueError if it is not one. A malformed entry refuses the whole
    page: skipping it could drop a revocation without anyone noticing."""
    data = json.loads(document)
    if not isinstance(data, dict):
        raise ValueError("not a JSON object")
    now, keep, more, raw = (
        data.get("now"),
        data.get("keepSeconds"),
        data.get("more"),
        data.get("entries"),
    )
    if not (
        _is_number(now) and _is_number(keep) and isinstance(more, bool) and isinstance(raw, list)
    ):
        raise ValueError("not a revocation feed answer")
    entries: list[Entry] = []
    for position, item in enumerate(raw):
        entry = _entry(item)
        if entry is None:
            raise ValueError(f"entry {position} is malformed")
        entries.append(entry)
    return Page(int(now), int(keep * 1000), more, entries)


def _entry(item: object) -> Entry | None:
    if not isinstance(item, dict):
        return None
    entry_id, kind, subject = item.get("id"), item.get("kind"), item.get("subject")
    before, created_at = item.get("before"), item.get("createdAt")
    if not (isinstance(entry_id, str) and kind in KINDS and isinstance(subject, str)):
        return None
    if not (0 < len(subject) <= MAX_SUBJECT_LENGTH and _is_number(created_at)):
        return None
    if kind == "session":
        return Entry(entry_id, kind, subject, None, int(created_at))
    if kind == "user":
        return (
            Entry(entry_id, kind, subject, before, int(created_at)) if _is_number(before) else None
        )
    # A deleted account: every token it ever had is refused.
    return Entry(entry_id, kind, id_digest(subject), math.inf, int(created_at), subject)


def _is_number(value: object) -> TypeGuard[int | float]:
    is_number = isinstance(value, int | float) and not isinstance(value, bool)
    return is_number and math.isfinite(value)  # type: ignore[arg-type]


class RevocationFeed:
    """What the feed has published, and the loop that keeps it current."""

    def __init__(
        self,
        url: str,
        *,
        poll_seconds: float = POLL_SECONDS,
        stale_after: float = STALE_AFTER_SECONDS,
        when_stale: WhenStale = "serve",
        on_deleted_user: Callable[[str], Coroutine[Any, Any, None]] | None = None,
        timeout: float = FETCH_TIMEOUT_SECONDS,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self._url = url
        self._poll_seconds = poll_seconds
        self._stale_after = stale_after
        self._when_stale = when_stale
        self._refuse_when_stale = when_stale == "refuse"
        self._on_deleted_user = on_deleted_user
        self._timeout = timeout
        self._monotonic = monotonic
        self._known: dict[str, Entry] = {}
        self._expires_ms: dict[str, int] = {}
        self._sessions: set[str] = set()
        self._cutoffs: dict[str, float] = {}
        self._cursor: int | None = None
        self._next_prune_ms = 0
        self._last_success = -math.inf
        self._failing_since: float | None = None
        self._next_warning = -math.inf
        self._removals: set[asyncio.Task[None]] = set()
        self.loaded = asyncio.Event()

    def check(self, token: VerifiedToken) -> None:
        """On the request path, after the cache: no I/O, a set and a dict lookup."""
        if self._refuse_when_stale and self._stale():
            raise RevocationsUnavailableError
        if token.session_key in self._sessions or token.issued_at < self._cutoffs.get(
            token.user_key, NO_CUTOFF
        ):
            raise TokenError("token has been revoked")

    def status(self) -> dict[str, object]:
        """For /health: whether what the API knows is current, and what it does when it is not."""
        age = self._monotonic() - self._last_success
        state = "loading" if not self.loaded.is_set() else "stale" if self._stale() else "current"
        return {
            "state": state,
            "seconds_since_update": round(age, 3) if math.isfinite(age) else None,
            "when_stale": self._when_stale,
            "revoked_sessions": len(self._sessions),
            "user_cutoffs": len(self._cutoffs),
        }

    @property
    def refusing(self) -> bool:
        return self._refuse_when_stale and self._stale()

    def _stale(self) -> bool:
        return self._monotonic() - self._last_success > self._stale_after

    async def follow(self) -> None:
        """Runs until cancelled: polls, sooner again after a success, backing off after failures."""
        async with httpx2.AsyncClient(timeout=self._timeout, follow_redirects=False) as client:
            delay = self._poll_seconds
            try:
                while True:
                    try:
                        await self.poll(client)
                    except (FetchError, ValueError, RecursionError) as exc:
                        self._failed(exc)
                        delay = min(delay * 2, max(MAX_RETRY_SECONDS, self._poll_seconds))
                    else:
                        delay = self._poll_seconds
                    await asyncio.sleep(delay)
            finally:
                # A removal cut short is done again from the feed at the next start.
                for removal in self._removals:
                    removal.cancel()

    async def poll(self, client: httpx2.AsyncClient) -> None:
        """Reads every entry since the last poll, a page at a time; FetchError or ValueError if the
        feed cannot be read, keeping everything already known."""
        since, round_now = self._cursor, None
        while True:
            params = {} if since is None else {"since": str(since)}
            page = parse_page(
                await download(
                    client,
                    self._url,
                    params=params,
                    max_bytes=MAX_PAGE_BYTES,
                    timeout=self._timeout,
                )
            )
            round_now = page.now if round_now is None else round_now
            self.apply(page)
            last = page.entries[-1].created_at if page.entries else since
            # A full page ending where it began is one millisecond of 500 entries: never seen, but
            # asking again would loop.
            if not page.more or last == since:
                break
            since = last
        self._cursor = round_now - OVERLAP_MS
        self._succeeded()

    def apply(self, page: Page) -> None:
        """Takes in one page of the feed; an entry already known is skipped."""
        for entry in page.entries:
            if entry.id in self._known:
                continue
            self._known[entry.id] = entry
            self._expires_ms[entry.id] = entry.created_at + page.keep_ms
            if entry.before is None:
                self._sessions.add(entry.key)
            else:
                self._cutoffs[entry.key] = max(
                    entry.before, self._cutoffs.get(entry.key, NO_CUTOFF)
                )
            if entry.deleted_user is not None and self._on_deleted_user is not None:
                # Not awaited: removing tasks waits for the database, and the next poll must not.
                removal = asyncio.create_task(self._on_deleted_user(entry.deleted_user))
                self._removals.add(removal)
                removal.add_done_callback(self._removals.discard)
        if page.now >= self._next_prune_ms:
            self._next_prune_ms = page.now + PRUNE_EVERY_MS
            self._prune(page.now)

    def _prune(self, now_ms: int) -> None:
        """Forgets entries whose every token has expired, by the feed's own clock."""
        expired = [entry_id for entry_id, expires in self._expires_ms.items() if expires <= now_ms]
        if not expired:
            return
        for entry_id in expired:
            del self._known[entry_id], self._expires_ms[entry_id]
        # Rebuilt and swapped whole: a user's cutoff is the latest of the entries left.
        sessions: set[str] = set()
        cutoffs: dict[str, float] = {}
        for entry in self._known.values():
            if entry.before is None:
                sessions.add(entry.key)
            else:
                cutoffs[entry.key] = max(entry.before, cutoffs.get(entry.key, NO_CUTOFF))
        self._sessions, self._cutoffs = sessions, cutoffs

    def _succeeded(self) -> None:
        now = self._monotonic()
        if self._failing_since is not None:
            logger.info("Revocation feed reachable again after %.1f s.", now - self._failing_since)
            self._failing_since, self._next_warning = None, -math.inf
        self._last_success = now
        self.loaded.set()

    def _failed(self, exc: Exception) -> None:
        now = self._monotonic()
        if self._failing_since is None:
            self._failing_since = now
        if now >= self._next_warning:
            self._next_warning = now + WARN_EVERY_SECONDS
            then = "answering 503" if self._when_stale == "refuse" else "still serving"
            logger.warning(
                "Revocation feed not read: %s; keeping the %d entries known, %s once it is"
                " %.0f s stale.",
                exc,
                len(self._known),
                then,
                self._stale_after,
            )
