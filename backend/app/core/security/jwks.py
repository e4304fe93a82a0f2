"""Ed25519 keys from the frontend's JWKS: filtered, refreshed in the background, kept in outages."""

import asyncio
import contextlib
import json
import logging
import time
from collections.abc import Callable

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from jwt.algorithms import OKPAlgorithm

from app.core.security.compact import decode_base64url
from app.core.security.errors import KeysUnavailableError, TokenError
from app.core.security.fetch import FetchError, JwksFetch

logger = logging.getLogger(__name__)

# Better Auth re-reads its keys on every sign; a new key only matters once a token carries it,
# and an unknown `kid` refetches at once, so the background refresh can be unhurried.
REFRESH_SECONDS = 300.0
# A frontend that is still starting is retried after 1, 2, 4… seconds, up to the refresh period.
FIRST_RETRY_SECONDS = 1.0
# However many unknown `kid`s arrive, they cause at most one fetch per this many seconds.
UNKNOWN_KID_COOLDOWN_SECONDS = 30.0
# Better Auth's ids are 32 characters; a longer `kid` is refused without a lookup.
MAX_KID_LENGTH = 256


def parse_jwks(document: bytes) -> dict[str, Ed25519PublicKey]:
    """The Ed25519 signing keys of a JWKS document by `kid`; ValueError if it is not a JWKS."""
    data = json.loads(document)
    entries = data.get("keys") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        raise ValueError('no "keys" list')
    keys: dict[str, Ed25519PublicKey] = {}
    repeated: set[str] = set()
    for entry in entries:
        kid = _signing_key_id(entry)
        if kid is None:
            continue
        try:
            key = Ed25519PublicKey.from_public_bytes(decode_base64url(entry["x"]))
        except ValueError:
            continue
        # Two keys under one `kid` are ambiguous: neither is trusted.
        if kid in keys or kid in repeated:
            repeated.add(kid)
            keys.pop(kid, None)
        else:
            keys[kid] = key
    return keys


def _signing_key_id(entry: object) -> str | None:
    if not (
        isinstance(entry, dict)
        and entry.get("kty") == "OKP"
        and entry.get("crv") == "Ed25519"
        and entry.get("alg") == "EdDSA"
        and entry.get("use", "sig") == "sig"
        and isinstance(entry.get("x"), str)
    ):
        return None
    kid = entry.get("kid")
    return kid if isinstance(kid, str) and 0 < len(kid) <= MAX_KID_LENGTH else None


class JwksKeys:
    """The EdDSA verifier's keys, looked up by `kid` and fetched only from the configured URL."""

    alg = "EdDSA"
    algorithm = OKPAlgorithm()
    # A bad EdDSA signature under a known key is a forgery, not a misconfiguration.
    mismatch_hint: str | None = None

    def __init__(
        self,
        fetch: JwksFetch,
        *,
        on_key_removed: Callable[[], None] = lambda: None,
        refresh_seconds: float = REFRESH_SECONDS,
        cooldown_seconds: float = UNKNOWN_KID_COOLDOWN_SECONDS,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self._fetch = fetch
        self._on_key_removed = on_key_removed
        self._refresh_seconds = refresh_seconds
        self._cooldown_seconds = cooldown_seconds
        self._monotonic = monotonic
        self._keys: dict[str, Ed25519PublicKey] = {}
        self._in_flight: asyncio.Task[bool] | None = None
        self._next_unknown_kid_fetch = float("-inf")

    async def key_for(self, header: dict[str, object]) -> Ed25519PublicKey:
        kid = header.get("kid")
        if not isinstance(kid, str) or not 0 < len(kid) <= MAX_KID_LENGTH:
            raise TokenError("kid must be a short non-empty string")
        key = self._keys.get(kid)
        if key is None:
            await self._refetch_for_unknown_kid()
            key = self._keys.get(kid)
        if key is not None:
            return key
        if not self._keys:
            raise KeysUnavailableError
        raise TokenError("unknown signing key")

    async def refresh(self) -> bool:
        """Fetches the key set, or joins the fetch already running; False if it failed."""
        if self._in_flight is None:
            self._in_flight = asyncio.create_task(self._load())
        # Shielded: a request that gives up must not cancel the fetch others are waiting on.
        return await asyncio.shield(self._in_flight)

    async def keep_fresh(self) -> None:
        """Runs until cancelled: fetches now, then every few minutes, sooner after a failure."""
        retry_delay = FIRST_RETRY_SECONDS
        try:
            while True:
                if await self.refresh():
                    retry_delay = FIRST_RETRY_SECONDS
                    await asyncio.sleep(self._refresh_seconds)
                else:
                    await asyncio.sleep(min(retry_delay, self._refresh_seconds))
                    retry_delay = min(retry_delay * 2, self._refresh_seconds)
        finally:
            if self._in_flight is not None:
                self._in_flight.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await self._in_flight

    async def _refetch_for_unknown_kid(self) -> None:
        if self._in_flight is None:
            now = self._monotonic()
            if now < self._next_unknown_kid_fetch:
                return
            self._next_unknown_kid_fetch = now + self._cooldown_seconds
        await self.refresh()

    async def _load(self) -> bool:
        try:
            keys = parse_jwks(await self._fetch())
        except (FetchError, ValueError, RecursionError) as exc:
            self._keep_known_keys(f"could not fetch it ({exc})")
            return False
        finally:
            self._in_flight = None
        if not keys:
            self._keep_known_keys("it holds no Ed25519 signing key")
            return False
        removed = self._keys.keys() - keys.keys()
        if keys.keys() != self._keys.keys():
            logger.info("Signing keys now: %s", ", ".join(sorted(keys)))
        self._keys = keys
        if removed:
            self._on_key_removed()
        return True

    def _keep_known_keys(self, problem: str) -> None:
        logger.warning(
            "JWKS not refreshed: %s; keeping the %d signing keys already known.",
            problem,
            len(self._keys),
        )
