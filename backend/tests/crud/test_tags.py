"""The tag list's counts, read straight from crud: grouping, open versus total, the owner only."""

from sqlalchemy import Engine
from sqlmodel import Session

from app import crud
from app.models import TagCount, TaskCreate


def add(session: Session, user_id: str, *tags: str, completed: bool = False) -> None:
    body = TaskCreate(title="Task", tags=list(tags), completed=completed)
    crud.create_task(session, user_id=user_id, body=body)


def test_count_tags_no_tasks_empty(db: Engine) -> None:
    with Session(db) as session:
        assert crud.count_tags(session, user_id="user-a") == []


def test_count_tags_counts_open_and_total_sorted_by_code_point(db: Engine) -> None:
    with Session(db) as session:
        add(session, "user-a", "home", "errands")
        add(session, "user-a", "home")
        add(session, "user-a", "home", completed=True)
        add(session, "user-a", "archive", completed=True)
        # Code point order: digits, then "_", then letters; "é" after every ASCII letter.
        add(session, "user-a", "zz", "é", "_x", "2fa")
        add(session, "user-a")

        counts = crud.count_tags(session, user_id="user-a")

    assert counts == [
        TagCount(name="2fa", open=1, total=1),
        TagCount(name="_x", open=1, total=1),
        TagCount(name="archive", open=0, total=1),
        TagCount(name="errands", open=1, total=1),
        TagCount(name="home", open=2, total=3),
        TagCount(name="zz", open=1, total=1),
        TagCount(name="é", open=1, total=1),
    ]


def test_count_tags_other_users_tags_never_counted(db: Engine) -> None:
    with Session(db) as session:
        add(session, "user-a", "home")
        add(session, "user-b", "home", "secret")
        add(session, "user-b", "home")

        assert crud.count_tags(session, user_id="user-a") == [
            TagCount(name="home", open=1, total=1)
        ]
        assert crud.count_tags(session, user_id="user-b") == [
            TagCount(name="home", open=2, total=2),
            TagCount(name="secret", open=1, total=1),
        ]


def test_count_tags_follow_edits_and_deletes(db: Engine) -> None:
    with Session(db) as session:
        first = crud.create_task(session, user_id="user-a", body=TaskCreate(title="A", tags=["x"]))
        crud.create_task(session, user_id="user-a", body=TaskCreate(title="B", tags=["x", "y"]))
        assert first.id is not None
        crud.toggle_task(session, user_id="user-a", task_id=first.id)
        assert crud.count_tags(session, user_id="user-a") == [
            TagCount(name="x", open=1, total=2),
            TagCount(name="y", open=1, total=1),
        ]

        crud.delete_task(session, user_id="user-a", task_id=first.id)

        assert crud.count_tags(session, user_id="user-a") == [
            TagCount(name="x", open=1, total=1),
            TagCount(name="y", open=1, total=1),
        ]
