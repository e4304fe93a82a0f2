"""TokenVerifier on its own, without FastAPI."""

import logging
import time

import pytest

from app.core.config import Settings
from app.core.security import Identity, TokenError, TokenVerifier, build_verifier
from tests.conftest import OTHER_SECRET, TokenFactory


@pytest.fixture
def verifier(settings: Settings) -> TokenVerifier:
    return build_verifier(settings)


def test_verify_token_valid_returns_identity(
    verifier: TokenVerifier, make_token: TokenFactory
) -> None:
    identity = verifier.verify(make_token("user-a"))

    assert identity == Identity(user_id="user-a", email="user-a@example.com", name="User user-a")


def test_verify_token_without_profile_claims_returns_bare_identity(
    verifier: TokenVerifier, make_token: TokenFactory
) -> None:
    assert verifier.verify(make_token("user-a", email=None, name=None)) == Identity("user-a")


def test_verify_token_within_leeway_accepted(
    verifier: TokenVerifier, make_token: TokenFactory
) -> None:
    assert verifier.verify(make_token(exp=int(time.time()) - 10)).user_id == "user-a"


def test_verify_token_audience_list_naming_api_accepted(
    verifier: TokenVerifier, make_token: TokenFactory, settings: Settings
) -> None:
    token = make_token(aud=["http://elsewhere", settings.JWT_AUDIENCE])

    assert verifier.verify(token).user_id == "user-a"


@pytest.mark.parametrize(
    ("token_args", "reason"),
    [
        ({"exp": int(time.time()) - 120}, "token has expired"),
        ({"iss": "http://evil.example"}, "wrong issuer"),
        ({"aud": "http://localhost:3000"}, "wrong audience"),
        ({"sub": None}, "missing required claim"),
        ({"aud": None}, "missing required claim"),
        ({"iat": None}, "missing required claim"),
        ({"sub": ""}, "sub must be a non-empty string"),
        ({"key": None, "algorithm": "none"}, "algorithm not allowed"),
        ({"key": OTHER_SECRET}, "signature does not match"),
    ],
    ids=["expired", "iss", "aud", "no-sub", "no-aud", "no-iat", "empty-sub", "alg-none", "key"],
)
def test_verify_token_invalid_raises_token_error(
    verifier: TokenVerifier, make_token: TokenFactory, token_args: dict, reason: str
) -> None:
    with pytest.raises(TokenError) as caught:
        verifier.verify(make_token(**token_args))

    assert caught.value.reason == reason


@pytest.mark.parametrize("token", ["", "garbage", "a.b.c", "Bearer x"])
def test_verify_token_malformed_raises_token_error(verifier: TokenVerifier, token: str) -> None:
    with pytest.raises(TokenError, match="malformed token"):
        verifier.verify(token)


def test_verify_token_bad_signature_logs_secret_hint_without_token(
    verifier: TokenVerifier, make_token: TokenFactory, caplog: pytest.LogCaptureFixture
) -> None:
    token = make_token(key=OTHER_SECRET)

    with caplog.at_level(logging.DEBUG), pytest.raises(TokenError):
        verifier.verify(token)

    warnings = [r for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warnings) == 1
    assert "BETTER_AUTH_SECRET" in warnings[0].getMessage()
    assert token not in caplog.text
    assert token.split(".")[2] not in caplog.text


def test_verify_token_other_rejection_logs_debug_only(
    verifier: TokenVerifier, make_token: TokenFactory, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.DEBUG), pytest.raises(TokenError):
        verifier.verify(make_token(iss="http://evil.example"))

    assert [r.levelno for r in caplog.records] == [logging.DEBUG]


def test_build_verifier_jwks_mode_not_implemented() -> None:
    settings = Settings(_env_file=None, JWT_MODE="jwks")

    with pytest.raises(NotImplementedError, match="JWT_MODE=jwks is not implemented yet"):
        build_verifier(settings)
