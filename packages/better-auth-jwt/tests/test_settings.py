"""VerifierSettings refuses, at construction and with a message that says what to change, every
configuration that could not work."""

import pytest

from better_auth_jwt import ConfigurationError, VerifierSettings
from better_auth_jwt.testing import AUDIENCE, ISSUER, TEST_SECRET


def settings(**overrides: object) -> VerifierSettings:
    values: dict[str, object] = {"issuer": ISSUER, "audience": AUDIENCE, "secret": TEST_SECRET}
    return VerifierSettings(**{**values, **overrides})  # type: ignore[arg-type]


def test_settings_defaults() -> None:
    built = settings()

    assert (built.mode, built.leeway_seconds, built.max_lifetime_seconds) == (
        "shared-secret",
        30,
        3600,
    )
    assert built.resolved_jwks_url == "http://localhost:3000/api/auth/jwks"
    assert not built.sid_required
    assert settings(revocation_url="http://localhost:3000/api/auth/revocations").sid_required
    assert TEST_SECRET not in repr(built)


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"secret": None}, "secret must be the frontend's BETTER_AUTH_SECRET, at least 32"),
        ({"secret": "short"}, "at least 32 characters"),
        ({"issuer": ""}, "issuer must be Better Auth's base URL"),
        ({"issuer": "localhost:3000"}, "issuer must be Better Auth's base URL"),
        ({"audience": "tasks-api"}, "audience must be this API's URL"),
        ({"mode": "hs512"}, 'mode must be "shared-secret" or "jwks"'),
        ({"accept_shared_secret": True}, "accept_shared_secret only applies to mode='jwks'"),
        ({"mode": "jwks", "jwks_url": "file:///etc/passwd"}, "jwks_url must be"),
        ({"revocation_url": "revocations"}, "revocation_url must be"),
        ({"leeway_seconds": -1}, "leeway_seconds must not be negative"),
        ({"max_lifetime_seconds": 0}, "must be positive"),
        ({"cache_size": 0}, "must be positive"),
        (
            {"when_revocations_stale": "ignore"},
            'when_revocations_stale must be "serve" or "refuse"',
        ),
    ],
)
def test_settings_that_cannot_work_refused_with_a_fix(
    overrides: dict[str, object], message: str
) -> None:
    with pytest.raises(ConfigurationError, match=message):
        settings(**overrides)


def test_settings_jwks_mode_needs_no_secret() -> None:
    assert settings(mode="jwks", secret=None).mode == "jwks"


def test_settings_transition_needs_the_secret() -> None:
    with pytest.raises(ConfigurationError, match="BETTER_AUTH_SECRET"):
        settings(mode="jwks", secret=None, accept_shared_secret=True)
