"""TokenVerifier on its own: the modes, the transition, the cache, and what it logs."""

import asyncio
import contextlib
import dataclasses
import logging
import time
from collections.abc import Callable

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from better_auth_jwt import Identity, KeysUnavailableError, TokenError, VerifierSettings
from better_auth_jwt.claims import LEEWAY_SECONDS, ClaimRules
from better_auth_jwt.compact import MAX_TOKEN_LENGTH
from better_auth_jwt.shared_secret import SharedSecret
from better_auth_jwt.testing import (
    KID,
    OTHER_SECRET,
    TEST_SECRET,
    JwksServer,
    ManualClock,
    TokenFactory,
    forge,
    jwks_document,
    public_jwk,
)
from better_auth_jwt.verifier import HINT_INTERVAL_SECONDS, TokenVerifier

pytestmark = pytest.mark.anyio

EdDSAFactory = Callable[..., str]


class CountingSecret(SharedSecret):
    """The shared secret, counting how often a signature check asks for it."""

    def __init__(self, secret: str) -> None:
        super().__init__(secret)
        self.lookups = 0

    async def key_for(self, header: dict[str, object]) -> bytes:
        self.lookups += 1
        return await super().key_for(header)


def transition_settings(jwks_settings: VerifierSettings) -> VerifierSettings:
    return dataclasses.replace(jwks_settings, accept_shared_secret=True, secret=TEST_SECRET)


async def test_verify_shared_secret_mode_accepts_hs256(
    settings: VerifierSettings, make_token: TokenFactory
) -> None:
    identity = await TokenVerifier.from_settings(settings).verify(make_token("user-a"))

    assert identity == Identity("user-a", "user-a@example.com", "User user-a", "session-of-user-a")


async def test_verify_jwks_mode_accepts_eddsa(
    jwks_settings: VerifierSettings, make_eddsa_token: EdDSAFactory
) -> None:
    identity = await TokenVerifier.from_settings(jwks_settings).verify(make_eddsa_token("user-a"))

    assert identity == Identity("user-a", "user-a@example.com", "User user-a", "session-of-user-a")


async def test_verify_shared_secret_mode_refuses_eddsa(
    settings: VerifierSettings, make_eddsa_token: EdDSAFactory
) -> None:
    with pytest.raises(TokenError, match="algorithm not allowed"):
        await TokenVerifier.from_settings(settings).verify(make_eddsa_token())


async def test_verify_jwks_mode_refuses_hs256(
    jwks_settings: VerifierSettings, make_token: TokenFactory, jwks_server: JwksServer
) -> None:
    with pytest.raises(TokenError, match="algorithm not allowed"):
        await TokenVerifier.from_settings(jwks_settings).verify(make_token())
    assert jwks_server.requests == []


async def test_verify_transition_accepts_both_kinds(
    jwks_settings: VerifierSettings, make_token: TokenFactory, make_eddsa_token: EdDSAFactory
) -> None:
    verifier = TokenVerifier.from_settings(transition_settings(jwks_settings))

    assert (await verifier.verify(make_token("user-a"))).user_id == "user-a"
    assert (await verifier.verify(make_eddsa_token("user-b"))).user_id == "user-b"


async def test_verify_transition_hs256_with_other_secret_refused(
    jwks_settings: VerifierSettings, make_token: TokenFactory
) -> None:
    verifier = TokenVerifier.from_settings(transition_settings(jwks_settings))

    with pytest.raises(TokenError, match="signature does not match"):
        await verifier.verify(make_token(key=OTHER_SECRET))


async def test_verify_jwks_mode_endpoint_down_raises_keys_unavailable(
    jwks_settings: VerifierSettings, make_eddsa_token: EdDSAFactory, jwks_server: JwksServer
) -> None:
    jwks_server.status = 503

    with pytest.raises(KeysUnavailableError):
        await TokenVerifier.from_settings(jwks_settings).verify(make_eddsa_token())


async def test_verify_same_token_twice_checks_signature_once(
    settings: VerifierSettings, make_token: TokenFactory
) -> None:
    secret = CountingSecret(TEST_SECRET)
    verifier = TokenVerifier([secret], ClaimRules(settings.issuer, settings.audience, 3600))
    token = make_token()

    first, second = await verifier.verify(token), await verifier.verify(token)

    assert first == second
    assert secret.lookups == 1


