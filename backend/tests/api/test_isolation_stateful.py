"""Random sequences of task operations by several users keep every user's tasks their own."""

from typing import Any

import hypothesis.strategies as st
from fastapi.testclient import TestClient
from httpx2 import Response
from hypothesis import settings
from hypothesis.stateful import (
    Bundle,
    RuleBasedStateMachine,
    consumes,
    invariant,
    rule,
    run_state_machine_as_test,
)
from sqlalchemy import Engine
from sqlmodel import SQLModel

from app.models import MAX_INT32
from tests.conftest import AuthHeaders

# No name is a substring of another, so finding one in a response body means it leaked.
USERS = ("alice", "bob", "carol")
FIELDS = ("title", "description", "completed", "priority", "tags")

users = st.sampled_from(USERS)
path_forms = st.sampled_from(["/api/tasks", "/api/{user}/tasks"])
titles = st.text(st.characters(codec="utf-8", exclude_categories=["Cc", "Cs"]), min_size=1)
titles = titles.map(lambda title: title.strip()[:200]).filter(bool)
task_fields = st.fixed_dictionaries(
    {"title": titles},
    optional={
        "description": st.text(max_size=20).filter(lambda text: "\x00" not in text),
        "priority": st.sampled_from(["low", "medium", "high"]),
        "tags": st.lists(st.sampled_from(["home", "work", "x"]), max_size=3),
    },
)


def run_isolation_machine(client: TestClient, auth_as: AuthHeaders, db: Engine) -> None:
    class TaskIsolation(RuleBasedStateMachine):
        """The model: each user's tasks by id, as the API should show them."""

        task_ids = Bundle("task_ids")

        def __init__(self) -> None:
            super().__init__()
            with db.begin() as connection:
                for table in reversed(SQLModel.metadata.sorted_tables):
                    connection.execute(table.delete())
            self.model: dict[str, dict[int, dict[str, Any]]] = {user: {} for user in USERS}

        def send(self, user: str, form: str, method: str, suffix: str = "", **kw: Any) -> Response:
            url = form.format(user=user) + suffix
            response = client.request(method, url, headers=auth_as(user), **kw)
            assert response.status_code < 500, response.text
            for someone_else in set(USERS) - {user}:
                assert someone_else not in response.text
            return response

        def answer_for(self, user: str, task_id: int, response: Response) -> dict | None:
            """The task the response shows if the user owns it; a 404 otherwise."""
            if task_id not in self.model[user]:
                assert (response.status_code, response.json()) == (
                    404,
                    {"detail": "Task not found"},
                )
                return None
            assert response.status_code == 200, response.text
            body = response.json()
            assert body["user_id"] == user
            return body

        @rule(target=task_ids, user=users, form=path_forms, fields=task_fields)
        def create(self, user: str, form: str, fields: dict) -> int:
            response = self.send(user, form, "POST", json=fields)
            assert response.status_code == 201, response.text
            body = response.json()
            self.model[user][body["id"]] = {key: body[key] for key in FIELDS}
            return body["id"]

        @rule(user=users, form=path_forms, task_id=task_ids | st.integers(1, MAX_INT32))
        def read(self, user: str, form: str, task_id: int) -> None:
            body = self.answer_for(user, task_id, self.send(user, form, "GET", f"/{task_id}"))
            if body is not None:
                assert {key: body[key] for key in FIELDS} == self.model[user][task_id]

        @rule(user=users, form=path_forms, task_id=task_ids, fields=task_fields, full=st.booleans())
        def update(self, user: str, form: str, task_id: int, fields: dict, full: bool) -> None:
            response = self.send(user, form, "PUT" if full else "PATCH", f"/{task_id}", json=fields)
            body = self.answer_for(user, task_id, response)
            if body is not None:
                self.model[user][task_id] = {key: body[key] for key in FIELDS}

        @rule(user=users, form=path_forms, task_id=task_ids)
        def complete(self, user: str, form: str, task_id: int) -> None:
            response = self.send(user, form, "PATCH", f"/{task_id}/complete")
            body = self.answer_for(user, task_id, response)
            if body is not None:
                expected = self.model[user][task_id]
                assert body["completed"] is not expected["completed"]
                expected["completed"] = body["completed"]

        @rule(user=users, form=path_forms, task_id=consumes(task_ids))
        def delete(self, user: str, form: str, task_id: int) -> None:
            response = self.send(user, form, "DELETE", f"/{task_id}")
            if task_id in self.model[user]:
                assert response.status_code == 204
                del self.model[user][task_id]
            else:
                assert (response.status_code, response.json()) == (
                    404,
                    {"detail": "Task not found"},
                )

        @rule(user=users, form=path_forms, tag=st.sampled_from(["home", "work"]))
        def list_by_tag(self, user: str, form: str, tag: str) -> None:
            response = self.send(user, form, "GET", params={"tag": tag, "limit": 100})
            expected = {
                task_id for task_id, task in self.model[user].items() if tag in task["tags"]
            }
            assert {item["id"] for item in response.json()["items"]} == expected

        @invariant()
        def each_list_equals_model(self) -> None:
            for user in USERS:
                body = self.send(user, "/api/tasks", "GET", params={"limit": 100}).json()
                listed = {item["id"]: {key: item[key] for key in FIELDS} for item in body["items"]}
                assert listed == self.model[user]
                assert body["total"] == len(self.model[user])
                assert {item["user_id"] for item in body["items"]} <= {user}

    run_state_machine_as_test(
        TaskIsolation,
        settings=settings(max_examples=20, stateful_step_count=15, deadline=None),
    )


def test_random_operations_keep_tasks_isolated(
    client: TestClient, auth_as: AuthHeaders, db: Engine
) -> None:
    run_isolation_machine(client, auth_as, db)
