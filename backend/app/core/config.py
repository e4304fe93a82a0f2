"""Application settings, read once from the environment and backend/.env."""

from functools import lru_cache
from pathlib import Path
from typing import Annotated, Literal, Self

from pydantic import SecretStr, field_validator, model_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

BACKEND_DIR = Path(__file__).resolve().parents[2]
DEFAULT_DATABASE_URL = f"sqlite:///{BACKEND_DIR.parent / 'data' / 'tasks.db'}"
MIN_SECRET_LENGTH = 32
SECRET_HINT = (
    f"JWT_SECRET is missing or shorter than {MIN_SECRET_LENGTH} characters. Set it in "
    "backend/.env to the exact value of BETTER_AUTH_SECRET in frontend/.env.local "
    "(running `npm run dev` generates both)."
)


class DatabaseSettings(BaseSettings):
    """The database part alone, so `alembic upgrade` works without a JWT secret."""

    model_config = SettingsConfigDict(env_file=BACKEND_DIR / ".env", extra="ignore")

    DATABASE_URL: str = DEFAULT_DATABASE_URL


class Settings(DatabaseSettings):
    # A refused secret must not be echoed into startup logs by the validation error.
    model_config = SettingsConfigDict(hide_input_in_errors=True)

    JWT_MODE: Literal["shared-secret", "jwks"] = "shared-secret"
    JWT_SECRET: SecretStr = SecretStr("")
    JWT_ISSUER: str = "http://localhost:3000"
    JWT_AUDIENCE: str = "http://localhost:8000"
    JWKS_URL: str | None = None
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
        secret = self.JWT_SECRET.get_secret_value()
        if self.JWT_MODE == "shared-secret" and len(secret) < MIN_SECRET_LENGTH:
            raise ValueError(SECRET_HINT)
        if self.JWKS_URL is None:
            self.JWKS_URL = f"{self.JWT_ISSUER.rstrip('/')}/api/auth/jwks"
        return self


@lru_cache
def get_settings() -> Settings:
    return Settings()
