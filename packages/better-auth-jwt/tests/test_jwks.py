"""The JWKS key set: which keys count, one fetch per storm, and old keys kept through outages."""

import asyncio
import logging
import secrets

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from better_auth_jwt.errors import KeysUnavailableError, TokenError
from better_auth_jwt.fetch import FetchError
from better_auth_jwt.jwks import MAX_KID_LENGTH, JwksKeys, parse_jwks
from better_auth_jwt.testing import KID, ManualClock, jwks_document, public_jwk

pytestmark = pytest.mark.anyio

COOLDOWN = 30.0


class FakeFetch:
    """Answers with `answer` (raised when it is an exception), after `gate` opens if one is set."""

    def __init__(self, answer: bytes | Exception) -> None:
        self.answer = answer
        self.calls = 0
        self.gate: asyncio.Event | None = None
        self.cancelled = False

    async def __call__(self) -> bytes:
        self.calls += 1
        try:
            if self.gate is not None:
                await self.gate.wait()
        except asyncio.CancelledError:
            self.cancelled = True
            raise
        if isinstance(self.answer, Exception):
            raise self.answer
        return self.answer


@pytest.fixture
def key() -> Ed25519PrivateKey:
    return Ed25519PrivateKey.generate()


@pytest.fixture
def fetch(key: Ed25519PrivateKey) -> FakeFetch:
    return FakeFetch(jwks_document(public_jwk(key)))


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock()


@pytest.fixture
def keys(fetch: FakeFetch, clock: ManualClock) -> JwksKeys:
    return JwksKeys(fetch, cooldown_seconds=COOLDOWN, monotonic=clock)


def test_parse_jwks_better_auth_key_accepted(key: Ed25519PrivateKey) -> None:
    parsed = parse_jwks(jwks_document(public_jwk(key), public_jwk(key, kid="k2", use="sig")))

    assert list(parsed) == [KID, "k2"]
    assert parsed[KID].public_bytes_raw() == key.public_key().public_bytes_raw()


@pytest.mark.parametrize(
    "fields",
    [
        {"use": "enc"},
        {"kty": "EC"},
        {"crv": "Ed448"},
        {"crv": "X25519"},
        {"alg": None},
        {"alg": "ES256"},
        {"alg": "HS256"},
        {"x": "AAAA"},
        {"x": None},
        {"kid": ""},
        {"kid": 7},
        {"kid": None},
        {"kid": "k" * (MAX_KID_LENGTH + 1)},
    ],
    ids=lambda fields: "-".join(f"{k}={v}"[:20] for k, v in fields.items()),
)
def test_parse_jwks_key_not_ed25519_signing_key_skipped(
    key: Ed25519PrivateKey, fields: dict[str, object]
) -> None:
    good = public_jwk(Ed25519PrivateKey.generate(), kid="good")

    assert list(parse_jwks(jwks_document(public_jwk(key, **fields), good))) == ["good"]


def test_parse_jwks_repeated_kid_trusts_neither(key: Ed25519PrivateKey) -> None:
    other = Ed25519PrivateKey.generate()
    document = jwks_document(
        public_jwk(key), public_jwk(other), public_jwk(other, kid="k2"), public_jwk(key)
    )

    assert list(parse_jwks(document)) == ["k2"]


@pytest.mark.parametrize(
    "document",
    [b"<html>", b"[]", b'{"keys": {}}', b"{}", b"\xff", b"[" * 100_000],
    ids=["html", "array", "keys-object", "no-keys", "not-utf-8", "deeply-nested"],
)
def test_parse_jwks_not_a_jwks_raises(document: bytes) -> None:
    with pytest.raises((ValueError, RecursionError)):
        parse_jwks(document)


async def test_key_for_known_kid_needs_no_fetch(keys: JwksKeys, fetch: FakeFetch) -> None:
    await keys.refresh()

    await keys.key_for({"kid": KID})

    assert fetch.calls == 1


async def test_key_for_unknown_kid_storm_fetches_once_per_cooldown(
    keys: JwksKeys, fetch: FakeFetch, clock: ManualClock
) -> None:
    await keys.refresh()

    async def storm() -> None:
        for outcome in await asyncio.gather(
            *(keys.key_for({"kid": secrets.token_hex(8)}) for _ in range(200)),
            return_exceptions=True,
        ):
            assert isinstance(outcome, TokenError)

    await storm()
    after_first = fetch.calls
    clock.now += COOLDOWN - 1
    await storm()
    after_second = fetch.calls
    clock.now += 1
    await storm()

    assert (after_first, after_second, fetch.calls) == (2, 2, 3)


async def test_key_for_kid_of_new_key_fetches_it(
    keys: JwksKeys, fetch: FakeFetch, key: Ed25519PrivateKey
) -> None:
    await keys.refresh()
    rotated = Ed25519PrivateKey.generate()
    fetch.answer = jwks_document(public_jwk(key), public_jwk(rotated, kid="k2"))

    found = await keys.key_for({"kid": "k2"})

    assert found.public_bytes_raw() == rotated.public_key().public_bytes_raw()
    assert fetch.calls == 2


