"""Micro-benchmark of the API's token verifier: µs per verification, cache miss and hit, both modes.

Run it with `npm run bench` (or `PYTHONPATH=backend:bench/.bridge backend/.venv/bin/python
bench/verifier.py`). PyJWT's own `decode` of the same tokens is printed alongside, as the cost the
cache avoids; so is `fastapi-better-auth-bridge`'s `JwtVerifier` on the same EdDSA tokens, the
alternative a user would pick; a storm of unknown `kid`s shows how many JWKS fetches ours causes.
"""

import argparse
import asyncio
import base64
import json
import platform
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass

import jwt
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat
from fastapi_better_auth import JwtVerifier, TransportResponse, User
from fastapi_better_auth import __version__ as bridge_version

from better_auth_jwt import RevocationFeed, TokenError, TokenVerifier
from better_auth_jwt.claims import ClaimRules, id_digest
from better_auth_jwt.jwks import JwksKeys
from better_auth_jwt.revocations import parse_page
from better_auth_jwt.shared_secret import SharedSecret

ISSUER = "http://localhost:3000"
# The bridge takes one origin as both `iss` and `aud`, so the shared tokens name it twice.
AUDIENCE = ISSUER
RULES = ClaimRules(ISSUER, AUDIENCE, max_lifetime=3600, require_sid=True)
# What the API would know after a busy quarter of an hour: this many revoked sessions and cutoffs.
KNOWN_REVOCATIONS = 1_000
SECRET = secrets.token_urlsafe(32)
ED25519_KEY = Ed25519PrivateKey.generate()
KID = "bench-key"


class StaticJwks:
    """Serves the benchmark key as a JWKS document, without a network, counting each fetch."""

    def __init__(self) -> None:
        x = ED25519_KEY.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
        jwk = {"kty": "OKP", "crv": "Ed25519", "alg": "EdDSA", "kid": KID, "x": b64url(x)}
        self.document = json.dumps({"keys": [jwk]}).encode()
        self.fetches = 0

    async def __call__(self) -> bytes:
        self.fetches += 1
        return self.document

    async def get(self, _url: str, **_options: object) -> TransportResponse:
        """The bridge's `Transport` interface onto the same document."""
        return TransportResponse(200, {"content-type": "application/json"}, await self())

    async def post(self, url: str, **_options: object) -> TransportResponse:
        # The bridge's `Transport` protocol names it; verifying a JWT never posts.
        raise NotImplementedError(url)


@dataclass
class Mode:
    name: str
    alg: str
    header: dict[str, str]
    signing_key: object
    verifying_key: object
    verifier: Callable[[RevocationFeed | None], TokenVerifier]

    def sign(self, n: int, **header: str) -> str:
        return jwt.encode(claims(n), self.signing_key, self.alg, headers={**self.header, **header})


MODES = [
    Mode(
        "shared-secret",
        "HS256",
        {"typ": "JWT"},
        SECRET,
        SECRET,
        lambda feed: TokenVerifier([SharedSecret(SECRET)], RULES, revocations=feed),
    ),
    Mode(
        "jwks",
        "EdDSA",
        {"kid": KID},
        ED25519_KEY,
        ED25519_KEY.public_key(),
        lambda feed: TokenVerifier([JwksKeys(StaticJwks())], RULES, revocations=feed),
    ),
]


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def claims(n: int) -> dict[str, object]:
    """A payload shaped like the frontend's: id, email and name, plus the time claims."""
    now = int(time.time())
    return {
        "sub": f"user-{n:08d}",
        "email": f"user-{n}@example.com",
        "name": f"User {n}",
        "sid": f"session-{n:08d}",
        "iss": ISSUER,
        "aud": AUDIENCE,
        "iat": now,
        "exp": now + 900,
    }


async def microseconds_per_call(verifier: TokenVerifier, tokens: list[str]) -> float:
    started = time.perf_counter()
    for token in tokens:
        await verifier.verify(token)
    return (time.perf_counter() - started) / len(tokens) * 1e6


async def bridge_microseconds_per_call(verifier: JwtVerifier, tokens: list[str]) -> float:
    started = time.perf_counter()
    for token in tokens:
        await verifier.verify(token, User)
    return (time.perf_counter() - started) / len(tokens) * 1e6


def pyjwt_microseconds_per_call(mode: Mode, tokens: list[str]) -> float:
    started = time.perf_counter()
    for token in tokens:
        jwt.decode(token, mode.verifying_key, [mode.alg], audience=AUDIENCE, issuer=ISSUER)
    return (time.perf_counter() - started) / len(tokens) * 1e6


