"""Engine creation: driver mapping, SQLite pragmas, the data directory."""

from pathlib import Path

import pytest
from sqlalchemy import Engine, text

from app.core.db import create_db_engine, read_connection, sqlalchemy_url


def test_map_postgresql_url_to_psycopg() -> None:
    url = "postgresql://postgres@127.0.0.1:5432/test"

    assert sqlalchemy_url(url) == "postgresql+psycopg://postgres@127.0.0.1:5432/test"


def test_map_sqlite_url_unchanged() -> None:
    assert sqlalchemy_url("sqlite:///x.db") == "sqlite:///x.db"


def test_create_engine_sqlite_creates_dir_and_sets_pragmas(tmp_path: Path) -> None:
    path = tmp_path / "missing" / "tasks.db"
    engine = create_db_engine(f"sqlite:///{path}")
    try:
        with engine.connect() as connection:
            pragmas = [
                connection.execute(text(f"PRAGMA {name}")).scalar()
                for name in ("journal_mode", "foreign_keys", "busy_timeout")
            ]
    finally:
        engine.dispose()

    assert path.parent.is_dir()
    assert pragmas == ["wal", 1, 5000]


def test_read_connection_sends_no_begin_on_postgresql(db_engine: Engine) -> None:
    if db_engine.dialect.name != "postgresql":
        pytest.skip("PostgreSQL only (DATABASE_URL): SQLite's driver begins no transaction to read")
    with read_connection(db_engine) as connection:
        connection.execute(text("SELECT 1"))
        status = connection.connection.dbapi_connection.info.transaction_status.name
    with db_engine.connect() as connection:
        # The checkout after it is back to the engine's default: writes stay in transactions.
        after = connection.get_isolation_level()

    assert status == "IDLE"
    assert after == db_engine.dialect.default_isolation_level
