"""Application settings, read once from the environment and backend/.env."""

from functools import lru_cache
from pathlib import Path
from typing import Annotated, Literal, Self

from pydantic import Field, SecretStr, field_validator, model_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

BACKEND_DIR = Path(__file__).resolve().parents[2]
MIN_SECRET_LENGTH = 32
SECRET_HINT = (
    f"JWT_SECRET is missing or shorter than {MIN_SECRET_LENGTH} characters. Set it in "
    "backend/.env to the exact value of BETTER_AUTH_SECRET in frontend/.env.local "
    "(running `npm run dev` generates both)."
)


class DatabaseSettings(BaseSettings):
    """The database part alone, so `alembic upgrade` works without a JWT secret."""

    model_config = SettingsConfigDict(env_file=BACKEND_DIR / ".env", extra="ignore")

    # Where the default SQLite file lives; the frontend keeps its own database there too.
    DATA_DIR: Path = BACKEND_DIR.parent / "data"
    # Empty means the SQLite file tasks.db in DATA_DIR.
    DATABASE_URL: str = ""

    @model_validator(mode="after")
    def default_database(self) -> Self:
        if not self.DATABASE_URL:
            self.DATABASE_URL = f"sqlite:///{self.DATA_DIR.resolve() / 'tasks.db'}"
        return self


class SenderSettings(DatabaseSettings):
    """The reminder sender's part: how mail goes out, and how the sender shares work."""

    # As the frontend's password resets: SMTP when set, else a JSON file per message in OUTBOX_DIR.
    SMTP_URL: str = ""
    MAIL_FROM: str = "Tasks <no-reply@localhost>"
    # Empty means DATA_DIR/outbox, the folder the frontend writes to.
    OUTBOX_DIR: Path | None = None
    # Run the sender inside each API process (its lifespan); off when it runs as its own command.
    REMINDER_SENDER: bool = True
    REMINDER_POLL_SECONDS: float = Field(default=1.0, gt=0, le=60)
    REMINDER_BATCH_SIZE: int = Field(default=100, gt=0, le=1000)
    # A claim not finished by then (the sender died) is taken over by another sender.
    REMINDER_LEASE_SECONDS: float = Field(default=60.0, gt=0)
    IDEMPOTENCY_KEY_HOURS: float = Field(default=24.0, gt=0)

    @model_validator(mode="after")
    def default_outbox(self) -> Self:
        if self.OUTBOX_DIR is None:
            self.OUTBOX_DIR = self.DATA_DIR / "outbox"
        return self


class Settings(SenderSettings):
    # A refused secret must not be echoed into startup logs by the validation error.
    model_config = SettingsConfigDict(hide_input_in_errors=True)

    JWT_MODE: Literal["shared-secret", "jwks"] = "shared-secret"
    JWT_SECRET: SecretStr = SecretStr("")
    # jwks mode only: also accept HS256 tokens signed with JWT_SECRET while moving between modes.
    JWT_ACCEPT_SHARED_SECRET: bool = False
    JWT_ISSUER: str = Field(default="http://localhost:3000", min_length=1)
    JWT_AUDIENCE: str = Field(default="http://localhost:8000", min_length=1)
    # Better Auth's tokens live 15 minutes; a longer-lived one was not minted for this API.
    JWT_MAX_LIFETIME_SECONDS: int = Field(default=3600, gt=0)
    JWKS_URL: str | None = None
    # Follow the frontend's revocation feed, so sign-out ends a token within a second, not at `exp`.
    JWT_REVOCATION_FEED: bool = True
    JWT_REVOCATION_URL: str | None = None
    # Default: required exactly when the feed is followed. False while old tokens without `sid`
    # are still in use (a rollout of at most one token lifetime).
    JWT_REQUIRE_SID: bool | None = None
    JWT_REVOCATION_POLL_SECONDS: float = Field(default=0.25, gt=0, le=60)
    JWT_REVOCATION_STALE_AFTER_SECONDS: float = Field(default=30, gt=0)
    # Once the feed is stale: keep serving (a revoked token lives until its `exp`) or answer 503.
    JWT_WHEN_REVOCATIONS_STALE: Literal["serve", "refuse"] = "serve"
    # A task is at most a few KB; anything far larger is a mistake or an attack.
    MAX_BODY_BYTES: int = Field(default=64 * 1024, gt=0)
    # NoDecode: the env value is a plain comma-separated string, not JSON.
    CORS_ORIGINS: Annotated[list[str], NoDecode] = ["http://localhost:3000"]

    @field_validator("CORS_ORIGINS", mode="before")
    @classmethod
    def split_origins(cls, value: object) -> object:
        if isinstance(value, str):
            return [origin.strip() for origin in value.split(",") if origin.strip()]
        return value

    @model_validator(mode="after")
    def check_signing_config(self) -> Self:
        if self.JWT_ACCEPT_SHARED_SECRET and self.JWT_MODE != "jwks":
            raise ValueError("JWT_ACCEPT_SHARED_SECRET only applies to JWT_MODE=jwks.")
        uses_secret = self.JWT_MODE == "shared-secret" or self.JWT_ACCEPT_SHARED_SECRET
        if uses_secret and len(self.JWT_SECRET.get_secret_value()) < MIN_SECRET_LENGTH:
            raise ValueError(SECRET_HINT)
        if self.JWKS_URL is None:
            self.JWKS_URL = f"{self.JWT_ISSUER.rstrip('/')}/api/auth/jwks"
        if self.JWT_REVOCATION_URL is None:
            self.JWT_REVOCATION_URL = f"{self.JWT_ISSUER.rstrip('/')}/api/auth/revocations"
        if self.JWT_REQUIRE_SID is None:
            self.JWT_REQUIRE_SID = self.JWT_REVOCATION_FEED
        return self


@lru_cache
def get_settings() -> Settings:
    return Settings()
