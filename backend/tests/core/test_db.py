"""Engine creation: driver mapping, SQLite pragmas, the data directory."""

from pathlib import Path

from sqlalchemy import text

from app.core.db import create_db_engine, sqlalchemy_url


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
