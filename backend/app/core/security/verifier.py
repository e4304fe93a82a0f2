"""Verifies a bearer token: one pinned algorithm per configured key, strict checks, a cache."""

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable, Sequence
from typing import Any, Protocol

from jwt.algorithms import Algorithm

from app.core.config import Settings
from app.core.security.cache import VerifiedTokenCache, cache_key
from app.core.security.claims import ClaimRules, Identity, VerifiedToken
from app.core.security.compact import MAX_TOKEN_LENGTH, parse_json_object, split_token
from app.core.security.errors import TokenError
from app.core.security.fetch import http_jwks_fetch
from app.core.security.jwks import JwksKeys
from app.core.security.revocations import RevocationFeed
from app.core.security.shared_secret import SharedSecret

logger = logging.getLogger(__name__)

# Headers that point at a key or carry one. Keys come only from configuration, so a token
# naming its own is refused rather than followed.
KEY_HEADERS = frozenset({"jku", "jwk", "x5u", "x5c"})
# A flood of forged tokens must not become a flood of warnings.
HINT_INTERVAL_SECONDS = 60.0


class KeySource(Protocol):
    """The key of one verifier, pinned to exactly one algorithm."""

    alg: str
    algorithm: Algorithm
    mismatch_hint: str | None

    async def key_for(self, header: dict[str, object]) -> Any: ...

    async def keep_fresh(self) -> None: ...


class TokenVerifier:
    """Picks the configured verifier for the token's `alg`; any other `alg` is refused."""

    def __init__(
        self,
        sources: Sequence[KeySource],
        rules: ClaimRules,
        *,
        cache: VerifiedTokenCache | None = None,
        revocations: RevocationFeed | None = None,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self._sources = {source.alg: source for source in sources}
        self._rules = rules
        self._cache = cache if cache is not None else VerifiedTokenCache()
        self._revocations = revocations
        self._clock = clock
        self._next_hint = float("-inf")

    async def verify(self, token: str) -> Identity:
        try:
            if len(token) > MAX_TOKEN_LENGTH:
                raise TokenError("token is too long")
            key = cache_key(token)
            verified = self._cache.get(key, self._clock())
            if verified is None:
                verified = await self._verify_uncached(token)
                self._cache.put(key, verified)
            # After the cache, on every request: a revocation also ends tokens verified before it.
            if self._revocations is not None:
                self._revocations.check(verified)
        except TokenError as exc:
            logger.debug("Rejected a token: %s", exc.reason)
            raise
        return verified.identity

    async def keep_keys_fresh(self) -> None:
        """Runs until cancelled, keeping every fetched key set current."""
        await asyncio.gather(*(source.keep_fresh() for source in self._sources.values()))

    async def _verify_uncached(self, token: str) -> VerifiedToken:
        jws = split_token(token)
        source = self._source_for(jws.header)
        key = await source.key_for(jws.header)
        if not source.algorithm.verify(jws.signing_input, key, jws.signature):
            self._hint(source.mismatch_hint)
            raise TokenError("signature does not match")
        return self._rules.check(parse_json_object(jws.payload), self._clock())

    def _source_for(self, header: dict[str, object]) -> KeySource:
        alg = header.get("alg")
        source = self._sources.get(alg) if isinstance(alg, str) else None
        if source is None:
            raise TokenError("algorithm not allowed")
        if "crit" in header:
            raise TokenError("critical header extensions are not supported")
        if not KEY_HEADERS.isdisjoint(header):
            raise TokenError("keys named by the token are not trusted")
        # Explicit typing (RFC 8725): tokens typed as something else are meant for someone else.
        typ = header.get("typ", "JWT")
        if not isinstance(typ, str) or typ.lower() not in {"jwt", "application/jwt"}:
            raise TokenError("not an access token")
        return source

    def _hint(self, hint: str | None) -> None:
        now = time.monotonic()
        if hint and now >= self._next_hint:
            self._next_hint = now + HINT_INTERVAL_SECONDS
            logger.warning(hint)


def build_verifier(settings: Settings, revocations: RevocationFeed | None = None) -> TokenVerifier:
    """Shared-secret mode verifies HS256 only, jwks mode EdDSA only; the transition flag adds
    HS256 to jwks mode, each still with its own pinned algorithm and key."""
    cache = VerifiedTokenCache()
    sources: list[KeySource] = []
    if settings.JWT_MODE == "shared-secret" or settings.JWT_ACCEPT_SHARED_SECRET:
        sources.append(SharedSecret(settings.JWT_SECRET.get_secret_value()))
    if settings.JWT_MODE == "jwks":
        sources.append(JwksKeys(http_jwks_fetch(settings.JWKS_URL), on_key_removed=cache.clear))
    rules = ClaimRules(
        settings.JWT_ISSUER,
        settings.JWT_AUDIENCE,
        settings.JWT_MAX_LIFETIME_SECONDS,
        require_sid=bool(settings.JWT_REQUIRE_SID),
    )
    return TokenVerifier(sources, rules, cache=cache, revocations=revocations)


def build_revocation_feed(
    settings: Settings, on_deleted_user: Callable[[str], Awaitable[None]] | None = None
) -> RevocationFeed | None:
    if not settings.JWT_REVOCATION_FEED:
        return None
    return RevocationFeed(
        str(settings.JWT_REVOCATION_URL),
        poll_seconds=settings.JWT_REVOCATION_POLL_SECONDS,
        stale_after=settings.JWT_REVOCATION_STALE_AFTER_SECONDS,
        when_stale=settings.JWT_WHEN_REVOCATIONS_STALE,
        on_deleted_user=on_deleted_user,
    )
