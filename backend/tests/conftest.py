"""Shared fixtures: a migrated database emptied per test, settings, a client, a token factory."""

import os
from collections.abc import Callable, Iterator

import pytest
from alembic import command
from alembic.config import Config
from better_auth_jwt.testing import TEST_SECRET, TokenFactory
from fastapi.testclient import TestClient
from sqlalchemy import Engine, text
from sqlmodel import SQLModel

from app.core.config import BACKEND_DIR, Settings
from app.core.db import create_db_engine
from app.main import create_app

# The token factories and, for jwks mode, an Ed25519 key and a loopback JWKS server; then the
# app's jwks-mode settings and client.
pytest_plugins = ["better_auth_jwt.pytest_plugin", "tests.signing"]

# No app built by a test runs the reminder sender in its lifespan, so none writes into the real
# outbox; the sender's own tests (tests/reminders) start it themselves.
os.environ["REMINDER_SENDER"] = "false"

AuthHeaders = Callable[[str], dict[str, str]]


def migrate(engine: Engine, action: Callable[[Config, str], None], revision: str) -> None:
    config = Config(str(BACKEND_DIR / "alembic.ini"))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        action(config, revision)


@pytest.fixture(scope="session")
def database_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    """PostgreSQL when DATABASE_URL names one (CI runs both ways), else a throwaway SQLite."""
    url = os.environ.get("DATABASE_URL", "")
    if url.startswith("postgresql://"):
        return url
    return f"sqlite:///{tmp_path_factory.mktemp('db') / 'tasks.db'}"


@pytest.fixture(scope="session")
def db_engine(database_url: str) -> Iterator[Engine]:
    """Runs the real migrations once, and takes them down again so PostgreSQL is left clean."""
    engine = create_db_engine(database_url)
    migrate(engine, command.upgrade, "head")
    yield engine
    migrate(engine, command.downgrade, "base")
    with engine.begin() as connection:
        connection.execute(text("DROP TABLE alembic_version"))
    engine.dispose()


@pytest.fixture
def db(db_engine: Engine) -> Engine:
    with db_engine.begin() as connection:
        for table in reversed(SQLModel.metadata.sorted_tables):
            connection.execute(table.delete())
    return db_engine


@pytest.fixture
def settings(database_url: str, db: Engine) -> Settings:
    # The revocation feed has its own tests (tests/core/security/test_revocations.py); elsewhere no
    # frontend publishes one.
    return Settings(
        _env_file=None,
        JWT_SECRET=TEST_SECRET,
        DATABASE_URL=database_url,
        JWT_REVOCATION_FEED=False,
    )


@pytest.fixture
def client(settings: Settings) -> Iterator[TestClient]:
    with TestClient(create_app(settings)) as test_client:
        yield test_client


@pytest.fixture
def token_issuer(settings: Settings) -> str:
    return settings.JWT_ISSUER


@pytest.fixture
def token_audience(settings: Settings) -> str:
    return settings.JWT_AUDIENCE


@pytest.fixture
def auth_as(make_token: TokenFactory) -> AuthHeaders:
    return lambda sub: {"Authorization": f"Bearer {make_token(sub)}"}
