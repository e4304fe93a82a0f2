"""Settings: the refused secrets and the parsed defaults."""

import pathlib

import pytest
from pydantic import ValidationError

from app.core.config import BACKEND_DIR, Settings
from tests.conftest import TEST_SECRET


@pytest.fixture(autouse=True)
def clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    names = ("JWT_MODE", "JWT_SECRET", "JWT_ISSUER", "JWKS_URL", "CORS_ORIGINS")
    for name in (*names, "JWT_ACCEPT_SHARED_SECRET", "JWT_MAX_LIFETIME_SECONDS"):
        monkeypatch.delenv(name, raising=False)


@pytest.mark.parametrize("secret", [None, "", "short-secret-31-characters-long"])
def test_create_settings_missing_or_short_secret_refused(secret: str | None) -> None:
    values = {} if secret is None else {"JWT_SECRET": secret}

    with pytest.raises(ValidationError) as caught:
        Settings(_env_file=None, **values)

    message = str(caught.value)
    assert "JWT_SECRET is missing or shorter than 32 characters" in message
    assert "BETTER_AUTH_SECRET in frontend/.env.local" in message
    assert not secret or secret not in message


def test_create_settings_secret_from_env_accepted(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("JWT_SECRET", TEST_SECRET)

    assert Settings(_env_file=None).JWT_SECRET.get_secret_value() == TEST_SECRET


def test_create_settings_secret_hidden_from_repr() -> None:
    assert TEST_SECRET not in repr(Settings(_env_file=None, JWT_SECRET=TEST_SECRET))


def test_create_settings_defaults_match_contract(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DATABASE_URL", raising=False)
    monkeypatch.delenv("DATA_DIR", raising=False)
    monkeypatch.delenv("JWT_AUDIENCE", raising=False)

    settings = Settings(_env_file=None, JWT_SECRET=TEST_SECRET)

    assert settings.JWT_MODE == "shared-secret"
    assert settings.JWT_ISSUER == "http://localhost:3000"
    assert settings.JWT_AUDIENCE == "http://localhost:8000"
    assert settings.JWKS_URL == "http://localhost:3000/api/auth/jwks"
    assert settings.JWT_ACCEPT_SHARED_SECRET is False
    assert settings.JWT_MAX_LIFETIME_SECONDS == 3600
    assert settings.CORS_ORIGINS == ["http://localhost:3000"]
    default_db = BACKEND_DIR.parent / "data" / "tasks.db"
    assert settings.DATABASE_URL.removeprefix("sqlite:///") == str(default_db)


def test_create_settings_database_in_data_dir(
    monkeypatch: pytest.MonkeyPatch, tmp_path: pathlib.Path
) -> None:
    monkeypatch.delenv("DATABASE_URL", raising=False)
    monkeypatch.setenv("DATA_DIR", str(tmp_path))

    settings = Settings(_env_file=None, JWT_SECRET=TEST_SECRET)

    expected = tmp_path / "tasks.db"
    assert settings.DATABASE_URL.removeprefix("sqlite:///") == str(expected)


def test_create_settings_explicit_database_wins_over_data_dir(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("DATA_DIR", "/elsewhere")

    settings = Settings(_env_file=None, JWT_SECRET=TEST_SECRET, DATABASE_URL="sqlite:///x.db")

    assert settings.DATABASE_URL == "sqlite:///x.db"


def test_create_settings_jwks_url_follows_issuer() -> None:
    settings = Settings(_env_file=None, JWT_SECRET=TEST_SECRET, JWT_ISSUER="https://app.test/")

    assert settings.JWKS_URL == "https://app.test/api/auth/jwks"


def test_create_settings_cors_origins_split_on_commas(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CORS_ORIGINS", "http://a.test, http://b.test,")

    settings = Settings(_env_file=None, JWT_SECRET=TEST_SECRET)

    assert settings.CORS_ORIGINS == ["http://a.test", "http://b.test"]


def test_create_settings_unknown_mode_refused() -> None:
    with pytest.raises(ValidationError):
        Settings(_env_file=None, JWT_SECRET=TEST_SECRET, JWT_MODE="hs512")


def test_create_settings_jwks_mode_needs_no_secret() -> None:
    assert Settings(_env_file=None, JWT_MODE="jwks").JWT_MODE == "jwks"


def test_create_settings_transition_without_secret_refused() -> None:
    with pytest.raises(ValidationError, match="JWT_SECRET is missing"):
        Settings(_env_file=None, JWT_MODE="jwks", JWT_ACCEPT_SHARED_SECRET=True)


def test_create_settings_transition_with_secret_accepted() -> None:
    settings = Settings(
        _env_file=None, JWT_MODE="jwks", JWT_ACCEPT_SHARED_SECRET=True, JWT_SECRET=TEST_SECRET
    )

    assert settings.JWT_ACCEPT_SHARED_SECRET is True


def test_create_settings_accept_shared_secret_outside_jwks_mode_refused() -> None:
    with pytest.raises(ValidationError, match="only applies to JWT_MODE=jwks"):
        Settings(_env_file=None, JWT_SECRET=TEST_SECRET, JWT_ACCEPT_SHARED_SECRET=True)


@pytest.mark.parametrize("seconds", [0, -1])
def test_create_settings_non_positive_max_lifetime_refused(seconds: int) -> None:
    with pytest.raises(ValidationError):
        Settings(_env_file=None, JWT_SECRET=TEST_SECRET, JWT_MAX_LIFETIME_SECONDS=seconds)


@pytest.mark.parametrize("name", ["JWT_ISSUER", "JWT_AUDIENCE"])
def test_create_settings_empty_issuer_or_audience_refused(name: str) -> None:
    with pytest.raises(ValidationError):
        Settings(_env_file=None, JWT_SECRET=TEST_SECRET, **{name: ""})