async def test_refresh_concurrent_callers_share_one_fetch(keys: JwksKeys, fetch: FakeFetch) -> None:
    fetch.gate = asyncio.Event()
    waiting = [asyncio.ensure_future(keys.refresh()) for _ in range(50)]
    await asyncio.sleep(0)
    fetch.gate.set()

    assert await asyncio.gather(*waiting) == [True] * 50
    assert fetch.calls == 1


async def test_refresh_caller_cancelled_leaves_fetch_running_for_others(
    keys: JwksKeys, fetch: FakeFetch
) -> None:
    fetch.gate = asyncio.Event()
    impatient = asyncio.ensure_future(keys.refresh())
    patient = asyncio.ensure_future(keys.refresh())
    await asyncio.sleep(0)
    impatient.cancel()
    fetch.gate.set()

    assert await patient is True
    assert not fetch.cancelled


@pytest.mark.parametrize(
    "answer",
    [FetchError("HTTP 502"), b"<html>down</html>", b'{"keys": []}'],
    ids=["unreachable", "garbage", "no-usable-key"],
)
async def test_refresh_failing_keeps_last_known_keys(
    keys: JwksKeys,
    fetch: FakeFetch,
    answer: bytes | Exception,
    caplog: pytest.LogCaptureFixture,
) -> None:
    await keys.refresh()
    fetch.answer = answer

    assert await keys.refresh() is False
    assert await keys.key_for({"kid": KID})
    assert "keeping the 1 signing keys already known" in caplog.text


async def test_key_for_no_keys_and_endpoint_down_raises_keys_unavailable(
    keys: JwksKeys, fetch: FakeFetch
) -> None:
    fetch.answer = FetchError("ConnectError")

    with pytest.raises(KeysUnavailableError):
        await keys.key_for({"kid": KID})
    with pytest.raises(KeysUnavailableError):
        await keys.key_for({"kid": KID})
    assert fetch.calls == 1


async def test_key_for_no_keys_yet_fetches_them(keys: JwksKeys, fetch: FakeFetch) -> None:
    assert await keys.key_for({"kid": KID})
    assert fetch.calls == 1


@pytest.mark.parametrize(
    "kid",
    [None, "", 7, ["k"], "k" * (MAX_KID_LENGTH + 1)],
    ids=["missing", "empty", "number", "list", "too-long"],
)
async def test_key_for_bad_kid_refused_without_fetch(
    keys: JwksKeys, fetch: FakeFetch, kid: object
) -> None:
    header = {} if kid is None else {"kid": kid}

    with pytest.raises(TokenError, match="kid must be a short non-empty string"):
        await keys.key_for(header)
    assert fetch.calls == 0


async def test_refresh_key_removed_reports_it(
    fetch: FakeFetch, clock: ManualClock, key: Ed25519PrivateKey
) -> None:
    removals: list[None] = []
    keys = JwksKeys(fetch, on_key_removed=lambda: removals.append(None), monotonic=clock)
    await keys.refresh()
    fetch.answer = jwks_document(public_jwk(key), public_jwk(key, kid="k2"))
    await keys.refresh()
    fetch.answer = jwks_document(public_jwk(key, kid="k2"))

    await keys.refresh()

    assert len(removals) == 1
    with pytest.raises(TokenError, match="unknown signing key"):
        await keys.key_for({"kid": KID})


async def test_keep_fresh_retries_failures_then_keeps_refreshing(
    fetch: FakeFetch, key: Ed25519PrivateKey, caplog: pytest.LogCaptureFixture
) -> None:
    good = fetch.answer
    fetch.answer = FetchError("ConnectError")
    keys = JwksKeys(fetch, refresh_seconds=0.01)
    task = asyncio.ensure_future(keys.keep_fresh())
    while fetch.calls < 2:
        await asyncio.sleep(0.005)
    fetch.answer = good
    while fetch.calls < 5:
        await asyncio.sleep(0.005)
    task.cancel()

    with pytest.raises(asyncio.CancelledError):
        await task
    assert await keys.key_for({"kid": KID})
    assert caplog.text.count("JWKS not refreshed") >= 2


async def test_keep_fresh_cancelled_cancels_fetch_in_flight(fetch: FakeFetch) -> None:
    fetch.gate = asyncio.Event()
    keys = JwksKeys(fetch)
    task = asyncio.ensure_future(keys.keep_fresh())
    while fetch.calls < 1:
        await asyncio.sleep(0)

    task.cancel()

    with pytest.raises(asyncio.CancelledError):
        await task
    assert fetch.cancelled


async def test_refresh_logs_new_key_set_at_info(
    keys: JwksKeys, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.INFO):
        await keys.refresh()
        await keys.refresh()

    assert [r.getMessage() for r in caplog.records] == [f"Signing keys now: {KID}"]
