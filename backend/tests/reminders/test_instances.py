"""Two API instances share one database: 500 reminders due in the same minute go out once each.

The instances are real uvicorn processes running the sender in their lifespan; one of them is
killed (SIGKILL) half-way in the second test. Run with -s to see the delivery figures.
"""

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections import Counter
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import Engine

from app.core.config import BACKEND_DIR
from tests.conftest import TEST_SECRET
from tests.reminders.conftest import add_reminders, messages, unsent

REMINDERS = 500
DEADLINE_SECONDS = 90


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Instances:
    def __init__(self, database_url: str, outbox: Path, log_dir: Path) -> None:
        self.env = os.environ | {
            "DATABASE_URL": database_url,
            "JWT_SECRET": TEST_SECRET,
            "JWT_REVOCATION_FEED": "false",
            "REMINDER_SENDER": "true",
            "OUTBOX_DIR": str(outbox),
            "REMINDER_POLL_SECONDS": "0.02",
            "REMINDER_BATCH_SIZE": "5",
            "REMINDER_LEASE_SECONDS": "2",
        }
        self.log_dir = log_dir
        self.processes: list[subprocess.Popen[bytes]] = []

    def start(self, count: int) -> None:
        ports = [free_port() for _ in range(count)]
        for port in ports:
            command = [sys.executable, "-m", "uvicorn", "--factory", "app.main:create_app"]
            # The child keeps its own copy of the log's descriptor.
            with (self.log_dir / f"api-{port}.log").open("wb") as log:
                self.processes.append(
                    subprocess.Popen(  # noqa: S603 (a fixed command)
                        [*command, "--port", str(port)],
                        cwd=BACKEND_DIR,
                        env=self.env,
                        stdout=log,
                        stderr=subprocess.STDOUT,
                    )
                )
        for port in ports:
            wait_for(lambda port=port: healthy(port), "an API instance to start")

    def stop(self) -> None:
        for process in self.processes:
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)
        for process in self.processes:
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def healthy(port: int) -> bool:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=1) as answer:
            return answer.status == 200
    except OSError:
        return False


def wait_for(condition: object, what: str) -> None:
    deadline = time.monotonic() + DEADLINE_SECONDS
    while not condition():  # type: ignore[operator]
        if time.monotonic() > deadline:
            pytest.fail(f"timed out waiting for {what}")
        time.sleep(0.005)


@pytest.fixture
def instances(database_url: str, db: Engine, tmp_path: Path) -> Iterator[Instances]:
    running = Instances(database_url, tmp_path / "outbox", tmp_path)
    try:
        yield running
    finally:
        running.stop()


def due_this_minute() -> datetime:
    return datetime.now(UTC).replace(second=0, microsecond=0)


def figures(outbox: Path) -> tuple[int, int, Counter[str]]:
    mail = messages(outbox)
    keys = Counter(message["dedupKey"] for message in mail)
    by_instance = Counter(message["sentBy"] for message in mail)
    print(f"\n{len(mail)} emails, {len(keys)} distinct reminders, by instance {dict(by_instance)}")
    return len(mail), len(keys), keys


def test_two_instances_deliver_each_reminder_exactly_once(
    instances: Instances, db: Engine, tmp_path: Path
) -> None:
    instances.start(2)
    add_reminders(db, REMINDERS, due_this_minute(), users=50)

    wait_for(lambda: unsent(db) == 0, "every reminder to be sent")

    total, distinct, _ = figures(tmp_path / "outbox")
    assert (total, distinct) == (REMINDERS, REMINDERS)
    senders = {message["sentBy"] for message in messages(tmp_path / "outbox")}
    assert len(senders) == 2


def test_two_instances_one_killed_midway_every_reminder_still_arrives(
    instances: Instances, db: Engine, tmp_path: Path
) -> None:
    outbox = tmp_path / "outbox"
    instances.start(2)
    add_reminders(db, REMINDERS, due_this_minute(), users=50)
    victim = instances.processes[0]

    wait_for(lambda: len(list(outbox.glob("*.json"))) >= REMINDERS // 5, "the first emails")
    victim.send_signal(signal.SIGKILL)
    victim.wait()
    sent_when_killed = len(list(outbox.glob("*.json")))
    wait_for(lambda: unsent(db) == 0, "the survivor to send the rest")

    total, distinct, keys = figures(outbox)
    print(f"killed with {sent_when_killed} emails out; repeats: {total - distinct}")
    assert sent_when_killed < REMINDERS
    assert distinct == REMINDERS
    # Only a reminder the victim had emailed but not yet marked can go out again, with its key.
    assert total - distinct <= 1
    assert all(count <= 2 for count in keys.values())
