"""Prints PostgreSQL's plans for the exact statements the API runs to list and search one's tasks.

The statements are captured from `crud.list_tasks` itself, then run again under
`EXPLAIN (ANALYZE, BUFFERS)`, so the plans cannot drift from the code.
"""

import argparse

from sqlalchemy import create_engine, event

from app import crud
from app.core.db import sqlalchemy_url
from app.models import TaskListQuery


def captured_statements(engine, user_id: str, query: TaskListQuery) -> list[tuple[str, object]]:
    statements: list[tuple[str, object]] = []

    def capture(_conn, _cursor, statement, parameters, _context, _executemany) -> None:
        statements.append((statement, parameters))

    event.listen(engine, "before_cursor_execute", capture)
    try:
        with engine.connect() as connection:
            crud.list_tasks(connection, user_id=user_id, query=query)
    finally:
        event.remove(engine, "before_cursor_execute", capture)
    return statements


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", required=True, help="a postgresql:// DATABASE_URL")
    parser.add_argument("--user", required=True, help="whose tasks to list")
    parser.add_argument("--q", required=True, help="the search term")
    args = parser.parse_args()

    engine = create_engine(sqlalchemy_url(args.url))
    for label, query in [
        ("list: GET /api/tasks?limit=50", TaskListQuery(limit=50)),
        (f"search: GET /api/tasks?limit=50&q={args.q}", TaskListQuery(limit=50, q=args.q)),
    ]:
        for statement, parameters in captured_statements(engine, args.user, query):
            with engine.connect() as connection:
                cursor = connection.connection.cursor()
                cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS) {statement}", parameters)
                plan = "\n".join(row[0] for row in cursor.fetchall())
            print(f"-- {label}\n{statement}\n\n{plan}\n")


if __name__ == "__main__":
    main()
