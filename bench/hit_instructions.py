"""Instructions per verified-token cache hit, counted by callgrind rather than timed, so the
figure holds on a noisy machine: `python bench/hit_instructions.py` (needs valgrind).

Each variant runs twice under callgrind, with 0 and with N hits after one warm-up verification;
the difference divided by N is the cost of one hit. Variants: the verifier without a revocation
feed, and with one that knows 1,000 revoked sessions and 1,000 user cutoffs (the API's default).
"""

import asyncio
import json
import re
import secrets
import subprocess
import sys
import time
from pathlib import Path

import jwt
from better_auth_jwt import TokenVerifier
from better_auth_jwt.claims import ClaimRules, id_digest
from better_auth_jwt.revocations import RevocationFeed, parse_page
from better_auth_jwt.shared_secret import SharedSecret

SECRET = secrets.token_urlsafe(32)
HITS = 20_000
KNOWN = 1_000


def verifier(with_feed: bool) -> TokenVerifier:
    rules = ClaimRules("http://i.test", "http://a.test", 3600, require_sid=with_feed)
    if not with_feed:
        return TokenVerifier([SharedSecret(SECRET)], rules)
    entries = [
        {
            "id": f"{kind}{n}",
            "kind": kind,
            "subject": id_digest(f"{kind}-{n}"),
            "createdAt": 0,
            "before": None if kind == "session" else 1,
        }
        for kind in ("session", "user")
        for n in range(KNOWN)
    ]
    feed = RevocationFeed("http://127.0.0.1:9/never-polled")
    page = {"now": 0, "keepSeconds": 960, "more": False, "entries": entries}
    feed.apply(parse_page(json.dumps(page).encode()))
    return TokenVerifier([SharedSecret(SECRET)], rules, revocations=feed)


async def hits(count: int, with_feed: bool) -> None:
    now = int(time.time())
    claims = {"sub": "u", "sid": "s", "iss": "http://i.test", "aud": "http://a.test", "iat": now}
    token = jwt.encode({**claims, "exp": now + 900}, SECRET)
    checked = verifier(with_feed)
    await checked.verify(token)
    for _ in range(count):
        await checked.verify(token)


def instructions(count: int, with_feed: bool) -> int:
    command = [
        "valgrind",
        "--tool=callgrind",
        "--callgrind-out-file=/dev/null",
        sys.executable,
        __file__,
        "--run",
        str(count),
        "feed" if with_feed else "plain",
    ]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stderr  # noqa: S603
    return int(re.search(r"Collected : (\d+)", output).group(1))  # type: ignore[union-attr]


def main() -> None:
    print(f"Instructions per cache hit (callgrind, {HITS:,} hits, {Path(sys.executable).name}):")
    for with_feed in (False, True):
        per_hit = (instructions(HITS, with_feed) - instructions(0, with_feed)) / HITS
        label = (
            f"with a revocation feed ({KNOWN:,} sessions and cutoffs known)"
            if with_feed
            else "without a revocation feed"
        )
        print(f"  {label}: {per_hit:,.0f}")


if __name__ == "__main__":
    if sys.argv[1:2] == ["--run"]:
        asyncio.run(hits(int(sys.argv[2]), sys.argv[3] == "feed"))
    else:
        main()