async def test_verify_cached_token_past_expiry_refused(
    settings: VerifierSettings, make_token: TokenFactory
) -> None:
    clock = ManualClock(time.time())
    rules = ClaimRules(settings.issuer, settings.audience, 3600)
    verifier = TokenVerifier([SharedSecret(TEST_SECRET)], rules, clock=clock)
    exp = int(clock.now) + 60
    token = make_token(exp=exp)
    await verifier.verify(token)
    clock.now = exp + LEEWAY_SECONDS - 0.001
    await verifier.verify(token)

    clock.now = exp + LEEWAY_SECONDS

    with pytest.raises(TokenError, match="token has expired"):
        await verifier.verify(token)


async def test_verify_cached_token_of_removed_key_refused(
    jwks_settings: VerifierSettings,
    make_eddsa_token: EdDSAFactory,
    jwks_server: JwksServer,
) -> None:
    verifier = TokenVerifier.from_settings(jwks_settings)
    refresher = asyncio.ensure_future(verifier.keep_keys_fresh())
    while not jwks_server.requests:
        await asyncio.sleep(0.01)
    token = make_eddsa_token()
    await verifier.verify(token)
    jwks_server.body = jwks_document(public_jwk(Ed25519PrivateKey.generate(), kid="new"))
    # An unknown kid makes the verifier refetch, and the refetch drops the old key.
    with pytest.raises(TokenError, match="unknown signing key"):
        await verifier.verify(make_eddsa_token(kid="unheard-of"))

    with pytest.raises(TokenError, match="unknown signing key"):
        await verifier.verify(token)
    assert len(jwks_server.requests) == 2
    refresher.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await refresher


async def test_verify_too_long_token_refused_before_parsing(settings: VerifierSettings) -> None:
    with pytest.raises(TokenError, match="token is too long"):
        await TokenVerifier.from_settings(settings).verify("x" * (MAX_TOKEN_LENGTH + 1))


async def test_verify_longest_allowed_token_parsed(settings: VerifierSettings) -> None:
    with pytest.raises(TokenError, match="malformed token"):
        await TokenVerifier.from_settings(settings).verify("x" * MAX_TOKEN_LENGTH)


async def test_verify_refused_token_logs_reason_at_debug_without_token(
    settings: VerifierSettings, make_token: TokenFactory, caplog: pytest.LogCaptureFixture
) -> None:
    token = make_token(iss="http://evil.example")

    with caplog.at_level(logging.DEBUG), pytest.raises(TokenError):
        await TokenVerifier.from_settings(settings).verify(token)

    assert [(r.levelno, r.getMessage()) for r in caplog.records] == [
        (logging.DEBUG, "Rejected a token: wrong issuer")
    ]


async def test_verify_bad_signatures_log_secret_hint_once_per_interval(
    settings: VerifierSettings, make_token: TokenFactory, caplog: pytest.LogCaptureFixture
) -> None:
    verifier = TokenVerifier.from_settings(settings)
    tokens = [make_token(sub, key=OTHER_SECRET) for sub in ("a", "b", "c")]

    with caplog.at_level(logging.DEBUG):
        for token in tokens:
            with pytest.raises(TokenError, match="signature does not match"):
                await verifier.verify(token)

    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warnings) == 1
    assert "the API's secret probably differs from the frontend's BETTER_AUTH_SECRET" in warnings[0]
    assert HINT_INTERVAL_SECONDS >= 60
    assert not any(token.split(".")[2] in caplog.text for token in tokens)


async def test_verify_forged_eddsa_signature_logs_no_secret_hint(
    jwks_settings: VerifierSettings,
    make_claims: Callable[..., dict],
    caplog: pytest.LogCaptureFixture,
) -> None:
    token = forge({"alg": "EdDSA", "kid": KID}, make_claims(), Ed25519PrivateKey.generate())

    with caplog.at_level(logging.DEBUG), pytest.raises(TokenError, match="signature"):
        await TokenVerifier.from_settings(jwks_settings).verify(token)

    assert not [r for r in caplog.records if r.levelno >= logging.WARNING]


async def test_keep_keys_fresh_shared_secret_mode_returns_at_once(
    settings: VerifierSettings,
) -> None:
    await TokenVerifier.from_settings(settings).keep_keys_fresh()
