"""Verifies a bearer token: one pinned algorithm per configured key, strict checks, a cache."""

import asyncio
import contextlib
import logging
import time
from collections.abc import AsyncIterator, Callable, Coroutine, Sequence
from typing import Any, Protocol

from jwt.algorithms import Algorithm

from better_auth_jwt.cache import VerifiedTokenCache, cache_key
from better_auth_jwt.claims import ClaimRules, Identity, VerifiedToken
from better_auth_jwt.compact import MAX_TOKEN_LENGTH, parse_json_object, split_token
from better_auth_jwt.errors import TokenError
from better_auth_jwt.fetch import FETCH_TIMEOUT_SECONDS, http_jwks_fetch
from better_auth_jwt.jwks import JwksKeys
from better_auth_jwt.revocations import RevocationFeed
from better_auth_jwt.settings import VerifierSettings
from better_auth_jwt.shared_secret import SharedSecret

logger = logging.getLogger(__name__)

# Headers that point at a key or carry one. Keys come only from configuration, so a token
# naming its own is refused rather than followed.
KEY_HEADERS = frozenset({"jku", "jwk", "x5u", "x5c"})
# A flood of forged tokens must not become a flood of warnings.
HINT_INTERVAL_SECONDS = 60.0


class KeySource(Protocol):
    """The key of one verifier, pinned to exactly one algorithm."""

    alg: str
    mismatch_hint: str | None

    @property
    def algorithm(self) -> Algorithm: ...

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
        self.revocations = revocations
        self._clock = clock
        self._next_hint = float("-inf")

    @classmethod
    def from_settings(
        cls,
        settings: VerifierSettings,
        *,
        on_deleted_user: Callable[[str], Coroutine[Any, Any, None]] | None = None,
    ) -> "TokenVerifier":
        """Shared-secret mode verifies HS256 only, jwks mode EdDSA only; the transition flag adds
        HS256 to jwks mode, each still with its own pinned algorithm and key. `on_deleted_user`
        is called with the id of each deleted account the revocation feed reports."""
        cache = VerifiedTokenCache(settings.cache_size)
        sources: list[KeySource] = []
        if settings.uses_secret:
            sources.append(SharedSecret(settings.secret or "", settings.mismatch_hint))
        if settings.mode == "jwks":
            fetch = http_jwks_fetch(settings.resolved_jwks_url)
            sources.append(JwksKeys(fetch, on_key_removed=cache.clear))
        rules = ClaimRules(
            settings.issuer,
            settings.audience,
            settings.max_lifetime_seconds,
            settings.leeway_seconds,
            require_sid=settings.sid_required,
        )
        revocations = None
        if settings.revocation_url is not None:
            revocations = RevocationFeed(
                settings.revocation_url,
                poll_seconds=settings.revocation_poll_seconds,
                stale_after=settings.revocation_stale_after_seconds,
                when_stale=settings.when_revocations_stale,
                on_deleted_user=on_deleted_user,
            )
        return cls(sources, rules, cache=cache, revocations=revocations)

    @contextlib.asynccontextmanager
    async def running(self) -> AsyncIterator[None]:
        """Keeps fetched keys and the revocation feed current while the block runs.

        Fetching keys is not waited for: the API starts even while the frontend is down. The
        revocation feed is, for up to one fetch timeout, so a restarted API knows every
        revocation before it answers.
        """
        background = [asyncio.create_task(self.keep_keys_fresh())]
        if self.revocations is not None:
            background.append(asyncio.create_task(self.revocations.follow()))
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self.revocations.loaded.wait(), FETCH_TIMEOUT_SECONDS)
        try:
            yield
        finally:
            for task in background:
                task.cancel()
            for task in background:
                with contextlib.suppress(asyncio.CancelledError):
                    await task

    def lifespan(self, _app: object = None) -> contextlib.AbstractAsyncContextManager[None]:
        """`FastAPI(lifespan=verifier.lifespan)`: `running()`, in the shape FastAPI calls."""
        return self.running()

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
            if self.revocations is not None:
                self.revocations.check(verified)
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
