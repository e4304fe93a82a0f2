"""Fills the task table for a benchmark with one bulk INSERT … SELECT, on SQLite or PostgreSQL.

Users are numbered; user 0 is `--owner` (a real signed-up user whose token the load uses), the
others are `bench-user-<n>`. Rows are generated in the database itself, so a million rows take
seconds, and users are interleaved row by row, so each user's tasks are spread over the table as
they would be after months of use rather than packed together.
"""

import argparse
import time

from sqlalchemy import create_engine, text

from app.core.db import sqlalchemy_url

# Titles cycle through these, so a search for one word matches a fifth of a user's tasks.
WORDS = ["buy milk", "pay rent", "call mom", "fix bike", "read book"]

# `n` runs over 0 … rows-1; `u` and `t` are the user and the task number derived from it.
NUMBERS = {
    "postgresql": "SELECT n FROM generate_series(0, :rows - 1) AS n",
    "sqlite": "WITH RECURSIVE s(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM s WHERE n < :rows - 1) "
    "SELECT n FROM s",
}
NOW_MINUS_N_SECONDS = {
    "postgresql": "now() - n * interval '1 second'",
    # The text form SQLAlchemy writes for a datetime on SQLite.
    "sqlite": "strftime('%Y-%m-%d %H:%M:%f', 'now', '-' || n || ' seconds') || '000'",
}
TITLE = "'Task ' || (n / :users) || ' ' || {word}"
WORD = "CASE (n / :users) % 5 {cases} END"


def insert_sql(engine: str) -> str:
    word = WORD.format(cases=" ".join(f"WHEN {i} THEN '{w}'" for i, w in enumerate(WORDS)))
    title = TITLE.format(word=word)
    created = NOW_MINUS_N_SECONDS[engine]
    # Only the constants above go into the text; every value is a bound parameter.
    return f"""
        INSERT INTO task (user_id, title, description, completed, created_at, updated_at,
                          search_text)
        SELECT CASE WHEN :first_user + n % :users = 0 THEN :owner
                    ELSE 'bench-user-' || (:first_user + n % :users) END,
               {title}, '', (n / :users) % 3 = 0, {created}, {created}, lower({title})
        FROM ({NUMBERS[engine]}) AS numbers
    """  # noqa: S608


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", required=True, help="DATABASE_URL of the API under test")
    parser.add_argument("--owner", required=True, help="user id (token `sub`) of user 0")
    parser.add_argument("--users", type=int, required=True)
    parser.add_argument("--tasks", type=int, required=True, help="tasks per user")
    parser.add_argument("--first-user", type=int, default=0, help="number of the first user")
    parser.add_argument("--reset", action="store_true", help="delete every task first")
    parser.add_argument("--tags", type=int, default=0, help="tags on each new task")
    args = parser.parse_args()

    engine = create_engine(sqlalchemy_url(args.url))
    name = engine.dialect.name
    started = time.perf_counter()
    with engine.begin() as connection:
        if args.reset:
            connection.execute(text("DELETE FROM task_tag"))
            connection.execute(text("DELETE FROM task"))
        params = {
            "rows": args.users * args.tasks,
            "users": args.users,
            "first_user": args.first_user,
            "owner": args.owner,
        }
        first_new = connection.execute(text("SELECT coalesce(max(id), 0) FROM task")).scalar_one()
        connection.execute(text(insert_sql(name)), params)
        for number in range(args.tags):
            connection.execute(
                text(
                    "INSERT INTO task_tag (task_id, tag, user_id) "
                    "SELECT id, :tag, user_id FROM task WHERE id > :first_new"
                ),
                {"tag": f"tag-{number}", "first_new": first_new},
            )
    # Fresh statistics, as autovacuum would have them after a real import.
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        connection.execute(text("VACUUM ANALYZE task" if name == "postgresql" else "ANALYZE"))
        total = connection.execute(text("SELECT count(*) FROM task")).scalar_one()
        if name == "postgresql":
            connection.execute(text("VACUUM ANALYZE task_tag"))
    print(
        f"seeded {args.users * args.tasks} tasks ({args.tags} tags each) for {args.users} users on {name} "
        f"in {time.perf_counter() - started:.1f} s; {total} tasks in the table"
    )


if __name__ == "__main__":
    main()
