"""Creates the database engine for SQLite or PostgreSQL and hands out sessions."""

from collections.abc import Iterator
from pathlib import Path

from sqlalchemy import Connection, Engine, event
from sqlalchemy.engine import make_url
from sqlmodel import Session, create_engine

POOL_SIZE = 20
POOL_OVERFLOW = 10


def sqlalchemy_url(database_url: str) -> str:
    """Maps the plain `postgresql://` form people write to the psycopg 3 driver."""
    if database_url.startswith("postgresql://"):
        return "postgresql+psycopg://" + database_url.removeprefix("postgresql://")
    return database_url


def create_db_engine(database_url: str) -> Engine:
    url = make_url(sqlalchemy_url(database_url))
    if url.get_backend_name() != "sqlite":
        return create_engine(
            url,
            pool_pre_ping=True,
            # SQLAlchemy's default keeps 5 and closes any connection beyond them when it is
            # returned, so 32 concurrent lists kept opening new PostgreSQL backends
            # (bench/ANALYSIS.md). 20 kept and 10 more at a peak make 60 for the two scale-out
            # instances, under PostgreSQL's default of 100 connections.
            pool_size=POOL_SIZE,
            max_overflow=POOL_OVERFLOW,
            connect_args={"connect_timeout": 5},
        )
    if url.database and url.database != ":memory:":
        Path(url.database).parent.mkdir(parents=True, exist_ok=True)
    # FastAPI runs sync routes in a threadpool, so a connection may change threads.
    engine = create_engine(url, connect_args={"check_same_thread": False})
    event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    # WAL lets readers run during a write; busy_timeout waits out a writer instead of failing.
    cursor.execute("PRAGMA journal_mode=WAL")
    # In WAL mode NORMAL syncs at checkpoints, not at every commit: still never corrupt, and an
    # application crash loses nothing; only a power cut may lose the last commits.
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()


def read_connection(engine: Engine) -> Connection:
    """A connection for a read of several statements, such as the task list.

    On PostgreSQL in autocommit: at READ COMMITTED every statement reads its own snapshot, inside a
    transaction or not, so the BEGIN and ROLLBACK around the read would only add two round trips
    (bench/ANALYSIS.md). SQLite's driver begins a transaction only to write, so it is left as is.
    """
    connection = engine.connect()
    if engine.dialect.name == "postgresql":
        # Set on this checkout only; the pool resets it when the connection goes back.
        connection.execution_options(isolation_level="AUTOCOMMIT")
    return connection


def session_scope(engine: Engine) -> Iterator[Session]:
    with Session(engine) as session:
        yield session
