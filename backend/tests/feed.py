"""A revocation feed on loopback, answering as frontend/lib/revocation-feed.ts does."""

import json
import time
import uuid
from typing import Any
from urllib.parse import parse_qs, urlsplit

from tests.signing import JwksServer

KEEP_SECONDS = 960


class FeedServer(JwksServer):
    """Publishes the entries added to it, `since` (ms, inclusive) and pages of `page_size`."""

    def __init__(self, page_size: int = 500) -> None:
        super().__init__()
        self.entries: list[dict[str, Any]] = []
        self.page_size = page_size
        # The feed's clock, in milliseconds; None follows the real one.
        self.now: int | None = None

    @property
    def url(self) -> str:
        return super().url.replace("/jwks", "/revocations")

    def add(self, kind: str, subject: str, before: float | None = None) -> dict[str, Any]:
        created = self.now if self.now is not None else int(time.time() * 1000)
        entry = {"id": uuid.uuid4().hex, "kind": kind, "subject": subject, "before": before}
        self.entries.append({**entry, "createdAt": created})
        return entry

    def document(self, path: str) -> bytes:
        since = parse_qs(urlsplit(path).query).get("since")
        start = int(since[0]) if since else 0
        now = self.now if self.now is not None else int(time.time() * 1000)
        published = [e for e in self.entries if e["createdAt"] + KEEP_SECONDS * 1000 > now]
        page = [e for e in published if e["createdAt"] >= start][: self.page_size]
        more = len(page) == self.page_size
        answer = {"now": now, "keepSeconds": KEEP_SECONDS, "more": more, "entries": page}
        return json.dumps(answer).encode()