def known_revocations() -> RevocationFeed:
    """A feed follower that has read KNOWN_REVOCATIONS sessions and as many user cutoffs, none of
    them the benchmark's tokens; it never polls."""
    entries = [
        entry
        for n in range(KNOWN_REVOCATIONS)
        for entry in (
            {"id": f"s{n}", "kind": "session", "subject": id_digest(f"gone-{n}"), "before": None},
            {"id": f"u{n}", "kind": "user", "subject": id_digest(f"cut-{n}"), "before": 1},
        )
    ]
    page = {"now": 0, "keepSeconds": 960, "more": False, "entries": entries}
    for entry in entries:
        entry["createdAt"] = 0
    feed = RevocationFeed("http://127.0.0.1:9/never-polled")
    feed.apply(parse_page(json.dumps(page).encode()))
    return feed


async def measure(mode: Mode, calls: int, rounds: int, *, with_bridge: bool) -> dict[str, float]:
    """Best of `rounds`: misses verify distinct tokens in a fresh verifier, hits one token again;
    "hit, feed" is the same hit with the revocation check after it, as the API runs by default.

    With `with_bridge`, the bridge's verifier runs on the same tokens in the same rounds, so a
    burst of load from elsewhere cannot favour one side. It keeps no verified-token cache, so its
    "hit" re-verifies the signature each time.
    """
    distinct = [mode.sign(n) for n in range(calls + 1)]
    bridge = JwtVerifier(base_url=ISSUER, transport=StaticJwks()) if with_bridge else None
    if bridge:
        await bridge.verify(distinct[0], User)  # fetches the keys outside the timed part
    best: dict[str, float] = {}

    def keep(name: str, value: float) -> None:
        best[name] = min(best.get(name, value), value)

    feed = known_revocations()
    for _ in range(rounds):
        verifier = mode.verifier(None)
        await verifier.verify(distinct[0])  # loads the keys outside the timed part
        keep("miss", await microseconds_per_call(verifier, distinct[1:]))
        keep("hit", await microseconds_per_call(verifier, [distinct[0]] * calls))
        following = mode.verifier(feed)
        await following.verify(distinct[0])
        keep("hit, feed", await microseconds_per_call(following, [distinct[0]] * calls))
        keep("pyjwt", pyjwt_microseconds_per_call(mode, distinct[1:]))
        if bridge:
            keep("bridge miss", await bridge_microseconds_per_call(bridge, distinct[1:]))
            keep("bridge hit", await bridge_microseconds_per_call(bridge, [distinct[0]] * calls))
    return best


async def kid_storm(tokens: int) -> tuple[int, float]:
    """JWKS fetches caused by `tokens` tokens with random unknown `kid`s, and µs per refusal."""
    jwks = StaticJwks()
    keys = JwksKeys(jwks)
    await keys.refresh()  # what the API does at startup
    verifier = TokenVerifier([keys], RULES)
    storm = [MODES[1].sign(n, kid=secrets.token_hex(16)) for n in range(tokens)]
    fetches_before = jwks.fetches
    started = time.perf_counter()
    for token in storm:
        try:
            await verifier.verify(token)
        except TokenError:
            continue
        raise AssertionError("a token with an unknown kid was accepted")
    elapsed = time.perf_counter() - started
    return jwks.fetches - fetches_before, elapsed / tokens * 1e6


async def main() -> None:
    parser = argparse.ArgumentParser(description="Micro-benchmark of the API's token verifier.")
    parser.add_argument("--quick", action="store_true", help="fewer calls, for a fast check")
    calls, rounds = (2_000, 3) if parser.parse_args().quick else (20_000, 5)

    # Markdown, so bench/run.ts can paste it into RESULTS.md as it is.
    print(
        f"Token verification, µs per call, best of {rounds} rounds of {calls} calls, one process "
        f"(Python {platform.python_version()}, PyJWT {jwt.__version__}, "
        f"fastapi-better-auth-bridge {bridge_version}):\n"
    )
    print(
        "| verifier | alg | cache miss | cache hit | cache hit + revocation check "
        f"({KNOWN_REVOCATIONS:,} sessions and cutoffs known) | PyJWT decode alone |"
    )
    print("|---|---|---:|---:|---:|---:|")
    for mode in MODES:
        best = await measure(mode, calls, rounds, with_bridge=mode.alg == "EdDSA")
        print(
            f"| better-auth-jwt ({mode.name}) | {mode.alg} | {best['miss']:.1f} | {best['hit']:.2f} "
            f"| {best['hit, feed']:.2f} | {best['pyjwt']:.1f} |"
        )
        if "bridge miss" in best:
            print(
                f"| fastapi-better-auth-bridge `JwtVerifier` | EdDSA | {best['bridge miss']:.1f} "
                f"| {best['bridge hit']:.1f} (no cache) | | |"
            )
    fetches, per_refusal = await kid_storm(calls)
    print(
        f"\nUnknown-kid storm: {calls} tokens with random kids caused {fetches} JWKS fetch(es) "
        f"after startup; {per_refusal:.1f} µs per refusal."
    )


if __name__ == "__main__":
    asyncio.run(main())
